package mi

import (
	"fmt"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/tiesproject/ties/effect/mmrm"
	"gonum.org/v1/gonum/mat"
)

// CondMeanOptions holds the settings of ConditionalMean; nil means the
// defaults: 95% intervals, an unstructured covariance shared by the arms,
// the jackknife, the reference arm first in sorted order, no δ.
type CondMeanOptions struct {
	// Level is the confidence level in (0, 1); 0 means 0.95.
	Level float64
	// Reference is the reference (usual care) arm, which JR, CR and CIR
	// borrow from; "" means the first arm in sorted order. Differences are
	// the other arm minus the reference.
	Reference string
	// Visits is the order of the post-baseline visits; nil takes the order
	// of first appearance.
	Visits []string
	// Structure is the covariance structure of the imputation model
	// (default US); ByArm fits one covariance per arm.
	Structure mmrm.Structure
	ByArm     bool
	// Inference is JackknifeInference (the default) or
	// BootstrapInference.
	Inference Inference
	// Replicates is the number of bootstrap samples (0 means 1000); Seed
	// seeds them. Bootstrap samples are drawn within arm from a stream per
	// replicate, so results are identical on any number of cores.
	Replicates int
	Seed       uint64
	// Percentile selects the percentile bootstrap interval instead of the
	// normal one.
	Percentile bool
	// Workers bounds the refits run at once; 0 means GOMAXPROCS.
	Workers int
	// Delta lists fixed shifts added to imputed values before the analysis
	// (a δ-adjusted sensitivity analysis); observed values are never
	// shifted.
	Delta []Delta
}

// Inference selects how ConditionalMean computes standard errors.
type Inference int

const (
	JackknifeInference Inference = iota // leave one subject out, refit (deterministic)
	BootstrapInference                  // resample subjects within arm, refit
)

// String returns "jackknife" or "bootstrap".
func (i Inference) String() string {
	switch i {
	case JackknifeInference:
		return "jackknife"
	case BootstrapInference:
		return "bootstrap"
	}
	return fmt.Sprintf("Inference(%d)", int(i))
}

// Delta is a fixed shift added to the imputed outcome of every subject of
// Arm ("" = both arms) at Visit ("" = every visit) whose outcome there was
// imputed.
type Delta struct {
	Arm, Visit string
	Value      float64
}

// VisitResult is the analysis of the completed data at one visit.
type VisitResult struct {
	Visit string
	// Difference is the other arm minus the reference, the arm coefficient
	// of the per-visit ANCOVA on baseline (and the covariates and factors
	// of the imputation model).
	Difference Pooled
	// LSMeanReference and LSMeanOther are each arm's mean prediction over
	// all analysed subjects (rbmi's "counterfactual" weights).
	LSMeanReference, LSMeanOther Pooled
}

// CondMeanResult is a reference-based conditional mean imputation analysis.
type CondMeanResult struct {
	// Visits holds one result per post-baseline visit, in visit order.
	Visits []VisitResult
	// Reference and Other name the arms.
	Reference, Other string
	// Fit is the imputation model fitted to all analysed subjects.
	Fit *mmrm.Result
	// Subjects lists the analysed subjects in order of first appearance;
	// Completed[i][v] is subject i's outcome at visit v after imputation
	// (and δ), Imputed[i][v] whether it was imputed.
	Subjects  []string
	Completed [][]float64
	Imputed   [][]bool
	// Excluded lists the subjects left out and why (missing baseline or
	// covariate).
	Excluded []mmrm.Exclusion
	// Inference and N say how the standard errors were computed and from
	// how many refits.
	Inference Inference
	N         int
}

// ConditionalMean imputes each subject's missing outcomes by their
// conditional mean under the subject's strategy, given its observed
// outcomes, from the REML fit of the MMRM (arm × visit + baseline × visit
// + the covariates and factors of d) to the outcomes not affected by a
// non-MAR event; then analyses each visit by ANCOVA of the completed
// outcome on arm, baseline, covariates and factors, and derives standard
// errors by the jackknife (leave each subject out, refit, impute, analyse)
// or the bootstrap (Wolbers et al. 2022). Subjects without an event are
// MAR. Give every randomized subject at least one row (an outcome of NaN
// is a missing visit), so that subjects without any follow-up are imputed
// and analysed too.
//
// Under MAR, with the analysis adjusting for the imputation model's
// covariates, the estimated difference at each visit equals the MMRM's.
func ConditionalMean(d *mmrm.Data, events []Event, o *CondMeanOptions) (*CondMeanResult, error) {
	var opt CondMeanOptions
	if o != nil {
		opt = *o
	}
	if err := opt.resolve(); err != nil {
		return nil, err
	}
	tr, err := prepare(d, events, opt.Visits, opt.Reference)
	if err != nil {
		return nil, err
	}
	if err := tr.checkDelta(opt.Delta); err != nil {
		return nil, err
	}
	delta := tr.deltaTable(opt.Delta)
	run, err := tr.run(&opt, delta, nil)
	if err != nil {
		return nil, err
	}
	return tr.result(&opt, run, run.full, run.reps)
}

// resolve fills in the defaults and refuses settings that do not apply.
func (opt *CondMeanOptions) resolve() error {
	if opt.Level == 0 {
		opt.Level = 0.95
	}
	if !(opt.Level > 0 && opt.Level < 1) {
		return fieldErr("Options.Level", opt.Level, "must lie in (0, 1)")
	}
	if opt.Inference != JackknifeInference && opt.Inference != BootstrapInference {
		return fieldErr("Options.Inference", int(opt.Inference), "must be JackknifeInference or BootstrapInference")
	}
	if opt.Inference == JackknifeInference && (opt.Replicates != 0 || opt.Seed != 0 || opt.Percentile) {
		return fieldErr("Options", "Replicates/Seed/Percentile", "apply to the bootstrap only; set Inference = BootstrapInference or leave them unset")
	}
	if opt.Replicates == 0 {
		opt.Replicates = 1000
	}
	if opt.Replicates < 2 {
		return fieldErr("Options.Replicates", opt.Replicates, "need at least 2 bootstrap samples")
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	return nil
}

// checkDelta validates the δ-adjustments against the data.
func (tr *trial) checkDelta(ds []Delta) error {
	for i, dl := range ds {
		if math.IsNaN(dl.Value) || math.IsInf(dl.Value, 0) {
			return fieldErr(fmt.Sprintf("Options.Delta[%d].Value", i), dl.Value, "must be finite")
		}
		if dl.Arm != "" && dl.Arm != tr.arms[0] && dl.Arm != tr.arms[1] {
			return fieldErr(fmt.Sprintf("Options.Delta[%d].Arm", i), dl.Arm, "not an arm of the data")
		}
		if dl.Visit != "" && indexOf(tr.visits, dl.Visit) < 0 {
			return fieldErr(fmt.Sprintf("Options.Delta[%d].Visit", i), dl.Visit, "not a visit of the data")
		}
	}
	return nil
}

// runs holds the analyses of the original data and of every refit, at the
// requested δ and, for the tipping point, at δ plus a unit shift.
type runs struct {
	im              imputation
	completed       [][]float64
	full, fullShift estimates
	reps, repsShift []estimates
}

// run fits and imputes the original data and every jackknife or bootstrap
// sample, in parallel; refit r lands in slot r, so the results do not
// depend on the number of workers.
func (tr *trial) run(opt *CondMeanOptions, delta [2][]float64, shift *[2][]float64) (*runs, error) {
	mopt := &mmrm.Options{Structure: opt.Structure, ByArm: opt.ByArm, Visits: tr.visits, Control: tr.arms[tr.ref]}
	shifted := func(im imputation) (estimates, error) {
		var d [2][]float64
		for a := range d {
			d[a] = make([]float64, len(tr.visits))
			for v := range d[a] {
				d[a][v] = delta[a][v] + shift[a][v]
			}
		}
		e, _, err := tr.estimate(im, d)
		return e, err
	}
	im, err := tr.impute(tr.subjects, mopt)
	if err != nil {
		return nil, err
	}
	// The refits feed only the imputations: their LS means, tests and
	// degrees of freedom would go unused.
	ropt := *mopt
	ropt.EstimatesOnly = true
	// Each refit starts from the full fit's θ, a few iterations from its
	// own optimum.
	ropt.Start = im.fit.Theta
	R := &runs{im: im}
	if R.full, R.completed, err = tr.estimate(im, delta); err != nil {
		return nil, err
	}
	if shift != nil {
		if R.fullShift, err = shifted(im); err != nil {
			return nil, err
		}
	}
	var samples [][]int
	n := len(tr.subjects)
	if opt.Inference == JackknifeInference {
		samples = make([][]int, n)
		for b := range samples {
			s := make([]int, 0, n-1)
			for i := 0; i < n; i++ {
				if i != b {
					s = append(s, i)
				}
			}
			samples[b] = s
		}
	} else {
		samples = tr.bootstrapSamples(opt.Replicates, opt.Seed)
	}
	R.reps = make([]estimates, len(samples))
	if shift != nil {
		R.repsShift = make([]estimates, len(samples))
	}
	errs := make([]error, len(samples))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < opt.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range next {
				subs := make([]subject, len(samples[r]))
				for k, i := range samples[r] {
					subs[k] = tr.subjects[i]
				}
				im, err := tr.impute(subs, &ropt)
				if err == nil {
					R.reps[r], _, err = tr.estimate(im, delta)
				}
				if err == nil && shift != nil {
					R.repsShift[r], err = shifted(im)
				}
				errs[r] = err
			}
		}()
	}
	for r := range samples {
		next <- r
	}
	close(next)
	wg.Wait()
	for r, err := range errs {
		if err != nil {
			what := fmt.Sprintf("bootstrap sample %d", r+1)
			if opt.Inference == JackknifeInference {
				what = "leaving out subject " + tr.subjects[r].id
			}
			return nil, fmt.Errorf("mi: refit %s: %w", what, err)
		}
	}
	return R, nil
}

// pool combines the original estimate with the refits' as opt says.
func pool(opt *CondMeanOptions, orig float64, reps []float64) (Pooled, error) {
	po := &Options{Level: opt.Level}
	switch {
	case opt.Inference == JackknifeInference:
		return Jackknife(orig, reps, po)
	case opt.Percentile:
		return BootstrapPercentile(orig, reps, po)
	}
	return BootstrapNormal(orig, reps, po)
}

// result pools the estimates of one δ into a CondMeanResult.
func (tr *trial) result(opt *CondMeanOptions, R *runs, full estimates, reps []estimates) (*CondMeanResult, error) {
	res := &CondMeanResult{Reference: tr.arms[tr.ref], Other: tr.arms[1-tr.ref], Fit: R.im.fit, Excluded: tr.excluded,
		Inference: opt.Inference, N: len(reps), Completed: R.completed, Imputed: R.im.imputed}
	for _, s := range tr.subjects {
		res.Subjects = append(res.Subjects, s.id)
	}
	pick := func(f func(estimates) []float64, v int) []float64 {
		x := make([]float64, len(reps))
		for r := range reps {
			x[r] = f(reps[r])[v]
		}
		return x
	}
	diff := func(e estimates) []float64 { return e.diff }
	ref := func(e estimates) []float64 { return e.lsmRef }
	oth := func(e estimates) []float64 { return e.lsmOther }
	for v, name := range tr.visits {
		vr := VisitResult{Visit: name}
		var err error
		if vr.Difference, err = pool(opt, full.diff[v], pick(diff, v)); err != nil {
			return nil, fmt.Errorf("mi: visit %s difference: %w", name, err)
		}
		if vr.LSMeanReference, err = pool(opt, full.lsmRef[v], pick(ref, v)); err != nil {
			return nil, fmt.Errorf("mi: visit %s reference mean: %w", name, err)
		}
		if vr.LSMeanOther, err = pool(opt, full.lsmOther[v], pick(oth, v)); err != nil {
			return nil, fmt.Errorf("mi: visit %s mean: %w", name, err)
		}
		res.Visits = append(res.Visits, vr)
	}
	return res, nil
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

// deltaTable returns δ per arm and visit.
func (tr *trial) deltaTable(ds []Delta) [2][]float64 {
	var t [2][]float64
	for a := range t {
		t[a] = make([]float64, len(tr.visits))
	}
	for _, d := range ds {
		for a := 0; a < 2; a++ {
			if d.Arm != "" && d.Arm != tr.arms[a] {
				continue
			}
			for v, name := range tr.visits {
				if d.Visit == "" || d.Visit == name {
					t[a][v] += d.Value
				}
			}
		}
	}
	return t
}

// estimates are the per-visit analysis results of one (re)fit.
type estimates struct {
	diff, lsmRef, lsmOther []float64
}

// imputation is one (re)fit's completed data before δ.
type imputation struct {
	subs      []subject
	completed [][]float64
	imputed   [][]bool
	fit       *mmrm.Result
}

// impute fits the imputation model to subs and replaces their missing
// outcomes by conditional means under each subject's strategy.
func (tr *trial) impute(subs []subject, mopt *mmrm.Options) (imputation, error) {
	fit, err := mmrm.Fit(tr.fitData(subs), mopt)
	if err != nil {
		return imputation{}, err
	}
	J := len(tr.visits)
	coef := make(map[string]float64, len(fit.Coefficients))
	for _, c := range fit.Coefficients {
		coef[c.Name] = c.Estimate
	}
	sigma := func(arm int) *mat.SymDense {
		// With ByArm the covariances follow fit.Arms, the control (the
		// reference) first.
		if len(fit.Covariance) == 1 || arm == tr.ref {
			return fit.Covariance[0]
		}
		return fit.Covariance[1]
	}
	// The coefficients by visit, looked up once per fit.
	other := tr.arms[1-tr.ref]
	cVisit, cArm, cBase := make([]float64, J), make([]float64, J), make([]float64, J)
	for v, vn := range tr.visits {
		cVisit[v] = coef["visit="+vn]
		cArm[v] = coef["arm="+other+":visit="+vn]
		cBase[v] = coef["baseline:visit="+vn]
	}
	cCov := make([]float64, len(tr.covNames))
	for c, cn := range tr.covNames {
		cCov[c] = coef[cn]
	}
	cFac := make([]map[string]float64, len(tr.facNames))
	for f, fn := range tr.facNames {
		cFac[f] = map[string]float64{}
		for _, c := range fit.Coefficients {
			if l, ok := strings.CutPrefix(c.Name, fn+"="); ok {
				cFac[f][l] = c.Estimate // the reference level has no coefficient: 0
			}
		}
	}
	meanProfile := func(s subject, arm int) []float64 {
		mu := make([]float64, J)
		for v := range mu {
			m := cVisit[v] + s.base*cBase[v]
			if arm != tr.ref {
				m += cArm[v]
			}
			for c := range cCov {
				m += s.cov[v][c] * cCov[c]
			}
			for f := range cFac {
				m += cFac[f][s.fac[v][f]]
			}
			mu[v] = m
		}
		return mu
	}
	im := imputation{subs: subs, completed: make([][]float64, len(subs)), imputed: make([][]bool, len(subs)), fit: fit}
	for i, s := range subs {
		mu, muRef := meanProfile(s, s.arm), meanProfile(s, tr.ref)
		m, c, err := strategyParams(s.strategy, s.first, mu, muRef, sigma(s.arm), sigma(tr.ref))
		if err != nil {
			return imputation{}, fmt.Errorf("subject %s: %w", s.id, err)
		}
		y, err := conditionalMean(s.y, m, c)
		if err != nil {
			return imputation{}, fmt.Errorf("subject %s: %w", s.id, err)
		}
		imp := make([]bool, J)
		for v := range y {
			imp[v] = math.IsNaN(s.y[v])
		}
		im.completed[i], im.imputed[i] = y, imp
	}
	return im, nil
}

// estimate adds δ to the imputed values and runs the per-visit ANCOVA.
func (tr *trial) estimate(im imputation, delta [2][]float64) (estimates, [][]float64, error) {
	J := len(tr.visits)
	y := make([][]float64, len(im.subs))
	for i, s := range im.subs {
		y[i] = append([]float64(nil), im.completed[i]...)
		for v := range y[i] {
			if im.imputed[i][v] {
				y[i][v] += delta[s.arm][v]
			}
		}
	}
	e := estimates{diff: make([]float64, J), lsmRef: make([]float64, J), lsmOther: make([]float64, J)}
	for v := 0; v < J; v++ {
		d, r, o, err := tr.ancova(im.subs, y, v)
		if err != nil {
			return estimates{}, nil, err
		}
		e.diff[v], e.lsmRef[v], e.lsmOther[v] = d, r, o
	}
	return e, y, nil
}

// ancova regresses the completed outcome at visit v on an intercept, arm
// (1 = other arm), baseline, covariates and factor dummies by least
// squares (QR), and returns the arm coefficient and the two arms' mean
// predictions over all subjects.
func (tr *trial) ancova(subs []subject, y [][]float64, v int) (diff, lsmRef, lsmOther float64, err error) {
	n := len(subs)
	// Factor levels present at this visit, sorted; the first is the
	// reference.
	var levels [][]string
	for f := range tr.facNames {
		set := map[string]bool{}
		for _, s := range subs {
			set[s.fac[v][f]] = true
		}
		var ls []string
		for l := range set {
			ls = append(ls, l)
		}
		sort.Strings(ls)
		levels = append(levels, ls)
	}
	p := 3 + len(tr.covNames)
	for _, ls := range levels {
		p += len(ls) - 1
	}
	if n <= p {
		return 0, 0, 0, fieldErr("Data", n, fmt.Sprintf("%d subjects cannot estimate the %d coefficients of the analysis at visit %s", n, p, tr.visits[v]))
	}
	X := mat.NewDense(n, p, nil)
	Y := mat.NewVecDense(n, nil)
	colMean := make([]float64, p)
	for i, s := range subs {
		row := X.RawRowView(i)
		row[0] = 1
		if s.arm != tr.ref {
			row[1] = 1
		}
		row[2] = s.base
		k := 3
		for c := range tr.covNames {
			row[k] = s.cov[v][c]
			k++
		}
		for f, ls := range levels {
			for _, l := range ls[1:] {
				if s.fac[v][f] == l {
					row[k] = 1
				}
				k++
			}
		}
		for j := range row {
			colMean[j] += row[j] / float64(n)
		}
		Y.SetVec(i, y[i][v])
	}
	// Centre the covariate columns (not intercept or arm) so that the
	// least-squares problem stays well conditioned on any scale.
	for i := 0; i < n; i++ {
		row := X.RawRowView(i)
		for j := 2; j < p; j++ {
			row[j] -= colMean[j]
		}
	}
	var qr mat.QR
	qr.Factorize(X)
	var b mat.VecDense
	if err := qr.SolveVecTo(&b, false, Y); err != nil {
		return 0, 0, 0, fieldErr("Data", tr.visits[v], "the analysis at this visit has a singular design: "+err.Error())
	}
	// With centred covariates the prediction at the covariate means is
	// intercept (+ arm).
	diff = b.AtVec(1)
	lsmRef = b.AtVec(0)
	lsmOther = lsmRef + diff
	if math.IsNaN(diff) || math.IsInf(diff, 0) {
		return 0, 0, 0, fieldErr("Data", tr.visits[v], "the analysis at this visit has a singular design")
	}
	return diff, lsmRef, lsmOther, nil
}
