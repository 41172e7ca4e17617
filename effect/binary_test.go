package effect

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

// Goldens: testdata/golden/effect/binary/gen.R (R 4.2.2, metafor 3.8-1
// escalc; Newcombe interval by hand, checked against Newcombe 1998 Table II).
func TestBinaryGolden(t *testing.T) {
	for _, r := range golden.ReadCSV(t, "../testdata/golden/effect/binary/binary.csv") {
		tab := Table2x2{TreatEvents: r.Int(t, "a"), TreatN: r.Int(t, "n1"), ControlEvents: r.Int(t, "c"), ControlN: r.Int(t, "n2")}
		name := fmt.Sprintf("%+v", tab)
		or, err := OddsRatio(tab, nil)
		if err != nil {
			t.Fatal(name, err)
		}
		rr, err := RiskRatio(tab, nil)
		if err != nil {
			t.Fatal(name, err)
		}
		rdw, err := RiskDifference(tab, &Options{CI: Wald})
		if err != nil {
			t.Fatal(name, err)
		}
		rdn, err := RiskDifference(tab, nil)
		if err != nil {
			t.Fatal(name, err)
		}
		for _, c := range []struct {
			m string
			e Estimate
		}{{"OR", or}, {"RR", rr}, {"RD", rdw}} {
			golden.Close(t, name+" "+c.m+" yi", c.e.Value, r.Float(t, c.m+".yi"), 1e-13, 1e-13)
			golden.Close(t, name+" "+c.m+" vi", c.e.Variance, r.Float(t, c.m+".vi"), 1e-13, 1e-13)
			golden.Close(t, name+" "+c.m+" lb", c.e.CI.Lower, r.Float(t, c.m+".lb"), 1e-13, 1e-13)
			golden.Close(t, name+" "+c.m+" ub", c.e.CI.Upper, r.Float(t, c.m+".ub"), 1e-13, 1e-13)
		}
		if rdn.CIMethod != Newcombe || rdw.CIMethod != Wald {
			t.Errorf("%s: CI methods %v, %v", name, rdn.CIMethod, rdw.CIMethod)
		}
		golden.Close(t, name+" Newcombe lb", rdn.CI.Lower, r.Float(t, "newc.lb"), 1e-13, 1e-13)
		golden.Close(t, name+" Newcombe ub", rdn.CI.Upper, r.Float(t, "newc.ub"), 1e-13, 1e-13)
	}
}

// Newcombe (1998), Table II, 56/70 vs 48/80: method 10 gives 0.0524 to
// 0.3339 (four decimals as published).
func TestNewcombePublished(t *testing.T) {
	e, err := RiskDifference(Table2x2{56, 70, 48, 80}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if math.Round(e.CI.Lower*1e4) != 524 || math.Round(e.CI.Upper*1e4) != 3339 {
		t.Errorf("Newcombe interval %v, want [0.0524, 0.3339]", e.CI)
	}
}

func TestNNT(t *testing.T) {
	// Event "no longer lonely" is a benefit: 56/70 vs 48/80, RD 0.2,
	// Newcombe [0.05243, 0.33387] → NNTB 5 (3.0 to 19.1).
	n, err := NumberNeededToTreat(Table2x2{56, 70, 48, 80}, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	rd, _ := RiskDifference(Table2x2{56, 70, 48, 80}, nil)
	if n.Direction != NNTBenefit || n.Crosses || math.Abs(n.Value-5) > 1e-12 ||
		math.Abs(n.Lower-1/rd.CI.Upper) > 1e-12 || math.Abs(n.Upper-1/rd.CI.Lower) > 1e-12 {
		t.Errorf("NNT = %+v", n)
	}
	if got, want := n.String(), "NNTB 5.0 (95% CI NNTB 3.0 to 19.1)"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	// The same table with the event counted as harmful is an NNTH.
	h, _ := NumberNeededToTreat(Table2x2{56, 70, 48, 80}, false, nil)
	if h.Direction != NNTHarm || math.Abs(h.Lower-n.Lower) > 1e-12 || math.Abs(h.Upper-n.Upper) > 1e-12 {
		t.Errorf("NNTH = %+v", h)
	}
	// Interval crossing zero (Altman 1998): 12/45 vs 22/47 as benefit,
	// RD −0.2014 (Wald −0.3939 to −0.0090) excludes 0; 20/50 vs 17/50 does
	// not. RD 0.06, Wald [−0.1300, 0.2500] → NNTB 16.7 (NNTH 7.7 to ∞ to NNTB 4.0).
	c, err := NumberNeededToTreat(Table2x2{20, 50, 17, 50}, true, &Options{CI: Wald})
	if err != nil {
		t.Fatal(err)
	}
	rdc, _ := RiskDifference(Table2x2{20, 50, 17, 50}, &Options{CI: Wald})
	if !c.Crosses || c.Direction != NNTBenefit || math.Abs(c.BenefitLimit-1/rdc.CI.Upper) > 1e-12 ||
		math.Abs(c.HarmLimit-1/-rdc.CI.Lower) > 1e-12 || !math.IsNaN(c.Lower) {
		t.Errorf("crossing NNT = %+v", c)
	}
	if !strings.Contains(c.String(), "to ∞ to") {
		t.Errorf("String = %q", c.String())
	}
	// Zero risk difference: NNT is infinite.
	z, _ := NumberNeededToTreat(Table2x2{10, 40, 10, 40}, true, nil)
	if !math.IsInf(z.Value, 1) || !z.Crosses {
		t.Errorf("zero RD NNT = %+v", z)
	}
}

func TestTableFromScores(t *testing.T) {
	treat := []float64{3, 4, 5, 6, 7, 8, 9}
	control := []float64{5, 6, 7, 8, 9, 9}
	tab, err := TableFromThreshold(treat, control, 6, AtLeast)
	if err != nil {
		t.Fatal(err)
	}
	if tab != (Table2x2{4, 7, 5, 6}) {
		t.Errorf("AtLeast 6: %+v", tab)
	}
	for _, c := range []struct {
		rule ThresholdRule
		want Table2x2
	}{{Above, Table2x2{3, 7, 4, 6}}, {AtMost, Table2x2{4, 7, 2, 6}}, {Below, Table2x2{3, 7, 1, 6}}} {
		got, err := TableFromThreshold(treat, control, 6, c.rule)
		if err != nil || got != c.want {
			t.Errorf("%v 6: %+v, %v; want %+v", c.rule, got, err, c.want)
		}
	}
	band, err := TableFromScores(treat, control, InBand(3, 5))
	if err != nil || band != (Table2x2{3, 7, 1, 6}) {
		t.Errorf("InBand(3,5): %+v, %v", band, err)
	}
}

func TestBinaryInvalid(t *testing.T) {
	bad := []struct {
		tab   Table2x2
		field string
	}{
		{Table2x2{1, 0, 1, 10}, "TreatN"},
		{Table2x2{1, 10, 1, 0}, "ControlN"},
		{Table2x2{-1, 10, 1, 10}, "TreatEvents"},
		{Table2x2{11, 10, 1, 10}, "TreatEvents"},
		{Table2x2{1, 10, 12, 10}, "ControlEvents"},
	}
	for _, b := range bad {
		for name, f := range map[string]func(Table2x2, *Options) (Estimate, error){
			"OR": OddsRatio, "RR": RiskRatio, "RD": RiskDifference,
		} {
			_, err := f(b.tab, nil)
			var fe *FieldError
			if !errors.Is(err, ErrInvalidInput) || !errors.As(err, &fe) || fe.Field != b.field {
				t.Errorf("%s(%+v): err %v, want field %s", name, b.tab, err, b.field)
			}
		}
		if _, err := NumberNeededToTreat(b.tab, true, nil); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("NNT(%+v): %v", b.tab, err)
		}
	}
	ok := Table2x2{5, 10, 3, 10}
	if _, err := OddsRatio(ok, &Options{CI: NoncentralT}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("OR with NoncentralT CI: %v", err)
	}
	if _, err := RiskRatio(ok, &Options{Level: 1.5}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("RR with Level 1.5: %v", err)
	}
	if _, err := RiskDifference(ok, &Options{CI: Bootstrap}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("RD with Bootstrap CI: %v", err)
	}
	for _, c := range []struct {
		tr, co []float64
		th     float64
		rule   ThresholdRule
		field  string
	}{
		{nil, []float64{1}, 1, AtLeast, "treat"},
		{[]float64{1}, nil, 1, AtLeast, "control"},
		{[]float64{1, math.NaN()}, []float64{1}, 1, AtLeast, "treat[1]"},
		{[]float64{1}, []float64{math.Inf(1)}, 1, AtLeast, "control[0]"},
		{[]float64{1}, []float64{1}, math.NaN(), AtLeast, "threshold"},
		{[]float64{1}, []float64{1}, 1, ThresholdRule(9), "rule"},
	} {
		_, err := TableFromThreshold(c.tr, c.co, c.th, c.rule)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("TableFromThreshold: err %v, want field %s", err, c.field)
		}
	}
	if _, err := TableFromScores([]float64{1}, []float64{1}, nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("nil predicate: %v", err)
	}
}
