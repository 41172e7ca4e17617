package meta

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/tiesproject/ties/effect"
)

// Pool pools the studies' estimates with the method in o (nil: REML with
// z-based inference at the 95% level), as metafor's rma(yi, vi) does.
//
// Pool needs k >= 1 study, and k >= 2 for Knapp-Hartung. As in metafor, one
// study is pooled with tau² = 0 by every method: the pooled estimate is the
// study's, Q = 0 (p = 1), I² = 0, H² = 1, and the tau² standard error and
// Q-profile intervals are NaN. Every study must have a finite Value, a
// finite positive Variance, the same Measure and the same orientation
// (Estimate.Oriented, see Estimate.Favoring): an oriented study has its
// sign turned so that positive favours the intervention, an unoriented one
// is intervention minus control, and pooling the two would cancel real
// effects. Otherwise the error is an *effect.FieldError naming the first
// offending study (for mixed orientation, every study on each side).
// The pooled Estimate is Oriented when the studies are.
func Pool(studies []Study, o *Options) (Result, error) {
	s, err := o.settings()
	if err != nil {
		return Result{}, err
	}
	if err := s.fixedUnused(false); err != nil {
		return Result{}, err
	}
	c, err := validate(studies)
	if err != nil {
		return Result{}, err
	}
	return pool(studies, c, s)
}

func pool(studies []Study, c common, s settings) (Result, error) {
	k := len(studies)
	if k == 0 {
		return Result{}, tooFew(k, 1, "pooling")
	}
	if k == 1 && s.kh {
		// metafor switches to z-tests with a warning; ties refuses rather
		// than ignore the option.
		return Result{}, tooFew(k, 2, "Knapp-Hartung inference")
	}
	y := make([]float64, k)
	v := make([]float64, k)
	for i, st := range studies {
		y[i], v[i] = st.Value, st.Variance
	}
	m := newModel(y, v, nil)
	r, err := m.pool(s)
	if err != nil {
		return Result{}, err
	}
	r.Estimate.Measure = c.measure
	r.Estimate.Oriented = c.oriented
	r.Studies = studyResults(studies, r.Tau2, s.level)
	return r, nil
}

// pool fits the intercept-only model.
func (m *model) pool(s settings) (Result, error) {
	k := m.k
	est, err := m.estimateTau2(s.method, s)
	if err != nil {
		return Result{}, err
	}
	fe := m.fit(0)
	f := fe
	if est.tau2 != 0 {
		f = m.fit(est.tau2)
	}
	r := Result{
		Method:     s.method,
		K:          k,
		Tau2:       est.tau2,
		Tau:        math.Sqrt(est.tau2),
		Tau2SE:     est.se,
		Iterations: est.iter,
		QDF:        k - 1,
		KHScale:    1,
	}
	// Heterogeneity: Q with inverse-variance weights; metafor's I² and H².
	r.Q = math.Max(0, fe.rss)
	r.QP = chiSqSurvival(r.Q, float64(k-1))
	r.S2 = float64(k-1) / fe.trP
	switch {
	case k == 1:
		// As metafor: one study has no heterogeneity to measure, so
		// Q = 0 (p = 1), I² = 0 and H² = 1; the typical within-study
		// variance is reported as 0, as metafor's vt.
		r.Q, r.QP, r.S2, r.I2, r.H2 = 0, 1, 0, 0, 1
	case s.method == FixedEffect:
		r.I2 = math.Max(0, 100*(r.Q-float64(k-1))/r.Q)
		r.H2 = r.Q / float64(k-1)
	default:
		r.I2 = 100 * r.Tau2 / (r.S2 + r.Tau2)
		r.H2 = r.Tau2/r.S2 + 1
	}

	// The pooled estimate and its inference.
	mu := f.beta[0]
	vb := f.a[0]
	if math.IsNaN(mu) || math.IsInf(mu, 0) || !(vb > 0) || math.IsInf(vb, 0) {
		return Result{}, fmt.Errorf("%w: the values and variances are too extreme for double precision (pooled estimate %g, variance %g)",
			ErrInvalidInput, mu, vb)
	}
	zcrit := normalQuantile(0.5 + s.level/2)
	crit := zcrit
	df := 0.0
	if s.kh {
		s2w := f.rss / float64(k-1)
		if f.rss <= 0x1p-52 { // metafor: RSS below machine epsilon gives s² = 0
			s2w = 0
		}
		if s.adhoc && s2w < 1 {
			s2w = 1
		}
		r.KHScale = s2w
		vb *= s2w
		df = float64(k - 1)
		crit = tQuantile(0.5+s.level/2, df)
	}
	se := math.Sqrt(vb)
	r.Estimate = effect.Estimate{
		Value:    mu,
		Variance: vb,
		CI:       effect.Interval{Lower: mu - crit*se, Upper: mu + crit*se, Level: s.level},
		CIMethod: effect.Wald,
		DF:       df,
	}
	r.Stat = mu / se
	if s.kh {
		r.Estimate.CIMethod = effect.WaldT
		r.P = 2 * tSurvival(math.Abs(r.Stat), df)
	} else {
		r.P = 2 * normalSurvival(math.Abs(r.Stat))
	}

	// Prediction interval.
	pcrit, pdf := crit, df
	switch s.prediction {
	case PredictZ:
		pcrit, pdf = zcrit, 0
	case PredictRiley:
		parms := 1 // p + 1 for tau², as metafor's x$parms
		if s.method != FixedEffect {
			parms = 2
		}
		pdf = math.Max(1, float64(k-parms))
		pcrit = tQuantile(0.5+s.level/2, pdf)
	}
	psd := math.Sqrt(vb + r.Tau2)
	r.Prediction = effect.Interval{Lower: mu - pcrit*psd, Upper: mu + pcrit*psd, Level: s.level}
	r.PredDF = pdf

	// Q-profile intervals for tau², tau, I² and H² (Viechtbauer 2007).
	nan := effect.Interval{Lower: math.NaN(), Upper: math.NaN(), Level: s.level}
	r.Tau2CI, r.TauCI, r.I2CI, r.H2CI = nan, nan, nan, nan
	if s.method != FixedEffect && k > 1 { // metafor's confint() stops at k = 1
		ci, err := m.qProfile(s)
		if err != nil {
			return Result{}, err
		}
		r.Tau2CI = ci
		r.TauCI = effect.Interval{Lower: math.Sqrt(ci.Lower), Upper: math.Sqrt(ci.Upper), Level: s.level}
		r.I2CI = effect.Interval{Lower: 100 * ci.Lower / (r.S2 + ci.Lower), Upper: 100 * ci.Upper / (r.S2 + ci.Upper), Level: s.level}
		r.H2CI = effect.Interval{Lower: ci.Lower/r.S2 + 1, Upper: ci.Upper/r.S2 + 1, Level: s.level}
	}
	return r, nil
}

// qProfile returns the Q-profile confidence interval for tau²: the lower
// bound solves Q_gen(tau²) = chi²_{k-p, 1-α/2}, the upper bound
// Q_gen(tau²) = chi²_{k-p, α/2}; a bound is 0 when Q_gen(0) is already
// below its target.
func (m *model) qProfile(s settings) (effect.Interval, error) {
	df := float64(m.k - m.p)
	alpha := 1 - s.level
	chi := distuv.ChiSquared{K: df}
	lo, _, err := m.solveQ(chi.Quantile(1-alpha/2), s)
	if err != nil {
		return effect.Interval{}, err
	}
	hi, _, err := m.solveQ(chi.Quantile(alpha/2), s)
	if err != nil {
		return effect.Interval{}, err
	}
	return effect.Interval{Lower: lo, Upper: hi, Level: s.level}, nil
}

func studyResults(studies []Study, tau2, level float64) []StudyResult {
	var sw float64
	for _, st := range studies {
		sw += 1 / (st.Variance + tau2)
	}
	out := make([]StudyResult, len(studies))
	for i, st := range studies {
		ci, method := studyCI(st.Estimate, level)
		out[i] = StudyResult{
			Label: st.Label, Subgroup: st.Subgroup,
			Value: st.Value, Variance: st.Variance,
			CI: ci, CIMethod: method,
			Weight: 100 / (st.Variance + tau2) / sw,
		}
	}
	return out
}

// studyCI is the interval a forest plot draws for a study: the study's own
// CI when its Estimate carries one at the analysis level (an exact
// noncentral-t interval, say), else the Wald interval Value ± z·SE.
func studyCI(e effect.Estimate, level float64) (effect.Interval, effect.CIMethod) {
	ci := e.CI
	if ci.Level > 0 && math.Abs(ci.Level-level) < 1e-9 && ci.Lower <= ci.Upper {
		m := e.CIMethod
		if m == effect.DefaultCI {
			m = effect.Wald // an Estimate built by hand without a method: assume the commonest
		}
		return ci, m
	}
	z := normalQuantile(0.5 + level/2)
	se := math.Sqrt(e.Variance)
	return effect.Interval{Lower: e.Value - z*se, Upper: e.Value + z*se, Level: level}, effect.Wald
}

func normalQuantile(p float64) float64 { return distuv.UnitNormal.Quantile(p) }
func normalSurvival(x float64) float64 { return distuv.UnitNormal.Survival(x) }

func tQuantile(p, df float64) float64 {
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(p)
}

func tSurvival(x, df float64) float64 {
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Survival(x)
}

func chiSqSurvival(x, df float64) float64 {
	if df <= 0 {
		return math.NaN()
	}
	return distuv.ChiSquared{K: df}.Survival(x)
}
