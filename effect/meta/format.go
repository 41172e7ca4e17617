package meta

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// String prints the pooled result as a paper reports it: the pooled
// estimate with its confidence interval, the heterogeneity and the number
// of studies, e.g. "g = −0.34 (95% CI −0.53 to −0.16), τ² = 0.0074,
// I² = 14.0%, k = 6". Ratio measures are exponentiated
// ("OR = 1.85 (95% CI ...)"; τ² stays on the log scale); a fixed-effect
// pool says so instead of giving τ².
//
// The estimate is printed by effect.Estimate.String, so a pooled result and
// a single study's estimate use the same symbols and number format.
func (r Result) String() string {
	var b strings.Builder
	b.WriteString(r.Estimate.String())
	if r.Method == FixedEffect {
		b.WriteString(", fixed effect")
	} else {
		fmt.Fprintf(&b, ", τ² = %s", small(r.Tau2))
	}
	fmt.Fprintf(&b, ", I² = %.1f%%, k = %d", r.I2, r.K)
	return b.String()
}

// small prints a variance such as τ² with two significant digits below
// 0.1 (0.0074) and two decimals above.
func small(x float64) string {
	var t string
	if x != 0 && math.Abs(x) < 0.1 {
		t = strconv.FormatFloat(x, 'g', 2, 64)
	} else {
		t = strconv.FormatFloat(x, 'f', 2, 64)
	}
	return strings.Replace(t, "-", "−", 1)
}
