package effect

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/tiesproject/ties/internal/nct"
)

// TestNCPFastPathRandom compares ncpInterval, which takes the AS 243 fast
// path where it can, with internal/nct's interval at random points of the
// whole fast-path region, including very high levels where the bounds sit
// in the far tails.
func TestNCPFastPathRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	worst, n := 0.0, 0
	for i := 0; i < 5000; i++ {
		df := math.Exp(rng.Float64() * math.Log(1e4))
		if rng.IntN(3) == 0 {
			df = float64(1 + rng.IntN(8))
		}
		tv := (2*rng.Float64() - 1) * 35
		level := []float64{0.5, 0.8, 0.9, 0.95, 0.99, 0.995, 0.999}[rng.IntN(7)]
		if rng.IntN(4) == 0 {
			level = 0.5 + 0.499*rng.Float64()
		}
		lo, hi, err := ncpInterval(tv, df, level)
		if err != nil {
			t.Fatalf("ncpInterval(%v, %v, %v): %v", tv, df, level, err)
		}
		rlo, rhi, err := nct.NCPInterval(tv, df, level)
		if err != nil {
			t.Fatalf("nct.NCPInterval(%v, %v, %v): %v", tv, df, level, err)
		}
		n++
		e := math.Max(math.Abs(lo-rlo), math.Abs(hi-rhi))
		worst = math.Max(worst, e)
		if e > 1e-9 {
			t.Errorf("t = %v, df = %v, level = %v: [%.15g, %.15g], nct [%.15g, %.15g]", tv, df, level, lo, hi, rlo, rhi)
		}
	}
	t.Logf("%d intervals, worst difference %.3g (ncp scale)", n, worst)
}
