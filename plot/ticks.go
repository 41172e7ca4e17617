package plot

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// niceTicks marks about five major ticks at 1-2-2.5-5 steps, labelled with
// as few decimals as the step needs and a true minus sign, with unlabelled
// minor ticks half way. Unlike gonum's DefaultTicks it cannot loop for
// ever: degenerate ranges get two ticks at the ends. n is the number of
// intervals aimed at (0 means 5); the layout lowers it when labels would
// run together.
type niceTicks struct{ n int }

// maxTicks bounds the tick loop whatever the range.
const maxTicks = 40

func (t niceTicks) Ticks(lo, hi float64) []plot.Tick {
	ends := func() []plot.Tick {
		return []plot.Tick{
			{Value: lo, Label: strconv.FormatFloat(lo, 'g', 4, 64)},
			{Value: hi, Label: strconv.FormatFloat(hi, 'g', 4, 64)},
		}
	}
	if !(hi > lo) || !finite(hi-lo) {
		return ends()
	}
	n := t.n
	if n <= 0 {
		n = 5
	}
	raw := (hi - lo) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	first := math.Ceil(lo/step - 1e-9)
	// At extreme magnitudes the step is lost in rounding (lo+step == lo)
	// or too small to represent; fall back to the ends.
	if step == 0 || !finite(step) || lo+step == lo || hi-step == hi || !finite(first) {
		return ends()
	}
	dec := max(0, -int(math.Floor(math.Log10(step)+1e-9)))
	if m := step / math.Pow(10, math.Floor(math.Log10(step)+1e-9)); math.Abs(m-2.5) < 1e-9 {
		dec++
	}
	dec = min(dec, 17)
	var ticks []plot.Tick
	if m := first*step - step/2; m >= lo {
		ticks = append(ticks, plot.Tick{Value: m})
	}
	for i := 0; i < maxTicks; i++ {
		v := (first + float64(i)) * step
		if v > hi+1e-9*step {
			break
		}
		if v == 0 {
			v = 0 // no negative zero
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: num(v, dec)})
		if m := v + step/2; m <= hi {
			ticks = append(ticks, plot.Tick{Value: m})
		}
	}
	if len(ticks) < 2 {
		return ends()
	}
	return ticks
}

// checkRange reports whether [lo, hi] can be drawn: finite ends and a
// finite span (gonum's axes cannot handle an infinite one).
func checkRange(figure, field string, lo, hi float64) error {
	if !finite(lo) || !finite(hi) || !finite(hi-lo) {
		return inputErr(figure, field, [2]float64{lo, hi}, "values span too wide a range to draw")
	}
	return nil
}
