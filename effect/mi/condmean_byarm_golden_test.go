package mi

import (
	"fmt"
	"testing"

	"github.com/tiesproject/ties/effect/mmrm"
	"github.com/tiesproject/ties/internal/golden"
)

// TestCondMeanByArmGolden compares conditional mean imputation with one
// covariance per arm (ByArm: JR and CIR use the joined covariance, CR the
// reference arm's) with base R at the exact REML optimum
// (testdata/golden/mi/gen_condmean_byarm.R, rbmi's strategy functions with
// same_cov = FALSE): every strategy and a δ-adjustment, the per-visit
// difference and both LS means and their jackknife standard errors, on
// three simulated trials whose arms have different covariances, 1e-6
// relative. Two have monotone drop-out only, which cannot tell the joined
// covariance from the reference's; the third adds retrieved drop-outs
// (outcomes observed after a non-MAR event: out of the fit, conditioned on
// when imputing), gaps before an event and intermittent MAR gaps, where
// the joined covariance matters.
func TestCondMeanByArmGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("jackknife refits")
	}
	compareCondMeanGolden(t, "condmean_byarm_data.csv", "condmean_byarm_results.csv", true)
}

// TestCondMeanByArmFit checks the imputation model itself, mmrm.Fit with
// one unstructured covariance per arm, against the base-R REML optimum of
// gen_condmean_byarm.R: β, each arm's Σ and the restricted log-likelihood.
func TestCondMeanByArmFit(t *testing.T) {
	dir := "../../testdata/golden/mi/"
	trials := readGoldenTrials(t, dir+"condmean_byarm_data.csv")
	visits := []string{"V1", "V2", "V3"}
	fits := map[string]*mmrm.Result{}
	for _, r := range golden.ReadCSV(t, dir+"condmean_byarm_fit.csv") {
		c := r.String(t, "case")
		f := fits[c]
		if f == nil {
			td := trials[c]
			// The MAR fit: every observed outcome.
			var err error
			f, err = mmrm.Fit(td.d, &mmrm.Options{ByArm: true, Visits: visits, Control: "control"})
			if err != nil {
				t.Fatalf("%s: %v", c, err)
			}
			fits[c] = f
		}
		want := r.Float(t, "value")
		switch what := r.String(t, "what"); what {
		case "beta":
			// R's order: visit means, arm × visit, baseline × visit, then
			// age, site B, site C.
			names := []string{"visit=V1", "visit=V2", "visit=V3",
				"arm=treat:visit=V1", "arm=treat:visit=V2", "arm=treat:visit=V3",
				"baseline:visit=V1", "baseline:visit=V2", "baseline:visit=V3",
				"age", "site=B", "site=C"}
			name := names[r.Int(t, "row")-1]
			got, found := 0.0, false
			for _, cf := range f.Coefficients {
				if cf.Name == name {
					got, found = cf.Estimate, true
				}
			}
			if !found {
				t.Fatalf("%s: no coefficient %q in %v", c, name, f.Coefficients)
			}
			golden.Close(t, c+" "+name, got, want, 1e-8, 1e-10)
		case "sigma":
			a := indexOf(f.Arms, r.String(t, "arm"))
			if a < 0 || len(f.Covariance) != 2 {
				t.Fatalf("%s: arms %v, %d covariances", c, f.Arms, len(f.Covariance))
			}
			i, j := r.Int(t, "row")-1, r.Int(t, "col")-1
			golden.Close(t, fmt.Sprintf("%s Σ[%s](%d,%d)", c, f.Arms[a], i+1, j+1), f.Covariance[a].At(i, j), want, 1e-8, 1e-10)
		case "loglik":
			golden.Close(t, c+" REML log-likelihood", f.LogLik, want, 1e-10, 0)
		default:
			t.Fatalf("unknown row %q", what)
		}
	}
	if len(fits) != 3 {
		t.Errorf("%d trials fitted, want 3", len(fits))
	}
}
