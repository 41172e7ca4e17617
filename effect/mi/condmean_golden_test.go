package mi

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/effect/mmrm"
	"github.com/tiesproject/ties/internal/golden"
)

// goldenTrial is one simulated trial of condmean_data.csv or
// condmean_byarm_data.csv.
type goldenTrial struct {
	d      *mmrm.Data
	events map[string]string // subject -> first visit affected
}

// readGoldenTrials reads the simulated trials of gen_condmean.R or
// gen_condmean_byarm.R; cases whose name ends in "cov" carry the covariate
// age and the factor site.
func readGoldenTrials(t *testing.T, path string) map[string]*goldenTrial {
	t.Helper()
	trials := map[string]*goldenTrial{}
	for _, r := range golden.ReadCSV(t, path) {
		c := r.String(t, "case")
		td := trials[c]
		if td == nil {
			td = &goldenTrial{d: &mmrm.Data{}, events: map[string]string{}}
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
// visit before the event), as the R generators do.
func (td *goldenTrial) eventsFor(s Strategy) []Event {
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

// compareCondMeanGolden runs ConditionalMean (ByArm as given) on the trials
// of dataFile for every case and setting of resultsFile, and compares the
// per-visit difference and both LS means, and their jackknife standard
// errors, with R's, 1e-6 relative. It fails if fewer than 100 values were
// compared.
func compareCondMeanGolden(t *testing.T, dataFile, resultsFile string, byArm bool) {
	t.Helper()
	dir := "../../testdata/golden/mi/"
	trials := readGoldenTrials(t, dir+dataFile)
	type key struct{ c, s string }
	results := map[key]*CondMeanResult{}
	visits := []string{"V1", "V2", "V3"}
	n := 0
	for _, r := range golden.ReadCSV(t, dir+resultsFile) {
		k := key{r.String(t, "case"), r.String(t, "setting")}
		res, ok := results[k]
		if !ok {
			td := trials[k.c]
			s, err := ParseStrategy(r.String(t, "strategy"))
			if err != nil {
				t.Fatal(err)
			}
			o := &CondMeanOptions{Reference: "control", Visits: visits, ByArm: byArm}
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

// TestCondMeanGolden compares every strategy and δ-adjustment with base R at
// the exact REML optimum (testdata/golden/mi/gen_condmean.R): the per-visit
// difference and both LS means, and their jackknife standard errors, on two
// simulated trials with monotone MAR drop-out (one with a covariate and a
// factor), 1e-6 relative.
func TestCondMeanGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("jackknife refits")
	}
	compareCondMeanGolden(t, "condmean_data.csv", "condmean_results.csv", false)
}
