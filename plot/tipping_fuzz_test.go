package plot_test

import (
	"math"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/effect/mi"
	"github.com/tiesproject/ties/plot"
)

// FuzzTippingPoint draws curves of arbitrary values (NaN, infinite ends,
// unsorted or repeated shifts): an error or a figure, never a panic.
func FuzzTippingPoint(f *testing.F) {
	f.Add(0.5, 1.0, -1.0, 0.2, true, 0.8)
	f.Add(math.Inf(1), 0.0, 0.0, 0.0, false, math.NaN())
	f.Fuzz(func(t *testing.T, d0, d1, est, se float64, found bool, tip float64) {
		step := func(d, e float64) mi.TippingPointStep {
			return mi.TippingPointStep{Delta: d, Difference: mi.Pooled{Estimate: e, CI: effect.Interval{Lower: e - 2*se, Upper: e + 2*se, Level: 0.95}}}
		}
		tp := &mi.TippingPoint{Found: found, Delta: tip, Arm: "a", Visit: "v",
			Curve: []mi.TippingPointStep{step(d0, est), step(d1, est+d1-d0)}}
		fig, err := plot.TippingPoint(tp, nil)
		if err != nil {
			return
		}
		_, _ = fig.Layout(8.5*vg.Centimeter, 7*vg.Centimeter)
	})
}
