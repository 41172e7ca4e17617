package mi

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/effect/mmrm"
	"github.com/tiesproject/ties/internal/golden"
)

// byArmTrial is one simulated trial of condmean_byarm_data.csv.
type byArmTrial struct {
	d      *mmrm.Data
	events map[string]string // subject -> first visit affected
}

// readByArmTrials reads the simulated trials of gen_condmean_byarm.R.
func readByArmTrials(t *testing.T, path string) map[string]*byArmTrial {
	t.Helper()
	trials := map[string]*byArmTrial{}
	for _, r := range golden.ReadCSV(t, path) {
		c := r.String(t, "case")
		td := trials[c]
		if td == nil {
			td = &byArmTrial{d: &mmrm.Data{}, events: map[string]string{}}
			trials[c] = td
		}
		d := td.d
		id := r.String(t, "id")
		d.Subject = append(d.Subject, id)
		d.Visit = append(d.Visit, r.String(t, "visit"))
		d.Arm = append(d.Arm, r.String(t, "arm"))
		d.Outcome = append(d.Outcome, r.Float(t, "y"))
		d.Baseline = append(d.Baseline, r.Float(t, "base"))
		if strings.HasSuffix(c, "cov") {
			if len(d.Covariates) == 0 {
				d.Covariates = []effect.Covariate{{Name: "age"}}
				d.Factors = []effect.Factor{{Name: "site"}}
			}
			d.Covariates[0].Values = append(d.Covariates[0].Values, r.Float(t, "age"))
			d.Factors[0].Levels = append(d.Factors[0].Levels, r.String(t, "site"))
		}
		if v := r.String(t, "ice_visit"); v != "" {
			td.events[id] = v
		}
	}
	return trials
}

// eventsFor gives every subject with an intercurrent event strategy s, except
// that LMCF subjects who left before the first visit are MAR (LMCF needs a
// visit before the event), as gen_condmean_byarm.R does.
func (td *byArmTrial) eventsFor(s Strategy) []Event {
	var ev []Event
	seen := map[string]bool{}
	for _, id := range td.d.Subject {
		if v, ok := td.events[id]; ok && !seen[id] {
			seen[id] = true
			es := s
			if s == LMCF && v == "V1" {
				es = MAR
			}
			ev = append(ev, Event{Subject: id, Visit: v, Strategy: es})
		}
	}
	return ev
}

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
	dir := "../../testdata/golden/mi/"
	trials := readByArmTrials(t, dir+"condmean_byarm_data.csv")
	type key struct{ c, s string }
	results := map[key]*CondMeanResult{}
	visits := []string{"V1", "V2", "V3"}
	n := 0
	for _, r := range golden.ReadCSV(t, dir+"condmean_byarm_results.csv") {
		k := key{r.String(t, "case"), r.String(t, "setting")}
		res, ok := results[k]
		if !ok {
			td := trials[k.c]
			s, err := ParseStrategy(r.String(t, "strategy"))
			if err != nil {
				t.Fatal(err)
			}
			o := &CondMeanOptions{Reference: "control", Visits: visits, ByArm: true}
			if ds := r.String(t, "delta"); ds != "" {
				x := parseVec(t, ds)
				for a, arm := range []string{"control", "treat"} {
					for v := range visits {
						o.Delta = append(o.Delta, Delta{Arm: arm, Visit: visits[v], Value: x[3*a+v]})
					}
				}
			}
			res, err = ConditionalMean(td.d, td.eventsFor(s), o)
			if err != nil {
				t.Fatalf("%v: %v", k, err)
			}
			results[k] = res
		}
		q := r.String(t, "quantity") // trt_1, lsm_ref_1, lsm_alt_1, ...
		var v int
		if _, err := fmt.Sscanf(q[strings.LastIndex(q, "_")+1:], "%d", &v); err != nil {
			t.Fatal(err)
		}
		vr := res.Visits[v-1]
		p := vr.Difference
		switch {
		case strings.HasPrefix(q, "lsm_ref"):
			p = vr.LSMeanReference
		case strings.HasPrefix(q, "lsm_alt"):
			p = vr.LSMeanOther
		}
		w := fmt.Sprintf("%s %s %s", k.c, k.s, q)
		golden.Close(t, w+" estimate", p.Estimate, r.Float(t, "estimate"), 1e-6, 1e-9)
		golden.Close(t, w+" SE", p.SE, r.Float(t, "se"), 1e-6, 1e-9)
		n++
	}
	if n < 100 {
		t.Errorf("only %d values compared", n)
	}
}

// TestCondMeanByArmFit checks the imputation model itself, mmrm.Fit with
// one unstructured covariance per arm, against the base-R REML optimum of
// gen_condmean_byarm.R: β, each arm's Σ and the restricted log-likelihood.
func TestCondMeanByArmFit(t *testing.T) {
	dir := "../../testdata/golden/mi/"
	trials := readByArmTrials(t, dir+"condmean_byarm_data.csv")
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
