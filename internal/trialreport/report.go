package trialreport

import (
	"encoding/csv"
	"fmt"
	"github.com/tiesproject/ties/internal/numfmt"
	"io"
	"math"
	"strconv"
	"strings"
)

func f2(x float64) string { return fmtNum(x, 2) }
func f3(x float64) string { return fmtNum(x, 3) }

// fmtNum formats x with d decimals, a true minus sign, and "NA" for NaN.
func fmtNum(x float64, d int) string {
	if math.IsNaN(x) {
		return "NA"
	}
	return numfmt.Fixed(x, d)
}

func ci(lo, hi float64, d int) string { return fmtNum(lo, d) + " to " + fmtNum(hi, d) }

func pval(p float64) string {
	if p < 0.001 {
		return "<0.001"
	}
	return fmtNum(p, 3)
}

func armName(treated bool) string {
	if treated {
		return "Intervention"
	}
	return "Usual care"
}

// writeMarkdown writes the trial report.
func (r *Result) writeMarkdown(w io.Writer, c Config) error {
	tr := r.Trial
	b := &strings.Builder{}
	pf := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	pct := fmt.Sprintf("%.4g%%", 100*c.Level)

	pf("# Example trial report: supported socialisation versus usual care\n\n")
	pf("Simulated cluster-randomized trial (data in `%s`, made by `internal/exampledata`). ", c.In)
	pf("Produced by `go run ./internal/cmd/example`; every number below comes from the ties packages.\n\n")

	pf("## Participants and data quality\n\n")
	teams := map[bool]map[string]bool{true: {}, false: {}}
	nArm := map[bool]int{}
	for _, p := range tr.Participants {
		teams[p.Treated][p.Team] = true
		nArm[p.Treated]++
	}
	pf("| Arm | Care teams | Randomized |\n|---|---:|---:|\n")
	for _, t := range []bool{true, false} {
		pf("| %s | %d | %d |\n", armName(t), len(teams[t]), nArm[t])
	}
	pf("\n%d visits were scored on %d instruments. ", tr.Visits, len(tr.Instruments))
	pf("Totals follow the published keys without proration: a visit with a blank item has no total for that instrument ")
	var miss []string
	for k, in := range tr.Instruments {
		miss = append(miss, fmt.Sprintf("%s %d", in.ID, tr.MissingItems[k]))
	}
	pf("(visits without a total because of blank items: %s).\n\n", strings.Join(miss, ", "))
	pf("**Invalid item codes (%d).** These cells hold codes the published key does not allow; the visit has no total for that instrument, and nothing was clamped or recoded.\n\n", len(tr.Invalid))
	if len(tr.Invalid) > 0 {
		pf("| Line | Participant | Month | Instrument | Column | Value | Problem |\n|---:|---|---:|---|---|---|---|\n")
		for _, x := range tr.Invalid {
			pf("| %d | %s | %d | %s | %s | `%s` | %s |\n", x.Line, x.Participant, x.Month, x.Instrument, x.Column, x.Value, strings.ReplaceAll(x.Err.Error(), "|", "\\|"))
		}
		pf("\n")
	}

	r.writePopulation(pf, c)

	pf("## Outcomes by arm and visit\n\n")
	for k, in := range tr.Instruments {
		pf("### %s (`%s`; %s)\n\n", in.Name, in.ID, in.HigherMeans)
		pf("| Month | Intervention n | Mean (SD) | %s CI | Usual care n | Mean (SD) | %s CI |\n|---:|---:|---|---|---:|---|---|\n", pct, pct)
		d := r.Description[k]
		for i := 0; i+1 < len(d); i += 2 {
			t, u := d[i], d[i+1]
			pf("| %d | %d | %s (%s) | %s | %d | %s (%s) | %s |\n", t.Month,
				t.N, f2(t.Mean), f2(t.SD), ci(t.CI.Lower, t.CI.Upper, 2),
				u.N, f2(u.Mean), f2(u.SD), ci(u.CI.Lower, u.CI.Upper, 2))
		}
		pf("\n![%s trajectory](trajectory-%s.png)\n\n", in.ID, in.ID)
	}

	r.writeMMRM(pf, c)

	pf("## Sensitivity analysis: complete-case ANCOVA at each follow-up\n\n")
	pf("Each visit analysed on its own: ANCOVA of the follow-up total on arm and baseline total, intervention minus usual care, ")
	pf("over the participants with both totals (complete cases; valid if missingness depends only on the baseline total, a stronger assumption than the mixed model's MAR). ")
	pf("Randomization was by care team: the cluster-adjusted interval inflates the standard error by the design effect ")
	pf("(baseline ICC within teams, truncated at 0) and uses t on (teams − 2) df. ")
	pf("d is the adjusted difference over the pooled follow-up SD, with the cluster-adjusted variance; ")
	pf("d_T is Hedges' (2007) cluster-trial d of the unadjusted means, standardized by the total SD.\n\n")
	pf("| Instrument | Baseline ICC |\n|---|---:|\n")
	for k, in := range tr.Instruments {
		pf("| %s | %s |\n", in.ID, f3(r.ICC[k]))
	}
	pf("\n| Instrument | Month | n (I / UC) | Missing outcome | Adjusted difference (%s CI) | p | Cluster-adjusted %s CI | p | DEFF | d (%s CI) | d_T (%s CI) |\n", pct, pct, pct, pct)
	pf("|---|---:|---|---:|---|---:|---|---:|---:|---|---|\n")
	for _, a := range r.Adjusted {
		x := a.ANCOVA
		pf("| %s | %d | %d / %d | %d | %s (%s) | %s | %s | %s | %s | %s (%s) | %s (%s) |\n",
			a.Instrument, a.Month, x.NTreat, x.NControl, x.MissingOutcome,
			f2(x.Difference), ci(x.CI.Lower, x.CI.Upper, 2), pval(x.P),
			ci(a.ClusterCI.Lower, a.ClusterCI.Upper, 2), pval(a.ClusterP), f2(a.DEFF),
			f2(a.D.Value), ci(a.D.CI.Lower, a.D.CI.Upper, 2),
			f2(a.DT.Value), ci(a.DT.CI.Lower, a.DT.CI.Upper, 2))
	}
	pf("\nNegative differences favour the intervention on the loneliness scales (higher = lonelier); positive ones on LSNS-6 (higher = larger network). ")
	pf("The forest plot turns every effect so that positive favours the intervention.\n\n")
	pf("![Standardized adjusted effects](forest.png)\n\n")

	r.writeNetworks(pf, c)

	rs := r.Responders
	pf("## Responder analysis: %q on %s at %d months\n\n", rs.Band, rs.Instrument, rs.Month)
	t := rs.Table
	pf("| Arm | %s | Analysed | %% |\n|---|---:|---:|---:|\n", rs.Band)
	pf("| Intervention | %d | %d | %s |\n", t.TreatEvents, t.TreatN, fmtNum(100*float64(t.TreatEvents)/float64(t.TreatN), 1))
	pf("| Usual care | %d | %d | %s |\n\n", t.ControlEvents, t.ControlN, fmtNum(100*float64(t.ControlEvents)/float64(t.ControlN), 1))
	pf("Responder: %s (the published band %q), at %d months. Analysed: the participants with a %s total at %d months (complete cases; %d intervention and %d usual care participants without one are not analysed).\n\n",
		rs.Cutoff, rs.Band, rs.Month, rs.Instrument, rs.Month, rs.NoTotal[0], rs.NoTotal[1])
	pf("- Odds ratio %s (%s CI %s), crude, Wald on the log scale\n", f2(math.Exp(rs.LogOR.Value)), pct, ci(math.Exp(rs.LogOR.CI.Lower), math.Exp(rs.LogOR.CI.Upper), 2))
	pf("- Odds ratio adjusted for the baseline %s total %s (%s CI %s), logistic regression, n = %d (%d without a baseline total left out)\n",
		rs.Instrument, f2(math.Exp(rs.Adjusted.OR.Value)), pct, ci(math.Exp(rs.Adjusted.OR.CI.Lower), math.Exp(rs.Adjusted.OR.CI.Upper), 2), rs.Adjusted.N, rs.AdjustedNoBaseline)
	pf("- Risk ratio %s (%s CI %s)\n", f2(math.Exp(rs.LogRR.Value)), pct, ci(math.Exp(rs.LogRR.CI.Lower), math.Exp(rs.LogRR.CI.Upper), 2))
	pf("- Risk difference %s (%s CI %s, Newcombe hybrid score)\n", f3(rs.RD.Value), pct, ci(rs.RD.CI.Lower, rs.RD.CI.Upper, 3))
	pf("- Number needed to treat: %s (Altman's convention)\n\n", rs.NNT.String())
	pf("These binary comparisons are not adjusted for clustering; with a design effect near %s their intervals would widen by about %s%%.\n\n",
		f2(r.deffFor(rs.Instrument, rs.Month)), fmtNum(100*(math.Sqrt(r.deffFor(rs.Instrument, rs.Month))-1), 0))

	bs := r.Bootstrap
	pf("## Cluster bootstrap\n\n")
	pf("Care teams resampled within arm (B = %d, seed %d), ANCOVA refitted on each resample: the %s adjusted difference at %d months is %s, ",
		len(bs.Result.Replicates), c.Seed, bs.Instrument, bs.Month, f2(bs.Result.Estimate))
	pf("bootstrap SE %s, BCa %s CI %s (percentile %s). ", f3(bs.Result.SE), pct,
		ci(bs.Result.BCa.Lower, bs.Result.BCa.Upper, 2), ci(bs.Result.Percentile.Lower, bs.Result.Percentile.Upper, 2))
	if a, ok := r.adjustedFor(bs.Instrument, bs.Month); ok {
		pf("Compare the design-effect interval %s and the model SE inflated by √DEFF, %s.\n\n", ci(a.ClusterCI.Lower, a.ClusterCI.Upper, 2), f3(a.ClusterSE))
	}
	pf("With only %d care teams per arm, the bootstrap resamples few clusters and is itself imprecise: ", r.teamsPerArm())
	pf("read it as a check that the model-based interval is not grossly too narrow, not as a better interval.\n\n")

	r.writeSensitivityMI(pf, c)

	pf("## Methods and references\n\n")
	pf("- Scoring: measures package, published keys (Hughes et al. 2004; de Jong Gierveld & van Tilburg 2006; Lubben et al. 2006).\n")
	pf("- ANCOVA by least squares (QR), checked against R `lm`; standardized effects and Hedges (2007) d_T from the effect package.\n")
	pf("- ICC: one-way ANOVA estimator for unequal cluster sizes (Donner 1986); design effect 1 + (Σm²/Σm − 1)·ICC (Kish 1965; Eldridge et al. 2006).\n")
	pf("- Binary outcomes: Woolf log odds ratio, log risk ratio, Newcombe (1998) interval, NNT per Altman (1998).\n")
	pf("- Bootstrap: BCa (Efron 1987) with a jackknife over teams (Davison & Hinkley 1997).\n")
	pf("- Mixed model for repeated measures: REML, unstructured covariance, Kenward & Roger (1997) degrees of freedom (effect/mmrm, checked against SAS PROC MIXED and R); CR2 cluster-robust covariance (Bell & McCaffrey 2002).\n")
	pf("- Reference-based sensitivity analysis: conditional mean imputation with a jackknife (Wolbers et al. 2022), jump to reference (Carpenter, Roger & Kenward 2013), tipping point (Ratitch, O'Kelly & Tosiello 2013).\n")
	pf("- Baseline-adjusted odds ratio: logistic regression by maximum likelihood, Wald interval.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Result) adjustedFor(instrument string, month int) (Adjusted, bool) {
	for _, a := range r.Adjusted {
		if a.Instrument == instrument && a.Month == month {
			return a, true
		}
	}
	return Adjusted{}, false
}

func (r *Result) deffFor(instrument string, month int) float64 {
	a, _ := r.adjustedFor(instrument, month)
	return a.DEFF
}

// writeCSV writes the key numbers in long form (quantity, instrument,
// month, arm, value) for scripts and tests.
func (r *Result) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"quantity", "instrument", "month", "arm", "value"})
	num := func(x float64) string { return strconv.FormatFloat(x, 'g', 17, 64) }
	put := func(q, in string, month int, arm string, x float64) {
		cw.Write([]string{q, in, strconv.Itoa(month), arm, num(x)})
	}
	tr := r.Trial
	put("invalid_cells", "", -1, "", float64(len(tr.Invalid)))
	for k, in := range tr.Instruments {
		for _, a := range r.Description[k] {
			arm := "usual care"
			if a.Treated {
				arm = "intervention"
			}
			put("n", in.ID, a.Month, arm, float64(a.N))
			put("mean", in.ID, a.Month, arm, a.Mean)
			put("sd", in.ID, a.Month, arm, a.SD)
		}
		put("icc_baseline", in.ID, 0, "", r.ICC[k])
	}
	for _, a := range r.Adjusted {
		put("adjusted_difference", a.Instrument, a.Month, "", a.ANCOVA.Difference)
		put("adjusted_se", a.Instrument, a.Month, "", a.ANCOVA.SE)
		put("adjusted_p", a.Instrument, a.Month, "", a.ANCOVA.P)
		put("missing_outcome", a.Instrument, a.Month, "", float64(a.ANCOVA.MissingOutcome))
		put("deff", a.Instrument, a.Month, "", a.DEFF)
		put("cluster_ci_lower", a.Instrument, a.Month, "", a.ClusterCI.Lower)
		put("cluster_ci_upper", a.Instrument, a.Month, "", a.ClusterCI.Upper)
		put("d_adjusted", a.Instrument, a.Month, "", a.D.Value)
		put("d_T", a.Instrument, a.Month, "", a.DT.Value)
	}
	for _, a := range r.MMRM {
		put("mmrm_loglik", a.Instrument, -1, "", a.Primary.LogLik)
		put("mmrm_subjects", a.Instrument, -1, "", float64(a.Primary.NSubjects))
		for _, d := range a.Primary.Differences {
			m, _ := strconv.Atoi(d.Visit)
			put("mmrm_difference", a.Instrument, m, "", d.Estimate)
			put("mmrm_se", a.Instrument, m, "", d.SE)
			put("mmrm_df_kr", a.Instrument, m, "", d.DF)
		}
	}
	if s := r.Sensitivity; s.JR != nil {
		put("jr_difference", s.Instrument, s.Month, "", lastVisit(s.JR).Difference.Estimate)
		put("jr_se", s.Instrument, s.Month, "", lastVisit(s.JR).Difference.SE)
		put("tipping_delta", s.Instrument, s.Month, "", s.Tip.Delta)
	}
	rs := r.Responders
	put("adjusted_log_or", rs.Instrument, rs.Month, "", rs.Adjusted.OR.Value)
	put("responders_intervention", rs.Instrument, rs.Month, "", float64(rs.Table.TreatEvents))
	put("responders_usual_care", rs.Instrument, rs.Month, "", float64(rs.Table.ControlEvents))
	put("risk_difference", rs.Instrument, rs.Month, "", rs.RD.Value)
	put("bootstrap_bca_lower", r.Bootstrap.Instrument, r.Bootstrap.Month, "", r.Bootstrap.Result.BCa.Lower)
	put("bootstrap_bca_upper", r.Bootstrap.Instrument, r.Bootstrap.Month, "", r.Bootstrap.Result.BCa.Upper)
	cw.Flush()
	return cw.Error()
}
