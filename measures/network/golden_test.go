package network

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

func close(t *testing.T, what string, got, want float64) {
	t.Helper()
	golden.Close(t, what, got, want, 1e-12, 1e-12)
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
	res, want := describeGolden(t, d, &Options{Compose: []string{"role", "sex", "kin"}, Strength: "closeness", Circle: "circle"}, "golden_networkx.csv")
	freq, err := Describe(d, &Options{Strength: "freq", Threshold: 4})
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range want {
		r := res[i]
		if r.Err != nil || r.Ego != w.String(t, "ego_id") {
			t.Fatalf("row %d: ego %s err %v, want %s", i, r.Ego, r.Err, w.String(t, "ego_id"))
		}
		s := r.Structure
		id := r.Ego + " "
		closeStructure(t, id, s, w)
		close(t, id+"weighted_density", s.WeightedDensity, w.Float(t, "weighted_density"))
		close(t, id+"mean_degree", s.MeanDegree, w.Float(t, "mean_degree"))
		close(t, id+"effective_size", s.EffectiveSize, w.Float(t, "effective_size"))
		close(t, id+"efficiency", s.Efficiency, w.Float(t, "efficiency"))
		close(t, id+"closeness_mean", r.Strength.Mean, w.Float(t, "closeness_mean"))
		close(t, id+"freq_weekly", float64(freq[i].Strength.AtLeast), w.Float(t, "freq_weekly"))
		for k, c := range []string{"inner", "middle", "outer"} {
			close(t, id+"circle "+c, float64(r.Circles.Counts[k]), w.Float(t, "circle_"+c))
		}
		close(t, id+"circle missing", float64(r.Circles.Missing), w.Float(t, "circle_missing"))
		for _, c := range r.Compositions {
			p := c.Attribute + "_"
			close(t, id+p+"valid", float64(c.Valid), w.Float(t, p+"valid"))
			close(t, id+p+"missing", float64(c.Missing), w.Float(t, p+"missing"))
			close(t, id+p+"present", float64(c.Present), w.Float(t, p+"present"))
			close(t, id+p+"shannon", c.Shannon, w.Float(t, p+"shannon"))
			close(t, id+p+"blau", c.Blau, w.Float(t, p+"blau"))
			close(t, id+p+"iqv", c.IQV, w.Float(t, p+"iqv"))
			close(t, id+p+"ei_alter", c.AlterAlterEI, w.Float(t, p+"ei_alter"))
			close(t, id+p+"ei_rescaled", c.RescaledEI, w.Float(t, p+"ei_rescaled"))
			if c.Attribute == "sex" {
				close(t, id+p+"ei_ego", c.EgoAlterEI, w.Float(t, p+"ei_ego"))
			} else if !math.IsNaN(c.EgoAlterEI) {
				t.Errorf("%s: ego–alter E-I without an ego attribute = %v", id+c.Attribute, c.EgoAlterEI)
			}
			if c.Attribute == "role" {
				close(t, id+"role_share_friend", c.Shares[2], w.Float(t, "role_share_friend"))
				close(t, id+"role_share_all_friend", c.SharesAll[2], w.Float(t, "role_share_all_friend"))
			}
		}
	}
}

// TestGoldenCap checks the measures when alter–alter ties were asked only
// among the first 5 alters (Ego.Cap) against networkx on that sub-network.
func TestGoldenCap(t *testing.T) {
	d := readTestSet(t)
	want := golden.ReadCSV(t, filepath.Join("testdata", "golden_networkx.csv"))
	for i, w := range want {
		e := d.Egos[i]
		e.Cap = 5
		var ties []Tie
		for _, tie := range e.Ties {
			if tie.A < 5 && tie.B < 5 {
				ties = append(ties, tie)
			}
		}
		e.Ties = ties
		s, err := Structural(&e)
		if err != nil {
			t.Fatal(err)
		}
		id := e.ID + " cap 5 "
		close(t, id+"density", s.Density, w.Float(t, "cap5_density"))
		close(t, id+"components", float64(s.Components), w.Float(t, "cap5_components"))
		close(t, id+"constraint", s.Constraint, w.Float(t, "cap5_constraint"))
		close(t, id+"effective size", s.EffectiveSize, w.Float(t, "cap5_effective_size"))
		if s.Size != len(e.Alters) || s.TieAlters != min(5, len(e.Alters)) {
			t.Errorf("%s: size %d, tie alters %d", id, s.Size, s.TieAlters)
		}
	}
}

func TestGoldenIgraph(t *testing.T) {
	d := readTestSet(t)
	res, want := describeGolden(t, d, nil, "golden_igraph.csv")
	for i, w := range want {
		closeStructure(t, res[i].Ego+" ", res[i].Structure, w)
	}
}

// describeGolden describes d with o and reads the golden file of the
// same egos, one row per result.
func describeGolden(t *testing.T, d *Data, o *Options, file string) ([]Result, []golden.Record) {
	t.Helper()
	res, err := Describe(d, o)
	if err != nil {
		t.Fatal(err)
	}
	want := golden.ReadCSV(t, filepath.Join("testdata", file))
	if len(want) != len(res) {
		t.Fatalf("%d results, %d golden rows", len(res), len(want))
	}
	return res, want
}

// closeStructure compares the structural measures that both networkx and
// igraph report with the golden row w.
func closeStructure(t *testing.T, id string, s Structure, w golden.Record) {
	t.Helper()
	close(t, id+"size", float64(s.Size), w.Float(t, "size"))
	close(t, id+"ties", float64(s.Ties), w.Float(t, "ties"))
	close(t, id+"density", s.Density, w.Float(t, "density"))
	close(t, id+"density_with_ego", s.DensityWithEgo, w.Float(t, "density_with_ego"))
	close(t, id+"components", float64(s.Components), w.Float(t, "components"))
	close(t, id+"isolates", float64(s.Isolates), w.Float(t, "isolates"))
	close(t, id+"largest_component", float64(s.LargestComponent), w.Float(t, "largest_component"))
	close(t, id+"constraint", s.Constraint, w.Float(t, "constraint"))
}
