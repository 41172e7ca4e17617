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
		if gn < tol {
			return &fitResult{theta: th, e: e, iter: it, gradNorm: gn}, nil
		}
		if it >= maxIter {
			return nil, noConv("%s: %d iterations without reaching |gradient| < %g (|gradient| = %.3g); try a simpler structure or Options.Fallback", m.s, it, tol, gn)
		}
		// Direction: Newton if -H is positive definite, else Fisher scoring.
		neg := mat.NewSymDense(K, nil)
		neg.ScaleSym(-1, e.hess)
		dir := mat.NewVecDense(K, nil)
		g := mat.NewVecDense(K, e.grad)
		var ch mat.Cholesky
		if !ch.Factorize(neg) || ch.SolveVecTo(dir, g) != nil {
			if !ch.Factorize(e.fisher) || ch.SolveVecTo(dir, g) != nil {
				// Steepest ascent scaled to the variance magnitudes.
				dir.ScaleVec(1e-3, g)
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
			// No step improves: at the optimum to machine precision?
			if gn < 1e-5*math.Max(1, math.Abs(e.ll)) {
				return &fitResult{theta: th, e: e, iter: it, gradNorm: gn}, nil
			}
			return nil, noConv("%s: no step increases the likelihood at iteration %d (|gradient| = %.3g)", m.s, it, gn)
		}
		// Relative step below rounding: accept if the gradient is tiny
		// relative to the size of its terms.
		small := true
		for i := range th {
			if math.Abs(nth[i]-th[i]) > 1e-14*math.Max(1, math.Abs(th[i])) {
				small = false
				break
			}
		}
		th, e = nth, next
		if small {
			gn = floats.Norm(e.grad, 2)
			return &fitResult{theta: th, e: e, iter: it + 1, gradNorm: gn}, nil
		}
	}
}
