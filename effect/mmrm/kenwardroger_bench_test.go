package mmrm

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/tiesproject/ties/internal/cputime"
)

// infSynthBlocks builds an unstructured-covariance trial of n subjects over t
// visits with monotone dropout, design arm×visit + baseline×visit
// (p = 3t), θ = the t(t+1)/2 covariances, blocks sharing their covariance
// matrices by visit pattern as the fit shares them, and nClusters clusters;
// nil when some visit has no observation.
func infSynthBlocks(n, t, nClusters int, seed uint64) (blocks []block, phi, w *mat.SymDense) {
	rng := rand.New(rand.NewPCG(seed, 1))
	sigma := mat.NewSymDense(t, nil)
	for i := 0; i < t; i++ {
		for j := i; j < t; j++ {
			v := 0.6 * float64(t-(j-i)) / float64(t)
			if i == j {
				v = 1 + 0.1*float64(i)
			}
			sigma.SetSym(i, j, v)
		}
	}
	k := t * (t + 1) / 2
	type pat struct {
		v, vinv *mat.SymDense
		dv      []*mat.SymDense
	}
	pats := make([]*pat, t+1)
	p := 3 * t
	for s := 0; s < n; s++ {
		ni := t
		if u := rng.Float64(); u < 0.3 {
			ni = 1 + rng.IntN(t)
		}
		pt := pats[ni]
		if pt == nil {
			pt = &pat{v: mat.NewSymDense(ni, nil), vinv: mat.NewSymDense(ni, nil)}
			for a := 0; a < ni; a++ {
				for b := a; b < ni; b++ {
					pt.v.SetSym(a, b, sigma.At(a, b))
				}
			}
			var ch mat.Cholesky
			ch.Factorize(pt.v)
			_ = ch.InverseTo(pt.vinv)
			for a := 0; a < t; a++ {
				for b := 0; b <= a; b++ {
					d := mat.NewSymDense(ni, nil)
					if a < ni {
						d.SetSym(a, b, 1)
					}
					pt.dv = append(pt.dv, d)
				}
			}
			pats[ni] = pt
		}
		arm := float64(s % 2)
		base := rng.NormFloat64()
		x := mat.NewDense(ni, p, nil)
		visits := make([]int, ni)
		resid := make([]float64, ni)
		for v := 0; v < ni; v++ {
			visits[v] = v
			x.Set(v, v, 1)
			x.Set(v, t+v, arm)
			x.Set(v, 2*t+v, base)
			resid[v] = rng.NormFloat64()
		}
		blocks = append(blocks, block{subject: fmt.Sprint(s), cluster: s % nClusters, visits: visits,
			X: x, resid: resid, V: pt.v, Vinv: pt.vinv, dV: pt.dv})
	}
	info := information(blocks, p)
	var ch mat.Cholesky
	if !ch.Factorize(info) {
		return nil, nil, nil // a visit nobody reached: the fit would refuse
	}
	phi = mat.NewSymDense(p, nil)
	_ = ch.InverseTo(phi)
	w = mat.NewSymDense(k, nil)
	for i := 0; i < k; i++ {
		w.SetSym(i, i, 2.0/float64(n))
	}
	return blocks, phi, w
}

func infBenchKR(b *testing.B, n, t int) {
	blocks, phi, w := infSynthBlocks(n, t, n, 1)
	p := phi.SymmetricDim()
	l := mat.NewDense(1, p, nil)
	l.Set(0, t+t-1, 1)
	cputime.Bench(b, func() {
		kr, err := kenwardRoger(blocks, phi, w, true)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, _, err := kr.test(l); err != nil {
			b.Fatal(err)
		}
	})
}

func infBenchSandwich(b *testing.B, n, t, nClusters int, m sandwichMethod) {
	blocks, phi, _ := infSynthBlocks(n, t, nClusters, 1)
	p := phi.SymmetricDim()
	c := make([]float64, p)
	c[2*t-1] = 1
	cputime.Bench(b, func() {
		s, err := sandwich(blocks, phi, nClusters, m)
		if err != nil {
			b.Fatal(err)
		}
		_ = s.df(c)
	})
}

func BenchmarkKenwardRoger400x3(b *testing.B)   { infBenchKR(b, 400, 3) }
func BenchmarkKenwardRoger1000x10(b *testing.B) { infBenchKR(b, 1000, 10) }
func BenchmarkSandwichCR2Subject400x3(b *testing.B) {
	infBenchSandwich(b, 400, 3, 400, cr2)
}
func BenchmarkSandwichCR2Team400x3(b *testing.B) { infBenchSandwich(b, 400, 3, 24, cr2) }
func BenchmarkSandwichCR2Subject1000x10(b *testing.B) {
	infBenchSandwich(b, 1000, 10, 1000, cr2)
}
func BenchmarkSandwichCR2Team1000x10(b *testing.B) { infBenchSandwich(b, 1000, 10, 24, cr2) }

// The fev_data fit of SAS's model (537 observations, 11 coefficients, UN):
// the same work that bench.R times in R.
func BenchmarkKenwardRogerFev(b *testing.B) {
	c := infLoadCase(b, "fev_sas_us")
	l := c.contrasts["vis4"]
	cputime.Bench(b, func() {
		kr, err := kenwardRoger(c.blocks, c.phi, c.w, true)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, _, err := kr.test(l); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkSandwichCR2Fev(b *testing.B) {
	c := infLoadCase(b, "fev_sas_us")
	l := c.contrasts["vis4"].RawRowView(0)
	cputime.Bench(b, func() {
		s, err := sandwich(c.blocks, c.phi, c.nClusters, cr2)
		if err != nil {
			b.Fatal(err)
		}
		_ = s.df(l)
	})
}
