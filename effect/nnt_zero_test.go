package effect

import (
	"math"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

// TestRiskDifferenceZeroCell pins the one zero-cell convention of
// RiskDifference and NumberNeededToTreat on 10/10 vs 0/20. References:
// statsmodels 0.13 confint_proportions_2indep(10, 10, 0, 20,
// method="newcomb") = (0.6790860371419145, 1.0) on the raw proportions;
// metafor 3.8-1 escalc("RD", 10, 10, 0, 20): yi 0.93073593073593075,
// vi 0.00505119462785173, whose Wald interval (0.7914, 1.0700) exceeds 1.
func TestRiskDifferenceZeroCell(t *testing.T) {
	tab := Table2x2{TreatEvents: 10, TreatN: 10, ControlEvents: 0, ControlN: 20}
	rd, err := RiskDifference(tab, nil)
	if err != nil {
		t.Fatal(err)
	}
	golden.Close(t, "Newcombe value", rd.Value, 1, 0, 0)
	golden.Close(t, "Newcombe lower", rd.CI.Lower, 0.6790860371419145, 0, 1e-14)
	golden.Close(t, "Newcombe upper", rd.CI.Upper, 1, 0, 0)
	n, err := NumberNeededToTreat(tab, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n.Value != 1/math.Abs(n.RD.Value) {
		t.Errorf("NNT %v, 1/RD %v", n.Value, 1/n.RD.Value)
	}

	w, err := RiskDifference(tab, &Options{CI: Wald})
	if err != nil {
		t.Fatal(err)
	}
	golden.Close(t, "Wald value", w.Value, 0.93073593073593075, 0, 1e-15)
	golden.Close(t, "Wald variance", w.Variance, 0.00505119462785173, 0, 1e-15)
	golden.Close(t, "Wald lower", w.CI.Lower, 0.79143784690774666, 0, 1e-14)
	golden.Close(t, "Wald upper (truncated)", w.CI.Upper, 1, 0, 0)
	nw, err := NumberNeededToTreat(tab, true, &Options{CI: Wald})
	if err != nil {
		t.Fatal(err)
	}
	if nw.Value != 1/math.Abs(nw.RD.Value) {
		t.Errorf("Wald NNT %v, 1/RD %v", nw.Value, 1/nw.RD.Value)
	}
	if nw.Lower < 1 || nw.Lower != 1 {
		t.Errorf("Wald NNT lower limit %v, want 1 (RD upper limit truncated to 1)", nw.Lower)
	}
	golden.Close(t, "Wald NNT upper", nw.Upper, 1/0.79143784690774666, 0, 1e-13)
}
