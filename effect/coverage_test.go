package effect

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestCoverageMonteCarlo checks that the exact 95% CI of Cohen's d covers
// the population δ between 94% and 96% of the time, over 20,000 simulated
// trials per setting (n = 10 and 50 per arm; δ = 0, 0.5, 2). Summary
// statistics are simulated directly: group means ~ Normal(μ, 1/n) and
// (n−1)s² ~ χ²(n−1), independent (normal-theory sampling distribution).
// With 20,000 trials the binomial SD of the coverage is 0.0015, so the
// band is about ±6.5 SD.
func TestCoverageMonteCarlo(t *testing.T) {
	const trials = 20000
	src := rand.NewPCG(20261122, 2)
	rng := rand.New(src)
	for _, n := range []int{10, 50} {
		chi := distuv.ChiSquared{K: float64(n - 1), Src: src}
		for _, delta := range []float64{0, 0.5, 2} {
			covered, failed := 0, 0
			se := 1 / math.Sqrt(float64(n))
			for i := 0; i < trials; i++ {
				tr := Group{Mean: delta + se*rng.NormFloat64(), SD: math.Sqrt(chi.Rand() / float64(n-1)), N: n}
				co := Group{Mean: se * rng.NormFloat64(), SD: math.Sqrt(chi.Rand() / float64(n-1)), N: n}
				e, err := CohenD(tr, co, nil)
				if err != nil {
					failed++
					continue
				}
				if e.CI.Contains(delta) {
					covered++
				}
			}
			cov := float64(covered) / trials
			t.Logf("n = %d per arm, δ = %.1f: coverage %.4f (%d trials)", n, delta, cov, trials)
			if failed > 0 {
				t.Errorf("n = %d, δ = %v: %d trials failed", n, delta, failed)
			}
			if cov < 0.94 || cov > 0.96 {
				t.Errorf("n = %d, δ = %v: coverage %.4f outside [0.94, 0.96]", n, delta, cov)
			}
		}
	}
}
