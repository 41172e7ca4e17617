package effect

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// ncpInterval returns the confidence interval [lo, hi] for the
// noncentrality parameter λ of a noncentral t distribution with df degrees
// of freedom, given the observed statistic t: lo solves
// P(T ≤ t; df, lo) = 1 − α/2 and hi solves P(T ≤ t; df, hi) = α/2, with
// α = 1 − level (Steiger & Fouladi 1997). The CDF is strictly decreasing in
// λ, so each bound is a bracketed root.
//
// TEMPORARY: gonum's AS 243 CDF and bisection; replaced by internal/nct.
func ncpInterval(t, df, level float64) (lo, hi float64, err error) {
	a := (1 - level) / 2
	lo, err = ncpRoot(t, df, 1-a)
	if err != nil {
		return math.NaN(), math.NaN(), err
	}
	hi, err = ncpRoot(t, df, a)
	if err != nil {
		return math.NaN(), math.NaN(), err
	}
	return lo, hi, nil
}

func ncpRoot(t, df, p float64) (float64, error) {
	f := func(ncp float64) float64 { return distuv.NoncentralT{Nu: df, Mu: ncp}.CDF(t) - p }
	w := math.Max(10, math.Abs(t))
	a, b := t-w, t+w
	for i := 0; f(a) < 0; i++ {
		if i > 60 {
			return math.NaN(), fmt.Errorf("%w: noncentral t bracket (t = %v, df = %v)", ErrNoConvergence, t, df)
		}
		a -= w
		w *= 2
	}
	for i := 0; f(b) > 0; i++ {
		if i > 60 {
			return math.NaN(), fmt.Errorf("%w: noncentral t bracket (t = %v, df = %v)", ErrNoConvergence, t, df)
		}
		b += w
		w *= 2
	}
	for i := 0; i < 200 && b-a > 1e-13*math.Max(1, math.Abs(a)); i++ {
		m := (a + b) / 2
		if f(m) > 0 {
			a = m
		} else {
			b = m
		}
	}
	return (a + b) / 2, nil
}
