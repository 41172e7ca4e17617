package check

// Exact GRIMMER on a bounded scale.
//
// The closed-form conditions of grimmer (the SD range, the least and the
// greatest sum of squares for the total, parity) are necessary but not
// sufficient: on a scale of 1 to 7, five whole numbers can have a mean
// that rounds to 1.6 and a sum of squares in the right range and of the
// right parity, yet no five numbers give mean 1.6 and SD 1.1 (the sums of
// squares of five values summing to 8 jump from 16 to 20). So, once a
// total T passes the closed form, the search below decides exactly whether
// some n whole numbers in [L, U] sum to T with a sum of squares in the
// window [qlo, qhi] that the SD allows, and returns one such data set.
//
// With z = y − L in [0, w], the question is whether some multiset of n
// values in [0, w] has Σz = S and Σz² in a window. Choose the count c of
// the largest value v first and recurse on the values below v; a branch is
// cut when the window misses the least (values as equal as possible) or
// the greatest (values at the ends) sum of squares that k values in
// [0, v] with sum s can have, or holds no number of the parity of s
// (z² ≡ z mod 2). Failed states (v, k, s, window) are remembered. The
// search is exhaustive, so its answer is exact; a node budget keeps
// pathological inputs from running long, and the result then says the
// search was not completed.

// exactBudget is the number of search nodes after which the exact search
// gives up (and the verdict rests on the closed-form conditions).
const exactBudget = 1 << 20

type exactSearch struct {
	w      int64 // values are 0..w
	width  int64 // qhi − qlo, fixed for one search
	counts []int64
	failed map[[4]int64]struct{}
	nodes  int
}

// qMinInt is the least Σz² of k whole numbers summing to s (s ≥ 0).
func qMinInt(k, s int64) int64 {
	if k == 0 {
		return 0
	}
	q, r := s/k, s%k
	return k*q*q + r*(2*q+1)
}

// qMaxInt is the greatest Σz² of k whole numbers in [0, v] summing to s
// (0 ≤ s ≤ kv): as many values as possible at v, one remainder, the rest 0.
func qMaxInt(k, s, v int64) int64 {
	if v == 0 {
		return 0
	}
	c, r := s/v, s%v
	return c*v*v + r*r
}

// feasible reports whether k values in [0, v] with sum s can have Σz² in
// [qlo, qlo + width]; it records the counts of one solution.
func (e *exactSearch) feasible(v, k, s, qlo int64) bool {
	qhi := qlo + e.width
	if k == 0 {
		return s == 0 && qlo <= 0 && 0 <= qhi
	}
	if s < 0 || s > k*v {
		return false
	}
	lo, hi := max(qlo, qMinInt(k, s)), min(qhi, qMaxInt(k, s, v))
	if lo > hi || (lo == hi && (lo-s)%2 != 0) {
		return false
	}
	if v <= 1 { // values 0 and 1: Σz² = Σz
		if qlo <= s && s <= qhi {
			if s > 0 {
				e.counts[1] += s
			}
			return true
		}
		return false
	}
	key := [4]int64{v, k, s, qlo}
	if _, bad := e.failed[key]; bad {
		return false
	}
	e.nodes++
	if e.nodes > exactBudget {
		return false
	}
	// c values equal to v; the rest, k − c values below v, must hold
	// s − cv ≤ (k − c)(v − 1), i.e. c ≥ s − k(v − 1).
	cmax := min(k, s/v)
	cmin := max(0, s-k*(v-1))
	for c := cmax; c >= cmin; c-- {
		if e.feasible(v-1, k-c, s-c*v, qlo-c*v*v) {
			e.counts[v] += c
			return true
		}
		if e.nodes > exactBudget {
			return false
		}
	}
	e.failed[key] = struct{}{}
	return false
}

// exactData decides whether n whole numbers in [lo, hi] sum to T with a
// sum of squares in [qlo, qhi]. It returns one such data set (sorted), or
// nil; complete is false when the search ran out of budget before
// deciding.
func exactData(n, lo, hi, T, qlo, qhi int64) (data []int64, complete bool) {
	w := hi - lo
	S := T - n*lo
	// Σz² = Σy² − 2·lo·T + n·lo².
	shift := -2*lo*T + n*lo*lo
	e := &exactSearch{w: w, width: qhi - qlo, counts: make([]int64, w+1), failed: map[[4]int64]struct{}{}}
	if !e.feasible(w, n, S, qlo+shift) {
		return nil, e.nodes <= exactBudget
	}
	e.counts[0] = n
	for v := int64(1); v <= w; v++ {
		e.counts[0] -= e.counts[v]
	}
	data = make([]int64, 0, n)
	for v := int64(0); v <= w; v++ {
		for i := int64(0); i < e.counts[v]; i++ {
			data = append(data, lo+v)
		}
	}
	return data, true
}
