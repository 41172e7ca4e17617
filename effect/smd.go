package effect

import (
	"fmt"
	"math"
)

// pooledSD returns the df-weighted pooled standard deviation
// √(((n1−1)s1² + (n2−1)s2²)/(n1+n2−2)) (Cohen 1988; Hedges 1981), the
// standardizer of metafor, effectsize, MBESS, esc, compute.es, pingouin
// and statsmodels. (psych::cohen.d divides by N instead.)
func pooledSD(a, b Group) float64 {
	n1, n2 := float64(a.N), float64(b.N)
	return math.Sqrt(((n1-1)*a.SD*a.SD + (n2-1)*b.SD*b.SD) / (n1 + n2 - 2))
}

// twoArm validates two arms.
func twoArm(treat, control Group, minN int) error {
	if err := checkGroup("treat", treat, minN); err != nil {
		return err
	}
	return checkGroup("control", control, minN)
}

// CohenD returns Cohen's d, the mean difference treat − control divided by
// the pooled SD (Cohen 1988; Hedges 1981), without small-sample correction:
//
//	s_p = √(((n1−1)s1² + (n2−1)s2²)/(N−2)),  d = (m1 − m2)/s_p,  N = n1 + n2.
//
// Variance: 1/n1 + 1/n2 + d²/(2N) for LS and LS2 (Hedges & Olkin 1985,
// eq. 5.15 with d), and the UB variance of g divided by J(N−2)² for UB (see
// VarianceMethod).
//
// Default CI: exact, by inverting the noncentral t distribution of
// t = d·h, h = √(n1·n2/N), on N−2 df, and dividing the ncp bounds by h
// (Hedges & Olkin 1985 §5.B; Steiger & Fouladi 1997; Cumming & Finch 2001);
// this is effectsize::cohens_d and MBESS::ci.smd. Options.CI = Wald gives
// d ± z·√Variance; WaldT uses t(N−2) quantiles (pingouin's compute_esci).
//
// Both arms need N ≥ 2, finite means and finite positive SDs; otherwise the
// error wraps ErrInvalidInput and names the field ("treat.SD", ...).
func CohenD(treat, control Group, o *Options) (Estimate, error) {
	if err := o.unused("CohenD", useCI|useVariance); err != nil {
		return Estimate{}, err
	}
	return twoArmSMD(MeasureD, treat, control, o, false)
}

// HedgesG returns Hedges' g = J(N−2)·d, Cohen's d corrected with the exact
// small-sample factor J (Hedges 1981; see J), as metafor's escalc("SMD")
// and effectsize::hedges_g.
//
// Variance: metafor's vtype for SMD (Options.Variance): LS (default)
// 1/n1 + 1/n2 + g²/(2N) with the corrected g plugged in; LS2
// J²·(1/n1 + 1/n2 + d²/(2N)); UB 1/n1 + 1/n2 + (1 − (m−2)/(m·J²))·g² with
// m = N−2.
//
// Default CI: the exact noncentral t interval for δ (as CohenD) with both
// bounds multiplied by J, the effectsize::hedges_g convention. Wald
// (g ± z·√Variance) and WaldT on request.
func HedgesG(treat, control Group, o *Options) (Estimate, error) {
	if err := o.unused("HedgesG", useCI|useVariance); err != nil {
		return Estimate{}, err
	}
	return twoArmSMD(MeasureG, treat, control, o, true)
}

func twoArmSMD(m Measure, treat, control Group, o *Options, corrected bool) (Estimate, error) {
	if err := twoArm(treat, control, 2); err != nil {
		return Estimate{}, err
	}
	n1, n2 := float64(treat.N), float64(control.N)
	d := (treat.Mean - control.Mean) / pooledSD(treat, control)
	return fromD(m, d, n1, n2, o, corrected)
}

// fromD finishes an independent-groups d (or g when corrected): value,
// variance and CI.
func fromD(m Measure, d, n1, n2 float64, o *Options, corrected bool) (Estimate, error) {
	vm, err := o.varMethod()
	if err != nil {
		return Estimate{}, err
	}
	df := n1 + n2 - 2
	a := 1/n1 + 1/n2
	j := 1.0
	if corrected {
		j = J(df)
	}
	e := Estimate{Measure: m, Value: j * d}
	if e.Variance, err = smdVariance(vm, d, df, a, n1+n2, corrected); err != nil {
		return Estimate{}, err
	}
	sa := math.Sqrt(a)
	err = setCI(&e, o, NoncentralT, &exactSpec{T: d / sa, DF: df, Scale: sa, Mult: j}, df)
	return e, err
}

// GlassDelta returns Glass's Δ = (m1 − m2)/s2, standardized by the control
// arm's SD (Glass 1976), uncorrected as effectsize::glass_delta; with
// Options.Correct it is multiplied by J(n2−1), as metafor's escalc("SMD1")
// (which needs n2 ≥ 3).
//
// Variance: metafor's SMD1 formulas with n2 in the quadratic term and m =
// n2−1: LS 1/n1 + 1/n2 + Δ²/(2·n2), LS2 J²·(1/n1 + 1/n2 + Δ²/(2·n2)), UB
// 1/n1 + 1/n2 + (1 − (m−2)/(m·J²))·Δ² (see VarianceMethod for the
// uncorrected case). These assume equal population variances, as metafor
// does for SMD1.
//
// Default CI: exact noncentral t, effectsize's version of the
// Algina, Keselman & Penfield (2006) interval: with
// h = 1/n2 + s1²/(n1·s2²), t = Δ/√h is referred to a noncentral t on
// n2 − 1 df, and the ncp bounds are multiplied by √h (and by J(n2−1) when
// corrected). Wald and WaldT (on n2 − 1 df) on request.
func GlassDelta(treat, control Group, o *Options) (Estimate, error) {
	minN := 2
	if o.correct() {
		minN = 3
	}
	if err := checkGroup("treat", treat, 2); err != nil {
		return Estimate{}, err
	}
	if err := checkGroup("control", control, minN); err != nil {
		return Estimate{}, err
	}
	vm, err := o.varMethod()
	if err != nil {
		return Estimate{}, err
	}
	n1, n2 := float64(treat.N), float64(control.N)
	delta := (treat.Mean - control.Mean) / control.SD
	m := n2 - 1
	corrected := o.correct()
	j := 1.0
	if corrected {
		j = J(m)
	}
	e := Estimate{Measure: MeasureGlass, Value: j * delta}
	if e.Variance, err = smdVariance(vm, delta, m, 1/n1+1/n2, n2, corrected); err != nil {
		return Estimate{}, err
	}
	r := treat.SD / control.SD
	h := 1/n2 + r*r/n1
	sh := math.Sqrt(h)
	err = setCI(&e, o, NoncentralT, &exactSpec{T: delta / sh, DF: m, Scale: sh, Mult: j}, m)
	return e, err
}

// SMDH returns the heteroscedastic standardized mean difference of Bonett
// (2008, 2009): the mean difference over s = √((s1² + s2²)/2), the root
// mean of the two variances, which does not assume equal population
// variances. Uncorrected by default (effectsize::cohens_d with
// pooled_sd = FALSE); with Options.Correct multiplied by J(N−2), as
// metafor's escalc("SMDH").
//
// Variance (est is the returned estimate):
//
//	LS:  est²·(s1⁴/(n1−1) + s2⁴/(n2−1))/(8s⁴) + (s1²/(n1−1) + s2²/(n2−1))/s²  (Bonett 2008, eq. 8)
//	LS2: est²·(s1⁴/n1 + s2⁴/n2)/(8s⁴) + (s1²/n1 + s2²/n2)/s²
//
// These are metafor's formulas since 4.6-0. metafor 3.8-1 (Debian's)
// multiplied the LS variance by J² and had a different LS2; we follow the
// current definition (Bonett's). UB is not defined for SMDH and returns an
// error.
//
// Default CI: Wald, est ± z·√Variance (Bonett 2008). With
// Options.CI = NoncentralT: effectsize's Welch interval, t = (m1−m2)/
// √(s1²/n1 + s2²/n2) on the Welch–Satterthwaite df, ncp bounds multiplied
// by √(2(n2·s1² + n1·s2²)/(n1·n2·(s1² + s2²))) (and by J(N−2) when
// corrected). WaldT uses t(N−2).
func SMDH(treat, control Group, o *Options) (Estimate, error) {
	if err := twoArm(treat, control, 2); err != nil {
		return Estimate{}, err
	}
	vm, err := o.varMethod()
	if err != nil {
		return Estimate{}, err
	}
	n1, n2 := float64(treat.N), float64(control.N)
	// Scaled form: every quantity below is homogeneous of degree 0 in the
	// SDs once the mean difference is divided by the larger SD, so the SDs
	// enter as ratios in (0, 1] and their squares neither overflow nor
	// underflow (SDs 1 and 1e200 give a finite variance).
	sc := math.Max(treat.SD, control.SD)
	u1, u2 := treat.SD/sc, control.SD/sc
	v1, v2 := u1*u1, u2*u2
	s2 := (v1 + v2) / 2
	diff := treat.Mean/sc - control.Mean/sc
	if !finite(diff) {
		return Estimate{}, fieldErr("treat.Mean", treat.Mean, fmt.Sprintf(
			"the difference from control.Mean = %v overflows relative to the SDs; rescale the outcome", control.Mean))
	}
	d := diff / math.Sqrt(s2)
	df := n1 + n2 - 2
	j := 1.0
	if o.correct() {
		j = J(df)
	}
	e := Estimate{Measure: MeasureSMDH, Value: j * d}
	est2 := e.Value * e.Value
	switch vm {
	case LS:
		e.Variance = est2*(v1*v1/(n1-1)+v2*v2/(n2-1))/(8*s2*s2) + (v1/(n1-1)+v2/(n2-1))/s2
	case LS2:
		e.Variance = est2*(v1*v1/n1+v2*v2/n2)/(8*s2*s2) + (v1/n1+v2/n2)/s2
	default:
		return Estimate{}, fieldErr("Options.Variance", vm, "only LS and LS2 are defined for SMDH")
	}
	se1, se2 := v1/n1, v2/n2
	se := math.Sqrt(se1 + se2)
	wdf := (se1 + se2) * (se1 + se2) / (se1*se1/(n1-1) + se2*se2/(n2-1))
	hn := 2 * (n2*v1 + n1*v2) / (n1 * n2 * (v1 + v2))
	err = setCI(&e, o, Wald, &exactSpec{T: diff / se, DF: wdf, Scale: math.Sqrt(hn), Mult: j}, df)
	return e, err
}
