package network

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// readGolden reads a golden CSV into one map per row.
func readGolden(t *testing.T, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func num(t *testing.T, row map[string]string, col string) float64 {
	t.Helper()
	s, ok := row[col]
	if !ok {
		t.Fatalf("golden has no column %q", col)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("column %q: %v", col, err)
	}
	return v
}

func close(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.IsNaN(want) || math.IsNaN(got) {
		if math.IsNaN(want) != math.IsNaN(got) {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
		return
	}
	if math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.17g, want %.17g", what, got, want)
	}
}

// testCodebook is the codebook of the golden test set (golden.py).
func testCodebook() Codebook {
	sex := []string{"female", "male"}
	return Codebook{
		Alter: []Attribute{
			{Name: "role", Categories: []string{"partner", "family", "friend", "neighbour", "colleague", "professional", "other"}},
			{Name: "kin", Categories: []string{"yes", "no"}},
			{Name: "sex", Categories: sex},
			{Name: "closeness", Kind: Numeric},
			{Name: "freq", Kind: Numeric},
			{Name: "circle", Categories: []string{"inner", "middle", "outer"}},
		},
		Ego: []Attribute{{Name: "sex", Categories: sex}},
	}
}

func readTestSet(t testing.TB) *Data {
	open := func(name string) *os.File {
		f, err := os.Open(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	e, a, ti := open("egos.csv"), open("alters.csv"), open("ties.csv")
	defer e.Close()
	defer a.Close()
	defer ti.Close()
	d, err := ReadCSV(e, a, ti, &ReadOptions{Codebook: testCodebook(), Weight: "weight"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestGoldenNetworkx(t *testing.T) {
	d := readTestSet(t)
	if len(d.Rejected) != 0 {
		t.Fatalf("rejected rows: %v", d.Rejected)
	}
	if len(d.Cleaned) == 0 {
		t.Fatal("the messy tie list should have rows to clean")
	}
	res, err := Describe(d, &Options{Compose: []string{"role", "sex", "kin"}, Strength: "closeness", Circle: "circle"})
	if err != nil {
		t.Fatal(err)
	}
	freq, err := Describe(d, &Options{Strength: "freq", Threshold: 4})
	if err != nil {
		t.Fatal(err)
	}
	want := readGolden(t, "golden_networkx.csv")
	if len(want) != len(res) {
		t.Fatalf("%d results, %d golden rows", len(res), len(want))
	}
	for i, w := range want {
		r := res[i]
		if r.Err != nil || r.Ego != w["ego_id"] {
			t.Fatalf("row %d: ego %s err %v, want %s", i, r.Ego, r.Err, w["ego_id"])
		}
		s := r.Structure
		id := r.Ego + " "
		close(t, id+"size", float64(s.Size), num(t, w, "size"))
		close(t, id+"ties", float64(s.Ties), num(t, w, "ties"))
		close(t, id+"density", s.Density, num(t, w, "density"))
		close(t, id+"density_with_ego", s.DensityWithEgo, num(t, w, "density_with_ego"))
		close(t, id+"weighted_density", s.WeightedDensity, num(t, w, "weighted_density"))
		close(t, id+"mean_degree", s.MeanDegree, num(t, w, "mean_degree"))
		close(t, id+"components", float64(s.Components), num(t, w, "components"))
		close(t, id+"isolates", float64(s.Isolates), num(t, w, "isolates"))
		close(t, id+"largest_component", float64(s.LargestComponent), num(t, w, "largest_component"))
		close(t, id+"effective_size", s.EffectiveSize, num(t, w, "effective_size"))
		close(t, id+"efficiency", s.Efficiency, num(t, w, "efficiency"))
		close(t, id+"constraint", s.Constraint, num(t, w, "constraint"))
		close(t, id+"closeness_mean", r.Strength.Mean, num(t, w, "closeness_mean"))
		close(t, id+"freq_weekly", float64(freq[i].Strength.AtLeast), num(t, w, "freq_weekly"))
		for k, c := range []string{"inner", "middle", "outer"} {
			close(t, id+"circle "+c, float64(r.Circles.Counts[k]), num(t, w, "circle_"+c))
		}
		close(t, id+"circle missing", float64(r.Circles.Missing), num(t, w, "circle_missing"))
		for _, c := range r.Compositions {
			p := c.Attribute + "_"
			close(t, id+p+"valid", float64(c.Valid), num(t, w, p+"valid"))
			close(t, id+p+"missing", float64(c.Missing), num(t, w, p+"missing"))
			close(t, id+p+"present", float64(c.Present), num(t, w, p+"present"))
			close(t, id+p+"shannon", c.Shannon, num(t, w, p+"shannon"))
			close(t, id+p+"blau", c.Blau, num(t, w, p+"blau"))
			close(t, id+p+"iqv", c.IQV, num(t, w, p+"iqv"))
			close(t, id+p+"ei_alter", c.AlterAlterEI, num(t, w, p+"ei_alter"))
			close(t, id+p+"ei_rescaled", c.RescaledEI, num(t, w, p+"ei_rescaled"))
			if c.Attribute == "sex" {
				close(t, id+p+"ei_ego", c.EgoAlterEI, num(t, w, p+"ei_ego"))
			} else if !math.IsNaN(c.EgoAlterEI) {
				t.Errorf("%s: ego–alter E-I without an ego attribute = %v", id+c.Attribute, c.EgoAlterEI)
			}
			if c.Attribute == "role" {
				close(t, id+"role_share_friend", c.Shares[2], num(t, w, "role_share_friend"))
				close(t, id+"role_share_all_friend", c.SharesAll[2], num(t, w, "role_share_all_friend"))
			}
		}
	}
}

func TestGoldenIgraph(t *testing.T) {
	d := readTestSet(t)
	res, err := Describe(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := readGolden(t, "golden_igraph.csv")
	if len(want) != len(res) {
		t.Fatalf("%d results, %d golden rows", len(res), len(want))
	}
	for i, w := range want {
		s := res[i].Structure
		id := res[i].Ego + " "
		close(t, id+"size", float64(s.Size), num(t, w, "size"))
		close(t, id+"ties", float64(s.Ties), num(t, w, "ties"))
		close(t, id+"density", s.Density, num(t, w, "density"))
		close(t, id+"density_with_ego", s.DensityWithEgo, num(t, w, "density_with_ego"))
		close(t, id+"components", float64(s.Components), num(t, w, "components"))
		close(t, id+"isolates", float64(s.Isolates), num(t, w, "isolates"))
		close(t, id+"largest_component", float64(s.LargestComponent), num(t, w, "largest_component"))
		close(t, id+"constraint", s.Constraint, num(t, w, "constraint"))
	}
}
