package nct

import "math"

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

// maxNodes bounds the nodes on each side of the mode, and so the work of
// one evaluation.
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
