package mmrm

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// design is the mean model: a cell mean per visit (control arm, baseline
// and covariates at zero), the arm effect at each visit, a baseline slope
// at each visit, and the covariates and factor dummies entered once. This
// is a reparameterization of the usual arm × visit + baseline × visit +
// covariates model with the same fitted values, LS means and contrasts.
//
// With Options.Mean = Covariates or InterceptOnly the columns are instead
// an intercept, the arm effects (Covariates only) and the covariates and
// factor dummies; t and the per-visit offsets are then unused.
type design struct {
	mean     MeanModel
	t, nArm  int
	hasBase  bool
	nCov     int
	facLevel [][]string
	p        int
	names    []string
	// column offsets
	armOff, baseOff, covOff, facOff int
}

func newDesign(pr *prepared, mean MeanModel) *design {
	if mean != ArmByVisit {
		return newRegressionDesign(pr, mean)
	}
	t := len(pr.visits)
	d := &design{t: t, nArm: len(pr.arms), hasBase: pr.hasBase, nCov: len(pr.covNames), facLevel: pr.facLevel}
	for _, v := range pr.visits {
		d.names = append(d.names, "visit="+v)
	}
	d.armOff = len(d.names)
	for a := 1; a < d.nArm; a++ {
		for _, v := range pr.visits {
			d.names = append(d.names, fmt.Sprintf("arm=%s:visit=%s", pr.arms[a], v))
		}
	}
	d.baseOff = len(d.names)
	if d.hasBase {
		for _, v := range pr.visits {
			d.names = append(d.names, "baseline:visit="+v)
		}
	}
	d.appendCovariates(pr)
	d.p = len(d.names)
	return d
}

// armCol returns the column of arm a's effect at visit v (a ≥ 1).
func (d *design) armCol(a, v int) int { return d.armOff + (a-1)*d.t + v }

// row fills x (length p) with the design row of subject s's k-th
// observed visit.
func (d *design) row(s *subjectData, k int, x []float64) {
	for i := range x {
		x[i] = 0
	}
	if d.mean != ArmByVisit {
		d.regressionRow(s, k, x)
		return
	}
	v := s.visits[k]
	x[v] = 1
	if s.arm > 0 {
		x[d.armCol(s.arm, v)] = 1
	}
	if d.hasBase {
		x[d.baseOff+v] = s.base
	}
	d.covFacRow(s, k, x)
}

// covFacRow fills the covariate and factor columns of subject s's k-th
// observed visit.
func (d *design) covFacRow(s *subjectData, k int, x []float64) {
	if d.nCov > 0 {
		copy(x[d.covOff:], s.cov[k])
	}
	off := d.facOff
	for f, lv := range d.facLevel {
		if l := s.fac[k][f]; l > 0 {
			x[off+l-1] = 1
		}
		off += len(lv) - 1
	}
}

// subjectX returns the n_i × p design rows of subject s.
func (d *design) subjectX(s *subjectData) *mat.Dense {
	x := mat.NewDense(len(s.visits), d.p, nil)
	for k := range s.visits {
		d.row(s, k, x.RawRowView(k))
	}
	return x
}

// checkRank finds the first column of the design that is a linear
// combination of the earlier ones (modified Gram–Schmidt on X'X) and
// returns an error naming it.
func (d *design) checkRank(pr *prepared) error {
	p := d.p
	xtx := mat.NewSymDense(p, nil)
	x := make([]float64, p)
	for i := range pr.subjects {
		s := &pr.subjects[i]
		for k := range s.visits {
			d.row(s, k, x)
			for a := 0; a < p; a++ {
				if x[a] == 0 {
					continue
				}
				for b := a; b < p; b++ {
					xtx.SetSym(a, b, xtx.At(a, b)+x[a]*x[b])
				}
			}
		}
	}
	// Cholesky by columns with a relative pivot test.
	l := mat.NewDense(p, p, nil)
	for j := 0; j < p; j++ {
		s := xtx.At(j, j)
		for k := 0; k < j; k++ {
			s -= l.At(j, k) * l.At(j, k)
		}
		if !(s > 1e-10*math.Max(xtx.At(j, j), 1e-300)) {
			return fieldErr(0, "", "", "design column", d.names[j], fmt.Sprintf("singular design: column %q is a linear combination of earlier columns or empty (e.g. an arm with no outcome at a visit, a constant covariate, a factor level confounded with another term); drop or merge it", d.names[j]))
		}
		ljj := math.Sqrt(s)
		l.Set(j, j, ljj)
		for i := j + 1; i < p; i++ {
			v := xtx.At(i, j)
			for k := 0; k < j; k++ {
				v -= l.At(i, k) * l.At(j, k)
			}
			l.Set(i, j, v/ljj)
		}
	}
	return nil
}

// newRegressionDesign is the design of the Covariates and InterceptOnly
// mean models: "(Intercept)", "arm=A" for each non-control arm
// (Covariates), the covariates and the factor dummies.
func newRegressionDesign(pr *prepared, mean MeanModel) *design {
	d := &design{mean: mean, t: len(pr.visits), nArm: len(pr.arms), facLevel: pr.facLevel}
	d.names = []string{"(Intercept)"}
	d.armOff = 1
	if mean == Covariates {
		for a := 1; a < len(pr.arms); a++ {
			d.names = append(d.names, "arm="+pr.arms[a])
		}
		d.nCov = len(pr.covNames)
		d.appendCovariates(pr)
	} else {
		d.facLevel = nil
		d.covOff, d.facOff = 1, 1
	}
	d.p = len(d.names)
	return d
}

// regressionRow fills x (zeroed, length p) for the Covariates and
// InterceptOnly models.
func (d *design) regressionRow(s *subjectData, k int, x []float64) {
	x[0] = 1
	if d.mean != Covariates {
		return
	}
	if s.arm > 0 {
		x[d.armOff+s.arm-1] = 1
	}
	d.covFacRow(s, k, x)
}

// appendCovariates appends the covariate columns and, after them, one
// dummy per non-reference level of each factor, recording where each
// group starts.
func (d *design) appendCovariates(pr *prepared) {
	d.covOff = len(d.names)
	d.names = append(d.names, pr.covNames...)
	d.facOff = len(d.names)
	for f, lv := range pr.facLevel {
		for _, l := range lv[1:] {
			d.names = append(d.names, pr.facNames[f]+"="+l)
		}
	}
}
