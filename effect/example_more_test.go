package effect_test

import (
	"errors"
	"fmt"
	"math"

	"github.com/tiesproject/ties/effect"
)

// A paper prints Hedges' g with its exact interval.
func ExampleEstimate_String() {
	g, _ := effect.HedgesG(treat, control, nil)
	fmt.Println(g)
	or, _ := effect.OddsRatio(effect.Table2x2{TreatEvents: 30, TreatN: 50, ControlEvents: 20, ControlN: 50}, nil)
	fmt.Println(or)
	// Output:
	// g = −0.46 (95% CI −0.87 to −0.05)
	// OR = 2.25 (95% CI 1.01 to 5.01)
}

func ExampleEstimate_SE() {
	g, _ := effect.HedgesG(treat, control, &effect.Options{CI: effect.Wald})
	fmt.Printf("SE %.4f = √%.5f\n", g.SE(), g.Variance)
	// Output:
	// SE 0.2113 = √0.04464
}

func ExampleInterval_String() {
	iv := effect.Interval{Lower: -0.868, Upper: -0.046, Level: 0.95}
	fmt.Println(iv)
	// Output:
	// 95% CI −0.87 to −0.05
}

func ExampleInterval_Contains() {
	g, _ := effect.HedgesG(treat, control, nil)
	fmt.Println("excludes 0:", !g.CI.Contains(0))
	// Output:
	// excludes 0: true
}

func ExampleMeasure_String() {
	fmt.Println(effect.MeasureG, "|", effect.MeasureLogOR, "|", effect.MeasureDppc)
	// Output:
	// Hedges' g | log odds ratio | d_ppc2
}

func ExampleMeasure_Symbol() {
	fmt.Println(effect.MeasureG.Symbol(), effect.MeasureGlass.Symbol(), effect.MeasureLogRR.Symbol())
	// Output:
	// g Δ RR
}

func ExampleCIMethod_String() {
	fmt.Println(effect.NoncentralT, "|", effect.Newcombe, "|", effect.WaldT)
	// Output:
	// noncentral t | Newcombe (Wilson score) | Wald (t)
}

func ExampleVarianceMethod_String() {
	fmt.Println(effect.LS, effect.LS2, effect.UB)
	// Output:
	// LS LS2 UB
}

func ExampleDirection_String() {
	fmt.Println(effect.LowerIsBetter, "|", effect.DirectionFor(true))
	// Output:
	// lower is better | higher is better
}

func ExampleNNTDirection_String() {
	fmt.Println(effect.NNTBenefit, effect.NNTHarm)
	// Output:
	// NNTB NNTH
}

func ExampleNNT_String() {
	n, _ := effect.NumberNeededToTreat(effect.Table2x2{TreatEvents: 30, TreatN: 50, ControlEvents: 20, ControlN: 50}, true, nil)
	fmt.Println(n)
	// Output:
	// NNTB 5.0 (95% CI NNTB 2.7 to 218.5)
}

func ExampleRules_String() {
	fmt.Println(effect.Cohen1988, "|", effect.Sawilowsky2009)
	// Output:
	// cohen1988 | sawilowsky2009
}

func ExampleThresholdRule_String() {
	fmt.Println(effect.AtLeast, "|", effect.Below)
	// Output:
	// >= | <
}

// A failing call says which field is wrong and wraps ErrInvalidInput.
func ExampleFieldError_Error() {
	_, err := effect.HedgesG(effect.Group{Mean: 38.2, SD: -9.1, N: 45}, control, nil)
	fmt.Println(err)
	var fe *effect.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field, fe.Value)
	}
	// Output:
	// effect: treat.SD = -9.1: must be finite and positive
	// treat.SD -9.1
}

// A reader of several files says which one and which line (header = line 1).
func ExampleFieldError_file() {
	err := &effect.FieldError{File: "ties file", Line: 612, Column: "alter_b", Record: "ego P093",
		Field: "alter", Value: "a99", Reason: "not an alter this ego named"}
	fmt.Println(err)
	// Output:
	// effect: ties file, line 612, column "alter_b", ego P093: alter = "a99": not an alter this ego named
}

func ExampleFieldError_Unwrap() {
	_, err := effect.CohenD(treat, control, &effect.Options{Correct: true})
	fmt.Println(errors.Is(err, effect.ErrInvalidInput))
	fmt.Println(err)
	// Output:
	// true
	// effect: Options.Correct = true: CohenD is the uncorrected d by definition; call HedgesG for the corrected estimate
}

func ExampleJApprox() {
	fmt.Printf("J(10) = %.6f, approximation %.6f\n", effect.J(10), effect.JApprox(10))
	// Output:
	// J(10) = 0.922746, approximation 0.923077
}

func ExampleSummarize() {
	g, err := effect.Summarize("treat", []float64{38, 41, 29, 35, 44})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("mean %.1f, SD %.4f, n %d\n", g.Mean, g.SD, g.N)
	// Output:
	// mean 37.4, SD 5.7706, n 5
}

// Pre and post loneliness in one arm, correlation 0.6.
var pp = effect.PrePost{
	Pre:  effect.Group{Mean: 40.3, SD: 10.2, N: 40},
	Post: effect.Group{Mean: 35.1, SD: 9.5, N: 40},
	R:    0.6,
}

func ExampleDrm() {
	e, _ := effect.Drm(pp, nil)
	fmt.Println(e)
	// Output:
	// d_rm = −0.53 (95% CI −0.82 to −0.23)
}

func ExampleDav() {
	e, _ := effect.Dav(pp, nil)
	fmt.Println(e)
	// Output:
	// d_av = −0.53 (95% CI −0.81 to −0.25)
}

func ExampleDBecker() {
	e, _ := effect.DBecker(pp, &effect.Options{Correct: true})
	fmt.Println(e)
	// Output:
	// d_Becker = −0.50 (95% CI −0.80 to −0.20)
}

func ExampleDFromR() {
	r := effect.Estimate{Measure: effect.MeasureR, Value: -0.23, Variance: 0.0095}
	d, err := effect.DFromR(r, 45, 47)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("d = %.4f, var %.5f\n", d.Value, d.Variance)
	// Output:
	// d = -0.4676, var 0.04378
}

func ExampleLogORFromD() {
	d := effect.Estimate{Measure: effect.MeasureD, Value: -0.46, Variance: 0.045}
	lor, _ := effect.LogORFromD(d, effect.Logistic)
	fmt.Printf("log OR %.4f (OR %.3f), var %.5f\n", lor.Value, math.Exp(lor.Value), lor.Variance)
	// Output:
	// log OR -0.8343 (OR 0.434), var 0.14804
}

func ExampleNNTKraemer() {
	n, _ := effect.NNTKraemer(0.5)
	fmt.Printf("NNT %.2f\n", n)
	// Output:
	// NNT 3.62
}

func ExampleEqualClusters() {
	fmt.Println(effect.EqualClusters(3, 20))
	// Output:
	// [20 20 20]
}

func ExampleEffectiveSampleSize() {
	n, _ := effect.EffectiveSampleSize(effect.EqualClusters(10, 20), 0.05)
	fmt.Printf("%.1f\n", n)
	// Output:
	// 102.6
}

func ExampleInBand() {
	moderate := effect.InBand(20, 39)
	tab, _ := effect.TableFromScores([]float64{18, 25, 39, 44}, []float64{40, 21, 50}, moderate)
	fmt.Printf("%+v\n", tab)
	// Output:
	// {TreatEvents:2 TreatN:4 ControlEvents:1 ControlN:3}
}

func ExampleTable2x2_Validate() {
	err := effect.Table2x2{TreatEvents: 12, TreatN: 10, ControlEvents: 3, ControlN: 10}.Validate()
	fmt.Println(err)
	// Output:
	// effect: TreatEvents = 12: must lie in [0, TreatN = 10]
}

func ExampleTable2x2_HasZeroCell() {
	fmt.Println(effect.Table2x2{TreatEvents: 10, TreatN: 10, ControlEvents: 0, ControlN: 20}.HasZeroCell())
	// Output:
	// true
}

var ancovaData = effect.ANCOVAData{
	Outcome:  []float64{36, 41, 33, 45, 38, math.NaN(), 44, 47, 40, 49, 43, 46},
	Arm:      []int{1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0},
	Baseline: []float64{40, 44, 37, 47, 41, 45, 43, 46, 39, 50, 42, 45},
}

func ExampleANCOVAResult_String() {
	res, _ := effect.ANCOVA(ancovaData, nil)
	fmt.Println(res)
	// Output:
	// adjusted difference = −3.86 (95% CI −5.16 to −2.57), t(8) = −6.89, p < 0.001
}

func ExampleANCOVAResult_MeanDifference() {
	res, _ := effect.ANCOVA(ancovaData, nil)
	md := res.MeanDifference()
	fmt.Println(md, md.CIMethod, md.DF)
	// Output:
	// MD = −3.86 (95% CI −5.16 to −2.57) Wald (t) 8
}

func ExampleCoefficient_String() {
	res, _ := effect.ANCOVA(ancovaData, nil)
	fmt.Println(res.Coefficients[2])
	// Output:
	// baseline = 1.00 (SE 0.08), t = 13.02, p < 0.001
}

func ExampleAdjustedSMD_String() {
	a, _ := effect.ANCOVAFromMeans(38.9, 42.1, 7.8, 45, 47, 0.36, 1, nil)
	fmt.Println(a)
	// Output:
	// d_adj = −0.33 (95% CI −0.66 to 0.00); g_adj = −0.33 (95% CI −0.65 to 0.00)
}

var (
	bootTreat   = []float64{38, 41, 29, 35, 44, 31, 36, 40, 33, 27, 39, 42, 30, 34, 37}
	bootControl = []float64{43, 45, 38, 41, 47, 36, 44, 40, 49, 39, 42, 46}
)

func meanDiff(x, y []float64) float64 {
	var sx, sy float64
	for _, v := range x {
		sx += v
	}
	for _, v := range y {
		sy += v
	}
	return sx/float64(len(x)) - sy/float64(len(y))
}

func ExampleBootstrapResult_String() {
	res, _ := effect.BootstrapCI(bootTreat, bootControl, meanDiff, &effect.BootstrapOptions{Seed: 2026})
	fmt.Println(res)
	// Output:
	// −6.77, bootstrap SE 1.65, BCa 95% CI −10.23 to −3.68, percentile 95% CI −10.08 to −3.57 (B = 2000)
}

func ExampleBootstrapResult_ToEstimate() {
	res, _ := effect.BootstrapCI(bootTreat, bootControl, meanDiff, &effect.BootstrapOptions{Seed: 2026})
	e, _ := res.ToEstimate(effect.MeasureMD, effect.BCaInterval)
	fmt.Println(e, "|", e.CIMethod)
	// Output:
	// MD = −6.77 (95% CI −10.23 to −3.68) | bootstrap
}

func ExampleICCEstimate_String() {
	values := []float64{3, 4, 5, 4, 6, 7, 6, 8, 2, 3, 2, 4}
	clusters := []string{"a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "c"}
	icc, _ := effect.ClusterICC(values, clusters)
	fmt.Println(icc)
	// Output:
	// ICC = 0.827 (3 clusters, N = 12, n0 = 4.0)
}
