package effect_test

import (
	"fmt"

	"github.com/tiesproject/ties/effect"
)

// A loneliness trial (UCLA-LS3 total at 6 months; lower is better):
// intervention 38.2 (SD 9.1, n = 45), usual care 42.7 (SD 10.3, n = 47).
var (
	treat   = effect.Group{Mean: 38.2, SD: 9.1, N: 45}
	control = effect.Group{Mean: 42.7, SD: 10.3, N: 47}
)

func ExampleHedgesG() {
	g, err := effect.HedgesG(treat, control, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%v = %.4f, %.0f%% CI [%.4f, %.4f] (%v, df %.0f), var %.5f\n",
		g.Measure, g.Value, 100*g.CI.Level, g.CI.Lower, g.CI.Upper, g.CIMethod, g.DF, g.Variance)
	// Output:
	// Hedges' g = -0.4585, 95% CI [-0.8681, -0.0465] (noncentral t, df 90), var 0.04464
}

func ExampleCohenD() {
	d, _ := effect.CohenD(treat, control, nil)
	w, _ := effect.CohenD(treat, control, &effect.Options{CI: effect.Wald, Level: 0.90})
	fmt.Printf("d = %.4f, exact 95%% CI [%.4f, %.4f]\n", d.Value, d.CI.Lower, d.CI.Upper)
	fmt.Printf("Wald 90%% CI [%.4f, %.4f]\n", w.CI.Lower, w.CI.Upper)
	// Output:
	// d = -0.4624, exact 95% CI [-0.8755, -0.0468]
	// Wald 90% CI [-0.8100, -0.1148]
}

func ExampleGlassDelta() {
	delta, _ := effect.GlassDelta(treat, control, nil)
	smd1, _ := effect.GlassDelta(treat, control, &effect.Options{Correct: true})
	fmt.Printf("Glass's delta %.4f [%.4f, %.4f]; corrected (metafor SMD1) %.4f\n",
		delta.Value, delta.CI.Lower, delta.CI.Upper, smd1.Value)
	// Output:
	// Glass's delta -0.4369 [-0.8300, -0.0393]; corrected (metafor SMD1) -0.4297
}

func ExampleSMDH() {
	h, _ := effect.SMDH(treat, control, &effect.Options{Correct: true})
	fmt.Printf("SMDH %.4f, var %.5f, Wald CI [%.4f, %.4f]\n", h.Value, h.Variance, h.CI.Lower, h.CI.Upper)
	// Output:
	// SMDH -0.4592, var 0.04553, Wald CI [-0.8774, -0.0410]
}

func ExampleFromT() {
	// A paper reports t(90) = -2.217 for the between-group comparison.
	g, _ := effect.FromT(-2.217, 45, 47, &effect.Options{Correct: true})
	fmt.Printf("%v = %.4f [%.4f, %.4f]\n", g.Measure, g.Value, g.CI.Lower, g.CI.Upper)
	// Output:
	// Hedges' g = -0.4585 [-0.8681, -0.0464]
}

func ExampleFromP() {
	// "p = .029, favouring the intervention (lower loneliness)": the sign
	// must be given, a two-sided p does not carry it.
	d, _ := effect.FromP(0.029, -1, 45, 47, nil)
	fmt.Printf("d = %.4f\n", d.Value)
	// Output:
	// d = -0.4628
}

func ExampleFromSamples() {
	x := []float64{3, 4, 6, 7, 5, 6, 7, 3, 5, 4, 2}
	y := []float64{4, 6, 6, 7, 6, 5, 5, 2, 3, 4, 1}
	d, _ := effect.FromSamples(effect.MeasureD, x, y, nil)
	fmt.Printf("d = %.4f [%.4f, %.4f]\n", d.Value, d.CI.Lower, d.CI.Upper)
	// Output:
	// d = 0.1538 [-0.6852, 0.9889]
}

func ExampleDz() {
	// Within the intervention arm: pre 40.3 (10.2), post 35.1 (9.5), n = 40, r = 0.6.
	pp := effect.PrePost{
		Pre:  effect.Group{Mean: 40.3, SD: 10.2, N: 40},
		Post: effect.Group{Mean: 35.1, SD: 9.5, N: 40},
		R:    0.6,
	}
	for _, f := range []func(effect.PrePost, *effect.Options) (effect.Estimate, error){effect.Dz, effect.Drm, effect.Dav, effect.DBecker} {
		e, _ := f(pp, nil)
		fmt.Printf("%-10v %.4f [%.4f, %.4f] %v\n", e.Measure, e.Value, e.CI.Lower, e.CI.Upper, e.CIMethod)
	}
	// Output:
	// d_z        -0.5887 [-0.9217, -0.2494] noncentral t
	// d_rm       -0.5266 [-0.8224, -0.2308] Wald
	// d_av       -0.5276 [-0.8053, -0.2499] Wald
	// Becker's d -0.5098 [-0.8087, -0.2110] Wald
}

func ExampleEstimate_Favoring() {
	g, _ := effect.HedgesG(treat, control, nil)
	// Loneliness: lower scores are better, so turn the estimate so that
	// positive means "favours the intervention".
	f := g.Favoring(effect.LowerIsBetter)
	fmt.Printf("%.4f [%.4f, %.4f] oriented=%v\n", f.Value, f.CI.Lower, f.CI.Upper, f.Oriented)
	// Output:
	// 0.4585 [0.0465, 0.8681] oriented=true
}

func ExampleRFromD() {
	d, _ := effect.CohenD(treat, control, nil)
	r, _ := effect.RFromD(d, treat.N, control.N)
	lor, _ := effect.LogORFromD(d, effect.Logistic)
	fmt.Printf("r = %.4f [%.4f, %.4f]; log OR = %.4f (var %.4f)\n", r.Value, r.CI.Lower, r.CI.Upper, lor.Value, lor.Variance)
	// Output:
	// r = -0.2276 [-0.4046, -0.0237]; log OR = -0.8387 (var 0.1469)
}

func ExampleNNTFurukawa() {
	k, _ := effect.NNTKraemer(0.5)
	f, _ := effect.NNTFurukawa(0.5, 0.2)
	fmt.Printf("NNT: Kraemer %.2f, Furukawa (CER 0.2) %.2f\n", k, f)
	// Output:
	// NNT: Kraemer 3.62, Furukawa (CER 0.2) 6.01
}

func ExampleMagnitude() {
	for _, r := range []effect.Rules{effect.Cohen1988, effect.Sawilowsky2009, effect.GignacSzodorai2016} {
		l, _ := effect.Magnitude(-0.46, r)
		fmt.Printf("%s: %s\n", r, l)
	}
	// Output:
	// cohen1988: small
	// sawilowsky2009: small
	// gignac2016: moderate
}

func ExampleJ() {
	fmt.Printf("J(2) = %.6f, J(90) = %.6f, J(1000) = %.6f\n", effect.J(2), effect.J(90), effect.J(1000))
	// Output:
	// J(2) = 0.564190, J(90) = 0.991640, J(1000) = 0.999250
}

func ExampleFromF() {
	// "F(1, 90) = 4.92" with the intervention arm lower: F has no sign.
	d, _ := effect.FromF(4.92, -1, 45, 47, nil)
	fmt.Printf("d = %.4f [%.4f, %.4f]\n", d.Value, d.CI.Lower, d.CI.Upper)
	// Output:
	// d = -0.4626 [-0.8757, -0.0471]
}

func ExampleSummarizePairs() {
	pre := []float64{131, 124, 130, 105, 102, 120, 101, 120}
	post := []float64{133, 134, 129, 112, 106, 125, 106, 129}
	pp, _ := effect.SummarizePairs(pre, post)
	dz, _ := effect.Dz(pp, nil)
	fmt.Printf("r = %.4f, d_z = %.4f [%.4f, %.4f]\n", pp.R, dz.Value, dz.CI.Lower, dz.CI.Upper)
	// Output:
	// r = 0.9560, d_z = 1.4224 [0.3937, 2.4063]
}

func ExampleDFromLogOR() {
	// log OR -0.8838 (var 0.1991) from a 2×2 table, converted for pooling with SMDs.
	or := effect.Estimate{Measure: effect.MeasureLogOR, Value: -0.883767540169, Variance: 0.199090909091}
	l, _ := effect.DFromLogOR(or, effect.Logistic)
	c, _ := effect.DFromLogOR(or, effect.Cox)
	fmt.Printf("logistic d = %.4f (var %.4f); Cox d = %.4f (var %.4f)\n", l.Value, l.Variance, c.Value, c.Variance)
	// Output:
	// logistic d = -0.4872 (var 0.0605); Cox d = -0.5356 (var 0.0731)
}

func ExampleDirectionFor() {
	// An instrument whose higher scores mean lonelier (HigherIsBetter false).
	g, _ := effect.HedgesG(treat, control, nil)
	fmt.Printf("%.4f\n", g.Favoring(effect.DirectionFor(false)).Value)
	// Output:
	// 0.4585
}
