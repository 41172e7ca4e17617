package mi

import (
	"math"
	"sort"
)

// BootstrapNormal pools bootstrap replicates of an estimator with a normal
// interval: original is the estimate on the original data, replicates the
// estimates on B ≥ 2 bootstrap samples. The standard error is the standard
// deviation of the replicates (denominator B − 1) and the interval
// original ∓ z·SE, as rbmi's pool(type = "normal").
func BootstrapNormal(original float64, replicates []float64, o *Options) (Pooled, error) {
	level, alt, err := o.resolve()
	if err != nil {
		return Pooled{}, err
	}
	if err := checkBoot(original, replicates); err != nil {
		return Pooled{}, err
	}
	n := len(replicates)
	mean := 0.0
	for _, e := range replicates {
		mean += e
	}
	mean /= float64(n)
	ss := 0.0
	for _, e := range replicates {
		ss += (e - mean) * (e - mean)
	}
	p := Pooled{Method: MethodBootstrapNormal, Estimate: original, SE: math.Sqrt(ss / float64(n-1)), DF: math.Inf(1), N: n}
	nanRubin(&p)
	if !(p.SE > 0) {
		return Pooled{}, fieldErr("replicates", 0.0, "all bootstrap replicates are equal: the standard error is 0")
	}
	parametric(&p, level, alt)
	return p, nil
}

// BootstrapPercentile pools bootstrap replicates with a percentile
// interval: the type-6 sample quantiles (Hyndman & Fan 1996) of the
// replicates at α/2 and 1 − α/2 (α and 1 − α one-sided). The p value
// inverts the same quantile function at 0: with q the level at which the
// quantile of the replicates is 0, p = 2·min(q, 1 − q) (capped at 1); when
// replicates equal 0 exactly, q comes from their ranks, q = rank/(B + 1);
// when all replicates lie on one side of 0, p = 0. This is rbmi's
// pool(type = "percentile"). SE is NaN: the percentile method uses none.
func BootstrapPercentile(original float64, replicates []float64, o *Options) (Pooled, error) {
	level, alt, err := o.resolve()
	if err != nil {
		return Pooled{}, err
	}
	if err := checkBoot(original, replicates); err != nil {
		return Pooled{}, err
	}
	x := append([]float64(nil), replicates...)
	sort.Float64s(x)
	n := len(x)
	p := Pooled{Method: MethodBootstrapPercentile, Estimate: original, SE: math.NaN(), DF: math.Inf(1), N: n}
	nanRubin(&p)
	p.CI.Level = level
	alpha := 1 - level
	qLess, qGreater := percentileP(x) // P-values for the one-sided alternatives
	switch alt {
	case TwoSided:
		p.CI.Lower, p.CI.Upper = quantile6(x, alpha/2), quantile6(x, 1-alpha/2)
		p.P = math.Min(2*math.Min(qLess, qGreater), 1)
	case Greater:
		p.CI.Lower, p.CI.Upper = quantile6(x, alpha), math.Inf(1)
		p.P = qGreater
	case Less:
		p.CI.Lower, p.CI.Upper = math.Inf(-1), quantile6(x, 1-alpha)
		p.P = qLess
	}
	return p, nil
}

func checkBoot(original float64, replicates []float64) error {
	if len(replicates) < 2 {
		return fieldErr("replicates", len(replicates), "need at least 2 bootstrap replicates")
	}
	if err := checkFinite("original", []float64{original}); err != nil {
		return err
	}
	return checkFinite("replicates", replicates)
}

// quantile6 is R's quantile(x, prob, type = 6) of sorted x, including its
// fuzz of 4 machine epsilons on the index.
func quantile6(x []float64, prob float64) float64 {
	n := len(x)
	const fuzz = 4 * 2.220446049250313e-16
	nppm := prob * float64(n+1)
	j := int(math.Floor(nppm + fuzz))
	h := nppm - float64(j)
	if math.Abs(h) < fuzz {
		h = 0
	}
	// x padded as R pads it: x₀ = x₁ and x_{n+1} = x_n (1-based).
	at := func(k int) float64 {
		switch {
		case k < 1:
			return x[0]
		case k > n:
			return x[n-1]
		}
		return x[k-1]
	}
	lo, hi := at(j), at(j+1)
	switch {
	case h == 0:
		return lo
	case h == 1:
		return hi
	case lo == hi:
		return lo
	}
	return (1-h)*lo + h*hi
}

// percentileP returns the one-sided p values of the percentile bootstrap:
// for the alternative θ > 0 the level q at which the type-6 quantile
// function of the sorted replicates x is 0, and 1 − q for θ < 0.
func percentileP(x []float64) (pLess, pGreater float64) {
	n := len(x)
	allZero := true
	for _, v := range x {
		if v != 0 {
			allZero = false
			break
		}
	}
	switch {
	case allZero:
		return 1, 1
	case x[0] > 0:
		return 1, 0
	case x[n-1] < 0:
		return 0, 1
	}
	// Exact zeros: ranks (ties broken by position) over n + 1.
	first, last := -1, -1
	for i, v := range x {
		if v == 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 {
		q1 := float64(first+1) / float64(n+1)
		q2 := float64(last+1) / float64(n+1)
		return 1 - q2, q1
	}
	// x[k] < 0 < x[k+1] (0-based): on that segment the quantile function is
	// linear in (n + 1)q between the order statistics k+1 and k+2 (1-based).
	k := sort.SearchFloat64s(x, 0) - 1
	g := -x[k] / (x[k+1] - x[k])
	q := (float64(k+1) + g) / float64(n+1)
	return 1 - q, q
}
