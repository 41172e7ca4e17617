package check

import (
	"math"
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

// TestNCPForGap checks the inversion behind reported gaps against the
// exact one.
func TestNCPForGap(t *testing.T) {
	for _, df := range []float64{3, 10, 88, 1000} {
		for _, tt := range []float64{-20, -2.2, 0, 0.7, 5, 30} {
			for _, p := range []float64{0.995, 0.975, 0.95, 0.05, 0.025, 0.005} {
				if g, e := ncpForGap(tt, df, p), ncpFor(tt, df, p); !(math.Abs(g-e) <= 1e-8) {
					t.Errorf("df %v t %v p %v: %v, exact %v", df, tt, p, g, e)
				}
			}
		}
	}
}

// TestApproxEndsBound checks the error bound of approxEnds, on which the
// prescreen of the exact CI check relies.
func TestApproxEndsBound(t *testing.T) {
	ts := []float64{0, 0.5, 1, 2, 3, 5, 8, 12, 20, 30, 50, 80, 130, 200}
	for _, df := range []float64{1, 2, 3, 5, 10, 30, 100, 1e3, 1e4, 1e6} {
		for _, level := range []float64{0.5, 0.9, 0.95, 0.999} {
			z := normalQuantile(1 - (1-level)/2)
			for _, t0 := range ts {
				for _, tt := range []float64{t0, -t0} {
					lo, hi, bound := approxEnds(tt, df, z)
					elo := ncpFor(tt, df, 1-(1-level)/2)
					ehi := ncpFor(tt, df, (1-level)/2)
					if !(math.Abs(elo-lo) <= bound && math.Abs(ehi-hi) <= bound) {
						t.Errorf("df %v level %v t %v: exact [%v, %v], approx [%v, %v] ± %v", df, level, tt, elo, ehi, lo, hi, bound)
					}
				}
			}
		}
	}
}
