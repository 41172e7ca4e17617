package meta

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/tiesproject/ties/effect"
)

// String prints the pooled result as a paper reports it: the pooled
// estimate with its confidence interval, the heterogeneity and the number
// of studies, e.g. "g = −0.34 (95% CI −0.53 to −0.16), τ² = 0.0074,
// I² = 14.0%, k = 6". Ratio measures are exponentiated
// ("OR = 1.85 (95% CI ...)"; τ² stays on the log scale); a fixed-effect
// pool says so instead of giving τ².
func (r Result) String() string {
	e := r.Estimate
	sym, exp := symbol(e.Measure)
	v, lo, hi := e.Value, e.CI.Lower, e.CI.Upper
	if exp {
		v, lo, hi = math.Exp(v), math.Exp(lo), math.Exp(hi)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s = %s (%s%% CI %s to %s)", sym, num(v), levelText(e.CI.Level), num(lo), num(hi))
	if r.Method == FixedEffect {
		b.WriteString(", fixed effect")
	} else {
		fmt.Fprintf(&b, ", τ² = %s", small(r.Tau2))
	}
	fmt.Fprintf(&b, ", I² = %.1f%%, k = %d", r.I2, r.K)
	return b.String()
}

// symbols are the printed names of the measures, as a paper prints them
// (the same as effect's; once effect.Estimate has its own String,
// Result.String can print r.Estimate through it).
var symbols = map[effect.Measure]string{
	effect.MeasureUnknown:   "estimate",
	effect.MeasureD:         "d",
	effect.MeasureG:         "g",
	effect.MeasureGlass:     "Δ",
	effect.MeasureSMDH:      "d_H",
	effect.MeasureDz:        "d_z",
	effect.MeasureDrm:       "d_rm",
	effect.MeasureDav:       "d_av",
	effect.MeasureDBecker:   "d_Becker",
	effect.MeasureDppc:      "d_ppc2",
	effect.MeasureDAdjusted: "d_adj",
	effect.MeasureDCluster:  "d_T",
	effect.MeasureMD:        "MD",
	effect.MeasureR:         "r",
	effect.MeasureLogOR:     "OR",
	effect.MeasureLogRR:     "RR",
	effect.MeasureRD:        "RD",
	effect.MeasureDW:        "d_W",
	effect.MeasureZ:         "z_r",
}

// symbol is the measure's symbol in reports and whether its values are
// logarithms to exponentiate.
func symbol(m effect.Measure) (string, bool) {
	s, ok := symbols[m]
	if !ok {
		s = m.String()
	}
	return s, m == effect.MeasureLogOR || m == effect.MeasureLogRR
}

// num prints x with two decimals and a Unicode minus sign, as journals
// print; a value rounding to zero has no sign.
func num(x float64) string {
	s := fmt.Sprintf("%.2f", x)
	if s == "-0.00" {
		s = "0.00"
	}
	return strings.Replace(s, "-", "−", 1)
}

// levelText prints a level as a percentage: 0.95 as 95, 0.975 as 97.5.
func levelText(level float64) string {
	return strconv.FormatFloat(math.Round(level*1e6)/1e4, 'f', -1, 64)
}

// small prints a variance such as τ² with two significant digits below
// 0.1 (0.0074) and two decimals above.
func small(x float64) string {
	if x != 0 && math.Abs(x) < 0.1 {
		return strings.Replace(fmt.Sprintf("%.2g", x), "-", "−", 1)
	}
	return num(x)
}
