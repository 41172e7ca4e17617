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
//	                        − 31/(18432x⁹) + 691/(180224x¹¹) − ...
//
// (from the Bernoulli-polynomial expansion of log Γ(x+a)) with x = (df−1)/2
// beyond, which avoids the cancellation between two large log-gamma values
// (metafor's and effectsize's lgamma form loses about log10(df) digits); the
// truncation error there is below 2e-19. Unlike
// gamma()-based code (MBESS), it does not overflow for df ≥ 344.
//
// The common approximation 1 − 3/(4df − 1) (Hedges 1981) is JApprox.
func J(df float64) float64 {
	return math.Exp(logJ(df))
}

// logJ returns log J(df), accurate in absolute terms (it is about
// −3/(4df) for large df), NaN for df ≤ 1 and 0 for df = +Inf.
func logJ(df float64) float64 {
	if !(df > 1) { // also catches NaN
		return math.NaN()
	}
	if math.IsInf(df, 1) {
		return 0
	}
	x := (df - 1) / 2
	if df < 41 {
		a, _ := math.Lgamma(df / 2)
		b, _ := math.Lgamma(x)
		return a - b - 0.5*math.Log(df/2)
	}
	x2 := x * x
	// Coefficients (−1)^n (2^(1−n) − 2) B_n / (n(n−1)), n = 2, 4, ..., 12,
	// nested: −1/8, 1/192, −1/640, 17/14336, −31/18432, 691/180224.
	s := -1 / (8 * x) * (1 - 1/(24*x2)*(1-3/(10*x2)*(1-85/(112*x2)*(1-217/(153*x2)*(1-6219/(2728*x2))))))
	return s - 0.5*math.Log1p(1/(2*x))
}

// ubFactor returns 1 − (m−2)/(m·J(m)²), the coefficient of g² in the
// unbiased (UB) variance. It is about 1/(2m), the difference of two
// numbers close to 1, so it is computed as 2/m − (1/J² − 1)(1 − 2/m) with
// 1/J² − 1 = expm1(−2·log J), which keeps its relative accuracy for large
// m (the direct form loses about log10(m) digits).
func ubFactor(m float64) float64 {
	u := math.Expm1(-2 * logJ(m))
	return 2/m - u*(1-2/m)
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
