package mmrm

import (
	"errors"
	"testing"
)

// TestStart checks that a warm start (Options.Start) reaches the optimum
// of the default start, and that unusable starting values are refused.
func TestStart(t *testing.T) {
	d := readFEV(t)
	for _, s := range []Structure{US, CS, AR1, TOEP, ADH} {
		for _, byArm := range []bool{false, true} {
			cold, err := Fit(d, &Options{Structure: s, ByArm: byArm})
			if err != nil {
				t.Fatal(err)
			}
			// Start away from the optimum: each group's first parameter (a
			// variance, or CS's covariance) doubled.
			st := append([]float64(nil), cold.Theta...)
			kg := s.NumParams(len(cold.Visits))
			for g := 0; g < len(st); g += kg {
				st[g] *= 2
			}
			warm, err := Fit(d, &Options{Structure: s, ByArm: byArm, Start: st})
			if err != nil {
				t.Fatalf("%v byArm=%v: %v", s, byArm, err)
			}
			if !closeTo(warm.LogLik, cold.LogLik, 1e-12, 0) {
				t.Errorf("%v byArm=%v: log-likelihood %.12g from the warm start, %.12g from the default", s, byArm, warm.LogLik, cold.LogLik)
			}
			for j, c := range cold.Coefficients {
				if !closeTo(warm.Coefficients[j].Estimate, c.Estimate, 1e-6, 1e-6*c.SE) {
					t.Errorf("%v byArm=%v: %s = %.10g, default start %.10g", s, byArm, c.Name, warm.Coefficients[j].Estimate, c.Estimate)
				}
			}
			if st[0] != 2*cold.Theta[0] {
				t.Errorf("%v byArm=%v: Fit changed Options.Start", s, byArm)
			}
		}
	}
	for _, o := range []*Options{
		{Start: []float64{1, 0.5}},                                              // US at 4 visits has 10
		{Structure: AR1, Start: []float64{-1, 0.5}},                             // a variance below 0
		{Structure: AR1, Start: []float64{30, 1.5}},                             // a correlation above 1
		{Structure: AR1, Fallback: []Structure{AR1}, Start: []float64{30, 0.5}}, // with Fallback
	} {
		if _, err := Fit(d, o); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%+v: err = %v, want ErrInvalidInput", o, err)
		}
	}
}
