package check

import (
	"math"

	"github.com/tiesproject/ties/internal/nct"
	"gonum.org/v1/gonum/stat/distuv"
)

// Noncentral t helpers. The CDF is internal/nct's (accurate to 1e-10
// everywhere), or gonum's AS 243 in the region where the two agree to
// 1e-10 and AS 243 is faster. The exact interval for
// d inverts it in λ (Steiger & Fouladi 1997); the consistency check only
// compares CDF values at the ends of the rounding box, which is why it is
// fast (see ci.go).

func nctCDF(t, df, ncp float64) float64 {
	switch {
	case math.IsInf(t, -1):
		return 0
	case math.IsInf(t, 1):
		return 1
	case df >= 10 && df <= 1e5 && math.Abs(t) < 25 && math.Abs(ncp) < 33:
		// gonum's AS 243 agrees with internal/nct to 1e-10 here (see
		// TestHybridCDF) and is several times faster. For t < 0 reflect:
		// gonum v0.17.0 is wrong for t < 0 with λ < −37.62.
		if t < 0 {
			return 1 - distuv.NoncentralT{Nu: df, Mu: -ncp}.CDF(-t)
		}
		return distuv.NoncentralT{Nu: df, Mu: ncp}.CDF(t)
	}
	return nct.CDF(t, df, ncp)
}

// ncpFor returns λ with P(T ≤ t; df, λ) = p. The CDF decreases in λ.
func ncpFor(t, df, p float64) float64 {
	z := distuv.UnitNormal.Quantile(p)
	// Start from the normal approximation; its tested error bound makes a
	// first step that usually brackets the root.
	lo, _, bound := approxEnds(t, df, z)
	f := func(l float64) float64 { return nctCDF(t, df, l) - p }
	return solveMonotone(f, lo, bound, false)
}

// tQuantile returns t with P(T ≤ t; df, λ) = p. The CDF increases in t.
func tQuantile(p, df, ncp float64) float64 {
	z := distuv.UnitNormal.Quantile(p)
	guess := ncp + z*math.Sqrt(1+ncp*ncp/(2*df))
	step := 0.25 * math.Sqrt(1+ncp*ncp/(2*df))
	f := func(t float64) float64 { return nctCDF(t, df, ncp) - p }
	return solveMonotone(f, guess, step, true)
}

// solveMonotone finds the root of a monotone f (increasing when inc) by
// bracketing from guess with a growing step, then Brent's method. It
// returns NaN if no bracket is found.
func solveMonotone(f func(float64) float64, guess, step float64, inc bool) float64 {
	fg := f(guess)
	if fg == 0 {
		return guess
	}
	// Direction in which f moves toward zero.
	dir := 1.0
	if (fg > 0) == inc {
		dir = -1
	}
	a, fa := guess, fg
	for i := 0; i < 80; i++ {
		b := a + dir*step
		fb := f(b)
		if fb == 0 {
			return b
		}
		if (fb > 0) != (fa > 0) {
			return brent(f, a, b, fa, fb)
		}
		a, fa = b, fb
		step *= 2
	}
	return math.NaN()
}

// brent is Brent's (1973) root finder on a bracket [a, b] with f(a)·f(b) < 0.
func brent(f func(float64) float64, a, b, fa, fb float64) float64 {
	const tol = 1e-13
	c, fc := a, fa
	d := b - a
	e := d
	for i := 0; i < 200; i++ {
		if (fb > 0) == (fc > 0) {
			c, fc = a, fa
			d = b - a
			e = d
		}
		if math.Abs(fc) < math.Abs(fb) {
			a, b, c = b, c, b
			fa, fb, fc = fb, fc, fb
		}
		tol1 := 2*2.2e-16*math.Abs(b) + 0.5*tol
		xm := 0.5 * (c - b)
		if math.Abs(xm) <= tol1 || fb == 0 {
			return b
		}
		if math.Abs(e) >= tol1 && math.Abs(fa) > math.Abs(fb) {
			s := fb / fa
			var p, q float64
			if a == c {
				p = 2 * xm * s
				q = 1 - s
			} else {
				q0 := fa / fc
				r := fb / fc
				p = s * (2*xm*q0*(q0-r) - (b-a)*(r-1))
				q = (q0 - 1) * (r - 1) * (s - 1)
			}
			if p > 0 {
				q = -q
			}
			p = math.Abs(p)
			if 2*p < math.Min(3*xm*q-math.Abs(tol1*q), math.Abs(e*q)) {
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
		if math.Abs(d) > tol1 {
			b += d
		} else {
			b += math.Copysign(tol1, xm)
		}
		fb = f(b)
	}
	return b
}
