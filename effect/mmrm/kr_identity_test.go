package mmrm

import "testing"

// TestKRDFEqualsSatterthwaite: for a 1-df contrast the Kenward–Roger df
// equal Satterthwaite's (both use the unadjusted Φ and the same W); only the
// SE changes, and it can only grow.
func TestKRDFEqualsSatterthwaite(t *testing.T) {
	d := readFEV(t)
	for _, s := range []Structure{US, CS, CSH, AR1, ARH, TOEPH, ADH} {
		sat, err := Fit(d, &Options{Structure: s})
		if err != nil {
			t.Fatal(err)
		}
		for _, dfm := range []DFMethod{KenwardRoger, KenwardRogerLinear} {
			kr, err := Fit(d, &Options{Structure: s, DF: dfm})
			if err != nil {
				t.Fatal(err)
			}
			for v, want := range sat.Differences {
				got := kr.Differences[v]
				if !closeTo(got.DF, want.DF, 1e-8, 0) {
					t.Errorf("%v %v %s: KR df %.10g, Satterthwaite %.10g", s, dfm, got.Visit, got.DF, want.DF)
				}
				if got.SE < want.SE*(1-1e-12) {
					t.Errorf("%v %v %s: KR SE %.10g below model-based %.10g", s, dfm, got.Visit, got.SE, want.SE)
				}
			}
			t.Logf("%v %v: VIS4 SE %.9f (model %.9f) df %.6f", s, dfm, kr.Differences[3].SE, sat.Differences[3].SE, kr.Differences[3].DF)
		}
	}
}
