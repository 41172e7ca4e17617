package effect_test

import (
	"fmt"
	"math"

	"github.com/tiesproject/ties/effect"
)

// A baseline-adjusted analysis of a small trial (follow-up loneliness on
// arm and baseline); the participant with a missing follow-up is excluded
// and counted. R: lm(y ~ arm + baseline) gives −3.864 (SE 0.561),
// t = −6.893, p = 0.000125, CI −5.157 to −2.572.
func ExampleANCOVA() {
	d := effect.ANCOVAData{
		Outcome:  []float64{36, 41, 33, 45, 38, math.NaN(), 44, 47, 40, 49, 43, 46},
		Arm:      []int{1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0},
		Baseline: []float64{40, 44, 37, 47, 41, 45, 43, 46, 39, 50, 42, 45},
	}
	res, err := effect.ANCOVA(d, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("adjusted difference %.2f (95%% CI %.2f to %.2f), t(%g) = %.2f, p = %.4f\n",
		res.Difference, res.CI.Lower, res.CI.Upper, res.DF, res.T, res.P)
	fmt.Printf("d over follow-up SD %.2f (%.2f to %.2f); excluded %d\n",
		res.DFollowUp.Value, res.DFollowUp.CI.Lower, res.DFollowUp.CI.Upper, res.MissingOutcome)
	// Output:
	// adjusted difference -3.86 (95% CI -5.16 to -2.57), t(8) = -6.89, p = 0.0001
	// d over follow-up SD -0.99 (-1.53 to -0.45); excluded 1
}

// Recovering a standardized effect from a paper that reports adjusted
// means, the adjusted SD and the baseline–outcome correlation (R = 0.6).
func ExampleANCOVAFromMeans() {
	e, err := effect.ANCOVAFromMeans(38.9, 42.1, 7.8, 45, 47, 0.6*0.6, 1, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("d = %.4f (var %.5f), g = %.4f, df %g\n", e.D.Value, e.D.Variance, e.G.Value, e.G.DF)
	// Output:
	// d = -0.3282 (var 0.02842), g = -0.3254, df 89
}

func ExampleMorrisPPC2() {
	treat := effect.PrePostArm{PreMean: 42.0, PreSD: 9.8, PostMean: 36.5, N: 45}
	control := effect.PrePostArm{PreMean: 41.5, PreSD: 10.1, PostMean: 40.9, N: 47}
	e, err := effect.MorrisPPC2(treat, control, 0.6, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("d_ppc2 = %.4f, var %.5f, 95%% CI [%.3f, %.3f]\n", e.Value, e.Variance, e.CI.Lower, e.CI.Upper)
	// Output:
	// d_ppc2 = -0.4881, var 0.03635, 95% CI [-0.862, -0.114]
}

func ExampleBeckerPPC() {
	treat := effect.PrePostArm{PreMean: 42.0, PreSD: 9.8, PostMean: 36.5, N: 45}
	control := effect.PrePostArm{PreMean: 41.5, PreSD: 10.1, PostMean: 40.9, N: 47}
	e, err := effect.BeckerPPC(treat, control, 0.6, 0.6, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("g_E - g_C = %.4f, var %.5f\n", e.Value, e.Variance)
	// Output:
	// g_E - g_C = -0.4932, var 0.03822
}

// A cluster-randomized befriending trial: 10 groups of 20 per arm, ICC 0.05.
func ExampleClusterDT() {
	trial := effect.ClusterTrial{
		Treat:   effect.ClusterArm{Mean: 38.0, SD: 10, ClusterSizes: effect.EqualClusters(10, 20)},
		Control: effect.ClusterArm{Mean: 42.0, SD: 10, ClusterSizes: effect.EqualClusters(10, 20)},
		ICC:     0.05,
	}
	e, err := effect.ClusterDT(trial, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	deff, _ := effect.DesignEffect(effect.EqualClusters(20, 20), 0.05)
	ess, _ := effect.EffectiveSampleSize(effect.EqualClusters(20, 20), 0.05)
	fmt.Printf("d_T = %.4f, var %.5f, 95%% CI [%.3f, %.3f]\n", e.Value, e.Variance, e.CI.Lower, e.CI.Upper)
	fmt.Printf("design effect %.2f, effective n %.1f of 400\n", deff, ess)
	// Output:
	// d_T = -0.3990, var 0.01971, 95% CI [-0.674, -0.124]
	// design effect 1.95, effective n 205.1 of 400
}

func ExampleClusterDW() {
	trial := effect.ClusterTrial{
		Treat:   effect.ClusterArm{Mean: 38.0, SD: 9.2, ClusterSizes: effect.EqualClusters(10, 20)},
		Control: effect.ClusterArm{Mean: 42.0, SD: 9.2, ClusterSizes: effect.EqualClusters(10, 20)},
		ICC:     0.05,
		SD:      effect.WithinClusterSD,
	}
	e, err := effect.ClusterDW(trial, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("d_W = %.4f, var %.5f\n", e.Value, e.Variance)
	// Output:
	// d_W = -0.4348, var 0.02078
}

// "No longer lonely" at follow-up: 56 of 70 with the intervention, 48 of 80
// with usual care.
func ExampleRiskDifference() {
	tab := effect.Table2x2{TreatEvents: 56, TreatN: 70, ControlEvents: 48, ControlN: 80}
	rd, _ := effect.RiskDifference(tab, nil)
	or, _ := effect.OddsRatio(tab, nil)
	rr, _ := effect.RiskRatio(tab, nil)
	nnt, _ := effect.NumberNeededToTreat(tab, true, nil)
	fmt.Printf("RD %.3f (%s %.4f to %.4f)\n", rd.Value, rd.CIMethod, rd.CI.Lower, rd.CI.Upper)
	fmt.Printf("OR %.2f (%.2f to %.2f)\n", math.Exp(or.Value), math.Exp(or.CI.Lower), math.Exp(or.CI.Upper))
	fmt.Printf("RR %.2f (%.2f to %.2f)\n", math.Exp(rr.Value), math.Exp(rr.CI.Lower), math.Exp(rr.CI.Upper))
	fmt.Println(nnt)
	// Output:
	// RD 0.200 (Newcombe (Wilson score) 0.0524 to 0.3339)
	// OR 2.67 (1.28 to 5.57)
	// RR 1.33 (1.08 to 1.65)
	// NNTB 5.0 (95% CI NNTB 3.0 to 19.1)
}

// When the interval for the risk difference includes zero, the NNT interval
// runs through infinity (Altman 1998).
func ExampleNumberNeededToTreat() {
	tab := effect.Table2x2{TreatEvents: 20, TreatN: 50, ControlEvents: 17, ControlN: 50}
	nnt, _ := effect.NumberNeededToTreat(tab, true, nil)
	fmt.Println(nnt)
	// Output:
	// NNTB 16.7 (95% CI NNTH 7.9 to ∞ to NNTB 4.2)
}

// Responders defined by a score band: UCLA-3 totals of 6 or more count as
// "lonely" (the event is harmful).
func ExampleTableFromThreshold() {
	treat := []float64{4, 7, 5, 3, 6, 4, 5, 8, 3, 4}
	control := []float64{7, 6, 8, 5, 9, 6, 7, 4, 6, 8}
	tab, err := effect.TableFromThreshold(treat, control, 6, effect.AtLeast)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%+v\n", tab)
	// Output:
	// {TreatEvents:3 TreatN:10 ControlEvents:8 ControlN:10}
}

// Hedges' g of two samples with its large-sample variance, to bootstrap.
func hedgesG(x, y []float64) float64 {
	mean := func(v []float64) float64 {
		s := 0.0
		for _, a := range v {
			s += a
		}
		return s / float64(len(v))
	}
	m1, m2 := mean(x), mean(y)
	var ss float64
	for _, a := range x {
		ss += (a - m1) * (a - m1)
	}
	for _, a := range y {
		ss += (a - m2) * (a - m2)
	}
	df := float64(len(x) + len(y) - 2)
	lg1, _ := math.Lgamma(df / 2)
	lg2, _ := math.Lgamma((df - 1) / 2)
	j := math.Exp(lg1 - 0.5*math.Log(df/2) - lg2)
	return j * (m1 - m2) / math.Sqrt(ss/df)
}

// A BCa interval for Hedges' g with 2000 resamples within each arm; the
// same seed always gives the same interval. (R's boot on the same data,
// testdata/golden/effect/bootstrap/gen.R, gives BCa [−2.21, −0.68],
// percentile [−2.42, −0.83], studentized [−2.07, −0.59]: equal up to Monte
// Carlo error.)
func ExampleBootstrapCI() {
	treat := []float64{38, 41, 29, 35, 44, 31, 36, 40, 33, 27, 39, 42, 30, 34, 37}
	control := []float64{43, 45, 38, 41, 47, 36, 44, 40, 49, 39, 42, 46}
	variance := func(x, y []float64) float64 {
		n1, n2, g := float64(len(x)), float64(len(y)), hedgesG(x, y)
		return 1/n1 + 1/n2 + g*g/(2*(n1+n2))
	}
	res, err := effect.BootstrapCI(treat, control, hedgesG, &effect.BootstrapOptions{Seed: 2026, Variance: variance})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("g = %.3f\n", res.Estimate)
	fmt.Printf("BCa [%.2f, %.2f]\n", res.BCa.Lower, res.BCa.Upper)
	fmt.Printf("percentile [%.2f, %.2f]\n", res.Percentile.Lower, res.Percentile.Upper)
	fmt.Printf("studentized [%.2f, %.2f]\n", res.Studentized.Lower, res.Studentized.Upper)
	// Output:
	// g = -1.431
	// BCa [-2.17, -0.69]
	// percentile [-2.39, -0.80]
	// studentized [-2.11, -0.61]
}

// From the t statistic of the arm in a reported ANCOVA (compute.es a.tes).
func ExampleANCOVAFromT() {
	e, err := effect.ANCOVAFromT(-2.0, 45, 47, 0.36, 1, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("d = %.4f (95%% CI %.3f to %.3f), g = %.4f\n", e.D.Value, e.D.CI.Lower, e.D.CI.Upper, e.G.Value)
	// Output:
	// d = -0.3337 (95% CI -0.664 to -0.003), g = -0.3309
}

// A table with a zero cell gets 0.5 added to every cell, as in metafor
// (escalc("OR", ai=0, n1i=25, ci=4, n2i=25): yi −2.367850, vi 2.307950).
func ExampleOddsRatio() {
	tab := effect.Table2x2{TreatEvents: 0, TreatN: 25, ControlEvents: 4, ControlN: 25}
	e, err := effect.OddsRatio(tab, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("zero cell: %v; log OR %.4f (var %.4f); OR %.3f\n", tab.HasZeroCell(), e.Value, e.Variance, math.Exp(e.Value))
	// Output:
	// zero cell: true; log OR -2.3679 (var 2.3079); OR 0.094
}

func ExampleDesignEffect() {
	// Unequal group sizes in a peer-support trial, ICC 0.03.
	sizes := []int{6, 8, 12, 5, 9, 14, 7, 10}
	deff, _ := effect.DesignEffect(sizes, 0.03)
	ess, _ := effect.EffectiveSampleSize(sizes, 0.03)
	fmt.Printf("DEFF %.4f, effective n %.1f of 71\n", deff, ess)
	// Output:
	// DEFF 1.2637, effective n 56.2 of 71
}

// Any responder definition works as a predicate, here an improvement of at
// least 3 points on a network-size score.
func ExampleTableFromScores() {
	changeTreat := []float64{4, 1, 3, 5, 0, 2, 6, 3}
	changeControl := []float64{1, 0, 2, 3, -1, 0, 1, 2}
	tab, _ := effect.TableFromScores(changeTreat, changeControl, func(s float64) bool { return s >= 3 })
	fmt.Printf("%d/%d vs %d/%d improved\n", tab.TreatEvents, tab.TreatN, tab.ControlEvents, tab.ControlN)
	// Output:
	// 5/8 vs 1/8 improved
}

// The risk ratio of being lonely at follow-up, 12 of 45 with the
// intervention against 22 of 47 with usual care. metafor (escalc "RR")
// gives log RR −0.5627 (variance 0.08529), i.e. RR 0.570 (0.321 to 1.010).
func ExampleRiskRatio() {
	e, err := effect.RiskRatio(effect.Table2x2{TreatEvents: 12, TreatN: 45, ControlEvents: 22, ControlN: 47}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("log RR %.4f (variance %.5f)\n", e.Value, e.Variance)
	fmt.Printf("RR %.3f (95%% CI %.3f to %.3f)\n", math.Exp(e.Value), math.Exp(e.CI.Lower), math.Exp(e.CI.Upper))
	// Output:
	// log RR -0.5627 (variance 0.08529)
	// RR 0.570 (95% CI 0.321 to 1.010)
}

// The intraclass correlation of a baseline score within three care teams,
// for a design effect. R: summary(aov(y ~ team)) gives MSB 7.0583 and
// MSW 1.4222; with n0 = 3.9167, (MSB − MSW)/(MSB + (n0 − 1)·MSW) = 0.5029.
func ExampleClusterICC() {
	y := []float64{4, 5, 6, 5, 7, 8, 7, 9, 5, 4, 6, 5}
	team := []string{"A", "A", "A", "A", "B", "B", "B", "B", "B", "C", "C", "C"}
	e, err := effect.ClusterICC(y, team)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("ICC %.4f (MSB %.4f, MSW %.4f, n0 %.4f, %d clusters)\n", e.ICC, e.MSB, e.MSW, e.N0, e.Clusters)
	// Output:
	// ICC 0.5029 (MSB 7.0583, MSW 1.4222, n0 3.9167, 3 clusters)
}
