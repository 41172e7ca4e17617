package mi

import (
	"fmt"
	"github.com/tiesproject/ties/internal/numfmt"
	"math"
	"strings"

	"github.com/tiesproject/ties/effect"
	"gonum.org/v1/gonum/stat/distuv"
)

// Alternative is the alternative hypothesis of the p value (and the side of
// a one-sided interval), for the null value 0.
type Alternative int

const (
	TwoSided Alternative = iota // θ ≠ 0: two-sided p and interval (the default)
	Less                        // θ < 0: p = P(T ≤ t), interval (−∞, upper]
	Greater                     // θ > 0: p = P(T ≥ t), interval [lower, ∞)
)

// String returns "two-sided", "less" or "greater".
func (a Alternative) String() string {
	switch a {
	case TwoSided:
		return "two-sided"
	case Less:
		return "less"
	case Greater:
		return "greater"
	}
	return fmt.Sprintf("Alternative(%d)", int(a))
}

// Options holds optional settings; nil means a 95% two-sided interval.
type Options struct {
	// Level is the confidence level in (0, 1); 0 means 0.95.
	Level float64
	// Alternative selects the p value's alternative and the interval's
	// sides; the zero value is TwoSided.
	Alternative Alternative
}

func (o *Options) resolve() (level float64, alt Alternative, err error) {
	level, alt = 0.95, TwoSided
	if o == nil {
		return level, alt, nil
	}
	if o.Level != 0 {
		if !(o.Level > 0 && o.Level < 1) {
			return 0, 0, fieldErr("Options.Level", o.Level, "must lie in (0, 1)")
		}
		level = o.Level
	}
	if o.Alternative < TwoSided || o.Alternative > Greater {
		return 0, 0, fieldErr("Options.Alternative", int(o.Alternative), "must be TwoSided, Less or Greater")
	}
	return level, o.Alternative, nil
}

// Method says how a Pooled result was combined.
type Method int

const (
	MethodRubin               Method = iota + 1 // Rubin's rules, Barnard–Rubin df
	MethodJackknife                             // leave-one-out jackknife, normal
	MethodBootstrapNormal                       // bootstrap SE, normal interval
	MethodBootstrapPercentile                   // bootstrap percentile interval
	MethodVonHippelBartlett                     // bootstrapped MI, von Hippel–Bartlett
)

// String names the method as a report would.
func (m Method) String() string {
	switch m {
	case MethodRubin:
		return "Rubin's rules (Barnard–Rubin df)"
	case MethodJackknife:
		return "jackknife"
	case MethodBootstrapNormal:
		return "bootstrap (normal)"
	case MethodBootstrapPercentile:
		return "bootstrap (percentile)"
	case MethodVonHippelBartlett:
		return "von Hippel–Bartlett"
	}
	return fmt.Sprintf("Method(%d)", int(m))
}

// Pooled is a combined estimate.
type Pooled struct {
	Method Method
	// Estimate is the pooled point estimate: the mean over imputations
	// (Rubin, von Hippel–Bartlett) or the estimate on the original data
	// (jackknife, bootstrap).
	Estimate float64
	// SE is its standard error; NaN for the percentile bootstrap, which
	// does not use one.
	SE float64
	// DF is the degrees of freedom of the t reference distribution;
	// +Inf means normal inference.
	DF float64
	// CI is the interval at Options.Level; a one-sided alternative gives an
	// infinite end.
	CI effect.Interval
	// P is the p value for the null value 0 under Options.Alternative.
	P float64
	// N is the number of results combined (imputations, leave-one-out
	// estimates or bootstrap replicates, without the original).
	N int

	// Rubin's components (NaN for the other methods): Within is the mean
	// squared standard error W, Between the between-imputation variance B,
	// Lambda = (1 + 1/M)B/T the proportion of the variance due to missing
	// data, RIV = (1 + 1/M)B/W the relative increase in variance, FMI the
	// fraction of missing information (r + 2/(ν + 3))/(r + 1) as mice
	// reports it, and MCSE = √(B/M) the Monte Carlo standard error of the
	// pooled estimate.
	Within, Between, Lambda, RIV, FMI, MCSE float64
}

// String prints the pooled result as a report would: "2.13 (SE 0.86,
// 95% CI 0.44 to 3.81, p = 0.013; jackknife)".
func (p Pooled) String() string {
	var b strings.Builder
	b.WriteString(num(p.Estimate))
	b.WriteString(" (")
	if !math.IsNaN(p.SE) {
		b.WriteString("SE " + num(p.SE) + ", ")
	}
	fmt.Fprintf(&b, "%s%% CI %s to %s, p %s", trimLevel(p.CI.Level), num(p.CI.Lower), num(p.CI.Upper), pString(p.P))
	if !math.IsInf(p.DF, 1) && !math.IsNaN(p.DF) {
		fmt.Fprintf(&b, ", df %.1f", p.DF)
	}
	b.WriteString("; " + p.Method.String() + ")")
	return b.String()
}

func num(x float64) string { return numfmt.Fixed(x, 2) }

func pString(p float64) string {
	if p < 0.001 {
		return "< 0.001"
	}
	return fmt.Sprintf("= %.3f", p)
}

func trimLevel(l float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.3f", 100*l), "0"), ".")
}

// parametric fills the interval and p value of an estimate with a standard
// error on df degrees of freedom (+Inf: normal), as rbmi's parametric_ci.
func parametric(p *Pooled, level float64, alt Alternative) {
	cdf, quant := distuv.UnitNormal.CDF, distuv.UnitNormal.Quantile
	if !math.IsInf(p.DF, 1) {
		t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: p.DF}
		cdf, quant = t.CDF, t.Quantile
	}
	p.CI.Level = level
	stat := p.Estimate / p.SE
	switch alt {
	case TwoSided:
		q := quant(1 - (1-level)/2)
		p.CI.Lower, p.CI.Upper = p.Estimate-q*p.SE, p.Estimate+q*p.SE
		p.P = 2 * math.Min(cdf(stat), cdf(-stat))
	case Greater:
		q := quant(level)
		p.CI.Lower, p.CI.Upper = p.Estimate-q*p.SE, math.Inf(1)
		p.P = cdf(-stat)
	case Less:
		q := quant(level)
		p.CI.Lower, p.CI.Upper = math.Inf(-1), p.Estimate+q*p.SE
		p.P = cdf(stat)
	}
	p.P = math.Min(p.P, 1)
}

func checkFinite(field string, x []float64) error {
	for i, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fieldErr(fmt.Sprintf("%s[%d]", field, i), v, "must be a finite number")
		}
	}
	return nil
}

func nanRubin(p *Pooled) {
	nan := math.NaN()
	p.Within, p.Between, p.Lambda, p.RIV, p.FMI, p.MCSE = nan, nan, nan, nan, nan, nan
}
