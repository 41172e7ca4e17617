package plot_test

import (
	"io"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/plot"
)

// TestForestRandomInputs draws forest plots of random intervals built to
// pass validation often (extreme magnitudes, subnormals, ratios near the
// float64 limits) and requires that each either fails with an error or
// renders without panicking or hanging. It found a gonum LogScale panic
// on a tick at zero.
func TestForestRandomInputs(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	specials := []float64{0, math.Copysign(0, -1), 1, -1, math.NaN(), math.Inf(1), math.Inf(-1), 1e-300, 5e-324, 1e300, math.MaxFloat64, -math.MaxFloat64, 0.95, 700, 710, -745, 1e-76, 2}
	for i := 0; i < 3000; i++ {
		vals := make([]float64, 12)
		for j := range vals {
			switch rng.IntN(3) {
			case 0:
				vals[j] = specials[rng.IntN(len(specials))]
			case 1:
				vals[j] = rng.NormFloat64()
			default:
				vals[j] = math.Float64frombits(rng.Uint64())
			}
		}
		for _, k := range []int{0, 4} { // studies: est, lo, hi, weight
			vals[k+1] = vals[k] - math.Abs(vals[k+1])
			vals[k+2] = vals[k] + math.Abs(vals[k+2])
			vals[k+3] = math.Abs(vals[k+3])
		}
		vals[9] = vals[8] - math.Abs(vals[9])
		vals[10] = vals[8] + math.Abs(vals[10])
		vals[11] = 0.95
		b := seed(vals...)
		if rng.IntN(2) == 0 {
			b = append(b, byte(rng.IntN(256)))
		}
		kind := uint8(rng.IntN(256))
		within(t, func() {
			in := &floats{b}
			d := plot.ForestData{Measure: effect.MeasureG}
			if kind&1 != 0 {
				d.Measure = effect.MeasureLogOR
			}
			for i := 0; i < 2; i++ {
				d.Studies = append(d.Studies, plot.ForestStudy{Label: "s", Estimate: in.next(),
					CI: effect.Interval{Lower: in.next(), Upper: in.next(), Level: 0.95}, Weight: in.next()})
			}
			pl := plot.ForestPooled{Label: "p", Estimate: in.next(), CI: effect.Interval{Lower: in.next(), Upper: in.next(), Level: in.next()}}
			if kind&2 != 0 {
				pl.Prediction = effect.Interval{Lower: in.next(), Upper: in.next(), Level: 0.95}
			}
			d.Pooled = []plot.ForestPooled{pl}
			fig, err := plot.Forest(d, &plot.ForestOptions{Direction: effect.Direction(kind >> 6)})
			if err == nil {
				wt, err := fig.WriterTo(10*cm, 8*cm, "svg")
				if err == nil {
					_, _ = wt.WriteTo(io.Discard)
				}
			}
		})
		if t.Failed() {
			t.Fatalf("kind %d vals %v", kind, vals)
		}
	}
}
