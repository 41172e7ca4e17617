package check

import (
	"math"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"
)

// Options holds optional settings. A nil *Options means the defaults.
type Options struct {
	// Level is the confidence level of reported CIs, in (0, 1); 0 means
	// 0.95. A row's own level (SMDInput.Level) takes precedence.
	Level float64
	// GrossGap is the gap on the d scale from which an inconsistency is
	// flagged as gross; 0 means 0.1 (Gøtzsche et al. 2007).
	GrossGap float64
	// Alpha is the significance level for decision errors in P; 0 means
	// 0.05. A reported p equal to Alpha counts as significant, as in
	// statcheck's default.
	Alpha float64
}

func (o *Options) level() float64 {
	if o == nil || o.Level == 0 {
		return 0.95
	}
	return o.Level
}

func (o *Options) gross() float64 {
	if o == nil || o.GrossGap == 0 {
		return 0.1
	}
	return o.GrossGap
}

func (o *Options) alpha() float64 {
	if o == nil || o.Alpha == 0 {
		return 0.05
	}
	return o.Alpha
}

// Arm holds one arm's summaries as printed.
type Arm struct {
	Mean, SD, N string
}

// SMDInput is one reported two-arm comparison, every number as printed.
// Empty fields are missing; the check of whatever needs them is then
// NotCheckable.
type SMDInput struct {
	Treat, Control Arm
	// Effect is the reported standardized mean difference (d, g, Δ...).
	Effect string
	// CI is the reported interval in any form ParseCI reads; alternatively
	// give its ends in CILower and CIUpper.
	CI, CILower, CIUpper string
	// Level is the CI's confidence level (0.95, "95%" in a CSV); 0 means
	// Options.Level.
	Level float64
}

// SMDResult holds the verdicts on one comparison.
type SMDResult struct {
	Effect Finding // the reported effect size
	Wald   Finding // the reported CI against Wald intervals
	Exact  Finding // the reported CI against noncentral-t intervals
	// Ranges holds, for each convention of Conventions() that is defined
	// for the sample sizes, the exact interval of values it yields over
	// the rounding box (empty when the summaries are missing).
	Ranges []ConventionRange
}

// ConventionRange is the interval of values one convention yields over the
// rounding box of the inputs.
type ConventionRange struct {
	Convention Convention
	Range      Interval
}

// smdParsed is an SMDInput after parsing.
type smdParsed struct {
	box          box
	haveBox      bool
	missingBox   []string
	effect       Interval
	haveEffect   bool
	lower, upper Interval
	haveCI       bool
	level        float64
}

func parseField(field, text string, into *Interval, missing *[]string) (bool, error) {
	if trimSpace(text) == "" {
		*missing = append(*missing, field)
		return false, nil
	}
	x, err := parseNumber(text)
	if err != nil {
		return false, withField(err, field)
	}
	*into = x.Interval()
	return true, nil
}

func parseSMD(in SMDInput, o *Options) (smdParsed, error) {
	var p smdParsed
	var miss []string
	var m1, m2, s1, s2 Interval
	type fld struct {
		name, text string
		into       *Interval
	}
	for _, f := range []fld{{"m1", in.Treat.Mean, &m1}, {"sd1", in.Treat.SD, &s1}, {"m2", in.Control.Mean, &m2}, {"sd2", in.Control.SD, &s2}} {
		if _, err := parseField(f.name, f.text, f.into, &miss); err != nil {
			return p, err
		}
	}
	for _, f := range []fld{{"sd1", in.Treat.SD, &s1}, {"sd2", in.Control.SD, &s2}} {
		if trimSpace(f.text) != "" && !(f.into.Hi > 0 && f.into.Lo+f.into.Hi > 0) {
			return p, invalidErr(f.name, f.text, "SD must be positive")
		}
	}
	var ns [2]int
	for i, f := range []struct{ name, text string }{{"n1", in.Treat.N}, {"n2", in.Control.N}} {
		if trimSpace(f.text) == "" {
			miss = append(miss, f.name)
			continue
		}
		n, err := ParseCount(f.text)
		if err != nil {
			return p, withField(err, f.name)
		}
		if n < 2 {
			return p, invalidErr(f.name, f.text, "n must be at least 2")
		}
		ns[i] = n
	}
	p.missingBox = miss
	if len(miss) == 0 {
		p.haveBox = true
		p.box = box{m1: m1, m2: m2, s1: s1, s2: s2, n1: ns[0], n2: ns[1]}
	}
	var junk []string
	ok, err := parseField("effect", in.Effect, &p.effect, &junk)
	if err != nil {
		return p, err
	}
	p.haveEffect = ok
	switch {
	case trimSpace(in.CI) != "":
		ci, err := ParseCI(in.CI)
		if err != nil {
			return p, withField(err, "ci")
		}
		p.lower, p.upper, p.haveCI = ci.Lower.Interval(), ci.Upper.Interval(), true
	case trimSpace(in.CILower) != "" || trimSpace(in.CIUpper) != "":
		okL, err := parseField("ci_lower", in.CILower, &p.lower, &junk)
		if err != nil {
			return p, err
		}
		okU, err := parseField("ci_upper", in.CIUpper, &p.upper, &junk)
		if err != nil {
			return p, err
		}
		p.haveCI = okL && okU
	}
	p.level = in.Level
	if p.level == 0 {
		p.level = o.level()
	}
	if !(p.level > 0 && p.level < 1) {
		return p, invalidErr("level", fmtFloat(p.level), "must lie in (0, 1)")
	}
	return p, nil
}

// SMD checks a reported standardized mean difference, and its CI, against
// the two arms' printed means, SDs and sample sizes under every convention
// of Conventions(). See the package documentation for what "consistent"
// means. Fields that are present but cannot be read, n < 2 and SD ≤ 0 are
// errors (a *FieldError); missing fields make the affected checks
// NotCheckable.
func SMD(in SMDInput, o *Options) (SMDResult, error) {
	p, err := parseSMD(in, o)
	if err != nil {
		return SMDResult{}, err
	}
	return checkSMD(p, o), nil
}

func checkSMD(p smdParsed, o *Options) SMDResult {
	var res SMDResult
	gross := o.gross()
	if !p.haveBox {
		reason := "missing " + strings.Join(p.missingBox, ", ")
		res.Effect = Finding{Verdict: NotCheckable, Reason: reason}
		res.Wald, res.Exact = res.Effect, res.Effect
		if !p.haveEffect {
			res.Effect.Reason = "missing effect, " + strings.TrimPrefix(reason, "missing ")
		}
		if !p.haveCI {
			res.Wald.Reason = "missing ci, " + strings.TrimPrefix(reason, "missing ")
			res.Exact.Reason = res.Wald.Reason
		}
		return res
	}
	b := p.box
	convs := Conventions()
	res.Ranges = make([]ConventionRange, 0, len(convs))
	for _, c := range convs {
		if r, ok := b.Range(c); ok {
			res.Ranges = append(res.Ranges, ConventionRange{c, r})
		}
	}
	// The effect size.
	if !p.haveEffect {
		res.Effect = Finding{Verdict: NotCheckable, Reason: "missing effect"}
	} else {
		f := Finding{Verdict: Inconsistent, Gap: math.Inf(1)}
		for _, cr := range res.Ranges {
			g := cr.Range.Gap(p.effect)
			if g <= slack(p.effect) {
				f.Verdict = Consistent
				f.Matches = append(f.Matches, Match{Convention: cr.Convention})
			} else if g < f.Gap {
				f.Gap, f.Closest = g, Match{Convention: cr.Convention}
			}
		}
		if f.Verdict == Consistent {
			f.Gap, f.Closest = 0, Match{}
		} else {
			f.Gross = f.Gap >= gross
		}
		res.Effect = f
	}
	// The CI.
	if !p.haveCI {
		res.Wald = Finding{Verdict: NotCheckable, Reason: "missing ci"}
		res.Exact = res.Wald
		return res
	}
	res.Wald, res.Exact = checkCI(b, p.lower, p.upper, p.level, gross)
	return res
}

// slack is the tolerance for floating-point error in comparisons with the
// ends of a rounding interval: a relative 1e-9.
func slack(iv Interval) float64 {
	return 1e-9 * math.Max(1, math.Max(math.Abs(iv.Lo), math.Abs(iv.Hi)))
}

func widen(iv Interval) Interval {
	e := slack(iv)
	return Interval{iv.Lo - e, iv.Hi + e}
}

func normalQuantile(p float64) float64 { return distuv.UnitNormal.Quantile(p) }
