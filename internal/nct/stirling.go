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

// expm1mx returns e^w - 1 - w with full relative accuracy.
func expm1mx(w float64) float64 {
	if math.Abs(w) > 0.3 {
		return math.Expm1(w) - w
	}
	// Taylor series Σ_{n>=2} w^n/n!; 0.3^17/17! < 1e-20.
	s := 0.0
	for n := 17.0; n >= 2; n-- {
		s = w / n * (1 + s)
	}
	return w * s
}
