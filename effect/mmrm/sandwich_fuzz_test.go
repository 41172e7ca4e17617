package mmrm

import (
	"testing"

	"gonum.org/v1/gonum/mat"
)

// FuzzInference runs the Kenward–Roger and sandwich computations on
// synthetic trials of arbitrary size, cluster count and residual scale:
// they return results or errors, never panic.
func FuzzInference(f *testing.F) {
	f.Add(uint64(1), uint8(10), uint8(3), uint8(4), 1.0)
	f.Add(uint64(2), uint8(2), uint8(1), uint8(1), 0.0)
	f.Add(uint64(3), uint8(7), uint8(5), uint8(7), 1e300)
	f.Fuzz(func(t *testing.T, seed uint64, n, visits, clusters uint8, scale float64) {
		nn, tt, nc := int(n%40)+1, int(visits%5)+1, int(clusters%40)+1
		if nn < 3*tt { // X'V⁻¹X would be singular; the fit never passes that
			return
		}
		blocks, phi, w := infSynthBlocks(nn, tt, nc, seed)
		if phi == nil {
			return
		}
		for i := range blocks {
			for j := range blocks[i].resid {
				blocks[i].resid[j] *= scale
			}
		}
		if kr, err := kenwardRoger(blocks, phi, w, true); err == nil {
			l := mat.NewDense(1, 3*tt, nil)
			l.Set(0, tt, 1)
			_, _, _, _ = kr.test(l)
		}
		for _, m := range []sandwichMethod{cr0, cr2, cr2Whitened, jackknife} {
			if s, err := sandwich(blocks, phi, nc, m); err == nil {
				c := make([]float64, 3*tt)
				c[tt] = 1
				_ = s.df(c)
			}
		}
	})
}
