package check

import (
	"math/big"
	"strconv"
	"strings"
)

// GRIMResult is the outcome of GRIM or GRIMMER for one reported mean (and
// SD).
type GRIMResult struct {
	Verdict Verdict
	// Testable is false when the granularity 1/(n·items) is no coarser
	// than the printed precision of the mean, so that every mean passes
	// GRIM; Verdict is then Consistent but carries no information.
	Testable bool
	// Sums are the whole-number totals Σx (on the scale of item sums)
	// whose mean rounds to the reported one; empty when inconsistent.
	SumLo, SumHi int64
	// Reason names the first test that failed for every candidate sum:
	// "GRIM", "SD range" (no whole-number sum of squares gives the SD),
	// "minimum SD" (the SD is below what whole numbers with this sum can
	// reach), "scale range" (above what the scale allows), "parity", "no
	// data set" (the closed-form conditions pass, but the exact search
	// finds no data on the scale with this mean and SD). For a consistent
	// GRIMMER verdict that is not Exact it says why.
	Reason string
	// Exact is true when GRIMMER decided exactly, by finding a data set
	// or by an exhaustive search (a scale range was given); otherwise a
	// Consistent verdict means only that the necessary conditions pass.
	Exact bool
	// Sample is one data set of n scores (each the mean of its items'
	// whole-number responses) on the scale whose mean and SD round to the
	// printed ones, sorted; the evidence for an Exact Consistent verdict.
	Sample []float64
}

// ScaleRange optionally bounds a single response (one item) of an
// integer-valued scale, e.g. 1 and 4 for the UCLA Loneliness Scale items.
// The zero value means unbounded.
type ScaleRange struct {
	Min, Max int
	Set      bool
}

// GRIM tests whether a mean printed as mean can arise from n participants'
// scores, each the average of items whole-number item responses
// (Brown & Heathers 2017; items = 1 for sum scores, such as a UCLA-3 total):
// there must be a whole number T with T/(n·items) rounding to the printed
// mean. Rounding is "up or down" (either way of breaking a tie at 5), as
// scrutiny's default; the check uses exact integer arithmetic on the
// printed digits, so trailing zeros matter ("5.20" has two decimals).
// items < 1 means 1.
func GRIM(mean string, n, items int) (GRIMResult, error) {
	x, err := parseNumber(mean)
	if err != nil {
		return GRIMResult{}, withField(err, "mean")
	}
	if n < 1 {
		return GRIMResult{}, invalidErr("n", strconv.Itoa(n), "must be at least 1")
	}
	if items < 1 {
		items = 1
	}
	return grim(x, n, items), nil
}

// sumRange returns the whole-number totals T with T/N rounding to x:
// (2M − 1)·N ≤ 2T·10^k ≤ (2M + 1)·N for x = M·10^−k.
func sumRange(x Number, N int64) (lo, hi *big.Int) {
	M := big.NewInt(x.Mant)
	nn := big.NewInt(N)
	twoM := new(big.Int).Lsh(M, 1)
	a := new(big.Int).Mul(new(big.Int).Sub(twoM, big.NewInt(1)), nn)
	b := new(big.Int).Mul(new(big.Int).Add(twoM, big.NewInt(1)), nn)
	if x.Neg && x.Mant == 0 { // "−0.00": the value was in [−½u, 0]
		b.SetInt64(0)
	}
	if x.Decimals >= 0 {
		D := new(big.Int).Lsh(pow10(x.Decimals), 1)
		return ceilDiv(a, D), floorDiv(b, D)
	}
	// Rounded to tens, hundreds...: multiply instead.
	P := pow10(-x.Decimals)
	a.Mul(a, P)
	b.Mul(b, P)
	two := big.NewInt(2)
	return ceilDiv(a, two), floorDiv(b, two)
}

func grim(x Number, n, items int) GRIMResult {
	N := int64(n) * int64(items)
	if x.Decimals >= 0 && x.Decimals <= 9 && x.Mant > -1e9 && x.Mant < 1e9 && N < 1e6 && !(x.Neg && x.Mant == 0) {
		// int64 fast path: |(2M ± 1)·N| < 2e15 and D ≤ 2e9.
		D := 2 * int64(pow10i[x.Decimals])
		a, b := (2*x.Mant-1)*N, (2*x.Mant+1)*N
		lo, hi := ceilDiv64(a, D), floorDiv64(b, D)
		r := GRIMResult{Testable: x.Decimals > 0 && N < int64(pow10i[x.Decimals])}
		if lo > hi {
			r.Verdict, r.Reason = Inconsistent, "GRIM"
			return r
		}
		r.Verdict, r.SumLo, r.SumHi = Consistent, lo, hi
		return r
	}
	lo, hi := sumRange(x, N)
	r := GRIMResult{Testable: x.Decimals > 0 && big.NewInt(N).Cmp(pow10(x.Decimals)) < 0}
	if lo.Cmp(hi) > 0 {
		r.Verdict, r.Reason = Inconsistent, "GRIM"
		return r
	}
	r.Verdict = Consistent
	r.SumLo, r.SumHi = clampInt64(lo), clampInt64(hi)
	return r
}

// GRIMMER tests whether a mean and an SD printed as mean and sd can arise
// together from n participants' whole-number scores on a scale of items
// items (Anaya 2016; Allard 2018's analytic A-GRIMMER). With y the
// participants' item sums (whole numbers), T = Σy and Q = Σy², the values
// are consistent when for some T that passes GRIM there is a whole Q with
//
//   - (n − 1)·(items·sd_lo)² ≤ Q − T²/n ≤ (n − 1)·(items·sd_hi)², where
//     [sd_lo, sd_hi] is the rounding interval of sd (A-GRIMMER tests 1–2,
//     which coincide in exact arithmetic);
//   - Q ≥ Q_min(T), the smallest sum of squares of n whole numbers summing
//     to T (all within one of each other) — an SD smaller than that is
//     impossible;
//   - Q ≤ Q_max(T) when the scale range is given (as many values as
//     possible at the ends of the range);
//   - Q ≡ T (mod 2), since y² ≡ y (mod 2) for every whole y (test 3).
//
// All comparisons are in exact integer arithmetic. Unlike A-GRIMMER as
// scrutiny 0.6.1 implements it, every GRIM-consistent total is tried, not
// only round(mean·n): see the package documentation on the false positive.
//
// These conditions are necessary, not sufficient (mean 1.6, SD 1.1, n = 5
// on 1–7 passes them, yet no five such numbers exist). When the scale
// range is given, GRIMMER then decides exactly: a search over the counts
// of each value, pruned by the least and greatest sums of squares,
// either finds n whole numbers on the scale whose mean and SD round to
// the printed ones, returned in Sample as evidence (as SPRITE and CORVIDS
// return data), or proves that none exist (Reason "no data set"); Exact
// is then true. Without a scale range the verdict rests on the
// conditions above.
func GRIMMER(mean, sd string, n, items int, scale ScaleRange) (GRIMResult, error) {
	x, err := parseNumber(mean)
	if err != nil {
		return GRIMResult{}, withField(err, "mean")
	}
	s, err := parseNumber(sd)
	if err != nil {
		return GRIMResult{}, withField(err, "sd")
	}
	if s.Neg { // "−0" too: an SD is never printed with a sign
		return GRIMResult{}, invalidErr("sd", sd, "must not be negative")
	}
	if n < 2 {
		return GRIMResult{}, invalidErr("n", strconv.Itoa(n), "must be at least 2")
	}
	if items < 1 {
		items = 1
	}
	if scale.Set && scale.Min > scale.Max {
		return GRIMResult{}, invalidErr("scale", strconv.Itoa(scale.Min)+".."+strconv.Itoa(scale.Max), "min above max")
	}
	return grimmer(x, s, n, items, scale), nil
}

const maxCandidateSums = 10000

func grimmer(x, s Number, n, items int, scale ScaleRange) GRIMResult {
	r := grim(x, n, items)
	if r.Verdict != Consistent {
		return r
	}
	if res, ok := grimmer64(s, n, items, scale, r); ok {
		return res
	}
	return grimmerBig(x, s, n, items, scale, r)
}

// grimmerBig is grimmer in big.Int arithmetic, for any size.
func grimmerBig(x, s Number, n, items int, scale ScaleRange, r GRIMResult) GRIMResult {
	tlo, thi := sumRange(x, int64(n)*int64(items))
	// Scale range restricts the sums.
	var ymin, ymax *big.Int
	if scale.Set {
		ymin = big.NewInt(int64(scale.Min) * int64(items))
		ymax = big.NewInt(int64(scale.Max) * int64(items))
		nb := big.NewInt(int64(n))
		if l := new(big.Int).Mul(ymin, nb); tlo.Cmp(l) < 0 {
			tlo = l
		}
		if u := new(big.Int).Mul(ymax, nb); thi.Cmp(u) > 0 {
			thi = u
		}
		if tlo.Cmp(thi) > 0 {
			return GRIMResult{Verdict: Inconsistent, Testable: r.Testable, Reason: "scale range"}
		}
	}
	if new(big.Int).Sub(thi, tlo).Cmp(big.NewInt(maxCandidateSums)) > 0 {
		return GRIMResult{Verdict: Consistent, Testable: false, SumLo: r.SumLo, SumHi: r.SumHi,
			Reason: "too many candidate sums to test"}
	}
	nb := big.NewInt(int64(n))
	// Bounds on n·Ds²·Q − Ds²·T² with Ds = 2·10^ks.
	ks := s.Decimals
	var Ds *big.Int
	var sdLo2, sdHi2 *big.Int // (2Ms ∓ 1)² scaled to the same Ds
	ms := big.NewInt(s.Mant)
	if ks >= 0 {
		Ds = new(big.Int).Lsh(pow10(ks), 1)
		l := new(big.Int).Sub(new(big.Int).Lsh(ms, 1), big.NewInt(1))
		if l.Sign() < 0 {
			l.SetInt64(0)
		}
		u := new(big.Int).Add(new(big.Int).Lsh(ms, 1), big.NewInt(1))
		sdLo2, sdHi2 = l.Mul(l, l), u.Mul(u, u)
	} else {
		Ds = big.NewInt(2)
		P := pow10(-ks)
		l := new(big.Int).Mul(new(big.Int).Sub(new(big.Int).Lsh(ms, 1), big.NewInt(1)), P)
		if l.Sign() < 0 {
			l.SetInt64(0)
		}
		u := new(big.Int).Mul(new(big.Int).Add(new(big.Int).Lsh(ms, 1), big.NewInt(1)), P)
		sdLo2, sdHi2 = l.Mul(l, l), u.Mul(u, u)
	}
	it := big.NewInt(int64(items))
	c := new(big.Int).Mul(nb, big.NewInt(int64(n-1)))
	c.Mul(c, it)
	c.Mul(c, it) // n(n−1)·items²
	Ds2 := new(big.Int).Mul(Ds, Ds)
	den := new(big.Int).Mul(nb, Ds2)
	best := 0 // furthest test passed by any candidate
	reasons := []string{"SD range", "minimum SD", "scale range", "parity", "no data set"}
	exact := scale.Set && exactFits(n, items, scale)
	undecided := false
	one := big.NewInt(1)
	for T := new(big.Int).Set(tlo); T.Cmp(thi) <= 0; T.Add(T, one) {
		T2 := new(big.Int).Mul(T, T)
		T2.Mul(T2, Ds2)
		qlo := ceilDiv(new(big.Int).Add(new(big.Int).Mul(c, sdLo2), T2), den)
		qhi := floorDiv(new(big.Int).Add(new(big.Int).Mul(c, sdHi2), T2), den)
		if qlo.Cmp(qhi) > 0 {
			continue
		}
		best = max(best, 1)
		if m := qMin(T, nb); qlo.Cmp(m) < 0 {
			qlo = m
		}
		if qlo.Cmp(qhi) > 0 {
			continue
		}
		best = max(best, 2)
		if scale.Set {
			if m := qMax(T, nb, ymin, ymax); qhi.Cmp(m) > 0 {
				qhi = m
			}
			if qlo.Cmp(qhi) > 0 {
				continue
			}
		}
		best = max(best, 3)
		// A Q of T's parity in [qlo, qhi].
		if !(qlo.Cmp(qhi) < 0 || new(big.Int).Sub(qlo, T).Bit(0) == 0) {
			continue
		}
		best = max(best, 4)
		if !exact {
			return GRIMResult{Verdict: Consistent, Testable: r.Testable, SumLo: r.SumLo, SumHi: r.SumHi}
		}
		data, complete := exactData(int64(n), int64(scale.Min)*int64(items), int64(scale.Max)*int64(items), T.Int64(), qlo.Int64(), qhi.Int64())
		if data != nil {
			return consistentWith(data, items, r)
		}
		undecided = undecided || !complete
	}
	if undecided {
		return GRIMResult{Verdict: Consistent, Testable: r.Testable, SumLo: r.SumLo, SumHi: r.SumHi,
			Reason: "the exact search stopped at its limit; the necessary conditions pass"}
	}
	return GRIMResult{Verdict: Inconsistent, Testable: r.Testable, Reason: reasons[best], Exact: exact}
}

// grimmer64 is grimmer in int64 arithmetic for the usual sizes (n·items ≤
// 10⁴, an SD with at most two decimals and below 100, totals and scale
// ends below 10⁶ and 10⁴), where every product stays below 10¹⁷; ok is
// false outside them. r is GRIM's consistent result for the mean.
func grimmer64(s Number, n, items int, scale ScaleRange, r GRIMResult) (GRIMResult, bool) {
	N := int64(n) * int64(items)
	if N > 1e4 || s.Decimals < 0 || s.Decimals > 2 || s.Mant < 0 || s.Mant > 1e4 ||
		r.SumLo < -1e6 || r.SumHi > 1e6 ||
		(scale.Set && (abs(scale.Min) > 1e4/items || abs(scale.Max) > 1e4/items)) {
		return GRIMResult{}, false
	}
	nn, it := int64(n), int64(items)
	tlo, thi := r.SumLo, r.SumHi
	var ymin, ymax int64
	if scale.Set {
		ymin, ymax = int64(scale.Min)*it, int64(scale.Max)*it
		tlo, thi = max(tlo, ymin*nn), min(thi, ymax*nn)
		if tlo > thi {
			return GRIMResult{Verdict: Inconsistent, Testable: r.Testable, Reason: "scale range"}, true
		}
	}
	Ds := 2 * pow10i[s.Decimals]
	l, u := max(2*s.Mant-1, 0), 2*s.Mant+1
	sdLo2, sdHi2 := l*l, u*u
	c := nn * (nn - 1) * it * it
	Ds2 := Ds * Ds
	den := nn * Ds2
	best := 0
	reasons := []string{"SD range", "minimum SD", "scale range", "parity", "no data set"}
	exact := scale.Set && exactFits(n, items, scale)
	undecided := false
	for T := tlo; T <= thi; T++ {
		T2 := T * T * Ds2
		qlo := ceilDiv64(c*sdLo2+T2, den)
		qhi := floorDiv64(c*sdHi2+T2, den)
		if qlo > qhi {
			continue
		}
		best = max(best, 1)
		qlo = max(qlo, qMin64(T, nn))
		if qlo > qhi {
			continue
		}
		best = max(best, 2)
		if scale.Set {
			qhi = min(qhi, qMax64(T, nn, ymin, ymax))
			if qlo > qhi {
				continue
			}
		}
		best = max(best, 3)
		if qlo == qhi && (qlo-T)%2 != 0 {
			continue
		}
		best = max(best, 4)
		if !exact {
			return GRIMResult{Verdict: Consistent, Testable: r.Testable, SumLo: r.SumLo, SumHi: r.SumHi}, true
		}
		data, complete := exactData(nn, ymin, ymax, T, qlo, qhi)
		if data != nil {
			return consistentWith(data, items, r), true
		}
		undecided = undecided || !complete
	}
	if undecided {
		return GRIMResult{Verdict: Consistent, Testable: r.Testable, SumLo: r.SumLo, SumHi: r.SumHi,
			Reason: "the exact search stopped at its limit; the necessary conditions pass"}, true
	}
	return GRIMResult{Verdict: Inconsistent, Testable: r.Testable, Reason: reasons[best], Exact: exact}, true
}

// consistentWith is the exact consistent verdict with its evidence (item
// sums, turned into scores).
func consistentWith(data []int64, items int, r GRIMResult) GRIMResult {
	sample := make([]float64, len(data))
	for i, y := range data {
		sample[i] = float64(y) / float64(items)
	}
	return GRIMResult{Verdict: Consistent, Testable: r.Testable, SumLo: r.SumLo, SumHi: r.SumHi, Exact: true, Sample: sample}
}

// qMin64 is qMin in int64.
func qMin64(T, n int64) int64 {
	q := floorDiv64(T, n)
	rem := T - q*n
	return n*q*q + (2*q+1)*rem
}

// qMax64 is qMax in int64 (a·n ≤ T ≤ b·n).
func qMax64(T, n, a, b int64) int64 {
	w := b - a
	if w == 0 {
		return n * a * a
	}
	Z := T - n*a
	k, rem := Z/w, Z%w
	return k*w*w + rem*rem + 2*a*Z + n*a*a
}

// exactFits reports whether the exact search's int64 arithmetic is safe
// for n values of items items on the scale: n·y² well below 2⁶³.
func exactFits(n, items int, scale ScaleRange) bool {
	m := float64(max(abs(scale.Min), abs(scale.Max))) * float64(items)
	return n <= 1e6 && float64(n)*4*m*m < 1e17
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// qMin is the least Σy² over n whole numbers with Σy = T: T = qn + r with
// 0 ≤ r < n gives r values q+1 and n−r values q.
func qMin(T, n *big.Int) *big.Int {
	q, r := new(big.Int), new(big.Int)
	q.DivMod(T, n, r) // Euclidean: 0 ≤ r < n
	out := new(big.Int).Mul(n, new(big.Int).Mul(q, q))
	tq := new(big.Int).Add(new(big.Int).Lsh(q, 1), big.NewInt(1))
	return out.Add(out, tq.Mul(tq, r))
}

// qMax is the greatest Σy² over n whole numbers in [a, b] with Σy = T
// (a·n ≤ T ≤ b·n): with z = y − a, w = b − a and Z = T − na, k = ⌊Z/w⌋
// values at b, one at a + (Z − kw), the rest at a (Σz² is convex, so the
// extremes of the simplex maximize it).
func qMax(T, n, a, b *big.Int) *big.Int {
	w := new(big.Int).Sub(b, a)
	Z := new(big.Int).Sub(T, new(big.Int).Mul(n, a))
	if w.Sign() == 0 {
		return new(big.Int).Mul(n, new(big.Int).Mul(a, a))
	}
	k, rem := new(big.Int), new(big.Int)
	k.DivMod(Z, w, rem)
	sz2 := new(big.Int).Mul(k, new(big.Int).Mul(w, w))
	sz2.Add(sz2, new(big.Int).Mul(rem, rem))
	// Σy² = Σz² + 2aZ + n·a².
	out := sz2.Add(sz2, new(big.Int).Lsh(new(big.Int).Mul(a, Z), 1))
	return out.Add(out, new(big.Int).Mul(n, new(big.Int).Mul(a, a)))
}

var pow10Table = func() [40]*big.Int {
	var t [40]*big.Int
	t[0] = big.NewInt(1)
	for i := 1; i < len(t); i++ {
		t[i] = new(big.Int).Mul(t[i-1], big.NewInt(10))
	}
	return t
}()

// pow10 returns 10^k as a new big.Int.
func pow10(k int) *big.Int {
	if k >= 0 && k < len(pow10Table) {
		return new(big.Int).Set(pow10Table[k])
	}
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil)
}

func floorDiv(a, b *big.Int) *big.Int {
	q, _ := new(big.Int).DivMod(a, b, new(big.Int)) // b > 0: Euclidean = floor
	return q
}

func ceilDiv(a, b *big.Int) *big.Int {
	q, m := new(big.Int).DivMod(a, b, new(big.Int))
	if m.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	return q
}

func clampInt64(x *big.Int) int64 {
	if x.IsInt64() {
		return x.Int64()
	}
	if x.Sign() < 0 {
		return -1 << 63
	}
	return 1<<63 - 1
}

var pow10i = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9}

func floorDiv64(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && (a < 0) {
		q--
	}
	return q
}

func ceilDiv64(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && (a > 0) {
		q++
	}
	return q
}

// String returns the verdict with its reason: "consistent (exact, e.g.
// 1 1 2 3 5)", "inconsistent (parity)".
func (r GRIMResult) String() string {
	var b strings.Builder
	b.WriteString(r.Verdict.String())
	var notes []string
	if r.Reason != "" {
		notes = append(notes, r.Reason)
	}
	if r.Verdict == Consistent && !r.Testable && r.Sample == nil {
		notes = append(notes, "not testable at this precision")
	}
	if r.Verdict == Consistent && r.Exact && len(r.Sample) > 0 {
		ss := make([]string, 0, min(len(r.Sample), 12))
		for i, v := range r.Sample {
			if i == 12 {
				ss = append(ss, "…")
				break
			}
			ss = append(ss, strconv.FormatFloat(v, 'g', -1, 64))
		}
		notes = append(notes, "exact, e.g. "+strings.Join(ss, " "))
	}
	if len(notes) > 0 {
		b.WriteString(" (" + strings.Join(notes, "; ") + ")")
	}
	return b.String()
}
