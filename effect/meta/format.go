package meta

import (
	"fmt"
	"math"
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
	fmt.Fprintf(&b, "%s = %s (%s%% CI %s to %s)", sym, num(v), num(100*e.CI.Level), num(lo), num(hi))
	if r.Method == FixedEffect {
		b.WriteString(", fixed effect")
	} else {
		fmt.Fprintf(&b, ", τ² = %s", small(r.Tau2))
	}
	fmt.Fprintf(&b, ", I² = %.1f%%, k = %d", r.I2, r.K)
	return b.String()
}

// symbol is the measure's symbol in reports and whether its values are
// logarithms to exponentiate.
func symbol(m effect.Measure) (string, bool) {
	switch m {
	case effect.MeasureD:
		return "d", false
	case effect.MeasureG:
		return "g", false
	case effect.MeasureGlass:
		return "Δ", false
	case effect.MeasureMD:
		return "MD", false
	case effect.MeasureR:
		return "r", false
	case effect.MeasureZ:
		return "z", false
	case effect.MeasureRD:
		return "RD", false
	case effect.MeasureLogOR:
		return "OR", true
	case effect.MeasureLogRR:
		return "RR", true
	case effect.MeasureUnknown:
		return "estimate", false
	}
	return m.String(), false
}

// num prints x with two decimals and a Unicode minus sign, as journals
// print; 95 prints as 95 and 90 as 90.
func num(x float64) string {
	s := fmt.Sprintf("%.2f", x)
	if x == math.Trunc(x) && math.Abs(x) >= 10 {
		s = fmt.Sprintf("%.0f", x)
	}
	if s == "-0.00" {
		s = "0.00"
	}
	return strings.Replace(s, "-", "−", 1)
}

// small prints a variance such as τ² with two significant digits below
// 0.1 (0.0074) and two decimals above.
func small(x float64) string {
	if x != 0 && math.Abs(x) < 0.1 {
		return strings.Replace(fmt.Sprintf("%.2g", x), "-", "−", 1)
	}
	return num(x)
}
