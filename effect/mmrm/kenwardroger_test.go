package mmrm

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// For one row A1 = A2 = A and the KR moments reduce to λ = 1, m = 2/A,
// the Satterthwaite df (Kenward & Roger 1997, section 4).
func TestKRMomentsOneRow(t *testing.T) {
	for _, a := range []float64{1e-4, 0.01, 0.3, 0.5, 0.9} {
		lambda, df := krMoments(1, a, a)
		infCloseRel(t, "λ", lambda, 1, 1e-12)
		infCloseRel(t, "m", df, 2/a, 1e-12)
	}
	if lambda, df := krMoments(2, 0, 0); lambda != 1 || !math.IsInf(df, 1) {
		t.Errorf("no θ uncertainty: λ = %v, m = %v, want 1, +Inf", lambda, df)
	}
}

func TestKenwardRogerErrors(t *testing.T) {
	c := infLoadCase(t, "fev_trt_us")
	if _, err := kenwardRoger(nil, c.phi, c.w, true); err == nil {
		t.Error("no blocks: no error")
	}
	small := mat.NewSymDense(1, []float64{1})
	if _, err := kenwardRoger(c.blocks, small, c.w, true); err == nil {
		t.Error("Φ of the wrong size: no error")
	}
	if _, err := kenwardRoger(c.blocks, c.phi, small, true); err == nil {
		t.Error("W of the wrong size: no error")
	}
	kr, err := kenwardRoger(c.blocks, c.phi, c.w, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := kr.test(mat.NewDense(1, 3, nil)); err == nil {
		t.Error("contrast of the wrong width: no error")
	}
	if _, _, _, err := kr.test(mat.NewDense(2, 2, []float64{0, 1, 0, 1})); err == nil {
		t.Error("dependent contrast rows: no error")
	}
}

// Blocks that do not share their covariance matrices (one pattern per
// subject) give the same adjustment as shared ones.
func TestKenwardRogerUnshared(t *testing.T) {
	c := infLoadCase(t, "fev_trt_ar1")
	own := make([]block, len(c.blocks))
	cp := func(s *mat.SymDense) *mat.SymDense {
		if s == nil {
			return nil
		}
		return mat.NewSymDense(s.SymmetricDim(), append([]float64(nil), s.RawSymmetric().Data...))
	}
	for i, b := range c.blocks {
		b.V, b.Vinv = cp(b.V), cp(b.Vinv)
		dv := make([]*mat.SymDense, len(b.dV))
		for k := range dv {
			dv[k] = cp(b.dV[k])
		}
		d2v := make([][]*mat.SymDense, len(b.d2V))
		for k := range d2v {
			d2v[k] = make([]*mat.SymDense, len(b.d2V[k]))
			for l := range d2v[k] {
				d2v[k][l] = cp(b.d2V[k][l])
			}
		}
		b.dV, b.d2V = dv, d2v
		own[i] = b
	}
	for _, linear := range []bool{true, false} {
		shared, err := kenwardRoger(c.blocks, c.phi, c.w, linear)
		if err != nil {
			t.Fatal(err)
		}
		alone, err := kenwardRoger(own, c.phi, c.w, linear)
		if err != nil {
			t.Fatal(err)
		}
		infCloseMatrix(t, "Φ_A unshared", alone.covBeta(), shared.covBeta(), 1e-12)
	}
}
