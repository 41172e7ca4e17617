package nct

import "math"

// integralTail returns P(T <= t) (upper false) or P(T > t) (upper true) by
// quadrature of the exact mixture representation
//
//	P(T <= t) = E[Φ(t·S - δ)],  S = sqrt(X/ν), X ~ χ²_ν,
//
// in the variable w = log(X/ν) = 2 log S, where the χ² density is
// g(w) = C(k)·exp(-k(e^w - 1 - w)) with k = ν/2 and the integrand
// g(w)·Φ(±(t·e^{w/2} - δ)) is positive, smooth and unimodal. The upper tail
// uses Φ(δ - t·S), so both tails keep full relative accuracy.
//
// The trapezoidal rule on the whole line converges geometrically for such
// integrands (Trefethen & Weideman 2014): the step is a fraction of the
// width of the peak found by Newton's method, and nodes are added outward
// until the terms fall below 1e-18 of the peak.
func integralTail(t, nu, delta float64, upper bool) float64 {
	k := 0.5 * nu
	sgn := 1.0
	if upper {
		sgn = -1
	}
	tmd := t - delta
	// zOf returns t·e^{w/2} - δ, near w = 0 as t·expm1(w/2) + (t - δ) to
	// avoid cancellation when t ≈ δ.
	zOf := func(w float64) float64 {
		if math.Abs(w) < 1 {
			return t*math.Expm1(0.5*w) + tmd
		}
		return t*math.Exp(0.5*w) - delta
	}
	// logf returns the log of the integrand without the constant C(k).
	logf := func(w float64) float64 {
		return -k*expm1mx(w) + logNormCDF(sgn*zOf(w))
	}
	// derivs returns the first and second derivatives of logf.
	derivs := func(w float64) (d1, d2 float64) {
		ew2 := math.Exp(0.5 * w)
		v := sgn * zOf(w)
		m := invMills(v)
		zp := 0.5 * t * ew2
		mp := -m * (v + m)
		d1 = -k*(ew2*ew2-1) + sgn*m*zp
		d2 = -k*ew2*ew2 + mp*zp*zp + sgn*m*0.5*zp
		return d1, d2
	}

	w, d2 := findMode(derivs)
	l0 := logf(w)
	if math.IsInf(l0, -1) {
		return 0
	}
	h := stepSize(k, d2, t, delta)
	// Trapezoidal sums at step h; the even nodes give the sum at step 2h for
	// free. Geometric convergence means err(h) ≈ err(2h)², so agreement to
	// 1e-8 leaves an error far below 1e-15. Otherwise halve and retry.
	var sum float64
	for level := 0; level < 8; level++ {
		var even float64
		sum, even = trapezoid(logf, w, h, l0)
		if math.Abs(sum-2*even) <= 1e-8*sum {
			break
		}
		h *= 0.5
	}
	return math.Exp(logChiConst(k)+l0) * h * sum
}

// stepSize returns the quadrature step in w. The χ² factor alone needs
// h <= 0.6/(sqrt(k)+1.8) for a discretisation error below 1e-17 (from the
// decay of its Fourier transform |Γ(k+iω)|/Γ(k)); the peak of the whole
// integrand needs h <= 0.6σ (σ from the curvature at the mode); and a sharp
// step of Φ(t·e^{w/2} - δ) at e^{w/2} = δ/t, where its slope in w is δ/2,
// needs h <= 1.4/|δ|.
func stepSize(k, d2, t, delta float64) float64 {
	h := 0.6 / (math.Sqrt(k) + 1.8)
	if d2 < 0 {
		h = math.Min(h, 0.6/math.Sqrt(-d2))
	}
	if delta/t > 0 {
		h = math.Min(h, 1.4/math.Abs(delta))
	}
	return h
}

// trapezoid sums exp(logf(w0 + i·h) - l0) over all integers i, marching out
// from i = 0 until the terms drop below 1e-19 of the peak, and also returns
// the sum over even i.
func trapezoid(logf func(float64) float64, w0, h, l0 float64) (sum, even float64) {
	const cut = 1e-19
	const maxNodes = 1 << 14
	sum, even = 1, 1
	for _, dir := range [2]float64{-1, 1} {
		for i := 1; i <= maxNodes; i++ {
			e := math.Exp(logf(w0+dir*float64(i)*h) - l0)
			sum += e
			if i%2 == 0 {
				even += e
			}
			if e < cut {
				break
			}
		}
	}
	return sum, even
}

// findMode locates the maximum of a smooth unimodal log-integrand from its
// derivatives by safeguarded Newton iteration, starting at w = 0. It
// returns the mode and the second derivative there. The mode need not be
// precise: it only centres the quadrature.
func findMode(derivs func(w float64) (float64, float64)) (w, d2 float64) {
	d1, d2 := derivs(0)
	// Bracket the sign change of the first derivative.
	lo, hi := math.Inf(-1), math.Inf(1)
	if d1 > 0 {
		lo = 0
	} else {
		hi = 0
	}
	w = 0
	for iter := 0; iter < 100; iter++ {
		var next float64
		if d2 < 0 && !math.IsNaN(d1) {
			next = w - d1/d2
		} else {
			next = math.NaN()
		}
		if !(next > lo && next < hi) {
			// Newton left the bracket: bisect, or expand an open side.
			switch {
			case math.IsInf(lo, -1):
				next = hi - math.Max(1, 2*math.Abs(hi-w))
			case math.IsInf(hi, 1):
				next = lo + math.Max(1, 2*math.Abs(w-lo))
			default:
				next = 0.5 * (lo + hi)
			}
		}
		step := next - w
		w = next
		d1, d2 = derivs(w)
		if d1 > 0 {
			lo = w
		} else {
			hi = w
		}
		if d2 < 0 && math.Abs(step)*math.Sqrt(-d2) < 1e-3 {
			break
		}
		if hi-lo < 1e-12*(1+math.Abs(w)) {
			break
		}
	}
	return w, d2
}
