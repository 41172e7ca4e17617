package nct

import "math"

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
