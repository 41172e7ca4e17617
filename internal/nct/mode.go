package nct

import "math"

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
