package network

import (
	"fmt"
	"math"
)

// Undefined says why a measure is NaN.
type Undefined struct {
	Measure string // e.g. "Density"
	Reason  string // e.g. "fewer than 2 alters"
}

// Structure holds the measures of an ego network's shape. A measure that
// cannot be computed is NaN and has an entry in Undefined.
type Structure struct {
	Size      int // alters named
	TieAlters int // alters among whom ties were asked: min(Size, Cap)
	Ties      int // distinct alter–alter ties

	Density         float64 // Ties / (m(m−1)/2), ego excluded, m = TieAlters
	DensityWithEgo  float64 // (Ties + m) / ((m+1)m/2), ego tied to every alter
	WeightedDensity float64 // Σ weights / (m(m−1)/2)

	MeanDegree       float64 // 2·Ties / m, ego excluded
	Components       int     // connected components among the alters (an isolate is one)
	Isolates         int     // alters tied to no other alter
	LargestComponent int     // alters in the largest component

	EffectiveSize float64 // Burt's effective size, m − 2·Ties/m
	Efficiency    float64 // EffectiveSize / m
	Constraint    float64 // Burt's aggregate constraint on ego

	Undefined []Undefined
}

func (s *Structure) undefined(measure, reason string) {
	s.Undefined = append(s.Undefined, Undefined{measure, reason})
}

// Structural computes the structural measures of one ego network. The
// ties must be clean (see Ego.Clean and Ego.Validate): an invalid tie
// list returns the zero Structure and an error wrapping ErrInvalidInput.
//
// When Ego.Cap limits the alters among whom ties were asked, every
// measure except Size uses those first m = min(Size, Cap) alters, so the
// density's denominator is m(m−1)/2 as in egor's max.netsize.
// Constraint and effective size treat the network as undirected and
// unweighted, with ego tied to every alter.
func Structural(e *Ego) (Structure, error) {
	if err := e.validateValues(nil); err != nil {
		return Structure{}, err
	}
	sc := newScratch(len(e.Alters))
	if err := e.validateTies(sc); err != nil {
		return Structure{}, err
	}
	var s Structure
	structural(e, &s, sc)
	return s, nil
}

// scratch holds buffers reused across egos by the batch functions.
type scratch struct {
	adj   bitsets
	deg   []int
	stack []int
	seen  []uint64
	table []int32 // alter-ID hash table
	codes []int32 // one attribute's category per alter, −1 = missing
}

func newScratch(n int) *scratch {
	sc := &scratch{}
	sc.grow(n)
	return sc
}

func (sc *scratch) grow(n int) {
	w := (n + 63) / 64
	if cap(sc.adj.data) < n*w {
		sc.adj.data = make([]uint64, n*w)
		sc.deg = make([]int, n)
		sc.stack = make([]int, 0, n)
		sc.seen = make([]uint64, w)
	}
	sc.adj.w = w
	sc.adj.data = sc.adj.data[:n*w]
	clear(sc.adj.data)
	sc.deg = sc.deg[:n]
	clear(sc.deg)
	sc.seen = sc.seen[:cap(sc.seen)][:w]
	clear(sc.seen)
}

// structural fills s; e must have passed validateTies(sc), which leaves
// the adjacency matrix and degrees in sc.
func structural(e *Ego, s *Structure, sc *scratch) {
	n := len(e.Alters)
	m := e.tieAlters()
	s.Size, s.TieAlters, s.Ties = n, m, len(e.Ties)
	adj, deg := sc.adj, sc.deg
	sumW := 0.0
	for _, t := range e.Ties {
		sumW += t.Weight
	}
	T := float64(len(e.Ties))
	fm := float64(m)
	pairs := fm * (fm - 1) / 2
	nan := math.NaN()
	if m < 2 {
		s.Density, s.WeightedDensity = nan, nan
		s.undefined("Density", fmt.Sprintf("%d alters: density needs at least 2", m))
		s.undefined("WeightedDensity", fmt.Sprintf("%d alters: density needs at least 2", m))
	} else {
		s.Density = T / pairs
		if e.Weighted {
			s.WeightedDensity = sumW / pairs
		} else {
			s.WeightedDensity = nan
			s.undefined("WeightedDensity", "ties carry no weights")
		}
	}
	if m == 0 {
		s.DensityWithEgo, s.MeanDegree, s.EffectiveSize, s.Efficiency, s.Constraint = nan, nan, nan, nan, nan
		for _, name := range []string{"DensityWithEgo", "MeanDegree", "EffectiveSize", "Efficiency", "Constraint"} {
			s.undefined(name, "no alters")
		}
		return
	}
	s.DensityWithEgo = (T + fm) / ((fm + 1) * fm / 2)
	s.MeanDegree = 2 * T / fm
	s.EffectiveSize = fm - 2*T/fm
	s.Efficiency = s.EffectiveSize / fm

	// Components by depth-first search over the bitset rows.
	seen := sc.seen
	stack := sc.stack[:0]
	for i := 0; i < m; i++ {
		if deg[i] == 0 {
			s.Isolates++
		}
		if seen[i/64]&(1<<(uint(i)%64)) != 0 {
			continue
		}
		s.Components++
		size := 0
		seen[i/64] |= 1 << (uint(i) % 64)
		stack = append(stack, i)
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			size++
			row := adj.row(v)
			for w, word := range row {
				word &^= seen[w]
				for word != 0 {
					b := trailingZeros(word)
					word &= word - 1
					u := w*64 + b
					seen[w] |= 1 << uint(b)
					stack = append(stack, u)
				}
			}
		}
		if size > s.LargestComponent {
			s.LargestComponent = size
		}
	}
	sc.stack = stack

	// Burt's constraint with p_ej = 1/m and p_qj = 1/(deg(q)+1), the
	// degree of q in the ego-inclusive graph.
	pe := 1 / fm
	c := 0.0
	for j := 0; j < m; j++ {
		indirect := 0.0
		row := adj.row(j)
		for w, word := range row {
			for word != 0 {
				b := trailingZeros(word)
				word &= word - 1
				indirect += 1 / float64(deg[w*64+b]+1)
			}
		}
		x := pe + pe*indirect
		c += x * x
	}
	s.Constraint = c
}

// String prints the main measures as a table row would: "size 3, ties 2,
// density 0.67, components 1, effective size 1.67, constraint 0.84".
func (s Structure) String() string {
	return fmt.Sprintf("size %d, ties %d, density %.2f, components %d, effective size %.2f, constraint %.2f",
		s.Size, s.Ties, s.Density, s.Components, s.EffectiveSize, s.Constraint)
}
