package effect

import (
	"errors"
	"math"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

// TestClusterICCGolden compares with R's aov() mean squares
// (testdata/golden/effect/icc/gen.R, R 4.2.2).
func TestClusterICCGolden(t *testing.T) {
	type iccCase struct {
		y                 []float64
		cl                []string
		icc, msb, msw, n0 float64
	}
	cases := map[string]*iccCase{}
	var order []string
	for _, r := range golden.ReadCSV(t, "../testdata/golden/effect/icc/icc.csv") {
		id := r.String(t, "case")
		g, ok := cases[id]
		if !ok {
			g = &iccCase{icc: r.Float(t, "icc"), msb: r.Float(t, "msb"), msw: r.Float(t, "msw"), n0: r.Float(t, "n0")}
			cases[id] = g
			order = append(order, id)
		}
		g.cl = append(g.cl, r.String(t, "cluster"))
		g.y = append(g.y, r.Float(t, "y"))
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
