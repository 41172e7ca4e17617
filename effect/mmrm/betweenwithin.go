package mmrm

import "math"

// betweenWithin returns SAS's between-within df rule (DDFM=BETWITHIN) for
// a model with only a REPEATED covariance: the residual df N − rank(X) are
// split into between-subject df, n_subjects − rank of the columns constant
// within every subject, and within-subject df, the rest. A coefficient
// whose column varies within a subject gets the within df, else the
// between df; a contrast gets the smallest df among the coefficients it
// involves (Schluchter & Elashoff 1990).
func (f *fitted) betweenWithin() func([]float64) float64 {
	d := f.m.d
	pr := f.m.pr
	within := make([]bool, d.p)
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
			for j := range x {
				if x[j] != first[j] {
					within[j] = true
				}
			}
		}
	}
	nb := 0
	for _, w := range within {
		if !w {
			nb++
		}
	}
	dfB := float64(len(pr.subjects) - nb)
	dfW := float64(pr.nobs-d.p) - dfB
	return func(l []float64) float64 {
		df := math.Inf(1)
		for j, v := range l {
			if v == 0 {
				continue
			}
			if within[j] {
				df = math.Min(df, dfW)
			} else {
				df = math.Min(df, dfB)
			}
		}
		return df
	}
}
