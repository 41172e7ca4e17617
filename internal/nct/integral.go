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
