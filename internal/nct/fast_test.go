package nct

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestFastCDFRegion checks FastCDF's absolute error against the quadrature
// over the fast region, including its edges.
func TestFastCDFRegion(t *testing.T) {
	worst, n := 0.0, 0
	for _, df := range []float64{3, 3.5, 5, 10, 29.3, 90, 1000, 5000, 1e4} {
		for _, tv := range []float64{-35, -30, -12, -5, -2.2, -0.7, 0, 0.3, 1.96, 4, 9, 20, 30, 35} {
			for _, ncp := range []float64{-35, -33, -20, -8, -3, -1, 0, 0.5, 2, 6, 15, 30, 35} {
				got, want := FastCDF(tv, df, ncp), CDF(tv, df, ncp)
				n++
				e := math.Abs(got - want)
				worst = math.Max(worst, e)
				if e > 2e-12 {
					t.Errorf("FastCDF(%v, %v, %v) = %.17g, CDF %.17g", tv, df, ncp, got, want)
				}
			}
		}
	}
	t.Logf("%d points, worst absolute difference %.3g", n, worst)
}

// TestFastNCPIntervalAgrees cross-checks the two evaluations of the exact
// interval over a grid of the fast region.
func TestFastNCPIntervalAgrees(t *testing.T) {
	worst, n := 0.0, 0
	for _, df := range []float64{1, 1.5, 2, 3, 5, 10, 29.3, 90, 1000, 5000, 1e4} {
		for _, tv := range []float64{-30, -12, -5, -2.2, -0.7, 0, 0.3, 1.96, 4, 9, 20, 30} {
			for _, level := range []float64{0.5, 0.9, 0.95, 0.99} {
				lo, hi, err := FastNCPInterval(tv, df, level)
				if err != nil {
					t.Fatalf("FastNCPInterval(%v, %v, %v): %v", tv, df, level, err)
				}
				rlo, rhi, err := NCPInterval(tv, df, level)
				if err != nil {
					t.Fatalf("NCPInterval(%v, %v, %v): %v", tv, df, level, err)
				}
				n++
				e := math.Max(math.Abs(lo-rlo), math.Abs(hi-rhi))
				worst = math.Max(worst, e)
				if e > 1e-9 {
					t.Errorf("t = %v, df = %v, level = %v: fast [%.15g, %.15g], exact [%.15g, %.15g]", tv, df, level, lo, hi, rlo, rhi)
				}
			}
		}
	}
	t.Logf("%d intervals, worst difference %.3g (ncp scale)", n, worst)
}

// TestFastNCPIntervalRandom compares FastNCPInterval with NCPInterval at
// 5,000 random points of the whole fast-path region and beyond it,
// including very high levels where the limits sit in the far tails.
func TestFastNCPIntervalRandom(t *testing.T) {
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
		lo, hi, err := FastNCPInterval(tv, df, level)
		if err != nil {
			t.Fatalf("FastNCPInterval(%v, %v, %v): %v", tv, df, level, err)
		}
		rlo, rhi, err := NCPInterval(tv, df, level)
		if err != nil {
			t.Fatalf("NCPInterval(%v, %v, %v): %v", tv, df, level, err)
		}
		n++
		e := math.Max(math.Abs(lo-rlo), math.Abs(hi-rhi))
		worst = math.Max(worst, e)
		if e > 1e-9 {
			t.Errorf("t = %v, df = %v, level = %v: [%.15g, %.15g], exact [%.15g, %.15g]", tv, df, level, lo, hi, rlo, rhi)
		}
	}
	t.Logf("%d intervals, worst difference %.3g (ncp scale)", n, worst)
}
