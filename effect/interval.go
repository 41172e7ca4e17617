package effect

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// exactSpec describes an exact (noncentral t) interval: the statistic T
// has a noncentral t distribution with DF degrees of freedom and
// noncentrality δ/Scale, so a CI for the ncp, multiplied by Scale, is a CI
// for δ; Mult (J, or 1) then rescales it to the corrected estimand, as
// effectsize does for Hedges' g.
type exactSpec struct {
	T, DF, Scale, Mult float64
}

// setCI fills e.CI, e.CIMethod and e.DF. def is the measure's default
// method; exact is nil when no exact interval exists for the measure;
// tdf is the df for a WaldT interval (0 when none applies).
//
// On error it sets *e to the zero Estimate, so that a failing call never
// returns a half-filled one.
func setCI(e *Estimate, o *Options, def CIMethod, exact *exactSpec, tdf float64) error {
	err := fillCI(e, o, def, exact, tdf)
	if err != nil {
		*e = Estimate{}
	}
	return err
}

func fillCI(e *Estimate, o *Options, def CIMethod, exact *exactSpec, tdf float64) error {
	level, err := o.level()
	if err != nil {
		return err
	}
	if !finite(e.Value) || !finite(e.Variance) {
		return fieldErr("inputs", e.Value, "the estimate or its variance overflows: the means are too far apart for the SDs (rescale the outcome)")
	}
	if exact != nil && !finite(exact.T) {
		return fieldErr("inputs", exact.T, "the test statistic overflows: the means are too far apart for the SDs (rescale the outcome)")
	}
	m := o.ciMethod()
	if m == DefaultCI {
		m = def
	}
	e.CI.Level = level
	e.CIMethod = m
	e.DF = 0
	switch m {
	case Wald:
		z := distuv.UnitNormal.Quantile(1 - (1-level)/2)
		se := math.Sqrt(e.Variance)
		e.CI.Lower, e.CI.Upper = e.Value-z*se, e.Value+z*se
		return nil
	case WaldT:
		if !(tdf > 0) {
			break
		}
		q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: tdf}.Quantile(1 - (1-level)/2)
		se := math.Sqrt(e.Variance)
		e.CI.Lower, e.CI.Upper = e.Value-q*se, e.Value+q*se
		e.DF = tdf
		return nil
	case NoncentralT:
		if exact == nil {
			break
		}
		lo, hi, err := ncpInterval(exact.T, exact.DF, level)
		if err != nil {
			return err
		}
		k := exact.Scale * exact.Mult
		e.CI.Lower, e.CI.Upper = lo*k, hi*k
		e.DF = exact.DF
		return nil
	}
	return fieldErr("Options.CI", m, "method not available for "+e.Measure.String())
}

// smdVariance is metafor's escalc sampling variance for a standardized mean
// difference (measures SMD, SMD1, SMCC, SMCR), with
//
//	a   = 1/n1 + 1/n2 (two arms) or the within-arm analogue,
//	npi = the denominator of the quadratic term (N, n2 or n),
//	m   = the degrees of freedom of J,
//	d   = the uncorrected estimate and g = J(m)·d.
//
// For a corrected estimate (g):
//
//	LS:  a + g²/(2·npi)                    (Hedges 1982; Hedges & Olkin 1985, eq. 15)
//	LS2: J²·(a + d²/(2·npi))               (Borenstein 2009, eq. 12.17)
//	UB:  a + (1 − (m−2)/(m·J²))·g²         (Hedges 1983, eq. 9)
//
// For an uncorrected estimate (d) the same formulas are applied with the
// estimate itself plugged in, so LS and LS2 both give a + d²/(2·npi) (the
// Hedges & Olkin large-sample variance of d, as compute.es and esc report)
// and UB gives the UB variance of g divided by J², which is unbiased for
// Var(d) = Var(g)/J².
func smdVariance(vm VarianceMethod, d, m, a, npi float64, corrected bool) (float64, error) {
	switch vm {
	case LS, LS2:
		if !corrected {
			return a + d*d/(2*npi), nil
		}
		j := J(m)
		if vm == LS {
			g := j * d
			return a + g*g/(2*npi), nil
		}
		return j * j * (a + d*d/(2*npi)), nil
	case UB:
		j := J(m)
		if math.IsNaN(j) {
			return math.NaN(), fieldErr("Options.Variance", vm, "UB needs J, which needs more than 1 degree of freedom")
		}
		g := j * d
		v := a + ubFactor(m)*g*g
		if !corrected {
			v /= j * j
		}
		return v, nil
	}
	return math.NaN(), fieldErr("Options.Variance", vm, "unknown variance method")
}
