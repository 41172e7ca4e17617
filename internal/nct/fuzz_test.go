package nct

import (
	"errors"
	"math"
	"testing"
)

// FuzzCDF checks that CDF and Survival never panic, return values in
// [0, 1] (NaN only for invalid parameters, or beyond |t|, |ncp| = 1e4),
// add up to 1, and that CDF is non-increasing in ncp.
func FuzzCDF(f *testing.F) {
	f.Add(2.2, 90.0, 2.0)
	f.Add(-5.0, 3.0, 40.0)
	f.Add(1000.0, 1e7, 1000.0)
	f.Add(0.0, 1.0, -0.5)
	f.Add(math.Inf(1), 2.0, 1.0)
	f.Add(1.0, math.Inf(1), 1.0)
	f.Add(math.NaN(), 2.0, 1.0)
	f.Add(3.0, 0.5, 1e6)
	f.Fuzz(func(t *testing.T, x, df, ncp float64) {
		invalid := math.IsNaN(x) || math.IsNaN(df) || math.IsNaN(ncp) || df <= 0 || math.IsInf(ncp, 0)
		if invalid {
			p, q := CDF(x, df, ncp), Survival(x, df, ncp)
			if !math.IsNaN(p) || !math.IsNaN(q) {
				t.Fatalf("CDF, Survival(%v, %v, %v) = %v, %v; want NaN", x, df, ncp, p, q)
			}
			return
		}
		if df < 0.01 || math.Abs(x) > 1e12 {
			// Run time grows like 1/df (the χ² tail in log scale is long);
			// keep each fuzz run fast.
			return
		}
		p, q := CDF(x, df, ncp), Survival(x, df, ncp)
		if math.Abs(x) > 1e4 || math.Abs(ncp) > 1e4 {
			// Beyond the supported range NaN is allowed (documented).
			if !(math.IsNaN(p) || p >= 0 && p <= 1) || !(math.IsNaN(q) || q >= 0 && q <= 1) {
				t.Fatalf("CDF, Survival(%v, %v, %v) = %v, %v; want values in [0, 1] or NaN", x, df, ncp, p, q)
			}
			return
		}
		if !(p >= 0 && p <= 1) || !(q >= 0 && q <= 1) {
			t.Fatalf("CDF, Survival(%v, %v, %v) = %v, %v; want values in [0, 1]", x, df, ncp, p, q)
		}
		if math.Abs(p+q-1) > 1e-12 {
			t.Fatalf("CDF + Survival(%v, %v, %v) = %v + %v != 1", x, df, ncp, p, q)
		}
		d := 1e-3 * math.Max(1, math.Abs(ncp))
		if p2 := CDF(x, df, ncp+d); p2 > p*(1+1e-12)+1e-300 {
			t.Fatalf("CDF(%v, %v, ncp) increases from %v to %v between ncp = %v and %v", x, df, p, p2, ncp, ncp+d)
		}
	})
}

// FuzzNCPInterval checks that NCPInterval never panics, that it errors
// only with the documented sentinels, and that returned limits are ordered
// and solve their defining equations.
func FuzzNCPInterval(f *testing.F) {
	f.Add(2.2, 90.0, 0.95)
	f.Add(-40.0, 200.0, 0.99)
	f.Add(56.0, 1e6, 0.95)
	f.Add(0.0, 1.0, 0.5)
	f.Add(1e300, 5.0, 0.95)
	f.Add(3.0, -1.0, 0.95)
	f.Add(-2.21706754597, 90.0, 0.95) // moment-series tier
	f.Add(20.0, 1e5, 0.9)
	f.Fuzz(func(t *testing.T, x, df, level float64) {
		if math.Abs(x) > 1e4 || df > 1e12 || df < 0.5 {
			// Keep each run fast; the limits are tested elsewhere.
			return
		}
		lo, hi, err := NCPInterval(x, df, level)
		if err != nil {
			if !errors.Is(err, ErrInvalidInput) && !errors.Is(err, ErrNoConvergence) {
				t.Fatalf("NCPInterval(%v, %v, %v): undocumented error %v", x, df, level, err)
			}
			if !math.IsNaN(lo) || !math.IsNaN(hi) {
				t.Fatalf("NCPInterval(%v, %v, %v): error %v with limits %v, %v", x, df, level, err, lo, hi)
			}
			return
		}
		if !(lo <= hi) {
			t.Fatalf("NCPInterval(%v, %v, %v) = [%v, %v]: not ordered", x, df, level, lo, hi)
		}
		// The fast path agrees with the exact limits to 1e-9.
		flo, fhi, err := FastNCPInterval(x, df, level)
		if err != nil || math.Abs(flo-lo) > 1e-9*math.Max(1, math.Abs(lo)) || math.Abs(fhi-hi) > 1e-9*math.Max(1, math.Abs(hi)) {
			t.Fatalf("FastNCPInterval(%v, %v, %v) = [%.15g, %.15g], %v; exact [%.15g, %.15g]", x, df, level, flo, fhi, err, lo, hi)
		}
		a := (1 - level) / 2
		if a < 1e-280 {
			return
		}
		if s := Survival(x, df, lo); math.Abs(s-a) > 1e-9*a {
			t.Fatalf("NCPInterval(%v, %v, %v): Survival at lo = %v, want %v", x, df, level, s, a)
		}
		if c := CDF(x, df, hi); math.Abs(c-a) > 1e-9*a {
			t.Fatalf("NCPInterval(%v, %v, %v): CDF at hi = %v, want %v", x, df, level, c, a)
		}
	})
}
