package root

import (
	"fmt"
	"math"
)

// maxExpand bounds the number of geometric expansions in FindBracket. With a
// growth factor of 2 it covers 2^100 times the initial step.
const maxExpand = 100

// FindBracket searches for an interval [a, b] ⊆ [lo, hi] on which f changes
// sign, for f monotone (increasing or decreasing) on [lo, hi]. It starts at
// x0 and x0+step (or x0-step at the upper limit), infers from the two values
// which way the root lies, and walks that way with steps that double each
// time, clamped to [lo, hi]; if f takes the same value at both starting
// points it searches both ways alternately. lo and hi may be infinite.
//
// The returned bracket satisfies a <= b, and f(a), f(b) have opposite signs
// or one of them is zero (a == b == x when f(x) == 0 is hit exactly).
//
// Errors wrap ErrInvalidInput (x0 not finite or outside [lo, hi], step not
// positive and finite, lo >= hi or NaN), ErrNaN (f returned NaN) or
// ErrNoBracket (no sign change within [lo, hi] or within the expansion
// limit).
func FindBracket(f func(float64) float64, x0, step, lo, hi float64) (a, b float64, err error) {
	a, _, b, _, err = findBracket(f, x0, step, lo, hi)
	return a, b, err
}

// SolveMonotone finds the root of a monotone f starting from the guess x0:
// FindBracket(f, x0, step, lo, hi) followed by Brent on the bracket,
// without evaluating f twice at the same point. o may be nil. Errors are
// those of FindBracket and Brent.
func SolveMonotone(f func(float64) float64, x0, step, lo, hi float64, o *Options) (float64, error) {
	absTol, relTol, maxIter, err := o.resolve()
	if err != nil {
		return math.NaN(), err
	}
	a, fa, b, fb, err := findBracket(f, x0, step, lo, hi)
	if err != nil {
		return math.NaN(), err
	}
	if a == b {
		return a, nil
	}
	return brent(f, a, fa, b, fb, absTol, relTol, maxIter)
}

func findBracket(f func(float64) float64, x0, step, lo, hi float64) (a, fa, b, fb float64, err error) {
	nan := math.NaN()
	switch {
	case math.IsNaN(lo) || math.IsNaN(hi) || !(lo < hi):
		return nan, nan, nan, nan, fmt.Errorf("%w: search range [%v, %v] must satisfy lo < hi", ErrInvalidInput, lo, hi)
	case !finite(x0) || x0 < lo || x0 > hi:
		return nan, nan, nan, nan, fmt.Errorf("%w: start %v must be finite and in [%v, %v]", ErrInvalidInput, x0, lo, hi)
	case !finite(step) || step <= 0:
		return nan, nan, nan, nan, fmt.Errorf("%w: step %v must be positive and finite", ErrInvalidInput, step)
	}
	eval := func(x float64) (float64, error) {
		y := f(x)
		if math.IsNaN(y) {
			return y, fmt.Errorf("%w: f(%v) = NaN", ErrNaN, x)
		}
		return y, nil
	}
	clamp := func(x float64) float64 { return math.Max(lo, math.Min(hi, x)) }

	f0, err := eval(x0)
	if err != nil {
		return nan, nan, nan, nan, err
	}
	if f0 == 0 {
		return x0, f0, x0, f0, nil
	}
	x1 := clamp(x0 + step)
	if x1 == x0 {
		x1 = clamp(x0 - step)
	}
	f1, err := eval(x1)
	if err != nil {
		return nan, nan, nan, nan, err
	}
	if bracketed(f0, f1) {
		return order(x0, f0, x1, f1)
	}

	// Direction of the root: towards x1 if |f| decreased, else away from it.
	// Equal values leave the direction open: search both ways.
	var dirs []float64
	switch {
	case math.Abs(f1) < math.Abs(f0):
		dirs = []float64{math.Copysign(1, x1-x0)}
	case math.Abs(f1) > math.Abs(f0):
		dirs = []float64{-math.Copysign(1, x1-x0)}
	default:
		dirs = []float64{1, -1}
	}
	// Each direction keeps its own innermost point with the sign of f0.
	type walker struct {
		last, flast, step float64
		done              bool
	}
	ws := make([]walker, len(dirs))
	for i, d := range dirs {
		ws[i] = walker{last: x0, flast: f0, step: step}
		if (d > 0) == (x1 > x0) {
			ws[i].last, ws[i].flast = x1, f1
		}
	}
	for n := 0; n < maxExpand; n++ {
		active := false
		for i, d := range dirs {
			w := &ws[i]
			if w.done {
				continue
			}
			active = true
			w.step *= 2
			x := clamp(w.last + d*w.step)
			if x == w.last {
				w.done = true // hit the limit of the range
				continue
			}
			fx, err := eval(x)
			if err != nil {
				return nan, nan, nan, nan, err
			}
			if bracketed(w.flast, fx) {
				return order(w.last, w.flast, x, fx)
			}
			w.last, w.flast = x, fx
		}
		if !active {
			break
		}
	}
	return nan, nan, nan, nan, fmt.Errorf("%w: searched from %v within [%v, %v]", ErrNoBracket, x0, lo, hi)
}

// bracketed reports whether fa and fb differ in sign or one is zero.
func bracketed(fa, fb float64) bool {
	return fa == 0 || fb == 0 || math.Signbit(fa) != math.Signbit(fb)
}

func order(x0, f0, x1, f1 float64) (a, fa, b, fb float64, err error) {
	switch {
	case f0 == 0:
		return x0, f0, x0, f0, nil
	case f1 == 0:
		return x1, f1, x1, f1, nil
	case x0 < x1:
		return x0, f0, x1, f1, nil
	default:
		return x1, f1, x0, f0, nil
	}
}
