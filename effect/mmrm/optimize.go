package mmrm

import (
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// empiricalStart returns the t×t covariance of the ordinary least squares
// residuals, each entry over the subjects observed at both visits, shrunk
// toward its diagonal until positive definite. It is the usual start of
// SAS and mmrm ("emp_start"); one per covariance group.
func (m *model) empiricalStart() []*mat.SymDense {
	p := m.d.p
	t := m.cm.t
	// OLS: X'X β = X'y from the pattern sums with M = I.
	xtx := mat.NewSymDense(p, nil)
	xty := mat.NewVecDense(p, nil)
	for _, pt := range m.patterns {
		n := pt.n
		for s := 0; s < n; s++ {
			st := s*n + s
			for a := 0; a < p; a++ {
				xty.SetVec(a, xty.AtVec(a)+pt.cy[st*p+a])
				for b := a; b < p; b++ {
					xtx.SetSym(a, b, xtx.At(a, b)+pt.c[st*p*p+a*p+b])
				}
			}
		}
	}
	beta := mat.NewVecDense(p, nil)
	var ch mat.Cholesky
	if ch.Factorize(xtx) {
		_ = ch.SolveVecTo(beta, xty)
	}
	out := make([]*mat.SymDense, m.nGroup)
	xbuf := make([]float64, p)
	rbuf := make([]float64, t)
	bv := beta.RawVector().Data
	for g := range out {
		sum := make([]float64, t*t)
		cnt := make([]float64, t*t)
		for i := range m.pr.subjects {
			s := &m.pr.subjects[i]
			if m.nGroup > 1 && s.arm != g {
				continue
			}
			r := rbuf[:len(s.visits)]
			for k := range r {
				m.d.row(s, k, xbuf)
				r[k] = s.y[k] - floats.Dot(xbuf, bv)
			}
			for a, va := range s.visits {
				for b, vb := range s.visits {
					sum[va*t+vb] += r[a] * r[b]
					cnt[va*t+vb]++
				}
			}
		}
		sd := make([]float64, t)
		for i := 0; i < t; i++ {
			v := 1.0
			if cnt[i*t+i] > 0 && sum[i*t+i] > 0 {
				v = sum[i*t+i] / cnt[i*t+i]
			}
			sd[i] = math.Sqrt(v)
		}
		var s *mat.SymDense
		for lambda := 1.0; ; lambda *= 0.8 {
			s = mat.NewSymDense(t, nil)
			for i := 0; i < t; i++ {
				s.SetSym(i, i, sd[i]*sd[i])
				for j := i + 1; j < t; j++ {
					r := 0.0
					if cnt[i*t+j] > 1 {
						r = sum[i*t+j] / cnt[i*t+j] / (sd[i] * sd[j])
						r = math.Max(-0.95, math.Min(0.95, r))
					}
					s.SetSym(i, j, lambda*r*sd[i]*sd[j])
				}
			}
			if ch.Factorize(s) || lambda < 1e-3 {
				break
			}
		}
		out[g] = s
	}
	return out
}

// startTheta maps the empirical covariances to the structure's θ,
// shrinking the correlations until Σ(θ) is positive definite.
func (m *model) startTheta() []float64 {
	emp := m.empiricalStart()
	th := make([]float64, m.k)
	t := m.cm.t
	for g, s := range emp {
		for lambda := 1.0; ; lambda *= 0.7 {
			sh := mat.NewSymDense(t, nil)
			for i := 0; i < t; i++ {
				for j := i; j < t; j++ {
					v := s.At(i, j)
					if i != j {
						v *= lambda
					}
					sh.SetSym(i, j, v)
				}
			}
			tg := m.cm.start(sh)
			sg := mat.NewSymDense(t, nil)
			var ch mat.Cholesky
			if m.cm.feasible(tg) {
				m.cm.sigma(tg, sg)
				if ch.Factorize(sg) {
					copy(th[g*m.kg:], tg)
					break
				}
			}
			if lambda < 1e-4 {
				copy(th[g*m.kg:], tg)
				break
			}
		}
	}
	return th
}

// fitResult is the outcome of the Newton–Raphson iterations.
type fitResult struct {
	theta    []float64
	e        *eval
	iter     int
	gradNorm float64
}

// optimize maximizes the log-likelihood by Newton–Raphson with step
// halving, using Fisher scoring for a step where the observed information
// is not positive definite.
func (m *model) optimize(th []float64, tol float64, maxIter int) (*fitResult, error) {
	e := m.evaluate(th, 2)
	if e.notPD {
		return nil, noConv("%s covariance not positive definite at the starting values", m.s)
	}
	K := m.k
	for it := 0; ; it++ {
		gn := floats.Norm(e.grad, 2)
		// Newton direction and decrement g'(−H)⁻¹g, twice the gain in
		// log-likelihood a full Newton step promises: unlike the gradient
		// it does not depend on the scale of the outcome.
		newton, nok := scaledSolve(e.hess, -1, e.grad)
		dec := math.Inf(1)
		if nok {
			dec = floats.Dot(e.grad, newton.RawVector().Data)
		}
		if nok && (dec < tol*tol || gn < tol && dec < tol) {
			return &fitResult{theta: th, e: e, iter: it, gradNorm: gn}, nil
		}
		if it >= maxIter {
			return nil, noConv("%s: %d iterations without reaching |gradient| < %g (|gradient| = %.3g); try a simpler structure or Options.Fallback", m.s, it, tol, gn)
		}
		// Direction: Newton if -H is positive definite, else Fisher
		// scoring. Both systems are solved after scaling to unit diagonal:
		// variances and correlations differ in size by many orders of
		// magnitude when the outcome's scale is far from 1.
		dir, ok := newton, nok
		if !ok {
			dir, ok = scaledSolve(e.fisher, 1, e.grad)
		}
		if !ok {
			// Steepest ascent, scaled by the parameters' magnitudes.
			dir = mat.NewVecDense(K, nil)
			for i, g := range e.grad {
				dir.SetVec(i, 1e-3*g*math.Max(th[i]*th[i], 1e-4))
			}
		}
		step := 1.0
		var next *eval
		var nth []float64
		for half := 0; half < 60; half++ {
			nth = make([]float64, K)
			for i := range nth {
				nth[i] = th[i] + step*dir.AtVec(i)
			}
			next = m.evaluate(nth, 2)
			if !next.notPD && next.ll >= e.ll-1e-12*math.Abs(e.ll) {
				break
			}
			next = nil
			step /= 2
		}
		if next == nil {
			// No step improves: at the optimum to rounding?
			if nok && dec < 1e-10 {
				return &fitResult{theta: th, e: e, iter: it, gradNorm: gn}, nil
			}
			return nil, noConv("%s: no step increases the likelihood at iteration %d (|gradient| = %.3g)", m.s, it, gn)
		}
		// A relative step below rounding ends the search when the
		// decrement is already negligible.
		small := true
		for i := range th {
			if math.Abs(nth[i]-th[i]) > 1e-14*math.Max(1, math.Abs(th[i])) {
				small = false
				break
			}
		}
		th, e = nth, next
		if small && nok && dec < 1e-10 {
			return &fitResult{theta: th, e: e, iter: it + 1, gradNorm: floats.Norm(e.grad, 2)}, nil
		}
	}
}

// scaledCholesky factorizes sign·A after scaling it to unit diagonal,
// B = S·(sign·A)·S with S = diag(1/√(sign·aᵢᵢ)), so that the
// factorization's conditioning reflects the correlations rather than
// the parameters' units. It returns the scale S and false when sign·A is
// not positive definite.
func scaledCholesky(a *mat.SymDense, sign float64) (*mat.Cholesky, []float64, bool) {
	k := a.SymmetricDim()
	sc := make([]float64, k)
	for i := range sc {
		v := sign * a.At(i, i)
		if !(v > 0) {
			return nil, nil, false
		}
		sc[i] = 1 / math.Sqrt(v)
	}
	b := mat.NewSymDense(k, nil)
	for i := 0; i < k; i++ {
		for j := i; j < k; j++ {
			b.SetSym(i, j, sign*a.At(i, j)*sc[i]*sc[j])
		}
	}
	var ch mat.Cholesky
	if !ch.Factorize(b) {
		return nil, nil, false
	}
	return &ch, sc, true
}

// scaledSolve solves (sign·A) d = g with A scaled to unit diagonal,
// reporting false when sign·A is not positive definite.
func scaledSolve(a *mat.SymDense, sign float64, g []float64) (*mat.VecDense, bool) {
	ch, sc, ok := scaledCholesky(a, sign)
	if !ok {
		return nil, false
	}
	k := len(sc)
	rhs := mat.NewVecDense(k, nil)
	for i := range sc {
		rhs.SetVec(i, g[i]*sc[i])
	}
	d := mat.NewVecDense(k, nil)
	if ch.SolveVecTo(d, rhs) != nil {
		return nil, false
	}
	for i := range sc {
		d.SetVec(i, d.AtVec(i)*sc[i])
	}
	return d, true
}

// scaledInverse returns (sign·A)⁻¹ computed after scaling to unit
// diagonal, or false when sign·A is not positive definite.
func scaledInverse(a *mat.SymDense, sign float64) (*mat.SymDense, bool) {
	ch, sc, ok := scaledCholesky(a, sign)
	if !ok {
		return nil, false
	}
	k := len(sc)
	inv := mat.NewSymDense(k, nil)
	if err := ch.InverseTo(inv); err != nil {
		if _, cond := err.(mat.Condition); !cond {
			return nil, false
		}
	}
	for i := 0; i < k; i++ {
		for j := i; j < k; j++ {
			inv.SetSym(i, j, inv.At(i, j)*sc[i]*sc[j])
		}
	}
	return inv, true
}
