package nct

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/tiesproject/ties/internal/root"
)

// The fast path. Inside the region
//
//	3 <= df <= 1e4,  |t| <= FastLimit,  |ncp| <= FastLimit
//
// Lenth's AS 243 series (gonum's distuv.NoncentralT, as R's pt) gives the
// CDF to about 1e-12 absolute: it switches to a normal approximation only
// beyond |ncp| = 37.62; beyond df = 1e4 its error grows (3e-9 on the ncp
// scale at df = 1e5) and below df = 3 it loses accuracy in the far tails
// (4.5e-9 on the ncp scale at df = 1, level 0.999). An absolute error of
// 1e-12 in the CDF is more than 1e-9 on the ncp scale where the density at
// the limit is small, so FastNCPInterval serves levels up to
// FastLevelLimit only. Elsewhere both functions use the quadrature of CDF
// and Survival. TestFastCDFRegion and TestFastNCPIntervalRandom check the
// region against the quadrature.
const (
	// FastLimit bounds |t| and |ncp| in the fast region.
	FastLimit = 35
	// FastDFMin and FastDFMax bound df in the fast region.
	FastDFMin = 3
	FastDFMax = 1e4
	// FastLevelLimit is the highest confidence level FastNCPInterval
	// serves from the fast path.
	FastLevelLimit = 0.99
)

// inFastRegion reports whether (t, df, ncp) lies in the fast region.
func inFastRegion(t, df, ncp float64) bool {
	return df >= FastDFMin && df <= FastDFMax && math.Abs(t) <= FastLimit && math.Abs(ncp) <= FastLimit
}

// FastCDF returns P(T <= t) like CDF, with an absolute error below 2e-12
// (not the relative accuracy of CDF in small tails): inside the fast
// region by AS 243 (Lenth 1989), elsewhere by CDF. Use it where absolute
// accuracy suffices, such as comparing a probability with α/2; use CDF and
// Survival for small tail probabilities. Special cases are those of CDF.
func FastCDF(t, df, ncp float64) float64 {
	if inFastRegion(t, df, ncp) {
		return distuv.NoncentralT{Nu: df, Mu: ncp}.CDF(t)
	}
	return CDF(t, df, ncp)
}

var fastRootOpts = &root.Options{AbsTol: 1e-13, RelTol: 1e-13, MaxIter: 200}

// FastNCPInterval returns the equal-tailed confidence interval for the
// noncentrality parameter that NCPInterval returns, with an absolute error
// below 1e-9 (instead of about 1e-13). For level <= FastLevelLimit it
// tries, in order: the moment series (|t| <= 0.75·√(2df),
// 4 <= df <= 1e5; see series.go), accurate to about 1e-11; AS 243 with
// probit-scale secant steps where both limits lie in the fast region;
// then, or for higher levels, NCPInterval decides. Errors are those of
// NCPInterval; it never returns lo > hi without an error.
func FastNCPInterval(t, df, level float64) (lo, hi float64, err error) {
	if level > 0 && level <= FastLevelLimit {
		if s, ok := newMomentSeries(t, df); ok {
			a := 0.5 * (1 - level)
			z := math.Sqrt2 * math.Erfcinv(2*a)
			startLo, startHi := ncpStart(t, df, -z, z)
			lo, okLo := s.solve(1-a, startLo)
			hi, okHi := s.solve(a, startHi)
			if okLo && okHi && lo <= hi {
				return lo, hi, nil
			}
		}
	}
	if df >= FastDFMin && df <= FastDFMax && math.Abs(t) < FastLimit && level > 0 && level <= FastLevelLimit {
		lo, hi, err = fastInterval(t, df, level)
		if err == nil && lo <= hi && math.Abs(lo) <= FastLimit && math.Abs(hi) <= FastLimit {
			return lo, hi, nil
		}
	}
	lo, hi, err = NCPInterval(t, df, level)
	if err != nil {
		return math.NaN(), math.NaN(), err
	}
	if !(lo <= hi) {
		return math.NaN(), math.NaN(), fmt.Errorf("%w: t = %v, df = %v, level = %v: limits %v > %v", ErrNoConvergence, t, df, level, lo, hi)
	}
	return lo, hi, nil
}

// fastInterval solves both limits on AS 243: probit-scale secant steps from
// the normal approximation (Abramowitz & Stegun 26.7.10), with bracketing
// and Brent as the fallback.
func fastInterval(t, df, level float64) (lo, hi float64, err error) {
	a := (1 - level) / 2
	z := distuv.UnitNormal.Quantile(1 - a)
	c := t * (1 - 1/(4*df))
	s := math.Sqrt(1 + t*t/(2*df))
	step := 0.05 * s
	bound := FastLimit + 5.0
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
// in λ (slope about −1/s by the normal approximation). It reports
// ok = false if an iterate leaves the region, h is not finite or the
// iteration does not settle.
func probitSecant(t, df, p, x0, s float64) (float64, bool) {
	zp := distuv.UnitNormal.Quantile(p)
	h := func(ncp float64) float64 {
		return distuv.UnitNormal.Quantile(distuv.NoncentralT{Nu: df, Mu: ncp}.CDF(t)) - zp
	}
	x1 := x0
	h1 := h(x1)
	x2 := x1 + h1*s // Newton step with the approximate slope −1/s
	for i := 0; i < 12; i++ {
		if !isFinite(h1) || !isFinite(x2) || math.Abs(x2) > FastLimit+5 {
			return math.NaN(), false
		}
		h2 := h(x2)
		if !isFinite(h2) {
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

func isFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
