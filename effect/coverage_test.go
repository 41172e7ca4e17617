package effect

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestCoverageMonteCarlo checks the coverage of the exact 95% CI of
// Cohen's d, and that the test can tell it from the Wald interval, in
// cells where Wald under-covers: small trials (n = 4 and 5 per arm) with
// large effects (δ = 2, 3). Summary statistics are simulated directly:
// group means ~ Normal(μ, 1/n) and (n−1)s² ~ χ²(n−1), independent (the
// normal-theory sampling distribution), and both intervals are computed
// on the same trials.
//
// With 40,000 trials per cell the binomial SD of a coverage near 0.95 is
// 0.0011. The exact interval must cover within [0.944, 0.956] (±5.5 SD);
// the Wald interval, whose coverage is about 0.933–0.937 in these cells,
// must stay below 0.942, and below the exact interval's by at least
// 0.008, so an exact interval that degraded to Wald would fail.
func TestCoverageMonteCarlo(t *testing.T) {
	if testing.Short() {
		t.Skip("Monte Carlo")
	}
	const trials = 40000
	src := rand.NewPCG(20261122, 2)
	rng := rand.New(src)
	for _, c := range []struct {
		n     int
		delta float64
	}{{4, 2}, {4, 3}, {5, 3}} {
		n, delta := c.n, c.delta
		chi := distuv.ChiSquared{K: float64(n - 1), Src: src}
		exact, wald := 0, 0
		se := 1 / math.Sqrt(float64(n))
		for i := 0; i < trials; i++ {
			tr := Group{Mean: delta + se*rng.NormFloat64(), SD: math.Sqrt(chi.Rand() / float64(n-1)), N: n}
			co := Group{Mean: se * rng.NormFloat64(), SD: math.Sqrt(chi.Rand() / float64(n-1)), N: n}
			e, err := CohenD(tr, co, nil)
			if err != nil {
				t.Fatalf("n = %d, δ = %v: %v", n, delta, err)
			}
			w, err := CohenD(tr, co, &Options{CI: Wald})
			if err != nil {
				t.Fatalf("n = %d, δ = %v (Wald): %v", n, delta, err)
			}
			if e.CI.Contains(delta) {
				exact++
			}
			if w.CI.Contains(delta) {
				wald++
			}
		}
		ce, cw := float64(exact)/trials, float64(wald)/trials
		t.Logf("n = %d per arm, δ = %.0f: exact %.4f, Wald %.4f (%d trials)", n, delta, ce, cw, trials)
		if ce < 0.944 || ce > 0.956 {
			t.Errorf("n = %d, δ = %v: exact coverage %.4f outside [0.944, 0.956]", n, delta, ce)
		}
		if cw > 0.942 || ce-cw < 0.008 {
			t.Errorf("n = %d, δ = %v: Wald coverage %.4f not below the exact %.4f by 0.008: the test cannot tell them apart", n, delta, cw, ce)
		}
	}
}
