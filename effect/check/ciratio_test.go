package check

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// ratioEnds returns the CI of a ratio convention at one point (D = m1 − m2,
// SDs s1, s2), computed by the effect package: GlassDelta (Wald for SMD1,
// default for the exact AKP interval; with the arms swapped and the
// interval negated for the intervention arm's SD) and SMDH (Wald,
// uncorrected).
func ratioEnds(s Standardizer, m effect.CIMethod, D, s1, s2 float64, n1, n2 int) (float64, float64, error) {
	return ratioEndsLevel(s, m, D, s1, s2, n1, n2, 0.95)
}

func ratioEndsLevel(s Standardizer, m effect.CIMethod, D, s1, s2 float64, n1, n2 int, level float64) (float64, float64, error) {
	tr := effect.Group{Mean: D, SD: s1, N: n1}
	co := effect.Group{Mean: 0, SD: s2, N: n2}
	o := &effect.Options{Level: level}
	if m == effect.Wald {
		o.CI = effect.Wald
	}
	switch s {
	case GlassControl:
		e, err := effect.GlassDelta(tr, co, o)
		return e.CI.Lower, e.CI.Upper, err
	case GlassTreat:
		e, err := effect.GlassDelta(co, tr, o)
		return -e.CI.Upper, -e.CI.Lower, err
	case AverageD:
		e, err := effect.SMDH(tr, co, &effect.Options{CI: effect.Wald, Level: level})
		return e.CI.Lower, e.CI.Upper, err
	}
	return math.NaN(), math.NaN(), fmt.Errorf("not a ratio convention: %v", s)
}

var ratioMethodByName = map[string]effect.CIMethod{"wald": effect.Wald, "exact": effect.NoncentralT}

// TestRatioPointsAgainstR compares the per-point intervals (the effect
// package's, which the search evaluates through the same formulas) with R:
// metafor's SMD1 variance, uniroot on pt for the AKP ends, Bonett's
// variance for d with the average SD.
func TestRatioPointsAgainstR(t *testing.T) {
	z := normalQuantile(0.975)
	for _, r := range readGolden(t, "ratio_points.csv") {
		s, m := stdByName[r.s("conv")], ratioMethodByName[r.s("method")]
		n1, _ := strconv.Atoi(r.s("n1"))
		n2, _ := strconv.Atoi(r.s("n2"))
		D, s1, s2 := num(t, r.s("D")), num(t, r.s("ps1")), num(t, r.s("ps2"))
		lo, hi, err := ratioEnds(s, m, D, s1, s2, n1, n2)
		if err != nil {
			t.Fatal(err)
		}
		tol := 1e-12
		if m == effect.NoncentralT {
			tol = 1e-8
		}
		wl, wu := num(t, r.s("lower")), num(t, r.s("upper"))
		if !closeTo(lo, wl, tol) || !closeTo(hi, wu, tol) {
			t.Errorf("%s %s %s at (%v, %v, %v): (%v, %v), R (%v, %v)", r.s("case"), r.s("conv"), r.s("method"), D, s1, s2, lo, hi, wl, wu)
		}
		// The check's own Wald forms: A + B·e² with e the estimate.
		if m == effect.Wald {
			A, B, e := 1/float64(n1)+1/float64(n2), 0.0, 0.0
			switch s {
			case GlassControl:
				B, e = 1/(2*float64(n2)), D/s2
			case GlassTreat:
				B, e = 1/(2*float64(n1)), D/s1
			case AverageD:
				A, B = bonettAB(s1/s2, float64(n1), float64(n2))
				e = D / math.Sqrt((s1*s1+s2*s2)/2)
			}
			w := z * math.Sqrt(A+B*e*e)
			if !closeTo(e-w, wl, 1e-12) || !closeTo(e+w, wu, 1e-12) {
				t.Errorf("%s %s: check's Wald form (%v, %v), R (%v, %v)", r.s("case"), r.s("conv"), e-w, e+w, wl, wu)
			}
		}
	}
}

// TestRatioCasesAgainstR checks reported CIs printed in R from interior
// points of the box (which must be consistent) and CIs with moved ends
// (which must be consistent whenever R's 9×9×9 grid over (D, s1, s2)
// finds a point that reproduces them).
func TestRatioCasesAgainstR(t *testing.T) {
	extra := 0
	for _, r := range readGolden(t, "ratio_cases.csv") {
		s, m := stdByName[r.s("conv")], ratioMethodByName[r.s("method")]
		in := SMDInput{Treat: Arm{r.s("m1"), r.s("sd1"), r.s("n1")}, Control: Arm{r.s("m2"), r.s("sd2"), r.s("n2")},
			CI: "(" + r.s("lower") + " to " + r.s("upper") + ")"}
		res, err := SMD(in, nil)
		if err != nil {
			t.Fatal(err)
		}
		f := res.Wald
		if m == effect.NoncentralT {
			f = res.Exact
		}
		got := hasConv(f, Convention{Standardizer: s}, m)
		if (r.s("kind") == "made" || r.s("found") == "TRUE") && !got {
			t.Errorf("%s %s %s %s CI %s: not found (%s)", r.s("case"), r.s("conv"), r.s("method"), r.s("kind"), in.CI, f.String())
		}
		if got && r.s("found") == "FALSE" {
			extra++
		}
	}
	t.Logf("%d CIs consistent between R's grid points", extra)
}

// bruteBoxes and bruteGrid size TestRatioSearchBruteForce; set
// TIES_BRUTE_BOXES for a longer run (grid 11³), TIES_BRUTE_SEED for other
// boxes.
var bruteBoxes, bruteGrid = 30, 9

// TestRatioSearchBruteForce compares the search with a fine grid over
// (D, s1, s2) on random boxes, for every variant (sign flipped, SE read as
// SD) and levels 0.9, 0.95, 0.99: a CI printed from a point of the box must be found, and whenever
// the grid finds a point the search must say consistent.
func TestRatioSearchBruteForce(t *testing.T) {
	if v := os.Getenv("TIES_BRUTE_BOXES"); v != "" { // a longer run by hand
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("TIES_BRUTE_BOXES = %q: want a positive whole number of boxes", v)
		}
		bruteBoxes, bruteGrid = n, 11
	}
	seed := uint64(11)
	if v := os.Getenv("TIES_BRUTE_SEED"); v != "" {
		var err error
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("TIES_BRUTE_SEED = %q: want a whole number", v)
		}
	}
	rng := rand.New(rand.NewPCG(seed, 12))
	round2 := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
	extra, found := 0, 0
	for it := 0; it < bruteBoxes; it++ {
		n1, n2 := 2+rng.IntN(82), 2+rng.IntN(82)
		if it%8 == 0 { // small samples: non-monotone ends, few df
			n1, n2 = 2+rng.IntN(5), 2+rng.IntN(5)
		}
		dec := []int{1, 2}[rng.IntN(2)]
		pr := func(x float64) string { return strconv.FormatFloat(x, 'f', dec, 64) }
		m1s, m2s := pr(20+rng.NormFloat64()*3), pr(20+rng.NormFloat64()*3)
		s1s, s2s := pr(2+rng.Float64()*6), pr(2+rng.Float64()*6)
		c := Convention{Standardizer: []Standardizer{GlassControl, GlassTreat, AverageD}[it%3],
			Flipped: rng.IntN(2) == 0, SEAsSD: rng.IntN(4) == 0}
		level := []float64{0.95, 0.95, 0.9, 0.99}[rng.IntN(4)]
		m := effect.Wald
		if c.Standardizer != AverageD && rng.IntN(2) == 0 {
			m = effect.NoncentralT
		}
		if c.SEAsSD { // print SEs of comparable size
			s1s = pr(num(t, s1s) / math.Sqrt(float64(n1)) * 3)
			s2s = pr(num(t, s2s) / math.Sqrt(float64(n2)) * 3)
		}
		iv := func(s string) Range { return mustNum(t, s).Range() }
		m1, m2, s1, s2 := iv(m1s), iv(m2s), iv(s1s), iv(s2s)
		if c.SEAsSD {
			s1 = Range{s1.Lo * math.Sqrt(float64(n1)), s1.Hi * math.Sqrt(float64(n1))}
			s2 = Range{s2.Lo * math.Sqrt(float64(n2)), s2.Hi * math.Sqrt(float64(n2))}
		}
		D := Range{m1.Lo - m2.Hi, m1.Hi - m2.Lo}
		ends := func(d, a, b float64) (float64, float64) {
			lo, hi, err := ratioEndsLevel(c.Standardizer, m, d, a, b, n1, n2, level)
			if err != nil {
				t.Fatal(err)
			}
			if c.Flipped {
				return -hi, -lo
			}
			return lo, hi
		}
		at := func(iv Range, u float64) float64 { return iv.Lo + u*(iv.Hi-iv.Lo) }
		g := bruteGrid // grid points per dimension
		type pt struct{ l, u float64 }
		var grid []pt
		for i := 0; i < g; i++ {
			for j := 0; j < g; j++ {
				for k := 0; k < g; k++ {
					l, u := ends(at(D, float64(i)/float64(g-1)), at(s1, float64(j)/float64(g-1)), at(s2, float64(k)/float64(g-1)))
					grid = append(grid, pt{l, u})
				}
			}
		}
		for rep := 0; rep < 4; rep++ {
			l, u := ends(at(D, rng.Float64()), at(s1, rng.Float64()), at(s2, rng.Float64()))
			ls, us := round2(l), round2(u)
			if rep > 0 {
				ls = round2(num(t, ls) + float64(rng.IntN(3)-1)*0.01)
				us = round2(num(t, us) + float64(rng.IntN(3)-1)*0.01)
			}
			in := SMDInput{Treat: Arm{m1s, s1s, strconv.Itoa(n1)}, Control: Arm{m2s, s2s, strconv.Itoa(n2)}, CILower: ls, CIUpper: us}
			res, err := SMD(in, &Options{Level: level})
			if err != nil {
				t.Fatal(err)
			}
			f := res.Wald
			if m == effect.NoncentralT {
				f = res.Exact
			}
			got := hasConv(f, c, m)
			rl, ru := iv(ls), iv(us)
			fine := false
			for _, p := range grid {
				if rl.Contains(p.l) && ru.Contains(p.u) {
					fine = true
					break
				}
			}
			if fine {
				found++
			}
			if (rep == 0 || fine) && !got {
				t.Errorf("%v [%v] n %d/%d, %s±%s vs %s±%s, CI (%s, %s): search says no, grid/construction yes (%s)",
					c, m, n1, n2, m1s, s1s, m2s, s2s, ls, us, f.String())
			}
			if got && !fine {
				extra++
			}
		}
	}
	t.Logf("grid found %d; search found %d more", found, extra)
}

// Hand-built cases at the edge of rounding. Treat 12.0 ± 4.0 (n 50),
// control 10.0 ± 2.0 (n 50): Glass's Δ with the control SD is 1.00 at
// the centre; its Wald CI (SMD1) there is 1 ± 1.96·√0.05 = (0.562,
// 1.438), and over the box Δ ∈ [1.9/2.05, 2.1/1.95] = [0.927, 1.077].
func TestRatioEdgeOfRounding(t *testing.T) {
	glassC := Convention{Standardizer: GlassControl}
	in := func(ci string) SMDInput {
		return SMDInput{Treat: Arm{"12.0", "4.0", "50"}, Control: Arm{"10.0", "2.0", "50"}, CI: ci}
	}
	for _, tc := range []struct {
		ci       string
		wald, ex bool
	}{
		{"(0.56 to 1.44)", true, false},
		// The Wald ends move together: a lower end 0.49 (Δ ≈ 0.927) needs
		// an upper end near 1.36, not 1.44.
		{"(0.49 to 1.44)", false, false},
		{"(0.49 to 1.36)", true, false},
		// AKP: h = 1/50 + 4/50 = 0.1, t = Δ/√0.1 on 49 df; at the centre
		// the interval is (0.345, 1.646) (effect.GlassDelta), width 1.30;
		// over the box h ∈ [0.0943, 0.1063] moves the width by about ±3%.
		{"(0.34 to 1.65)", false, true},
		// Each end is reachable (lower at the smallest Δ, upper at the
		// largest), but not both at once: the width would be 1.45.
		{"(0.27 to 1.72)", false, false},
	} {
		r, err := SMD(in(tc.ci), nil)
		if err != nil {
			t.Fatal(err)
		}
		if hasConv(r.Wald, glassC, effect.Wald) != tc.wald || hasConv(r.Exact, glassC, effect.NoncentralT) != tc.ex {
			t.Errorf("%s: Wald %s; exact %s", tc.ci, r.Wald.String(), r.Exact.String())
		}
		// Flipped: the same CI reported as control minus intervention.
		fl := fmt.Sprintf("(%s to %s)", "-"+tc.ci[len(tc.ci)-5:len(tc.ci)-1], "-"+tc.ci[1:5])
		r, err = SMD(in(fl), nil)
		if err != nil {
			t.Fatal(err)
		}
		glassF := Convention{Standardizer: GlassControl, Flipped: true}
		if hasConv(r.Wald, glassF, effect.Wald) != tc.wald || hasConv(r.Exact, glassF, effect.NoncentralT) != tc.ex {
			t.Errorf("flipped %s: Wald %s; exact %s", fl, r.Wald.String(), r.Exact.String())
		}
	}
	lo, hi, _ := ratioEnds(GlassControl, effect.NoncentralT, 2, 4, 2, 50, 50)
	if math.Abs(lo-0.345) > 0.001 || math.Abs(hi-1.646) > 0.001 {
		t.Errorf("AKP at the centre: (%v, %v)", lo, hi)
	}
}
