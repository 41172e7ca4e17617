package nct

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestSeriesRandom checks the moment-series tier alone against
// NCPInterval at random points of its region (r = |t|/sqrt(2df) <= 0.5,
// 10 <= df <= 1e5) and levels up to FastLevelLimit.
func TestSeriesRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	worst, n, miss := 0.0, 0, 0
	for i := 0; i < 3000; i++ {
		df := math.Exp(math.Log(seriesDFMin) + rng.Float64()*math.Log(seriesDFMax/seriesDFMin))
		tv := (2*rng.Float64() - 1) * seriesRMax * math.Sqrt(2*df)
		level := []float64{0.5, 0.8, 0.9, 0.95, 0.99}[rng.IntN(5)]
		s, ok := newMomentSeries(tv, df)
		if !ok {
			t.Fatalf("t = %v, df = %v: no series", tv, df)
		}
		a := 0.5 * (1 - level)
		z := math.Sqrt2 * math.Erfcinv(2*a)
		sl, sh := ncpStart(tv, df, -z, z)
		lo, ok1 := s.solve(1-a, sl)
		hi, ok2 := s.solve(a, sh)
		if !ok1 || !ok2 {
			miss++
			continue
		}
		rlo, rhi, err := NCPInterval(tv, df, level)
		if err != nil {
			t.Fatal(err)
		}
		n++
		e := math.Max(math.Abs(lo-rlo), math.Abs(hi-rhi))
		worst = math.Max(worst, e)
		if e > 1e-10 {
			t.Errorf("t = %v, df = %v, level = %v: series [%.15g, %.15g], exact [%.15g, %.15g]", tv, df, level, lo, hi, rlo, rhi)
		}
	}
	t.Logf("%d intervals (%d not settled), worst difference %.3g (ncp scale)", n, miss, worst)
	if miss > 0 {
		t.Errorf("%d searches did not settle", miss)
	}
}
