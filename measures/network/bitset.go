package network

import (
	"hash/maphash"
	"math/bits"
)

func trailingZeros(x uint64) int { return bits.TrailingZeros64(x) }

// bitsets is an adjacency matrix of n alters stored as n rows of
// ceil(n/64) words.
type bitsets struct {
	w    int // words per row
	data []uint64
}

func (b bitsets) row(i int) []uint64 { return b.data[i*b.w : (i+1)*b.w] }

func (b bitsets) has(i, j int) bool { return b.data[i*b.w+j/64]&(1<<(uint(j)%64)) != 0 }

func (b bitsets) set(i, j int) {
	b.data[i*b.w+j/64] |= 1 << (uint(j) % 64)
	b.data[j*b.w+i/64] |= 1 << (uint(i) % 64)
}

var idSeed = maphash.MakeSeed()

// duplicateID returns the position of the first alter whose ID repeats an
// earlier one, or −1, using an open-addressing table kept in sc.
func (sc *scratch) duplicateID(alters []Alter) int {
	size := 8
	for size < 2*len(alters) {
		size *= 2
	}
	if cap(sc.table) < size {
		sc.table = make([]int32, size)
	}
	t := sc.table[:size]
	clear(t)
	mask := uint64(size - 1)
	for i := range alters {
		id := alters[i].ID
		h := maphash.String(idSeed, id) & mask
		for t[h] != 0 {
			if alters[t[h]-1].ID == id {
				return i
			}
			h = (h + 1) & mask
		}
		t[h] = int32(i + 1)
	}
	return -1
}
