package mmrm

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/tiesproject/ties/effect"
)

// Coefficient is one fixed-effect coefficient of the mean model, in the
// parameterization of Result.Coefficients (see Fit).
type Coefficient struct {
	Name                   string
	Estimate, SE, DF, T, P float64
}

// LSMean is the least-squares mean of one arm at one visit: the model's
// prediction at the mean baseline and mean covariates of the analysed
// rows, averaged with equal weights over the levels of each factor (as
// emmeans and SAS LSMEANS).
type LSMean struct {
	Arm, Visit       string
	Estimate, SE, DF float64
	CI               effect.Interval
}

// Difference is an arm minus the control arm at one visit, with its
// t test and interval, and two standardized versions.
type Difference struct {
	Arm, Visit             string
	Estimate, SE, DF, T, P float64
	CI                     effect.Interval
	// SMDResidual divides Estimate by the model's residual SD at the visit
	// (the square root of the fitted Σ's diagonal; averaged over arms with
	// ByArm); SMDBaseline divides it by the pooled within-arm SD of the
	// baseline over the analysed subjects (zero Estimate without a
	// baseline). Both have delta-method variances
	// SE²/S² + d²·Var(S²)/(4S⁴), with Var(S²) from the covariance of θ̂ or
	// 2S⁴/(n − arms), and Wald intervals; neither is bias corrected.
	SMDResidual, SMDBaseline effect.Estimate
}

// FTest is a joint Wald F test of several contrasts.
type FTest struct {
	Name               string
	NumDF, DenDF, F, P float64
}

// Attempt records one structure tried by a fallback sequence.
type Attempt struct {
	Structure Structure
	// Err is nil if the structure converged.
	Err                    error
	LogLik, AIC, AICc, BIC float64
	Iterations             int
}

// Result is a fitted mixed model for repeated measures.
type Result struct {
	// Structure is the covariance structure used (with Options.Fallback,
	// the first that converged); Method, DF, Cov, ByArm and Level echo the
	// options the results were computed with, as do Mean and
	// EstimatesOnly.
	Structure     Structure
	Mean          MeanModel
	Method        Method
	DF            DFMethod
	Cov           CovMethod
	ByArm         bool
	Level         float64
	EstimatesOnly bool

	// Visits are the post-baseline visits in order; Arms the arms, the
	// control first (nil when Data.Arm is nil).
	Visits, Arms []string

	// Coefficients are the fixed effects: "visit=V" (control-arm mean at V
	// with baseline and covariates at zero), "arm=A:visit=V" (arm A minus
	// control at V), "baseline:visit=V", the covariates and "factor=level"
	// dummies (first sorted level the reference). With Options.Mean =
	// Covariates they are "(Intercept)", "arm=A" (arm A minus control),
	// the covariates and the factor dummies; with InterceptOnly,
	// "(Intercept)" alone.
	Coefficients []Coefficient
	// Theta are the covariance parameters (see Structure), named in
	// ThetaNames ("group:" prefix with ByArm), and ThetaCov their
	// asymptotic covariance, the inverse observed information.
	Theta      []float64
	ThetaNames []string
	ThetaCov   *mat.SymDense
	// Covariance and Correlation hold the fitted t×t matrices over visits,
	// one per arm with ByArm, else one.
	Covariance, Correlation []*mat.SymDense

	// LogLik is the maximized (restricted) log-likelihood; AIC, AICc and
	// BIC follow SAS PROC MIXED: they count θ for REML and θ and β for ML,
	// AICc uses N − p observations for REML and N for ML, BIC the number of
	// subjects in the data (analysed or not, as SAS's Dimensions table).
	LogLik, AIC, AICc, BIC float64

	// LSMeans, Differences and Tests are nil unless Mean is ArmByVisit
	// (the other mean models define no arm-by-visit cells) and nil with
	// Options.EstimatesOnly.
	LSMeans     []LSMean     // arm-major: Arms[0] at each visit, then Arms[1], …
	Differences []Difference // each non-control arm, at each visit
	// Tests are the joint F tests "arm at all visits" (every difference
	// zero), "arm × visit" (differences equal over visits) and "arm"
	// (the average difference over visits zero).
	Tests []FTest

	// NSubjects and NObs count the analysed subjects and outcomes;
	// Excluded lists the subjects left out and why.
	NSubjects, NObs int
	Excluded        []Exclusion
	// Iterations and GradientNorm describe the convergence.
	Iterations   int
	GradientNorm float64
	// Attempts lists the structures tried with Options.Fallback.
	Attempts []Attempt

	fit *fitted
}

// fitted keeps what further contrasts need.
type fitted struct {
	m      *model
	fr     *fitResult
	beta   []float64
	phi    *mat.SymDense // model-based (X'V⁻¹X)⁻¹
	w      *mat.SymDense
	blocks []block
	o      Options
	inf    inference
}

// Fit fits the mixed model for repeated measures to long-format data: the
// outcome at each post-baseline visit regressed on arm × visit, baseline ×
// visit (when Data.Baseline is given) and the covariates and factors, with
// a covariance matrix over visits within each subject (Options.Structure)
// and no random effects. The restricted likelihood is maximized by
// Newton–Raphson with the analytic gradient and observed Hessian, started
// from the empirical covariance of least-squares residuals; subjects with
// no post-baseline outcome or a missing baseline leave the fit (Result.
// Excluded). Inference is by LS means and their differences, with the
// Options.DF degrees of freedom. Options.Mean replaces the arm × visit
// mean model by a plain regression on the covariates (see MeanModel).
func Fit(d *Data, o *Options) (*Result, error) {
	if d == nil {
		return nil, fieldErr(0, "", "", "Data", nil, "nil data")
	}
	opt, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	if err := checkMean(d, opt); err != nil {
		return nil, err
	}
	pr, err := prepare(d, opt.Visits, opt.Control, opt.Mean)
	if err != nil {
		return nil, err
	}
	if d.Arm == nil {
		// One unnamed group; Result.Arms stays nil.
		pr.arms = nil
	}
	des := newDesign(pr, opt.Mean)
	if err := des.checkRank(pr); err != nil {
		return nil, err
	}
	seq := []Structure{opt.Structure}
	if opt.Fallback != nil {
		seq = opt.Fallback
	}
	var attempts []Attempt
	for _, s := range seq {
		res, err := fitStructure(pr, des, s, opt)
		a := Attempt{Structure: s, Err: err}
		if err == nil {
			a.LogLik, a.AIC, a.AICc, a.BIC, a.Iterations = res.LogLik, res.AIC, res.AICc, res.BIC, res.Iterations
		}
		attempts = append(attempts, a)
		if err == nil {
			if opt.Fallback != nil {
				res.Attempts = attempts
			}
			return res, nil
		}
		if opt.Fallback == nil || errors.Is(err, ErrInvalidInput) && !errors.Is(err, errTooFew) {
			return nil, err
		}
	}
	msg := ""
	for _, a := range attempts {
		msg += fmt.Sprintf("; %s: %v", a.Structure, a.Err)
	}
	return nil, noConv("no structure of the fallback sequence converged%s", msg)
}

var errTooFew = errors.New("too few subjects")

// checkEstimable rejects an unstructured (or Toeplitz/ante-dependence by
// lag) covariance that the data cannot identify.
func checkEstimable(pr *prepared, s Structure, byArm bool, p int) error {
	t := len(pr.visits)
	groups := 1
	if byArm {
		groups = len(pr.arms)
	}
	for g := 0; g < groups; g++ {
		co := make([]int, t*t)
		n := 0
		for i := range pr.subjects {
			sd := &pr.subjects[i]
			if byArm && sd.arm != g {
				continue
			}
			n++
			for _, a := range sd.visits {
				for _, b := range sd.visits {
					co[a*t+b]++
				}
			}
		}
		where := ""
		if byArm {
			where = " in arm " + pr.arms[g]
		}
		if s == US {
			for a := 0; a < t; a++ {
				for b := 0; b <= a; b++ {
					if co[a*t+b] < 2 {
						return fmt.Errorf("%w: %w", fieldErr(0, "", "", "Visit", pr.visits[a]+","+pr.visits[b],
							fmt.Sprintf("too few subjects for an unstructured covariance%s: %d observed at both visits; use a simpler structure (Options.Structure = AD, AR1 or CS) or Options.Fallback", where, co[a*t+b])), errTooFew)
					}
				}
			}
		}
		if n < 2 {
			return fmt.Errorf("%w: %w", fieldErr(0, "", "", "Arm", where, "fewer than 2 subjects to estimate a covariance"), errTooFew)
		}
	}
	return nil
}

func fitStructure(pr *prepared, des *design, s Structure, opt Options) (*Result, error) {
	if err := checkEstimable(pr, s, opt.ByArm, des.p); err != nil {
		return nil, err
	}
	if err := checkSize(pr, des, opt.ByArm); err != nil {
		return nil, err
	}
	m := newModel(pr, des, s, opt.Method == REML, opt.ByArm)
	th := m.startTheta()
	if opt.Start != nil {
		if len(opt.Start) != m.k {
			return nil, optErr("Start", opt.Start, fmt.Sprintf("%d starting values; %v with %d covariance group(s) at %d visits has %d parameters", len(opt.Start), s, m.nGroup, m.cm.t, m.k))
		}
		for g := 0; g < m.nGroup; g++ {
			if !m.cm.feasible(m.groupTheta(opt.Start, g)) {
				return nil, optErr("Start", opt.Start, fmt.Sprintf("outside the parameter space of %v (a variance not positive or a correlation outside (−1, 1))", s))
			}
		}
		th = append([]float64(nil), opt.Start...)
	}
	fr, err := m.optimize(th, opt.Tolerance, opt.MaxIter)
	if err != nil {
		return nil, err
	}
	// W = (−H)⁻¹ must exist: the optimum must be a maximum.
	w, ok := scaledInverse(fr.e.hess, -1)
	if !ok {
		return nil, noConv("%s: the observed information is not positive definite at the solution (a variance or correlation on its boundary); use a simpler structure", s)
	}
	f := &fitted{m: m, fr: fr, beta: fr.e.beta, phi: fr.e.phi, w: w, o: opt}
	if opt.Cov != ModelBased || opt.DF == KenwardRoger || opt.DF == KenwardRogerLinear {
		f.blocks = m.blocks(fr)
	}
	res := &Result{
		Structure: s, Mean: opt.Mean, Method: opt.Method, DF: opt.DF, Cov: opt.Cov, ByArm: opt.ByArm, Level: opt.Level, EstimatesOnly: opt.EstimatesOnly,
		Visits: pr.visits, Arms: pr.arms, Theta: fr.theta, ThetaCov: w,
		LogLik: fr.e.ll, NSubjects: len(pr.subjects), NObs: pr.nobs, Excluded: pr.excluded,
		Iterations: fr.iter, GradientNorm: fr.gradNorm, fit: f,
	}
	names := m.cm.names(pr.visits)
	for g := 0; g < m.nGroup; g++ {
		for _, nm := range names {
			if m.nGroup > 1 {
				nm = pr.arms[g] + ":" + nm
			}
			res.ThetaNames = append(res.ThetaNames, nm)
		}
		sg := fr.e.sigma[g]
		res.Covariance = append(res.Covariance, sg)
		t := m.cm.t
		cr := mat.NewSymDense(t, nil)
		for i := 0; i < t; i++ {
			for j := i; j < t; j++ {
				cr.SetSym(i, j, sg.At(i, j)/math.Sqrt(sg.At(i, i)*sg.At(j, j)))
			}
		}
		res.Correlation = append(res.Correlation, cr)
	}
	// Information criteria (SAS conventions).
	dpar := float64(m.k)
	nstar := float64(pr.nobs - des.p)
	if opt.Method == ML {
		dpar += float64(des.p)
		nstar = float64(pr.nobs)
	}
	m2 := -2 * res.LogLik
	res.AIC = m2 + 2*dpar
	res.AICc = m2 + 2*dpar*nstar/(nstar-dpar-1)
	// SAS's BIC uses the number of subjects in the data, as its Dimensions
	// table counts them: also those that leave the fit (no outcome, a
	// missing baseline or covariate).
	res.BIC = m2 + dpar*math.Log(float64(len(pr.subjects)+len(pr.excluded)))
	if err := f.infer(res); err != nil {
		return nil, err
	}
	return res, nil
}

// blocks builds the per-subject blocks at the optimum.
func (m *model) blocks(fr *fitResult) []block {
	out := make([]block, len(m.pr.subjects))
	for _, pt := range m.patterns {
		n := pt.n
		g := pt.group
		v := mat.NewSymDense(n, nil)
		for a, i := range pt.idx {
			for b := a; b < n; b++ {
				v.SetSym(a, b, fr.e.sigma[g].At(i, pt.idx[b]))
			}
		}
		var ch mat.Cholesky
		ch.Factorize(v)
		vinv := mat.NewSymDense(n, nil)
		_ = ch.InverseTo(vinv)
		dv := make([]*mat.SymDense, m.k)
		for k := range dv {
			dv[k] = mat.NewSymDense(n, nil)
			if k/m.kg == g {
				src := fr.e.dsigma[g][k%m.kg]
				for a, i := range pt.idx {
					for b := a; b < n; b++ {
						dv[k].SetSym(a, b, src.At(i, pt.idx[b]))
					}
				}
			}
		}
		var d2v [][]*mat.SymDense
		if !m.cm.linear() {
			d2v = make([][]*mat.SymDense, m.k)
			for k := range d2v {
				d2v[k] = make([]*mat.SymDense, m.k)
				if k/m.kg != g {
					continue
				}
				for l := range d2v[k] {
					if l/m.kg != g {
						continue
					}
					src := fr.e.d2sigma[g][k%m.kg][l%m.kg]
					dm := mat.NewSymDense(n, nil)
					zero := true
					for a, i := range pt.idx {
						for b := a; b < n; b++ {
							x := src.At(i, pt.idx[b])
							dm.SetSym(a, b, x)
							if x != 0 {
								zero = false
							}
						}
					}
					if !zero {
						d2v[k][l] = dm
					}
				}
			}
		}
		for _, si := range pt.subj {
			s := &m.pr.subjects[si]
			x := m.d.subjectX(s)
			r := make([]float64, n)
			for k := range r {
				r[k] = s.y[k] - mat.Dot(x.RowView(k), mat.NewVecDense(len(fr.e.beta), fr.e.beta))
			}
			out[si] = block{subject: s.id, cluster: s.cluster, group: g, visits: s.visits, X: x, y: s.y, resid: r, V: v, Vinv: vinv, dV: dv, d2V: d2v}
		}
	}
	return out
}

// maxPatternFloats bounds the memory of the pattern sums of cross products
// (n²p² numbers per missingness pattern), 256 MB.
const maxPatternFloats = 32 << 20

// checkSize refuses data whose missingness patterns and coefficients would
// need more memory than maxPatternFloats.
func checkSize(pr *prepared, des *design, byArm bool) error {
	seen := map[string]bool{}
	total := 0
	for i := range pr.subjects {
		s := &pr.subjects[i]
		kb := make([]byte, 0, 2*len(s.visits)+2)
		if byArm {
			kb = append(kb, byte(s.arm), byte(s.arm>>8))
		}
		for _, v := range s.visits {
			kb = append(kb, byte(v), byte(v>>8))
		}
		if seen[string(kb)] {
			continue
		}
		seen[string(kb)] = true
		n := len(s.visits)
		total += n * n * des.p * des.p
	}
	if total > maxPatternFloats {
		return fieldErr(0, "", "", "Data", fmt.Sprintf("%d missingness patterns, %d coefficients", len(seen), des.p),
			"too many distinct missingness patterns for this many coefficients; merge factor levels or visits")
	}
	return nil
}
