package meta_test

import (
	"errors"
	"fmt"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/effect/meta"
)

// trials are six synthetic loneliness trials (Hedges' g, intervention minus
// usual care; negative favours the intervention): rounded to four decimals from
// the rc24 set of testdata/golden/meta/gen.R.
func trials() []meta.Study {
	g := []float64{-0.4585, -0.1284, -0.5165, -0.0825, -0.5153, -0.0324}
	v := []float64{0.0446, 0.0647, 0.0350, 0.0771, 0.0262, 0.0513}
	kind := []string{"befriending", "peer support", "befriending", "peer support", "befriending", "peer support"}
	st := make([]meta.Study, len(g))
	for i := range g {
		st[i] = meta.Study{
			Label:    fmt.Sprintf("Trial %d", i+1),
			Subgroup: kind[i],
			Estimate: effect.Estimate{Measure: effect.MeasureG, Value: g[i], Variance: v[i]},
		}
	}
	return st
}

func ExamplePool() {
	r, err := meta.Pool(trials(), &meta.Options{Method: meta.REML, Prediction: meta.PredictRiley})
	if err != nil {
		fmt.Println(err)
		return
	}
	e := r.Estimate
	fmt.Printf("%s (%v, k=%d): %.3f [%.3f, %.3f], p=%.4f\n", e.Measure, r.Method, r.K, e.Value, e.CI.Lower, e.CI.Upper, r.P)
	fmt.Printf("tau²=%.4f [%.4f, %.4f], I²=%.1f%%, Q(%d)=%.2f, p=%.3f\n", r.Tau2, r.Tau2CI.Lower, r.Tau2CI.Upper, r.I2, r.QDF, r.Q, r.QP)
	fmt.Printf("95%% prediction interval (t, %g df): [%.3f, %.3f]\n", r.PredDF, r.Prediction.Lower, r.Prediction.Upper)
	for _, s := range r.Studies {
		fmt.Printf("%s weight %.1f%%\n", s.Label, s.Weight)
	}
	// Output:
	// Hedges' g (REML, k=6): -0.344 [-0.526, -0.161], p=0.0002
	// tau²=0.0074 [0.0000, 0.2723], I²=14.1%, Q(5)=5.75, p=0.331
	// 95% prediction interval (t, 4 df): [-0.695, 0.008]
	// Trial 1 weight 16.7%
	// Trial 2 weight 12.0%
	// Trial 3 weight 20.5%
	// Trial 4 weight 10.3%
	// Trial 5 weight 25.8%
	// Trial 6 weight 14.8%
}

func ExamplePool_knappHartung() {
	r, _ := meta.Pool(trials(), &meta.Options{Method: meta.DerSimonianLaird, KnappHartung: true})
	fmt.Printf("HKSJ: %.3f [%.3f, %.3f], t(%g)=%.2f, p=%.4f\n",
		r.Estimate.Value, r.Estimate.CI.Lower, r.Estimate.CI.Upper, r.Estimate.DF, r.Stat, r.P)
	// Output:
	// HKSJ: -0.344 [-0.582, -0.107], t(5)=-3.73, p=0.0136
}

func ExampleSubgroups() {
	a, err := meta.Subgroups(trials(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range a.Subgroups {
		r := g.Result
		fmt.Printf("%-12s k=%d %.3f [%.3f, %.3f]\n", g.Subgroup, r.K, r.Estimate.Value, r.Estimate.CI.Lower, r.Estimate.CI.Upper)
	}
	fmt.Printf("test for subgroup differences: Q(%d)=%.2f, p=%.4f\n", a.QBetweenDF, a.QBetween, a.QBetweenP)
	// Output:
	// befriending  k=3 -0.501 [-0.709, -0.294]
	// peer support k=3 -0.077 [-0.360, 0.206]
	// test for subgroup differences: Q(1)=5.62, p=0.0178
}

func ExampleLeaveOneOut() {
	steps, err := meta.LeaveOneOut(trials(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range steps {
		if s.Err != nil {
			fmt.Println(s.Label, s.Err)
			continue
		}
		fmt.Printf("without %s: %.3f, tau²=%.4f\n", s.Label, s.Result.Estimate.Value, s.Result.Tau2)
	}
	// Output:
	// without Trial 1: -0.308, tau²=0.0198
	// without Trial 2: -0.375, tau²=0.0060
	// without Trial 3: -0.292, tau²=0.0147
	// without Trial 4: -0.376, tau²=0.0045
	// without Trial 5: -0.283, tau²=0.0093
	// without Trial 6: -0.406, tau²=0.0000
}

func ExampleEgger() {
	e, _ := meta.Egger(trials(), meta.RegMixed, nil)
	fmt.Printf("regtest (mixed): z=%.3f, p=%.4f, limit estimate %.3f\n", e.Stat, e.P, e.Limit.Value)
	e, _ = meta.Egger(trials(), meta.RegClassical, nil)
	fmt.Printf("Egger (classical): t(%g)=%.3f, p=%.4f\n", e.DF, e.Stat, e.P)
	// Output:
	// regtest (mixed): z=2.025, p=0.0428, limit estimate -1.294
	// Egger (classical): t(4)=3.154, p=0.0344
}

func ExampleTrimFill() {
	tf, err := meta.TrimFill(trials(), nil, &meta.Options{Method: meta.DerSimonianLaird})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("k0=%d missing on the %v; adjusted estimate %.3f\n", tf.K0, tf.Side, tf.Result.Estimate.Value)
	for _, f := range tf.Filled {
		fmt.Printf("%s: %.3f (variance %.4f)\n", f.Label, f.Value, f.Variance)
	}
	// Output:
	// k0=2 missing on the left; adjusted estimate -0.437
	// Filled 1: -0.810 (variance 0.0771)
	// Filled 2: -0.860 (variance 0.0513)
}

func ExampleResult_String() {
	r, err := meta.Pool(trials(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	fe, _ := meta.Pool(trials(), &meta.Options{Method: meta.FixedEffect})
	fmt.Println(fe)
	// Output:
	// g = −0.34 (95% CI −0.53 to −0.16), τ² = 0.0074, I² = 14.1%, k = 6
	// g = −0.35 (95% CI −0.52 to −0.19), fixed effect, I² = 13.1%, k = 6
}

func ExampleCumulative() {
	// Add the trials one at a time (in publication order, say). The first
	// step pools one study, as metafor's cumul(): tau² = 0, I² = 0.
	steps, err := meta.Cumulative(trials(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range steps {
		if s.Err != nil {
			fmt.Println(s.Label, s.Err)
			continue
		}
		r := s.Result
		fmt.Printf("%s: k=%d %.3f [%.3f, %.3f] I²=%.1f%%\n", s.Label, r.K, r.Estimate.Value, r.Estimate.CI.Lower, r.Estimate.CI.Upper, r.I2)
	}
	// Output:
	// Trial 1: k=1 -0.459 [-0.872, -0.045] I²=0.0%
	// Trial 2: k=2 -0.324 [-0.642, -0.005] I²=0.0%
	// Trial 3: k=3 -0.407 [-0.647, -0.166] I²=0.0%
	// Trial 4: k=4 -0.354 [-0.574, -0.134] I²=0.0%
	// Trial 5: k=5 -0.406 [-0.587, -0.225] I²=0.0%
	// Trial 6: k=6 -0.344 [-0.526, -0.161] I²=14.1%
}

func ExampleMethod_String() {
	fmt.Println(meta.REML, meta.DerSimonianLaird, meta.FixedEffect, meta.PauleMandel)
	// Output:
	// REML DL FE PM
}

func ExampleSide_String() {
	tf, err := meta.TrimFill(trials(), nil, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(tf.Side, meta.SideAuto, meta.SideLeft, meta.SideRight)
	// Output:
	// left auto left right
}

func ExamplePool_orientation() {
	// Turn every study so that positive favours the intervention (lower
	// loneliness is better), as effect's Estimate.Favoring does: the
	// pooled estimate is then oriented too.
	st := trials()
	for i := range st {
		st[i].Value, st[i].Oriented = -st[i].Value, true
		st[i].CI = effect.Interval{} // a study CI, if any, would be turned as well
	}
	r, _ := meta.Pool(st, nil)
	fmt.Println(r, r.Estimate.Oriented)
	// Mixing oriented and unoriented studies is refused, naming them.
	st[1].Value, st[1].Oriented = -st[1].Value, false
	_, err := meta.Pool(st, nil)
	fmt.Println(errors.Is(err, meta.ErrMixedOrientation))
	fmt.Println(err)
	// Output:
	// g = 0.34 (95% CI 0.16 to 0.53), τ² = 0.0074, I² = 14.1%, k = 6 true
	// true
	// meta: study 2 ("Trial 2"): Oriented = false: oriented (positive favours the intervention): study 1 ("Trial 1"), study 3 ("Trial 3"), study 4 ("Trial 4"), study 5 ("Trial 5"), study 6 ("Trial 6"); not oriented (intervention minus control): study 2 ("Trial 2"); turn every study with Estimate.Favoring, or none
}
