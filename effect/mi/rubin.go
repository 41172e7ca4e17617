package mi

import (
	"math"
	"strconv"
)

// Rubin pools M ≥ 2 analyses of multiply imputed data by Rubin's rules:
// the estimate is the mean θ̄ of the estimates, its variance T = W + (1 +
// 1/M)B with W the mean squared standard error and B the variance of the
// estimates, and inference uses t on the Barnard–Rubin (1999) degrees of
// freedom
//
//	ν = ν_old·ν_obs/(ν_old + ν_obs), ν_old = (M − 1)/λ², ν_obs = (ν_com + 1)/(ν_com + 3)·ν_com·(1 − λ),
//
// where λ = (1 + 1/M)B/T and ν_com is the complete-data degrees of freedom
// of the analysis (n − 3 for an ANCOVA on arm and baseline), the same for
// every imputation. dfComplete = +Inf gives Rubin's (1987) ν_old (normal
// when B = 0); dfComplete = NaN means the analysis has no degrees of
// freedom and inference is normal.
//
// With B = 0 (identical estimates) the degrees of freedom are ν_obs = the
// complete-data ν adjusted for nothing missing, (ν_com + 1)ν_com/(ν_com +
// 3); mice reports slightly different values there (it floors λ at 1e-4).
func Rubin(estimates, ses []float64, dfComplete float64, o *Options) (Pooled, error) {
	level, alt, err := o.resolve()
	if err != nil {
		return Pooled{}, err
	}
	m := len(estimates)
	if m < 2 {
		return Pooled{}, fieldErr("estimates", m, "Rubin's rules need at least 2 imputations")
	}
	if len(ses) != m {
		return Pooled{}, fieldErr("ses", len(ses), "need one standard error per estimate")
	}
	if err := checkFinite("estimates", estimates); err != nil {
		return Pooled{}, err
	}
	if err := checkFinite("ses", ses); err != nil {
		return Pooled{}, err
	}
	for i, s := range ses {
		if s < 0 {
			return Pooled{}, fieldErr("ses["+strconv.Itoa(i)+"]", s, "a standard error cannot be negative")
		}
	}
	if !math.IsNaN(dfComplete) && !(dfComplete > 0) {
		return Pooled{}, fieldErr("dfComplete", dfComplete, "must be positive, +Inf (no small-sample correction) or NaN (normal inference)")
	}

	M := float64(m)
	mean := 0.0
	for _, e := range estimates {
		mean += e
	}
	mean /= M
	w, b := 0.0, 0.0
	for i, e := range estimates {
		w += ses[i] * ses[i]
		b += (e - mean) * (e - mean)
	}
	w /= M
	b /= M - 1
	t := w + (1+1/M)*b
	if !(t > 0) {
		return Pooled{}, fieldErr("ses", 0.0, "every standard error is 0 and the estimates agree: the total variance is 0")
	}
	p := Pooled{Method: MethodRubin, Estimate: mean, SE: math.Sqrt(t), N: m, Within: w, Between: b}
	p.Lambda = (1 + 1/M) * b / t
	p.RIV = (1 + 1/M) * b / w
	p.MCSE = math.Sqrt(b / M)
	p.DF = barnardRubin(dfComplete, b, t, M)
	if math.IsInf(p.DF, 1) {
		p.FMI = p.Lambda // the limit of (r + 2/(ν+3))/(r + 1) as ν → ∞
	} else {
		p.FMI = (p.RIV + 2/(p.DF+3)) / (p.RIV + 1)
	}
	parametric(&p, level, alt)
	return p, nil
}

// barnardRubin returns the Barnard–Rubin degrees of freedom with rbmi's
// handling of the limits (rubin_df).
func barnardRubin(vcom, b, t, m float64) float64 {
	if math.IsNaN(vcom) || (math.IsInf(vcom, 1) && b == 0) {
		return math.Inf(1)
	}
	lambda := (1 + 1/m) * b / t
	var vobs float64
	if !math.IsInf(vcom, 1) {
		vobs = (vcom + 1) / (vcom + 3) * vcom * (1 - lambda)
	}
	if lambda == 0 {
		return vobs
	}
	vold := (m - 1) / (lambda * lambda)
	if math.IsInf(vcom, 1) {
		return vold
	}
	return vold * vobs / (vold + vobs)
}
