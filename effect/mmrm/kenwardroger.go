package mmrm

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// krFit holds what the Kenward–Roger small-sample inference needs once per
// fit: the model-based covariance Φ of β̂, the adjusted covariance Φ_A, the
// asymptotic covariance W of θ̂ and the matrices P_k = X'(∂V⁻¹/∂θ_k)X.
type krFit struct {
	phi  *mat.SymDense   // Φ = (X'V⁻¹X)⁻¹
	adj  *mat.SymDense   // Φ_A, Kenward & Roger (1997) eq. (2)
	w    *mat.SymDense   // W, asymptotic covariance of θ̂
	p    []*mat.SymDense // P_k = −Σ_i X_i'V_i⁻¹ V̇_ik V_i⁻¹X_i
	nPar int             // number of fixed-effect coefficients
}

// errKR wraps the reasons a Kenward–Roger computation cannot go on.
var errKR = errors.New("mmrm: Kenward–Roger")

// krPatternKey identifies blocks that share their covariance matrices (the
// fit shares V, V⁻¹, dV and d2V between subjects with the same observed
// visits and covariance group), so that the n_i×n_i work is done once per
// pattern rather than once per subject.
type krPatternKey struct {
	v   *mat.SymDense
	dv0 *mat.SymDense
}

// krPattern collects the subjects that share one covariance pattern.
// Everything the adjustment needs from the subjects' designs is the
// (n·p)×(n·p) matrix C = Σ_i y_i y_i' where y_i stacks the rows of
// Y_i = V_i⁻¹X_i: for any n×n matrix M, Σ_i Y_i'MY_i = Σ_ab M_ab C_ab with
// C_ab the (a,b) p×p block of C. One symmetric rank-k update per pattern
// replaces K² small products per subject.
type krPattern struct {
	first *block
	rows  []float64 // stacked y_i, row-major, n·p columns
	count int
}

// kenwardRoger returns the Kenward–Roger adjusted covariance of β̂
// (Kenward & Roger 1997): Φ_A = Φ + 2Φ{Σ_kl W_kl(Q_kl − P_kΦP_l − ¼R_kl)}Φ.
// With linear true the second-derivative terms R_kl are dropped (SAS's
// DDFM=KR(LINEAR); identical to the full form when Σ is linear in θ, as for
// UN, CS and TOEP in SAS's parameterization). Φ is the model-based
// covariance of β̂ and w the asymptotic covariance of θ̂ (the inverse of the
// negative observed Hessian of the REML log-likelihood) in the
// parameterization of the blocks' dV and d2V.
func kenwardRoger(blocks []block, phi, w *mat.SymDense, linear bool) (*krFit, error) {
	if len(blocks) == 0 {
		return nil, fmt.Errorf("%w: no subjects", errKR)
	}
	p := phi.SymmetricDim()
	k := w.SymmetricDim()
	// Group the subjects by covariance pattern, in order of first appearance.
	var order []*krPattern
	byKey := make(map[krPatternKey]*krPattern)
	for i := range blocks {
		b := &blocks[i]
		n, c := b.X.Dims()
		if n == 0 {
			continue
		}
		if c != p {
			return nil, fmt.Errorf("%w: subject %q has %d design columns, Φ has %d", errKR, b.subject, c, p)
		}
		if len(b.dV) != k {
			return nil, fmt.Errorf("%w: subject %q has %d covariance derivatives, W has %d parameters", errKR, b.subject, len(b.dV), k)
		}
		key := krPatternKey{v: b.V}
		if k > 0 {
			key.dv0 = b.dV[0]
		}
		pt := byKey[key]
		if pt == nil {
			pt = &krPattern{first: b}
			byKey[key] = pt
			order = append(order, pt)
		}
		// y_i = rows of V_i⁻¹X_i, stacked.
		var y mat.Dense
		y.Mul(b.Vinv, b.X)
		pt.rows = append(pt.rows, y.RawMatrix().Data...)
		pt.count++
	}

	pk := make([]*mat.SymDense, k)
	for h := range pk {
		pk[h] = mat.NewSymDense(p, nil)
	}
	qr := mat.NewSymDense(p, nil) // Σ_kl W_kl (Q_kl − ¼R_kl)
	for _, pt := range order {
		b := pt.first
		n, _ := b.X.Dims()
		np := n * p
		z := mat.NewDense(pt.count, np, pt.rows)
		c := mat.NewSymDense(np, nil)
		c.SymOuterK(1, z.T())
		pt.rows = nil

		// N = Σ_kl W_kl V̇_k V⁻¹ V̇_l (symmetric since W is), and
		// R̄ = Σ_kl W_kl V̈_kl.
		nmat := mat.NewDense(n, n, nil)
		var mh, tmp, tmp2 mat.Dense
		for h := 0; h < k; h++ {
			mh.Reset()
			mh.Scale(w.At(h, 0), b.dV[0])
			for l := 1; l < k; l++ {
				if wl := w.At(h, l); wl != 0 {
					tmp.Scale(wl, b.dV[l])
					mh.Add(&mh, &tmp)
				}
			}
			tmp.Mul(b.Vinv, &mh)
			tmp2.Mul(b.dV[h], &tmp)
			nmat.Add(nmat, &tmp2)
			// P_k = −Σ_ab V̇_k[a,b] C_ab.
			krAddBlocks(pk[h], c, b.dV[h], n, p, -1)
		}
		if !linear && b.d2V != nil {
			for h := 0; h < k; h++ {
				for l := 0; l < k; l++ {
					if d := b.d2V[h][l]; d != nil && w.At(h, l) != 0 {
						tmp.Scale(-0.25*w.At(h, l), d)
						nmat.Add(nmat, &tmp)
					}
				}
			}
		}
		krAddBlocks(qr, c, nmat, n, p, 1)
	}

	// Σ_kl W_kl P_kΦP_l = Σ_k P_kΦ(Σ_l W_kl P_l).
	var sum, pw, pphi, t mat.Dense
	sum.CloneFrom(qr)
	for h := 0; h < k; h++ {
		pw.Reset()
		pw.Scale(w.At(h, 0), pk[0])
		for l := 1; l < k; l++ {
			if wl := w.At(h, l); wl != 0 {
				t.Scale(wl, pk[l])
				pw.Add(&pw, &t)
			}
		}
		pphi.Mul(pk[h], phi)
		t.Mul(&pphi, &pw)
		sum.Sub(&sum, &t)
	}
	var a mat.Dense
	a.Mul(phi, &sum)
	a.Mul(&a, phi)
	adj := mat.NewSymDense(p, nil)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			v := phi.At(i, j) + a.At(i, j) + a.At(j, i) // Φ + 2·sym(ΦSΦ)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("%w: the adjusted covariance is not finite", errKR)
			}
			adj.SetSym(i, j, v)
		}
	}
	return &krFit{phi: phi, adj: adj, w: w, p: pk, nPar: p}, nil
}

// krAddBlocks adds s·Σ_ab m[a,b]·C_ab to dst, where C_ab is the (a,b) p×p
// block of the (n·p)×(n·p) symmetric c.
func krAddBlocks(dst, c *mat.SymDense, m mat.Matrix, n, p int, s float64) {
	for a := 0; a < n; a++ {
		for bb := 0; bb < n; bb++ {
			f := s * m.At(a, bb)
			if f == 0 {
				continue
			}
			for i := 0; i < p; i++ {
				for j := i; j < p; j++ {
					dst.SetSym(i, j, dst.At(i, j)+f*c.At(a*p+i, bb*p+j))
				}
			}
		}
	}
}

// covBeta returns the Kenward–Roger adjusted covariance Φ_A of β̂.
func (f *krFit) covBeta() *mat.SymDense { return f.adj }

// test returns, for the q×p contrast matrix L (full row rank), the scale λ
// of the Kenward–Roger F statistic F* = λ·(Lβ̂)'(LΦ_AL')⁻¹(Lβ̂)/q, its
// denominator degrees of freedom m (Kenward & Roger 1997, section 4) and
// LΦ_AL'. The moments use the unadjusted Φ, as in the original method,
// SAS and the R package mmrm; for q = 1 the df equal Satterthwaite's.
func (f *krFit) test(l *mat.Dense) (lambda, df float64, covL *mat.SymDense, err error) {
	q, c := l.Dims()
	if c != f.nPar {
		return 0, 0, nil, fmt.Errorf("%w: contrast has %d columns, the model %d coefficients", errKR, c, f.nPar)
	}
	// Θ = L'(LΦL')⁻¹L.
	var lphi, lpl mat.Dense
	lphi.Mul(l, f.phi)
	lpl.Mul(&lphi, l.T())
	var ch mat.Cholesky
	if !ch.Factorize(krSymPart(&lpl)) {
		return 0, 0, nil, fmt.Errorf("%w: LΦL' is singular: the contrast rows are not linearly independent", errKR)
	}
	var inner, theta mat.Dense
	if err := ch.SolveTo(&inner, l); err != nil {
		return 0, 0, nil, fmt.Errorf("%w: %v", errKR, err)
	}
	theta.Mul(l.T(), &inner)

	// F_k = ΘΦP_kΦ; A1 = Σ W_kl tr F_k tr F_l, A2 = Σ W_kl tr(F_kF_l).
	k := len(f.p)
	fk := make([]*mat.Dense, k)
	tr := make([]float64, k)
	var tp mat.Dense
	tp.Mul(&theta, f.phi)
	for h := 0; h < k; h++ {
		var m mat.Dense
		m.Mul(&tp, f.p[h])
		m.Mul(&m, f.phi)
		fk[h] = &m
		tr[h] = mat.Trace(&m)
	}
	var a1, a2 float64
	for h := 0; h < k; h++ {
		for g := 0; g < k; g++ {
			wv := f.w.At(h, g)
			if wv == 0 {
				continue
			}
			a1 += wv * tr[h] * tr[g]
			a2 += wv * krTraceProduct(fk[h], fk[g])
		}
	}
	lambda, df = krMoments(float64(q), a1, a2)
	if !(df > 0) || math.IsNaN(lambda) {
		return 0, 0, nil, fmt.Errorf("%w: the approximation breaks down for this contrast (A1 = %g, A2 = %g give df %g); W may be far from the sampling covariance of θ̂", errKR, a1, a2, df)
	}
	var la, lal mat.Dense
	la.Mul(l, f.adj)
	lal.Mul(&la, l.T())
	return lambda, df, krSymPart(&lal), nil
}

// krMoments turns A1 and A2 into Kenward and Roger's (1997) scale λ and
// denominator df m for a q-row contrast.
func krMoments(q, a1, a2 float64) (lambda, df float64) {
	if a2 <= 0 {
		// No uncertainty in θ̂ reaches the contrast: the F limit.
		return 1, math.Inf(1)
	}
	b := (a1 + 6*a2) / (2 * q)
	g := ((q+1)*a1 - (q+4)*a2) / ((q + 2) * a2)
	den := 3*q + 2 - 2*g
	c1 := g / den
	c2 := (q - g) / den
	c3 := (q + 2 - g) / den
	eStar := 1 / (1 - a2/q)
	vStar := 2 / q * (1 + c1*b) / ((1 - c2*b) * (1 - c2*b) * (1 - c3*b))
	rho := vStar / (2 * eStar * eStar)
	df = 4 + (q+2)/(q*rho-1)
	lambda = df / (eStar * (df - 2))
	return lambda, df
}

// krTraceProduct returns tr(AB) for square A and B of the same size without
// forming AB.
func krTraceProduct(a, b mat.Matrix) float64 {
	n, _ := a.Dims()
	var s float64
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			s += a.At(i, j) * b.At(j, i)
		}
	}
	return s
}

// krSymPart returns the symmetric part of the square m.
func krSymPart(m mat.Matrix) *mat.SymDense {
	n, _ := m.Dims()
	s := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			s.SetSym(i, j, 0.5*(m.At(i, j)+m.At(j, i)))
		}
	}
	return s
}
