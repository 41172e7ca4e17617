package mmrm

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// visitPattern gathers the subjects of one covariance group with the same
// observed visits. The likelihood, its gradient and its Hessian depend on
// the data only through the pattern's sums of cross products, so each
// Newton step costs O(patterns), not O(subjects).
type visitPattern struct {
	group int
	idx   []int // observed visits
	n     int
	cnt   int
	subj  []int // indices into prepared.subjects
	// c[(s·n+t)·p² + a·p + b] = Σ_i x_is[a] x_it[b] (n² × p²)
	c []float64
	// cy[(s·n+t)·p + a] = Σ_i x_is[a] y_it (n² × p)
	cy []float64
	// yy[s·n+t] = Σ_i y_is y_it
	yy []float64
}

// model is everything fixed during the iterations.
type model struct {
	pr       *prepared
	d        *design
	s        Structure
	cm       covModel
	nGroup   int
	kg       int // parameters per group
	k        int // total parameters
	reml     bool
	patterns []*visitPattern
}

func newModel(pr *prepared, d *design, s Structure, reml, byArm bool) *model {
	m := &model{pr: pr, d: d, s: s, cm: covModel{s: s, t: len(pr.visits)}, nGroup: 1, reml: reml}
	if byArm {
		m.nGroup = len(pr.arms)
	}
	m.kg = m.cm.npar()
	m.k = m.kg * m.nGroup
	p := d.p
	key := map[string]*visitPattern{}
	x := mat.NewDense(len(pr.visits), p, nil)
	for i := range pr.subjects {
		s := &pr.subjects[i]
		g := 0
		if byArm {
			g = s.arm
		}
		kb := make([]byte, 0, 2*len(s.visits)+2)
		kb = append(kb, byte(g), byte(g>>8))
		for _, v := range s.visits {
			kb = append(kb, byte(v), byte(v>>8))
		}
		pt := key[string(kb)]
		n := len(s.visits)
		if pt == nil {
			pt = &visitPattern{group: g, idx: s.visits, n: n, c: make([]float64, n*n*p*p), cy: make([]float64, n*n*p), yy: make([]float64, n*n)}
			key[string(kb)] = pt
			m.patterns = append(m.patterns, pt)
		}
		pt.cnt++
		pt.subj = append(pt.subj, i)
		for k := 0; k < n; k++ {
			d.row(s, k, x.RawRowView(k))
		}
		for a := 0; a < n; a++ {
			xa := x.RawRowView(a)
			for b := 0; b < n; b++ {
				xb := x.RawRowView(b)
				st := a*n + b
				pt.yy[st] += s.y[a] * s.y[b]
				cy := pt.cy[st*p : (st+1)*p]
				yb := s.y[b]
				for u, xu := range xa {
					if xu == 0 {
						continue
					}
					cy[u] += xu * yb
					cc := pt.c[st*p*p+u*p : st*p*p+(u+1)*p]
					for w, xw := range xb {
						cc[w] += xu * xw
					}
				}
			}
		}
	}
	return m
}

// eval is the log-likelihood and its derivatives at θ.
type eval struct {
	ll       float64
	grad     []float64
	hess     *mat.SymDense // observed Hessian of ll
	fisher   *mat.SymDense // expected information
	phi      *mat.SymDense // (X'V⁻¹X)⁻¹
	beta     []float64
	q        [][]float64 // Q_k = Σ X'V⁻¹ ∂V_k V⁻¹X (p² each)
	sigma    []*mat.SymDense
	dsigma   [][]*mat.SymDense
	d2sigma  [][][]*mat.SymDense
	notPD    bool
	badGroup int
}

func (m *model) groupTheta(th []float64, g int) []float64 { return th[g*m.kg : (g+1)*m.kg] }

// covariances fills Σ and its derivatives for every group.
func (m *model) covariances(th []float64, e *eval, second bool) bool {
	t := m.cm.t
	e.sigma = make([]*mat.SymDense, m.nGroup)
	e.dsigma = make([][]*mat.SymDense, m.nGroup)
	e.d2sigma = make([][][]*mat.SymDense, m.nGroup)
	for g := 0; g < m.nGroup; g++ {
		tg := m.groupTheta(th, g)
		if !m.cm.feasible(tg) {
			e.notPD, e.badGroup = true, g
			return false
		}
		s := mat.NewSymDense(t, nil)
		m.cm.sigma(tg, s)
		var ch mat.Cholesky
		if !ch.Factorize(s) {
			e.notPD, e.badGroup = true, g
			return false
		}
		e.sigma[g] = s
		ds := make([]*mat.SymDense, m.kg)
		for k := range ds {
			ds[k] = mat.NewSymDense(t, nil)
		}
		m.cm.deriv(tg, ds)
		e.dsigma[g] = ds
		if second && !m.cm.linear() {
			d2 := make([][]*mat.SymDense, m.kg)
			for k := range d2 {
				d2[k] = make([]*mat.SymDense, m.kg)
				for l := range d2[k] {
					d2[k][l] = mat.NewSymDense(t, nil)
				}
			}
			m.cm.deriv2(tg, d2)
			e.d2sigma[g] = d2
		}
	}
	return true
}

// subInto returns s restricted to the visits idx as a dense row-major n×n
// slice, and whether it is all zero.
func subInto(s *mat.SymDense, idx []int, out []float64) bool {
	n := len(idx)
	zero := true
	for a, i := range idx {
		for b, j := range idx {
			v := s.At(i, j)
			out[a*n+b] = v
			if v != 0 {
				zero = false
			}
		}
	}
	return zero
}

func trProd(a, b []float64, n int) float64 {
	s := 0.0
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			s += a[i*n+j] * b[j*n+i]
		}
	}
	return s
}

func mul(a, b, out []float64, n int) {
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			s := 0.0
			for k := 0; k < n; k++ {
				s += a[i*n+k] * b[k*n+j]
			}
			out[i*n+j] = s
		}
	}
}

// evaluate computes the (REML or ML) log-likelihood at θ and, when order ≥ 1,
// its gradient, and when order ≥ 2 the observed Hessian and the expected
// information.
func (m *model) evaluate(th []float64, order int) *eval {
	e := &eval{}
	if !m.covariances(th, e, order >= 2) {
		return e
	}
	p := m.d.p
	pp := p * p
	K := m.k
	type pstate struct {
		mi     []float64 // V⁻¹ (n×n)
		logdet float64
	}
	ps := make([]pstate, len(m.patterns))
	xmx := make([]float64, pp)
	xmy := make([]float64, p)
	nobs := 0
	for pi, pt := range m.patterns {
		n := pt.n
		v := mat.NewSymDense(n, nil)
		for a, i := range pt.idx {
			for b := a; b < n; b++ {
				v.SetSym(a, b, e.sigma[pt.group].At(i, pt.idx[b]))
			}
		}
		var ch mat.Cholesky
		if !ch.Factorize(v) {
			e.notPD = true
			return e
		}
		var inv mat.SymDense
		if err := ch.InverseTo(&inv); err != nil {
			e.notPD = true
			return e
		}
		mi := make([]float64, n*n)
		for a := 0; a < n; a++ {
			for b := 0; b < n; b++ {
				mi[a*n+b] = inv.At(a, b)
			}
		}
		ps[pi] = pstate{mi: mi, logdet: ch.LogDet()}
		// X'MX += C' vec(M); X'My += CY' vec(M).
		blas64.Gemv(blas.Trans, 1, blas64.General{Rows: n * n, Cols: pp, Stride: pp, Data: pt.c},
			blas64.Vector{N: n * n, Inc: 1, Data: mi}, 1, blas64.Vector{N: pp, Inc: 1, Data: xmx})
		blas64.Gemv(blas.Trans, 1, blas64.General{Rows: n * n, Cols: p, Stride: p, Data: pt.cy},
			blas64.Vector{N: n * n, Inc: 1, Data: mi}, 1, blas64.Vector{N: p, Inc: 1, Data: xmy})
		nobs += n * pt.cnt
	}
	xs := mat.NewSymDense(p, nil)
	for a := 0; a < p; a++ {
		for b := a; b < p; b++ {
			xs.SetSym(a, b, 0.5*(xmx[a*p+b]+xmx[b*p+a]))
		}
	}
	var chx mat.Cholesky
	if !chx.Factorize(xs) {
		e.notPD = true
		return e
	}
	phi := mat.NewSymDense(p, nil)
	if err := chx.InverseTo(phi); err != nil {
		e.notPD = true
		return e
	}
	e.phi = phi
	beta := make([]float64, p)
	bv := mat.NewVecDense(p, beta)
	bv.MulVec(phi, mat.NewVecDense(p, xmy))
	e.beta = beta
	aRaw := make([]float64, pp)
	for a := 0; a < p; a++ {
		for b := 0; b < p; b++ {
			aRaw[a*p+b] = phi.At(a, b)
		}
	}

	logdet, quad := 0.0, 0.0
	if order >= 1 {
		e.grad = make([]float64, K)
	}
	var hessRaw, fishRaw []float64
	var h [][]float64
	if order >= 2 {
		hessRaw = make([]float64, K*K)
		fishRaw = make([]float64, K*K)
		e.q = make([][]float64, K)
		h = make([][]float64, K)
		for k := range e.q {
			e.q[k] = make([]float64, pp)
			h[k] = make([]float64, p)
		}
	}
	for pi, pt := range m.patterns {
		n, nn := pt.n, pt.n*pt.n
		cnt := float64(pt.cnt)
		mi := ps[pi].mi
		logdet += cnt * ps[pi].logdet
		// Residual cross products RR = Σ r r', and XR = Σ x_s r_t'.
		rr := make([]float64, nn)
		xr := make([]float64, nn*p)
		cb := make([]float64, nn*p) // C[s,t] β
		blas64.Gemv(blas.NoTrans, 1, blas64.General{Rows: nn * p, Cols: p, Stride: p, Data: pt.c},
			blas64.Vector{N: p, Inc: 1, Data: beta}, 0, blas64.Vector{N: nn * p, Inc: 1, Data: cb})
		xb := make([]float64, nn) // Σ x_s'β y_t
		blas64.Gemv(blas.NoTrans, 1, blas64.General{Rows: nn, Cols: p, Stride: p, Data: pt.cy},
			blas64.Vector{N: p, Inc: 1, Data: beta}, 0, blas64.Vector{N: nn, Inc: 1, Data: xb})
		for s := 0; s < n; s++ {
			for t := 0; t < n; t++ {
				st := s*n + t
				bcb := 0.0
				for a := 0; a < p; a++ {
					bcb += beta[a] * cb[st*p+a]
				}
				rr[st] = pt.yy[st] - xb[t*n+s] - xb[st] + bcb
				for a := 0; a < p; a++ {
					xr[st*p+a] = pt.cy[st*p+a] - cb[st*p+a]
				}
			}
		}
		quad += trProd(mi, rr, n)
		if order < 1 {
			continue
		}
		// S = Σ X A X' (n×n): S[s,t] = <C[s,t], A>.
		sm := make([]float64, nn)
		if m.reml {
			blas64.Gemv(blas.NoTrans, 1, blas64.General{Rows: nn, Cols: pp, Stride: pp, Data: pt.c},
				blas64.Vector{N: pp, Inc: 1, Data: aRaw}, 0, blas64.Vector{N: nn, Inc: 1, Data: sm})
		}
		tmp := make([]float64, nn)
		em := make([]float64, nn)
		mul(mi, rr, tmp, n)
		mul(tmp, mi, em, n)
		tm := make([]float64, nn)
		mul(mi, sm, tmp, n)
		mul(tmp, mi, tm, n)

		g := pt.group
		off := g * m.kg
		vk := make([][]float64, m.kg)
		active := make([]int, 0, m.kg)
		for k := 0; k < m.kg; k++ {
			buf := make([]float64, nn)
			if !subInto(e.dsigma[g][k], pt.idx, buf) {
				vk[k] = buf
				active = append(active, k)
			}
		}
		mv := make([][]float64, m.kg)
		tv := make([][]float64, m.kg)
		ev := make([][]float64, m.kg)
		var bk []float64
		if order >= 2 {
			bk = make([]float64, len(active)*nn)
		}
		for ai, k := range active {
			mv[k] = make([]float64, nn)
			mul(mi, vk[k], mv[k], n)
			trMV := 0.0
			for a := 0; a < n; a++ {
				trMV += mv[k][a*n+a]
			}
			grad := cnt * trMV
			if m.reml {
				grad -= trProd(vk[k], tm, n)
			}
			grad -= trProd(vk[k], em, n)
			e.grad[off+k] += -0.5 * grad
			if order >= 2 {
				tv[k] = make([]float64, nn)
				ev[k] = make([]float64, nn)
				mul(tm, vk[k], tv[k], n)
				mul(em, vk[k], ev[k], n)
				mul(mv[k], mi, bk[ai*nn:(ai+1)*nn], n)
			}
		}
		if order < 2 {
			continue
		}
		// Q_k += C' vec(B_k) for all active k at once; h_k += XR' vec(B_k).
		na := len(active)
		if na > 0 {
			qb := make([]float64, na*pp)
			blas64.Gemm(blas.NoTrans, blas.NoTrans, 1,
				blas64.General{Rows: na, Cols: nn, Stride: nn, Data: bk},
				blas64.General{Rows: nn, Cols: pp, Stride: pp, Data: pt.c}, 0,
				blas64.General{Rows: na, Cols: pp, Stride: pp, Data: qb})
			hb := make([]float64, na*p)
			blas64.Gemm(blas.NoTrans, blas.NoTrans, 1,
				blas64.General{Rows: na, Cols: nn, Stride: nn, Data: bk},
				blas64.General{Rows: nn, Cols: p, Stride: p, Data: xr}, 0,
				blas64.General{Rows: na, Cols: p, Stride: p, Data: hb})
			for ai, k := range active {
				q := e.q[off+k]
				for i, v := range qb[ai*pp : (ai+1)*pp] {
					q[i] += v
				}
				hk := h[off+k]
				for i, v := range hb[ai*p : (ai+1)*p] {
					hk[i] += v
				}
			}
		}
		var d2 [][]*mat.SymDense
		if e.d2sigma[g] != nil {
			d2 = e.d2sigma[g]
		}
		vkl := make([]float64, nn)
		for ai, k := range active {
			for _, l := range active[ai:] {
				mm := cnt * trProd(mv[k], mv[l], n)
				em2 := 2 * trProd(ev[k], mv[l], n)
				hv := -mm + em2
				fv := mm
				if m.reml {
					tt := 2 * trProd(tv[k], mv[l], n)
					hv += tt
					fv -= tt
				}
				if d2 != nil && !subInto(d2[k][l], pt.idx, vkl) {
					tr := 0.0
					for a := 0; a < n; a++ {
						for b := 0; b < n; b++ {
							tr += mi[a*n+b] * vkl[b*n+a]
						}
					}
					hv += cnt * tr
					if m.reml {
						hv -= trProd(vkl, tm, n)
					}
					hv -= trProd(vkl, em, n)
				}
				i, j := off+k, off+l
				hessRaw[i*K+j] += -0.5 * hv
				fishRaw[i*K+j] += 0.5 * fv
			}
		}
	}
	n := float64(nobs)
	if m.reml {
		e.ll = -0.5 * ((n-float64(p))*math.Log(2*math.Pi) + logdet + chx.LogDet() + quad)
	} else {
		e.ll = -0.5 * (n*math.Log(2*math.Pi) + logdet + quad)
	}
	if order < 2 {
		return e
	}
	// Global terms: tr(A Q_k A Q_l) and h_k' A h_l.
	aq := make([][]float64, K)
	ah := make([][]float64, K)
	for k := 0; k < K; k++ {
		aq[k] = make([]float64, pp)
		if m.reml {
			blas64.Gemm(blas.NoTrans, blas.NoTrans, 1,
				blas64.General{Rows: p, Cols: p, Stride: p, Data: aRaw},
				blas64.General{Rows: p, Cols: p, Stride: p, Data: e.q[k]}, 0,
				blas64.General{Rows: p, Cols: p, Stride: p, Data: aq[k]})
		}
		ah[k] = make([]float64, p)
		blas64.Gemv(blas.NoTrans, 1, blas64.General{Rows: p, Cols: p, Stride: p, Data: aRaw},
			blas64.Vector{N: p, Inc: 1, Data: h[k]}, 0, blas64.Vector{N: p, Inc: 1, Data: ah[k]})
	}
	e.hess = mat.NewSymDense(K, nil)
	e.fisher = mat.NewSymDense(K, nil)
	for k := 0; k < K; k++ {
		for l := k; l < K; l++ {
			hv := hessRaw[k*K+l] + hessRaw[l*K+k]
			fv := fishRaw[k*K+l] + fishRaw[l*K+k]
			if k == l {
				hv, fv = hessRaw[k*K+k], fishRaw[k*K+k]
			}
			hah := 0.0
			for a := 0; a < p; a++ {
				hah += h[k][a] * ah[l][a]
			}
			// -½(-2 h'Ah) = +h'Ah.
			hv += hah
			if m.reml {
				tq := trProd(aq[k], aq[l], p)
				hv += 0.5 * tq
				fv += 0.5 * tq
			}
			e.hess.SetSym(k, l, hv)
			e.fisher.SetSym(k, l, fv)
		}
	}
	return e
}
