package effect

import (
	"errors"
	"math"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

// TestSMDHScaled checks SMDH where the SDs differ by 1e200: Bonett's
// (2008) estimator depends on the SDs only through their ratio, and with
// s1/s2 → 0 the formulas give d = (m1 − m2)/√(s2²/2) = −√2 and the LS
// variance d²·(1/(n2−1))/(8·¼) + (1/(n2−1))/½ = 3/(n2−1).
func TestSMDHScaled(t *testing.T) {
	e, err := SMDH(Group{Mean: 0, SD: 1, N: 10}, Group{Mean: 1e200, SD: 1e200, N: 12}, nil)
	if err != nil {
		t.Fatal(err)
	}
	golden.Close(t, "SMDH", e.Value, -math.Sqrt2, 0, 1e-15)
	golden.Close(t, "SMDH variance", e.Variance, 3.0/11, 0, 1e-15)
	if !finite(e.CI.Lower) || !finite(e.CI.Upper) {
		t.Errorf("CI %v", e.CI)
	}
	// A mean difference that overflows is invalid input, not a search
	// failure, and the failing call returns the zero Estimate.
	for _, fn := range []func(Group, Group, *Options) (Estimate, error){CohenD, HedgesG, GlassDelta, SMDH} {
		e, err := fn(Group{Mean: 1.7e308, SD: 1, N: 10}, Group{Mean: -1.7e308, SD: 1, N: 12}, nil)
		if !errors.Is(err, ErrInvalidInput) || errors.Is(err, ErrNoConvergence) {
			t.Errorf("overflowing means: err = %v, want ErrInvalidInput", err)
		}
		if e != (Estimate{}) {
			t.Errorf("overflowing means returned %+v", e)
		}
	}
}
