package mmrm

import (
	"math"
	"testing"
)

// TestFEVFitStatisticsSAS holds the fit statistics of the fev_data analysis
// (US, REML) to SAS PROC MIXED's printed digits: −2 Res Log Likelihood
// 3386.4, AIC 3406.4, AICC 3406.9, BIC 3439.4 (the PROC MIXED listing
// sas_resid_un.txt of the R package mmrm's design/SAS folder). SAS's BIC
// uses the 200 subjects of the data set, 3 of them without any FEV1.
func TestFEVFitStatisticsSAS(t *testing.T) {
	r, err := Fit(readFEV(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"−2RLL", -2 * r.LogLik, 3386.4}, {"AIC", r.AIC, 3406.4}, {"AICC", r.AICc, 3406.9}, {"BIC", r.BIC, 3439.4}} {
		if math.Abs(c.got-c.want) > 0.05 {
			t.Errorf("%s = %.4f, SAS prints %.1f", c.name, c.got, c.want)
		}
	}
}
