package measures

import (
	"errors"
	"math"
	"path/filepath"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

const goldenDir = "../testdata/golden/measures"

// TestAlphaGolden compares Alpha with psych::alpha(na.omit(x)) (psych
// 2.2.9, R 4.2.2; testdata/golden/measures/gen.R).
func TestAlphaGolden(t *testing.T) {
	byset := map[string][]golden.Record{}
	for _, r := range golden.ReadCSV(t, filepath.Join(goldenDir, "alpha_golden.csv")) {
		set := r.String(t, "set")
		byset[set] = append(byset[set], r)
	}
	if len(byset) != 6 {
		t.Fatalf("%d golden sets", len(byset))
	}
	for set, rows := range byset {
		x := readItems(t, "alpha_"+set+".csv")
		a, err := Alpha(x, nil)
		if err != nil {
			t.Fatalf("%s: %v", set, err)
		}
		ci90, err := Alpha(x, &AlphaOptions{Level: 0.90})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			stat := r.String(t, "stat")
			j := r.Int(t, "item")
			want := r.Float(t, "value")
			var got float64
			var it *AlphaItem
			if j > 0 {
				it = &a.Items[j-1]
			}
			switch stat {
			case "raw_alpha":
				got = a.Raw
			case "std.alpha":
				got = a.Std
			case "G6(smc)":
				got = a.G6
			case "average_r":
				got = a.AverageR
			case "S/N":
				got = a.SN
			case "ase":
				got = a.ASE
			case "mean":
				got = a.Mean
				if it != nil {
					got = it.Mean
				}
			case "sd":
				got = a.SD
				if it != nil {
					got = it.SD
				}
			case "median_r":
				got = a.MedianR
			case "var.r":
				got = a.VarR
			case "n":
				got = float64(a.N)
			case "feldt.lower":
				got = a.Feldt.Lower
			case "feldt.upper":
				got = a.Feldt.Upper
			case "feldt90.lower":
				got = ci90.Feldt.Lower
			case "feldt90.upper":
				got = ci90.Feldt.Upper
			case "raw.r":
				got = it.RawR
			case "std.r":
				got = it.StdR
			case "r.cor":
				got = it.RCor
			case "r.drop":
				got = it.RDrop
			case "drop.raw_alpha":
				got = it.IfDeleted.Raw
			case "drop.std.alpha":
				got = it.IfDeleted.Std
			case "drop.G6(smc)":
				got = it.IfDeleted.G6
			case "drop.average_r":
				got = it.IfDeleted.AverageR
			case "drop.S/N":
				got = it.IfDeleted.SN
			case "drop.alpha se":
				got = it.IfDeleted.SE
			case "drop.var.r":
				got = it.IfDeleted.VarR
			case "drop.med.r":
				got = it.IfDeleted.MedianR
			default:
				t.Fatalf("unknown golden stat %q", stat)
			}
			// Everything, including the Feldt limits (gonum's F quantile
			// against R's qf), agrees to 1e-12 relative (same()).
			if !same(got, want) {
				t.Errorf("%s %s item %d: got %.17g, want %.17g", set, stat, j, got, want)
			}
		}
	}
	// tiny4 has N = K = 4: psych omits "alpha se" of the drop table
	// (its formula needs N > K); Alpha returns NaN there.
	a, err := Alpha(readItems(t, "alpha_tiny4.csv"), nil)
	if err != nil || a.N != 4 || a.K != 4 {
		t.Fatalf("tiny4: N %d K %d %v", a.N, a.K, err)
	}
	for j, it := range a.Items {
		if !math.IsNaN(it.IfDeleted.SE) || math.IsNaN(it.IfDeleted.Raw) {
			t.Errorf("tiny4 item %d: alpha se %v (want NaN), raw %v (want a number)", j+1, it.IfDeleted.SE, it.IfDeleted.Raw)
		}
	}
}

// readItems reads a golden item matrix (a header of item names, then one
// row per respondent; "NA" is missing).
func readItems(t *testing.T, name string) [][]float64 {
	t.Helper()
	recs := golden.ReadCSV(t, filepath.Join(goldenDir, name))
	var cols []string
	for _, h := range []string{"i01", "i02", "i03", "i04", "i05", "i06", "i07", "i08", "i09", "i10", "i11", "i12",
		"i13", "i14", "i15", "i16", "i17", "i18", "i19", "i20"} {
		if recs[0].Has(h) {
			cols = append(cols, h)
		}
	}
	x := make([][]float64, len(recs))
	for i, r := range recs {
		for _, c := range cols {
			x[i] = append(x[i], r.Float(t, c))
		}
	}
	return x
}

func TestAlphaListwise(t *testing.T) {
	x := [][]float64{{1, 2, 3}, {2, 3, 4}, {nan, 1, 1}, {3, 3, 5}, {4, 5, 4}}
	a, err := Alpha(x, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.N != 4 || a.Dropped != 1 || a.K != 3 {
		t.Errorf("N %d dropped %d K %d", a.N, a.Dropped, a.K)
	}
	b, _ := Alpha([][]float64{{1, 2, 3}, {2, 3, 4}, {3, 3, 5}, {4, 5, 4}}, nil)
	if a.Raw != b.Raw {
		t.Errorf("listwise result differs from complete rows: %v vs %v", a.Raw, b.Raw)
	}
}

func TestAlphaErrors(t *testing.T) {
	cases := map[string][][]float64{
		"empty":         nil,
		"one item":      {{1}, {2}},
		"ragged":        {{1, 2}, {1}},
		"inf":           {{1, 2}, {2, math.Inf(1)}, {3, 1}},
		"one complete":  {{1, 2}, {nan, 1}},
		"zero variance": {{1, 2}, {1, 3}, {1, 1}},
	}
	for name, x := range cases {
		if _, err := Alpha(x, nil); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	if _, err := Alpha([][]float64{{1, 2}, {2, 3}, {3, 3}}, &AlphaOptions{Level: 1}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("level 1: %v", err)
	}
	// Two items: alpha-if-deleted is undefined.
	a, err := Alpha([][]float64{{1, 2}, {2, 3}, {3, 3}, {4, 5}}, nil)
	if err != nil || !math.IsNaN(a.Items[0].IfDeleted.Raw) {
		t.Errorf("k=2: %v %v", a.Items[0].IfDeleted, err)
	}
}
