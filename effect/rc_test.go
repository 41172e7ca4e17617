package effect

import (
	"math"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

// Reference cases RC1–RC23: values computed with R 4.2.2 (metafor 3.8-1
// escalc, effectsize 0.8.3, compute.es formulas) and checked by hand from
// the cited formulas, printed to 10–12 significant digits, so compared at
// 1e-9 relative unless stated. The case number labels each input set.
func near(t *testing.T, name string, got, want, tol float64) {
	t.Helper()
	abs := 0.0
	if want == 0 {
		abs = tol
	}
	golden.Close(t, name, got, want, tol, abs)
}

func mustT(t *testing.T) func(Estimate, error) Estimate {
	return func(e Estimate, err error) Estimate {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
}

func TestReferenceCasesTwoArm(t *testing.T) {
	must := mustT(t)
	const tol = 1e-9
	// RC1.
	a, b := Group{38.2, 9.1, 45}, Group{42.7, 10.3, 47}
	d := must(CohenD(a, b, nil))
	near(t, "RC1 d", d.Value, -0.462399815901, tol)
	near(t, "RC1 d CI lo", d.CI.Lower, -0.8754553682, tol)
	near(t, "RC1 d CI hi", d.CI.Upper, -0.04684385397, tol)
	g := must(HedgesG(a, b, nil))
	near(t, "RC1 g", g.Value, -0.458533952061, tol)
	near(t, "RC1 vi LS", g.Variance, 0.0446414994082, tol)
	near(t, "RC1 g CI lo", g.CI.Lower, -0.86813618, 1e-8)
	near(t, "RC1 g CI hi", g.CI.Upper, -0.04645221895, tol)
	near(t, "RC1 vi LS2", must(HedgesG(a, b, &Options{Variance: LS2})).Variance, 0.0439172017154, tol)
	near(t, "RC1 vi UB", must(HedgesG(a, b, &Options{Variance: UB})).Variance, 0.0446900265201, tol)
	w := must(CohenD(a, b, &Options{CI: Wald}))
	near(t, "RC1 Wald d lo", w.CI.Lower, -0.876601228, tol)
	wg := must(HedgesG(a, b, &Options{CI: Wald}))
	near(t, "RC1 Wald g hi", wg.CI.Upper, -0.04442227429, tol)
	gl := must(GlassDelta(a, b, nil))
	near(t, "RC1 glass", gl.Value, -0.4368932039, tol)
	near(t, "RC1 glass CI lo (effectsize)", gl.CI.Lower, -0.829979515, 1e-6)
	s1 := must(GlassDelta(a, b, &Options{Correct: true}))
	near(t, "RC1 SMD1 yi", s1.Value, -0.429724466871, tol)
	near(t, "RC1 SMD1 vi", s1.Variance, 0.0454633192161, tol)
	h := must(SMDH(a, b, &Options{Correct: true}))
	near(t, "RC1 SMDH yi", h.Value, -0.459161407612, tol)
	near(t, "RC1 SMDH vi (5.x LS)", h.Variance, 0.0455278562437, tol)
	near(t, "RC1 SMDH vi (5.x LS2)", must(SMDH(a, b, &Options{Correct: true, Variance: LS2})).Variance, 0.0445399001693, tol)
	hw := must(SMDH(a, b, &Options{CI: NoncentralT}))
	near(t, "RC1 pooled_sd=FALSE", hw.Value, -0.4630325615, tol)
	near(t, "RC1 pooled_sd=FALSE CI lo (effectsize)", hw.CI.Lower, -0.8755880711, 1e-6)

	// RC3: n = 2/2.
	a, b = Group{5, 1, 2}, Group{3, 1, 2}
	d = must(CohenD(a, b, nil))
	near(t, "RC3 d CI lo", d.CI.Lower, -0.7660144772, tol)
	near(t, "RC3 d CI hi", d.CI.Upper, 4.573498895, tol)
	near(t, "RC3 vi UB", must(HedgesG(a, b, &Options{Variance: UB})).Variance, 2.27323954474, tol)
	gl = must(GlassDelta(a, b, nil))
	near(t, "RC3 glass CI hi (effectsize, df 1)", gl.CI.Upper, 5.011928283, 1e-6)
	if _, err := GlassDelta(a, b, &Options{Correct: true}); err == nil {
		t.Error("RC3: SMD1 needs n2 ≥ 3 (metafor gives NA)")
	}
	// RC5: d = 5.
	g = must(HedgesG(Group{15, 1, 10}, Group{10, 1, 10}, nil))
	near(t, "RC5 g CI", g.CI.Lower, 3.00911564, 1e-8)
	near(t, "RC5 g CI", g.CI.Upper, 6.536065788, tol)
	// RC6: unequal n and SD.
	a, b = Group{22, 4, 8}, Group{19.5, 6, 40}
	near(t, "RC6 glass CI hi (effectsize)", must(GlassDelta(a, b, nil)).CI.Upper, 0.9779397351, 1e-6)
	near(t, "RC6 SMDH vi 5.x LS", must(SMDH(a, b, &Options{Correct: true})).Variance, 0.126416756051, tol)
	near(t, "RC6 SMDH vi 5.x LS2", must(SMDH(a, b, &Options{Correct: true, Variance: LS2})).Variance, 0.114307859949, tol)
	// RC9: zero effect, symmetric interval ±1.959963985/h.
	d = must(CohenD(Group{10, 3, 20}, Group{10, 3, 25}, nil))
	near(t, "RC9 d CI", d.CI.Upper, 0.5879891954, tol)
	near(t, "RC9 d CI symmetric", -d.CI.Lower, d.CI.Upper, 1e-12)
	// RC10: N = 1000.
	g = must(HedgesG(Group{50.6, 10, 500}, Group{48.6, 10, 500}, nil))
	near(t, "RC10 g CI", g.CI.Upper, 0.3239754792, tol)
}

func TestReferenceJ(t *testing.T) {
	// RC11 (exact J, lgamma in R, 12 digits) and JApprox.
	for _, c := range []struct{ df, j, ja float64 }{
		{2, 0.564189583548, 0.571428571429}, {3, 0.723601254558, 0.727272727273}, {4, 0.797884560803, 0.8},
		{5, 0.84074868246, 0.842105263158}, {8, 0.902703333676, 0.903225806452}, {10, 0.922745608053, 0.923076923077},
		{20, 0.961944533741, 0.962025316456}, {58, 0.987003581028, 0.987012987013}, {343, 0.997811549994, 0.997811816193},
		{344, 0.997817917167, 0.997818181818}, {1000, 0.999249781179, 0.999249812453},
	} {
		near(t, "J", J(c.df), c.j, 1e-11)
		near(t, "JApprox", JApprox(c.df), c.ja, 1e-11)
	}
	for _, df := range []float64{1, 0.5, -3, math.NaN()} {
		if !math.IsNaN(J(df)) {
			t.Errorf("J(%v) = %v, want NaN", df, J(df))
		}
	}
	if J(math.Inf(1)) != 1 {
		t.Error("J(+Inf) != 1")
	}
	// Continuity where the evaluation switches from Lgamma to the series,
	// against 30-digit mpmath values of J.
	for _, c := range []struct{ df, j float64 }{
		{40, 0.9811121944366951}, {41, 0.981576176704517}, {1e4, 0.9999249978124297}, {1e7, 0.9999999249999978},
	} {
		near(t, "J (mpmath)", J(c.df), c.j, 5e-15) // Lgamma path at df = 40; ~1e-16 from df = 41 on
	}
}

func TestReferenceFromStat(t *testing.T) {
	must := mustT(t)
	const tol = 1e-9
	// RC12.
	near(t, "RC12 ti", must(FromT(2.5, 20, 25, &Options{Correct: true})).Value, 0.736829217605, tol)
	near(t, "RC12 vi", must(FromT(2.5, 20, 25, &Options{Correct: true})).Variance, 0.0960324143991, tol)
	e := must(FromP(0.029, -1, 45, 47, &Options{Correct: true}))
	near(t, "RC12 signed p", e.Value, -0.458937079053, tol)
	near(t, "RC12 signed p vi", e.Variance, 0.0446435095024, tol)
	near(t, "RC12 pi = -0.018", must(FromP(0.018, -1, 20, 20, &Options{Correct: true})).Value, -0.766373159676, tol)
	// RC21: compute.es pes loses the sign; FromP keeps it.
	near(t, "RC21 pes", must(FromP(0.029, -1, 45, 47, nil)).Value, -0.462806341625, tol)
	near(t, "RC21 fes", must(FromF(4.915387, -1, 45, 47, nil)).Value, -0.462399745188, tol)
	// RC13: effectsize t_to_d uses 2t/√df; with n1 = n2 the exact form differs.
	d := must(FromT(2.5, 20, 25, nil))
	near(t, "FromT exact d", d.Value, 2.5*math.Sqrt(1.0/20+1.0/25), 1e-15)
}

func TestReferenceWithin(t *testing.T) {
	must := mustT(t)
	// RC15: the effsize #34 example, from raw data.
	pre := []float64{131, 124, 130, 105, 102, 120, 101, 120}
	post := []float64{133, 134, 129, 112, 106, 125, 106, 129}
	pp, err := SummarizePairs(pre, post)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "RC15 r", pp.R, 0.956042015413, 1e-10)
	dz := must(Dz(pp, nil))
	near(t, "RC15 d_z", dz.Value, 1.422396509, 1e-9)
	near(t, "RC15 d_z exact CI", dz.CI.Lower, 0.393703075, 1e-8)
	near(t, "RC15 d_z exact CI", dz.CI.Upper, 2.406271291, 1e-9)
	gz := must(Dz(pp, &Options{Correct: true}))
	near(t, "RC15 hedges_g paired", gz.Value, 1.263376715, 1e-9)
	near(t, "RC15 hedges_g paired CI (effectsize)", gz.CI.Lower, 0.3496880961, 1e-6)
	adj := &Options{Correct: true, Variance: LS2}
	for _, c := range []struct {
		name       string
		f          func(PrePost, *Options) (Estimate, error)
		d, lo, hi  float64
		ad, alo, a float64
	}{
		{"rm", Drm, 0.4217494859, 0.2073428502, 0.6361561215, 0.3745991197, 0.1841625225, 0.5650357168},
		{"av", Dav, 0.4246286979, 0.2177614381, 0.6314959577, 0.3771564442, 0.1934163425, 0.5608965458},
		{"b", DBecker, 0.4172887113, 0.1274219456, 0.7071554771, 0.3706370467, 0.1131765426, 0.6280975509},
	} {
		u := must(c.f(pp, nil))
		near(t, "RC15 "+c.name, u.Value, c.d, 1e-9)
		near(t, "RC15 "+c.name+" CI", u.CI.Lower, c.lo, 1e-9)
		near(t, "RC15 "+c.name+" CI", u.CI.Upper, c.hi, 1e-9)
		v := must(c.f(pp, adj))
		near(t, "RC15 "+c.name+" adjust", v.Value, c.ad, 1e-9)
		near(t, "RC15 "+c.name+" adjust CI", v.CI.Lower, c.alo, 1e-9)
		near(t, "RC15 "+c.name+" adjust CI", v.CI.Upper, c.a, 1e-9)
	}
	// RC16 (metafor 3.8-1): post 35.1 (9.5), pre 40.3 (10.2), n = 40, r = 0.6.
	pp = PrePost{Pre: Group{40.3, 10.2, 40}, Post: Group{35.1, 9.5, 40}, R: 0.6}
	c := must(Dz(pp, &Options{Correct: true}))
	near(t, "RC16 SMCC", c.Value, -0.577338910665, 1e-9)
	near(t, "RC16 SMCC vi", c.Variance, 0.0291665027221, 1e-9)
	near(t, "RC16 SMCC vi LS2", must(Dz(pp, &Options{Correct: true, Variance: LS2})).Variance, 0.0282071001593, 1e-9)
	bk := must(DBecker(pp, &Options{Correct: true}))
	near(t, "RC16 SMCR (pre SD)", bk.Value, -0.499926082464, 1e-9)
	near(t, "RC16 SMCR (pre SD) vi", bk.Variance, 0.0231240760991, 1e-9)
}

func TestReferenceConversions(t *testing.T) {
	must := mustT(t)
	const tol = 1e-9
	// RC13.
	r := must(RFromD(Estimate{Value: 0.5}, 0, 0))
	near(t, "d_to_r(0.5)", r.Value, 0.242535625036, tol)
	near(t, "d_to_r(0.5, 50, 50)", must(RFromD(Estimate{Value: 0.5}, 50, 50)).Value, 0.244851053437, tol)
	near(t, "d_to_r(0.5, 20, 80)", must(RFromD(Estimate{Value: 0.5}, 20, 80)).Value, 0.198029508595, tol)
	near(t, "r_to_d(0.3)", must(DFromR(Estimate{Value: 0.3}, 0, 0)).Value, 0.628970902033, tol)
	near(t, "oddsratio_to_d(2.5)", must(DFromLogOR(Estimate{Value: math.Log(2.5)}, Logistic)).Value, 0.505177557089, tol)
	near(t, "d_to_oddsratio(0.5)", must(LogORFromD(Estimate{Value: 0.5}, Logistic)).Value, 0.906899682117, tol)
	// RC14.
	or := Estimate{Measure: MeasureLogOR, Value: -0.883767540169, Variance: 0.199090909091}
	l := must(DFromLogOR(or, Logistic))
	near(t, "OR2DL", l.Value, -0.487246581731, tol)
	near(t, "OR2DL vi", l.Variance, 0.0605163796846, tol)
	n := must(DFromLogOR(or, Cox))
	near(t, "OR2DN", n.Value, -0.535616691011, tol)
	near(t, "OR2DN vi", n.Variance, 0.0731279739544, tol)
	d := must(CohenD(Group{38.2, 9.1, 45}, Group{42.7, 10.3, 47}, nil))
	near(t, "D2ORL", must(LogORFromD(d, Logistic)).Value, -0.838700492103, tol)
	near(t, "D2ORL vi", must(LogORFromD(d, Logistic)).Variance, 0.146928301797, tol)
	near(t, "D2ORN", must(LogORFromD(d, Cox)).Value, -0.762959696237, tol)
	near(t, "D2ORN vi", must(LogORFromD(d, Cox)).Variance, 0.121589159622, tol)
	// RC21: compute.es mes r.
	near(t, "mes r", must(RFromD(d, 45, 47)).Value, -0.227567694582, tol)
	// CI bounds map through the increasing transformation.
	rr := must(RFromD(d, 45, 47))
	near(t, "r CI lo", rr.CI.Lower, d.CI.Lower/math.Sqrt(d.CI.Lower*d.CI.Lower+90.0/45+90.0/47), 1e-15)
}

func TestReferenceNNT(t *testing.T) {
	// RC20.
	for _, c := range []struct{ d, k, f2, f3 float64 }{
		{0.2, 8.891819947, 16.51266641, 13.73297842},
		{0.5, 3.618908782, 6.012579118, 5.255784038},
		{0.8, 2.334308697, 3.528577489, 3.240733182},
		{-0.5, -3.618908782, -9.079305649, -6.794543137},
	} {
		k, _ := NNTKraemer(c.d)
		near(t, "Kraemer", k, c.k, 1e-9)
		f, _ := NNTFurukawa(c.d, 0.2)
		near(t, "Furukawa .2", f, c.f2, 1e-9)
		f, _ = NNTFurukawa(c.d, 0.3)
		near(t, "Furukawa .3", f, c.f3, 1e-9)
	}
	if k, _ := NNTKraemer(0); !math.IsInf(k, 1) {
		t.Errorf("NNTKraemer(0) = %v, want +Inf", k)
	}
}

func TestFavoring(t *testing.T) {
	e := Estimate{Measure: MeasureG, Value: -0.46, Variance: 0.04, CI: Interval{-0.87, -0.05, 0.95}}
	f := e.Favoring(LowerIsBetter)
	if f.Value != 0.46 || f.CI.Lower != 0.05 || f.CI.Upper != 0.87 || f.CI.Level != 0.95 || !f.Oriented || f.Variance != 0.04 {
		t.Errorf("Favoring(LowerIsBetter) = %+v", f)
	}
	if f2 := f.Favoring(LowerIsBetter); f2 != f {
		t.Errorf("second Favoring flipped again: %+v", f2)
	}
	if h := e.Favoring(HigherIsBetter); h != e {
		t.Errorf("Favoring(HigherIsBetter) changed the estimate: %+v", h)
	}
	if u := e.Favoring(UnknownDirection); u != e {
		t.Errorf("Favoring(UnknownDirection) changed the estimate: %+v", u)
	}
	for _, d := range []Direction{UnknownDirection, HigherIsBetter, LowerIsBetter, 7} {
		if d.String() == "" {
			t.Error("empty Direction name")
		}
	}
}
