package effect

import (
	"fmt"
	"github.com/tiesproject/ties/internal/numfmt"
	"math"
	"strconv"
	"strings"
)

// Printing results as a paper does: a symbol, the value to two decimals,
// the interval with its level, a Unicode minus sign (U+2212) and "to"
// between the limits, so that a negative limit is never confused with a
// range dash (APA 7th ed., §6.44; Altman et al. 2000, Statistics with
// Confidence). Ratio measures, which the package keeps on the log scale,
// are printed exponentiated.

// symbols are the printed names of the measures.
var symbols = [...]string{
	MeasureUnknown:   "estimate",
	MeasureD:         "d",
	MeasureG:         "g",
	MeasureGlass:     "Δ",
	MeasureSMDH:      "d_H",
	MeasureDz:        "d_z",
	MeasureDrm:       "d_rm",
	MeasureDav:       "d_av",
	MeasureDBecker:   "d_Becker",
	MeasureDppc:      "d_ppc2",
	MeasureDAdjusted: "d_adj",
	MeasureDCluster:  "d_T",
	MeasureMD:        "MD",
	MeasureR:         "r",
	MeasureLogOR:     "OR",
	MeasureLogRR:     "RR",
	MeasureRD:        "RD",
	MeasureDW:        "d_W",
	MeasureZ:         "z_r",
}

// Symbol returns the symbol a paper prints for the measure: "g" for
// Hedges' g, "OR" for the (exponentiated) log odds ratio.
func (m Measure) Symbol() string {
	if m < 0 || int(m) >= len(symbols) || symbols[m] == "" {
		return m.String()
	}
	return symbols[m]
}

// ratio reports whether the measure is a log ratio, printed exponentiated.
func (m Measure) ratio() bool { return m == MeasureLogOR || m == MeasureLogRR }

// num formats x to dec decimals with a Unicode minus sign.
func num(x float64, dec int) string { return numfmt.Fixed(x, dec) }

// levelText returns "95%" for 0.95, "97.5%" for 0.975.
func levelText(level float64) string {
	return strconv.FormatFloat(math.Round(level*1e6)/1e4, 'f', -1, 64) + "%"
}

// String formats the interval as "95% CI −0.87 to −0.05".
func (iv Interval) String() string {
	return fmt.Sprintf("%s CI %s to %s", levelText(iv.Level), num(iv.Lower, 2), num(iv.Upper, 2))
}

// String prints the estimate as a paper does, to two decimals:
// "g = −0.46 (95% CI −0.87 to −0.05)", ratio measures exponentiated
// ("OR = 1.85 (95% CI 1.10 to 3.12)"). An estimate without an interval
// (CI.Level 0) prints the value alone.
func (e Estimate) String() string {
	v, lo, hi := e.Value, e.CI.Lower, e.CI.Upper
	if e.Measure.ratio() {
		v, lo, hi = math.Exp(v), math.Exp(lo), math.Exp(hi)
	}
	s := e.Measure.Symbol() + " = " + num(v, 2)
	if e.CI.Level == 0 {
		return s
	}
	return fmt.Sprintf("%s (%s CI %s to %s)", s, levelText(e.CI.Level), num(lo, 2), num(hi, 2))
}

// String prints the adjusted difference as a results table does:
// "adjusted difference = −2.94 (95% CI −5.93 to 0.06), t(116) = −1.94,
// p = 0.054".
func (r ANCOVAResult) String() string {
	return fmt.Sprintf("adjusted difference = %s (%s), t(%g) = %s, p %s",
		num(r.Difference, 2), r.CI, r.DF, num(r.T, 2), pText(r.P))
}

// pText prints a p value as "= 0.054" or "< 0.001".
func pText(p float64) string {
	if p < 0.001 {
		return "< 0.001"
	}
	return "= " + strconv.FormatFloat(p, 'f', 3, 64)
}

// String prints the coefficient as "baseline = 0.54 (SE 0.08), t = 7.04,
// p < 0.001".
func (c Coefficient) String() string {
	return fmt.Sprintf("%s = %s (SE %s), t = %s, p %s", c.Name, num(c.Estimate, 2), num(c.SE, 2), num(c.T, 2), pText(c.P))
}

// String prints both estimates: "d_adj = −0.33 (95% CI −0.66 to 0.00);
// g_adj = −0.33 (95% CI −0.65 to 0.00)".
func (a AdjustedSMD) String() string {
	g := a.G.String()
	if strings.HasPrefix(g, "d_adj") {
		g = "g_adj" + g[len("d_adj"):]
	}
	return a.D.String() + "; " + g
}

// String prints the bootstrap result with its BCa interval first:
// "0.45, bootstrap SE 0.21, BCa 95% CI 0.05 to 0.86, percentile 95% CI
// 0.04 to 0.85 (B = 2000)".
func (r BootstrapResult) String() string {
	s := fmt.Sprintf("%s, bootstrap SE %s, BCa %s, percentile %s", num(r.Estimate, 2), num(r.SE, 2), r.BCa, r.Percentile)
	if r.HasStudentized {
		s += ", studentized " + r.Studentized.String()
	}
	return s + fmt.Sprintf(" (B = %d)", len(r.Replicates))
}

// String prints "ICC = 0.05 (12 clusters, N = 240, n0 = 20.0)".
func (e ICCEstimate) String() string {
	return fmt.Sprintf("ICC = %s (%d clusters, N = %d, n0 = %.1f)", num(e.ICC, 3), e.Clusters, e.N, e.N0)
}

// String prints the adjusted odds ratio as a paper does: "adjusted OR =
// 2.25 (95% CI 0.06 to 77.91), z = 0.45, p = 0.655; n = 15 (1 left out)".
func (r LogisticResult) String() string {
	return fmt.Sprintf("adjusted %s, z = %s, p %s; n = %d (%d left out)", r.OR, num(r.Z, 2), pText(r.P), r.N, r.MissingOutcome)
}
