package mi

import (
	"fmt"
	"math"
	"sort"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/effect/mmrm"
)

// Event is one subject's intercurrent event: from Visit on (that visit
// included) the subject's missing outcomes are imputed under Strategy, and
// its observed outcomes from Visit on leave the fit of the imputation
// model when the strategy is not MAR (they are kept in the analysis).
type Event struct {
	Subject  string
	Visit    string // the first post-baseline visit affected
	Strategy Strategy
}

// subject is one randomized subject as the imputation sees it.
type subject struct {
	id       string
	arm      int // index into arms
	base     float64
	y        []float64   // per visit, NaN missing (also for rows absent from the data)
	cov      [][]float64 // [visit][covariate]
	fac      [][]string  // [visit][factor]
	first    int         // first visit index affected by the event (len(visits) = none)
	strategy Strategy
	line     int // first line of the subject in its file, 0 if unknown
}

// trial is the validated input of ConditionalMean.
type trial struct {
	visits   []string
	arms     []string // arms[ref] is the reference
	ref      int
	subjects []subject
	excluded []mmrm.Exclusion
	covNames []string
	facNames []string
	src      *mmrm.Data
}

// prepare checks the long data and the events and collects the subjects
// in order of first appearance. Subjects without a baseline value leave the
// analysis (their outcomes cannot be imputed: the imputation model
// conditions on the baseline), and are listed.
func prepare(d *mmrm.Data, events []Event, visits []string, reference string) (*trial, error) {
	if d == nil {
		return nil, fieldErr("Data", nil, "nil data")
	}
	n := len(d.Subject)
	if n == 0 {
		return nil, fieldErr("Data.Subject", 0, "no rows")
	}
	if len(d.Visit) != n || len(d.Arm) != n || len(d.Outcome) != n {
		return nil, fieldErr("Data", n, "Subject, Visit, Arm and Outcome must have equal lengths")
	}
	if d.Baseline == nil {
		return nil, fieldErr("Data.Baseline", nil, "conditional mean imputation needs the baseline (the analysis adjusts for it)")
	}
	if len(d.Baseline) != n {
		return nil, fieldErr("Data.Baseline", len(d.Baseline), fmt.Sprintf("length must equal len(Subject) = %d", n))
	}
	line := func(i int) int {
		if d.Line != nil && i < len(d.Line) {
			return d.Line[i]
		}
		return 0
	}
	tr := &trial{src: d}
	vidx := map[string]int{}
	if visits != nil {
		for i, v := range visits {
			vidx[v] = i
		}
		tr.visits = append([]string(nil), visits...)
	} else {
		for _, v := range d.Visit {
			if _, ok := vidx[v]; !ok {
				vidx[v] = len(tr.visits)
				tr.visits = append(tr.visits, v)
			}
		}
	}
	J := len(tr.visits)
	armSet := map[string]bool{}
	for _, a := range d.Arm {
		armSet[a] = true
	}
	for a := range armSet {
		tr.arms = append(tr.arms, a)
	}
	sort.Strings(tr.arms)
	if len(tr.arms) != 2 {
		return nil, fieldErr("Data.Arm", tr.arms, "conditional mean imputation here compares two arms (intervention and reference)")
	}
	if reference == "" {
		reference = tr.arms[0]
	}
	tr.ref = -1
	for i, a := range tr.arms {
		if a == reference {
			tr.ref = i
		}
	}
	if tr.ref < 0 {
		return nil, fieldErr("Options.Reference", reference, fmt.Sprintf("not an arm of the data (%q, %q)", tr.arms[0], tr.arms[1]))
	}
	for _, c := range d.Covariates {
		if len(c.Values) != n {
			return nil, fieldErr("Data.Covariates["+c.Name+"]", len(c.Values), fmt.Sprintf("length must equal len(Subject) = %d", n))
		}
		tr.covNames = append(tr.covNames, c.Name)
	}
	for _, f := range d.Factors {
		if len(f.Levels) != n {
			return nil, fieldErr("Data.Factors["+f.Name+"]", len(f.Levels), fmt.Sprintf("length must equal len(Subject) = %d", n))
		}
		tr.facNames = append(tr.facNames, f.Name)
	}

	sidx := map[string]int{}
	var subs []subject
	seen := map[[2]int]bool{}
	for i := 0; i < n; i++ {
		id := d.Subject[i]
		v, ok := vidx[d.Visit[i]]
		if !ok {
			return nil, &effect.FieldError{Line: line(i), Record: "subject " + id, Field: "Visit", Value: d.Visit[i],
				Reason: fmt.Sprintf("visit not in the visit order %q", tr.visits), Err: ErrInvalidInput}
		}
		arm := sort.SearchStrings(tr.arms, d.Arm[i])
		k, ok := sidx[id]
		if !ok {
			k = len(subs)
			sidx[id] = k
			s := subject{id: id, arm: arm, base: d.Baseline[i], y: make([]float64, J), first: J, line: line(i),
				cov: make([][]float64, J), fac: make([][]string, J)}
			for j := range s.y {
				s.y[j] = math.NaN()
			}
			subs = append(subs, s)
		}
		s := &subs[k]
		if s.arm != arm {
			return nil, &effect.FieldError{Line: line(i), Record: "subject " + id, Field: "Arm", Value: d.Arm[i],
				Reason: fmt.Sprintf("arm changes within the subject (first %q)", tr.arms[s.arm]), Err: ErrInvalidInput}
		}
		if seen[[2]int{k, v}] {
			return nil, &effect.FieldError{Line: line(i), Record: "subject " + id, Field: "Visit", Value: d.Visit[i],
				Reason: "a second row for the same subject and visit", Err: ErrInvalidInput}
		}
		seen[[2]int{k, v}] = true
		b := d.Baseline[i]
		if !(math.IsNaN(b) && math.IsNaN(s.base)) && b != s.base {
			return nil, &effect.FieldError{Line: line(i), Record: "subject " + id, Field: "Baseline", Value: b,
				Reason: fmt.Sprintf("baseline differs between the subject's rows (first %v)", s.base), Err: ErrInvalidInput}
		}
		if y := d.Outcome[i]; math.IsInf(y, 0) {
			return nil, &effect.FieldError{Line: line(i), Record: "subject " + id, Field: "Outcome", Value: y,
				Reason: "infinite outcome", Err: ErrInvalidInput}
		}
		s.y[v] = d.Outcome[i]
		s.cov[v] = make([]float64, len(d.Covariates))
		for c, cv := range d.Covariates {
			s.cov[v][c] = cv.Values[i]
		}
		s.fac[v] = make([]string, len(d.Factors))
		for f, fv := range d.Factors {
			s.fac[v][f] = fv.Levels[i]
		}
	}
	// Visits without a row take the covariates of the subject's first row.
	for k := range subs {
		s := &subs[k]
		var c0 []float64
		var f0 []string
		for v := 0; v < J; v++ {
			if s.cov[v] != nil {
				c0, f0 = s.cov[v], s.fac[v]
				break
			}
		}
		for v := 0; v < J; v++ {
			if s.cov[v] == nil {
				s.cov[v], s.fac[v] = c0, f0
			}
		}
	}

	done := map[string]bool{}
	for e, ev := range events {
		k, ok := sidx[ev.Subject]
		where := fmt.Sprintf("events[%d]", e)
		if !ok {
			return nil, &effect.FieldError{Record: "subject " + ev.Subject, Field: where + ".Subject", Value: ev.Subject,
				Reason: "no such subject in the data", Err: ErrInvalidInput}
		}
		if done[ev.Subject] {
			return nil, &effect.FieldError{Record: "subject " + ev.Subject, Field: where, Value: ev.Strategy.String(),
				Reason: "a second intercurrent event for the subject: give at most one (the first that changes how the outcomes are imputed)", Err: ErrInvalidInput}
		}
		done[ev.Subject] = true
		v, ok := vidx[ev.Visit]
		if !ok {
			return nil, &effect.FieldError{Record: "subject " + ev.Subject, Field: where + ".Visit", Value: ev.Visit,
				Reason: fmt.Sprintf("visit not in the visit order %q", tr.visits), Err: ErrInvalidInput}
		}
		if ev.Strategy < MAR || ev.Strategy > LMCF {
			return nil, &effect.FieldError{Record: "subject " + ev.Subject, Field: where + ".Strategy", Value: int(ev.Strategy),
				Reason: "unknown strategy: use MAR, JR, CR, CIR or LMCF", Err: ErrInvalidInput}
		}
		if ev.Strategy == LMCF && v == 0 {
			return nil, &effect.FieldError{Record: "subject " + ev.Subject, Field: where + ".Strategy", Value: "LMCF",
				Reason: "last mean carried forward needs a visit before the event, but the first visit is affected; give this subject MAR or JR", Err: ErrInvalidInput}
		}
		subs[k].first, subs[k].strategy = v, ev.Strategy
	}

	for _, s := range subs {
		switch {
		case math.IsNaN(s.base):
			tr.excluded = append(tr.excluded, mmrm.Exclusion{Subject: s.id, Reason: "missing baseline: the imputation and the analysis condition on it"})
		case missingCovariate(s):
			tr.excluded = append(tr.excluded, mmrm.Exclusion{Subject: s.id, Reason: "missing covariate or factor value"})
		default:
			tr.subjects = append(tr.subjects, s)
		}
	}
	if len(tr.subjects) < 4 {
		return nil, fieldErr("Data", len(tr.subjects), "fewer than 4 subjects with a baseline")
	}
	return tr, nil
}

func missingCovariate(s subject) bool {
	for v := range s.cov {
		for _, c := range s.cov[v] {
			if math.IsNaN(c) || math.IsInf(c, 0) {
				return true
			}
		}
		for _, f := range s.fac[v] {
			if f == "" {
				return true
			}
		}
	}
	return false
}

// fitData is the long data of the given subjects for the imputation
// model: one row per subject and visit, with the outcomes after a non-MAR
// event set missing.
func (tr *trial) fitData(subs []subject) *mmrm.Data {
	J := len(tr.visits)
	n := len(subs) * J
	d := &mmrm.Data{
		Subject: make([]string, 0, n), Visit: make([]string, 0, n), Arm: make([]string, 0, n),
		Outcome: make([]float64, 0, n), Baseline: make([]float64, 0, n),
	}
	cov := make([][]float64, len(tr.covNames))
	fac := make([][]string, len(tr.facNames))
	copies := map[string]int{}
	for _, s := range subs {
		// A bootstrap sample holds some subjects more than once: each copy
		// is a subject of its own for the fit.
		id := s.id
		if c := copies[s.id]; c > 0 {
			id = fmt.Sprintf("%s#%d", s.id, c+1)
		}
		copies[s.id]++
		for v := 0; v < J; v++ {
			y := s.y[v]
			if s.strategy != MAR && v >= s.first {
				y = math.NaN()
			}
			d.Subject = append(d.Subject, id)
			d.Visit = append(d.Visit, tr.visits[v])
			d.Arm = append(d.Arm, tr.arms[s.arm])
			d.Outcome = append(d.Outcome, y)
			d.Baseline = append(d.Baseline, s.base)
			for c := range cov {
				cov[c] = append(cov[c], s.cov[v][c])
			}
			for f := range fac {
				fac[f] = append(fac[f], s.fac[v][f])
			}
		}
	}
	for c, name := range tr.covNames {
		d.Covariates = append(d.Covariates, effect.Covariate{Name: name, Values: cov[c]})
	}
	for f, name := range tr.facNames {
		d.Factors = append(d.Factors, effect.Factor{Name: name, Levels: fac[f]})
	}
	return d
}
