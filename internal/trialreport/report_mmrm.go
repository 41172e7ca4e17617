package trialreport

import (
	"fmt"
	"math"
	"strings"
)

// primaryOutcome names the primary outcome and time point of the example
// trial; everything else is secondary.
func (r *Result) primaryOutcome() (id string, month int) {
	return r.Trial.Instruments[0].ID, r.Trial.Months[len(r.Trial.Months)-1]
}

func (r *Result) teamsPerArm() int {
	teams := map[string]bool{}
	for _, p := range r.Trial.Participants {
		if p.Treated {
			teams[p.Team] = true
		}
	}
	return len(teams)
}

// writePopulation says what the primary outcome is and who each analysis
// uses.
func (r *Result) writePopulation(pf func(string, ...any), c Config) {
	tr := r.Trial
	id, month := r.primaryOutcome()
	pf("## Outcomes and analysis populations\n\n")
	pf("**Primary outcome:** %s total at %d months, analysed by the mixed model for repeated measures below. ", id, month)
	pf("The other instruments, and %s at the earlier visits, are secondary outcomes; the per-visit ANCOVA, the cluster bootstrap and the reference-based analysis are sensitivity analyses.\n\n", id)
	pf("| Instrument | Arm | Randomized | No baseline total | Baseline but no follow-up total | In the mixed model |")
	for _, m := range tr.Months[1:] {
		pf(" Assessed at %d months |", m)
	}
	pf("\n|---|---|---:|---:|---:|---:|")
	for range tr.Months[1:] {
		pf("---:|")
	}
	pf("\n")
	for _, p := range r.Population {
		for a, arm := range []string{"Intervention", "Usual care"} {
			pf("| %s | %s | %d | %d | %d | %d |", p.Instrument, arm, p.Randomized[a], p.NoBaseline[a], p.NoFollowUp[a], p.Analysed[a])
			for v := 1; v < len(tr.Months); v++ {
				pf(" %d (%s%%) |", p.Assessed[v][a], fmtNum(100*float64(p.Assessed[v][a])/float64(p.Randomized[a]), 0))
			}
			pf("\n")
		}
	}
	pf("\nParticipants without a baseline total cannot enter any baseline-adjusted analysis and are left out of all of them; ")
	pf("those with a baseline but no follow-up total contribute nothing to the mixed model (they are imputed only in the reference-based analysis). ")
	pf("The mixed model uses every follow-up total of the others and is valid if missing totals are missing at random given the observed ones (MAR); ")
	pf("the per-visit ANCOVA uses complete cases only. ")
	pf("The lists below give the mixed model's own reason; a participant with neither a baseline nor a follow-up total is listed there under \"no post-baseline outcome\" and counted in the table under \"no baseline total\".\n\n")
	for k, m := range r.MMRM {
		byReason := map[string][]string{}
		var reasons []string
		for _, e := range m.Primary.Excluded {
			if byReason[e.Reason] == nil {
				reasons = append(reasons, e.Reason)
			}
			byReason[e.Reason] = append(byReason[e.Reason], e.Subject)
		}
		for _, why := range reasons {
			ids := byReason[why]
			pf("Left out of the %s mixed model, %s (%d): %s.\n\n", tr.Instruments[k].ID, why, len(ids), strings.Join(ids, ", "))
		}
	}
}

// writeMMRM writes the primary analysis.
func (r *Result) writeMMRM(pf func(string, ...any), c Config) {
	tr := r.Trial
	pct := fmt.Sprintf("%.4g%%", 100*c.Level)
	id, month := r.primaryOutcome()
	pf("## Primary analysis: mixed model for repeated measures\n\n")
	pf("All follow-up totals of an instrument in one model: arm × visit and baseline total × visit, an unstructured covariance over the %d follow-up visits, REML, ", len(tr.Months)-1)
	pf("Kenward–Roger degrees of freedom; intervention minus usual care at each visit as a difference of least-squares means (at the mean baseline). ")
	pf("Valid under MAR. As a sensitivity analysis for the cluster randomization, the last columns give the interval with the bias-reduced cluster-robust (CR2) covariance by care team (%d teams).\n\n", 2*r.teamsPerArm())
	pf("| Instrument | Month | LS mean I (%s CI) | LS mean UC (%s CI) | Difference (%s CI) | df | p | Standardized (%s CI) | CR2 by team %s CI | p |\n", pct, pct, pct, pct, pct)
	pf("|---|---:|---|---|---|---:|---:|---|---|---:|\n")
	for _, a := range r.MMRM {
		for _, m := range tr.Months[1:] {
			d, _ := a.difference(a.Primary, m)
			d2, _ := a.difference(a.CR2, m)
			li, _ := a.lsMean(armIntervention, m)
			lu, _ := a.lsMean(armUsualCare, m)
			mark := ""
			if a.Instrument == id && m == month {
				mark = " **(primary)**"
			}
			pf("| %s%s | %d | %s (%s) | %s (%s) | %s (%s) | %s | %s | %s (%s) | %s | %s |\n", a.Instrument, mark, m,
				f2(li.Estimate), ci(li.CI.Lower, li.CI.Upper, 2), f2(lu.Estimate), ci(lu.CI.Lower, lu.CI.Upper, 2),
				f2(d.Estimate), ci(d.CI.Lower, d.CI.Upper, 2), fmtNum(d.DF, 1), pval(d.P),
				f2(d.SMDResidual.Value), ci(d.SMDResidual.CI.Lower, d.SMDResidual.CI.Upper, 2),
				ci(d2.CI.Lower, d2.CI.Upper, 2), pval(d2.P))
		}
	}
	pf("\nStandardized: the difference over the model's residual SD at that visit (Wald interval). ")
	pf("Negative differences favour the intervention on UCLA-3 and DJG-6 (higher = lonelier), positive ones on LSNS-6 (higher = larger network).\n\n")
	pf("| Instrument | Joint test | F | df | p |\n|---|---|---:|---|---:|\n")
	for _, a := range r.MMRM {
		for _, t := range a.Primary.Tests {
			pf("| %s | %s | %s | %s, %s | %s |\n", a.Instrument, t.Name, f2(t.F), fmtNum(t.NumDF, 0), fmtNum(t.DenDF, 1), pval(t.P))
		}
	}
	pf("\n")
	for _, a := range r.MMRM {
		pf("![%s, model-based means](trajectory-%s-mmrm.png)\n\n", a.Instrument, a.Instrument)
	}
	pf("*Model-based least-squares means with %s intervals from the mixed model (not the observed means, which are shown with each instrument above); the table under the axis counts the participants assessed at each visit.*\n\n", pct)
	for _, a := range r.MMRM {
		p := a.Primary
		pf("%s: %d participants, %d totals; −2 REML log-likelihood %s, AIC %s; converged in %d Newton steps (gradient norm %.1e).\n\n",
			a.Instrument, p.NSubjects, p.NObs, f2(-2*p.LogLik), f2(p.AIC), p.Iterations, p.GradientNorm)
	}
}

// writeSensitivityMI writes the reference-based analysis of the primary
// outcome and its tipping point.
func (r *Result) writeSensitivityMI(pf func(string, ...any), c Config) {
	s := r.Sensitivity
	if s.JR == nil {
		return
	}
	pct := fmt.Sprintf("%.4g%%", 100*c.Level)
	pf("## Sensitivity analysis: what if participants who left lost the intervention's benefit?\n\n")
	pf("%d intervention and %d usual care participants with a baseline %s total left before %d months. ", s.Events[0], s.Events[1], s.Instrument, s.Month)
	pf("Jump to reference: from the first visit they missed, the intervention leavers' %s totals are imputed as if they had received usual care ", s.Instrument)
	pf("(usual care leavers are imputed under MAR), by conditional mean imputation from the mixed model, ANCOVA on the completed data, and a jackknife over the %d participants with a baseline total ", len(s.JR.Subjects))
	pf("(participants, not care teams: these intervals ignore the clustering, whose design effect is about %s).\n\n", f2(r.deffFor(s.Instrument, s.Month)))
	jr, mar := lastVisit(s.JR), lastVisit(s.MAR)
	pf("| Assumption for leavers | Difference at %d months (%s CI) | SE | p |\n|---|---|---:|---:|\n", s.Month, pct)
	pf("| MAR (as the mixed model) | %s (%s) | %s | %s |\n", f2(mar.Difference.Estimate), ci(mar.Difference.CI.Lower, mar.Difference.CI.Upper, 2), f3(mar.Difference.SE), pval(mar.Difference.P))
	pf("| Jump to reference | %s (%s) | %s | %s |\n\n", f2(jr.Difference.Estimate), ci(jr.Difference.CI.Lower, jr.Difference.CI.Upper, 2), f3(jr.Difference.SE), pval(jr.Difference.P))
	pf("If the intervention participants who left lost its benefit at once, the %d-month difference would be %s rather than %s: ", s.Month, f2(jr.Difference.Estimate), f2(mar.Difference.Estimate))
	if jr.Difference.CI.Upper < 0 || jr.Difference.CI.Lower > 0 {
		pf("the conclusion holds under this assumption.\n\n")
	} else {
		pf("under this assumption the interval includes no difference.\n\n")
	}
	t := s.Tip
	switch {
	case !t.Found:
		pf("No shift of the imputed intervention outcomes moves the %d-month interval to include 0.\n\n", s.Month)
	case t.Delta == 0:
		pf("The %d-month interval includes 0 already without any shift, so there is no tipping point to report.\n\n", s.Month)
	default:
		pf("**Tipping point.** The imputed %s totals of the intervention leavers would have to be %s points %s than jump to reference predicts ",
			s.Instrument, f2(math.Abs(t.Delta)), map[bool]string{true: "higher", false: "lower"}[t.Delta > 0])
		pf("before the %s interval of the %d-month difference reached 0 (difference %s, %s CI %s there).\n\n",
			pct, s.Month, f2(t.AtTip.Estimate), pct, ci(t.AtTip.CI.Lower, t.AtTip.CI.Upper, 2))
		pf("![Tipping point](tipping-point.png)\n\n")
		pf("*The %d-month difference and its interval as the imputed totals of the intervention arm's leavers are made worse by δ points; the conclusion changes where the band reaches 0.*\n\n", s.Month)
	}
}
