package effect

import (
	"math"
	"strconv"
)

// PrePost holds within-arm (or paired) summaries: the same N participants
// measured before (Pre) and after (Post), with R the correlation between
// the two measurements. Pre.N and Post.N must be equal (the number of
// pairs); R must lie in (−1, 1). Change is Post − Pre, so for an outcome
// where lower is better an improvement is negative (see Favoring).
type PrePost struct {
	Pre, Post Group
	R         float64
}

func (pp PrePost) check() error {
	if err := checkGroup("Pre", pp.Pre, 2); err != nil {
		return err
	}
	if err := checkGroup("Post", pp.Post, 2); err != nil {
		return err
	}
	if pp.Post.N != pp.Pre.N {
		return fieldErr("Post.N", pp.Post.N, "must equal Pre.N = "+strconv.Itoa(pp.Pre.N)+" (the number of pairs)")
	}
	if !(pp.R > -1 && pp.R < 1) {
		return fieldErr("R", pp.R, "must lie in (−1, 1)")
	}
	return nil
}

// sdChange returns the SD of the change scores,
// √(s_pre² + s_post² − 2·r·s_pre·s_post).
func (pp PrePost) sdChange() float64 {
	a, b := pp.Pre.SD, pp.Post.SD
	return math.Sqrt(a*a + b*b - 2*pp.R*a*b)
}

// within finishes a within-arm measure: d is the uncorrected value; vd(x)
// the large-sample variance with x plugged in for the estimate.
func within(m Measure, pp PrePost, d float64, vd func(x float64) float64, o *Options, def CIMethod, exact *exactSpec) (Estimate, error) {
	vm, err := o.varMethod()
	if err != nil {
		return Estimate{}, err
	}
	n := float64(pp.Pre.N)
	df := n - 1
	corrected := o.correct()
	if corrected && !(df > 1) {
		return Estimate{}, fieldErr("Pre.N", pp.Pre.N, "must be at least 3 for a corrected estimate (J(n−1) needs n−1 ≥ 2)")
	}
	j := 1.0
	if corrected {
		j = J(df)
	}
	e := Estimate{Measure: m, Value: j * d}
	switch vm {
	case LS:
		e.Variance = vd(e.Value)
	case LS2:
		e.Variance = j * j * vd(d)
	default:
		return Estimate{}, fieldErr("Options.Variance", vm, "only LS and LS2 are defined for "+m.String())
	}
	if exact != nil {
		exact.Mult = j
	}
	err = setCI(&e, o, def, exact, df)
	return e, err
}

// Dz returns d_z, the mean change over the SD of the change scores
// (Cohen 1988; Gibbons, Hedeker & Davis 1993): with
// s_diff = √(s_pre² + s_post² − 2·r·s_pre·s_post),
//
//	d_z = (m_post − m_pre)/s_diff.
//
// It is the standardized effect of the paired t test (t = d_z·√n). metafor
// escalc("SMCC"), effectsize cohens_d(paired = TRUE) and rm_d(method =
// "z"). Options.Correct multiplies by J(n−1) (metafor SMCC, effectsize
// hedges_g(paired = TRUE)).
//
// Variance: LS 1/n + est²/(2n) (Hedges & Olkin 1985 p. 86 eq. 14; metafor
// SMCC LS), LS2 J²·(1/n + d²/(2n)).
//
// Default CI: exact, t = d_z·√n referred to a noncentral t on n − 1 df,
// bounds divided by √n (times J when corrected), as effectsize
// cohens_d(paired = TRUE). Wald (effectsize rm_d's normal interval) and
// WaldT on request.
func Dz(pp PrePost, o *Options) (Estimate, error) {
	if err := pp.check(); err != nil {
		return Estimate{}, err
	}
	n := float64(pp.Pre.N)
	d := (pp.Post.Mean - pp.Pre.Mean) / pp.sdChange()
	sn := math.Sqrt(n)
	return within(MeasureDz, pp, d, func(x float64) float64 { return 1/n + x*x/(2*n) }, o, NoncentralT,
		&exactSpec{T: d * sn, DF: n - 1, Scale: 1 / sn})
}

// Drm returns the repeated-measures d_rm of Morris & DeShon (2002) and
// Lakens (2013), the mean change standardized by s_diff/√(2(1−r)), an
// estimate of the common within-occasion SD under equal variances:
//
//	d_rm = (m_post − m_pre)·√(2(1−r))/s_diff.
//
// Variance (Cooper, Hedges & Valentine 2009, eq. 12.21, as effectsize
// rm_d(method = "rm")): LS (1/n + est²/(2n))·2(1−r), LS2
// J²·(1/n + d²/(2n))·2(1−r). Options.Correct multiplies by J(n−1).
//
// Default CI: Wald, est ± z·√Variance. With Options.Correct and Variance =
// LS2 this is exactly effectsize 1.0.3's rm_d(adjust = TRUE) interval,
// J·(d ± z·se). No exact interval exists for d_rm.
func Drm(pp PrePost, o *Options) (Estimate, error) {
	if err := pp.check(); err != nil {
		return Estimate{}, err
	}
	n := float64(pp.Pre.N)
	f := 2 * (1 - pp.R)
	d := (pp.Post.Mean - pp.Pre.Mean) * math.Sqrt(f) / pp.sdChange()
	return within(MeasureDrm, pp, d, func(x float64) float64 { return (1/n + x*x/(2*n)) * f }, o, Wald, nil)
}

// Dav returns d_av, the mean change over the root mean of the two
// variances, s_av = √((s_pre² + s_post²)/2) (Cumming 2012; Lakens 2013):
//
//	d_av = (m_post − m_pre)/s_av.
//
// Variance (Algina & Keselman 2003, eq. 4, as effectsize rm_d(method =
// "av")): s_diff²/(n·s_av²), which does not depend on the estimate, so LS
// is the same for d and for the corrected value; LS2 multiplies it by J².
// Options.Correct multiplies the estimate by J(n−1).
//
// Default CI: Wald. With Options.Correct and LS2 it is effectsize 1.0.3's
// rm_d(method = "av", adjust = TRUE) interval.
func Dav(pp PrePost, o *Options) (Estimate, error) {
	if err := pp.check(); err != nil {
		return Estimate{}, err
	}
	n := float64(pp.Pre.N)
	sav2 := (pp.Pre.SD*pp.Pre.SD + pp.Post.SD*pp.Post.SD) / 2
	d := (pp.Post.Mean - pp.Pre.Mean) / math.Sqrt(sav2)
	sd := pp.sdChange()
	v := sd * sd / (n * sav2)
	return within(MeasureDav, pp, d, func(float64) float64 { return v }, o, Wald, nil)
}

// DBecker returns Becker's (1988) d, the mean change standardized by the
// pre-test SD:
//
//	d_B = (m_post − m_pre)/s_pre.
//
// This is metafor's escalc("SMCR") with m1i = post, m2i = pre and sd1i =
// the pre SD, and effectsize rm_d(method = "b") with y = pre.
// Options.Correct multiplies by J(n−1) (metafor applies it always).
//
// Variance (Becker 1988, eq. 13; metafor SMCR): LS 2(1−r)/n + est²/(2n),
// LS2 J²·(2(1−r)/n + d²/(2n)).
//
// Default CI: Wald. Uncorrected it is effectsize 1.0.3's rm_d(method =
// "b", adjust = FALSE) interval; corrected with LS2 it is
// rm_d(adjust = TRUE); corrected with LS it is metafor's SMCR with
// summary.escalc.
func DBecker(pp PrePost, o *Options) (Estimate, error) {
	if err := pp.check(); err != nil {
		return Estimate{}, err
	}
	n := float64(pp.Pre.N)
	f := 2 * (1 - pp.R)
	d := (pp.Post.Mean - pp.Pre.Mean) / pp.Pre.SD
	return within(MeasureDBecker, pp, d, func(x float64) float64 { return f/n + x*x/(2*n) }, o, Wald, nil)
}

// SummarizePairs returns the PrePost summaries of paired raw scores: the
// two Groups and their Pearson correlation. pre and post must have the
// same length (at least 3, so that r is not forced to ±1), finite values,
// positive SDs and |r| < 1.
func SummarizePairs(pre, post []float64) (PrePost, error) {
	if len(pre) != len(post) {
		return PrePost{}, fieldErr("post", len(post), "must have the same length as pre ("+strconv.Itoa(len(pre))+")")
	}
	if len(pre) < 3 {
		return PrePost{}, fieldErr("pre", len(pre), "needs at least 3 pairs")
	}
	a, err := Summarize("pre", pre)
	if err != nil {
		return PrePost{}, err
	}
	b, err := Summarize("post", post)
	if err != nil {
		return PrePost{}, err
	}
	var sxy float64
	for i := range pre {
		sxy += (pre[i] - a.Mean) * (post[i] - b.Mean)
	}
	r := sxy / (float64(len(pre)-1) * a.SD * b.SD)
	pp := PrePost{Pre: a, Post: b, R: r}
	if err := pp.check(); err != nil {
		return PrePost{}, err
	}
	return pp, nil
}
