package effect

import (
	"encoding/csv"
	"errors"
	"math"
	"os"
	"strconv"
	"testing"
)

// TestClusterICCGolden compares with R's aov() mean squares
// (testdata/golden/effect/icc/gen.R, R 4.2.2).
func TestClusterICCGolden(t *testing.T) {
	f, err := os.Open("../testdata/golden/effect/icc/icc.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	type golden struct {
		y                 []float64
		cl                []string
		icc, msb, msw, n0 float64
	}
	cases := map[string]*golden{}
	var order []string
	num := func(s string) float64 {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	for _, r := range recs[1:] {
		g, ok := cases[r[0]]
		if !ok {
			g = &golden{icc: num(r[3]), msb: num(r[4]), msw: num(r[5]), n0: num(r[6])}
			cases[r[0]] = g
			order = append(order, r[0])
		}
		g.cl = append(g.cl, r[1])
		g.y = append(g.y, num(r[2]))
	}
	if len(order) != 6 {
		t.Fatalf("read %d cases", len(order))
	}
	rel := func(got, want float64) float64 { return math.Abs(got-want) / math.Max(math.Abs(want), 1e-300) }
	for _, c := range order {
		g := cases[c]
		e, err := ClusterICC(g.y, g.cl)
		if err != nil {
			t.Fatalf("case %s: %v", c, err)
		}
		for _, chk := range []struct {
			name      string
			got, want float64
		}{{"ICC", e.ICC, g.icc}, {"MSB", e.MSB, g.msb}, {"MSW", e.MSW, g.msw}, {"N0", e.N0, g.n0}} {
			if rel(chk.got, chk.want) > 1e-12 {
				t.Errorf("case %s %s = %.15g, want %.15g", c, chk.name, chk.got, chk.want)
			}
		}
	}
}

func TestClusterICCInvalid(t *testing.T) {
	for name, tc := range map[string]struct {
		y  []float64
		cl []string
	}{
		"mismatch":     {[]float64{1, 2, 3}, []string{"a", "b"}},
		"NaN":          {[]float64{1, math.NaN(), 3, 4}, []string{"a", "a", "b", "b"}},
		"Inf":          {[]float64{1, 2, math.Inf(1), 4}, []string{"a", "a", "b", "b"}},
		"one cluster":  {[]float64{1, 2, 3}, []string{"a", "a", "a"}},
		"singletons":   {[]float64{1, 2}, []string{"a", "b"}},
		"empty":        {nil, nil},
		"no variation": {[]float64{1, 1, 1, 1}, []string{"a", "a", "b", "b"}},
	} {
		_, err := ClusterICC(tc.y, tc.cl)
		var fe *FieldError
		if !errors.Is(err, ErrInvalidInput) || !errors.As(err, &fe) {
			t.Errorf("%s: err = %v, want a FieldError wrapping ErrInvalidInput", name, err)
		}
	}
}
