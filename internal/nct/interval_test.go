package nct

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/tiesproject/ties/internal/root"
)

// TestNCPIntervalVsBrent checks NCPInterval (Halley steps with an early
// stop) against plain bracketing and Brent's method on the same tails, at
// tolerance 1e-15, over random t, df and levels.
func TestNCPIntervalVsBrent(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	opts := &root.Options{AbsTol: 1e-15, RelTol: 1e-15}
	inf := math.Inf(1)
	var maxErr float64
	for i := 0; i < 60; i++ {
		df := math.Exp(rng.Float64() * math.Log(1e6)) // 1 .. 1e6
		x := (rng.Float64() - 0.5) * 2 * math.Exp(rng.Float64()*math.Log(300))
		level := []float64{0.8, 0.9, 0.95, 0.99, 0.999}[rng.IntN(5)]
		lo, hi, err := NCPInterval(x, df, level)
		if err != nil {
			t.Errorf("NCPInterval(%v, %v, %v): %v", x, df, level, err)
			continue
		}
		a := (1 - level) / 2
		la := math.Log(a)
		s := math.Sqrt(1 + x*x/(2*df))
		wantLo, err1 := root.SolveMonotone(func(d float64) float64 { return math.Log(Survival(x, df, d)) - la }, lo, 0.1*s, -inf, inf, opts)
		wantHi, err2 := root.SolveMonotone(func(d float64) float64 { return math.Log(CDF(x, df, d)) - la }, hi, 0.1*s, -inf, inf, opts)
		if err1 != nil || err2 != nil {
			t.Errorf("Brent for (%v, %v, %v): %v %v", x, df, level, err1, err2)
			continue
		}
		for _, c := range [][2]float64{{lo, wantLo}, {hi, wantHi}} {
			e := math.Abs(c[0]-c[1]) / math.Max(1, math.Abs(c[1]))
			maxErr = math.Max(maxErr, e)
			if e > 1e-13 {
				t.Errorf("NCPInterval(%v, %v, %v) = [%v, %v], Brent [%v, %v]", x, df, level, lo, hi, wantLo, wantHi)
			}
		}
	}
	t.Logf("max difference / max(1, |limit|) = %.2g", maxErr)
}
