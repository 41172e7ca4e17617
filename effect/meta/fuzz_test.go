package meta

import (
	"errors"
	"math"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// FuzzPool checks that no input makes Pool (or the analyses built on it)
// panic, that errors wrap the sentinels, and that successful fits are
// internally consistent. The low four bits of method choose the method,
// the high four which studies are oriented.
func FuzzPool(f *testing.F) {
	f.Add(-0.46, 0.045, -0.13, 0.065, -0.52, 0.035, -0.08, 0.077, uint8(0), false)
	f.Add(0.1, 1e-12, 0.1, 1e12, 5.0, 0.5, -5.0, 0.5, uint8(2), true)
	f.Add(1.0, 0.0, 2.0, -1.0, math.NaN(), 1.0, 3.0, math.Inf(1), uint8(3), false)
	f.Add(0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, uint8(4), true)
	f.Add(1e300, 1e-300, -1e300, 1e-300, 0.0, 1.0, 1.0, 1.0, uint8(8), false)
	f.Add(0.46, 0.04, -0.49, 0.05, 0.3, 0.05, 0.2, 0.06, uint8(0x10), false) // one oriented study
	f.Add(0.46, 0.04, 0.49, 0.05, 0.3, 0.05, 0.2, 0.06, uint8(0xf1), true)   // all oriented
	f.Fuzz(func(t *testing.T, y1, v1, y2, v2, y3, v3, y4, v4 float64, method uint8, kh bool) {
		st := []Study{
			{Label: "a", Subgroup: "x", Estimate: effect.Estimate{Value: y1, Variance: v1}},
			{Label: "b", Subgroup: "y", Estimate: effect.Estimate{Value: y2, Variance: v2}},
			{Label: "c", Subgroup: "x", Estimate: effect.Estimate{Value: y3, Variance: v3}},
			{Label: "d", Subgroup: "y", Estimate: effect.Estimate{Value: y4, Variance: v4}},
		}
		mask := method >> 4
		for i := range st {
			st[i].Oriented = mask&(1<<i) != 0
		}
		o := &Options{Method: Method(method & 0x0f % 9), KnappHartung: kh}
		r, err := Pool(st, o)
		mixed := mask != 0 && mask != 0x0f
		if mixed != errors.Is(err, ErrMixedOrientation) && !(mixed && err != nil) {
			t.Fatalf("mask %04b: err = %v", mask, err)
		}
		// One study: metafor's tau² = 0, I² = 0, H² = 1.
		if r1, err := Pool(st[:1], &Options{Method: o.Method}); err == nil && (r1.Tau2 != 0 || r1.I2 != 0 || r1.H2 != 1 || r1.Estimate.Value != y1) {
			t.Fatalf("one study: %+v", r1)
		}
		if err != nil {
			if !errors.Is(err, effect.ErrInvalidInput) && !errors.Is(err, ErrNoConvergence) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if r.Estimate.Oriented != (mask == 0x0f) {
			t.Fatalf("mask %04b: pooled Oriented %v", mask, r.Estimate.Oriented)
		}
		if r.Tau2 < 0 || math.IsNaN(r.Tau2) && !math.IsNaN(r.Estimate.Value) {
			t.Fatalf("tau2 = %g", r.Tau2)
		}
		if !math.IsNaN(r.Estimate.CI.Lower) && !(r.Estimate.CI.Lower <= r.Estimate.Value && r.Estimate.Value <= r.Estimate.CI.Upper) {
			t.Fatalf("CI %v does not contain %g", r.Estimate.CI, r.Estimate.Value)
		}
		// The analyses built on Pool must not panic either.
		_, _ = Subgroups(st, o)
		_, _ = LeaveOneOut(st, o)
		_, _ = Cumulative(st, o)
		_, _ = Egger(st, RegMixed, o)
		_, _ = Egger(st, RegClassical, o)
		_, _ = TrimFill(st, nil, o)
	})
}
