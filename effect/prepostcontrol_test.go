package effect

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

// Goldens: testdata/golden/effect/prepost/gen.R (Morris 2008 eqs by hand;
// Becker difference via metafor 3.8-1 escalc "SMCR").
func TestPrePostControlGolden(t *testing.T) {
	for i, r := range golden.ReadCSV(t, "../testdata/golden/effect/prepost/prepost.csv") {
		tr := PrePostArm{PreMean: r.Float(t, "preE"), PreSD: r.Float(t, "sdPreE"), PostMean: r.Float(t, "postE"), N: r.Int(t, "nE")}
		co := PrePostArm{PreMean: r.Float(t, "preC"), PreSD: r.Float(t, "sdPreC"), PostMean: r.Float(t, "postC"), N: r.Int(t, "nC")}
		m, err := MorrisPPC2(tr, co, r.Float(t, "r"), nil)
		if err != nil {
			t.Fatal(i, err)
		}
		golden.Close(t, "morris d", m.Value, r.Float(t, "morris.d"), 1e-13, 1e-13)
		golden.Close(t, "morris v", m.Variance, r.Float(t, "morris.v"), 1e-13, 1e-13)
		hw := 1.959963984540054 * math.Sqrt(m.Variance)
		golden.Close(t, "morris lb", m.CI.Lower, m.Value-hw, 1e-13, 1e-13)
		if m.Measure != MeasureDppc || m.CIMethod != Wald {
			t.Errorf("morris measure %v, CI %v", m.Measure, m.CIMethod)
		}
		b, err := BeckerPPC(tr, co, r.Float(t, "r"), r.Float(t, "rC"), nil)
		if err != nil {
			t.Fatal(i, err)
		}
		golden.Close(t, "becker d", b.Value, r.Float(t, "becker.d"), 1e-13, 1e-13)
		golden.Close(t, "becker v", b.Variance, r.Float(t, "becker.v"), 1e-13, 1e-13)
	}
}

func TestPrePostControlInvalid(t *testing.T) {
	ok := PrePostArm{PreMean: 40, PreSD: 10, PostMean: 35, N: 30}
	mod := func(f func(*PrePostArm)) PrePostArm { a := ok; f(&a); return a }
	cases := []struct {
		tr, co PrePostArm
		r      float64
		field  string
	}{
		{mod(func(a *PrePostArm) { a.PreMean = math.NaN() }), ok, 0.5, "treat.PreMean"},
		{ok, mod(func(a *PrePostArm) { a.PostMean = math.Inf(1) }), 0.5, "control.PostMean"},
		{mod(func(a *PrePostArm) { a.PreSD = 0 }), ok, 0.5, "treat.PreSD"},
		{ok, mod(func(a *PrePostArm) { a.PreSD = -1 }), 0.5, "control.PreSD"},
		{mod(func(a *PrePostArm) { a.N = 1 }), ok, 0.5, "treat.N"},
		{ok, ok, 1, "r"},
		{ok, ok, math.NaN(), "r"},
	}
	for _, c := range cases {
		_, err := MorrisPPC2(c.tr, c.co, c.r, nil)
		var fe *FieldError
		if !errors.Is(err, ErrInvalidInput) || !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("MorrisPPC2: %v, want field %s", err, c.field)
		}
		_, err = BeckerPPC(c.tr, c.co, c.r, 0.5, nil)
		want := c.field
		if want == "r" {
			want = "rTreat"
		}
		if !errors.As(err, &fe) || fe.Field != want {
			t.Errorf("BeckerPPC: %v, want field %s", err, want)
		}
	}
	if _, err := BeckerPPC(ok, ok, 0.5, -1, nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("rControl = -1: %v", err)
	}
	small := mod(func(a *PrePostArm) { a.N = 2 })
	if _, err := MorrisPPC2(small, small, 0.5, nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("N total 4: %v", err)
	}
	if _, err := MorrisPPC2(ok, ok, 0.5, &Options{CI: NoncentralT}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("NoncentralT: %v", err)
	}
}

// TestPrePostControlSimulation checks the variance formulas (Morris 2008
// eq. 25; Becker 1988) against the
// empirical variance of the estimators over simulated trials with
// bivariate normal pre/post scores (σ = 1, ρ = 0.6, δ = 0.5 in pre-test SD
// units), and the 95% Wald intervals' coverage of δ.
func TestPrePostControlSimulation(t *testing.T) {
	const reps, nE, nC, rho, delta = 3000, 40, 42, 0.6, 0.5
	rng := rand.New(rand.NewPCG(2008, 25))
	arm := func(n int, shift float64) (PrePostArm, float64) {
		var sx, sy, sxx float64
		xs := make([]float64, n)
		ys := make([]float64, n)
		for i := 0; i < n; i++ {
			x := rng.NormFloat64()
			y := rho*x + math.Sqrt(1-rho*rho)*rng.NormFloat64() + shift
			xs[i], ys[i] = x, y
			sx += x
			sy += y
		}
		mx, my := sx/float64(n), sy/float64(n)
		var sxy, syy float64
		for i := range xs {
			sxx += (xs[i] - mx) * (xs[i] - mx)
			syy += (ys[i] - my) * (ys[i] - my)
			sxy += (xs[i] - mx) * (ys[i] - my)
		}
		return PrePostArm{PreMean: mx, PreSD: math.Sqrt(sxx / float64(n-1)), PostMean: my, N: n}, sxy / math.Sqrt(sxx*syy)
	}
	var sumM, sumM2, sumVM, sumB, sumB2, sumVB float64
	var covM, covB int
	for r := 0; r < reps; r++ {
		tr, rE := arm(nE, delta)
		co, rC := arm(nC, 0)
		m, err := MorrisPPC2(tr, co, rho, nil)
		if err != nil {
			t.Fatal(err)
		}
		b, err := BeckerPPC(tr, co, rE, rC, nil)
		if err != nil {
			t.Fatal(err)
		}
		sumM += m.Value
		sumM2 += m.Value * m.Value
		sumVM += m.Variance
		sumB += b.Value
		sumB2 += b.Value * b.Value
		sumVB += b.Variance
		if m.CI.Contains(delta) {
			covM++
		}
		if b.CI.Contains(delta) {
			covB++
		}
	}
	for _, c := range []struct {
		name          string
		sum, sum2, sv float64
		cover         int
	}{{"Morris d_ppc2", sumM, sumM2, sumVM, covM}, {"Becker difference", sumB, sumB2, sumVB, covB}} {
		mean := c.sum / reps
		emp := c.sum2/reps - mean*mean
		ratio := c.sv / reps / emp
		p := float64(c.cover) / reps
		t.Logf("%s: mean %.4f (δ %.1f), model/empirical variance %.3f, coverage %.4f", c.name, mean, delta, ratio, p)
		if ratio < 0.9 || ratio > 1.1 {
			t.Errorf("%s: variance ratio %.3f", c.name, ratio)
		}
		if p < 0.935 || p > 0.965 {
			t.Errorf("%s: coverage %.4f", c.name, p)
		}
	}
}

// TestBeckerPPCSmallArm: an arm of 2 is refused with a reason that names
// the arm and says what is needed, not as an overflow.
func TestBeckerPPCSmallArm(t *testing.T) {
	ok := PrePostArm{PreMean: 40, PreSD: 10, PostMean: 35, N: 30}
	two := PrePostArm{PreMean: 40, PreSD: 10, PostMean: 35, N: 2}
	e, err := BeckerPPC(ok, two, 0.5, 0.5, nil)
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "control.N" || !errors.Is(err, ErrInvalidInput) {
		t.Fatalf("err = %v", err)
	}
	if e != (Estimate{}) {
		t.Errorf("returned %+v", e)
	}
}
