package mmrm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"

	"gonum.org/v1/gonum/mat"
)

// Scenario describes a simulated two-arm trial for power and coverage
// studies: outcomes at each visit multivariate normal given the baseline,
// with monotone dropout that may depend on the last observed outcome
// (missing at random).
type Scenario struct {
	// Subjects is the number randomized, alternately to "control" and
	// "intervention".
	Subjects int
	// Visits names the post-baseline visits.
	Visits []string
	// ControlMean is the control arm's mean at each visit for a subject at
	// the mean baseline; Effect the true intervention − control difference.
	ControlMean, Effect []float64
	// Sigma is the covariance of the outcomes over visits given baseline.
	Sigma *mat.SymDense
	// BaselineMean and BaselineSD describe the baseline; BaselineSlope is
	// the regression of every visit's outcome on it.
	BaselineMean, BaselineSD, BaselineSlope float64
	// Dropout is the probability of leaving after each visit (before the
	// last) for a control subject at the visit mean; DropoutSlope is the
	// change in the log odds per SD of the just-observed outcome above the
	// control mean for the subject's baseline (0:
	// missing completely at random; positive: those doing worse on a
	// higher-is-worse scale leave more often, missing at random).
	Dropout, DropoutSlope float64
}

func (s *Scenario) check() error {
	t := len(s.Visits)
	switch {
	case s.Subjects < 4:
		return fieldErr(0, "", "", "Scenario.Subjects", s.Subjects, "need at least 4 subjects")
	case t == 0:
		return fieldErr(0, "", "", "Scenario.Visits", t, "need at least one visit")
	case len(s.ControlMean) != t || len(s.Effect) != t:
		return fieldErr(0, "", "", "Scenario.ControlMean", len(s.ControlMean), fmt.Sprintf("ControlMean and Effect need one value per visit (%d)", t))
	case s.Sigma == nil || s.Sigma.SymmetricDim() != t:
		return fieldErr(0, "", "", "Scenario.Sigma", nil, fmt.Sprintf("need a %d×%d covariance matrix", t, t))
	case !(s.Dropout >= 0 && s.Dropout < 1):
		return fieldErr(0, "", "", "Scenario.Dropout", s.Dropout, "must lie in [0, 1)")
	case !(s.BaselineSD >= 0):
		return fieldErr(0, "", "", "Scenario.BaselineSD", s.BaselineSD, "must not be negative")
	}
	return nil
}

// Simulate draws one trial from the scenario with the PCG stream (seed,
// stream), so that replicate i of a study can be reproduced alone.
func Simulate(s Scenario, seed, stream uint64) (*Data, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	var ch mat.Cholesky
	if !ch.Factorize(s.Sigma) {
		return nil, fieldErr(0, "", "", "Scenario.Sigma", nil, "not positive definite")
	}
	var l mat.TriDense
	ch.LTo(&l)
	return simulate(&s, &l, rand.New(rand.NewPCG(seed, stream))), nil
}

func simulate(s *Scenario, l *mat.TriDense, rng *rand.Rand) *Data {
	t := len(s.Visits)
	d := &Data{}
	z := make([]float64, t)
	y := make([]float64, t)
	logit0 := math.Log(s.Dropout / (1 - s.Dropout))
	for i := 0; i < s.Subjects; i++ {
		arm := i % 2
		id := fmt.Sprintf("S%05d", i+1)
		b := s.BaselineMean + s.BaselineSD*rng.NormFloat64()
		for k := range z {
			z[k] = rng.NormFloat64()
		}
		gone := false
		for k := 0; k < t; k++ {
			e := 0.0
			for j := 0; j <= k; j++ {
				e += l.At(k, j) * z[j]
			}
			y[k] = s.ControlMean[k] + float64(arm)*s.Effect[k] + s.BaselineSlope*(b-s.BaselineMean) + e
			out := y[k]
			if gone {
				out = math.NaN()
			}
			d.Subject = append(d.Subject, id)
			d.Visit = append(d.Visit, s.Visits[k])
			d.Arm = append(d.Arm, [2]string{"control", "intervention"}[arm])
			d.Outcome = append(d.Outcome, out)
			d.Baseline = append(d.Baseline, b)
			if !gone && k+1 < t && s.Dropout > 0 {
				sd := math.Sqrt(s.Sigma.At(k, k))
				// The arm effect counts: dropout depends on the observed
				// outcome, not on the arm (missing at random).
				lp := logit0 + s.DropoutSlope*(e+float64(arm)*s.Effect[k])/sd
				if rng.Float64() < 1/(1+math.Exp(-lp)) {
					gone = true
				}
			}
		}
	}
	return d
}

// StudyResult summarizes repeated simulated trials per visit.
type StudyResult struct {
	// Trials is the number simulated; Failed the number whose fit failed
	// (excluded from the proportions).
	Trials, Failed int
	// Reject is the proportion of fits whose difference at each visit had
	// p < 1 − Level (the power, or the type I error when Effect is 0);
	// Coverage the proportion of CIs containing the true Effect; Mean the
	// average estimate (its bias is Mean − Effect).
	Reject, Coverage, Mean []float64
}

// Study fits the MMRM to trials simulated from the scenario, replicate i
// drawing from the PCG stream (seed, i), on up to workers goroutines (0
// means GOMAXPROCS). The result is identical for any number of workers.
func Study(s Scenario, trials int, seed uint64, o *Options, workers int) (StudyResult, error) {
	if err := s.check(); err != nil {
		return StudyResult{}, err
	}
	if trials < 1 {
		return StudyResult{}, fieldErr(0, "", "", "trials", trials, "must be positive")
	}
	opt, err := o.withDefaults()
	if err != nil {
		return StudyResult{}, err
	}
	if opt.Mean != ArmByVisit {
		return StudyResult{}, optErr("Mean", opt.Mean, "Study summarizes the per-visit differences of the arm × visit model; leave Mean at ArmByVisit")
	}
	if opt.Visits != nil || opt.Control != "" {
		return StudyResult{}, optErr("Visits", opt.Visits, "Study sets Visits and Control from the scenario; leave them empty")
	}
	var ch mat.Cholesky
	if !ch.Factorize(s.Sigma) {
		return StudyResult{}, fieldErr(0, "", "", "Scenario.Sigma", nil, "not positive definite")
	}
	var l mat.TriDense
	ch.LTo(&l)
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	t := len(s.Visits)
	type rep struct {
		ok       bool
		est      []float64
		rej, cov []bool
	}
	reps := make([]rep, trials)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				d := simulate(&s, &l, rand.New(rand.NewPCG(seed, uint64(i))))
				oo := opt
				oo.Visits = s.Visits
				oo.Control = "control"
				r, err := Fit(d, &oo)
				if err != nil || len(r.Differences) != t {
					continue
				}
				rp := rep{ok: true, est: make([]float64, t), rej: make([]bool, t), cov: make([]bool, t)}
				for v, df := range r.Differences {
					rp.est[v] = df.Estimate
					rp.rej[v] = df.P < 1-opt.Level
					rp.cov[v] = df.CI.Contains(s.Effect[v])
				}
				reps[i] = rp
			}
		}()
	}
	for i := 0; i < trials; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	res := StudyResult{Trials: trials, Reject: make([]float64, t), Coverage: make([]float64, t), Mean: make([]float64, t)}
	n := 0
	for _, rp := range reps {
		if !rp.ok {
			res.Failed++
			continue
		}
		n++
		for v := 0; v < t; v++ {
			res.Mean[v] += rp.est[v]
			if rp.rej[v] {
				res.Reject[v]++
			}
			if rp.cov[v] {
				res.Coverage[v]++
			}
		}
	}
	if n > 0 {
		for v := 0; v < t; v++ {
			res.Mean[v] /= float64(n)
			res.Reject[v] /= float64(n)
			res.Coverage[v] /= float64(n)
		}
	}
	return res, nil
}
