package effect

import (
	"math"
	"testing"

	"github.com/tiesproject/ties/internal/nct"
)

// TestNCPFastPathAgrees cross-checks the two independent evaluations of
// the exact interval over the region where the AS 243 fast path is used:
// Lenth's series with probit-secant steps against internal/nct's
// quadrature with Halley steps.
func TestNCPFastPathAgrees(t *testing.T) {
	worst := 0.0
	n := 0
	for _, df := range []float64{1, 1.5, 2, 3, 5, 10, 29.3, 90, 1000, 5000, 1e4} {
		for _, tv := range []float64{-30, -12, -5, -2.2, -0.7, 0, 0.3, 1.96, 4, 9, 20, 30} {
			for _, level := range []float64{0.5, 0.9, 0.95, 0.99} {
				lo, hi, err := fastNCPInterval(tv, df, level)
				if err != nil || math.Abs(lo) > as243Limit || math.Abs(hi) > as243Limit {
					continue // outside the fast path: ncpInterval uses nct only
				}
				rlo, rhi, err := nct.NCPInterval(tv, df, level)
				if err != nil {
					t.Fatalf("nct(%v, %v, %v): %v", tv, df, level, err)
				}
				n++
				e := math.Max(math.Abs(lo-rlo), math.Abs(hi-rhi))
				worst = math.Max(worst, e)
				if e > 1e-9 {
					t.Errorf("t = %v, df = %v, level = %v: AS 243 [%.15g, %.15g], nct [%.15g, %.15g]", tv, df, level, lo, hi, rlo, rhi)
				}
			}
		}
	}
	t.Logf("%d intervals, worst difference %.3g (ncp scale)", n, worst)
	if n < 200 {
		t.Errorf("only %d intervals in the fast-path region", n)
	}
}
