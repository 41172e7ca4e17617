package plot_test

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/tiesproject/ties/plot"
)

func readCSV(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join(goldenDir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		for i := range r {
			r[i] = strings.TrimSpace(r[i])
		}
	}
	return rows[1:]
}

func parseF(t *testing.T, s string) float64 {
	t.Helper()
	if s == "NA" {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSummarizeVisitsR checks means, SDs, counts and t-based intervals
// against R 4.2.2 t.test (testdata/golden/plot/gen.R) at two levels.
func TestSummarizeVisitsR(t *testing.T) {
	var obs []plot.Observation
	for _, r := range readCSV(t, "observations.csv") {
		obs = append(obs, plot.Observation{Arm: r[0], ID: r[1], Time: parseF(t, r[2]), Value: parseF(t, r[3])})
	}
	want := readCSV(t, "visits.csv")
	for _, lv := range []struct {
		level float64
		lo    int // column of the lower bound in visits.csv
	}{{0.95, 5}, {0.90, 7}} {
		arms, err := plot.SummarizeVisits(obs, &plot.SummaryOptions{Level: lv.level})
		if err != nil {
			t.Fatal(err)
		}
		k := 0
		for _, a := range arms {
			if len(a.Participants) != 40 {
				t.Errorf("%s: %d participants, want 40", a.Name, len(a.Participants))
			}
			for _, v := range a.Visits {
				w := want[k]
				k++
				if w[0] != a.Name || parseF(t, w[1]) != v.Time {
					t.Fatalf("row %d: got %s at %v, want %s at %s", k, a.Name, v.Time, w[0], w[1])
				}
				if n := int(parseF(t, w[2])); n != v.N {
					t.Errorf("%s %v: N = %d, want %d", a.Name, v.Time, v.N, n)
				}
				check := func(what string, got, want float64) {
					if !scalar.EqualWithinAbsOrRel(got, want, 1e-13, 1e-13) {
						t.Errorf("%s %v level %v: %s = %.17g, want %.17g", a.Name, v.Time, lv.level, what, got, want)
					}
				}
				check("mean", v.Mean, parseF(t, w[3]))
				check("SD", v.SD, parseF(t, w[4]))
				check("lower", v.CI.Lower, parseF(t, w[lv.lo]))
				check("upper", v.CI.Upper, parseF(t, w[lv.lo+1]))
				if v.CI.Level != lv.level {
					t.Errorf("CI.Level = %v, want %v", v.CI.Level, lv.level)
				}
			}
		}
		if k != len(want) {
			t.Errorf("%d visits, want %d", k, len(want))
		}
	}
}
