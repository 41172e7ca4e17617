package mmrm

import (
	"fmt"
	"math"
	"sort"

	"github.com/tiesproject/ties/effect"
)

// Data holds a trial's long-format repeated measures: one element per row
// (subject × post-baseline visit) in every column.
type Data struct {
	// Subject identifies the participant; Visit the post-baseline visit
	// ("3 months"); Arm the randomized arm, constant within a subject (nil
	// allowed with Options.Mean = Covariates or InterceptOnly: one group).
	Subject, Visit, Arm []string
	// Outcome is the post-baseline value; NaN marks a missing value (the
	// row is kept out of the fit; the subject stays if another visit has an
	// outcome).
	Outcome []float64
	// Baseline is the pre-randomization value of the outcome, repeated on
	// each of the subject's rows (NaN where missing). Nil fits the model
	// without baseline terms. A subject whose baseline is missing leaves
	// the fit and is listed in Result.Excluded.
	Baseline []float64
	// Covariates (numeric) and Factors (categorical, "" missing) are
	// further adjustment terms, entered once (not by visit). A subject with
	// a missing value on a row with an outcome leaves the fit.
	Covariates []effect.Covariate
	Factors    []effect.Factor
	// Cluster optionally names each subject's cluster (care team, site)
	// for the empirical covariance by cluster; constant within a subject.
	Cluster []string
	// Line optionally gives each row's physical line in its file (header =
	// line 1), and Columns the file's column headings, so that errors point
	// to them; ReadCSV fills both.
	Line    []int
	Columns Columns
}

// heading returns the file's column heading of a Data field, "" if unknown.
func (d *Data) heading(field string) string {
	switch field {
	case "Subject":
		return d.Columns.Subject
	case "Visit":
		return d.Columns.Visit
	case "Arm":
		return d.Columns.Arm
	case "Outcome":
		return d.Columns.Outcome
	case "Baseline":
		return d.Columns.Baseline
	case "Cluster":
		return d.Columns.Cluster
	}
	return ""
}

// where names row i: its file line if known, else its position.
func (d *Data) where(i int) string {
	if l := d.line(i); l > 0 {
		return fmt.Sprintf("line %d", l)
	}
	return fmt.Sprintf("row %d", i+1)
}

// Exclusion is a subject left out of the fit and the reason.
type Exclusion struct {
	Subject, Reason string
}

// prepared is the validated data of the analysed subjects.
type prepared struct {
	visits   []string // post-baseline visit order
	arms     []string // arm levels, control first
	subjects []subjectData
	excluded []Exclusion
	clusters []string
	nobs     int
	hasBase  bool
	covNames []string
	facNames []string
	facLevel [][]string // levels per factor, sorted, the first the reference
}

type subjectData struct {
	id      string
	arm     int
	cluster int
	base    float64
	visits  []int       // observed visits, increasing
	y       []float64   // outcome per observed visit
	cov     [][]float64 // [visit k][covariate]
	fac     [][]int     // [visit k][factor] level index
}

func (d *Data) line(i int) int {
	if d.Line != nil && i < len(d.Line) {
		return d.Line[i]
	}
	return 0
}

// prepare validates d and collects the analysed subjects.
func prepare(d *Data, visitOrder []string, control string, mean MeanModel) (*prepared, error) {
	n := len(d.Subject)
	if n == 0 {
		return nil, fieldErr(0, "", "", "Subject", 0, "no rows: give one row per subject and post-baseline visit")
	}
	check := func(name string, l int) error {
		if l != n {
			return fieldErr(0, "", "", name, l, fmt.Sprintf("length must equal len(Subject) = %d", n))
		}
		return nil
	}
	if err := check("Visit", len(d.Visit)); err != nil {
		return nil, err
	}
	if d.Arm != nil {
		if err := check("Arm", len(d.Arm)); err != nil {
			return nil, err
		}
	}
	if err := check("Outcome", len(d.Outcome)); err != nil {
		return nil, err
	}
	if d.Baseline != nil {
		if err := check("Baseline", len(d.Baseline)); err != nil {
			return nil, err
		}
	}
	if d.Cluster != nil {
		if err := check("Cluster", len(d.Cluster)); err != nil {
			return nil, err
		}
	}
	if d.Line != nil {
		if err := check("Line", len(d.Line)); err != nil {
			return nil, err
		}
	}
	p := &prepared{hasBase: d.Baseline != nil}
	for _, c := range d.Covariates {
		if err := check("Covariates["+c.Name+"]", len(c.Values)); err != nil {
			return nil, err
		}
		p.covNames = append(p.covNames, c.Name)
	}
	for _, f := range d.Factors {
		if err := check("Factors["+f.Name+"]", len(f.Levels)); err != nil {
			return nil, err
		}
		p.facNames = append(p.facNames, f.Name)
	}

	// Visit order.
	vidx := map[string]int{}
	if visitOrder != nil {
		for i, v := range visitOrder {
			if _, dup := vidx[v]; dup {
				return nil, optErr("Visits", v, "visit listed twice")
			}
			vidx[v] = i
		}
		p.visits = append([]string(nil), visitOrder...)
	} else {
		for _, v := range d.Visit {
			if _, ok := vidx[v]; !ok {
				vidx[v] = len(p.visits)
				p.visits = append(p.visits, v)
			}
		}
	}
	if len(p.visits) == 0 {
		return nil, optErr("Visits", 0, "no visits")
	}

	// Group rows by subject, in order of first appearance.
	type rowset struct {
		rows []int
	}
	sidx := map[string]int{}
	var order []string
	var sets []rowset
	for i, s := range d.Subject {
		if s == "" {
			return nil, fieldErr(d.line(i), "", "", "Subject", s, "empty subject ID at "+d.where(i))
		}
		k, ok := sidx[s]
		if !ok {
			k = len(order)
			sidx[s] = k
			order = append(order, s)
			sets = append(sets, rowset{})
		}
		sets[k].rows = append(sets[k].rows, i)
	}

	// Validate each subject's rows.
	facLevels := make([]map[string]bool, len(d.Factors))
	for f := range facLevels {
		facLevels[f] = map[string]bool{}
	}
	armSet := map[string]bool{}
	clusterIdx := map[string]int{}
	type cand struct {
		sd     subjectData
		armS   string
		facS   [][]string
		reason string
	}
	var cands []cand
	seen := make([]int, len(p.visits))
	for k := range seen {
		seen[k] = -1
	}
	vs := make([]int, 0, len(p.visits))
	for k, s := range order {
		rows := sets[k].rows
		first := rows[0]
		c := cand{sd: subjectData{id: s, base: math.NaN()}}
		if d.Arm != nil {
			c.armS = d.Arm[first]
		}
		if d.Arm != nil && c.armS == "" {
			return nil, fieldErr(d.line(first), d.heading("Arm"), s, "Arm", "", "missing arm: every subject needs its randomized arm")
		}
		vs = vs[:0]
		for _, i := range rows {
			if d.Arm != nil && d.Arm[i] != c.armS {
				return nil, fieldErr(d.line(i), d.heading("Arm"), s, "Arm", d.Arm[i], fmt.Sprintf("arm changes within the subject (first %q): the arm must be constant", c.armS))
			}
			if d.Cluster != nil && d.Cluster[i] != d.Cluster[first] {
				return nil, fieldErr(d.line(i), d.heading("Cluster"), s, "Cluster", d.Cluster[i], fmt.Sprintf("cluster changes within the subject (first %q)", d.Cluster[first]))
			}
			v, ok := vidx[d.Visit[i]]
			if !ok {
				return nil, fieldErr(d.line(i), d.heading("Visit"), s, "Visit", d.Visit[i], fmt.Sprintf("visit not in the visit order %q: add it to Options.Visits or correct the row", p.visits))
			}
			if j := seen[v]; j >= 0 {
				return nil, fieldErr(d.line(i), d.heading("Visit"), s, "Visit", d.Visit[i], fmt.Sprintf("duplicate subject–visit row (also %s): keep one row per subject and visit", d.where(j)))
			}
			seen[v] = i
			vs = append(vs, v)
			y := d.Outcome[i]
			if math.IsInf(y, 0) {
				return nil, fieldErr(d.line(i), d.heading("Outcome"), s, "Outcome", y, "infinite outcome")
			}
			if d.Baseline != nil {
				b := d.Baseline[i]
				if math.IsInf(b, 0) {
					return nil, fieldErr(d.line(i), d.heading("Baseline"), s, "Baseline", b, "infinite baseline")
				}
				if !math.IsNaN(b) {
					if !math.IsNaN(c.sd.base) && b != c.sd.base {
						return nil, fieldErr(d.line(i), d.heading("Baseline"), s, "Baseline", b, fmt.Sprintf("baseline differs between the subject's rows (first %v): give the same baseline on every row", c.sd.base))
					}
					c.sd.base = b
				}
			}
		}
		if d.Baseline == nil {
			c.sd.base = 0
		}
		// Observed visits in visit order.
		sort.Ints(vs)
		n := 0
		for _, v := range vs {
			if !math.IsNaN(d.Outcome[seen[v]]) {
				n++
			}
		}
		c.sd.visits = make([]int, 0, n)
		c.sd.y = make([]float64, 0, n)
		for _, v := range vs {
			i := seen[v]
			seen[v] = -1
			if math.IsNaN(d.Outcome[i]) {
				continue
			}
			c.sd.visits = append(c.sd.visits, v)
			c.sd.y = append(c.sd.y, d.Outcome[i])
			if len(d.Covariates) == 0 && len(d.Factors) == 0 {
				continue
			}
			cv := make([]float64, len(d.Covariates))
			for j, co := range d.Covariates {
				cv[j] = co.Values[i]
				if math.IsInf(cv[j], 0) {
					return nil, fieldErr(d.line(i), co.Name, s, co.Name, cv[j], "infinite covariate value")
				}
				if math.IsNaN(cv[j]) && c.reason == "" {
					c.reason = fmt.Sprintf("missing covariate %s at visit %s", co.Name, p.visits[v])
				}
			}
			fv := make([]string, len(d.Factors))
			for j, f := range d.Factors {
				fv[j] = f.Levels[i]
				if fv[j] == "" && c.reason == "" {
					c.reason = fmt.Sprintf("missing factor %s at visit %s", f.Name, p.visits[v])
				}
			}
			c.sd.cov = append(c.sd.cov, cv)
			c.facS = append(c.facS, fv)
		}
		switch {
		case len(c.sd.visits) == 0:
			c.reason = "no post-baseline outcome"
		case math.IsNaN(c.sd.base):
			c.reason = "missing baseline"
		}
		if c.reason != "" {
			p.excluded = append(p.excluded, Exclusion{Subject: s, Reason: c.reason})
			continue
		}
		armSet[c.armS] = true
		for _, fv := range c.facS {
			for j, l := range fv {
				facLevels[j][l] = true
			}
		}
		if d.Cluster != nil {
			cl := d.Cluster[first]
			if _, ok := clusterIdx[cl]; !ok {
				clusterIdx[cl] = len(p.clusters)
				p.clusters = append(p.clusters, cl)
			}
			c.sd.cluster = clusterIdx[cl]
		}
		cands = append(cands, c)
	}

	// Arm levels: control first, the others sorted.
	for a := range armSet {
		if a != control {
			p.arms = append(p.arms, a)
		}
	}
	sort.Strings(p.arms)
	if control != "" {
		if !armSet[control] {
			return nil, optErr("Control", control, "no analysed subject is in this arm")
		}
		p.arms = append([]string{control}, p.arms...)
	}
	if len(p.arms) < 2 && mean == ArmByVisit {
		return nil, fieldErr(0, "", "", "Arm", p.arms, "fewer than two arms among the analysed subjects")
	}
	armIdx := map[string]int{}
	for i, a := range p.arms {
		armIdx[a] = i
	}
	p.facLevel = make([][]string, len(d.Factors))
	fl := make([]map[string]int, len(d.Factors))
	for j := range d.Factors {
		for l := range facLevels[j] {
			p.facLevel[j] = append(p.facLevel[j], l)
		}
		sort.Strings(p.facLevel[j])
		fl[j] = map[string]int{}
		for i, l := range p.facLevel[j] {
			fl[j][l] = i
		}
	}
	for k, c := range cands {
		c.sd.arm = armIdx[c.armS]
		if d.Cluster == nil {
			c.sd.cluster = k
		}
		for _, fv := range c.facS {
			if len(fv) == 0 {
				continue
			}
			li := make([]int, len(fv))
			for j, l := range fv {
				li[j] = fl[j][l]
			}
			c.sd.fac = append(c.sd.fac, li)
		}
		p.nobs += len(c.sd.visits)
		p.subjects = append(p.subjects, c.sd)
	}
	count := make([]int, len(p.visits))
	for _, s := range p.subjects {
		for _, v := range s.visits {
			count[v]++
		}
	}
	for v, c := range count {
		if c == 0 {
			return nil, fieldErr(0, d.heading("Visit"), "", "Visit", p.visits[v], "no analysed outcome at this visit: remove it from Options.Visits or check the visit labels")
		}
	}
	if d.Cluster == nil {
		p.clusters = make([]string, len(p.subjects))
		for i, s := range p.subjects {
			p.clusters[i] = s.id
		}
	}
	return p, nil
}
