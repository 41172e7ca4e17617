package meta

import (
	"fmt"

	"github.com/tiesproject/ties/effect"
)

// Study is one trial's effect estimate with a label for reports and plots.
// Pooling uses Estimate.Value (y_i) and Estimate.Variance (v_i, the
// sampling variance, as metafor's vi).
type Study struct {
	// Label names the study in errors, results and plots.
	Label string
	// Subgroup assigns the study to a subgroup for Subgroups; Pool ignores it.
	Subgroup string
	effect.Estimate
}

// Method selects the estimator of the between-study variance tau².
type Method int

// Methods. The zero value is REML, metafor's default.
const (
	REML             Method = iota // restricted maximum likelihood (Viechtbauer 2005)
	FixedEffect                    // common (fixed) effect, tau² = 0, inverse-variance weights
	DerSimonianLaird               // method of moments with inverse-variance weights (DerSimonian & Laird 1986)
	ML                             // maximum likelihood (Viechtbauer 2005)
	PauleMandel                    // generalized Q equal to its expectation (Paule & Mandel 1982)
	EmpiricalBayes                 // empirical Bayes (Morris 1983); the same root as Paule-Mandel
	Hedges                         // unweighted method of moments, metafor "HE" (Hedges 1983)
	HunterSchmidt                  // (Q - k)/sum(w), metafor "HS" (Hunter & Schmidt 2004)
	SidikJonkman                   // two-step estimator from a crude start (Sidik & Jonkman 2005)
)

var methodNames = [...]string{
	REML:             "REML",
	FixedEffect:      "FE",
	DerSimonianLaird: "DL",
	ML:               "ML",
	PauleMandel:      "PM",
	EmpiricalBayes:   "EB",
	Hedges:           "HE",
	HunterSchmidt:    "HS",
	SidikJonkman:     "SJ",
}

// String returns metafor's abbreviation for the method ("REML", "DL", ...).
func (m Method) String() string {
	if m < 0 || int(m) >= len(methodNames) {
		return fmt.Sprintf("Method(%d)", int(m))
	}
	return methodNames[m]
}

// PredictionMethod selects the critical value of the prediction interval.
type PredictionMethod int

// Prediction interval types. In all of them the interval is
// mu ± crit·sqrt(tau² + SE(mu)²), with SE(mu) the (Knapp-Hartung scaled,
// when asked for) standard error of the pooled estimate.
const (
	// PredictDefault is metafor's predict() default: z, or t with k-1
	// degrees of freedom when the fit uses the Knapp-Hartung adjustment.
	PredictDefault PredictionMethod = iota
	// PredictZ always uses the standard normal quantile (metafor "simple").
	PredictZ
	// PredictRiley uses t with k-2 degrees of freedom for random-effects
	// models (k-1 for the fixed-effect model), as Higgins, Thompson &
	// Spiegelhalter (2009) and Riley et al. (2011) recommend; metafor
	// pi.type = "riley". As in metafor, the degrees of freedom are floored
	// at 1 (k = 2).
	PredictRiley
)

// Options holds optional settings for Pool and the functions built on it.
// A nil *Options means: REML, Wald-type (z) inference, level 0.95,
// metafor's default prediction interval, tolerance 1e-10.
type Options struct {
	// Method is the tau² estimator; the zero value is REML.
	Method Method
	// KnappHartung asks for the Hartung-Knapp-Sidik-Jonkman variance and
	// t(k-1) inference for the pooled estimate (metafor test = "knha").
	KnappHartung bool
	// AdHoc floors the Knapp-Hartung scale factor at 1 (metafor
	// test = "adhoc"; Knapp & Hartung 2003, Röver et al. 2015). It implies
	// KnappHartung.
	AdHoc bool
	// Level is the confidence level in (0, 1); 0 means 0.95. It applies to
	// the CI, the prediction interval and the Q-profile intervals.
	Level float64
	// Prediction selects the prediction interval's critical value.
	Prediction PredictionMethod
	// Tol is the convergence tolerance of the iterative estimators (REML,
	// ML, PM, EB) and of the Q-profile interval, relative to tau²;
	// 0 means 1e-10.
	Tol float64
	// MaxIter bounds the iterations of each search; 0 means 1000.
	MaxIter int
}

// StudyResult is one study as it enters a pooled analysis: what a forest
// or funnel plot needs.
type StudyResult struct {
	Label, Subgroup string
	Value, Variance float64
	// CI is the study's own interval from its Estimate (an exact
	// noncentral-t interval when the estimate carries one) if its level is
	// the analysis level; otherwise, and for studies imputed by
	// trim-and-fill, the Wald interval Value ± z·sqrt(Variance) at the
	// analysis level, as metafor's forest plot draws it. CIMethod says
	// which (an Estimate with a CI but no method counts as Wald).
	CI       effect.Interval
	CIMethod effect.CIMethod
	// Weight is the study's share of the total weight, in percent, as
	// metafor's weights(): 100·w_i/sum(w) with w_i = 1/(v_i + tau²).
	Weight float64
	// Filled marks a study imputed by trim-and-fill.
	Filled bool
}

// Result is a pooled analysis.
type Result struct {
	Method Method
	// K is the number of studies pooled.
	K int
	// Estimate is the pooled effect: Value, Variance (squared standard
	// error, Knapp-Hartung scaled when asked for), CI (CIMethod Wald, or
	// WaldT with DF = k-1 under Knapp-Hartung). Measure is the studies'
	// common measure, and Oriented is true when every study's Estimate is
	// oriented (positive favours the intervention); Pool refuses to mix
	// oriented with unoriented studies.
	Estimate effect.Estimate
	// Stat is the test statistic for H0: mu = 0 (z, or t under
	// Knapp-Hartung) and P its two-sided p-value.
	Stat, P float64
	// KHScale is the Knapp-Hartung scale factor s² (1 without it).
	KHScale float64

	// Tau2 is the between-study variance, Tau its square root and Tau2SE
	// metafor's standard error of Tau2 (NaN for FixedEffect).
	Tau2, Tau, Tau2SE float64
	// Tau2CI, TauCI, I2CI and H2CI are Q-profile intervals (Viechtbauer
	// 2007); for FixedEffect they are NaN.
	Tau2CI, TauCI, I2CI, H2CI effect.Interval

	// Q is Cochran's heterogeneity statistic with inverse-variance weights,
	// QDF = k-1 its degrees of freedom and QP its chi-square p-value.
	Q   float64
	QDF int
	QP  float64
	I2  float64 // percent; see the package documentation for the definition
	H2  float64
	S2  float64 // "typical" within-study variance (k-1)·sum(w)/((sum w)² - sum(w²))
	// Prediction is the prediction interval for the true effect in a new
	// study (see PredictionMethod).
	Prediction effect.Interval
	// PredDF is the t degrees of freedom of the prediction interval, 0 for z.
	PredDF float64

	// Studies lists the pooled studies in input order with their weights.
	Studies []StudyResult
	// Iterations is the number of iterations the tau² search took (0 for
	// closed-form estimators).
	Iterations int
}
