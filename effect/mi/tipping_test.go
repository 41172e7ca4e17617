package mi

import (
	"math"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

// TestTippingAntidepressant finds the tipping point of the JR analysis of
// the antidepressant example and confirms it by rerunning the analysis with
// that δ: the interval's upper end is 0 there. It also checks the closed
// form that the linearity of the analysis gives (a quadratic in δ).
func TestTippingAntidepressant(t *testing.T) {
	d, ev := antidepressant(t, JR)
	opt := &CondMeanOptions{Reference: "PLACEBO", Visits: []string{"4", "5", "6", "7"}}
	tp, err := Tipping(d, ev, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !tp.Found || !(tp.Delta > 0) || tp.Arm != "DRUG" || tp.Visit != "7" {
		t.Fatalf("tipping point %+v", tp)
	}
	golden.Close(t, "upper end at the tip", tp.AtTip.CI.Upper, 0, 0, 1e-9)
	o2 := *opt
	o2.Delta = []Delta{{Arm: "DRUG", Value: tp.Delta}}
	r, err := ConditionalMean(d, ev, &o2)
	if err != nil {
		t.Fatal(err)
	}
	golden.Close(t, "rerun upper end", r.Visits[3].Difference.CI.Upper, 0, 0, 1e-8)
	golden.Close(t, "rerun estimate", r.Visits[3].Difference.Estimate, tp.AtTip.Estimate, 1e-10, 1e-12)
	golden.Close(t, "rerun SE", r.Visits[3].Difference.SE, tp.AtTip.SE, 1e-9, 0)
	golden.Close(t, "p at the tip", r.Visits[3].Difference.P, 0.05, 1e-7, 0)

	// Closed form from two analyses (δ = 0 and δ = 1): θ(δ) = a + cδ, each
	// jackknife estimate a_b + c_bδ, se² quadratic; solve θ + z·se = 0.
	o1 := *opt
	o1.Delta = []Delta{{Arm: "DRUG", Value: 1}}
	r1, err := ConditionalMean(d, ev, &o1)
	if err != nil {
		t.Fatal(err)
	}
	a := tp.Base.Visits[3].Difference.Estimate
	c := r1.Visits[3].Difference.Estimate - a
	// se²(δ) = s0² + 2kδ + s1δ² with s0, s1 from the two SEs and one more
	// point: use δ = tip from the rerun.
	s0, s1, sT := tp.Base.Visits[3].Difference.SE, r1.Visits[3].Difference.SE, r.Visits[3].Difference.SE
	x := tp.Delta
	// Solve for the quadratic through (0, s0²), (1, s1²), (x, sT²).
	A := s0 * s0
	// s1² = A + B + C, sT² = A + Bx + Cx²
	C := (sT*sT - A - (s1*s1-A)*x) / (x*x - x)
	B := s1*s1 - A - C
	z := 1.959963984540054
	// (a + cδ)² = z²(A + Bδ + Cδ²)
	qa, qb, qc := c*c-z*z*C, 2*a*c-z*z*B, a*a-z*z*A
	disc := math.Sqrt(qb*qb - 4*qa*qc)
	r1s, r2s := (-qb-disc)/(2*qa), (-qb+disc)/(2*qa)
	best := r1s
	if math.Abs(r2s-x) < math.Abs(r1s-x) {
		best = r2s
	}
	golden.Close(t, "closed-form tipping point", tp.Delta, best, 1e-8, 0)
	if len(tp.Curve) != 41 || tp.Curve[0].Delta != 0 {
		t.Errorf("curve: %d points from %v", len(tp.Curve), tp.Curve[0].Delta)
	}
	t.Logf("JR tipping point: %v", tp)
}
