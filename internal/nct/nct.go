package nct

import "math"

// CDF returns P(T <= t) for T noncentral t with df degrees of freedom and
// noncentrality parameter ncp: T = (Z + ncp)/sqrt(V/df) with Z standard
// normal and V ~ χ²_df independent.
//
// Special cases:
//
//	CDF(t, df, ncp) = NaN if any argument is NaN, df <= 0 or ncp is ±Inf
//	CDF(+Inf, df, ncp) = 1, CDF(-Inf, df, ncp) = 0
//	CDF(0, df, ncp) = Φ(-ncp)
//	CDF(t, +Inf, ncp) = Φ(t - ncp)
//
// df need not be an integer. The result has a relative error below about
// 1e-13 (see the package documentation) for |t|, |ncp| <= 1e4 and
// df >= 0.1 (checked against mpmath for |t|, |ncp| <= 1000, df >= 1).
// Far beyond that, where the quadrature would need more than 2^20 nodes
// (for example t = ncp = 1e5 with df <= 30), CDF returns NaN rather than
// an inaccurate value.
func CDF(t, df, ncp float64) float64 { return tail(t, df, ncp, false) }

// Survival returns P(T > t) = 1 - CDF(t, df, ncp), computed directly so that
// small upper-tail probabilities keep their relative accuracy. Special cases
// mirror those of CDF.
func Survival(t, df, ncp float64) float64 { return tail(t, df, ncp, true) }

func tail(t, df, ncp float64, upper bool) float64 {
	p, _, _ := tailDeriv(t, df, ncp, upper, false, nil)
	return p
}

// tailDeriv returns the lower (upper false) or upper tail probability and,
// if wantDeriv, its first and second derivatives with respect to ncp; hint
// may be nil (see modeHint).
func tailDeriv(t, df, ncp float64, upper, wantDeriv bool, hint *modeHint) (p, dp, dp2 float64) {
	sgn := 1.0
	if upper {
		sgn = -1
	}
	switch {
	case math.IsNaN(t) || math.IsNaN(df) || math.IsNaN(ncp) || df <= 0 || math.IsInf(ncp, 0):
		return math.NaN(), math.NaN(), math.NaN()
	case math.IsInf(t, 0):
		if (t > 0) != upper {
			return 1, 0, 0
		}
		return 0, 0, 0
	case math.IsInf(df, 1) || t == 0:
		// T is normal (df = Inf), or the tail is P(Z ∓ ncp ...) at t = 0.
		x := t - ncp
		if t == 0 {
			x = -ncp
		}
		phi := math.Exp(-0.5*x*x) / sqrt2Pi
		return normCDF(sgn * x), -sgn * phi, -sgn * x * phi
	}
	p, dp, dp2 = integralTail(t, df, ncp, upper, wantDeriv, hint)
	return math.Min(p, 1), dp, dp2
}
