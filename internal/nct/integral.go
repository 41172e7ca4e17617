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
func integralTail(t, nu, delta float64, upper, wantDeriv bool, hint *modeHint) (p, dp, dp2 float64) {
	q := quad{t: t, k: 0.5 * nu, delta: delta, tmd: t - delta, sgn: 1}
	if upper {
		q.sgn = -1
	}
	var w float64
	if hint != nil && hint.set && math.Abs(delta-hint.delta) <= hint.reach {
		w = hint.w
	} else {
		w, _ = findMode(q.derivs)
		if hint != nil {
			hint.w, hint.delta, hint.set = w, delta, true
		}
	}
	_, d2, d3 := q.derivs3(w)
	q.l0 = q.logf(w)
	logC := logChiConst(q.k)
	// The normalized integrand is at most 1 and, for any k, negligible
	// outside a range of width 100/k + 100 around the mode: below this
	// bound the tail underflows (< 1e-320) and need not be summed.
	if logC+q.l0+math.Log(100/q.k+100) < -737 || math.IsInf(q.l0, -1) {
		return 0, 0, 0
	}
	edge := false
	if r := delta / t; r > 0 {
		// Is the step of Φ(t·e^{w/2} - δ) at e^{w/2} = δ/t within the range
		// where the integrand matters?
		_, m, _ := q.parts(2 * math.Log(r))
		edge = -q.k*m-math.Ln2-q.l0 > -46
	}
	h := stepSize(q.k, d2, d3, delta, edge)
	if !(h > 0) || math.IsInf(h, 0) || math.IsNaN(w) || math.IsNaN(q.l0) {
		return math.NaN(), math.NaN(), math.NaN()
	}
	var sum, dsum, d2sum float64
	converged := false
	for level := 0; level < 8; level++ {
		var even float64
		var ok bool
		sum, even, dsum, d2sum, ok = q.trapezoid(w, h, wantDeriv)
		if !ok {
			// The integrand needs more than maxNodes nodes on a side at
			// this step: the arguments are beyond the supported range.
			break
		}
		if math.Abs(sum-2*even) <= 2e-4*sum {
			converged = true
			break
		}
		h *= 0.5
	}
	if !converged {
		return math.NaN(), math.NaN(), math.NaN()
	}
	scale := math.Exp(logC+q.l0) * h
	p = scale * sum
	if !(p >= 0) || p > 1+1e-9 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	if wantDeriv {
		dp = -q.sgn * scale * dsum / sqrt2Pi
		dp2 = -q.sgn * scale * d2sum / sqrt2Pi
	}
	return p, dp, dp2
}

// modeHint carries the mode found at one δ to later evaluations of the same
// tail at nearby δ (the Halley steps of NCPInterval, within reach), which
// then skip the mode search. The trapezoidal rule on the whole line need
// not be centred exactly; the step rules are still evaluated afresh.
type modeHint struct {
	w, delta, reach float64
	set             bool
}

// quad holds the parameters of one tail integral.
type quad struct {
	t, k, delta, tmd float64
	sgn              float64 // +1 lower tail, -1 upper tail
	l0               float64 // log of the integrand at the mode
}

// parts returns z(w) = t·e^{w/2} - δ, m(w) = e^w - 1 - w and e^{w/2},
// without cancellation: near w = 0 through expm1 (z = t·expm1(w/2) +
// (t - δ)).
func (q *quad) parts(w float64) (z, m, e float64) {
	if w < -1 {
		e = math.Exp(0.5 * w)
		return q.t*e - q.delta, e*e - 1 - w, e
	}
	em := math.Expm1(0.5 * w)
	z = q.t*em + q.tmd
	if math.Abs(w) < 0.3 {
		return z, expm1mxSeries(w), 1 + em
	}
	return z, em*(em+2) - w, 1 + em
}

// logf returns the log of the integrand without the constant C(k).
func (q *quad) logf(w float64) float64 {
	z, m, _ := q.parts(w)
	return -q.k*m + logNormCDF(q.sgn*z)
}

// derivs returns the first and second derivatives of logf.
func (q *quad) derivs(w float64) (d1, d2 float64) {
	d1, d2, _ = q.derivs3(w)
	return d1, d2
}

// derivs3 returns the first three derivatives of logf. With
// L(v) = log Φ(v), v = ±z and r = L'(v) = φ(v)/Φ(v), the second and third
// derivatives of L are -r(v+r) and r(v+r)² - r + r²(v+r); and the
// derivatives of z in w are all (z+δ)/2 times 1, 1/2, 1/4.
func (q *quad) derivs3(w float64) (d1, d2, d3 float64) {
	z, _, e := q.parts(w)
	ew := e * e
	v := q.sgn * z
	r := invMills(v)
	vr := v + r
	l2 := -r * vr
	l3 := r*vr*vr - r + r*r*vr
	vp := q.sgn * 0.5 * (z + q.delta) // dv/dw = ±t·e^{w/2}/2
	d1 = -q.k*(ew-1) + r*vp
	d2 = -q.k*ew + l2*vp*vp + r*0.5*vp
	d3 = -q.k*ew + l3*vp*vp*vp + 1.5*l2*vp*vp + r*0.25*vp
	return d1, d2, d3
}

// node returns the integrand at w divided by its value at the mode, and
// (if wantDeriv) φ(z)·g(w) and z·φ(z)·g(w) on the same scale times sqrt(2π).
func (q *quad) node(w float64, wantDeriv bool) (e, d, d2 float64) {
	z, m, _ := q.parts(w)
	v := q.sgn * z
	lg := -q.k*m - q.l0
	switch {
	case v > 8.3:
		// Φ(v) rounds to 1.
		e = math.Exp(lg)
	case v > -37 && q.l0 > -700:
		e = math.Exp(lg) * 0.5 * math.Erfc(-v/math.Sqrt2)
	default:
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
//
// Where the left side decays so slowly that more than 400 further nodes
// would be needed (the χ² density falls only like e^{kw} there, which for
// df < 1, or with a small h forced by a sharp step of Φ, takes up to
// millions of nodes), and Φ(±z) is saturated at 1 on the whole rest of that
// side, including a sector of the complex plane around it
// (saturatedLeft), the integrand there is just the χ² factor: smooth and
// monotone. The march then stops at the node w_c, gives it the endpoint
// weight 1/2 plus the Euler–Maclaurin correction h²f'(w_c)/12 (the decay
// of log f per step is below 1e-3, so the neglected h⁴ terms are below
// 1e-15 of f(w_c)), and adds ∫ f(w_c - x) dx by tailPiece.
func (q *quad) trapezoid(w0, h float64, wantDeriv bool) (sum, even, dsum, d2sum float64, ok bool) {
	const cut = 1e-18
	e, d, d2 := q.node(w0, wantDeriv)
	sum, even, dsum, d2sum = e, e, d, d2
	// Compensated (Neumaier) summation of the main sum, which may have
	// many terms.
	var comp float64
	add := func(e float64) {
		s := sum + e
		if math.Abs(sum) >= math.Abs(e) {
			comp += (sum - s) + e
		} else {
			comp += (e - s) + sum
		}
		sum = s
	}
	for _, dir := range [2]float64{-1, 1} {
		prev := e
		i := 1
		for ; i <= maxNodes; i++ {
			w := w0 + dir*float64(i)*h
			e, d, d2 := q.node(w, wantDeriv)
			add(e)
			dsum += d
			d2sum += d2
			if i%2 == 0 {
				even += e
			}
			if e < cut && d < cut {
				break
			}
			if dir < 0 && e > 0 && e < prev && i%64 == 0 {
				kh := -math.Log(e / prev) // κh
				if kh < 1e-3 && math.Log(e/cut) > 400*kh && q.saturatedLeft(w) {
					te, td, td2 := q.tailPiece(w, dir, h, wantDeriv)
					// f'(w_c)/f(w_c) exactly; the derivative sums get the
					// same relative correction (they need not be as exact).
					d1, _ := q.derivs(w)
					c := h * d1 / 12
					add(te/h - e/2 + c*e)
					even += 0.5 * (te/h - e/2 + c*e)
					dsum += td/h - d/2 + c*d
					d2sum += td2/h - d2/2 + c*d2
					break
				}
			}
			prev = e
		}
		if i > maxNodes {
			return 0, 0, 0, 0, false
		}
	}
	return sum + comp, even, dsum, d2sum, true
}

// maxNodes bounds the nodes on each side of the mode (about 60 ms of work).
const maxNodes = 1 << 20

// saturatedLeft reports whether Φ(±z) = 1 to double precision for all
// w' <= w, also for complex w' with |Im e^{w'/2}| <= e^{w/2}: ±z moves
// monotonically from its value at w to ∓δ, and Re(±z) must exceed
// |Im z| + 8.5 (then Φ(-(±z)) < 1e-17 in modulus).
func (q *quad) saturatedLeft(w float64) bool {
	z, _, _ := q.parts(w)
	lim := q.sgn * -q.delta
	v := math.Min(q.sgn*z, lim)
	return v > math.Abs(q.t)*math.Exp(0.5*w)+8.5
}

// tailPiece returns ∫_0^∞ f(wc + dir·x) dx for the normalized integrand
// (and its derivative integrands), by the trapezoidal rule with step 0.12
// in v = log x: the integrand f·e^v then falls off geometrically as
// v → -∞ and at least like exp(-a·e^{2v}) as v → ∞. The Fourier transform
// of e^v·exp(-a·e^{2v}) decays like |Γ((1+iω)/2)| ≈ e^{-πω/4}, so the
// error at ω = 2π/0.12 is about 1e-17 relative.
func (q *quad) tailPiece(wc, dir, h float64, wantDeriv bool) (s, sd, sd2 float64) {
	const hv = 0.12
	v0 := math.Log(h)
	for _, vdir := range [2]float64{-1, 1} {
		j := 0
		if vdir > 0 {
			j = 1
		}
		prev := 0.0
		for ; j < 4000; j++ {
			x := math.Exp(v0 + vdir*float64(j)*hv)
			e, d, d2 := q.node(wc+dir*x, wantDeriv)
			f := e * x
			s += f
			sd += d * x
			sd2 += d2 * x
			if f < 1e-17*s && (vdir < 0 || f < prev) {
				break
			}
			prev = f
		}
	}
	return s * hv, sd * hv, sd2 * hv
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

// stepSize returns the quadrature step in w, the smallest of:
//   - the χ² limit c(k)/sqrt(k) (chiStep);
//   - if the step of Φ(t·e^{w/2} - δ) at e^{w/2} = δ/t matters (edge),
//     where z has slope δ/2 in w, 0.95/(|δ|+0.5): calibrated against the
//     mpmath reference, the error grows like exp(-c/(hδ)²) and is about
//     1e-16 at hδ = 1, 1e-14 at 1.16 and 1e-12 at 1.36;
//   - c(k_eff)·σ for the peak, where σ = 1/sqrt(-d2) from the curvature at
//     the mode and k_eff = 1/(d3·σ³)² measures the skewness of the peak the
//     way k does for the χ² factor alone (whose skewness in w is
//     -1/sqrt(k)); a symmetric peak has k_eff = ∞ and c = 0.686, the
//     Gaussian value (error 2exp(-2π²/0.686²)). Without this rule a
//     tilted, skewed peak such as that of CDF(0.1, 1, 37) has errors of
//     5e-12.
func stepSize(k, d2, d3, delta float64, edge bool) float64 {
	h := chiC(k) / math.Sqrt(k)
	if edge {
		h = math.Min(h, 0.95/(math.Abs(delta)+0.5))
	}
	if d2 < 0 {
		sigma := 1 / math.Sqrt(-d2)
		keff := math.Inf(1)
		if g := d3 * sigma * sigma * sigma; g != 0 {
			keff = 1 / (g * g)
		}
		h = math.Min(h, chiC(keff)*sigma)
	}
	return h
}

// chiC interpolates chiStep linearly in log k.
func chiC(k float64) float64 {
	lk := math.Log(k)
	switch {
	case lk >= chiStep[len(chiStep)-1].logk || math.IsNaN(lk):
		return chiStep[len(chiStep)-1].c
	case lk <= chiStep[0].logk:
		return chiStep[0].c * math.Sqrt(k/0.5) // c ∝ sqrt(k) as k -> 0 keeps h fixed
	}
	for i := 1; i < len(chiStep); i++ {
		if lk <= chiStep[i].logk {
			a, b := chiStep[i-1], chiStep[i]
			return a.c + (b.c-a.c)*(lk-a.logk)/(b.logk-a.logk)
		}
	}
	return chiStep[len(chiStep)-1].c
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
