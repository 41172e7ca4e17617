package meta

import (
	"fmt"
	"math"
)

// tau2Est is an estimate of tau² with metafor's standard error.
type tau2Est struct {
	tau2, se float64
	iter     int
}

// estimateTau2 returns the method's estimate of tau² for the model.
func (m *model) estimateTau2(method Method, s settings) (tau2Est, error) {
	k, p := float64(m.k), float64(m.p)
	if m.k == 1 && m.p == 1 {
		// One study: metafor fits it with tau² = 0 whatever the method
		// (its "k1" path), with no standard error.
		return tau2Est{tau2: 0, se: math.NaN()}, nil
	}
	switch method {
	case FixedEffect:
		return tau2Est{tau2: 0, se: math.NaN()}, nil
	case DerSimonianLaird:
		f := m.fit(0)
		t := math.Max(0, (f.rss-(k-p))/f.trP)
		// metafor: sqrt((2(k-p) + 4 tau² tr(P) + 2 tau⁴ tr(PP)) / tr(P)²), P at FE weights.
		se := math.Sqrt((2*(k-p) + 4*t*f.trP + 2*t*t*f.trPP) / (f.trP * f.trP))
		return tau2Est{tau2: t, se: se}, nil
	case HunterSchmidt:
		f := m.fit(0)
		t := math.Max(0, (f.rss-k)/f.sw)
		se := math.Sqrt((2*(k-p) + 4*t*f.trP + 2*t*t*f.trPP) / (f.sw * f.sw))
		return tau2Est{tau2: t, se: se}, nil
	case Hedges:
		t, se := m.hedges()
		return tau2Est{tau2: t, se: se}, nil
	case SidikJonkman:
		return m.sidikJonkman(), nil
	case PauleMandel, EmpiricalBayes:
		return m.pauleMandel(s)
	case REML, ML:
		return m.likelihood(method, s)
	}
	return tau2Est{}, optionErr("Options.Method", method, "unknown method") // not reached: Options are checked first
}

// hedges is metafor's "HE": the unweighted (OLS) method of moments,
// tau² = (RSS - tr(PV))/(k-p) with P = I - X(X'X)⁻¹X'.
func (m *model) hedges() (tau2, se float64) {
	k, p := float64(m.k), float64(m.p)
	a, ok := invSPD(m.cross(func(int) float64 { return 1 }), m.p)
	if !ok {
		return math.NaN(), math.NaN()
	}
	xy := make([]float64, m.p)
	for i := 0; i < m.k; i++ {
		for j := 0; j < m.p; j++ {
			xy[j] += m.col(i, j) * m.y[i]
		}
	}
	b := matVec(a, xy, m.p)
	var rss, trPV, hv2, v2 float64
	for i := 0; i < m.k; i++ {
		r := m.y[i]
		for j := 0; j < m.p; j++ {
			r -= m.col(i, j) * b[j]
		}
		rss += r * r
		h := m.leverage(a, i)
		trPV += m.v[i] * (1 - h)
		hv2 += h * m.v[i] * m.v[i]
		v2 += m.v[i] * m.v[i]
	}
	tau2 = math.Max(0, (rss-trPV)/(k-p))
	// tr(PVPV) = tr(V²) - 2 tr(HV²) + tr(A B A B), B = X'VX.
	ab := matMul(a, m.cross(func(i int) float64 { return m.v[i] }), m.p)
	trPVPV := v2 - 2*hv2 + trProd(ab, ab, m.p)
	se = math.Sqrt((2*trPVPV + 4*tau2*trPV + 2*tau2*tau2*(k-p)) / ((k - p) * (k - p)))
	return tau2, se
}

// sidikJonkman is metafor's "SJ": tau0² = (k-1)/k·var(y) (the variance of
// y about its mean, whatever the design), then tau² = tau0²·Q_gen(tau0²)/(k-p).
func (m *model) sidikJonkman() tau2Est {
	k, p := float64(m.k), float64(m.p)
	var mean float64
	for _, y := range m.y {
		mean += y
	}
	mean /= k
	var ss float64
	for _, y := range m.y {
		ss += (y - mean) * (y - mean)
	}
	t0 := ss / k
	f := m.fit(t0)
	t := t0 * f.rss / (k - p)
	// se: tau0²/(k-p)·sqrt(2 tr(PVPV) + 4 tau² tr(PPV) + 2 tau⁴ tr(PP)),
	// P at weights 1/(v + tau0²).
	w := func(i int) float64 { return 1 / (m.v[i] + t0) }
	var sd2, sw2v float64
	for i := 0; i < m.k; i++ {
		wi := w(i)
		d := wi * m.v[i]
		sd2 += d * d
		sw2v += wi * wi * m.v[i]
	}
	a := f.a
	c := m.cross(func(i int) float64 { wi := w(i); return wi * wi * m.v[i] })       // X'DWX, D = WV
	c3 := m.cross(func(i int) float64 { wi := w(i); return wi * wi * wi * m.v[i] }) // X'W³VX
	e := m.cross(func(i int) float64 { wi := w(i); return wi * wi })                // X'W²X
	ac := matMul(a, c, m.p)
	trPVPV := sd2 - 2*trProd(a, m.cross(func(i int) float64 {
		wi := w(i)
		d := wi * m.v[i]
		return d * d * wi
	}), m.p) + trProd(ac, ac, m.p)
	ae := matMul(a, e, m.p)
	trPPV := sw2v - 2*trProd(a, c3, m.p) + trProd(ae, ac, m.p)
	se := t0 / (k - p) * math.Sqrt(2*trPVPV+4*t*trPPV+2*t*t*f.trPP)
	return tau2Est{tau2: t, se: se}
}

// pauleMandel solves Q_gen(tau²) = k - p exactly (Paule & Mandel 1982);
// tau² = 0 when Q_gen(0) <= k - p. metafor's empirical Bayes iteration
// (Morris 1983) has the same fixed point, so EmpiricalBayes returns the same
// root.
func (m *model) pauleMandel(s settings) (tau2Est, error) {
	k, p := float64(m.k), float64(m.p)
	t, it, err := m.solveQ(k-p, s)
	if err != nil {
		return tau2Est{}, err
	}
	f := m.fit(t)
	se := math.Sqrt(2*k*k/(k-p)) / f.sw
	return tau2Est{tau2: t, se: se, iter: it}, nil
}

// solveQ returns the tau² >= 0 at which the generalized Q statistic
// Y'PY equals target (0 when Q_gen(0) <= target). Q_gen is decreasing in
// tau² with derivative -Y'PPY, so Newton's method with a bisection
// safeguard converges from any start.
func (m *model) solveQ(target float64, s settings) (float64, int, error) {
	// Newton's method on 1/Q_gen, which is close to linear in tau² (exactly
	// so when all v_i are equal), converges in a few steps even for the
	// small targets of the Q-profile upper bound.
	return solveDecreasing(func(t float64) (float64, float64) {
		f := m.fit(t)
		return 1/target - 1/f.rss, f.ypy2 / (f.rss * f.rss)
	}, m.vscale(), 0, s)
}

// likelihood maximizes the (restricted) likelihood over tau² >= 0 by Newton
// steps on the score with Fisher scoring as the fallback (Viechtbauer
// 2005), safeguarded by bisection. When the score at zero is not positive
// the maximum is on the boundary and tau² is exactly 0.
func (m *model) likelihood(method Method, s settings) (tau2Est, error) {
	score := func(t float64) (float64, float64) {
		f := m.fit(t)
		var g, obs, fisher float64
		if method == REML {
			g = f.ypy2 - f.trP
			obs = 2*f.ypy3 - f.trPP
			fisher = f.trPP
		} else {
			g = f.ypy2 - f.sw
			obs = 2*f.ypy3 - f.sw2
			fisher = f.sw2
		}
		if obs > 0 {
			return g, obs
		}
		return g, fisher
	}
	// Start from the DerSimonian-Laird estimate, a cheap closed form that is
	// usually close to the maximum.
	f0 := m.fit(0)
	start := math.Max(0, (f0.rss-float64(m.k-m.p))/f0.trP)
	t, it, err := solveDecreasing(score, m.vscale(), start, s)
	if err != nil {
		return tau2Est{}, err
	}
	f := m.fit(t)
	var se float64
	if method == REML {
		se = math.Sqrt(2 / f.trPP)
	} else {
		se = math.Sqrt(2 / f.sw2)
	}
	return tau2Est{tau2: t, se: se, iter: it}, nil
}

// vscale is a typical sampling variance, used to scale searches.
func (m *model) vscale() float64 {
	var s float64
	for _, v := range m.v {
		s += v
	}
	return s / float64(m.k)
}

// solveDecreasing finds the root t >= 0 of g, where g(t) > 0 left of the
// root and g(t) < 0 right of it; it returns 0 when g(0) <= 0. f returns
// g(t) and a positive slope estimate s ≈ -g'(t) for Newton steps. Steps
// that leave the current bracket are replaced by bisection (or bracket
// expansion), so the search always converges. A positive start is the
// first point tried after 0. It stops when a step is
// below tol relative to t (or absolutely below tol·scale·1e-6).
func solveDecreasing(f func(t float64) (g, slope float64), scale, start float64, s settings) (float64, int, error) {
	g0, sl := f(0)
	if math.IsNaN(g0) {
		return math.NaN(), 0, fmt.Errorf("%w: NaN in tau² search", ErrNoConvergence)
	}
	if g0 <= 0 {
		return 0, 0, nil
	}
	lo, hi := 0.0, math.Inf(1)
	t, g := 0.0, g0
	if start > 0 {
		if gs, ss := f(start); !math.IsNaN(gs) {
			t, g, sl = start, gs, ss
			if gs > 0 {
				lo = start
			} else if gs < 0 {
				hi = start
			} else {
				return start, 1, nil
			}
		}
	}
	abs := s.tol * scale * 1e-6
	for it := 1; it <= s.maxIter; it++ {
		var next float64
		if sl > 0 && !math.IsInf(sl, 0) {
			next = t + g/sl
		} else {
			next = math.NaN()
		}
		if !(next > lo && next < hi) {
			if math.IsInf(hi, 1) {
				next = 2*math.Max(t, lo) + scale
			} else {
				next = lo + (hi-lo)/2
			}
		}
		step := math.Abs(next - t)
		t = next
		g, sl = f(t)
		if math.IsNaN(g) {
			return math.NaN(), it, fmt.Errorf("%w: NaN in tau² search", ErrNoConvergence)
		}
		if g > 0 {
			lo = t
		} else if g < 0 {
			hi = t
		} else {
			return t, it, nil
		}
		if step <= s.tol*t || step <= abs || hi-lo <= s.tol*t {
			return t, it, nil
		}
	}
	return t, s.maxIter, fmt.Errorf("%w: tau² search after %d iterations (tau² ≈ %g)", ErrNoConvergence, s.maxIter, t)
}
