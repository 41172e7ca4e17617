package nct

import (
	"fmt"
	"math"

	"github.com/tiesproject/ties/internal/root"
)

// rootOpts is the tolerance for the ncp and quantile searches: the
// bracket is shrunk to 2·(1e-14 + 1e-14·|x|), so results are accurate to
// about 1e-13 relative or absolute, whichever is larger.
var rootOpts = &root.Options{AbsTol: 1e-14, RelTol: 1e-14, MaxIter: 200}

// NCPInterval returns the exact equal-tailed confidence interval for the
// noncentrality parameter δ of a noncentral t distribution with df degrees
// of freedom, given an observed value t and a confidence level in (0, 1)
// (Steiger & Fouladi 1997): with α = 1 - level,
//
//	P(T <= t | δ = lo) = 1 - α/2,   P(T <= t | δ = hi) = α/2.
//
// The CDF is strictly decreasing in δ, so each limit is a single root; lo is
// found through Survival so that its precision is not lost near 1. Both
// limits are accurate to about 1e-13 (relative, or absolute near zero).
// df may be +Inf (normal limits t ∓ z). Errors wrap ErrInvalidInput or
// ErrNoConvergence (also when a limit lies beyond the range where CDF is
// computed, see CDF).
func NCPInterval(t, df, level float64) (lo, hi float64, err error) {
	nan := math.NaN()
	switch {
	case math.IsNaN(t) || math.IsInf(t, 0):
		return nan, nan, fmt.Errorf("%w: t = %v must be finite", ErrInvalidInput, t)
	case !(df > 0):
		return nan, nan, fmt.Errorf("%w: df = %v must be positive", ErrInvalidInput, df)
	case !(level > 0 && level < 1):
		return nan, nan, fmt.Errorf("%w: level = %v must be in (0, 1)", ErrInvalidInput, level)
	}
	alpha2 := 0.5 * (1 - level)
	z := math.Sqrt2 * math.Erfcinv(2*alpha2) // upper α/2 normal quantile
	if math.IsInf(df, 1) {
		return t - z, t + z, nil
	}
	// Start from the Cornish–Fisher approximation (ncpStart), typically
	// within 1e-8..1e-5 of the limits, so that one or two Halley steps
	// meet the tolerance; s is the scale of δ in the normal approximation
	// (Abramowitz & Stegun 26.7.10), (t(1-1/(4df)) - δ)/s ≈ N(0,1).
	startLo, startHi := ncpStart(t, df, -z, z)
	s := math.Sqrt(1 + t*t/(2*df))
	step := s * (0.05 + 1/df)
	logTarget := math.Log(alpha2)

	// Halley's method on log P - log(α/2), with the derivatives of P in δ
	// from the same quadrature; log P is close to linear in δ and the start
	// is good, so one or two evaluations per limit suffice.
	hints := [2]modeHint{{reach: 0.25 * s}, {reach: 0.25 * s}}
	logTail := func(ncp float64, upper bool) (f, d1, d2 float64) {
		hint := &hints[0]
		if upper {
			hint = &hints[1]
		}
		p, dp, dp2 := tailDeriv(t, df, ncp, upper, true, hint)
		r := dp / p
		return math.Log(p) - logTarget, r, dp2/p - r*r
	}
	fLo := func(ncp float64) (float64, float64, float64) { return logTail(ncp, true) }
	fHi := func(ncp float64) (float64, float64, float64) { return logTail(ncp, false) }
	inf := math.Inf(1)
	lo, err = root.Halley(fLo, startLo, step, -inf, inf, rootOpts)
	if err != nil {
		return nan, nan, fmt.Errorf("%w: lower limit for t = %v, df = %v, level = %v: %w", ErrNoConvergence, t, df, level, err)
	}
	hi, err = root.Halley(fHi, startHi, step, -inf, inf, rootOpts)
	if err != nil {
		return nan, nan, fmt.Errorf("%w: upper limit for t = %v, df = %v, level = %v: %w", ErrNoConvergence, t, df, level, err)
	}
	return lo, hi, nil
}

// Quantile returns the p-quantile of the noncentral t distribution: the t
// with CDF(t, df, ncp) = p. It returns NaN for p outside [0, 1] or invalid
// parameters (see CDF), -Inf for p = 0 and +Inf for p = 1, and NaN if the
// search fails (which it should not for valid arguments).
func Quantile(p, df, ncp float64) float64 {
	switch {
	case math.IsNaN(p) || p < 0 || p > 1 || math.IsNaN(df) || df <= 0 || math.IsNaN(ncp) || math.IsInf(ncp, 0):
		return math.NaN()
	case p == 0:
		return math.Inf(-1)
	case p == 1:
		return math.Inf(1)
	}
	// Start from the inverse of the normal approximation used above.
	var z float64
	if p < 0.5 {
		z = -math.Sqrt2 * math.Erfcinv(2*p)
	} else {
		z = math.Sqrt2 * math.Erfcinv(2*(1-p))
	}
	if math.IsInf(df, 1) {
		return ncp + z
	}
	t0 := (ncp + z) / (1 - 1/(4*math.Max(df, 1)))
	step := 0.1 * (1 + math.Abs(t0)/math.Sqrt(df))
	var f func(float64) float64
	if p < 0.5 {
		lp := math.Log(p)
		f = func(t float64) float64 { return math.Log(CDF(t, df, ncp)) - lp }
	} else {
		lq := math.Log1p(-p)
		f = func(t float64) float64 { return lq - math.Log(Survival(t, df, ncp)) }
	}
	inf := math.Inf(1)
	t, err := root.SolveMonotone(f, t0, step, -inf, inf, rootOpts)
	if err != nil {
		return math.NaN()
	}
	return t
}
