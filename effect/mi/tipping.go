package mi

import (
	"errors"
	"fmt"
	"math"

	"github.com/tiesproject/ties/effect/mmrm"
	"github.com/tiesproject/ties/internal/root"
)

// TippingOptions says which imputed values a tipping-point analysis shifts
// and which contrast it watches.
type TippingOptions struct {
	// Arm is the arm whose imputed outcomes are shifted by δ; "" means the
	// arm that is not the reference (the intervention).
	Arm string
	// Visits are the visits whose imputed outcomes are shifted; nil means
	// every visit.
	Visits []string
	// Visit is the primary visit whose difference is watched; "" means the
	// last visit.
	Visit string
	// From and To bound the δ grid of the returned curve; both 0 means
	// from 0 to twice the tipping point (or ±10 outcome SDs when there is
	// none). Points is its number of points (0 means 41).
	From, To float64
	Points   int
}

// TippingPoint is the result of a δ-adjusted tipping-point analysis.
type TippingPoint struct {
	// Delta is the shift of the chosen imputed outcomes at which the
	// interval of the primary difference first reaches 0, searched in the
	// direction that moves the difference towards 0: the conclusion holds
	// for every smaller shift. It is 0 when the interval at δ = 0 already
	// includes 0, and NaN (with Found false) when no finite shift reaches
	// it (a reference-based imputation can make the difference insensitive
	// to δ).
	Delta float64
	Found bool
	// Visit is the primary visit; Arm the shifted arm.
	Visit, Arm string
	// Curve is the difference and its interval over the δ grid, for a
	// figure; AtTip is the difference at Delta.
	Curve []TippingPointStep
	AtTip Pooled
	// Base is the analysis at δ = 0 (plus any Options.Delta).
	Base *CondMeanResult
}

// TippingPointStep is the primary difference at one δ.
type TippingPointStep struct {
	Delta      float64
	Difference Pooled
}

// Tipping finds the δ-adjustment at which the conclusion of a conditional
// mean imputation analysis changes: the shift added to the imputed
// outcomes of one arm (by default the intervention's) at which the
// confidence interval of the difference at the primary visit first
// includes 0 (Ratitch, O'Kelly & Tosiello 2013).
//
// The analysis is linear in the imputed values, so every estimate — on the
// original data and on each jackknife or bootstrap refit — is an exactly
// linear function of δ; Tipping evaluates each at two values of δ and then
// finds the root of the interval's nearer bound by Brent's method, without
// refitting. The refits are those of ConditionalMean, run once.
func Tipping(d *mmrm.Data, events []Event, o *CondMeanOptions, t *TippingOptions) (*TippingPoint, error) {
	var opt CondMeanOptions
	if o != nil {
		opt = *o
	}
	if err := opt.resolve(); err != nil {
		return nil, err
	}
	var to TippingOptions
	if t != nil {
		to = *t
	}
	tr, err := prepare(d, events, opt.Visits, opt.Reference)
	if err != nil {
		return nil, err
	}
	if err := tr.checkDelta(opt.Delta); err != nil {
		return nil, err
	}
	arm := 1 - tr.ref
	if to.Arm != "" {
		if arm = indexOf(tr.arms, to.Arm); arm < 0 {
			return nil, fieldErr("TippingOptions.Arm", to.Arm, "not an arm of the data")
		}
	}
	pv := len(tr.visits) - 1
	if to.Visit != "" {
		if pv = indexOf(tr.visits, to.Visit); pv < 0 {
			return nil, fieldErr("TippingOptions.Visit", to.Visit, "not a visit of the data")
		}
	}
	var shift [2][]float64
	for a := range shift {
		shift[a] = make([]float64, len(tr.visits))
	}
	if to.Visits == nil {
		for v := range shift[arm] {
			shift[arm][v] = 1
		}
	}
	for _, name := range to.Visits {
		v := indexOf(tr.visits, name)
		if v < 0 {
			return nil, fieldErr("TippingOptions.Visits", name, "not a visit of the data")
		}
		shift[arm][v] = 1
	}
	if to.Points == 0 {
		to.Points = 41
	}
	if to.Points < 2 {
		return nil, fieldErr("TippingOptions.Points", to.Points, "need at least 2 points")
	}
	if math.IsNaN(to.From) || math.IsNaN(to.To) || math.IsInf(to.From, 0) || math.IsInf(to.To, 0) || to.From > to.To {
		return nil, fieldErr("TippingOptions.From/To", [2]float64{to.From, to.To}, "must be finite with From ≤ To")
	}

	R, err := tr.run(&opt, tr.deltaTable(opt.Delta), &shift)
	if err != nil {
		return nil, err
	}
	base, err := tr.result(&opt, R, R.full, R.reps)
	if err != nil {
		return nil, err
	}
	// Every estimate is a + c·δ.
	a0, c0 := R.full.diff[pv], R.fullShift.diff[pv]-R.full.diff[pv]
	ab := make([]float64, len(R.reps))
	cb := make([]float64, len(R.reps))
	for r := range R.reps {
		ab[r] = R.reps[r].diff[pv]
		cb[r] = R.repsShift[r].diff[pv] - ab[r]
	}
	at := func(delta float64) (Pooled, error) {
		reps := make([]float64, len(ab))
		for r := range ab {
			reps[r] = ab[r] + cb[r]*delta
		}
		return pool(&opt, a0+c0*delta, reps)
	}
	tp := &TippingPoint{Visit: tr.visits[pv], Arm: tr.arms[arm], Base: base}

	p0, err := at(0)
	if err != nil {
		return nil, err
	}
	// bound is the interval's end nearer 0, signed so that it is positive
	// while the interval excludes 0.
	sign := 1.0
	if p0.Estimate < 0 {
		sign = -1
	}
	bound := func(delta float64) float64 {
		p, err := at(delta)
		if err != nil {
			return math.NaN()
		}
		if sign > 0 {
			return p.CI.Lower
		}
		return -p.CI.Upper
	}
	switch {
	case bound(0) <= 0:
		tp.Delta, tp.Found = 0, true
	case c0 == 0:
		tp.Delta = math.NaN()
	default:
		// Shift in the direction that moves the estimate towards 0.
		dir := -sign * math.Copysign(1, c0)
		step := math.Abs(p0.Estimate / c0)
		g := func(x float64) float64 { return bound(dir * x) }
		lo, hi, err := root.FindBracket(g, 0, step, 0, 1e6*step)
		if err != nil {
			if errors.Is(err, root.ErrNoBracket) {
				tp.Delta = math.NaN()
				break
			}
			return nil, fmt.Errorf("mi: tipping point: %w", err)
		}
		x, err := root.Brent(g, lo, hi, &root.Options{AbsTol: 1e-12, RelTol: 1e-12})
		if err != nil {
			return nil, fmt.Errorf("mi: tipping point: %w", err)
		}
		tp.Delta, tp.Found = dir*x, true
	}
	if tp.Found {
		if tp.AtTip, err = at(tp.Delta); err != nil {
			return nil, err
		}
	}
	from, toD := to.From, to.To
	if from == 0 && toD == 0 {
		span := 2 * tp.Delta
		if !tp.Found || tp.Delta == 0 {
			span = 10 * outcomeSD(tr)
			if c0*p0.Estimate > 0 {
				span = -span
			}
		}
		from, toD = math.Min(0, span), math.Max(0, span)
	}
	for k := 0; k < to.Points; k++ {
		x := from + (toD-from)*float64(k)/float64(to.Points-1)
		p, err := at(x)
		if err != nil {
			return nil, err
		}
		tp.Curve = append(tp.Curve, TippingPointStep{Delta: x, Difference: p})
	}
	return tp, nil
}

// outcomeSD is the SD of the observed outcomes over all visits, the scale
// of the default δ grid.
func outcomeSD(tr *trial) float64 {
	var s, ss, n float64
	for _, sub := range tr.subjects {
		for _, y := range sub.y {
			if !math.IsNaN(y) {
				s += y
				ss += y * y
				n++
			}
		}
	}
	if n < 2 {
		return 1
	}
	v := (ss - s*s/n) / (n - 1)
	if !(v > 0) {
		return 1
	}
	return math.Sqrt(v)
}

// String prints the tipping point as a report would.
func (t *TippingPoint) String() string {
	if !t.Found {
		return fmt.Sprintf("no tipping point: no shift of the imputed %s outcomes makes the interval at %s include 0", t.Arm, t.Visit)
	}
	if t.Delta == 0 {
		return fmt.Sprintf("the interval at %s includes 0 without any shift", t.Visit)
	}
	return fmt.Sprintf("tipping point δ = %s (imputed %s outcomes shifted; at %s the difference is %s)",
		num(t.Delta), t.Arm, t.Visit, t.AtTip.String())
}
