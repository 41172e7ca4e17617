package nct

import "math"

// The moment series: the fastest tier of FastNCPInterval.
//
// For fixed t and df the lower tail is F(δ) = E[Φ(t·S − δ)] with
// S = sqrt(V/ν). Expanding Φ about x0 = t·m − δ, m = E[S], in powers of
// t·(S − m) gives
//
//	F(δ)   = Φ(x0) + φ(x0)·Σ_{j≥1} (−1)^{j−1} He_{j−1}(x0)·a_j,
//	F'(δ)  = −φ(x0)·Σ_{j≥0} (−1)^j He_j(x0)·a_j,
//	F''(δ) = φ(x0)·Σ_{j≥0} (−1)^{j+1} He_{j+1}(x0)·a_j,
//
// with a_j = t^j·E[(S − m)^j]/j! and He_j the Hermite polynomials
// (Abramowitz & Stegun 26.2.46 with 22.7.14). The a_j do not depend on δ:
// they are summed once, on the trapezoidal nodes of CDF's quadrature in
// w = log(V/ν) (so the series is that quadrature rule applied to Φ, term
// by term), and each later evaluation of F and its derivatives costs one
// Φ, one φ and a short recurrence. The central moments are summed
// directly, since forming them from the closed-form raw moments of S
// cancels catastrophically.
//
// The series is used where r = |t|/sqrt(2ν), the standard deviation of
// t·S, is at most seriesRMax: the terms then fall like r^j, and
// seriesTerms of them reach 1e-15. The quadrature step is 1.2 times that of CDF for
// the χ² factor (chiStep) narrowed by sqrt(1 + r²) for the Φ factor
// (for a Gaussian weight, the trapezoidal error is about
// exp(−2π²/(h²(1 + r²))) in units of the standard deviation). The step
// and the cut-off of the nodes are chosen for an error near 1e-11 on the
// ncp scale, a hundredth of what FastNCPInterval promises; TestSeriesRandom
// checks them against NCPInterval.
const (
	seriesRMax  = 0.75
	seriesDFMin = 4
	seriesDFMax = 1e5
	seriesTerms = 140
	seriesNodes = 200
)

// momentSeries holds the coefficients a_j and the centre t·m.
type momentSeries struct {
	a  [seriesTerms + 1]float64
	n  int // number of terms in use, a[0..n-1]
	tm float64
}

// newMomentSeries sums the coefficients for t and df; ok is false outside
// the region where the series is used.
func newMomentSeries(t, df float64) (s momentSeries, ok bool) {
	if !(df >= seriesDFMin && df <= seriesDFMax) || math.IsNaN(t) {
		return s, false
	}
	r := math.Abs(t) / math.Sqrt(2*df)
	if r > seriesRMax {
		return s, false
	}
	// Terms: r^n below 1e-15, and never fewer than 4.
	s.n = 4
	if r > 0 {
		s.n = max(4, min(seriesTerms, int(math.Ceil(-34.5/math.Log(r)))+2))
	}
	k := 0.5 * df
	h := 1.2 * chiC(k) / math.Sqrt(k) / math.Sqrt(1+r*r)
	// Nodes w_i = i·h on both sides of the mode of the χ² factor (w = 0),
	// kept while k·(e^w − 1 − w) <= 28 (weights above 7e-13 of the peak).
	// e^{w/2} − 1 is carried by a recurrence without cancellation.
	eh := math.Expm1(0.5 * h)
	var sw [2*seriesNodes + 3]float64 // weights
	var ss [2*seriesNodes + 3]float64 // S at the nodes
	nn := 0
	for _, dir := range [2]float64{1, -1} {
		e := eh
		if dir < 0 {
			e = math.Expm1(-0.5 * h)
		}
		step := e
		em := 0.0
		if dir < 0 {
			em = e // start at −h: w = 0 is counted once, on the + side
		}
		i := 0.0
		if dir < 0 {
			i = 1
		}
		for {
			w := dir * i * h
			lm := k * (em*(em+2) - w)
			if lm > 28 {
				break
			}
			if nn == 2*seriesNodes {
				return s, false
			}
			sw[nn] = math.Exp(-lm)
			ss[nn] = 1 + em
			nn++
			em = em + step + em*step
			i++
		}
	}
	var tot, mean float64
	for i := 0; i < nn; i++ {
		tot += sw[i]
		mean += sw[i] * ss[i]
	}
	mean /= tot
	s.tm = t * mean
	// a_j = Σ W_i (t(S_i − m))^j / j! / Σ W_i, four nodes at a time so
	// that the chains of products overlap.
	for nn%4 != 0 {
		sw[nn], ss[nn] = 0, mean
		nn++
	}
	n := s.n
	for i := 0; i < nn; i += 4 {
		y0, y1, y2, y3 := t*(ss[i]-mean), t*(ss[i+1]-mean), t*(ss[i+2]-mean), t*(ss[i+3]-mean)
		p0, p1, p2, p3 := sw[i], sw[i+1], sw[i+2], sw[i+3]
		for j := 0; j < n; j++ {
			s.a[j] += (p0 + p1) + (p2 + p3)
			p0 *= y0
			p1 *= y1
			p2 *= y2
			p3 *= y3
		}
	}
	for j := 0; j < n; j++ {
		s.a[j] *= invFact[j] / tot
	}
	return s, true
}

// invFact[j] = 1/j!.
var invFact = func() (v [seriesTerms + 1]float64) {
	v[0] = 1
	for j := 1; j <= seriesTerms; j++ {
		v[j] = v[j-1] / float64(j)
	}
	return v
}()

// eval returns F(δ), F'(δ) and F”(δ).
func (s *momentSeries) eval(delta float64) (f, d1, d2 float64) {
	x := s.tm - delta
	phi := math.Exp(-0.5*x*x) / sqrt2Pi
	// hm1 = He_{j−1}, h = He_j, hp = He_{j+1}; sg = (−1)^j.
	hm1, h, hp := 0.0, 1.0, x
	sg := 1.0
	var sf, sd, sd2 float64
	for j := 0; j < s.n; j++ {
		aj := sg * s.a[j]
		sf -= hm1 * aj
		sd += h * aj
		sd2 -= hp * aj
		hm1, h, hp = h, hp, x*hp-float64(j+1)*h
		sg = -sg
	}
	return normCDF(x) + phi*sf, -phi * sd, phi * sd2
}

// solve returns δ with F(δ) = p by Halley's method from x0; ok is false if
// the iteration does not settle within a few steps.
func (s *momentSeries) solve(p, x0 float64) (float64, bool) {
	x := x0
	for iter := 0; iter < 12; iter++ {
		f, d1, d2 := s.eval(x)
		f -= p
		if !(d1 < 0) {
			return math.NaN(), false
		}
		step := -f / d1
		if den := 1 + 0.5*step*d2/d1; den > 0.5 && den < 2 {
			step /= den
		}
		x += step
		// Halley converges cubically: after a step of 1e-5 the error is
		// far below 1e-13.
		if math.Abs(step) < 1e-5 {
			return x, isFinite(x)
		}
	}
	return math.NaN(), false
}
