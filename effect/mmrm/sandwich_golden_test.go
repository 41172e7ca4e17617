package mmrm

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestSandwichGolden checks CR0, CR2 (clubSandwich's form), the whitened
// CR2 (mmrm's) and the jackknife against the dense references of gen.R and
// against clubSandwich::vcovCR on the gls fit, with their Bell–McCaffrey df.
func TestSandwichGolden(t *testing.T) {
	methods := []struct {
		m   sandwichMethod
		key string
	}{{cr0, "cr0"}, {cr2, "cr2"}, {cr2Whitened, "cr2w"}, {jackknife, "cr3"}}
	defer func() { sandwichRoute = 0 }()
	for _, name := range infCaseNames {
		for route := 0; route <= 2; route++ {
			t.Run(fmt.Sprintf("%s/route%d", name, route), func(t *testing.T) {
				sandwichRoute = route
				c := infLoadCase(t, name)
				for _, mt := range methods {
					s, err := sandwich(c.blocks, c.phi, c.nClusters, mt.m)
					if err != nil {
						t.Fatal(err)
					}
					infCloseMatrix(t, mt.key, s.covBeta(), c.ref[mt.key][""], 1e-6)
					if cs := c.ref["clubsandwich_"+mt.key]; cs != nil {
						infCloseMatrix(t, "clubSandwich "+mt.key, s.covBeta(), cs[""], 1e-6)
					}
					for _, cn := range c.names {
						l := c.contrasts[cn]
						if q, _ := l.Dims(); q != 1 {
							continue
						}
						df := s.df(l.RawRowView(0))
						infCloseRel(t, mt.key+" "+cn+" df", df, c.ref[mt.key+"_df"][cn].At(0, 0), 1e-6)
						if mt.m == cr2 {
							if cs := c.ref["clubsandwich_cr2_df"]; cs != nil {
								infCloseRel(t, "clubSandwich CR2 "+cn+" df", df, cs[cn].At(0, 0), 1e-6)
							}
						}
					}
				}
			})
		}
	}
}

func TestSandwichErrors(t *testing.T) {
	c := infLoadCase(t, "sim_us_team")
	if _, err := sandwich(c.blocks, c.phi, c.nClusters, sandwichMethod(9)); err == nil {
		t.Error("unknown method: no error")
	}
	if _, err := sandwich(c.blocks, c.phi, 1, cr0); err == nil {
		t.Error("cluster outside range: no error")
	}
	one := append([]block(nil), c.blocks...)
	for i := range one {
		one[i].cluster = 0
	}
	if _, err := sandwich(one, c.phi, 1, cr2); err == nil {
		t.Error("a single cluster: no error")
	}
	s, err := sandwich(c.blocks, c.phi, c.nClusters, cr2)
	if err != nil {
		t.Fatal(err)
	}
	if df := s.df([]float64{1}); !math.IsNaN(df) {
		t.Errorf("df of a short contrast = %v, want NaN", df)
	}
}

// A subject without rows (and so a cluster without any) is skipped, not a
// panic.
func TestSandwichEmptySubject(t *testing.T) {
	c := infLoadCase(t, "sim_us_team")
	blocks := append([]block(nil), c.blocks...)
	blocks = append(blocks, block{subject: "empty", cluster: c.nClusters, X: &mat.Dense{}, V: &mat.SymDense{}})
	want, err := sandwich(c.blocks, c.phi, c.nClusters, cr2)
	if err != nil {
		t.Fatal(err)
	}
	got, err := sandwich(blocks, c.phi, c.nClusters+1, cr2)
	if err != nil {
		t.Fatal(err)
	}
	infCloseMatrix(t, "CR2 with an empty subject", got.covBeta(), want.covBeta(), 1e-14)
}

// The low-rank and direct routes agree on synthetic trials with clusters
// larger than the number of coefficients.
func TestSandwichRoutesAgree(t *testing.T) {
	defer func() { sandwichRoute = 0 }()
	for seed := uint64(1); seed <= 3; seed++ {
		blocks, phi, _ := infSynthBlocks(60, 4, 6, seed)
		for _, m := range []sandwichMethod{jackknife, cr2Whitened} {
			sandwichRoute = 1
			direct, err := sandwich(blocks, phi, 6, m)
			if err != nil {
				t.Fatal(err)
			}
			sandwichRoute = 2
			low, err := sandwich(blocks, phi, 6, m)
			if err != nil {
				t.Fatal(err)
			}
			infCloseMatrix(t, m.String(), low.covBeta(), direct.covBeta(), 1e-10)
			c := make([]float64, phi.SymmetricDim())
			c[5] = 1
			infCloseRel(t, m.String()+" df", low.df(c), direct.df(c), 1e-10)
		}
	}
}
