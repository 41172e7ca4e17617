package meta

import "math"

// model is a (meta-)regression y = X·beta + u + e with Var(e_i) = v_i and
// Var(u_i) = tau². X has p columns; a nil column is the intercept. All
// quantities of metafor's matrix formulation that the estimators need
// (Y'PY, Y'PPY, tr(P), tr(PP), ...) are computed from p×p cross-products
// in O(k·p²) time without forming k×k matrices, where
// P = W - W X (X'WX)⁻¹ X'W and W = diag(1/(v_i + tau²)).
type model struct {
	y, v     []float64
	x        [][]float64
	k, p     int
	c        float64 // center for the one-pass sums of fit1
	centered bool
	fe       *wfit // cached fit at tau² = 0 (intercept-only model)
}

func newModel(y, v []float64, x [][]float64) *model {
	if len(x) == 0 {
		x = [][]float64{nil}
	}
	return &model{y: y, v: v, x: x, k: len(y), p: len(x)}
}

// col returns X[i][j].
func (m *model) col(i, j int) float64 {
	if c := m.x[j]; c != nil {
		return c[i]
	}
	return 1
}

// wfit holds a weighted least-squares fit at one value of tau².
type wfit struct {
	tau2   float64
	beta   []float64
	a      []float64 // (X'WX)⁻¹, p×p row-major: the covariance of beta
	sw     float64   // sum w
	sw2    float64   // sum w²
	rss    float64   // Y'PY = sum w r² (generalized Q)
	ypy2   float64   // Y'PPY = sum w² r²
	ypy3   float64   // Y'PPPY
	trP    float64
	trPP   float64
	singul bool
}

// fit computes the weighted least-squares fit with w_i = 1/(v_i + tau2).
// The intercept-only case has a fast path with scalar sums.
func (m *model) fit(tau2 float64) wfit {
	if m.p == 1 && m.x[0] == nil {
		if tau2 == 0 {
			if m.fe == nil {
				f := m.fit1(0)
				m.fe = &f
			}
			return *m.fe
		}
		return m.fit1(tau2)
	}
	return m.fitp(tau2)
}

func (m *model) fit1(tau2 float64) wfit {
	// One pass over the studies: the sums are taken about a fixed centre c
	// (the inverse-variance mean, computed once), so that residual sums
	// such as sum w(y-b)² = sum w d² - 2(b-c) sum w d + (b-c)² sum w, with
	// d = y - c, lose no accuracy to cancellation: b - c is small compared
	// with the spread of y.
	if !m.centered {
		m.center()
	}
	c := m.c
	y := m.y[:len(m.v)]
	var s1, s1d, s1dd, s2, s2d, s2dd, s3, s3d, s3dd float64
	for i, vi := range m.v {
		w := 1 / (vi + tau2)
		d := y[i] - c
		wd := w * d
		s1 += w
		s1d += wd
		s1dd += wd * d
		w2 := w * w
		w2d := w * wd
		s2 += w2
		s2d += w2d
		s2dd += w2d * d
		w3 := w2 * w
		w3d := w * w2d
		s3 += w3
		s3d += w3d
		s3dd += w3d * d
	}
	e := s1d / s1 // b - c
	b := c + e
	// sum w r² with r = d - e; sum w r = 0 by construction.
	rss := s1dd - e*s1d
	ypy2 := s2dd - 2*e*s2d + e*e*s2
	w3r2 := s3dd - 2*e*s3d + e*e*s3
	w2r := s2d - e*s2
	// Y'PPPY = u'Pu with u = Py = W r: sum w u² - (sum w u)²/sum w.
	ypy3 := w3r2 - w2r*w2r/s1
	q := s2 / s1
	return wfit{
		tau2: tau2, beta: []float64{b}, a: []float64{1 / s1},
		sw: s1, sw2: s2, rss: math.Max(0, rss), ypy2: math.Max(0, ypy2), ypy3: ypy3,
		trP:  s1 - q,
		trPP: s2 - 2*s3/s1 + q*q,
	}
}

// centre sets c to the inverse-variance weighted mean of y.
func (m *model) center() {
	var sw, swy float64
	for i, v := range m.v {
		sw += 1 / v
		swy += m.y[i] / v
	}
	m.c, m.centered = swy/sw, true
}

func (m *model) fitp(tau2 float64) wfit {
	p := m.p
	xwx := make([]float64, p*p)
	xw2x := make([]float64, p*p)
	xw3x := make([]float64, p*p)
	xwy := make([]float64, p)
	var sw, sw2 float64
	xi := make([]float64, p)
	for i, vi := range m.v {
		w := 1 / (vi + tau2)
		w2 := w * w
		w3 := w2 * w
		sw += w
		sw2 += w2
		for j := range xi {
			xi[j] = m.col(i, j)
		}
		for j := 0; j < p; j++ {
			xwy[j] += w * xi[j] * m.y[i]
			for l := 0; l <= j; l++ {
				xx := xi[j] * xi[l]
				xwx[j*p+l] += w * xx
				xw2x[j*p+l] += w2 * xx
				xw3x[j*p+l] += w3 * xx
			}
		}
	}
	symmetrize(xwx, p)
	symmetrize(xw2x, p)
	symmetrize(xw3x, p)
	a, ok := invSPD(xwx, p)
	f := wfit{tau2: tau2, sw: sw, sw2: sw2, a: a, singul: !ok}
	if !ok {
		return f
	}
	f.beta = matVec(a, xwy, p)
	xwu := make([]float64, p)
	var rss, ypy2, s3 float64
	for i, vi := range m.v {
		w := 1 / (vi + tau2)
		r := m.y[i]
		for j := 0; j < p; j++ {
			r -= m.col(i, j) * f.beta[j]
		}
		wr := w * r
		rss += wr * r
		ypy2 += wr * wr
		s3 += wr * wr * w
		for j := 0; j < p; j++ {
			xwu[j] += m.col(i, j) * w * wr
		}
	}
	f.rss, f.ypy2 = rss, ypy2
	f.ypy3 = s3 - quad(a, xwu, p)
	f.trP = sw - trProd(a, xw2x, p)
	axw2x := matMul(a, xw2x, p)
	f.trPP = sw2 - 2*trProd(a, xw3x, p) + trProd(axw2x, axw2x, p)
	return f
}

// fullRank reports whether X has full column rank (numerically).
func (m *model) fullRank() bool {
	if m.p == 1 && m.x[0] == nil {
		return m.k > 0
	}
	_, ok := invSPD(m.cross(func(int) float64 { return 1 }), m.p)
	return ok
}

// cross returns X' diag(d) X (p×p).
func (m *model) cross(d func(i int) float64) []float64 {
	p := m.p
	c := make([]float64, p*p)
	for i := 0; i < m.k; i++ {
		di := d(i)
		for j := 0; j < p; j++ {
			xj := m.col(i, j) * di
			for l := 0; l <= j; l++ {
				c[j*p+l] += xj * m.col(i, l)
			}
		}
	}
	symmetrize(c, p)
	return c
}

// leverage returns x_i' A x_i.
func (m *model) leverage(a []float64, i int) float64 {
	var h float64
	for j := 0; j < m.p; j++ {
		for l := 0; l < m.p; l++ {
			h += m.col(i, j) * a[j*m.p+l] * m.col(i, l)
		}
	}
	return h
}

func symmetrize(c []float64, p int) {
	for j := 0; j < p; j++ {
		for l := j + 1; l < p; l++ {
			c[j*p+l] = c[l*p+j]
		}
	}
}

// invSPD inverts a small symmetric positive-definite matrix by Cholesky
// decomposition; ok is false if it is not numerically positive definite.
func invSPD(c []float64, p int) (inv []float64, ok bool) {
	if p == 1 {
		if !(c[0] > 0) {
			return []float64{math.NaN()}, false
		}
		return []float64{1 / c[0]}, true
	}
	l := make([]float64, p*p)
	for j := 0; j < p; j++ {
		s := c[j*p+j]
		for q := 0; q < j; q++ {
			s -= l[j*p+q] * l[j*p+q]
		}
		if !(s > 1e-14*math.Abs(c[j*p+j])) || s <= 0 {
			return nil, false
		}
		l[j*p+j] = math.Sqrt(s)
		for i := j + 1; i < p; i++ {
			s := c[i*p+j]
			for q := 0; q < j; q++ {
				s -= l[i*p+q] * l[j*p+q]
			}
			l[i*p+j] = s / l[j*p+j]
		}
	}
	// Invert L, then inv = L⁻ᵀ L⁻¹.
	li := make([]float64, p*p)
	for j := 0; j < p; j++ {
		li[j*p+j] = 1 / l[j*p+j]
		for i := j + 1; i < p; i++ {
			var s float64
			for q := j; q < i; q++ {
				s -= l[i*p+q] * li[q*p+j]
			}
			li[i*p+j] = s / l[i*p+i]
		}
	}
	inv = make([]float64, p*p)
	for i := 0; i < p; i++ {
		for j := 0; j <= i; j++ {
			var s float64
			for q := i; q < p; q++ {
				s += li[q*p+i] * li[q*p+j]
			}
			inv[i*p+j], inv[j*p+i] = s, s
		}
	}
	return inv, true
}

func matVec(a, x []float64, p int) []float64 {
	y := make([]float64, p)
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			y[i] += a[i*p+j] * x[j]
		}
	}
	return y
}

func matMul(a, b []float64, p int) []float64 {
	c := make([]float64, p*p)
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			for q := 0; q < p; q++ {
				c[i*p+j] += a[i*p+q] * b[q*p+j]
			}
		}
	}
	return c
}

// trProd returns tr(A·B).
func trProd(a, b []float64, p int) float64 {
	var s float64
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			s += a[i*p+j] * b[j*p+i]
		}
	}
	return s
}

// quad returns x'Ax.
func quad(a, x []float64, p int) float64 {
	var s float64
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			s += x[i] * a[i*p+j] * x[j]
		}
	}
	return s
}
