package mmrm

import (
	"fmt"
	"math"
)

// betweenWithin returns the between-within df rule of SAS (DDFM=BETWITHIN)
// and mmrm for a model with only a repeated-measures covariance
// (Schluchter & Elashoff 1990). The coefficients of the usual
// parameterization (intercept, arm, baseline and the covariates constant
// within a subject are between-subject effects; visit, arm × visit,
// baseline × visit and time-varying covariates within-subject effects) get
// n_subjects − p_between and N − n_subjects − p_within df, and a contrast
// the smallest df among the effects it involves. The contrast is mapped
// from Fit's cell-means parameterization: it involves the arm main effect
// when its arm × visit weights do not sum to zero, and an interaction with
// visit when a weight falls on a visit other than the first.
func (f *fitted) betweenWithin() (func([]float64) float64, error) {
	d := f.m.d
	if d.mean != ArmByVisit {
		return f.betweenWithinRegression()
	}
	pr := f.m.pr
	t := d.t
	// Which covariate/factor columns vary within a subject?
	varies := f.variesWithin(d.covOff)
	// Between: intercept, arm levels, baseline, constant covariates.
	pb := 1 + (d.nArm - 1)
	if d.hasBase {
		pb++
	}
	for j := d.covOff; j < d.p; j++ {
		if !varies[j] {
			pb++
		}
	}
	pw := d.p - pb
	dfB := float64(len(pr.subjects) - pb)
	dfW := float64(pr.nobs - len(pr.subjects) - pw)
	// involve classifies a block of t per-visit weights.
	involve := func(l []float64) (between, within bool) {
		s := 0.0
		for v, x := range l {
			s += x
			if v > 0 && x != 0 {
				within = true
			}
		}
		return math.Abs(s) > 1e-12, within
	}
	return func(l []float64) float64 {
		var b, w bool
		blocks := [][]float64{l[:t]}
		for a := 1; a < d.nArm; a++ {
			blocks = append(blocks, l[d.armCol(a, 0):d.armCol(a, 0)+t])
		}
		if d.hasBase {
			blocks = append(blocks, l[d.baseOff:d.baseOff+t])
		}
		for _, blk := range blocks {
			bb, ww := involve(blk)
			b, w = b || bb, w || ww
		}
		for j := d.covOff; j < d.p; j++ {
			if l[j] != 0 {
				if varies[j] {
					w = true
				} else {
					b = true
				}
			}
		}
		df := math.Inf(1)
		if b {
			df = dfB
		}
		if w {
			df = math.Min(df, dfW)
		}
		return df
	}, nil
}

// betweenWithinRegression is DDFM=BETWITHIN for the Covariates and
// InterceptOnly models (see MeanModel).
func (f *fitted) betweenWithinRegression() (func([]float64) float64, error) {
	d := f.m.d
	pr := f.m.pr
	varies := f.variesWithin(0)
	pb := 0
	for j := range varies {
		if !varies[j] {
			pb++
		}
	}
	dfB := float64(len(pr.subjects) - pb)
	dfW := float64(pr.nobs - len(pr.subjects) - (d.p - pb))
	if f.m.s == US {
		// SAS: with only an unstructured R-side covariance every effect
		// gets the between-subject df.
		return func([]float64) float64 { return dfB }, nil
	}
	for j := d.facOff; j < d.p; j++ {
		if varies[j] {
			return nil, optErr("DF", BetweenWithin, fmt.Sprintf("factor column %q changes within a subject: the between-within df would partition the within-subject df by subject × factor, which is not implemented; use Satterthwaite or KenwardRoger", d.names[j]))
		}
	}
	return func(l []float64) float64 {
		df := math.Inf(1)
		for j, c := range l {
			if c == 0 {
				continue
			}
			if varies[j] {
				df = math.Min(df, dfW)
			} else {
				df = math.Min(df, dfB)
			}
		}
		return df
	}, nil
}

// variesWithin reports, for each design column j ≥ from, whether its value
// changes between the visits of some subject; columns before from are
// left false.
func (f *fitted) variesWithin(from int) []bool {
	d := f.m.d
	pr := f.m.pr
	varies := make([]bool, d.p)
	x := make([]float64, d.p)
	first := make([]float64, d.p)
	for i := range pr.subjects {
		s := &pr.subjects[i]
		for k := range s.visits {
			d.row(s, k, x)
			if k == 0 {
				copy(first, x)
				continue
			}
			for j := from; j < d.p; j++ {
				if x[j] != first[j] {
					varies[j] = true
				}
			}
		}
	}
	return varies
}
