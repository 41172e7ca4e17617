package nct

import "math"

// integralTail returns P(T <= t) (upper false) or P(T > t) (upper true) by
// quadrature of the exact mixture representation
//
//	P(T <= t) = E[Φ(t·S - δ)],  P(T > t) = E[Φ(δ - t·S)],
//	S = sqrt(X/ν), X ~ χ²_ν,
//
// in the variable w = log(X/ν) = 2 log S, where the χ² density is
// g(w) = C(k)·exp(-k(e^w - 1 - w)) with k = ν/2. The integrand is positive,
// smooth and unimodal, so both tails keep full relative accuracy.
//
// If wantDeriv is set it also returns the first and second derivatives of
// the result with respect to δ, ∓E[φ(z)] and ∓E[z·φ(z)] with z = t·S - δ
// (upper sign for the lower tail), summed on the same nodes.
//
// The trapezoidal rule on the whole line converges geometrically for such
// integrands (Trefethen & Weideman 2014). The step comes from stepSize; the
// nodes run outward from the mode (found by Newton's method) until the terms
// fall below 1e-18 of the peak. The step rules are a priori; as a guard
// against a feature they miss, the sum over every other node (the rule at
// twice the step, whose error is about 1e-4 for a Gaussian at the chosen
// step) must agree to 2e-4, else the step is halved.
func integralTail(t, nu, delta float64, upper, wantDeriv bool) (p, dp, dp2 float64) {
	q := quad{t: t, k: 0.5 * nu, delta: delta, tmd: t - delta, sgn: 1}
	if upper {
		q.sgn = -1
	}
	w, d2 := findMode(q.derivs)
	q.l0 = q.logf(w)
	logC := logChiConst(q.k)
	// The normalized integrand is at most 1 and, for any k, negligible
	// outside a range of width 100/k + 100 around the mode: below this
	// bound the tail underflows (< 1e-320) and need not be summed.
	if logC+q.l0+math.Log(100/q.k+100) < -737 || math.IsInf(q.l0, -1) {
		return 0, 0, 0
	}
	h := stepSize(q.k, d2)
	if r := delta / t; r > 0 {
		// The step of Φ(t·e^{w/2} - δ) at e^{w/2} = δ/t: z has slope
		// (z+δ)/2 in w, up to about (|δ|+3)/2 where φ(z) matters, which
		// needs h <= 1.4/(|δ|+3) (calibrated against the mpmath reference:
		// the error grows like exp(-c/(hδ)²), about 1e-16 at hδ = 1),
		// unless the integrand is negligible there (then the step lies
		// outside the range that matters).
		ws := 2 * math.Log(r)
		if _, m := q.parts(ws); -q.k*m-math.Ln2-q.l0 > -46 {
			h = math.Min(h, 1.4/(math.Abs(delta)+3))
		}
	}
	var sum, dsum, d2sum float64
	for level := 0; level < 8; level++ {
		var even float64
		sum, even, dsum, d2sum = q.trapezoid(w, h, wantDeriv)
		if math.Abs(sum-2*even) <= 2e-4*sum {
			break
		}
		h *= 0.5
	}
	scale := math.Exp(logC+q.l0) * h
	p = scale * sum
	if wantDeriv {
		dp = -q.sgn * scale * dsum / sqrt2Pi
		dp2 = -q.sgn * scale * d2sum / sqrt2Pi
	}
	return p, dp, dp2
}

// quad holds the parameters of one tail integral.
type quad struct {
	t, k, delta, tmd float64
	sgn              float64 // +1 lower tail, -1 upper tail
	l0               float64 // log of the integrand at the mode
}

// parts returns z(w) = t·e^{w/2} - δ and m(w) = e^w - 1 - w, both without
// cancellation: near w = 0 through expm1 (z = t·expm1(w/2) + (t - δ)).
func (q *quad) parts(w float64) (z, m float64) {
	if w < -1 {
		e := math.Exp(0.5 * w)
		return q.t*e - q.delta, e*e - 1 - w
	}
	em := math.Expm1(0.5 * w)
	z = q.t*em + q.tmd
	if math.Abs(w) < 0.3 {
		return z, expm1mxSeries(w)
	}
	return z, em*(em+2) - w
}

// logf returns the log of the integrand without the constant C(k).
func (q *quad) logf(w float64) float64 {
	z, m := q.parts(w)
	return -q.k*m + logNormCDF(q.sgn*z)
}

// derivs returns the first and second derivatives of logf.
func (q *quad) derivs(w float64) (d1, d2 float64) {
	z, _ := q.parts(w)
	ew := math.Exp(w)
	v := q.sgn * z
	r := invMills(v)
	zp := 0.5 * (z + q.delta) // dz/dw = t·e^{w/2}/2
	rp := -r * (v + r)
	d1 = -q.k*(ew-1) + q.sgn*r*zp
	d2 = -q.k*ew + rp*zp*zp + q.sgn*r*0.5*zp
	return d1, d2
}

// node returns the integrand at w divided by its value at the mode, and
// (if wantDeriv) φ(z)·g(w) and z·φ(z)·g(w) on the same scale times sqrt(2π).
func (q *quad) node(w float64, wantDeriv bool) (e, d, d2 float64) {
	z, m := q.parts(w)
	v := q.sgn * z
	lg := -q.k*m - q.l0
	if v > -37 && q.l0 > -700 {
		e = math.Exp(lg) * 0.5 * math.Erfc(-v/math.Sqrt2)
	} else {
		e = math.Exp(lg + logNormCDF(v))
	}
	if wantDeriv {
		d = math.Exp(lg - 0.5*z*z)
		d2 = z * d
	}
	return e, d, d2
}

// trapezoid sums the normalized integrand over the nodes w0 + i·h, all
// integers i, marching out from i = 0 until the terms drop below 1e-18;
// it also returns the sum over even i, and the derivative sums.
func (q *quad) trapezoid(w0, h float64, wantDeriv bool) (sum, even, dsum, d2sum float64) {
	const cut = 1e-18
	const maxNodes = 1 << 18
	e, d, d2 := q.node(w0, wantDeriv)
	sum, even, dsum, d2sum = e, e, d, d2
	for _, dir := range [2]float64{-1, 1} {
		for i := 1; i <= maxNodes; i++ {
			e, d, d2 := q.node(w0+dir*float64(i)*h, wantDeriv)
			sum += e
			dsum += d
			d2sum += d2
			if i%2 == 0 {
				even += e
			}
			if e < cut && d < cut {
				break
			}
		}
	}
	return sum, even, dsum, d2sum
}

// chiStep tabulates c(k) = h·sqrt(k) such that the trapezoidal rule with
// step h integrates the χ² factor g(w) with error below 1e-17: the error is
// about 2|Γ(k+2πi/h)|/Γ(k) (the Fourier transform of g at 2π/h), solved
// for h with mpmath and reduced by 5%.
var chiStep = [...]struct{ logk, c float64 }{
	{math.Log(0.5), 0.165},
	{math.Log(1), 0.218},
	{math.Log(2), 0.285},
	{math.Log(5), 0.39},
	{math.Log(10), 0.465},
	{math.Log(15), 0.505},
	{math.Log(50), 0.60},
	{math.Log(500), 0.645},
	{math.Log(1e5), 0.67},
}

// stepSize returns the quadrature step in w: the smaller of the χ² limit
// (chiStep) and 0.7σ for the peak of the whole integrand (σ from the
// curvature d2 at the mode: the trapezoidal error for a Gaussian is
// 2exp(-2π²σ²/h²) ≈ 6e-18).
func stepSize(k, d2 float64) float64 {
	lk := math.Log(k)
	c := chiStep[len(chiStep)-1].c
	if lk <= chiStep[0].logk {
		c = chiStep[0].c * math.Sqrt(k/0.5) // c ∝ sqrt(k) as k -> 0 keeps h fixed
	} else {
		for i := 1; i < len(chiStep); i++ {
			if lk <= chiStep[i].logk {
				a, b := chiStep[i-1], chiStep[i]
				c = a.c + (b.c-a.c)*(lk-a.logk)/(b.logk-a.logk)
				break
			}
		}
	}
	h := c / math.Sqrt(k)
	if d2 < 0 {
		h = math.Min(h, 0.7/math.Sqrt(-d2))
	}
	return h
}

// findMode locates the maximum of a smooth unimodal log-integrand from its
// derivatives, starting at w = 0: Newton steps, limited to a step that
// doubles each time while the maximum is not yet bracketed, and bisection
// when a step would leave the bracket or the bracket stops shrinking. It
// returns the mode and the second derivative there. The mode need not be
// precise: it only centres the quadrature.
func findMode(derivs func(w float64) (float64, float64)) (w, d2 float64) {
	d1, d2 := derivs(0)
	lo, hi := math.Inf(-1), math.Inf(1)
	if d1 > 0 {
		lo = 0
	} else {
		hi = 0
	}
	maxStep := 0.5
	width := math.Inf(1)
	for iter := 0; iter < 200; iter++ {
		next := math.NaN()
		if d2 < 0 {
			next = w - d1/d2
		}
		bracketed := !math.IsInf(lo, 0) && !math.IsInf(hi, 0)
		if !bracketed {
			// Limit the step while searching outward.
			if !(math.Abs(next-w) <= maxStep) {
				if d1 > 0 {
					next = w + maxStep
				} else {
					next = w - maxStep
				}
			}
			maxStep *= 2
		} else if !(next > lo && next < hi) || (iter%3 == 2 && hi-lo > 0.5*width) {
			// Bisect when Newton leaves the bracket or is slow.
			next = 0.5 * (lo + hi)
		}
		if iter%3 == 2 {
			width = hi - lo
		}
		step := next - w
		w = next
		d1, d2 = derivs(w)
		if math.IsNaN(d1) || d1 < 0 {
			hi = w
		} else {
			lo = w
		}
		if d2 < 0 && math.Abs(step)*math.Sqrt(-d2) < 1e-2 {
			break
		}
		if hi-lo < 1e-9*(1+math.Abs(w)) {
			break
		}
	}
	return w, d2
}
