package check

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/tiesproject/ties/internal/nct"
)

// TestFastCDF checks nctCDF (nct.FastCDF) against nct.CDF (itself checked
// against 50-digit mpmath values) over the region the CI checks use most.
func TestFastCDF(t *testing.T) {
	worst := 0.0
	for _, df := range []float64{10, 11.5, 30, 100, 1000, 1e4, 1e5} {
		for tt := -24.75; tt < 25; tt += 1.25 {
			for l := math.Max(tt-8, -32.5); l <= math.Min(tt+8, 32.5); l += 0.75 {
				e := math.Abs(nctCDF(tt, df, l) - nct.CDF(tt, df, l))
				worst = math.Max(worst, e)
				if !(e <= 1e-10) {
					t.Fatalf("df %v t %v ncp %v: hybrid %v, nct %v", df, tt, l, nctCDF(tt, df, l), nct.CDF(tt, df, l))
				}
			}
		}
	}
	t.Logf("largest difference %.2g", worst)
	// The gonum bug the reflection avoids: t < 0 with ncp < −37.62.
	if p := nctCDF(-30, 100, -40); !(p > 0.99) {
		t.Errorf("P(T ≤ −30; 100, −40) = %v", p)
	}
}

// TestNCTGap compares the exact-interval gap, which inverts only the ends
// of the t range that can bear on it, with all four ends inverted.
func TestNCTGap(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for i := 0; i < 3000; i++ {
		df := float64(3 + rng.IntN(300))
		h := math.Sqrt((df + 2) / 4)
		t0 := rng.NormFloat64() * 4
		tr := Range{t0, t0 + rng.Float64()*0.3}
		level := []float64{0.9, 0.95, 0.99}[rng.IntN(3)]
		z := normalQuantile(1 - (1-level)/2)
		lo0, hi0 := ncpInterval(t0, df, level)
		c := func(x float64) Range {
			x += rng.NormFloat64() * 0.5
			return Range{x - 0.005, x + 0.005}
		}
		rl, ru := c(lo0/h), c(hi0/h)
		got := nctGap(rl, ru, 1, h, z, new(ncpEnds).at(tr, df, level))
		l0, u0 := ncpInterval(tr.Lo, df, level)
		l1, u1 := ncpInterval(tr.Hi, df, level)
		L, U := widen(Range{rl.Lo * h, rl.Hi * h}), widen(Range{ru.Lo * h, ru.Hi * h})
		want := math.Max(Range{l0, l1}.Gap(L), Range{u0, u1}.Gap(U)) / h
		if math.Abs(got-want) > 1e-12 {
			t.Fatalf("df %v t %v level %v: gap %v, all ends %v", df, tr, level, got, want)
		}
	}
}
