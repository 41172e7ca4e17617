package mmrm

import (
	"errors"
	"math"
	"testing"
)

// TestEstimatesOnly checks that Options.EstimatesOnly changes nothing it
// reports: the coefficients, θ, its covariance, Σ and the fit criteria are
// those of the full fit, bit for bit, for every structure and with ByArm.
func TestEstimatesOnly(t *testing.T) {
	d := readFEV(t)
	for _, s := range []Structure{US, CS, AR1, TOEP} {
		for _, byArm := range []bool{false, true} {
			full, err := Fit(d, &Options{Structure: s, ByArm: byArm})
			if err != nil {
				t.Fatal(err)
			}
			est, err := Fit(d, &Options{Structure: s, ByArm: byArm, EstimatesOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			if !est.EstimatesOnly || est.LSMeans != nil || est.Differences != nil || est.Tests != nil {
				t.Errorf("%v byArm=%v: inference not skipped", s, byArm)
			}
			for j, c := range full.Coefficients {
				e := est.Coefficients[j]
				if e.Name != c.Name || e.Estimate != c.Estimate || e.SE != c.SE || e.T != c.T || !math.IsNaN(e.DF) || !math.IsNaN(e.P) {
					t.Errorf("%v byArm=%v: coefficient %d = %+v, full fit %+v", s, byArm, j, e, c)
				}
			}
			for k, th := range full.Theta {
				if est.Theta[k] != th {
					t.Errorf("%v byArm=%v: θ%d = %v, full fit %v", s, byArm, k, est.Theta[k], th)
				}
			}
			for g, sg := range full.Covariance {
				r, c := sg.Dims()
				for i := 0; i < r; i++ {
					for j := 0; j < c; j++ {
						if est.Covariance[g].At(i, j) != sg.At(i, j) || est.ThetaCov.At(0, 0) != full.ThetaCov.At(0, 0) {
							t.Errorf("%v byArm=%v: Σ or ThetaCov differ", s, byArm)
						}
					}
				}
			}
			if est.LogLik != full.LogLik || est.AIC != full.AIC || est.AICc != full.AICc || est.BIC != full.BIC || est.Iterations != full.Iterations {
				t.Errorf("%v byArm=%v: fit criteria differ", s, byArm)
			}
			if est.String() == "" {
				t.Errorf("%v byArm=%v: empty String", s, byArm)
			}
		}
	}
	for _, o := range []*Options{
		{EstimatesOnly: true, Level: 0.9},
		{EstimatesOnly: true, DF: KenwardRoger},
		{EstimatesOnly: true, Cov: CR2},
	} {
		if _, err := Fit(d, o); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%+v: err = %v, want ErrInvalidInput", o, err)
		}
	}
}
