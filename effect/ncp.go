package effect

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/tiesproject/ties/internal/nct"
	"github.com/tiesproject/ties/internal/root"
)

// as243Limit bounds the region where the fast path trusts AS 243 (Lenth
// 1989, gonum's distuv.NoncentralT.CDF): its CDF is accurate to about
// 1e-12 (absolute) for |ncp| below 37.62, where it switches to a normal
// approximation; we stop well short of that. Beyond df = 1e4 its error
// grows (3e-9 on the ncp scale at df = 1e5, checked against mpmath), so
// larger df go to internal/nct. Below df = 3 AS 243 loses accuracy in the
// far tails: at df = 1 and level 0.999 the bounds near |λ| = 34 differed
// from internal/nct (the more accurate, by mpmath) by 4.5e-9, so small df
// go to internal/nct too. At levels above 0.99 the bounds lie where the
// density is small, so AS 243's absolute error of about 1e-12 in the CDF
// becomes more than 1e-9 in λ (2e-9 at level 0.999, df = 8, checked
// against mpmath): those levels go to internal/nct. Within these limits the two evaluations agree to
// about 1e-9 on the ncp scale, see TestNCPFastPathAgrees and
// TestNCPFastPathRandom.
const (
	as243Limit = 35
	asDFMin    = 3
	asDFLimit  = 1e4
	// asLevelLimit is the highest confidence level the fast path serves.
	asLevelLimit = 0.99
)

var fastRootOpts = &root.Options{AbsTol: 1e-13, RelTol: 1e-13, MaxIter: 200}

// ncpInterval returns the confidence interval [lo, hi] for the
// noncentrality parameter λ of a noncentral t distribution with df degrees
// of freedom, given the observed statistic t: lo solves
// P(T ≤ t; df, lo) = 1 − α/2 and hi solves P(T ≤ t; df, hi) = α/2, with
// α = 1 − level (Steiger & Fouladi 1997). The CDF is strictly decreasing in
// λ, so each bound is one bracketed root (bracket expansion from the
// normal approximation of Abramowitz & Stegun 26.7.10, then Brent).
//
// Two evaluations of the CDF are used. Where both bounds lie within
// |λ| ≤ 35, 3 ≤ df ≤ 1e4 and the level is at most 0.99, the fast AS 243 series (Lenth 1989, as R's pt and
// gonum) is accurate to about 1e-12 in the CDF (1e-9 or better in λ) and is
// used; otherwise, or if the fast
// search fails, internal/nct's quadrature, which is accurate over the whole
// range (no normal approximation beyond |λ| = 37.62), decides. The golden
// tests check both paths against R (uniroot on pt, tol 1e-13) and mpmath.
func ncpInterval(t, df, level float64) (lo, hi float64, err error) {
	if df >= asDFMin && df <= asDFLimit && math.Abs(t) < as243Limit && level <= asLevelLimit {
		lo, hi, err = fastNCPInterval(t, df, level)
		if err == nil && lo <= hi && math.Abs(lo) <= as243Limit && math.Abs(hi) <= as243Limit {
			return lo, hi, nil
		}
	}
	lo, hi, err = nct.NCPInterval(t, df, level)
	if err != nil {
		return math.NaN(), math.NaN(), fmt.Errorf("%w: noncentral t interval (t = %v, df = %v, level = %v): %w", ErrNoConvergence, t, df, level, err)
	}
	// Never return an inconsistent interval.
	if !(lo <= hi) {
		return math.NaN(), math.NaN(), fmt.Errorf("%w: noncentral t interval (t = %v, df = %v, level = %v): limits %v > %v", ErrNoConvergence, t, df, level, lo, hi)
	}
	return lo, hi, nil
}

func fastNCPInterval(t, df, level float64) (lo, hi float64, err error) {
	a := (1 - level) / 2
	z := distuv.UnitNormal.Quantile(1 - a)
	c := t * (1 - 1/(4*df))
	s := math.Sqrt(1 + t*t/(2*df))
	step := 0.05 * s
	bound := as243Limit + 5.0
	solve := func(p, x0 float64) (float64, error) {
		x0 = math.Max(-bound, math.Min(bound, x0))
		if x, ok := probitSecant(t, df, p, x0, s); ok {
			return x, nil
		}
		f := func(ncp float64) float64 {
			return distuv.NoncentralT{Nu: df, Mu: ncp}.CDF(t) - p
		}
		return root.SolveMonotone(f, x0, step, -bound, bound, fastRootOpts)
	}
	if lo, err = solve(1-a, c-z*s); err != nil {
		return
	}
	hi, err = solve(a, c+z*s)
	return
}

// probitSecant solves CDF(t; df, λ) = p for λ by the secant method on the
// probit scale, h(λ) = Φ⁻¹(CDF(t; df, λ)) − Φ⁻¹(p), which is nearly linear
// in λ (slope about −1/s by the normal approximation), so that three or
// four AS 243 evaluations reach 1e-13. It reports ok = false if an
// iterate leaves the AS 243 region, h is not finite or the iteration does
// not settle; the caller then falls back to bracketing and Brent.
func probitSecant(t, df, p, x0, s float64) (float64, bool) {
	zp := distuv.UnitNormal.Quantile(p)
	h := func(ncp float64) float64 {
		return distuv.UnitNormal.Quantile(distuv.NoncentralT{Nu: df, Mu: ncp}.CDF(t)) - zp
	}
	x1 := x0
	h1 := h(x1)
	x2 := x1 + h1*s // Newton step with the approximate slope −1/s
	for i := 0; i < 12; i++ {
		if !finite(h1) || !finite(x2) || math.Abs(x2) > as243Limit+5 {
			return math.NaN(), false
		}
		h2 := h(x2)
		if !finite(h2) {
			return math.NaN(), false
		}
		if h2 == 0 {
			return x2, true
		}
		if h2 == h1 {
			break
		}
		x3 := x2 - h2*(x2-x1)/(h2-h1)
		if math.Abs(x3-x2) <= 1e-13*math.Max(1, math.Abs(x3)) {
			return x3, true
		}
		x1, h1, x2 = x2, h2, x3
	}
	return math.NaN(), false
}
