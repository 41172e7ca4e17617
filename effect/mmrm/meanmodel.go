package mmrm

import "fmt"

// MeanModel selects the fixed-effects (mean) model of Fit. There is no
// formula language: the trial model is the default, and two plain
// regression models cover growth curves and other repeated-measures
// analyses whose terms the caller builds as columns.
type MeanModel int

// Mean models. ArmByVisit is the zero value and the default.
const (
	// ArmByVisit is the trial model: a mean per arm and visit, a baseline
	// slope per visit (with Data.Baseline), and the covariates and factors
	// entered once. It has LS means, differences and joint tests.
	ArmByVisit MeanModel = iota
	// Covariates is an intercept, the arm main effect (each arm minus the
	// control, when Data.Arm has two or more levels), and Data.Covariates
	// and Data.Factors as given, row by row, with no visit terms. Visits
	// index the covariance only. Interactions, polynomial time and visit
	// dummies are columns the caller computes (e.g. age and sex × age
	// for a linear growth curve per sex). Data.Baseline must be nil (enter
	// a baseline as a covariate).
	Covariates
	// InterceptOnly is a single mean over all visits (y ~ 1); Data.Baseline,
	// Data.Covariates, Data.Factors and Options.Control must be empty, and
	// Data.Arm may be nil.
	InterceptOnly
)

// With the Covariates and InterceptOnly models, Options.DF = BetweenWithin
// is SAS PROC MIXED's DDFM=BETWITHIN rule for a model with only a
// repeated-measures covariance: a coefficient whose column is constant
// within every subject (the intercept, the arm, a covariate or factor
// level that never changes within a subject) gets n_subjects − p_between
// df, one that changes within a subject N − n_subjects − p_within df, and
// a contrast the smallest df among its coefficients; with an unstructured
// covariance every coefficient gets the between-subject df, SAS's stated
// exception "to provide for better small-sample approximations". A factor
// that changes within a subject (SAS would partition the within-subject
// df by subject × effect) is an error with the other structures.
var meanNames = [...]string{ArmByVisit: "arm × visit", Covariates: "covariates", InterceptOnly: "intercept only"}

// String returns the model's name.
func (m MeanModel) String() string {
	if m < 0 || int(m) >= len(meanNames) {
		return fmt.Sprintf("MeanModel(%d)", int(m))
	}
	return meanNames[m]
}

// checkMean rejects data and options that the mean model cannot use.
func checkMean(d *Data, o Options) error {
	if o.Mean == ArmByVisit {
		if d.Arm == nil {
			return fieldErr(0, "", "", "Arm", nil, "nil arm column: the arm × visit model needs every subject's arm (or choose Options.Mean = Covariates or InterceptOnly)")
		}
		return nil
	}
	if d.Baseline != nil {
		return fieldErr(0, d.heading("Baseline"), "", "Baseline", "given", fmt.Sprintf("the %s mean model has no baseline × visit terms: enter the baseline as one of Data.Covariates, or use Options.Mean = ArmByVisit", o.Mean))
	}
	if o.Mean == InterceptOnly {
		if len(d.Covariates) > 0 || len(d.Factors) > 0 {
			return optErr("Mean", o.Mean, "the intercept-only model takes no covariates or factors: use Options.Mean = Covariates")
		}
		if o.Control != "" {
			return optErr("Control", o.Control, "the intercept-only model has no arm term, so no control arm: leave Control empty or use Options.Mean = Covariates")
		}
	}
	if d.Arm == nil && o.ByArm {
		return optErr("ByArm", o.ByArm, "a separate covariance per arm needs Data.Arm")
	}
	if d.Arm == nil && o.Control != "" {
		return optErr("Control", o.Control, "no arm column (Data.Arm is nil)")
	}
	return nil
}
