package root

import (
	"errors"
	"math"
	"testing"
)

// FuzzSolveMonotone checks that SolveMonotone and Halley never panic, agree,
// and that, for
// the monotone family f(x) = s·(x³ + c·x - r) with c >= 0, any returned
// root is accurate and any error is one of the documented sentinels.
func FuzzSolveMonotone(f *testing.F) {
	f.Add(0.0, 1.0, 2.0, 1.0, 1.0)
	f.Add(100.0, 0.5, 1e6, 0.0, -1.0)
	f.Add(-3.0, 1e-9, -1e-8, 1e3, 1.0)
	f.Add(math.NaN(), 1.0, 0.0, 0.0, 1.0)
	f.Add(0.0, math.Inf(1), 0.0, 0.0, 1.0)
	f.Fuzz(func(t *testing.T, x0, step, r, c, s float64) {
		fn := func(x float64) float64 {
			v := x*x*x + c*x - r
			if s < 0 {
				return -v
			}
			return v
		}
		fdd := func(x float64) (float64, float64, float64) {
			v, d1, d2 := x*x*x+c*x-r, 3*x*x+c, 6*x
			if s < 0 {
				return -v, -d1, -d2
			}
			return v, d1, d2
		}
		// Halley (and through it Newton's code path) must agree with
		// bracketing when both succeed.
		xh, errh := Halley(fdd, x0, step, math.Inf(-1), math.Inf(1), nil)
		x, err := SolveMonotone(fn, x0, step, math.Inf(-1), math.Inf(1), nil)
		if errh != nil && !errors.Is(errh, ErrInvalidInput) && !errors.Is(errh, ErrNoBracket) &&
			!errors.Is(errh, ErrNaN) && !errors.Is(errh, ErrNoConvergence) {
			t.Fatalf("Halley: undocumented error %v", errh)
		}
		if errh == nil && err == nil && c >= 0 && !math.IsInf(c, 0) && math.Abs(xh-x) > 1e-9*math.Max(1, math.Abs(x)) {
			t.Fatalf("Halley %v != SolveMonotone %v", xh, x)
		}
		if err != nil {
			if !errors.Is(err, ErrInvalidInput) && !errors.Is(err, ErrNoBracket) &&
				!errors.Is(err, ErrNaN) && !errors.Is(err, ErrNoConvergence) {
				t.Fatalf("undocumented error %v", err)
			}
			return
		}
		if !(c >= 0) || math.IsInf(c, 0) || math.IsNaN(r) || math.IsInf(r, 0) {
			return
		}
		// The bracket has shrunk to ~1e-13 relative; check f changes sign
		// across a slightly wider interval around x.
		d := 1e-12*math.Abs(x) + 1e-290
		if lo, hi := fn(x-d), fn(x+d); lo != 0 && hi != 0 && !math.IsInf(lo, 0) && !math.IsInf(hi, 0) &&
			math.Signbit(lo) == math.Signbit(hi) {
			t.Fatalf("x = %v is not a root: f(x-d) = %v, f(x+d) = %v", x, lo, hi)
		}
	})
}
