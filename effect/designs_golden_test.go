package effect

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"
)

// goldenRow is one row of a golden CSV: numeric columns in num (NA is NaN),
// every column as text in str.
type goldenRow struct {
	num map[string]float64
	str map[string]string
}

func (r goldenRow) f(col string) float64 {
	v, ok := r.num[col]
	if !ok {
		panic("golden column missing: " + col)
	}
	return v
}

func (r goldenRow) i(col string) int { return int(r.f(col)) }

// readGolden reads a CSV written by one of the gen.R scripts under
// testdata/golden/effect.
func readGolden(t *testing.T, path string) []goldenRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 2 {
		t.Fatalf("%s: no rows", path)
	}
	head := recs[0]
	var rows []goldenRow
	for _, rec := range recs[1:] {
		r := goldenRow{num: map[string]float64{}, str: map[string]string{}}
		for j, h := range head {
			r.str[h] = rec[j]
			if rec[j] == "NA" {
				r.num[h] = math.NaN()
				continue
			}
			if v, err := strconv.ParseFloat(rec[j], 64); err == nil {
				r.num[h] = v
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// near reports whether got is within tol of want, relative for |want| > 1.
func near(got, want, tol float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func checkNear(t *testing.T, name string, got, want, tol float64) {
	t.Helper()
	if !near(got, want, tol) {
		t.Errorf("%s = %.15g, want %.15g (diff %.3g, tol %g)", name, got, want, got-want, tol)
	}
}
