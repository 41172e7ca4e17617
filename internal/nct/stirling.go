package nct

import "math"

// logChiConst returns log C(k) for the density of W = log(X/(2k)),
// X ~ χ²_{2k}: g(w) = C(k)·exp(-k·(e^w - 1 - w)), where
// C(k) = k^k e^{-k} / Γ(k) = sqrt(k/(2π))·exp(-stirlerr(k)).
// Written this way (Loader 2000) the density keeps full relative accuracy
// for very large k, where lgamma-based formulas cancel catastrophically.
func logChiConst(k float64) float64 {
	if k <= 15 {
		lg, _ := math.Lgamma(k)
		return k*math.Log(k) - k - lg
	}
	return 0.5*math.Log(k) - lnSqrt2Pi - stirlerr(k)
}

// stirlerr returns log Γ(k+1) - (k+1/2) log k + k - log sqrt(2π) for
// k > 15 by its asymptotic series; the truncation error is below 1e-17.
func stirlerr(k float64) float64 {
	const (
		s0 = 1.0 / 12
		s1 = 1.0 / 360
		s2 = 1.0 / 1260
		s3 = 1.0 / 1680
		s4 = 1.0 / 1188
	)
	kk := 1 / (k * k)
	return (s0 - (s1-(s2-(s3-s4*kk)*kk)*kk)*kk) / k
}

// expm1mxSeries returns e^w - 1 - w for |w| <= 0.3 by its Taylor series
// Σ_{n>=2} w^n/n!, truncated after n = 15 (relative error < 1e-19).
func expm1mxSeries(w float64) float64 {
	const (
		c2  = 1.0 / 2
		c3  = c2 / 3
		c4  = c3 / 4
		c5  = c4 / 5
		c6  = c5 / 6
		c7  = c6 / 7
		c8  = c7 / 8
		c9  = c8 / 9
		c10 = c9 / 10
		c11 = c10 / 11
		c12 = c11 / 12
		c13 = c12 / 13
		c14 = c13 / 14
		c15 = c14 / 15
	)
	p := c15
	p = p*w + c14
	p = p*w + c13
	p = p*w + c12
	p = p*w + c11
	p = p*w + c10
	p = p*w + c9
	p = p*w + c8
	p = p*w + c7
	p = p*w + c6
	p = p*w + c5
	p = p*w + c4
	p = p*w + c3
	p = p*w + c2
	return p * w * w
}
