package mmrm

import "fmt"

// Method is the estimation criterion.
type Method int

// Estimation methods. REML is the zero value and the default, as in SAS
// PROC MIXED, mmrm and nlme.
const (
	REML Method = iota // restricted maximum likelihood (Patterson & Thompson 1971)
	ML                 // maximum likelihood
)

// String returns "REML" or "ML".
func (m Method) String() string {
	switch m {
	case REML:
		return "REML"
	case ML:
		return "ML"
	}
	return fmt.Sprintf("Method(%d)", int(m))
}

// DFMethod is the denominator degrees-of-freedom method for t and F tests
// of the fixed effects. It is not a CI method: the interval is always
// estimate ± t(df)·SE.
type DFMethod int

// Degrees-of-freedom methods. Satterthwaite is the zero value and the
// default, as in mmrm.
const (
	Satterthwaite      DFMethod = iota // Satterthwaite (1946) with the observed-information covariance of θ̂; Fai & Cornelius (1996) for F tests
	KenwardRoger                       // Kenward & Roger (1997) with the structure's own parameters (SAS DDFM=KR2-style full adjustment)
	KenwardRogerLinear                 // Kenward–Roger without second derivatives of Σ (SAS DDFM=KR(LINEAR); = DDFM=KR for US, CS, TOEP)
	Residual                           // N − p, as SAS DDFM=RESIDUAL and nlme::gls
	BetweenWithin                      // between-within df as the R package mmrm (SAS DDFM=BETWITHIN, except that SAS gives every effect the between-subject df when the only covariance is an unstructured R-side one)
)

var dfNames = [...]string{Satterthwaite: "Satterthwaite", KenwardRoger: "Kenward-Roger", KenwardRogerLinear: "Kenward-Roger (linear)", Residual: "residual", BetweenWithin: "between-within"}

// String returns the method's name.
func (m DFMethod) String() string {
	if m < 0 || int(m) >= len(dfNames) {
		return fmt.Sprintf("DFMethod(%d)", int(m))
	}
	return dfNames[m]
}

// CovMethod selects the covariance matrix of the coefficient estimates.
type CovMethod int

// Coefficient covariance methods. ModelBased, (X'V̂⁻¹X)⁻¹, is the zero
// value and the default; the empirical (sandwich) estimators are robust to
// a misspecified covariance structure and, by Options.Cluster-level
// blocks, to clustering.
const (
	ModelBased CovMethod = iota // (X'V̂⁻¹X)⁻¹ (or its Kenward–Roger adjustment)
	CR0                         // empirical sandwich (Liang & Zeger 1986), SAS EMPIRICAL
	CR2                         // bias-reduced sandwich (Bell & McCaffrey 2002) in the form of Pustejovsky & Tipton (2018), as clubSandwich
	Jackknife                   // leave-one-cluster-out jackknife (CR3), as mmrm: without the (G−1)/G factor
)

var covNames = [...]string{ModelBased: "model-based", CR0: "CR0", CR2: "CR2", Jackknife: "jackknife"}

// String returns the method's name.
func (m CovMethod) String() string {
	if m < 0 || int(m) >= len(covNames) {
		return fmt.Sprintf("CovMethod(%d)", int(m))
	}
	return covNames[m]
}

// DefaultFallback is the pre-specified sequence of structures to try when
// the unstructured covariance does not converge, from the most to the
// least general.
var DefaultFallback = []Structure{US, ADH, AD, ARH, TOEPH, CSH, CS}

// Options holds the settings of Fit. A nil *Options means the defaults:
// REML, US, Satterthwaite, model-based covariance, Level 0.95, visit order
// of first appearance, the control arm first in sorted order.
type Options struct {
	// Level is the confidence level in (0, 1); 0 means 0.95.
	Level float64
	// Method is REML (default) or ML.
	Method Method
	// Structure is the covariance structure (default US).
	Structure Structure
	// Fallback, if not nil, is a sequence of structures tried in order
	// until one converges to a positive definite covariance (Structure must
	// then be US or Fallback[0]); Result.Attempts records each try.
	Fallback []Structure
	// ByArm fits a separate covariance matrix in each arm.
	ByArm bool
	// Visits is the order of the post-baseline visits; nil takes the order
	// of first appearance in the data. A row whose visit is not listed is an
	// error.
	Visits []string
	// Mean is the mean model (default ArmByVisit, the trial model). With
	// Covariates or InterceptOnly, Result has coefficients, covariance,
	// likelihood and fit statistics but no LS means, differences or joint
	// tests; DF = BetweenWithin then follows SAS exactly (see
	// MeanModel).
	Mean MeanModel
	// Control is the control (usual care) arm; "" means the first arm in
	// sorted order, as R's factor reference level. Differences are each
	// other arm minus the control.
	Control string
	// DF is the degrees-of-freedom method (default Satterthwaite).
	DF DFMethod
	// Cov is the coefficient covariance (default model-based).
	Cov CovMethod
	// Tolerance is the convergence criterion: the fit has converged when
	// the Euclidean norm of the gradient of the log-likelihood and the
	// Newton decrement g'(−H)⁻¹g are both below it, or the decrement alone
	// is below its square (a criterion free of the outcome's scale); 0
	// means 1e-8.
	Tolerance float64
	// MaxIter bounds the Newton–Raphson iterations; 0 means 100.
	MaxIter int
	// EstimatesOnly skips the inference, for callers that want only the
	// estimates, such as the refits of a jackknife or bootstrap: Result
	// then holds the coefficients (Estimate, model-based SE and T, with DF
	// and P NaN), Theta, ThetaCov, the covariance and correlation
	// matrices, the log-likelihood and the fit criteria, and LSMeans,
	// Differences and Tests are nil. This saves the degrees of freedom and
	// t quantiles of every contrast. Level, DF and Cov must then be left
	// at their defaults, as they would go unused.
	EstimatesOnly bool
	// Start, if not nil, replaces the starting values of θ (see Structure;
	// with ByArm one set per arm, as Result.Theta) that Fit otherwise
	// takes from the empirical covariance of least-squares residuals. A
	// warm start from a related fit, such as the full-data fit for the
	// refits of a jackknife, saves iterations; the optimum is the same to
	// within Tolerance. It must have Structure.NumParams values per
	// covariance group, lie in the parameter space and give a positive
	// definite Σ, and cannot be combined with Fallback.
	Start []float64
}

func (o *Options) withDefaults() (Options, error) {
	var r Options
	if o != nil {
		r = *o
	}
	if r.EstimatesOnly {
		// Inference settings would go unused: refuse rather than ignore.
		switch {
		case r.Level != 0:
			return r, optErr("Level", r.Level, "EstimatesOnly computes no intervals: leave Level at 0")
		case r.DF != Satterthwaite:
			return r, optErr("DF", r.DF, "EstimatesOnly computes no degrees of freedom: leave DF at its default")
		case r.Cov != ModelBased:
			return r, optErr("Cov", r.Cov, "EstimatesOnly reports the model-based SE only: leave Cov at its default")
		}
	}
	if r.Level == 0 {
		r.Level = 0.95
	}
	if !(r.Level > 0 && r.Level < 1) {
		return r, optErr("Level", r.Level, "must lie in (0, 1)")
	}
	if r.Method != REML && r.Method != ML {
		return r, optErr("Method", r.Method, "must be REML or ML")
	}
	if !r.Structure.valid() {
		return r, optErr("Structure", r.Structure, "unknown covariance structure")
	}
	for _, s := range r.Fallback {
		if !s.valid() {
			return r, optErr("Fallback", s, "unknown covariance structure")
		}
	}
	if r.Start != nil && r.Fallback != nil {
		return r, optErr("Start", r.Start, "starting values fit one structure: use Start without Fallback")
	}
	if r.Fallback != nil {
		if len(r.Fallback) == 0 {
			return r, optErr("Fallback", r.Fallback, "empty sequence: use nil for no fallback")
		}
		if r.Structure != US && r.Structure != r.Fallback[0] {
			return r, optErr("Structure", r.Structure, "with a Fallback sequence, leave Structure at US or set it to Fallback[0]")
		}
	}
	if r.DF < Satterthwaite || r.DF > BetweenWithin {
		return r, optErr("DF", r.DF, "unknown degrees-of-freedom method")
	}
	if r.Cov < ModelBased || r.Cov > Jackknife {
		return r, optErr("Cov", r.Cov, "unknown coefficient covariance method")
	}
	if r.Cov != ModelBased && (r.DF == KenwardRoger || r.DF == KenwardRogerLinear) {
		return r, optErr("DF", r.DF, "Kenward–Roger adjusts the model-based covariance; with an empirical covariance use Satterthwaite, Residual or BetweenWithin")
	}
	if r.Mean < ArmByVisit || r.Mean > InterceptOnly {
		return r, optErr("Mean", r.Mean, "unknown mean model")
	}
	if r.Tolerance == 0 {
		r.Tolerance = 1e-8
	}
	if !(r.Tolerance > 0) {
		return r, optErr("Tolerance", r.Tolerance, "must be positive")
	}
	if r.MaxIter == 0 {
		r.MaxIter = 100
	}
	if r.MaxIter < 0 {
		return r, optErr("MaxIter", r.MaxIter, "must be positive")
	}
	return r, nil
}
