package mmrm

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

const goldenDir = "../../testdata/golden/mmrm"

type refRow struct {
	dataset, structure, method, what string
	index                            int
	value                            float64
}

func readReference(t *testing.T) []refRow {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(goldenDir, "reference*.csv"))
	if len(files) == 0 {
		t.Fatal("no reference files")
	}
	var out []refRow
	for _, fn := range files {
		for _, r := range golden.ReadCSV(t, fn) {
			out = append(out, refRow{r.String(t, "dataset"), r.String(t, "structure"), r.String(t, "method"),
				r.String(t, "what"), r.Int(t, "index"), r.Float(t, "value")})
		}
	}
	return out
}

func readSim(t testing.TB, name string) *Data {
	t.Helper()
	f, err := os.Open(filepath.Join(goldenDir, "sim_"+name+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cols := Columns{Subject: "id", Visit: "visit", Arm: "arm", Outcome: "y", Baseline: "base"}
	if name == "b200x4" || name == "d2000x3" {
		cols.Covariates = []string{"age"}
		cols.Factors = []string{"site"}
	}
	d, err := ReadCSV(f, cols)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func parseStructure(s string) Structure {
	for k := US; k <= ADH; k++ {
		if k.String() == s {
			return k
		}
	}
	return -1
}

// close reports whether got agrees with want to rel, or to abs near zero.
func closeTo(got, want, rel, abs float64) bool {
	return math.Abs(got-want) <= math.Max(rel*math.Abs(want), abs)
}

// TestGoldenR holds every structure, REML and ML, to the polished R
// reference (testdata/golden/mmrm/reference.R) at 1e-6 relative.
func TestGoldenR(t *testing.T) {
	ref := readReference(t)
	type key struct{ ds, s, m string }
	groups := map[key][]refRow{}
	var order []key
	for _, r := range ref {
		k := key{r.dataset, r.structure, r.method}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], r)
	}
	data := map[string]*Data{}
	for _, k := range order {
		if testing.Short() && strings.HasPrefix(k.ds, "d2000") {
			continue
		}
		d := data[k.ds]
		if d == nil {
			d = readSim(t, k.ds)
			data[k.ds] = d
		}
		res, err := Fit(d, &Options{Structure: parseStructure(k.s), Method: methodOf(k.m)})
		if err != nil {
			t.Errorf("%v: %v", k, err)
			continue
		}
		compareGolden(t, [3]string{k.ds, k.s, k.m}, res, groups[k])
		// nlme's log-likelihood, where recorded, may lie slightly below
		// the polished optimum but not above it.
		for _, r := range groups[k] {
			if r.what != "nlme_loglik" || math.IsNaN(r.value) {
				continue
			}
			if res.LogLik < r.value-1e-7*math.Abs(r.value) {
				t.Errorf("%v: loglik %.10g below nlme's %.10g", k, res.LogLik, r.value)
			}
			if !closeTo(res.LogLik, r.value, 1e-5, 0) {
				t.Errorf("%v: loglik %.10g far from nlme's %.10g", k, res.LogLik, r.value)
			}
		}
	}
}
