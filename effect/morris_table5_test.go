package effect

import (
	"math"
	"testing"
)

// TestMorrisPPC2Table5 reproduces d_ppc2 of Morris (2008, Table 5) for the
// five training studies of Carlson & Schmidt (1999) that the paper
// analyses (inputs of Morris's Table 5 as transcribed in metafor's
// tests/testthat/test_analysis_example_morris2008.r; r common to the arms).
func TestMorrisPPC2Table5(t *testing.T) {
	type arm struct{ preM, postM, preSD float64 }
	studies := []struct {
		tr, co arm
		nT, nC int
		r      float64
		want   float64
	}{
		{arm{30.6, 38.5, 15.0}, arm{23.1, 19.7, 13.8}, 20, 20, 0.47, 0.7684},
		{arm{23.5, 26.8, 3.1}, arm{24.9, 25.3, 4.1}, 50, 42, 0.64, 0.8010},
		{arm{0.5, 0.7, 0.1}, arm{0.6, 0.6, 0.2}, 9, 9, 0.77, 1.2045},
		{arm{53.4, 75.9, 14.5}, arm{55.7, 60.7, 17.3}, 10, 11, 0.89, 1.0476},
		{arm{35.6, 36.0, 4.7}, arm{34.8, 33.4, 3.1}, 14, 14, 0.44, 0.4389},
	}
	for i, s := range studies {
		e, err := MorrisPPC2(
			PrePostArm{PreMean: s.tr.preM, PreSD: s.tr.preSD, PostMean: s.tr.postM, N: s.nT},
			PrePostArm{PreMean: s.co.preM, PreSD: s.co.preSD, PostMean: s.co.postM, N: s.nC},
			s.r, nil)
		if err != nil {
			t.Fatalf("study %d: %v", i+1, err)
		}
		if got := math.Round(e.Value*1e4) / 1e4; got != s.want {
			t.Errorf("study %d: d_ppc2 = %.6f, Morris (2008) Table 5 prints %.4f", i+1, e.Value, s.want)
		}
	}
}
