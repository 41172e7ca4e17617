package effect

import (
	"math"
	"strconv"

	"gonum.org/v1/gonum/stat/distuv"
)

// FromT returns Cohen's d from an independent-samples (pooled-variance)
// t statistic and the two group sizes, d = t·√(1/n1 + 1/n2) (metafor
// escalc ti=, compute.es tes, esc esc_t with grp1n/grp2n). It is exact for
// the Student t test. (The equal-n shortcut 2t/√df of effectsize::t_to_d
// differs when n1 ≠ n2 and is not used.) With Options.Correct it returns
// Hedges' g = J(N−2)·d, as escalc("SMD", ti = ...) does.
//
// Variance, default CI (exact noncentral t: the ncp interval for t times
// √(1/n1 + 1/n2)) and the other options are those of CohenD or HedgesG.
// The sign of t is kept: pass treat − control.
func FromT(t float64, n1, n2 int, o *Options) (Estimate, error) {
	if err := checkFinite("t", t); err != nil {
		return Estimate{}, err
	}
	if err := checkN("n1", n1, 2); err != nil {
		return Estimate{}, err
	}
	if err := checkN("n2", n2, 2); err != nil {
		return Estimate{}, err
	}
	a := 1/float64(n1) + 1/float64(n2)
	return fromD(measureFor(o), t*math.Sqrt(a), float64(n1), float64(n2), o, o.correct())
}

func measureFor(o *Options) Measure {
	if o.correct() {
		return MeasureG
	}
	return MeasureD
}

// FromF returns Cohen's d (Hedges' g with Options.Correct) from an
// F(1, N−2) statistic of a two-group comparison: t = sign·√F, then FromT.
// F carries no sign, so the direction must be given: sign is +1 when the
// intervention mean is higher, −1 when it is lower. (effectsize::F_to_d and
// compute.es fes silently return a positive d.) F must be finite and ≥ 0.
func FromF(f float64, sign int, n1, n2 int, o *Options) (Estimate, error) {
	if !finite(f) || f < 0 {
		return Estimate{}, fieldErr("F", f, "must be finite and non-negative")
	}
	if err := checkSign(sign); err != nil {
		return Estimate{}, err
	}
	return FromT(float64(sign)*math.Sqrt(f), n1, n2, o)
}

// FromP returns Cohen's d (Hedges' g with Options.Correct) from a
// two-sided p value of a pooled-variance t test on N−2 df:
// t = sign·q, q the upper p/2 quantile of t(N−2), then FromT. As with FromF
// the sign must be given explicitly (+1 when the intervention mean is
// higher); metafor takes it from the sign of pi, compute.es pes drops it.
// p must lie in (0, 1].
func FromP(p float64, sign int, n1, n2 int, o *Options) (Estimate, error) {
	if !(p > 0 && p <= 1) {
		return Estimate{}, fieldErr("p", p, "must lie in (0, 1]")
	}
	if err := checkSign(sign); err != nil {
		return Estimate{}, err
	}
	if err := checkN("n1", n1, 2); err != nil {
		return Estimate{}, err
	}
	if err := checkN("n2", n2, 2); err != nil {
		return Estimate{}, err
	}
	q := tUpper(p/2, float64(n1+n2-2))
	if !finite(q) {
		return Estimate{}, fieldErr("p", p, "is too small to invert on this many degrees of freedom")
	}
	return FromT(float64(sign)*q, n1, n2, o)
}

// tUpper returns the t with P(T > t) = q on df degrees of freedom, for q
// in (0, 0.5], by Newton steps in log t on log P(T > t) (derivative
// −t·f(t)/P(T > t)), accurate to a few ulps even for tiny q, where gonum's
// quantile (an inverse incomplete beta) loses digits, fails or is slow.
func tUpper(q, df float64) float64 {
	if q >= 0.5 {
		return 0
	}
	st := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}
	lq := math.Log(q)
	// Start: the Cornish–Fisher correction of the normal quantile
	// (Abramowitz & Stegun 26.7.5, first term); log P(T > e^u) is close to
	// linear in u in the tail, so Newton steps in u converge fast from it.
	z := -distuv.UnitNormal.Quantile(q)
	t := z * (1 + (z*z+1)/(4*df))
	u := math.Log(t)
	prev := math.Inf(1)
	for i := 0; i < 1000; i++ {
		t = math.Exp(u)
		sv := st.Survival(t)
		if !(sv > 0) || !finite(t) {
			return math.NaN()
		}
		step := (math.Log(sv) - lq) * sv / (t * st.Prob(t))
		// Damp steps that would jump more than a factor e in t.
		step = math.Max(-1, math.Min(1, step))
		u += step
		// Converged, or down to rounding noise (steps stop shrinking).
		if a := math.Abs(step); a <= 1e-15 || (a < 1e-11 && a >= prev) {
			return math.Exp(u)
		} else {
			prev = a
		}
	}
	return math.NaN()
}

// Summarize returns the mean, the sample SD (denominator n − 1) and the
// size of a sample, as a Group. It needs at least two values, all finite,
// and a positive SD; name labels the errors ("treat" gives "treat[3]").
func Summarize(name string, x []float64) (Group, error) {
	if len(x) < 2 {
		return Group{}, fieldErr(name, len(x), "needs at least 2 values")
	}
	var sum float64
	for i, v := range x {
		if !finite(v) {
			return Group{}, fieldErr(name+"["+strconv.Itoa(i)+"]", v, "must be a finite number")
		}
		sum += v
	}
	n := float64(len(x))
	mean := sum / n
	// Two-pass variance with the compensating term (Chan, Golub & LeVeque).
	var ss, comp float64
	for _, v := range x {
		dv := v - mean
		ss += dv * dv
		comp += dv
	}
	vr := (ss - comp*comp/n) / (n - 1)
	if !(vr > 0) {
		return Group{}, fieldErr(name, "constant", "has zero variance")
	}
	return Group{Mean: mean, SD: math.Sqrt(vr), N: len(x)}, nil
}

// FromSamples computes measure m (MeasureD, MeasureG, MeasureGlass or
// MeasureSMDH) from the raw scores of the two arms, by summarizing each
// (Summarize) and calling CohenD, HedgesG, GlassDelta or SMDH. Every value
// must be finite (a NaN is reported with its index; drop missing values
// first, deliberately).
func FromSamples(m Measure, treat, control []float64, o *Options) (Estimate, error) {
	t, err := Summarize("treat", treat)
	if err != nil {
		return Estimate{}, err
	}
	c, err := Summarize("control", control)
	if err != nil {
		return Estimate{}, err
	}
	switch m {
	case MeasureD:
		return CohenD(t, c, o)
	case MeasureG:
		return HedgesG(t, c, o)
	case MeasureGlass:
		return GlassDelta(t, c, o)
	case MeasureSMDH:
		return SMDH(t, c, o)
	}
	return Estimate{}, fieldErr("m", m, "FromSamples supports MeasureD, MeasureG, MeasureGlass and MeasureSMDH")
}
