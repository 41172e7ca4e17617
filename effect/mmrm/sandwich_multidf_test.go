package mmrm

import (
	"testing"

	"gonum.org/v1/gonum/mat"
)

// infSattDF is the model-based 1-df Satterthwaite approximation
// 2(c'Φc)²/(g'Wg) with g_k = c'ΦP_kΦc, built from a krFit for the tests.
func infSattDF(kr *krFit) func(c []float64) float64 {
	return func(c []float64) float64 {
		p := len(c)
		cv := mat.NewVecDense(p, c)
		var pc, t mat.VecDense
		pc.MulVec(kr.phi, cv)
		g := mat.NewVecDense(len(kr.p), nil)
		for h, ph := range kr.p {
			t.MulVec(ph, &pc)
			g.SetVec(h, mat.Dot(&pc, &t))
		}
		v := mat.Dot(cv, &pc)
		return 2 * v * v / mat.Inner(g, kr.w, g)
	}
}

// TestFaiCorneliusGolden checks the multi-row F tests (F, numerator and
// denominator df) for the model-based Satterthwaite and every empirical
// covariance against gen.R, which follows mmrm's df_md.
func TestFaiCorneliusGolden(t *testing.T) {
	methods := []struct {
		m   sandwichMethod
		key string
	}{{cr0, "cr0"}, {cr2, "cr2"}, {cr2Whitened, "cr2w"}, {jackknife, "cr3"}}
	for _, name := range infCaseNames {
		t.Run(name, func(t *testing.T) {
			c := infLoadCase(t, name)
			beta := c.ref["beta"][""].RawRowView(0)
			kr, err := kenwardRoger(c.blocks, c.phi, c.w, true)
			if err != nil {
				t.Fatal(err)
			}
			check := func(key, cn string, f float64, q int, den float64) {
				t.Helper()
				infCloseRel(t, key+" "+cn+" F", f, c.ref[key+"_f"][cn].At(0, 0), 1e-6)
				infCloseRel(t, key+" "+cn+" num df", float64(q), c.ref[key+"_num_df"][cn].At(0, 0), 0)
				infCloseRel(t, key+" "+cn+" den df", den, c.ref[key+"_den_df"][cn].At(0, 0), 1e-6)
			}
			for _, cn := range c.names {
				f, q, den, err := faiCornelius(c.contrasts[cn], c.phi, beta, infSattDF(kr))
				if err != nil {
					t.Fatal(err)
				}
				check("satterthwaite", cn, f, q, den)
			}
			for _, mt := range methods {
				s, err := sandwich(c.blocks, c.phi, c.nClusters, mt.m)
				if err != nil {
					t.Fatal(err)
				}
				for _, cn := range c.names {
					f, q, den, err := s.test(c.contrasts[cn], beta)
					if err != nil {
						t.Fatal(err)
					}
					check(mt.key, cn, f, q, den)
				}
			}
		})
	}
}

func TestFaiCorneliusCombine(t *testing.T) {
	for _, tc := range []struct {
		nus  []float64
		want float64
	}{
		{[]float64{7}, 7},
		{[]float64{10, 10, 10}, 10},
		{[]float64{10, 1.5}, 2},
		{[]float64{10, 20}, 2 * (10.0/8 + 20.0/18) / (10.0/8 + 20.0/18 - 2)},
	} {
		infCloseRel(t, "combined df", faiCorneliusCombine(tc.nus), tc.want, 1e-14)
	}
}
