package check

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

func hasConv(f Finding, c Convention, m effect.CIMethod) bool {
	for _, x := range f.Matches {
		if x.Convention == c && x.Method == m {
			return true
		}
	}
	return false
}

// Hand-built case at the edge of rounding: m1 "1.5", m2 "1.0" give
// Δ ∈ [0.4, 0.6]; SDs "2" give S ∈ [1.5, 2.5]; so d ∈ [0.16, 0.4] exactly.
func TestSMDEdgeOfRounding(t *testing.T) {
	pooled := Convention{}
	for _, c := range []struct {
		effect string
		want   bool
		gap    float64
	}{
		{"0.16", true, 0},
		{"0.1605", true, 0},        // [0.16045, 0.16055]
		{"0.1595", false, 0.00045}, // [0.15945, 0.15955]: below 0.16
		{"0.155", false, 0.0045},
		{"0.40", true, 0},
		{"0.4006", false, 0.00055},
		{"0.41", false, 0.005},
	} {
		r, err := SMD(SMDInput{Treat: Arm{"1.5", "2", "30"}, Control: Arm{"1.0", "2", "30"}, Effect: c.effect}, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := hasConv(r.Effect, pooled, effect.DefaultCI)
		if got != c.want {
			t.Errorf("effect %s: pooled d match %v, want %v (%s)", c.effect, got, c.want, r.Effect.String())
		}
		if !c.want {
			var rng Range
			for _, cr := range r.Ranges {
				if cr.Convention == pooled {
					rng = cr.Range
				}
			}
			if g := rng.Gap(mustNum(t, c.effect).Range()); math.Abs(g-c.gap) > 1e-12 {
				t.Errorf("effect %s: gap %v, want %v", c.effect, g, c.gap)
			}
		}
	}
}

// The box's smallest d is exactly 0.45 = 1.125/2.5 (Δlo = 2.1255 − 1.0005),
// the upper end of the rounding interval of a reported "0.4": closed
// intervals touch, so it is consistent; "0.44" misses by 0.005.
func TestSMDTouchingEnds(t *testing.T) {
	for _, c := range []struct {
		effect string
		want   bool
	}{{"0.4", true}, {"0.44", false}, {"0.45", true}} {
		r, err := SMD(SMDInput{Treat: Arm{"2.126", "2", "30"}, Control: Arm{"1.000", "2", "30"}, Effect: c.effect}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := hasConv(r.Effect, Convention{}, effect.DefaultCI); got != c.want {
			t.Errorf("%s: pooled d %v, want %v: %s", c.effect, got, c.want, r.Effect.String())
		}
	}
}

// TestSMDRangesBruteForce samples random boxes and checks that random
// points of each box fall inside the computed range and that the range's
// ends are attained at corners.
func TestSMDRangesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for it := 0; it < 300; it++ {
		b := box{n1: 2 + rng.IntN(60), n2: 2 + rng.IntN(60)}
		u := func(c, h float64) Range { return Range{c - h, c + h} }
		h := []float64{0.5, 0.05, 0.005}[rng.IntN(3)]
		b.m1, b.m2 = u(rng.NormFloat64()*3, h), u(rng.NormFloat64()*3, h)
		b.s1, b.s2 = u(h+0.001+rng.Float64()*3, h), u(h+0.001+rng.Float64()*3, h)
		for _, c := range Conventions() {
			r, ok := b.Range(c)
			if !ok {
				continue
			}
			val := func(m1, s1, m2, s2 float64) float64 {
				bb := box{m1: Range{m1, m1}, m2: Range{m2, m2}, s1: Range{s1, s1}, s2: Range{s2, s2}, n1: b.n1, n2: b.n2}
				v, _ := bb.Range(c)
				return v.Lo
			}
			lo, hi := math.Inf(1), math.Inf(-1)
			for k := 0; k < 16; k++ {
				pick := func(iv Range, bit int) float64 {
					if k>>bit&1 == 1 {
						return iv.Hi
					}
					return iv.Lo
				}
				v := val(pick(b.m1, 0), pick(b.s1, 1), pick(b.m2, 2), pick(b.s2, 3))
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
			if !closeTo(lo, r.Lo, 1e-12) || !closeTo(hi, r.Hi, 1e-12) {
				t.Fatalf("%v: corners [%v, %v], range %v", c, lo, hi, r)
			}
			for k := 0; k < 50; k++ {
				in := func(iv Range) float64 { return iv.Lo + rng.Float64()*(iv.Hi-iv.Lo) }
				v := val(in(b.m1), in(b.s1), in(b.m2), in(b.s2))
				if v < r.Lo-1e-12 || v > r.Hi+1e-12 {
					t.Fatalf("%v: interior %v outside %v", c, v, r)
				}
			}
		}
	}
}

// The centre of the box reproduces effect.CohenD, HedgesG and GlassDelta.
func TestSMDMatchesEffect(t *testing.T) {
	tr, co := effect.Group{Mean: 38.2, SD: 9.1, N: 45}, effect.Group{Mean: 42.7, SD: 10.3, N: 47}
	b := box{m1: Range{38.2, 38.2}, m2: Range{42.7, 42.7}, s1: Range{9.1, 9.1}, s2: Range{10.3, 10.3}, n1: 45, n2: 47}
	d, _ := effect.CohenD(tr, co, nil)
	g, _ := effect.HedgesG(tr, co, nil)
	gl, _ := effect.GlassDelta(tr, co, nil)
	if !closeTo(gl.Value, -4.5/10.3, 1e-12) {
		t.Errorf("effect.GlassDelta = %v", gl.Value)
	}
	for _, c := range []struct {
		s    Standardizer
		want float64
	}{{PooledD, d.Value}, {ExactG, g.Value}, {GlassControl, -4.5 / 10.3}, {ApproxG, -0.458535750587}} {
		r, _ := b.Range(Convention{Standardizer: c.s})
		if !closeTo(r.Lo, c.want, 1e-12) {
			t.Errorf("%v: %v, want %v", c.s, r.Lo, c.want)
		}
	}
	// Reference values (R: metafor escalc and MBESS): d = −0.462399815901, g = −0.458533952061.
	if !closeTo(d.Value, -0.462399815901, 1e-11) {
		t.Errorf("d = %v", d.Value)
	}
}

func TestSMDConventions(t *testing.T) {
	// SE printed as SD: SE 0.5 with n = 100 is SD 5, d = 2/5 = 0.4.
	in := SMDInput{Treat: Arm{"10.0", "0.50", "100"}, Control: Arm{"8.0", "0.50", "100"}, Effect: "0.40"}
	r, err := SMD(in, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !hasConv(r.Effect, Convention{Standardizer: PooledD, SEAsSD: true}, effect.DefaultCI) || hasConv(r.Effect, Convention{}, effect.DefaultCI) {
		t.Errorf("SE as SD: %s", r.Effect.String())
	}
	// The sign flipped.
	in.Effect = "-0.40"
	r, _ = SMD(in, nil)
	if !hasConv(r.Effect, Convention{Standardizer: PooledD, SEAsSD: true, Flipped: true}, effect.DefaultCI) {
		t.Errorf("flipped: %s", r.Effect.String())
	}
	// Glass with either SD.
	in = SMDInput{Treat: Arm{"12.0", "4.0", "50"}, Control: Arm{"10.0", "2.0", "50"}, Effect: "1.00"}
	r, _ = SMD(in, nil)
	if !hasConv(r.Effect, Convention{Standardizer: GlassControl}, effect.DefaultCI) || hasConv(r.Effect, Convention{}, effect.DefaultCI) {
		t.Errorf("Glass control: %s", r.Effect.String())
	}
	in.Effect = "0.50"
	r, _ = SMD(in, nil)
	if !hasConv(r.Effect, Convention{Standardizer: GlassTreat}, effect.DefaultCI) {
		t.Errorf("Glass treat: %s", r.Effect.String())
	}
	// d with the average SD differs from the pooled SD when n differ.
	in = SMDInput{Treat: Arm{"12.00", "4.00", "10"}, Control: Arm{"10.00", "2.00", "90"}, Effect: "0.63"}
	r, _ = SMD(in, nil)
	if !hasConv(r.Effect, Convention{Standardizer: AverageD}, effect.DefaultCI) || hasConv(r.Effect, Convention{}, effect.DefaultCI) {
		t.Errorf("average SD: %s", r.Effect.String())
	}
	// Gross inconsistency.
	in.Effect = "1.50"
	r, _ = SMD(in, nil)
	if r.Effect.Verdict != Inconsistent || !r.Effect.Gross || r.Effect.Gap < 0.1 {
		t.Errorf("gross: %+v", r.Effect)
	}
}

func TestSMDCI(t *testing.T) {
	// Reference values (R: MBESS ci.smd, effectsize, metafor): exact d CI [−0.8754553682, −0.04684385397],
	// g CI [−0.86813618, −0.04645221895]; Wald d [−0.876601228, −0.04819840376];
	// Wald g (LS) [−0.8726456298, −0.04442227429]. Printed with 2 decimals
	// from 2-decimal summaries.
	base := SMDInput{Treat: Arm{"38.20", "9.10", "45"}, Control: Arm{"42.70", "10.30", "47"}}
	for _, c := range []struct {
		ci       string
		wald     []Match
		exact    []Match
		waldNot  []Match
		exactNot []Match
	}{
		{ci: "(-0.88 to -0.05)", wald: []Match{{Convention{}, effect.Wald, LS}}, exact: []Match{{Convention{}, effect.NoncentralT, LS}}},
		{ci: "(-0.87 to -0.04)", wald: []Match{{Convention{Standardizer: ExactG}, effect.Wald, LS}},
			waldNot: []Match{{Convention{}, effect.Wald, LS}}, exactNot: []Match{{Convention{}, effect.NoncentralT, LS}, {Convention{Standardizer: ExactG}, effect.NoncentralT, LS}}},
		{ci: "(-0.87 to -0.05)", exact: []Match{{Convention{Standardizer: ExactG}, effect.NoncentralT, LS}}},
		{ci: "(0.05 to 0.88)", wald: []Match{{Convention{Flipped: true}, effect.Wald, LS}}, exact: []Match{{Convention{Flipped: true}, effect.NoncentralT, LS}}},
	} {
		in := base
		in.CI = c.ci
		r, err := SMD(in, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range c.wald {
			if !hasConv(r.Wald, m.Convention, m.Method) {
				t.Errorf("%s: Wald lacks %v: %s", c.ci, m, r.Wald.String())
			}
		}
		for _, m := range c.exact {
			if !hasConv(r.Exact, m.Convention, m.Method) {
				t.Errorf("%s: exact lacks %v: %s", c.ci, m, r.Exact.String())
			}
		}
		for _, m := range c.waldNot {
			if hasConv(r.Wald, m.Convention, m.Method) {
				t.Errorf("%s: Wald has %v", c.ci, m)
			}
		}
		for _, m := range c.exactNot {
			if hasConv(r.Exact, m.Convention, m.Method) {
				t.Errorf("%s: exact has %v", c.ci, m)
			}
		}
	}
	// A CI whose ends are each reachable but not together: the lower end of
	// the box's smallest d with the upper end of its largest.
	in := base
	in.CI = "(-0.90 to -0.02)"
	r, _ := SMD(in, nil)
	if r.Wald.Verdict != Inconsistent || r.Exact.Verdict != Inconsistent {
		t.Errorf("too wide a CI: %s / %s", r.Wald.String(), r.Exact.String())
	}
	if r.Exact.Gap > 0.05 || r.Exact.Closest.Method != effect.NoncentralT {
		t.Errorf("exact gap %v closest %v", r.Exact.Gap, r.Exact.Closest)
	}
	// Tiny samples (n = 2/2, df = 2) at 99.9%: z² > 2N, the Wald ends
	// are not monotone and the pieces are used.
	tiny := SMDInput{Treat: Arm{"5.0", "1.0", "2"}, Control: Arm{"3.0", "1.0", "2"}, Effect: "2.0"}
	// Wald d at d = 2: 2 ± 3.2905·√(1 + 4/8) = [−2.030, 6.030].
	tiny.CI = "(-2.03, 6.03)"
	r, err := SMD(tiny, &Options{Level: 0.999})
	if err != nil {
		t.Fatal(err)
	}
	if !hasConv(r.Wald, Convention{}, effect.Wald) {
		t.Errorf("tiny 99.9%%: %s", r.Wald.String())
	}
}

func TestSMDMissingAndErrors(t *testing.T) {
	for _, o := range []*Options{{Level: 1.5}, {Level: -0.1}, {GrossGap: -1}, {Alpha: 2}, {Alpha: 0.01}} {
		_, err := SMD(SMDInput{Treat: Arm{"1", "1", "10"}, Control: Arm{"1", "1", "10"}}, o)
		var fe *effect.FieldError
		if !errors.As(err, &fe) || !strings.HasPrefix(fe.Field, "Options.") || !errors.Is(err, ErrInvalidInput) || !errors.Is(err, effect.ErrInvalidInput) {
			t.Errorf("%+v: %v", o, err)
		}
	}
	for _, o := range []*Options{{Level: 0.9}, {GrossGap: 0.2}} {
		if _, err := P("t(28) = 2.20, p = .036", 0, o); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("P with %+v: %v", o, err)
		}
	}
	r, err := SMD(SMDInput{Treat: Arm{"1", "1", "10"}, Control: Arm{"", "1", "10"}, Effect: "0.3"}, nil)
	if err != nil || r.Effect.Verdict != NotCheckable || r.Effect.Reason != "missing m2" {
		t.Errorf("missing m2: %+v, %v", r.Effect, err)
	}
	r, _ = SMD(SMDInput{Treat: Arm{"1", "1", "10"}, Control: Arm{"1", "1", "10"}}, nil)
	if r.Effect.Verdict != NotCheckable || r.Exact.Verdict != NotCheckable {
		t.Errorf("missing effect: %+v", r)
	}
	for _, c := range []struct {
		in    SMDInput
		field string
		err   error
	}{
		{SMDInput{Treat: Arm{"1", "1", "1"}, Control: Arm{"1", "1", "10"}}, "n1", ErrInvalidInput},
		{SMDInput{Treat: Arm{"1", "0", "10"}, Control: Arm{"1", "1", "10"}}, "sd1", ErrInvalidInput},
		{SMDInput{Treat: Arm{"1", "-1", "10"}, Control: Arm{"1", "1", "10"}}, "sd1", ErrInvalidInput},
		{SMDInput{Treat: Arm{"1", "1", "10"}, Control: Arm{"1", "0.00", "10"}}, "sd2", ErrInvalidInput},
		{SMDInput{Treat: Arm{"NaN", "1", "10"}, Control: Arm{"1", "1", "10"}}, "m1", ErrUnparseable},
		{SMDInput{Treat: Arm{"Inf", "1", "10"}, Control: Arm{"1", "1", "10"}}, "m1", ErrUnparseable},
		{SMDInput{Treat: Arm{"1", "1", "10"}, Control: Arm{"1", "1", "ten"}}, "n2", ErrUnparseable},
		{SMDInput{Treat: Arm{"1", "1", "10"}, Control: Arm{"1", "1", "10"}, CI: "0.1"}, "ci", ErrUnparseable},
		{SMDInput{Treat: Arm{"1", "1", "10"}, Control: Arm{"1", "1", "10"}, Effect: "big"}, "effect", ErrUnparseable},
	} {
		_, err := SMD(c.in, nil)
		var fe *effect.FieldError
		if !errors.As(err, &fe) || fe.Field != c.field || !errors.Is(err, c.err) {
			t.Errorf("%+v: %v, want field %s", c.in, err, c.field)
		}
	}
}

// The exact ends used here agree with effect.CohenD and effect.HedgesG
// (their default CI is the noncentral-t interval), at a range of realistic and extreme inputs.
func TestExactEndsMatchEffect(t *testing.T) {
	for _, c := range [][6]float64{
		{38.2, 9.1, 45, 42.7, 10.3, 47}, {14.8, 5.2, 60, 13.1, 5.9, 58}, {5, 1, 2, 3, 1, 2},
		{15, 1, 10, 10, 1, 10}, {22, 4, 8, 19.5, 6, 40}, {20, 5, 15, 26, 5, 15}, {50.6, 10, 500, 48.6, 10, 500},
	} {
		tr, co := effect.Group{Mean: c[0], SD: c[1], N: int(c[2])}, effect.Group{Mean: c[3], SD: c[4], N: int(c[5])}
		d, err := effect.CohenD(tr, co, nil)
		if err != nil {
			t.Fatal(err)
		}
		g, _ := effect.HedgesG(tr, co, nil)
		n1, n2 := c[2], c[5]
		h := math.Sqrt(n1 * n2 / (n1 + n2))
		df := n1 + n2 - 2
		lo, hi := ncpFor(d.Value*h, df, 0.975)/h, ncpFor(d.Value*h, df, 0.025)/h
		if !closeTo(lo, d.CI.Lower, 1e-8) || !closeTo(hi, d.CI.Upper, 1e-8) {
			t.Errorf("%v: d CI [%v, %v], effect.CohenD %+v", c, lo, hi, d.CI)
		}
		j := effect.J(df)
		if !closeTo(j*lo, g.CI.Lower, 1e-8) || !closeTo(j*hi, g.CI.Upper, 1e-8) {
			t.Errorf("%v: g CI [%v, %v], effect.HedgesG %+v", c, j*lo, j*hi, g.CI)
		}
	}
}

// TestNamedDiff checks the plain differences against package effect's
// estimates at the printed summaries (d with its Wald and noncentral-t
// intervals).
func TestNamedDiff(t *testing.T) {
	tr, co := effect.Group{Mean: 14.8, SD: 5.2, N: 60}, effect.Group{Mean: 13.1, SD: 5.9, N: 58}
	dw, err := effect.CohenD(tr, co, &effect.Options{CI: effect.Wald})
	if err != nil {
		t.Fatal(err)
	}
	dx, err := effect.CohenD(tr, co, nil) // noncentral t
	if err != nil {
		t.Fatal(err)
	}
	r, err := SMD(SMDInput{Treat: Arm{"14.8", "5.2", "60"}, Control: Arm{"13.1", "5.9", "58"}, Effect: "0.62", CI: "0.1–0.9", Measure: "d"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ends := func(e effect.Estimate) float64 {
		return math.Max(math.Abs(e.CI.Lower-0.1), math.Abs(e.CI.Upper-0.9))
	}
	for _, c := range []struct {
		what      string
		got, want float64
	}{
		{"effect", r.Effect.Diff, math.Abs(dw.Value - 0.62)},
		{"Wald", r.Wald.Diff, ends(dw)},
		{"exact", r.Exact.Diff, ends(dx)},
	} {
		if !closeTo(c.got, c.want, 1e-8) {
			t.Errorf("%s: plain difference %v, effect package %v", c.what, c.got, c.want)
		}
	}
	if !r.Effect.HaveNamed || r.Effect.Named.Convention != (Convention{}) || !closeTo(r.Effect.NamedGap, 0.288, 0.001) {
		t.Errorf("named: %+v", r.Effect)
	}
}
