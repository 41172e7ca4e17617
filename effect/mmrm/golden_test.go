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
		m := REML
		if k.m == "ML" {
			m = ML
		}
		res, err := Fit(d, &Options{Structure: parseStructure(k.s), Method: m})
		if err != nil {
			t.Errorf("%v: %v", k, err)
			continue
		}
		const rel = 1e-6
		for _, r := range groups[k] {
			var got float64
			abs := 1e-9
			switch r.what {
			case "loglik":
				got = res.LogLik
			case "nlme_loglik":
				if !math.IsNaN(r.value) && res.LogLik < r.value-1e-7*math.Abs(r.value) {
					t.Errorf("%v: loglik %.10g below nlme's %.10g", k, res.LogLik, r.value)
				}
				if !math.IsNaN(r.value) && !closeTo(res.LogLik, r.value, 1e-5, 0) {
					t.Errorf("%v: loglik %.10g far from nlme's %.10g", k, res.LogLik, r.value)
				}
				continue
			case "gradnorm":
				continue
			case "theta":
				got = res.Theta[r.index]
				abs = 1e-6 * math.Abs(res.Theta[0])
				if res.Structure.heterogeneous() || res.Structure == AR1 || res.Structure == AD {
					abs = 1e-7
				}
			case "lsmean":
				got = res.LSMeans[r.index].Estimate
			case "lsmean_se":
				got = res.LSMeans[r.index].SE
			case "lsmean_df":
				got = res.LSMeans[r.index].DF
			case "diff":
				got = res.Differences[r.index].Estimate
				abs = 1e-7 * res.Differences[r.index].SE
			case "diff_se":
				got = res.Differences[r.index].SE
			case "diff_df":
				got = res.Differences[r.index].DF
			default:
				t.Fatalf("unknown quantity %q", r.what)
			}
			if !closeTo(got, r.value, rel, abs) {
				t.Errorf("%v %s[%d]: got %.10g, want %.10g (rel %.2g)", k, r.what, r.index, got, r.value, math.Abs(got-r.value)/math.Abs(r.value))
			}
		}
	}
}
