package trialreport

import (
	"fmt"
	"strings"
)

// writeNetworks writes the secondary network outcomes.
func (r *Result) writeNetworks(pf func(string, ...any), c Config) {
	n := r.Networks
	if n == nil {
		return
	}
	pct := fmt.Sprintf("%.4g%%", 100*c.Level)
	pf("## Secondary outcomes: the participants' social networks\n\n")
	pf("At baseline and %d months participants named up to 10 people they talk to about things that matter (a name generator), ", n.Months[1])
	pf("with each person's role, whether kin, contact frequency and circle (inner, middle, outer), and which of them know each other. ")
	pf("Two secondary outcomes come from it (measures/network): **network size** (people named) and the **share of non-kin, non-professional contacts** among them (undefined for an empty network).\n\n")
	for v, d := range n.Data {
		when := fmt.Sprintf("%d months", n.Months[v])
		if n.Months[v] == 0 {
			when = "Baseline"
		}
		pf("**%s.** %d interviews read", when, len(d.Egos))
		if len(d.Rejected)+len(d.Cleaned) == 0 {
			pf("; no row rejected or cleaned.\n\n")
			continue
		}
		pf("; %d rows rejected and %d cleaned, each with its line in the file:\n\n", len(d.Rejected), len(d.Cleaned))
		for _, e := range d.Rejected {
			pf("- rejected: %s\n", strings.ReplaceAll(e.Error(), "|", "\\|"))
		}
		for _, e := range d.Cleaned {
			pf("- cleaned: %s\n", strings.ReplaceAll(e.Error(), "|", "\\|"))
		}
		if len(n.NotScored[v]) > 0 {
			pf("\nNot scored (a rejected row means the network is not the one the participant reported): %s.\n", strings.Join(n.NotScored[v], ", "))
		}
		pf("\n")
	}
	pf("| Outcome | Month | Intervention n | Mean (SD) | Usual care n | Mean (SD) |\n|---|---:|---:|---|---:|---|\n")
	for o, name := range []string{outcomeSize, outcomeShare} {
		d := n.Describe[o]
		for i := 0; i+1 < len(d); i += 2 {
			t, u := d[i], d[i+1]
			pf("| %s | %d | %d | %s (%s) | %d | %s (%s) |\n", name, t.Month, t.N, f2(t.Mean), f2(t.SD), u.N, f2(u.Mean), f2(u.SD))
		}
	}
	pf("\nAnalysed like the questionnaire outcomes: the mixed model with the baseline value (with one follow-up visit it is the baseline-adjusted ANCOVA), Kenward–Roger df, and the CR2 interval by care team; participants without a baseline or %d-month network are not analysed (MAR).\n\n", n.Months[1])
	pf("| Outcome | n | Difference at %d months (%s CI) | p | CR2 by team %s CI |\n|---|---:|---|---:|---|\n", n.Months[1], pct, pct)
	for _, a := range n.Analyses {
		d, _ := a.difference(a.Primary, n.Months[1])
		d2, _ := a.difference(a.CR2, n.Months[1])
		pf("| %s | %d | %s (%s) | %s | %s |\n", a.Instrument, a.Primary.NSubjects, f2(d.Estimate), ci(d.CI.Lower, d.CI.Upper, 2), pval(d.P), ci(d2.CI.Lower, d2.CI.Upper, 2))
	}
	pf("\nPositive differences mean the intervention arm named more people, or a larger share of non-kin, non-professional contacts.\n\n")
	pf("![Mean network size by arm](network-size.png)\n\n")
	if n.Shown != "" {
		pf("![The network of participant %s at baseline and 12 months](ego-network.png)\n\n", n.Shown)
		pf("*One participant's network, drawn as concentric circles (Antonucci 1986): the people named in the inner, middle and outer circle, coloured and shaped by role, with lines between people who know each other. Participant %s is the intervention participant whose network grew most.*\n\n", n.Shown)
	}
}
