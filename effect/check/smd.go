package check

import (
	"errors"
	"math"
	"slices"
	"strings"

	"github.com/tiesproject/ties/effect"
	"gonum.org/v1/gonum/stat/distuv"
)

// Options holds optional settings. A nil *Options means the defaults.
type Options struct {
	// Level is the confidence level of reported CIs, in (0, 1); 0 means
	// 0.95. In a batch, a row's own level (the level column) takes
	// precedence.
	Level float64
	// GrossGap is the gap on the scale of the reported value from which an
	// inconsistency is flagged as gross; 0 means 0.1 (Gøtzsche et al.
	// 2007).
	GrossGap float64
	// Alpha is the significance level for decision errors in P; 0 means
	// 0.05. A reported p equal to Alpha counts as significant, as in
	// statcheck's default.
	//
	// SMD uses Level and GrossGap, P uses Alpha, CheckRows all three; SMD
	// and P refuse a field they do not use.
	Alpha float64
}

// validate checks every field, naming the one that cannot be used.
func (o *Options) validate() error {
	if o == nil {
		return nil
	}
	switch {
	case o.Level != 0 && !(o.Level > 0 && o.Level < 1):
		return invalidErr("Options.Level", fmtFloat(o.Level), "must lie in (0, 1), or be 0 for 0.95")
	case o.GrossGap < 0 || math.IsNaN(o.GrossGap) || math.IsInf(o.GrossGap, 0):
		return invalidErr("Options.GrossGap", fmtFloat(o.GrossGap), "must be a positive number, or 0 for 0.1")
	case o.Alpha != 0 && !(o.Alpha > 0 && o.Alpha < 1):
		return invalidErr("Options.Alpha", fmtFloat(o.Alpha), "must lie in (0, 1), or be 0 for 0.05")
	}
	return nil
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
	// CI is the reported interval in any of the forms papers print
	// ("(-0.18 to 0.80)", "[−0,18; 0,80]", "−0.5–−0.2", "95% CI: ...");
	// alternatively give its ends in CILower and CIUpper. Its level is
	// Options.Level.
	CI, CILower, CIUpper string
	// Measure is the label the paper gave the effect size ("d", "g",
	// "Hedges' g", "Glass's Δ", "SMD"); the findings then also give the
	// gap against the convention it names. Empty means not stated.
	Measure string
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
	Range      Range
}

// smdParsed is an SMDInput after parsing. The three parts are parsed
// separately, so that an unreadable CI does not stop the check of the
// effect size, nor an unreadable effect size the check of the CI.
type smdParsed struct {
	box          box
	haveBox      bool
	missingBox   []string
	boxErr       error
	effect       Range
	effectNum    Number
	haveEffect   bool
	effectErr    error
	lower, upper Range
	haveCI       bool
	ciErr        error
	level        float64
	measure      string
}

func (p smdParsed) err() error { return errors.Join(p.boxErr, p.effectErr, p.ciErr) }

func parseField(field, text string, into *Range, missing *[]string) (bool, error) {
	if trimSpace(text) == "" {
		*missing = append(*missing, field)
		return false, nil
	}
	x, err := parseNumber(text)
	if err != nil {
		return false, withField(err, field)
	}
	*into = x.Range()
	return true, nil
}

func parseBox(in SMDInput) (b box, miss []string, err error) {
	var m1, m2, s1, s2 Range
	type fld struct {
		name, text string
		into       *Range
	}
	var errs []error
	for _, f := range []fld{{"m1", in.Treat.Mean, &m1}, {"sd1", in.Treat.SD, &s1}, {"m2", in.Control.Mean, &m2}, {"sd2", in.Control.SD, &s2}} {
		if ok, err := parseField(f.name, f.text, f.into, &miss); err != nil {
			errs = append(errs, err)
		} else if ok && (f.name == "sd1" || f.name == "sd2") && !(f.into.Hi > 0 && f.into.Lo+f.into.Hi > 0) {
			errs = append(errs, invalidErr(f.name, f.text, "SD must be positive"))
		}
	}
	var ns [2]int
	for i, f := range []struct{ name, text string }{{"n1", in.Treat.N}, {"n2", in.Control.N}} {
		if trimSpace(f.text) == "" {
			miss = append(miss, f.name)
			continue
		}
		n, err := parseCount(f.text)
		switch {
		case err != nil:
			errs = append(errs, withField(err, f.name))
		case n < 2:
			errs = append(errs, invalidErr(f.name, f.text, "n must be at least 2"))
		default:
			ns[i] = n
		}
	}
	return box{m1: m1, m2: m2, s1: s1, s2: s2, n1: ns[0], n2: ns[1]}, miss, errors.Join(errs...)
}

func parseSMD(in SMDInput, o *Options) smdParsed {
	var p smdParsed
	p.box, p.missingBox, p.boxErr = parseBox(in)
	p.haveBox = p.boxErr == nil && len(p.missingBox) == 0
	p.measure = in.Measure
	if trimSpace(in.Effect) != "" {
		x, err := parseNumber(in.Effect)
		if err != nil {
			p.effectErr = withField(err, "effect")
		} else {
			p.effect, p.effectNum, p.haveEffect = x.Range(), x, true
		}
	}
	switch {
	case trimSpace(in.CI) != "":
		ci, err := parseCI(in.CI)
		if err != nil {
			p.ciErr = withField(err, "ci")
		} else {
			p.lower, p.upper, p.haveCI = ci.Lower.Range(), ci.Upper.Range(), true
		}
	case trimSpace(in.CILower) != "" || trimSpace(in.CIUpper) != "":
		var junk []string
		okL, errL := parseField("ci_lower", in.CILower, &p.lower, &junk)
		okU, errU := parseField("ci_upper", in.CIUpper, &p.upper, &junk)
		p.ciErr = errors.Join(errL, errU)
		p.haveCI = okL && okU && p.ciErr == nil
		if p.haveCI && p.lower.Lo+p.lower.Hi > p.upper.Lo+p.upper.Hi {
			p.ciErr, p.haveCI = invalidErr("ci_lower", in.CILower, "lower end above upper end"), false
		}
	}
	p.level = o.level()
	return p
}

// SMD checks a reported standardized mean difference, and its CI, against
// the two arms' printed means, SDs and sample sizes under every convention
// of Conventions(). See the package documentation for what "consistent"
// means. Fields that are present but cannot be read, n < 2 and SD ≤ 0 are
// errors (an *effect.FieldError), and so are unusable Options (and
// Options.Alpha, which SMD does not use); missing fields make the
// affected checks NotCheckable.
func SMD(in SMDInput, o *Options) (SMDResult, error) {
	if err := o.validate(); err != nil {
		return SMDResult{}, err
	}
	if o != nil && o.Alpha != 0 {
		return SMDResult{}, invalidErr("Options.Alpha", fmtFloat(o.Alpha), "SMD does not use Alpha (it is P's significance level); leave it 0")
	}
	p := parseSMD(in, o)
	if err := p.err(); err != nil {
		return SMDResult{}, err
	}
	return checkSMD(p, o), nil
}

func checkSMD(p smdParsed, o *Options) SMDResult {
	var res SMDResult
	gross := o.gross()
	boxWhy := ""
	switch {
	case p.boxErr != nil:
		boxWhy = "error in " + fieldsOf(p.boxErr)
	case len(p.missingBox) > 0:
		boxWhy = "missing " + strings.Join(p.missingBox, ", ")
	}
	why := func(err error, have bool, name string) string {
		r := ""
		switch {
		case err != nil:
			r = "error in " + name
		case !have:
			r = "missing " + name
		}
		if boxWhy != "" {
			if r != "" {
				r += "; "
			}
			r += boxWhy
		}
		return r
	}
	effWhy, ciWhy := why(p.effectErr, p.haveEffect, "effect"), why(p.ciErr, p.haveCI, "ci")
	if !p.haveBox {
		res.Effect = Finding{Verdict: NotCheckable, Reason: effWhy}
		res.Wald = Finding{Verdict: NotCheckable, Reason: ciWhy}
		res.Exact = res.Wald
		return res
	}
	b := p.box
	convs := allConventions
	res.Ranges = make([]ConventionRange, 0, len(convs))
	for _, c := range convs {
		if r, ok := b.Range(c); ok {
			res.Ranges = append(res.Ranges, ConventionRange{c, r})
		}
	}
	// The effect size.
	if !p.haveEffect {
		res.Effect = Finding{Verdict: NotCheckable, Reason: effWhy}
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
		// The convention the label names, and the plain difference.
		f.Diff = math.NaN()
		diffStd := ApproxG
		if want := labelStandardizers(p.measure); want != nil {
			diffStd = want[0]
			best := math.Inf(1)
			for _, cr := range res.Ranges {
				c := cr.Convention
				if c.Flipped || c.SEAsSD || !slices.Contains(want, c.Standardizer) {
					continue
				}
				g := cr.Range.Gap(p.effect)
				if g <= slack(p.effect) {
					g = 0
				}
				if g < best {
					best, f.Named, f.HaveNamed = g, Match{Convention: c}, true
				}
			}
			f.NamedGap = best
			if !f.HaveNamed {
				f.NamedGap = 0
			}
		}
		if v, ok := b.atPrinted(diffStd); ok {
			f.Diff = math.Abs(v - p.effectNum.Value)
		}
		res.Effect = f
	}
	// The CI.
	if !p.haveCI {
		res.Wald = Finding{Verdict: NotCheckable, Reason: ciWhy}
		res.Exact = res.Wald
		return res
	}
	res.Wald, res.Exact = checkCI(b, p.lower, p.upper, p.level, gross)
	namedCI(b, p, &res.Wald, &res.Exact)
	return res
}

// slack is the tolerance for floating-point error in comparisons with the
// ends of a rounding interval: a relative 1e-9.
func slack(iv Range) float64 {
	return 1e-9 * max(1, max(math.Abs(iv.Lo), math.Abs(iv.Hi)))
}

func widen(iv Range) Range {
	e := slack(iv)
	return Range{iv.Lo - e, iv.Hi + e}
}

func normalQuantile(p float64) float64 { return distuv.UnitNormal.Quantile(p) }

// fieldsOf lists the fields of the positioned errors in err (joined or
// not), in order, without repeats.
func fieldsOf(err error) string {
	var fs []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var fe *effect.FieldError
		if errors.As(e, &fe) && fe.Field != "" && !slices.Contains(fs, fe.Field) {
			fs = append(fs, fe.Field)
		}
	}
	walk(err)
	if len(fs) == 0 {
		return "row"
	}
	return strings.Join(fs, ", ")
}
