package check

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestKind names the test statistic of a reported result.
type testKind int

// Test statistics P understands.
const (
	testT     testKind = iota + 1 // t(df)
	testF                         // F(df1, df2)
	testZ                         // z
	testR                         // r(df), tested through t = r·√(df/(1 − r²))
	testChiSq                     // χ²(df)
)

var testNames = [...]string{testT: "t", testF: "F", testZ: "z", testR: "r", testChiSq: "chi2"}

func (k testKind) String() string {
	if k <= 0 || int(k) >= len(testNames) {
		return "test(?)"
	}
	return testNames[k]
}

// Relation is how a p value was reported.
type relation int

// Relations of a reported p value.
const (
	relEqual   relation = iota // p = .036
	relLess                    // p < .05
	relGreater                 // p > .05 (also "ns", read as p > Alpha)
)

// Result is a reported test result, "t(28) = 2.20, p = .036".
type result struct {
	Kind     testKind
	DF1, DF2 float64 // DF1 for t, r, χ² and F's numerator; DF2 for F's denominator
	Stat     Number
	P        Number
	Rel      relation
	NS       bool // printed "ns"
	// Tails is 1 for a p reported as one-sided, 2 for two-sided and 0 when
	// the paper does not say (then a p that only fits one-sided is
	// reported as such).
	Tails int
}

var resultRE = regexp.MustCompile(`(?i)^\s*(t|f|z|r|χ2|χ²|chi2|chi²|chi-square|chi-squared|x2|x²)\s*(?:\(\s*([0-9][0-9.,\s]*?)\s*(?:[,;]\s*([0-9][0-9.,]*)\s*)?(?:[,;]\s*n\s*=\s*[0-9][0-9,]*\s*)?\))?\s*=\s*(\S+?)\s*(?:[,;]\s*|\s+)(?:p\s*(=|<|>|≤|≥|<=|>=)\s*(\S+)|(ns|n\.s\.))\s*$`)

// parseResult reads a test result printed in APA style:
//
//	t(28) = 2.20, p = .036      F(1, 58) = 4.12, p = .047    z = 1.96, p = .05
//	r(48) = .30, p = .03        χ2(1, N = 100) = 3.84, p = .05    t(10) = −2.0, ns
//
// Minus signs and decimal points are read as by ParseNumber; "≤" and "≥"
// are read as "<" and ">". F needs two degrees of freedom, t, r and χ²
// one. Enclosing parentheses and a final full stop are ignored.
func parseResult(s string) (result, error) {
	// Results are often quoted inside parentheses or end a sentence.
	in := strings.TrimRight(trimSpace(s), ").];,")
	in = strings.TrimLeft(in, "([")
	in = strings.Map(func(r rune) rune {
		if isSpace(r) {
			return ' '
		}
		return r
	}, in)
	m := resultRE.FindStringSubmatch(in)
	if m == nil {
		return result{}, parseErr("", s, "not a test result like \"t(28) = 2.20, p = .036\"")
	}
	var r result
	switch strings.ToLower(m[1]) {
	case "t":
		r.Kind = testT
	case "f":
		r.Kind = testF
	case "z":
		r.Kind = testZ
	case "r":
		r.Kind = testR
	default:
		r.Kind = testChiSq
	}
	df := func(t string) (float64, error) {
		x, err := parseNumber(t)
		if err != nil || !(x.Value > 0) {
			return 0, parseErr("", s, "bad degrees of freedom")
		}
		return x.Value, nil
	}
	var err error
	if m[2] != "" {
		if r.DF1, err = df(m[2]); err != nil {
			return result{}, err
		}
	}
	if m[3] != "" {
		if r.DF2, err = df(m[3]); err != nil {
			return result{}, err
		}
	}
	switch {
	case r.Kind == testF && (m[2] == "" || m[3] == ""):
		return result{}, parseErr("", s, "F needs two degrees of freedom")
	case r.Kind != testF && r.Kind != testZ && (m[2] == "" || m[3] != ""):
		return result{}, parseErr("", s, r.Kind.String()+" needs one degree of freedom")
	case r.Kind == testZ && m[2] != "":
		return result{}, parseErr("", s, "z takes no degrees of freedom")
	}
	if r.Stat, err = parseNumber(m[4]); err != nil {
		return result{}, parseErr("", s, "statistic: "+reasonOf(err))
	}
	if m[7] != "" {
		r.NS, r.Rel = true, relGreater
		return r, nil
	}
	switch m[5] {
	case "=":
		r.Rel = relEqual
	case "<", "≤", "<=":
		r.Rel = relLess
	default:
		r.Rel = relGreater
	}
	if r.P, err = parseNumber(m[6]); err != nil {
		return result{}, parseErr("", s, "p: "+reasonOf(err))
	}
	if r.P.Neg || r.P.Value > 1 {
		return result{}, invalidErr("", s, "p must lie in [0, 1]")
	}
	return r, nil
}

// PCheck is the outcome of checking a reported p value against its test
// statistic.
type PCheck struct {
	Verdict Verdict
	// P is the p value computed from the printed statistic, and PRange the
	// p values of every statistic that rounds to the printed one.
	P      float64
	PRange Range
	// OneSided is true when the reported p fits only as a one-sided p
	// (half the two-sided one), for t, z and r with tails not stated.
	OneSided bool
	// DecisionError is true when the result is inconsistent and the
	// reported p and the computed p fall on different sides of Alpha
	// (statcheck's "gross" error).
	DecisionError bool
	Reason        string
}

// P checks a reported test result printed in APA style, such as
//
//	t(28) = 2.20, p = .036      F(1, 58) = 4.12, p = .047    z = 1.96, p = .05
//	r(48) = .30, p = .03        χ2(1, N = 100) = 3.84, p = .05    t(10) = −2.0, ns
//
// (minus signs and decimal points as ParseNumber reads them; "≤" and "≥"
// read as "<" and ">"; F needs two degrees of freedom, t, r and χ² one;
// enclosing parentheses and a final full stop are ignored). tails is 1
// for a p reported as one-sided, 2 for two-sided and 0 when the paper
// does not say.
//
// The reported p is checked against the test statistic it came from, in
// the manner of statcheck (Epskamp & Nuijten 2016; Nuijten et al. 2016):
// the statistic is widened to its rounding interval, which gives a range
// of p values; a p reported with "=" is consistent when its own rounding
// interval meets that range, one reported with "<" when some p in the
// range is below it, and one with ">" when some p is above it. t, z and r
// p values are two-sided unless tails == 1; with tails == 0 a p that fits
// only as one-sided is consistent with OneSided set. F and χ² p values are
// upper-tail. A decision error is judged only for inconsistent results,
// comparing the reported p with the p computed from the printed statistic
// (statcheck's rules, with p = Alpha significant).
func P(test string, tails int, o *Options) (PCheck, error) {
	if err := o.validate(); err != nil {
		return PCheck{}, err
	}
	if o != nil && (o.Level != 0 || o.GrossGap != 0) {
		f, v := "Options.Level", o.Level
		if o.Level == 0 {
			f, v = "Options.GrossGap", o.GrossGap
		}
		return PCheck{}, invalidErr(f, fmtFloat(v), "P does not use it (only Alpha); leave it 0")
	}
	r, err := parseResult(test)
	if err != nil {
		return PCheck{}, withField(err, "test")
	}
	if tails < 0 || tails > 2 {
		return PCheck{}, invalidErr("tails", strconv.Itoa(tails), "must be 0 (not stated), 1 or 2")
	}
	r.Tails = tails
	return checkP(r, o)
}

func checkP(r result, o *Options) (PCheck, error) {
	if err := validResult(r); err != nil {
		return PCheck{}, err
	}
	alpha := o.alpha()
	lo, hi := r.Stat.bounds()
	// |stat| interval (p depends on |stat| for t, z and r).
	switch {
	case r.Kind == testF || r.Kind == testChiSq:
		lo = max(lo, 0)
	case hi <= 0:
		lo, hi = -hi, -lo
	case lo < 0:
		lo, hi = 0, max(-lo, hi)
	}
	if r.Kind == testR {
		hi = min(hi, 1)
	}
	two := func(x float64) float64 { return pValue(r.Kind, x, r.DF1, r.DF2) }
	point := two(math.Abs(r.Stat.Value))
	rng := Range{two(hi), two(lo)}
	c := PCheck{P: point, PRange: rng}
	fits := func(rng Range) bool {
		rng = widen(rng)
		switch {
		case r.NS:
			return rng.Hi > alpha
		case r.Rel == relLess:
			return rng.Lo < r.P.Value
		case r.Rel == relGreater:
			return rng.Hi > r.P.Value
		}
		return rng.Gap(r.P.Range()) == 0
	}
	sided := r.Kind == testT || r.Kind == testZ || r.Kind == testR
	if sided && r.Tails == 1 {
		c.P, c.PRange = point/2, Range{rng.Lo / 2, rng.Hi / 2}
	}
	switch {
	case fits(c.PRange):
		c.Verdict = Consistent
	case sided && r.Tails == 0 && fits(Range{rng.Lo / 2, rng.Hi / 2}):
		c.Verdict, c.OneSided = Consistent, true
		c.Reason = "consistent only as a one-sided p"
	default:
		c.Verdict = Inconsistent
		c.DecisionError = decisionError(r, c.P, alpha)
	}
	if c.Verdict == Consistent && r.Rel == relEqual && !r.NS && r.P.Mant == 0 {
		c.Reason = "p printed as zero; report p < .001"
	}
	return c, nil
}

func validResult(r result) error {
	if r.Kind < testT || r.Kind > testChiSq {
		return invalidErr("test", r.Kind.String(), "unknown test")
	}
	bad := func(df float64) bool { return !(df > 0) || math.IsInf(df, 0) }
	switch {
	case r.Kind == testF && (bad(r.DF1) || bad(r.DF2)):
		return invalidErr("df", fmtFloat(r.DF1)+", "+fmtFloat(r.DF2), "F needs positive df1 and df2")
	case r.Kind != testZ && r.Kind != testF && bad(r.DF1):
		return invalidErr("df", fmtFloat(r.DF1), "must be positive")
	case r.Kind == testR && !(math.Abs(r.Stat.Value) <= 1):
		return invalidErr("r", r.Stat.Text, "must lie in [−1, 1]")
	case math.IsNaN(r.Stat.Value) || math.IsInf(r.Stat.Value, 0):
		return invalidErr("statistic", r.Stat.Text, "must be finite")
	case (r.Kind == testF || r.Kind == testChiSq) && r.Stat.Value < 0:
		return invalidErr("statistic", r.Stat.Text, "must not be negative")
	}
	return nil
}

// pValue returns the two-sided (t, z, r) or upper-tail (F, χ²) p for a
// statistic x ≥ 0.
func pValue(k testKind, x, df1, df2 float64) float64 {
	switch k {
	case testT:
		return 2 * distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df1}.Survival(x)
	case testZ:
		return 2 * distuv.UnitNormal.Survival(x)
	case testR:
		if x >= 1 {
			return 0
		}
		t := x * math.Sqrt(df1/(1-x*x))
		return 2 * distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df1}.Survival(t)
	case testF:
		return distuv.F{D1: df1, D2: df2}.Survival(x)
	case testChiSq:
		return distuv.ChiSquared{K: df1}.Survival(x)
	}
	return math.NaN()
}

// decisionError applies statcheck's decision_error_test (test comparison
// "=", pEqualAlphaSig = TRUE).
func decisionError(r result, computed, alpha float64) bool {
	rep := r.P.Value
	rel := r.Rel
	if r.NS {
		rep, rel = alpha, relGreater
	}
	switch rel {
	case relEqual:
		return (rep <= alpha && computed > alpha) || (rep > alpha && computed <= alpha)
	case relLess:
		return rep <= alpha && computed > alpha
	default:
		return rep >= alpha && computed <= alpha
	}
}

func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
