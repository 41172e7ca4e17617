package check

import (
	"math"

	"github.com/tiesproject/ties/internal/nct"
	"github.com/tiesproject/ties/internal/root"
	"gonum.org/v1/gonum/stat/distuv"
)

// Noncentral t helpers. The CDF is internal/nct's one fast path
// (nct.FastCDF: AS 243 where it is accurate, nct.CDF elsewhere). The exact
// interval for d inverts it in λ (Steiger & Fouladi 1997); the consistency
// check only compares CDF values at the ends of the rounding box, which is
// why it needs no inversion (see ci.go).

func nctCDF(t, df, ncp float64) float64 {
	switch {
	case math.IsInf(t, -1):
		return 0
	case math.IsInf(t, 1):
		return 1
	}
	return nct.FastCDF(t, df, ncp)
}

// ncpFor returns λ with P(T ≤ t; df, λ) = p. The CDF decreases in λ.
func ncpFor(t, df, p float64) float64 {
	z := distuv.UnitNormal.Quantile(p)
	// Start from the normal approximation; its tested error bound makes a
	// first step that usually brackets the root.
	lo, _, bound := approxEnds(t, df, z)
	f := func(l float64) float64 { return nctCDF(t, df, l) - p }
	return solveMonotone(f, lo, bound)
}

// tQuantile returns t with P(T ≤ t; df, λ) = p. The CDF increases in t.
func tQuantile(p, df, ncp float64) float64 {
	z := distuv.UnitNormal.Quantile(p)
	guess := ncp + z*math.Sqrt(1+ncp*ncp/(2*df))
	step := 0.25 * math.Sqrt(1+ncp*ncp/(2*df))
	f := func(t float64) float64 { return nctCDF(t, df, ncp) - p }
	return solveMonotone(f, guess, step)
}

// rootOpts matches the absolute tolerance the CI checks are built on.
var rootOpts = &root.Options{AbsTol: 1e-13, RelTol: 4.4e-16}

// solveMonotone finds the root of a monotone f by bracketing from guess
// with a growing step, then Brent's method (internal/root). It returns NaN
// if no bracket is found.
func solveMonotone(f func(float64) float64, guess, step float64) float64 {
	x, err := root.SolveMonotone(f, guess, step, math.Inf(-1), math.Inf(1), rootOpts)
	if err != nil {
		return math.NaN()
	}
	return x
}
