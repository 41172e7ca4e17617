package check

import (
	"errors"
	"testing"
)

// TestPStatcheck reproduces the verdicts of statcheck 1.6.0 (Nuijten et
// al. 2016; two-tailed, α = .05) on a set of printed results, and adds
// one-sided, "ns" and decision-error cases.
func TestPStatcheck(t *testing.T) {
	for _, c := range []struct {
		in       string
		tails    int
		p        float64 // computed p from the printed statistic (R)
		want     Verdict
		oneSided bool
		decision bool
	}{
		{"t(28) = 2.20, p = .036", 0, 0.03622548478, Consistent, false, false},
		{"t(28) = 2.20, p = .010", 0, 0.03622548478, Inconsistent, false, false},
		{"t(28) = 1.80, p < .04", 0, 0.08264496112, Inconsistent, false, true},
		{"t(28) = −2.20, p = .036", 0, 0.03622548478, Consistent, false, false},
		{"F(1,58) = 4.12, p = .047", 0, 0.04697504421, Consistent, false, false},
		{"r(48) = .30, p = .03", 0, 0.03428618003, Consistent, false, false},
		{"χ2(1) = 3.84, p = .05", 0, 0.05004352125, Consistent, false, false},
		{"z = 1.96, p = .05", 0, 0.0499957903, Consistent, false, false},
		{"t(10) = 2.0, p = .07", 0, 0.07338803477, Consistent, false, false},
		// statcheck's "=" bound: computed p range [.03584, .03662] rounds to [.036, .037].
		{"t(28) = 2.20, p = .037", 0, 0.03622548478, Consistent, false, false},
		{"t(28) = 2.20, p = .035", 0, 0.03622548478, Inconsistent, false, false},
		// one-sided p: half of two-sided.
		{"t(28) = 2.20, p = .018", 0, 0.03622548478, Consistent, true, false},
		{"t(28) = 2.20, p = .018", 1, 0.03622548478 / 2, Consistent, false, false},
		{"t(28) = 2.20, p = .018", 2, 0.03622548478, Inconsistent, false, false},
		// decision errors both ways.
		{"t(28) = 1.50, p = .04", 0, 0.1447, Inconsistent, false, true},
		{"t(28) = 2.50, p = .08", 0, 0.01853, Inconsistent, false, true},
		{"t(10) = 1.2, ns", 0, 0.2578, Consistent, false, false},
		{"t(30) = 3.5, ns", 0, 0.001469, Inconsistent, false, true},
		{"t(28) = 2.20, p > .05", 0, 0.03622548478, Inconsistent, false, true},
		{"t(28) = 1.20, p > .05", 0, 0.24, Consistent, false, false},
		{"t(100) = 5.2, p < .001", 0, 1.05e-6, Consistent, false, false},
		{"t(100) = 5.2, p = .000", 0, 1.05e-6, Consistent, false, false},
		// F with df1 > 1 and χ² with df > 1.
		{"F(3, 120) = 2.71, p = .048", 0, 0.04814757208, Consistent, false, false},
		{"χ2(4) = 9.49, p = .05", 0, 0.04995313122, Consistent, false, false},
		// r at the edge: r = 1.00 widened caps at 1.
		{"r(10) = 1.00, p < .001", 0, 0, Consistent, false, false},
	} {
		r, err := parseResult(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		r.Tails = c.tails
		pc, err := checkP(r, nil)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		if pc.Verdict != c.want || pc.OneSided != c.oneSided || pc.DecisionError != c.decision {
			t.Errorf("%s (tails %d): %v one-sided %v decision %v (p %.6g, range %v), want %v %v %v",
				c.in, c.tails, pc.Verdict, pc.OneSided, pc.DecisionError, pc.P, pc.PRange, c.want, c.oneSided, c.decision)
		}
		if !closeTo(pc.P, c.p, 3e-3) && !closeTo(pc.P, c.p, 1e-9) {
			t.Errorf("%s: p = %.10g, want %.10g", c.in, pc.P, c.p)
		}
	}
}

func TestPErrors(t *testing.T) {
	for _, r := range []result{
		{Kind: testT, DF1: 0, Stat: Number{Value: 2}},
		{Kind: testF, DF1: 1, Stat: Number{Value: 2}},
		{Kind: testR, DF1: 10, Stat: Number{Value: 1.5}},
		{Kind: testChiSq, DF1: 1, Stat: Number{Value: -1}},
		{Kind: 0},
	} {
		if _, err := checkP(r, nil); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%+v: %v", r, err)
		}
	}
}
