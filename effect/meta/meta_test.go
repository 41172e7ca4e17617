package meta

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// rc24 are six synthetic loneliness trials: escalc("SMD") of the summaries
// in testdata/golden/meta/gen.R (metafor 3.8-1).
func rc24() []Study {
	y := []float64{-0.458533952061462, -0.128427005268723, -0.516481679988299, -0.0825122048617485, -0.515274274028105, -0.0324266842301559}
	v := []float64{0.0446414994081699, 0.0647163453952873, 0.0350383566793994, 0.0771025011134904, 0.0261607266732824, 0.0513225297932365}
	st := make([]Study, len(y))
	for i := range y {
		st[i] = Study{Label: string(rune('A' + i)), Subgroup: []string{"befriending", "peer support"}[i%2],
			Estimate: effect.Estimate{Measure: effect.MeasureG, Value: y[i], Variance: v[i]}}
	}
	return st
}

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if !(math.Abs(got-want) <= tol) {
		t.Errorf("%s: got %.12g, want %.12g (tol %g)", what, got, want, tol)
	}
}

// TestRC24 checks metafor's converged fits of the rc24 trials
// (metafor 3.8-1 with threshold 1e-14 / tol 1e-15).
func TestRC24(t *testing.T) {
	st := rc24()
	for _, c := range []struct {
		m          Method
		tau2, mu   float64
		se, i2, h2 float64
	}{
		{FixedEffect, 0, -0.353060382567, 0.0854131731352, 13.03482749, 1.149885605},
		{DerSimonianLaird, 0.00674730655544, -0.344518469058, 0.0924821624956, 13.03482749, 1.149885605},
		{REML, 0.00735733517149, -0.34386299423, 0.0930849282239, 14.04776402, 1.163436865},
		{ML, 0, -0.353060382567, 0.0854131731352, 0, 1},
		{PauleMandel, 0.00670705151936, -0.34456230424, 0.0924421991991, 12.96714469, 1.148991374},
		{EmpiricalBayes, 0.00670705151936, -0.34456230424, 0.0924421991991, 12.96714469, 1.148991374},
		{HunterSchmidt, 0, -0.353060382567, 0.0854131731352, 0, 1},
		{SidikJonkman, 0.0257851594499, -0.329591086159, 0.109350868847, 36.41892757, 1.572795113},
		{Hedges, 0.00335776659281, -0.34848523544, 0.0890300399309, 6.941242783, 1.074589893},
	} {
		r, err := Pool(st, &Options{Method: c.m})
		if err != nil {
			t.Fatal(err)
		}
		name := c.m.String()
		near(t, name+" tau2", r.Tau2, c.tau2, 1e-12)
		near(t, name+" mu", r.Estimate.Value, c.mu, 1e-11)
		near(t, name+" se", r.Estimate.SE(), c.se, 1e-12)
		near(t, name+" I2", r.I2, c.i2, 1e-8)
		near(t, name+" H2", r.H2, c.h2, 1e-9)
		near(t, name+" Q", r.Q, 5.74942802455, 1e-10)
		near(t, name+" Q p", r.QP, 0.3313691547, 1e-10)
		if r.Estimate.Measure != effect.MeasureG {
			t.Errorf("%s: measure %v", name, r.Estimate.Measure)
		}
	}
	// The ML maximum is on the boundary: exactly zero, not metafor's 1.8e-6.
	if r, _ := Pool(st, &Options{Method: ML}); r.Tau2 != 0 {
		t.Errorf("ML tau2 = %g, want exactly 0", r.Tau2)
	}
	// RC25: Knapp-Hartung with DL.
	r, _ := Pool(st, &Options{Method: DerSimonianLaird, KnappHartung: true})
	near(t, "KH se", r.Estimate.SE(), 0.0924461730874, 1e-12)
	near(t, "KH lower", r.Estimate.CI.Lower, -0.58215892237, 1e-10)
	near(t, "KH upper", r.Estimate.CI.Upper, -0.106878015745, 1e-10)
	near(t, "KH t", r.Stat, -3.726692599, 1e-9)
	near(t, "KH p", r.P, 0.01361748215, 1e-10)
	if r.Estimate.DF != 5 || r.Estimate.CIMethod != effect.WaldT {
		t.Errorf("KH: DF %v, CI method %v", r.Estimate.DF, r.Estimate.CIMethod)
	}
	// RC25: prediction intervals and Q-profile CI of the converged REML fit.
	r, _ = Pool(st, nil)
	near(t, "PI z lower", r.Prediction.Lower, -0.59195246865, 1e-10)
	near(t, "PI z upper", r.Prediction.Upper, -0.095773519809, 1e-10)
	near(t, "tau2 CI upper", r.Tau2CI.Upper, 0.27220118603961, 1e-11)
	near(t, "I2 CI upper", r.I2CI.Upper, 85.808990331247, 1e-8)
	near(t, "H2 CI upper", r.H2CI.Upper, 7.046714950818, 1e-9)
	if r.Tau2CI.Lower != 0 || r.I2CI.Lower != 0 || r.H2CI.Lower != 1 {
		t.Errorf("lower bounds %v %v %v, want 0 0 1", r.Tau2CI.Lower, r.I2CI.Lower, r.H2CI.Lower)
	}
	r, _ = Pool(st, &Options{Prediction: PredictRiley})
	near(t, "PI Riley lower", r.Prediction.Lower, -0.69530149633, 1e-10)
	near(t, "PI Riley upper", r.Prediction.Upper, 0.007575507875, 1e-10)
	if r.PredDF != 4 {
		t.Errorf("Riley df %v, want 4", r.PredDF)
	}
	r, _ = Pool(st, &Options{Method: DerSimonianLaird, Prediction: PredictRiley})
	near(t, "DL PI Riley lower", r.Prediction.Lower, -0.68794864563, 1e-10)
	near(t, "DL PI Riley upper", r.Prediction.Upper, -0.0010882924818, 1e-10)
}

// TestRC26 checks Egger's tests and trim-and-fill against metafor's
// regtest() and trimfill().
func TestRC26(t *testing.T) {
	st := rc24()
	e, err := Egger(st, RegMixed, nil)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "regtest z", e.Stat, 2.024023613, 1e-9)
	near(t, "regtest p", e.P, 0.0429677222, 1e-10)
	near(t, "limit estimate", e.Limit.Value, -1.29225022, 1e-8)
	e, _ = Egger(st, RegClassical, nil)
	near(t, "lm t", e.Stat, 3.148771471, 1e-9)
	near(t, "lm p", e.P, 0.03455481529, 1e-10)
	if e.DF != 4 {
		t.Errorf("lm df %v", e.DF)
	}
	tf, err := TrimFill(st, nil, &Options{Method: DerSimonianLaird})
	if err != nil {
		t.Fatal(err)
	}
	if tf.K0 != 2 || tf.Side != SideLeft || len(tf.Filled) != 2 || len(tf.Result.Studies) != 8 || !tf.Result.Studies[7].Filled {
		t.Errorf("trim-and-fill: k0 %d side %v filled %d", tf.K0, tf.Side, len(tf.Filled))
	}
	near(t, "trimfill DL mu", tf.Result.Estimate.Value, -0.4367995023, 1e-10)
}

// TestRC27 is the homogeneous set: every estimator truncates at zero
// (statsmodels returns a negative DL tau² here).
func TestRC27(t *testing.T) {
	y := []float64{-0.30, -0.28, -0.33, -0.31}
	v := []float64{0.04, 0.05, 0.045, 0.06}
	st := make([]Study, 4)
	for i := range y {
		st[i].Value, st[i].Variance = y[i], v[i]
	}
	for _, m := range []Method{DerSimonianLaird, REML, PauleMandel, ML, EmpiricalBayes, HunterSchmidt, Hedges} {
		r, err := Pool(st, &Options{Method: m})
		if err != nil {
			t.Fatal(err)
		}
		if r.Tau2 != 0 || r.I2 != 0 || r.H2 != 1 {
			t.Errorf("%v: tau2 %g I2 %g H2 %g", m, r.Tau2, r.I2, r.H2)
		}
		near(t, m.String()+" mu", r.Estimate.Value, -0.305165562914, 1e-12)
		near(t, m.String()+" se", r.Estimate.SE(), 0.109181178787, 1e-12)
		near(t, m.String()+" Q", r.Q, 0.0274282560706, 1e-12)
		if r.Tau2CI.Lower != 0 || r.Tau2CI.Upper != 0 {
			t.Errorf("%v: tau2 CI %v, want [0, 0] (Q below both chi-square quantiles)", m, r.Tau2CI)
		}
	}
}

// TestDagostinoBoundary: REML and ML are exactly zero while DL is positive.
func TestDagostinoBoundary(t *testing.T) {
	st := readStudies(t, "dagostino1998")
	for _, m := range []Method{REML, ML} {
		r, err := Pool(st, &Options{Method: m})
		if err != nil {
			t.Fatal(err)
		}
		if r.Tau2 != 0 {
			t.Errorf("%v: tau2 = %g, want exactly 0", m, r.Tau2)
		}
	}
	if r, _ := Pool(st, &Options{Method: DerSimonianLaird}); !(r.Tau2 > 0) {
		t.Errorf("DL tau2 = %g, want > 0", r.Tau2)
	}
}

func TestInvalidInput(t *testing.T) {
	good := rc24()
	with := func(i int, f func(*Study)) []Study {
		s := append([]Study(nil), good...)
		f(&s[i])
		return s
	}
	for _, c := range []struct {
		name    string
		studies []Study
		o       *Options
		target  error
		mention string
	}{
		{"NaN value", with(2, func(s *Study) { s.Value = math.NaN() }), nil, effect.ErrInvalidInput, `study 3 ("C")`},
		{"Inf value", with(1, func(s *Study) { s.Value = math.Inf(-1) }), nil, effect.ErrInvalidInput, `study 2 ("B")`},
		{"NaN variance", with(3, func(s *Study) { s.Variance = math.NaN() }), nil, effect.ErrInvalidInput, `"D"`},
		{"Inf variance", with(3, func(s *Study) { s.Variance = math.Inf(1) }), nil, effect.ErrInvalidInput, "Variance"},
		{"zero variance", with(4, func(s *Study) { s.Variance = 0 }), nil, effect.ErrInvalidInput, `study 5 ("E")`},
		{"negative variance", with(0, func(s *Study) { s.Variance = -0.1 }), nil, effect.ErrInvalidInput, "must be positive"},
		{"mixed measures", with(5, func(s *Study) { s.Measure = effect.MeasureLogOR }), nil, ErrMixedMeasures, `"F"`},
		{"empty", nil, nil, ErrTooFewStudies, "got 0"},
		{"one study FE with KH", good[:1], &Options{Method: FixedEffect, KnappHartung: true}, ErrTooFewStudies, "at least 2"},
		{"bad level", good, &Options{Level: 1.5}, effect.ErrInvalidInput, "Level"},
		{"NaN level", good, &Options{Level: math.NaN()}, effect.ErrInvalidInput, "Level"},
		{"bad method", good, &Options{Method: Method(42)}, effect.ErrInvalidInput, "Method"},
		{"bad tol", good, &Options{Tol: -1}, effect.ErrInvalidInput, "Tol"},
		{"bad prediction", good, &Options{Prediction: 9}, effect.ErrInvalidInput, "Prediction"},
	} {
		_, err := Pool(c.studies, c.o)
		if !errors.Is(err, c.target) || !strings.Contains(err.Error(), c.mention) {
			t.Errorf("%s: err = %v; want %v mentioning %q", c.name, err, c.target, c.mention)
		}
	}
	// One study with a fixed effect is fine: the pooled value is the study's.
	r, err := Pool(good[:1], &Options{Method: FixedEffect})
	if err != nil || r.Estimate.Value != good[0].Value {
		t.Errorf("FE k=1: %v %v", r.Estimate.Value, err)
	}
	var fe *effect.FieldError
	if _, err := Pool(with(2, func(s *Study) { s.Variance = 0 }), nil); !errors.As(err, &fe) || fe.Record != `study 3 ("C")` ||
		fe.Field != "Variance" || !errors.Is(err, ErrInvalidInput) || !errors.Is(err, effect.ErrInvalidInput) {
		t.Errorf("FieldError: %#v", err)
	}
	// Every entry point validates.
	bad := with(2, func(s *Study) { s.Variance = -1 })
	if _, err := Subgroups(bad, nil); !errors.Is(err, effect.ErrInvalidInput) {
		t.Errorf("Subgroups: %v", err)
	}
	if _, err := LeaveOneOut(bad, nil); !errors.Is(err, effect.ErrInvalidInput) {
		t.Errorf("LeaveOneOut: %v", err)
	}
	if _, err := Cumulative(bad, nil); !errors.Is(err, effect.ErrInvalidInput) {
		t.Errorf("Cumulative: %v", err)
	}
	if _, err := Egger(bad, RegMixed, nil); !errors.Is(err, effect.ErrInvalidInput) {
		t.Errorf("Egger: %v", err)
	}
	if _, err := TrimFill(bad, nil, nil); !errors.Is(err, effect.ErrInvalidInput) {
		t.Errorf("TrimFill: %v", err)
	}
	if _, err := Egger(good[:2], RegClassical, nil); !errors.Is(err, ErrTooFewStudies) {
		t.Errorf("Egger k=2: %v", err)
	}
	if _, err := TrimFill(good[:2], nil, nil); !errors.Is(err, ErrTooFewStudies) {
		t.Errorf("TrimFill k=2: %v", err)
	}
	if _, err := Egger(good, RegModel(7), nil); !errors.Is(err, effect.ErrInvalidInput) {
		t.Errorf("Egger model: %v", err)
	}
	if _, err := TrimFill(good, &TrimFillOptions{Side: Side(5)}, nil); !errors.Is(err, effect.ErrInvalidInput) {
		t.Errorf("TrimFill side: %v", err)
	}
	// Equal standard errors make the Egger regression singular.
	eq := append([]Study(nil), good...)
	for i := range eq {
		eq[i].Variance = 0.05
	}
	if _, err := Egger(eq, RegClassical, nil); !errors.Is(err, effect.ErrInvalidInput) {
		t.Errorf("Egger equal SEs: %v", err)
	}
}

func TestSubgroupErrors(t *testing.T) {
	st := rc24()
	st[3].Subgroup = ""
	_, err := Subgroups(st, nil)
	if !errors.Is(err, ErrSubgroup) || !errors.Is(err, effect.ErrInvalidInput) || !strings.Contains(err.Error(), `study 4 ("D")`) {
		t.Errorf("missing label: %v", err)
	}
	st = rc24()
	for i := range st {
		st[i].Subgroup = "all"
	}
	if _, err := Subgroups(st, nil); !errors.Is(err, ErrSubgroup) {
		t.Errorf("one subgroup: %v", err)
	}
}

func TestStepsKeepEveryRow(t *testing.T) {
	st := rc24()[:2]
	loo, err := LeaveOneOut(st, nil)
	if err != nil || len(loo) != 2 {
		t.Fatalf("LeaveOneOut: %v, %d steps", err, len(loo))
	}
	for i, s := range loo {
		if s.Err != nil || s.Index != i || s.Label != st[i].Label || s.Result.K != 1 || s.Result.I2 != 0 || s.Result.H2 != 1 {
			t.Errorf("step %d: %+v", i, s)
		}
	}
	cu, _ := Cumulative(rc24(), &Options{KnappHartung: true})
	if len(cu) != 6 || !errors.Is(cu[0].Err, ErrTooFewStudies) || cu[5].Err != nil || cu[5].Result.K != 6 {
		t.Errorf("Cumulative: %d steps, first err %v", len(cu), cu[0].Err)
	}
}

// TestWeightsSumTo100 and the per-study CI are what the forest plot draws.
func TestStudyResults(t *testing.T) {
	r, err := Pool(rc24(), &Options{Level: 0.9})
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for i, s := range r.Studies {
		sum += s.Weight
		z := 1.6448536269514722
		near(t, "study CI", s.CI.Lower, s.Value-z*math.Sqrt(s.Variance), 1e-12)
		if s.CI.Level != 0.9 || s.Label != rc24()[i].Label {
			t.Errorf("study %d: %+v", i, s)
		}
	}
	near(t, "weights", sum, 100, 1e-12)
}

// TestLargeK exercises the O(k) path on a million studies with a known
// answer: equal variances make REML's tau² the moment estimate
// sum((y-ybar)²)/(k-1) - v.
func TestLargeK(t *testing.T) {
	if testing.Short() {
		t.Skip("large k")
	}
	k := 200000
	st := make([]Study, k)
	var mean float64
	for i := range st {
		// A deterministic spread: y_i on a grid, v = 0.01.
		st[i].Value = float64(i%1000)/1000 - 0.5
		st[i].Variance = 0.01
		mean += st[i].Value
	}
	mean /= float64(k)
	var ss float64
	for _, s := range st {
		ss += (s.Value - mean) * (s.Value - mean)
	}
	r, err := Pool(st, nil)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "REML tau2", r.Tau2, ss/float64(k-1)-0.01, 1e-12)
}

// TestSingletonSubgroup: a subgroup with one study is pooled as a fixed
// effect (its own estimate), as metafor does for k = 1.
func TestSingletonSubgroup(t *testing.T) {
	st := rc24()
	st[5].Subgroup = "peer mentoring"
	a, err := Subgroups(st, &Options{KnappHartung: true})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, g := range a.Subgroups {
		if g.Result.K == 1 {
			found = true
			s := st[g.Index[0]]
			if g.Result.Method != FixedEffect || g.Result.Estimate.Value != s.Value || g.Result.Estimate.Variance != s.Variance {
				t.Errorf("subgroup %s: %+v", g.Subgroup, g.Result.Estimate)
			}
		}
	}
	if !found {
		t.Fatal("no singleton subgroup")
	}
	if a.QBetweenDF != len(a.Subgroups)-1 || !(a.QBetweenP > 0 && a.QBetweenP < 1) {
		t.Errorf("Q between: %v on %d df, p %v", a.QBetween, a.QBetweenDF, a.QBetweenP)
	}
}
