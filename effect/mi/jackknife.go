package mi

import "math"

// Jackknife pools a deterministic estimator by the leave-one-out jackknife:
// full is the estimate on all subjects and leaveOneOut[b] the estimate with
// subject b removed (every randomized subject, also those without
// follow-up). The standard error is
//
//	se = √[(n − 1)/n · Σ_b (θ̂₍₋b₎ − θ̄₍.₎)²],
//
// the interval full ∓ z·se and the p value normal, as rbmi pools
// conditional mean imputation (Wolbers et al. 2022).
func Jackknife(full float64, leaveOneOut []float64, o *Options) (Pooled, error) {
	level, alt, err := o.resolve()
	if err != nil {
		return Pooled{}, err
	}
	n := len(leaveOneOut)
	if n < 2 {
		return Pooled{}, fieldErr("leaveOneOut", n, "the jackknife needs at least 2 leave-one-out estimates")
	}
	if err := checkFinite("full", []float64{full}); err != nil {
		return Pooled{}, err
	}
	if err := checkFinite("leaveOneOut", leaveOneOut); err != nil {
		return Pooled{}, err
	}
	mean := 0.0
	for _, e := range leaveOneOut {
		mean += e
	}
	mean /= float64(n)
	ss := 0.0
	for _, e := range leaveOneOut {
		ss += (e - mean) * (e - mean)
	}
	p := Pooled{Method: MethodJackknife, Estimate: full, SE: math.Sqrt(float64(n-1) / float64(n) * ss), DF: math.Inf(1), N: n}
	nanRubin(&p)
	if !(p.SE > 0) {
		return Pooled{}, fieldErr("leaveOneOut", 0.0, "all leave-one-out estimates are equal: the jackknife standard error is 0")
	}
	parametric(&p, level, alt)
	return p, nil
}
