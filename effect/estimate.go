package effect

import (
	"fmt"
	"math"
)

// Group holds one arm's summary statistics: the sample mean, the sample
// standard deviation (denominator n-1) and the number of participants.
type Group struct {
	Mean float64
	SD   float64
	N    int
}

// Interval is a two-sided confidence (or prediction) interval with its
// nominal coverage Level, such as 0.95.
type Interval struct {
	Lower, Upper, Level float64
}

// Contains reports whether x lies in the closed interval [Lower, Upper].
func (iv Interval) Contains(x float64) bool { return iv.Lower <= x && x <= iv.Upper }

// Estimate is an effect size with everything needed to report or pool it.
//
// Sign convention: Value is intervention (first argument) minus usual care
// (second argument), as in metafor, effectsize and the trial literature.
// For an outcome where lower scores are better (loneliness), a beneficial
// intervention therefore has a negative Value. Use Estimate.Favoring to
// turn an estimate so that positive means "favours the intervention".
type Estimate struct {
	Measure Measure
	// Value is the point estimate on the measure's own scale (log scale for
	// ratio measures).
	Value float64
	// Variance is the large-sample sampling variance of Value, as metafor's
	// vi; it is what inverse-variance pooling uses.
	Variance float64
	// CI is the confidence interval for the population value and CIMethod
	// says how it was computed.
	CI       Interval
	CIMethod CIMethod
	// DF is the degrees of freedom of the reference t distribution where one
	// applies (exact noncentral t intervals, t-based Wald intervals), else 0.
	DF float64
	// Oriented is true when Favoring has flipped the sign so that positive
	// values favour the intervention.
	Oriented bool
}

// SE returns the standard error, the square root of Variance.
func (e Estimate) SE() float64 { return math.Sqrt(e.Variance) }

// Measure identifies the estimand of an Estimate.
type Measure int

// Measures. The Measure prefix keeps them apart from the constructors
// (CohenD builds an Estimate whose Measure is MeasureD).
const (
	MeasureUnknown   Measure = iota
	MeasureD                 // Cohen's d, pooled SD (Hedges 1981; Cohen 1988)
	MeasureG                 // Hedges' g, exact small-sample correction J
	MeasureGlass             // Glass's delta, control-arm SD
	MeasureSMDH              // heteroscedastic SMD, average of the variances (Bonett 2008)
	MeasureDz                // paired/within-arm d_z, mean change over SD of change
	MeasureDrm               // repeated-measures d_rm (Morris & DeShon 2002)
	MeasureDav               // d_av, mean change over the average of the pre and post SDs
	MeasureDBecker           // Becker's d, mean change over the pre-test SD (Becker 1988)
	MeasureDppc              // pre-post-control d_ppc2 (Morris 2008)
	MeasureDAdjusted         // baseline-adjusted (ANCOVA) standardized difference
	MeasureDCluster          // cluster trial d_T, total SD (Hedges 2007)
	MeasureMD                // raw mean difference
	MeasureR                 // correlation (point-biserial)
	MeasureLogOR             // log odds ratio
	MeasureLogRR             // log risk ratio
	MeasureRD                // risk difference
	MeasureDW                // cluster trial d_W, within-cluster SD (Hedges 2007)
	MeasureZ                 // Fisher's z-transformed correlation
)

var measureNames = [...]string{
	MeasureUnknown:   "unknown",
	MeasureD:         "Cohen's d",
	MeasureG:         "Hedges' g",
	MeasureGlass:     "Glass's delta",
	MeasureSMDH:      "SMD (heteroscedastic)",
	MeasureDz:        "d_z",
	MeasureDrm:       "d_rm",
	MeasureDav:       "d_av",
	MeasureDBecker:   "Becker's d",
	MeasureDppc:      "d_ppc2",
	MeasureDAdjusted: "adjusted d",
	MeasureDCluster:  "cluster-adjusted d",
	MeasureMD:        "mean difference",
	MeasureR:         "r",
	MeasureLogOR:     "log odds ratio",
	MeasureLogRR:     "log risk ratio",
	MeasureRD:        "risk difference",
	MeasureDW:        "d_W (within-cluster)",
	MeasureZ:         "Fisher's z",
}

// String returns the measure's conventional name.
func (m Measure) String() string {
	if m < 0 || int(m) >= len(measureNames) || measureNames[m] == "" {
		return fmt.Sprintf("Measure(%d)", int(m))
	}
	return measureNames[m]
}

// CIMethod names how a confidence interval was computed.
type CIMethod int

// CI methods. DefaultCI asks for the measure's documented default.
const (
	DefaultCI   CIMethod = iota
	Wald                 // estimate ± z·SE from the sampling variance
	NoncentralT          // exact interval by inverting the noncentral t distribution
	Bootstrap            // bootstrap interval (see the bootstrap functions for the variant)
	WaldT                // estimate ± t(DF)·SE, as for regression coefficients
	Newcombe             // Newcombe's hybrid Wilson score interval for a risk difference
)

var ciNames = [...]string{
	DefaultCI:   "default",
	Wald:        "Wald",
	NoncentralT: "noncentral t",
	Bootstrap:   "bootstrap",
	WaldT:       "Wald (t)",
	Newcombe:    "Newcombe (Wilson score)",
}

// String returns the method's name.
func (c CIMethod) String() string {
	if c < 0 || int(c) >= len(ciNames) || ciNames[c] == "" {
		return fmt.Sprintf("CIMethod(%d)", int(c))
	}
	return ciNames[c]
}

// VarianceMethod selects the sampling-variance formula for standardized mean
// differences, as metafor's escalc vtype argument does.
type VarianceMethod int

// Variance methods. LS is the zero value and the default.
const (
	LS  VarianceMethod = iota // large-sample: 1/n1 + 1/n2 + g²/(2N) (Hedges 1982; Hedges & Olkin 1985 eq. 15)
	LS2                       // J²·(1/n1 + 1/n2 + d²/(2N)) (Borenstein 2009, eq. 12.17)
	UB                        // unbiased: 1/n1 + 1/n2 + (1 − (m−2)/(m·J²))·g² (Hedges 1983)
)

var varNames = [...]string{LS: "LS", LS2: "LS2", UB: "UB"}

// String returns metafor's name for the variance method.
func (v VarianceMethod) String() string {
	if v < 0 || int(v) >= len(varNames) {
		return fmt.Sprintf("VarianceMethod(%d)", int(v))
	}
	return varNames[v]
}

// Options holds optional settings. A nil *Options means the defaults:
// Level 0.95, the measure's default CI method and the LS variance.
type Options struct {
	// Level is the confidence level in (0, 1); 0 means 0.95.
	Level float64
	// CI selects the interval method; DefaultCI means the measure's default.
	CI CIMethod
	// Variance selects the sampling-variance formula for SMDs.
	Variance VarianceMethod
	// Correct applies Hedges' exact small-sample factor J (see J) to the
	// measures that have no separately named corrected constructor:
	// GlassDelta (J(n2−1), as metafor's SMD1), SMDH (J(N−2), as metafor's
	// SMDH), the within-arm measures Dz, Drm, Dav and DBecker (J(n−1), as
	// metafor's SMCC/SMCR and effectsize's adjust = TRUE), and FromT, FromF
	// and FromP, which then return Hedges' g as metafor's
	// escalc("SMD", ti = ...) does.
	Correct bool
}

// No function ignores an Options field silently: each documents the
// fields it reads, and a field it cannot use that is set (CI other than
// DefaultCI, Variance other than LS, Correct true) is an error wrapping
// ErrInvalidInput that names the field. CohenD and HedgesG refuse Correct
// (their names say whether they are corrected), as do MorrisPPC2 (always
// corrected) and the binary, cluster and ANCOVA functions (no J applies).

// optionUse lists the Options fields a function reads besides Level.
type optionUse uint8

const (
	useCI optionUse = 1 << iota
	useVariance
	useCorrect
)

// unused returns an error naming the first Options field that is set but
// that fn cannot use; uses lists the fields fn reads.
func (o *Options) unused(fn string, uses optionUse) error {
	if o == nil {
		return nil
	}
	if o.CI != DefaultCI && uses&useCI == 0 {
		return fieldErr("Options.CI", o.CI, fn+" has a single interval method; leave CI as DefaultCI")
	}
	if o.Variance != LS && uses&useVariance == 0 {
		return fieldErr("Options.Variance", o.Variance, fn+" does not use the SMD variance formulas; leave Variance as LS (the zero value)")
	}
	if o.Correct && uses&useCorrect == 0 {
		reason := fn + " has no optional small-sample correction; leave Correct false"
		switch fn {
		case "CohenD":
			reason = "CohenD is the uncorrected d by definition; call HedgesG for the corrected estimate"
		case "HedgesG":
			reason = "HedgesG is always corrected by J; leave Correct false"
		case "MorrisPPC2":
			reason = "d_ppc2 is always corrected by J(N − 2); leave Correct false"
		}
		return fieldErr("Options.Correct", o.Correct, reason)
	}
	return nil
}

// level returns the confidence level the options ask for, validated.
func (o *Options) level() (float64, error) {
	if o == nil || o.Level == 0 {
		return 0.95, nil
	}
	if !(o.Level > 0 && o.Level < 1) {
		return 0, fieldErr("Options.Level", o.Level, "must lie in (0, 1)")
	}
	return o.Level, nil
}

// ciMethod returns the interval method the options ask for.
func (o *Options) ciMethod() CIMethod {
	if o == nil {
		return DefaultCI
	}
	return o.CI
}

// varMethod returns the variance method the options ask for, validated.
func (o *Options) varMethod() (VarianceMethod, error) {
	if o == nil {
		return LS, nil
	}
	switch o.Variance {
	case LS, LS2, UB:
		return o.Variance, nil
	}
	return 0, fieldErr("Options.Variance", o.Variance, "unknown variance method")
}

func (o *Options) correct() bool { return o != nil && o.Correct }
