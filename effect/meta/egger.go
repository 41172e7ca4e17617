package meta

import (
	"fmt"
	"math"

	"github.com/tiesproject/ties/effect"
)

// RegModel selects the model of Egger's regression test.
type RegModel int

// Regression models, as metafor's regtest(model = ...).
const (
	// RegMixed is metafor's default regtest(model = "rma", predictor =
	// "sei"): a meta-regression of y_i on sqrt(v_i) with the Options'
	// tau² method, tested with z (or t(k-2) under Knapp-Hartung).
	RegMixed RegModel = iota
	// RegClassical is the classical Egger test (Egger et al. 1997),
	// metafor's regtest(model = "lm"): weighted least squares of y_i on
	// sqrt(v_i) with weights 1/v_i and a free residual scale, tested with
	// t(k-2). Its t equals that of the intercept in the regression of
	// y_i/sqrt(v_i) on 1/sqrt(v_i).
	RegClassical
)

// EggerResult is a regression test for funnel-plot asymmetry.
type EggerResult struct {
	Model RegModel
	// K is the number of studies.
	K int
	// Slope is the coefficient of the standard error sqrt(v_i) and SlopeSE
	// its standard error; Stat = Slope/SlopeSE is z (DF = 0) or t (DF
	// degrees of freedom), and P its two-sided p-value.
	Slope, SlopeSE, Stat, DF, P float64
	// Limit is the intercept: the effect expected in a study of infinite
	// precision (the "limit estimate"), with its CI.
	Limit effect.Estimate
	// Tau2 is the residual tau² of the mixed model (0 for RegClassical).
	Tau2 float64
}

// Egger tests funnel-plot asymmetry by regressing the effects on their
// standard errors (Egger et al. 1997; Sterne & Egger 2005). It needs k >= 3
// studies.
func Egger(studies []Study, model RegModel, o *Options) (EggerResult, error) {
	s, err := o.settings()
	if err != nil {
		return EggerResult{}, err
	}
	c, err := validate(studies)
	if err != nil {
		return EggerResult{}, err
	}
	if model != RegMixed && model != RegClassical {
		return EggerResult{}, optionErr("model", model, "unknown regression model")
	}
	if err := eggerUnused(o, s, model); err != nil {
		return EggerResult{}, err
	}
	k := len(studies)
	need := 3
	if model == RegMixed && s.method == FixedEffect && !s.kh {
		need = 2
	}
	if k < need {
		return EggerResult{}, tooFew(k, need, "Egger's test")
	}
	y := make([]float64, k)
	v := make([]float64, k)
	sei := make([]float64, k)
	for i, st := range studies {
		y[i], v[i], sei[i] = st.Value, st.Variance, math.Sqrt(st.Variance)
	}
	m := newModel(y, v, [][]float64{nil, sei})
	if !m.fullRank() {
		return EggerResult{}, fmt.Errorf("%w: the standard errors are all equal, so the regression is singular", ErrInvalidInput)
	}
	var tau2 float64
	if model == RegMixed {
		est, err := m.estimateTau2(s.method, s)
		if err != nil {
			return EggerResult{}, err
		}
		tau2 = est.tau2
	}
	f := m.fit(tau2)
	if f.singul {
		return EggerResult{}, fmt.Errorf("%w: the standard errors are all equal, so the regression is singular", ErrInvalidInput)
	}
	scale := 1.0
	df := 0.0
	if model == RegClassical || s.kh {
		df = float64(k - 2)
		scale = f.rss / df
		if model == RegMixed && s.adhoc && scale < 1 {
			scale = 1
		}
	}
	r := EggerResult{Model: model, K: k, Tau2: tau2, DF: df}
	r.Slope = f.beta[1]
	r.SlopeSE = math.Sqrt(scale * f.a[3])
	r.Stat = r.Slope / r.SlopeSE
	b0, v0 := f.beta[0], scale*f.a[0]
	crit := normalQuantile(0.5 + s.level/2)
	ci := effect.Wald
	if df > 0 {
		r.P = 2 * tSurvival(math.Abs(r.Stat), df)
		crit = tQuantile(0.5+s.level/2, df)
		ci = effect.WaldT
	} else {
		r.P = 2 * normalSurvival(math.Abs(r.Stat))
	}
	se0 := math.Sqrt(v0)
	r.Limit = effect.Estimate{
		Measure: c.measure, Oriented: c.oriented, Value: b0, Variance: v0,
		CI:       effect.Interval{Lower: b0 - crit*se0, Upper: b0 + crit*se0, Level: s.level},
		CIMethod: ci, DF: df,
	}
	return r, nil
}

// eggerUnused refuses the options Egger's test cannot use: it has no
// prediction interval, and the classical (lm) test has no tau², no
// iteration and always a t test.
func eggerUnused(o *Options, s settings, model RegModel) error {
	if o == nil {
		return nil
	}
	if o.Prediction != PredictDefault {
		return optionErr("Options.Prediction", o.Prediction, "Egger's test has no prediction interval; leave it PredictDefault")
	}
	if model == RegMixed {
		return s.fixedUnused(false)
	}
	const why = "the classical (lm) Egger test has no tau² and always uses t(k-2); leave it unset"
	switch {
	case o.Method != REML:
		return optionErr("Options.Method", o.Method, why)
	case o.KnappHartung:
		return optionErr("Options.KnappHartung", o.KnappHartung, why)
	case o.AdHoc:
		return optionErr("Options.AdHoc", o.AdHoc, why)
	case o.Tol != 0:
		return optionErr("Options.Tol", o.Tol, why)
	case o.MaxIter != 0:
		return optionErr("Options.MaxIter", o.MaxIter, why)
	}
	return nil
}
