package mmrm

import "testing"

// TestBetweenWithinFEV: the R package mmrm (method "Between-Within") gives
// 192 df (197 subjects − 5 between-subject coefficients: intercept, arm,
// two race and one sex dummy) for the arm difference at every visit.
func TestBetweenWithinFEV(t *testing.T) {
	r, err := Fit(readFEV(t), &Options{DF: BetweenWithin})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range r.Differences {
		if d.DF != 192 {
			t.Errorf("%s: df %g; mmrm 192", d.Visit, d.DF)
		}
	}
	// Arm × visit only involves within-subject effects: 537 − 197 − 6 (mmrm: 334).
	if got := r.Tests[1].DenDF; got != 334 {
		t.Errorf("arm × visit df %g; want 334", got)
	}
}

// TestResidualDF: N − p = 537 − 11 on fev_data, as nlme::gls and SAS
// DDFM=RESIDUAL.
func TestResidualDF(t *testing.T) {
	r, err := Fit(readFEV(t), &Options{DF: Residual})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range r.Differences {
		if d.DF != 526 {
			t.Errorf("%s: df %g; want 526", d.Visit, d.DF)
		}
	}
}
