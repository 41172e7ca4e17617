package check

import (
	"math"
	"sort"
)

// CI checks for the conventions whose interval depends on the SD ratio.
//
// Glass's Δ standardized by arm k's SD (the other arm o) and d with the
// average SD have intervals that are functions of two scalars: the
// estimate e and the SD ratio r = s_o/s_k (for d with the average SD,
// k is the control arm). The means enter only through the mean difference
// D, and e = D/(s_k·φ(r)) with φ = 1 for Glass and √((1 + r²)/2) for the
// average SD. For a fixed r the rounding box allows s_k in
// [max(s_k,lo, s_o,lo/r), min(s_k,hi, s_o,hi/r)], and e ranges over the
// exact quotient of D's range by that interval times φ(r) (see quotient);
// so the box reduces to one dimension, r in [s_o,lo/s_k,hi, s_o,hi/s_k,lo],
// and for fixed r the two ends are monotone functions of e whose joint
// preimage is computed exactly (as for d). Over r the ends are not
// monotone and r is searched.
//
// Glass's Δ, Wald (metafor SMD1, uncorrected): e ∓ z·√(1/n1 + 1/n2 +
// e²/(2n_k)) depends on e alone and is checked exactly by waldJoint, with
// no search.
//
// Glass's Δ, exact (effectsize glass_delta; Algina, Keselman & Penfield
// 2006): with h = 1/n_k + r²/n_o the ends are √h·λ_L,U(e/√h) on n_k − 1
// df. For fixed r, nctJoint decides exactly. The search over r is guided
// by a model of the ends: the normal approximation of Abramowitz & Stegun
// 26.7.10 (a Wald form c·e ∓ z·√(h + e²/(2ν)), c = 1 − 1/(4ν)) shifted by
// its exact error at the centre of the box, so the model's slack has a
// closed form.
//
// d with the average SD, Wald (Bonett 2008, effect.SMDH uncorrected, LS):
// with q = r²/(1 + r²), v = e²·(q²/(n1−1) + (1−q)²/(n2−1))/2 +
// 2·(q/(n1−1) + (1−q)/(n2−1)), a Wald form in e with coefficients that
// depend on r; its slack has a closed form.

// denseGrid is the number of evenly spaced ratios at which the exact
// interval of Glass's Δ is decided when n_k − 1 < 10, where the model that
// guides the search can be far off.
const denseGrid = 65

// ratioGrid is the number of evenly spaced points of the ratio range at
// which the search evaluates its guide (the range's ends included), before
// golden-section refinement around the best one.
const ratioGrid = 17

// ratioBox is the rounding box reduced to the mean difference and the two
// SDs of a ratio-dependent convention.
type ratioBox struct {
	D, Sk, So Range
	avg       bool // standardizer s_k·√((1 + r²)/2), else s_k
}

// rRange returns the range of r = s_o/s_k over the box.
func (rb ratioBox) rRange() Range { return Range{rb.So.Lo / rb.Sk.Hi, rb.So.Hi / rb.Sk.Lo} }

// est returns the exact range of the estimate over the part of the box
// with s_o/s_k = r.
func (rb ratioBox) est(r float64) Range {
	sk := Range{max(rb.Sk.Lo, rb.So.Lo/r), min(rb.Sk.Hi, rb.So.Hi/r)}
	if sk.Lo > sk.Hi { // r at an end of its range, up to rounding
		m := 0.5 * (sk.Lo + sk.Hi)
		sk = Range{m, m}
	}
	if rb.avg {
		f := math.Sqrt((1 + r*r) / 2)
		sk = Range{sk.Lo * f, sk.Hi * f}
	}
	return quotient(rb.D, sk)
}

// points returns the search grid over the r range: ratioGrid evenly spaced
// points and the two kinks of est (where the s_k interval switches ends).
func (rb ratioBox) points(buf *[ratioGrid + 2]float64) []float64 {
	rr := rb.rRange()
	ps := buf[:0]
	for i := 0; i < ratioGrid; i++ {
		ps = append(ps, rr.Lo+(rr.Hi-rr.Lo)*float64(i)/(ratioGrid-1))
	}
	for _, k := range [2]float64{rb.So.Lo / rb.Sk.Lo, rb.So.Hi / rb.Sk.Hi} {
		if k > rr.Lo && k < rr.Hi {
			// Insert in order (the grid is sorted).
			i := len(ps)
			ps = append(ps, k)
			for ; i > 0 && ps[i-1] > k; i-- {
				ps[i] = ps[i-1]
			}
			ps[i] = k
		}
	}
	return ps
}

// ratioBoxFor returns the reduced box for a ratio convention (GlassControl,
// GlassTreat or AverageD) and the sizes (n_k, n_o).
func (b box) ratioBoxFor(c Convention) (ratioBox, float64, float64) {
	s1, s2 := b.sdBounds(c.SEAsSD)
	n1, n2 := float64(b.n1), float64(b.n2)
	switch c.Standardizer {
	case GlassTreat:
		return ratioBox{D: b.diff(), Sk: s1, So: s2}, n1, n2
	case AverageD:
		return ratioBox{D: b.diff(), Sk: s2, So: s1, avg: true}, n2, n1
	}
	return ratioBox{D: b.diff(), Sk: s2, So: s1}, n2, n1
}

// waldSlack returns, for ends e ∓ z·√(A + B·e²) with z²B < 1 (both ends
// increasing), the length of the set of e in E with the lower end in rl
// and the upper end in ru, negative when the set is empty (then minus the
// distance between the two sets that bound it, on the e scale). The
// inverses are the roots of a quadratic.
func waldSlack(E, rl, ru Range, z, A, B float64) float64 {
	w := 1 - z*z*B
	inv := func(y, sign float64) float64 {
		return (y + sign*z*math.Sqrt(B*y*y+A*w)) / w
	}
	lo := max(E.Lo, max(inv(rl.Lo, 1), inv(ru.Lo, -1)))
	hi := min(E.Hi, min(inv(rl.Hi, 1), inv(ru.Hi, -1)))
	return hi - lo
}

// waldMid returns the midpoint of the set waldSlack measures (the point
// of E that comes closest to reproducing both ends).
func waldMid(E, rl, ru Range, z, A, B float64) float64 {
	w := 1 - z*z*B
	inv := func(y, sign float64) float64 {
		return (y + sign*z*math.Sqrt(B*y*y+A*w)) / w
	}
	lo := max(E.Lo, max(inv(rl.Lo, 1), inv(ru.Lo, -1)))
	hi := min(E.Hi, min(inv(rl.Hi, 1), inv(ru.Hi, -1)))
	m := 0.5 * (lo + hi)
	return max(E.Lo, min(E.Hi, m))
}

// waldRange widens lr, ur to include the ends e ∓ z·√(A + B·e²) over E.
func waldRange(E Range, z, A, B float64, lr, ur *Range) {
	es := []float64{E.Lo, E.Hi}
	if z*z*B > 1 {
		c := math.Sqrt(A / (B * (z*z*B - 1)))
		for _, x := range []float64{-c, c} {
			if x > E.Lo && x < E.Hi {
				es = append(es, x)
			}
		}
	}
	for _, e := range es {
		s := z * math.Sqrt(A+B*e*e)
		lr.Lo, lr.Hi = min(lr.Lo, e-s), max(lr.Hi, e-s)
		ur.Lo, ur.Hi = min(ur.Lo, e+s), max(ur.Hi, e+s)
	}
}

// maximize returns the point of ps (sorted) with the largest f, refined by
// golden-section search between its neighbours, and f there. It stops
// early once f ≥ 0 (a consistent point), and skips the refinement when the
// best value is below 0 by more than twice the largest step of f between
// neighbouring points.
func maximize(ps []float64, f func(float64) float64) (float64, float64) {
	bi, bf := 0, math.Inf(-1)
	var buf [ratioGrid + 2]float64
	fs := buf[:0]
	if len(ps) > len(buf) {
		fs = make([]float64, 0, len(ps))
	}
	fs = fs[:len(ps)]
	for i, p := range ps {
		fs[i] = f(p)
		if fs[i] > bf {
			bi, bf = i, fs[i]
		}
		if bf >= 0 {
			return ps[bi], bf
		}
	}
	// Refine only when the best grid value is within twice the largest
	// change between neighbouring grid points of 0: elsewhere the guide
	// cannot rise to 0 between grid points unless it bends sharply.
	var dmax float64
	for i := 1; i < len(fs); i++ {
		if d := math.Abs(fs[i] - fs[i-1]); d > dmax || math.IsNaN(d) {
			dmax = d
		}
	}
	if bf < -2*dmax && !math.IsNaN(dmax) && !math.IsInf(dmax, 0) {
		return ps[bi], bf
	}
	a, b := ps[max(bi-1, 0)], ps[min(bi+1, len(ps)-1)]
	best, fbest := ps[bi], bf
	const g = 0.6180339887498949
	x1, x2 := b-g*(b-a), a+g*(b-a)
	f1, f2 := f(x1), f(x2)
	for it := 0; it < 30 && b-a > 1e-12*max(1, math.Abs(b)); it++ {
		if f1 > fbest {
			best, fbest = x1, f1
		}
		if f2 > fbest {
			best, fbest = x2, f2
		}
		if fbest >= 0 {
			break
		}
		if f1 >= f2 {
			b, x2, f2 = x2, x1, f1
			x1 = b - g*(b-a)
			f1 = f(x1)
		} else {
			a, x1, f1 = x1, x2, f2
			x2 = a + g*(b-a)
			f2 = f(x2)
		}
	}
	return best, fbest
}

// bonettAB returns the Wald coefficients A, B of d with the average SD at
// SD ratio r = s1/s2 (variance A + B·e², Bonett 2008 eq. 8).
func bonettAB(r, n1, n2 float64) (float64, float64) {
	q := r * r / (1 + r*r)
	a1, a2 := 1/(n1-1), 1/(n2-1)
	return 2 * (q*a1 + (1-q)*a2), (q*q*a1 + (1-q)*(1-q)*a2) / 2
}

// averageWald checks the Wald interval of d with the average SD: whether
// some point of the box gives both ends in rl, ru, and the gap (the larger
// of the two ends' distances, over the search points).
//
// When the gap cannot fall below best (a lower bound over the whole box
// says so), the lower bound is returned instead of the gap.
func averageWald(rb ratioBox, n1, n2 float64, rl, ru Range, z, best float64) (bool, float64) {
	rl, ru = widen(rl), widen(ru)
	var pbuf [ratioGrid + 2]float64
	ps := rb.points(&pbuf)
	gap := func() float64 {
		lr := Range{math.Inf(1), math.Inf(-1)}
		ur := lr
		for _, r := range ps {
			A, B := bonettAB(r, n1, n2)
			waldRange(rb.est(r), z, A, B, &lr, &ur)
		}
		return max(lr.Gap(rl), ur.Gap(ru))
	}
	// Prescreen by interval arithmetic over the whole box: e in E, A and B
	// in their ranges over r (A is monotone in q = r²/(1+r²), B convex).
	rr := rb.rRange()
	E := quotient(rb.D, Range{rb.Sk.Lo * math.Sqrt((1+rr.Lo*rr.Lo)/2), rb.Sk.Hi * math.Sqrt((1+rr.Hi*rr.Hi)/2)})
	E = Range{min(E.Lo, rb.est(rr.Lo).Lo), max(E.Hi, rb.est(rr.Hi).Hi)}
	a0, b0 := bonettAB(rr.Lo, n1, n2)
	a1, b1 := bonettAB(rr.Hi, n1, n2)
	Amin, Amax := min(a0, a1), max(a0, a1)
	Bmax := max(b0, b1)
	Bmin := min(b0, b1)
	if qs := (1 / (n2 - 1)) / (1/(n1-1) + 1/(n2-1)); qs > rr.Lo*rr.Lo/(1+rr.Lo*rr.Lo) && qs < rr.Hi*rr.Hi/(1+rr.Hi*rr.Hi) {
		Bmin = qs*qs/(n1-1)/2 + (1-qs)*(1-qs)/(n2-1)/2
	}
	e2max := max(E.Lo*E.Lo, E.Hi*E.Hi)
	e2min := 0.0
	if E.Lo > 0 || E.Hi < 0 {
		e2min = min(E.Lo*E.Lo, E.Hi*E.Hi)
	}
	wmax, wmin := z*math.Sqrt(Amax+Bmax*e2max), z*math.Sqrt(Amin+Bmin*e2min)
	lb := max((Range{E.Lo - wmax, E.Hi - wmin}).Gap(rl), (Range{E.Lo + wmin, E.Hi + wmax}).Gap(ru))
	if lb > 0 {
		if lb >= best {
			return false, lb
		}
		return false, gap()
	}
	decide := func(r float64) float64 {
		A, B := bonettAB(r, n1, n2)
		E := rb.est(r)
		if z*z*B < 1 {
			return waldSlack(E, rl, ru, z, A, B)
		}
		if ok, _ := waldJointB(E, rl, ru, 1, z, A, B); ok {
			return 0
		}
		return -1 // tiny samples at high levels: decisions only
	}
	if _, f := maximize(ps, decide); f >= 0 {
		return true, 0
	}
	return false, gap()
}

// glassExact checks the exact (Algina–Keselman–Penfield) interval of
// Glass's Δ: whether some point of the box gives both ends in rl, ru.
func glassExact(rb ratioBox, nk, no float64, rl, ru Range, alpha float64) bool {
	df := nk - 1
	pl := 1 - alpha/2
	z := normalQuantile(pl)
	hOf := func(r float64) float64 { return 1/nk + r*r/no }
	rr := rb.rRange()
	decide := func(r float64) bool {
		sh := math.Sqrt(hOf(r))
		E := rb.est(r)
		tr := Range{E.Lo / sh, E.Hi / sh}
		return nctJoint(tr, rl, ru, sh, 1, df, alpha, z, new(ncpEnds).at(tr, df, 1-alpha))
	}
	// Prescreen over the whole box: λ_L, λ_U are increasing in t, within
	// the tested bound of the approximation at the ends of t's range, and
	// the ends are √h·λ with h in [h(r_lo), h(r_hi)].
	E := quotient(rb.D, rb.Sk)
	sh := Range{math.Sqrt(hOf(rr.Lo)), math.Sqrt(hOf(rr.Hi))}
	tr := quotient(E, sh)
	// screened: the prescreens apply (the domain of the tested bound).
	screened := alpha >= 0.001 && alpha <= 0.5 && math.Abs(tr.Lo) <= 200 && math.Abs(tr.Hi) <= 200
	if screened {
		llo, ulo, blo := approxEnds(tr.Lo, df, z)
		lhi, uhi, bhi := approxEnds(tr.Hi, df, z)
		L := mulIv(Range{llo - blo, lhi + bhi}, sh)
		U := mulIv(Range{ulo - blo, uhi + bhi}, sh)
		if L.Gap(rl) > slack(rl) || U.Gap(ru) > slack(ru) {
			return false
		}
	}
	if !screened {
		// Outside the screened domain (|t| > 200, far beyond any real
		// trial, or a level outside 0.5 to 0.999) the CDF can be slow:
		// one exact decision, at the centre ratio.
		return decide(0.5 * (rr.Lo + rr.Hi))
	}
	var pbuf [ratioGrid + 2]float64
	ps := rb.points(&pbuf)
	c := 1 - 1/(4*df)
	var modelMid func(float64) float64
	// With few df the model can be far off; then exact decisions are made
	// on a dense grid of r (denseGrid points).
	dense := func() bool {
		for i := 0; i < denseGrid; i++ {
			if decide(rr.Lo + (rr.Hi-rr.Lo)*float64(i)/(denseGrid-1)) {
				return true
			}
		}
		return false
	}
	if z*z >= 2*df*c*c { // the model is not monotone (n_k ≤ 3)
		return dense()
	}
	// Second screen, per r: the model uncalibrated, with the targets
	// widened by the approximation's tested error bound.
	tm := max(math.Abs(tr.Lo), math.Abs(tr.Hi))
	bnd := 3*math.Sqrt(1+tm*tm/(2*df))/math.Sqrt(df) + 0.01
	wide := func(r float64) float64 {
		h := hOf(r)
		e := bnd * math.Sqrt(h)
		tl := Range{(rl.Lo - e) / c, (rl.Hi + e) / c}
		tu := Range{(ru.Lo - e) / c, (ru.Hi + e) / c}
		return waldSlack(rb.est(r), tl, tu, z/c, h, 1/(2*df))
	}
	if _, f := maximize(ps, wide); f < 0 {
		return false
	}
	// The model: the approximation shifted by its error (dl, du on the λ
	// scale) at a calibration point, first the centre of the box, then the
	// model's best point; two Newton steps with the approximation's own
	// slope, F(t; λ) ≈ Φ((c·t − λ)/s), ∂F/∂λ ≈ −φ(z)/s.
	var dl, du float64
	calibrate := func(r float64) {
		E := rb.est(r)
		t0 := modelMid(r) / math.Sqrt(hOf(r))
		if math.IsNaN(t0) {
			t0 = 0.5 * (E.Lo + E.Hi) / math.Sqrt(hOf(r))
		}
		al, au, _ := approxEnds(t0, df, z)
		l, u := ncpInterval(t0, df, 1-alpha)
		if math.IsNaN(l) || math.IsNaN(u) || math.Abs(l-al) > 1 || math.Abs(u-au) > 1 {
			return
		}
		dl, du = l-al, u-au
	}
	targets := func(r float64) (Range, Range, float64) {
		h := hOf(r)
		s := math.Sqrt(h)
		return Range{(rl.Lo - dl*s) / c, (rl.Hi - dl*s) / c}, Range{(ru.Lo - du*s) / c, (ru.Hi - du*s) / c}, h
	}
	model := func(r float64) float64 {
		tl, tu, h := targets(r)
		return waldSlack(rb.est(r), tl, tu, z/c, h, 1/(2*df))
	}
	modelMid = func(r float64) float64 {
		tl, tu, h := targets(r)
		return waldMid(rb.est(r), tl, tu, z/c, h, 1/(2*df))
	}
	// Exact decisions: at the model's best point (unless, with 20 df or
	// more, the model falls short by two rounding units); then,
	// recalibrated at the last best point (up to twice more), at the new
	// best point while the model is within a rounding half-width of
	// reproducing the CI; with fewer than 10 df, on the dense grid; then
	// at the grid points where the model is within a
	// rounding half-width, best first.
	tau := 0.5 * max(rl.Hi-rl.Lo, ru.Hi-ru.Lo) / c
	r := 0.5 * (rr.Lo + rr.Hi)
	for round := 0; round < 3; round++ {
		calibrate(r)
		best, fbest := maximize(ps, model)
		// The model calibrated at the centre is trusted to exclude only
		// from 20 df on, and by a margin of two rounding units.
		if round > 0 && fbest < -tau || round == 0 && df >= 20 && fbest < -4*tau {
			if df < 10 {
				break
			}
			return false
		}
		if decide(best) {
			return true
		}
		r = best
	}
	if df < 10 && dense() {
		return true
	}
	type cand struct{ r, f float64 }
	var cs []cand
	for _, r := range ps {
		if f := model(r); f >= -tau {
			cs = append(cs, cand{r, f})
		}
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].f > cs[j].f })
	for _, cd := range cs {
		if decide(cd.r) {
			return true
		}
	}
	return false
}

// mulIv returns the product of an interval with a positive interval.
func mulIv(a, p Range) Range {
	x := []float64{a.Lo * p.Lo, a.Lo * p.Hi, a.Hi * p.Lo, a.Hi * p.Hi}
	lo, hi := x[0], x[0]
	for _, v := range x[1:] {
		lo, hi = min(lo, v), max(hi, v)
	}
	return Range{lo, hi}
}
