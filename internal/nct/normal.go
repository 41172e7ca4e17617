package nct

import "math"

const (
	lnSqrt2Pi = 0.91893853320467274178 // log(sqrt(2π))
	sqrt2Pi   = 2.50662827463100050242 // sqrt(2π)
)

// normCDF returns Φ(z), with full relative accuracy in the lower tail down
// to the underflow limit.
func normCDF(z float64) float64 {
	return 0.5 * math.Erfc(-z/math.Sqrt2)
}

// logNormCDF returns log Φ(z) with relative accuracy for all z (for
// z < -30 through the Mills ratio, where Φ(z) would soon underflow).
func logNormCDF(z float64) float64 {
	switch {
	case z > 0:
		return math.Log1p(-0.5 * math.Erfc(z/math.Sqrt2))
	case z > -30:
		return math.Log(0.5 * math.Erfc(-z/math.Sqrt2))
	}
	u := -z
	return -0.5*u*u - lnSqrt2Pi + math.Log(millsRatio(u))
}

// millsRatio returns (1-Φ(u))/φ(u) for u >= 30 by its continued fraction
// 1/(u+1/(u+2/(u+3/(u+...)))), which converges very fast for large u.
func millsRatio(u float64) float64 {
	t := u
	for k := 24.0; k >= 1; k-- {
		t = u + k/t
	}
	return 1 / t
}

// invMills returns φ(v)/Φ(v), the derivative of log Φ at v.
func invMills(v float64) float64 {
	if v < -30 {
		return 1 / millsRatio(-v)
	}
	return math.Exp(-0.5*v*v-lnSqrt2Pi) / normCDF(v)
}
