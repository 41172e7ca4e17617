package effect

import "math"

// J returns Hedges' exact small-sample bias-correction factor for a
// standardized mean difference whose standardizer has df degrees of freedom
// (Hedges 1981, eq. 6e; Hedges & Olkin 1985, p. 80):
//
//	J(df) = Γ(df/2) / (√(df/2) · Γ((df−1)/2)).
//
// E[d] = δ/J(df) under normality, so g = J·d is unbiased for δ. J is
// defined for df > 1 (metafor returns NA for df ≤ 1, and so do we: J
// returns NaN for df ≤ 1, NaN or +Inf; J(+Inf) = 1).
//
// The ratio of gamma functions is evaluated through math.Lgamma for
// df < 41 and through the asymptotic expansion
//
//	log Γ(x+½) − log Γ(x) = ½ log x − 1/(8x) + 1/(192x³) − 1/(640x⁵) + 17/(14336x⁷)
//
// with x = (df−1)/2 beyond, which avoids the cancellation between two large
// log-gamma values (metafor's and effectsize's lgamma form loses about
// log10(df) digits); the truncation error there is below 2e-17. Unlike
// gamma()-based code (MBESS), it does not overflow for df ≥ 344.
//
// The common approximation 1 − 3/(4df − 1) (Hedges 1981) is JApprox.
func J(df float64) float64 {
	if !(df > 1) { // also catches NaN
		return math.NaN()
	}
	if math.IsInf(df, 1) {
		return 1
	}
	x := (df - 1) / 2
	if df < 41 {
		a, _ := math.Lgamma(df / 2)
		b, _ := math.Lgamma(x)
		return math.Exp(a - b - 0.5*math.Log(df/2))
	}
	x2 := x * x
	s := -1 / (8 * x) * (1 - 1/(24*x2)*(1-3/(10*x2)*(1-85/(112*x2))))
	return math.Exp(s - 0.5*math.Log1p(1/(2*x)))
}

// JApprox returns Hedges' (1981) approximation 1 − 3/(4df − 1) to J(df), as
// used by compute.es, esc, pingouin and statsmodels (written there as
// 1 − 3/(4N − 9) with df = N − 2). It is provided to reproduce those
// packages; the estimators in this package use the exact J.
func JApprox(df float64) float64 {
	if !(df > 1) {
		return math.NaN()
	}
	return 1 - 3/(4*df-1)
}
