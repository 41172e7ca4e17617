package mmrm

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// sandwichMethod selects an empirical (cluster-robust) covariance of β̂.
type sandwichMethod int

const (
	// cr0 is the plain sandwich Φ(Σ_c X_c'V_c⁻¹e_c e_c'V_c⁻¹X_c)Φ
	// (Liang & Zeger 1986); SAS's EMPIRICAL, mmrm's "Empirical".
	cr0 sandwichMethod = iota
	// cr2 is the bias-reduced sandwich of Bell & McCaffrey (2002) in the
	// form of Pustejovsky & Tipton (2018): adjustment A_c = D_c'B_c^{-1/2}D_c
	// with D_c'D_c = V_c and B_c = D_c(V_c − X_cΦX_c')D_c', as the R package
	// clubSandwich computes it for nlme::gls fits.
	cr2
	// cr2Whitened is the bias-reduced sandwich with the adjustment taken in
	// the whitened model, (I − H̃_cc)^{-1/2} with H̃ = X̃ΦX̃' and X̃ = V^{-1/2}X,
	// as the R package mmrm computes "Empirical-Bias-Reduced". Both forms
	// are unbiased when V is the true covariance; they differ otherwise.
	cr2Whitened
	// jackknife is the leave-one-cluster-out covariance (CR3, McCaffrey &
	// Bell 2003 without the factor (G−1)/G), mmrm's "Empirical-Jackknife";
	// clubSandwich's CR3 for gls fits is the same matrix.
	jackknife
)

// String returns the method's usual name.
func (m sandwichMethod) String() string {
	switch m {
	case cr0:
		return "CR0"
	case cr2:
		return "CR2"
	case cr2Whitened:
		return "CR2 (whitened)"
	case jackknife:
		return "jackknife (CR3)"
	}
	return fmt.Sprintf("sandwichMethod(%d)", int(m))
}

// errSandwich wraps the reasons an empirical covariance cannot be computed.
var errSandwich = errors.New("mmrm: empirical covariance")

// sandwichFit is an empirical covariance of β̂ with what its small-sample
// degrees of freedom need.
type sandwichFit struct {
	method sandwichMethod
	phi    *mat.SymDense
	cov    *mat.SymDense
	// Per cluster: the whitened design X̃_c (n_c×p) and Ã_c'X̃_c, where the
	// cluster's contribution to the meat is X̃_c'Ã_c ẽ_c.
	xt, at []*mat.Dense
}

// sandwich returns the empirical covariance Φ(Σ_c z_c z_c')Φ of β̂ with
// z_c = X̃_c'Ã_c ẽ_c over the clusters c (block.cluster, in [0, nClusters)),
// where X̃ and ẽ are the design and residuals whitened by the model's
// covariance and Ã_c the method's adjustment. Subjects are independent, so
// a cluster's covariance is block diagonal over its subjects; nothing of
// size N×N is formed.
func sandwich(blocks []block, phi *mat.SymDense, nClusters int, method sandwichMethod) (*sandwichFit, error) {
	if method < cr0 || method > jackknife {
		return nil, fmt.Errorf("%w: unknown method %d", errSandwich, int(method))
	}
	p := phi.SymmetricDim()
	members := make([][]int, nClusters)
	for i := range blocks {
		c := blocks[i].cluster
		if c < 0 || c >= nClusters {
			return nil, fmt.Errorf("%w: subject %q has cluster %d outside [0, %d)", errSandwich, blocks[i].subject, c, nClusters)
		}
		if r, q := blocks[i].X.Dims(); r > 0 && q != p {
			return nil, fmt.Errorf("%w: subject %q has %d design columns, Φ has %d", errSandwich, blocks[i].subject, q, p)
		}
		members[c] = append(members[c], i)
	}
	used := 0
	for _, m := range members {
		for _, i := range m {
			if r, _ := blocks[i].X.Dims(); r > 0 {
				used++
				break
			}
		}
	}
	if used < 2 {
		return nil, fmt.Errorf("%w: %d cluster(s) with data; a sandwich needs at least 2", errSandwich, used)
	}

	// Per covariance pattern: the whitening matrix U^{-T} (V = U'U, U upper
	// triangular) and, for CR2, K = UU'.
	type whitener struct{ linv, k *mat.Dense }
	cache := make(map[*mat.SymDense]whitener)
	factor := func(v *mat.SymDense) (whitener, error) {
		if wh, ok := cache[v]; ok {
			return wh, nil
		}
		var ch mat.Cholesky
		if !ch.Factorize(v) {
			return whitener{}, fmt.Errorf("%w: a subject's covariance matrix is not positive definite", errSandwich)
		}
		n := v.SymmetricDim()
		var u, uinv mat.TriDense
		ch.UTo(&u)
		if err := uinv.InverseTri(&u); err != nil {
			return whitener{}, fmt.Errorf("%w: %v", errSandwich, err)
		}
		wh := whitener{linv: mat.NewDense(n, n, nil)}
		wh.linv.Copy(uinv.T())
		if method == cr2 {
			wh.k = mat.NewDense(n, n, nil)
			wh.k.Mul(&u, u.T())
		}
		cache[v] = wh
		return wh, nil
	}

	// Φ = RR' for the low-rank route.
	var phiChol mat.Cholesky
	if !phiChol.Factorize(phi) {
		return nil, fmt.Errorf("%w: Φ is not positive definite", errSandwich)
	}
	fit := &sandwichFit{method: method, phi: phi}
	meat := mat.NewSymDense(p, nil)
	for _, m := range members {
		if len(m) == 0 {
			continue
		}
		n := 0
		for _, i := range m {
			r, _ := blocks[i].X.Dims()
			n += r
		}
		if n == 0 {
			continue
		}
		xt := mat.NewDense(n, p, nil)
		et := mat.NewVecDense(n, nil)
		var k *mat.Dense // block-diagonal UU' (cr2 only)
		if method == cr2 {
			k = mat.NewDense(n, n, nil)
		}
		off := 0
		for _, i := range m {
			b := &blocks[i]
			r, _ := b.X.Dims()
			if r == 0 {
				continue
			}
			if len(b.resid) != r {
				return nil, fmt.Errorf("%w: subject %q has %d residuals for %d rows", errSandwich, b.subject, len(b.resid), r)
			}
			wh, err := factor(b.V)
			if err != nil {
				return nil, fmt.Errorf("%w (subject %q)", err, b.subject)
			}
			// X̃ = U^{-T}X, ẽ = U^{-T}e.
			xt.Slice(off, off+r, 0, p).(*mat.Dense).Mul(wh.linv, b.X)
			et.SliceVec(off, off+r).(*mat.VecDense).MulVec(wh.linv, mat.NewVecDense(r, b.resid))
			if k != nil {
				k.Slice(off, off+r, off, off+r).(*mat.Dense).Copy(wh.k)
			}
			off += r
		}

		at, err := sandwichAdjustedDesign(xt, k, phi, &phiChol, method)
		if err != nil {
			return nil, err
		}
		// z = X̃'Ãẽ = (Ã'X̃)'ẽ.
		var z mat.VecDense
		z.MulVec(at.T(), et)
		meat.SymRankOne(meat, 1, &z)
		fit.xt = append(fit.xt, xt)
		fit.at = append(fit.at, at)
	}
	var c mat.Dense
	c.Mul(phi, meat)
	c.Mul(&c, phi)
	fit.cov = krSymPart(&c)
	return fit, nil
}

// sandwichRoute forces the direct (1) or low-rank (2) computation of the
// adjustment in tests; 0 chooses by size.
var sandwichRoute = 0

// sandwichAdjustedDesign returns Ã'X̃ for one cluster with whitened design xt
// (n×p); k is the block-diagonal UU' (cr2 only).
//
// For CR0, the jackknife and the whitened CR2, Ã = f(I − F) with
// F = X̃ΦX̃' of rank ≤ p and f(1) = 1, so with Φ = RR', R'X̃'X̃R = EDE':
// f(I − F)X̃ = X̃[I + R E diag((f(1−d)−1)/d) E'R'X̃'X̃], which costs
// O(np² + p³) rather than O(n³) when the cluster has more rows than β
// has coefficients. clubSandwich's CR2 has no such form and is computed
// from its n×n matrices.
func sandwichAdjustedDesign(xt, k *mat.Dense, phi *mat.SymDense, phiChol *mat.Cholesky, method sandwichMethod) (*mat.Dense, error) {
	n, p := xt.Dims()
	at := mat.NewDense(n, p, nil)
	if method == cr0 {
		at.Copy(xt)
		return at, nil
	}
	lowRank := n > p && method != cr2
	switch sandwichRoute {
	case 1:
		lowRank = false
	case 2:
		lowRank = method != cr2
	}
	if lowRank {
		var r mat.TriDense
		phiChol.LTo(&r)
		var c, rc mat.Dense
		c.Mul(xt.T(), xt) // C = X̃'X̃
		rc.Mul(r.T(), &c)
		var sm mat.Dense
		sm.Mul(&rc, &r) // S = R'CR
		var es mat.EigenSym
		if !es.Factorize(krSymPart(&sm), true) {
			return nil, fmt.Errorf("%w: eigen-decomposition failed", errSandwich)
		}
		d := es.Values(nil)
		var e mat.Dense
		es.VectorsTo(&e)
		tol := float64(n) * 2.220446049250313e-16
		g := make([]float64, p)
		for i, di := range d {
			if di <= tol*math.Max(1, d[p-1]) {
				continue // outside F's range: f(1) − 1 = 0
			}
			one := 1 - di
			var f float64
			switch method {
			case jackknife:
				if one <= tol {
					return nil, fmt.Errorf("%w: a cluster's leverage is 1 (I − H is singular); the jackknife is undefined, use CR2 or CR0", errSandwich)
				}
				f = 1 / one
			case cr2Whitened:
				if one > tol {
					f = 1 / math.Sqrt(one)
				}
			}
			g[i] = (f - 1) / di
		}
		// M = I + R E diag(g) E' R' C.
		var re, reg, m mat.Dense
		re.Mul(&r, &e)
		reg.Scale(1, &re)
		for j := 0; j < p; j++ {
			col := reg.ColView(j).(*mat.VecDense)
			col.ScaleVec(g[j], col)
		}
		m.Mul(&reg, re.T())
		m.Mul(&m, &c)
		for i := 0; i < p; i++ {
			m.Set(i, i, m.At(i, i)+1)
		}
		at.Mul(xt, &m)
		return at, nil
	}

	// I − F with F = X̃ΦX̃'.
	var xp, h mat.Dense
	xp.Mul(xt, phi)
	h.Mul(&xp, xt.T())
	imh := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			v := -0.5 * (h.At(i, j) + h.At(j, i))
			if i == j {
				v++
			}
			imh.SetSym(i, j, v)
		}
	}
	switch method {
	case jackknife:
		var ch mat.Cholesky
		if !ch.Factorize(imh) {
			return nil, fmt.Errorf("%w: a cluster's leverage is 1 (I − H is singular); the jackknife is undefined, use CR2 or CR0", errSandwich)
		}
		if err := ch.SolveTo(at, xt); err != nil {
			return nil, fmt.Errorf("%w: %v", errSandwich, err)
		}
	case cr2Whitened:
		s, err := sandwichSymPow(imh, -0.5)
		if err != nil {
			return nil, err
		}
		at.Mul(s, xt)
	case cr2:
		// B = K(I−F)K, Ã = B^{-1/2}K, Ã' = K B^{-1/2}.
		var kb mat.Dense
		kb.Mul(k, imh)
		kb.Mul(&kb, k)
		s, err := sandwichSymPow(krSymPart(&kb), -0.5)
		if err != nil {
			return nil, err
		}
		var ks mat.Dense
		ks.Mul(k, s)
		at.Mul(&ks, xt)
	}
	return at, nil
}

// sandwichSymPow returns s^e for the symmetric positive semi-definite s through its
// eigen-decomposition; eigenvalues below n·ε times the largest count as
// zero (a pseudo-inverse power, as mmrm and clubSandwich take it).
func sandwichSymPow(s *mat.SymDense, e float64) (*mat.Dense, error) {
	var es mat.EigenSym
	if !es.Factorize(s, true) {
		return nil, fmt.Errorf("%w: eigen-decomposition failed", errSandwich)
	}
	vals := es.Values(nil)
	var vecs mat.Dense
	es.VectorsTo(&vecs)
	n := len(vals)
	top := 0.0
	for _, v := range vals {
		top = math.Max(top, math.Abs(v))
	}
	tol := float64(n) * 2.220446049250313e-16 * top
	d := make([]float64, n)
	for i, v := range vals {
		if v > tol {
			d[i] = math.Pow(v, e)
		}
	}
	var vd mat.Dense
	vd.Scale(1, &vecs)
	for j := 0; j < n; j++ {
		col := vd.ColView(j).(*mat.VecDense)
		col.ScaleVec(d[j], col)
	}
	var out mat.Dense
	out.Mul(&vd, vecs.T())
	return &out, nil
}

// covBeta returns the empirical covariance of β̂.
func (s *sandwichFit) covBeta() *mat.SymDense { return s.cov }

// df returns the small-sample degrees of freedom of the contrast c'β̂ under
// the empirical covariance: Bell and McCaffrey's (2002) Satterthwaite
// approximation with the fitted covariance as working model, as mmrm and
// clubSandwich compute it. With g_c the cluster-c column of
// (I − H̃)·blockdiag(Ã_c'X̃_cΦc), df = (Σ_c g_c'g_c)² / Σ_cd (g_c'g_d)², and
// g_c'g_d = δ_cd u_c'u_c − w_c'Φw_d with u_c = Ã_c'X̃_cΦc, w_c = X̃_c'u_c,
// which needs no N×N matrix.
func (s *sandwichFit) df(c []float64) float64 {
	p := s.phi.SymmetricDim()
	if len(c) != p {
		return math.NaN()
	}
	var pc mat.VecDense
	pc.MulVec(s.phi, mat.NewVecDense(p, c))
	omega := mat.NewSymDense(p, nil)
	var sa, saa, sab float64
	var u, w, pw mat.VecDense
	for i := range s.xt {
		u.Reset()
		u.MulVec(s.at[i], &pc)
		w.MulVec(s.xt[i].T(), &u)
		pw.MulVec(s.phi, &w)
		a := mat.Dot(&u, &u)
		b := mat.Dot(&w, &pw)
		sa += a - b
		saa += a * a
		sab += a * b
		omega.SymRankOne(omega, 1, &w)
	}
	var po mat.Dense
	po.Mul(s.phi, omega)
	bb := krTraceProduct(&po, &po) // Σ_cd (w_c'Φw_d)² = tr((ΦΩ)²)
	den := saa - 2*sab + bb
	return sa * sa / den
}
