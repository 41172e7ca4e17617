package effect

// PrePostArm holds one arm's pre-test (baseline) and post-test (follow-up)
// means, the pre-test SD and the number of participants measured at both
// times. The post-test SD is not needed by either estimator: both
// standardize by the pre-test SD (Morris 2008; Becker 1988).
type PrePostArm struct {
	PreMean, PreSD float64
	PostMean       float64
	N              int
}

func (a PrePostArm) validate(arm string) error {
	if err := designCheckFinite(arm+".PreMean", a.PreMean); err != nil {
		return err
	}
	if err := designCheckFinite(arm+".PostMean", a.PostMean); err != nil {
		return err
	}
	if err := designCheckPositive(arm+".PreSD", a.PreSD); err != nil {
		return err
	}
	if a.N < 2 {
		return fieldErr(arm+".N", a.N, "must be at least 2")
	}
	return nil
}

// MorrisPPC2 returns Morris's (2008) d_ppc2 for a pretest–posttest–control
// design: the difference between the arms' mean changes divided by the
// pooled pre-test SD,
//
//	d = c_p [(M_post,E − M_pre,E) − (M_post,C − M_pre,C)] / SD_pre,
//	c_p = J(nE + nC − 2),
//
// with the sampling variance of Morris (2008, eq. 25), the population effect
// replaced by its estimate:
//
//	V = 2 c_p² (1 − ρ) (nE + nC)/(nE nC) · (nE + nC − 2)/(nE + nC − 4)
//	    · [1 + d² / (2 (1 − ρ) (nE + nC)/(nE nC))] − d².
//
// r is the pre–post correlation ρ, assumed common to the arms. It is
// required: papers rarely report it and it cannot be recovered from the
// summaries (back-solving it, as esc's esc_mean_gain does, gives r ≤ −1), so
// take it from the trial's data or a stated assumption. c_p is the exact
// small-sample correction J (Hedges 1981, see J), with which d reproduces
// Morris's (2008) Table 5 to its four printed decimals (the approximation
// 1 − 3/(4(N − 2) − 1) does not). The interval is Wald (z). Morris
// recommends d_ppc2 over the
// difference of per-arm standardized changes (BeckerPPC) because the pooled
// pre-test SD is estimated more precisely and is unaffected by the
// intervention.
//
// The treatment needs nE + nC ≥ 5 (the variance has nE + nC − 4 in the
// denominator).
func MorrisPPC2(treat, control PrePostArm, r float64, o *Options) (Estimate, error) {
	if err := o.unused("MorrisPPC2", useCI); err != nil {
		return Estimate{}, err
	}
	level, err := o.level()
	if err != nil {
		return Estimate{}, err
	}
	if err := treat.validate("treat"); err != nil {
		return Estimate{}, err
	}
	if err := control.validate("control"); err != nil {
		return Estimate{}, err
	}
	if err := designCheckCorrelation("r", r); err != nil {
		return Estimate{}, err
	}
	if treat.N+control.N < 5 {
		return Estimate{}, fieldErr("treat.N+control.N", treat.N+control.N, "must be at least 5")
	}
	if o != nil && o.CI != DefaultCI && o.CI != Wald {
		return Estimate{}, fieldErr("Options.CI", o.CI, "d_ppc2 supports only the Wald interval")
	}
	nE, nC := float64(treat.N), float64(control.N)
	N := nE + nC
	sdPre := designPooledSD(treat.PreSD, nE-1, control.PreSD, nC-1)
	cp := J(N - 2)
	d := cp * ((treat.PostMean - treat.PreMean) - (control.PostMean - control.PreMean)) / sdPre
	h := N / (nE * nC)
	v := 2*cp*cp*(1-r)*h*((N-2)/(N-4))*(1+d*d/(2*(1-r)*h)) - d*d
	return designCheckResult(designWald(MeasureDppc, d, v, level))
}

// BeckerPPC returns the pretest–posttest–control effect as the difference
// of the arms' standardized mean changes (Becker 1988), g_E − g_C, where
// each arm's change is standardized by its own pre-test SD and corrected by
// the exact J on n − 1 degrees of freedom,
//
//	g = J(n − 1) (M_post − M_pre) / SD_pre,  v = 2(1 − r)/n + g²/(2n)
//
// (metafor escalc measure "SMCR", vtype "LS"), and the variance is
// v_E + v_C. rTreat and rControl are the pre–post correlations of the two
// arms; both are required (see MorrisPPC2). The interval is Wald (z). The
// estimate's Measure is MeasureDBecker. Each arm needs n ≥ 3.
func BeckerPPC(treat, control PrePostArm, rTreat, rControl float64, o *Options) (Estimate, error) {
	if err := o.unused("BeckerPPC", useCI); err != nil {
		return Estimate{}, err
	}
	level, err := o.level()
	if err != nil {
		return Estimate{}, err
	}
	if err := treat.validate("treat"); err != nil {
		return Estimate{}, err
	}
	if err := control.validate("control"); err != nil {
		return Estimate{}, err
	}
	for _, a := range []struct {
		name string
		n    int
	}{{"treat.N", treat.N}, {"control.N", control.N}} {
		if a.n < 3 {
			return Estimate{}, fieldErr(a.name, a.n, "must be at least 3: each arm's change is corrected by J(n − 1), which needs n − 1 > 1 degrees of freedom")
		}
	}
	if err := designCheckCorrelation("rTreat", rTreat); err != nil {
		return Estimate{}, err
	}
	if err := designCheckCorrelation("rControl", rControl); err != nil {
		return Estimate{}, err
	}
	if o != nil && o.CI != DefaultCI && o.CI != Wald {
		return Estimate{}, fieldErr("Options.CI", o.CI, "the Becker difference supports only the Wald interval")
	}
	gE, vE := beckerChange(treat, rTreat)
	gC, vC := beckerChange(control, rControl)
	return designCheckResult(designWald(MeasureDBecker, gE-gC, vE+vC, level))
}

// beckerChange is one arm's standardized mean change and its variance.
func beckerChange(a PrePostArm, r float64) (g, v float64) {
	n := float64(a.N)
	g = J(n-1) * (a.PostMean - a.PreMean) / a.PreSD
	return g, 2*(1-r)/n + g*g/(2*n)
}
