package nct

import "math"

// chiStep tabulates c(k) = h·sqrt(k) such that the trapezoidal rule with
// step h integrates the χ² factor g(w) with error below 1e-17: the error is
// about 2|Γ(k+2πi/h)|/Γ(k) (the Fourier transform of g at 2π/h), solved
// for h with mpmath and reduced by 5%.
var chiStep = [...]struct{ logk, c float64 }{
	{math.Log(0.5), 0.165},
	{math.Log(1), 0.218},
	{math.Log(2), 0.285},
	{math.Log(5), 0.39},
	{math.Log(10), 0.465},
	{math.Log(15), 0.505},
	{math.Log(50), 0.60},
	{math.Log(500), 0.645},
	{math.Log(1e5), 0.67},
}

// stepSize returns the quadrature step in w, the smallest of:
//   - the χ² limit c(k)/sqrt(k) (chiStep);
//   - if the step of Φ(t·e^{w/2} - δ) at e^{w/2} = δ/t matters (edge),
//     where z has slope δ/2 in w, 0.95/(|δ|+0.5): calibrated against the
//     mpmath reference, the error grows like exp(-c/(hδ)²) and is about
//     1e-16 at hδ = 1, 1e-14 at 1.16 and 1e-12 at 1.36;
//   - c(k_eff)·σ for the peak, where σ = 1/sqrt(-d2) from the curvature at
//     the mode and k_eff = 1/(d3·σ³)² measures the skewness of the peak the
//     way k does for the χ² factor alone (whose skewness in w is
//     -1/sqrt(k)); a symmetric peak has k_eff = ∞ and c = 0.686, the
//     Gaussian value (error 2exp(-2π²/0.686²)). Without this rule a
//     tilted, skewed peak such as that of CDF(0.1, 1, 37) has errors of
//     5e-12.
func stepSize(k, d2, d3, delta float64, edge bool) float64 {
	h := chiC(k) / math.Sqrt(k)
	if edge {
		h = math.Min(h, 0.95/(math.Abs(delta)+0.5))
	}
	if d2 < 0 {
		sigma := 1 / math.Sqrt(-d2)
		keff := math.Inf(1)
		if g := d3 * sigma * sigma * sigma; g != 0 {
			keff = 1 / (g * g)
		}
		h = math.Min(h, chiC(keff)*sigma)
	}
	return h
}

// chiC interpolates chiStep linearly in log k.
func chiC(k float64) float64 {
	lk := math.Log(k)
	switch {
	case lk >= chiStep[len(chiStep)-1].logk || math.IsNaN(lk):
		return chiStep[len(chiStep)-1].c
	case lk <= chiStep[0].logk:
		return chiStep[0].c * math.Sqrt(k/0.5) // c ∝ sqrt(k) as k -> 0 keeps h fixed
	}
	for i := 1; i < len(chiStep); i++ {
		if lk <= chiStep[i].logk {
			a, b := chiStep[i-1], chiStep[i]
			return a.c + (b.c-a.c)*(lk-a.logk)/(b.logk-a.logk)
		}
	}
	return chiStep[len(chiStep)-1].c
}
