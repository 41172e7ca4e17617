package root

import (
	"fmt"
	"math"
)

// Brent returns a root of f in the closed interval between a and b, which
// must bracket a sign change: f(a) and f(b) must be of opposite signs, or
// one of them zero. The order of a and b does not matter. o may be nil.
//
// Brent combines inverse quadratic interpolation, the secant method and
// bisection (Brent 1973, ZEROIN). It never needs more than about
// (log2((b-a)/tol))² evaluations, and usually far fewer: superlinear
// convergence for smooth f.
//
// Errors wrap ErrInvalidInput (a or b NaN or infinite, bad Options),
// ErrNaN (f returned NaN), ErrNoBracket (no sign change) or
// ErrNoConvergence (Options.MaxIter reached; the best estimate so far is
// returned with it).
func Brent(f func(float64) float64, a, b float64, o *Options) (float64, error) {
	absTol, relTol, maxIter, err := o.resolve()
	if err != nil {
		return math.NaN(), err
	}
	if !finite(a) || !finite(b) {
		return math.NaN(), fmt.Errorf("%w: bracket [%v, %v] must be finite", ErrInvalidInput, a, b)
	}
	fa := f(a)
	if math.IsNaN(fa) {
		return math.NaN(), fmt.Errorf("%w: f(%v) = NaN", ErrNaN, a)
	}
	if fa == 0 {
		return a, nil
	}
	fb := f(b)
	if math.IsNaN(fb) {
		return math.NaN(), fmt.Errorf("%w: f(%v) = NaN", ErrNaN, b)
	}
	return brent(f, a, fa, b, fb, absTol, relTol, maxIter)
}

// brent is ZEROIN with precomputed end values. Infinite function values are
// used only through their sign: interpolation is skipped (bisection taken)
// until all three points have finite values.
func brent(f func(float64) float64, a, fa, b, fb, absTol, relTol float64, maxIter int) (float64, error) {
	if fa == 0 {
		return a, nil
	}
	if fb == 0 {
		return b, nil
	}
	if math.Signbit(fa) == math.Signbit(fb) {
		return math.NaN(), fmt.Errorf("%w: f(%v) = %v and f(%v) = %v have the same sign", ErrNoBracket, a, fa, b, fb)
	}
	c, fc := a, fa
	d := b - a
	e := d
	for iter := 0; iter < maxIter; iter++ {
		if math.Signbit(fb) == math.Signbit(fc) {
			// Keep the root between b and c.
			c, fc = a, fa
			d = b - a
			e = d
		}
		if math.Abs(fc) < math.Abs(fb) {
			// b is always the best estimate so far.
			a, b, c = b, c, b
			fa, fb, fc = fb, fc, fb
		}
		tol := 0.5 * (absTol + relTol*math.Abs(b))
		xm := 0.5 * (c - b)
		if math.Abs(xm) <= tol || fb == 0 {
			return b, nil
		}
		interpolate := math.Abs(e) >= tol && math.Abs(fa) > math.Abs(fb) &&
			finite(fa) && finite(fb) && finite(fc)
		if interpolate {
			var p, q float64
			s := fb / fa
			if a == c {
				// Secant step.
				p = 2 * xm * s
				q = 1 - s
			} else {
				// Inverse quadratic interpolation.
				q = fa / fc
				r := fb / fc
				p = s * (2*xm*q*(q-r) - (b-a)*(r-1))
				q = (q - 1) * (r - 1) * (s - 1)
			}
			if p > 0 {
				q = -q
			} else {
				p = -p
			}
			if 2*p < math.Min(3*xm*q-math.Abs(tol*q), math.Abs(e*q)) {
				e = d
				d = p / q
			} else {
				d = xm
				e = d
			}
		} else {
			d = xm
			e = d
		}
		a, fa = b, fb
		if math.Abs(d) > tol {
			b += d
		} else {
			b += math.Copysign(tol, xm)
		}
		fb = f(b)
		if math.IsNaN(fb) {
			return math.NaN(), fmt.Errorf("%w: f(%v) = NaN", ErrNaN, b)
		}
	}
	return b, fmt.Errorf("%w: %d evaluations, bracket [%v, %v]", ErrNoConvergence, maxIter, math.Min(b, c), math.Max(b, c))
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
