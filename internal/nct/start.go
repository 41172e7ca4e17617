package nct

import "math"

// ncpStart returns starting values for the limits of NCPInterval from the
// Cornish–Fisher expansion of Y = t·S - Z, S = sqrt(V/ν): T <= t exactly
// when Y >= δ, so the limit with P(T <= t | δ) = p is the (1-p)-quantile of
// Y, whose cumulants follow from the moments of S:
//
//	E[S] = m = sqrt(2/ν)·Γ((ν+1)/2)/Γ(ν/2),  E[S²] = 1,
//	E[S³] = m(ν+1)/ν,  E[S⁴] = (ν+2)/ν.
//
// With v = Var(S) = 1 - m², κ3(S) = m(1/ν - 2v) and
// κ4(S) = 4v - 2/ν + 4v/ν - 6v². The expansion to the fourth cumulant
// leaves errors of order 1e-7 in δ for ν ≈ 100, so that one Halley step
// usually meets the tolerance. zlo and zhi are the standard normal
// quantiles at α/2 and 1 - α/2.
func ncpStart(t, df, zlo, zhi float64) (lo, hi float64) {
	lm := logMeanChi(df)
	m := math.Exp(lm)
	v := -math.Expm1(2 * lm)
	k3 := m * (1/df - 2*v)
	k4 := 4*v - 2/df + 4*v/df - 6*v*v
	c1 := t * m
	c2 := 1 + t*t*v
	sd := math.Sqrt(c2)
	g1 := t * t * t * k3 / (c2 * sd)
	g2 := t * t * t * t * k4 / (c2 * c2)
	if !(math.Abs(g1) < 0.5 && math.Abs(g2) < 1) {
		// Too skewed for the expansion: normal approximation.
		g1, g2 = 0, 0
	}
	cf := func(z float64) float64 {
		return z + (z*z-1)*g1/6 + (z*z*z-3*z)*g2/24 - (2*z*z*z-5*z)*g1*g1/36
	}
	return c1 + sd*cf(zlo), c1 + sd*cf(zhi)
}

// logMeanChi returns log E[S] = log(sqrt(2/ν)·Γ((ν+1)/2)/Γ(ν/2)), for large
// ν through Stirling's series without cancellation, since 1 - E[S]² ≈
// 1/(2ν) is needed to full relative accuracy.
func logMeanChi(df float64) float64 {
	if df < 34 {
		a, _ := math.Lgamma(0.5 * (df + 1))
		b, _ := math.Lgamma(0.5 * df)
		return 0.5*math.Log(2/df) + a - b
	}
	// log Γ(x) = stirlerr(x-1) + (x-1/2)log(x-1) - (x-1) + log sqrt(2π);
	// with x1 = (ν+1)/2, x0 = ν/2 the log terms combine to
	// (1/2)log((ν-2)/2) + (ν/2)log1p(1/(ν-2)) - 1/2.
	return 0.5*math.Log1p(-2/df) + 0.5*df*math.Log1p(1/(df-2)) - 0.5 +
		stirlerr(0.5*(df-1)) - stirlerr(0.5*(df-2))
}
