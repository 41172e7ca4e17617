package meta

import (
	"errors"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// TestMixedOrientation: an oriented g of 0.46 (benefit) and an unoriented
// g of 0.49 (also a benefit on a higher-is-better scale) must not pool to
// about zero; the error names both sides.
func TestMixedOrientation(t *testing.T) {
	a := Study{Label: "Oriented trial", Estimate: effect.Estimate{Measure: effect.MeasureG, Value: 0.46, Variance: 0.04, Oriented: true}}
	b := Study{Label: "Raw trial", Estimate: effect.Estimate{Measure: effect.MeasureG, Value: -0.49, Variance: 0.05}}
	c := Study{Label: "Raw trial 2", Estimate: effect.Estimate{Measure: effect.MeasureG, Value: -0.3, Variance: 0.05}}
	studies := []Study{a, b, c}
	check := func(name string, err error) {
		t.Helper()
		var fe *effect.FieldError
		if !errors.Is(err, ErrMixedOrientation) || !errors.Is(err, effect.ErrInvalidInput) || !errors.As(err, &fe) {
			t.Fatalf("%s: err = %v, want ErrMixedOrientation", name, err)
		}
		msg := err.Error()
		for _, want := range []string{`study 1 ("Oriented trial")`, `study 2 ("Raw trial")`, `study 3 ("Raw trial 2")`, "Favoring"} {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: %q does not name %s", name, msg, want)
			}
		}
		if fe.Record != `study 2 ("Raw trial")` || fe.Field != "Oriented" {
			t.Errorf("%s: record %q field %q", name, fe.Record, fe.Field)
		}
	}
	_, err := Pool(studies, &Options{Method: FixedEffect})
	check("Pool", err)
	_, err = LeaveOneOut(studies, nil)
	check("LeaveOneOut", err)
	_, err = Cumulative(studies, nil)
	check("Cumulative", err)
	_, err = TrimFill(studies, nil, nil)
	check("TrimFill", err)
	_, err = Egger(studies, RegMixed, nil)
	check("Egger", err)
	for i := range studies {
		studies[i].Subgroup = []string{"x", "y"}[i%2]
	}
	_, err = Subgroups(studies, nil)
	check("Subgroups", err)
}

// TestOrientationCarried: the pooled estimate, trim-and-fill's imputed
// studies and Egger's limit keep the studies' orientation.
func TestOrientationCarried(t *testing.T) {
	st := rc24()
	for i := range st {
		st[i].Value, st[i].Oriented = -st[i].Value, true // as Estimate.Favoring(effect.LowerIsBetter) does
	}
	r, err := Pool(st, nil)
	if err != nil || !r.Estimate.Oriented || r.Estimate.Value < 0 {
		t.Fatalf("Pool: oriented %v value %v err %v", r.Estimate.Oriented, r.Estimate.Value, err)
	}
	plain, _ := Pool(rc24(), nil)
	if plain.Estimate.Oriented || plain.Estimate.Value != -r.Estimate.Value {
		t.Errorf("unoriented: %v %v, oriented %v", plain.Estimate.Oriented, plain.Estimate.Value, r.Estimate.Value)
	}
	tf, err := TrimFill(st, nil, nil)
	if err != nil || !tf.Result.Estimate.Oriented {
		t.Fatalf("TrimFill: %v %v", tf.Result.Estimate.Oriented, err)
	}
	for _, f := range tf.Filled {
		if !f.Oriented {
			t.Errorf("filled %s not oriented", f.Label)
		}
	}
	e, err := Egger(st, RegMixed, nil)
	if err != nil || !e.Limit.Oriented {
		t.Errorf("Egger: %v %v", e.Limit.Oriented, err)
	}
}

// TestStudyCI: a forest row shows the CI the study's Estimate carries (the
// exact one) at the analysis level, and the Wald interval otherwise.
func TestStudyCI(t *testing.T) {
	g, err := effect.HedgesG(effect.Group{Mean: 10, SD: 2, N: 8}, effect.Group{Mean: 8, SD: 2.5, N: 7}, &effect.Options{CI: effect.NoncentralT})
	if err != nil {
		t.Fatal(err)
	}
	w := g
	w.CI, w.CIMethod = effect.Interval{}, effect.DefaultCI
	st := []Study{{Label: "exact", Estimate: g}, {Label: "bare", Estimate: w}}
	r, err := Pool(st, &Options{Method: FixedEffect})
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Studies[0]; s.CI != g.CI || s.CIMethod != effect.NoncentralT {
		t.Errorf("exact study: %v %v, want %v noncentral t", s.CI, s.CIMethod, g.CI)
	}
	z := 1.959963984540054
	if s := r.Studies[1]; s.CIMethod != effect.Wald || !near2(s.CI.Lower, g.Value-z*g.SE()) || !near2(s.CI.Upper, g.Value+z*g.SE()) {
		t.Errorf("bare study: %v %v", s.CI, s.CIMethod)
	}
	// At another level the exact 95% interval does not apply: Wald at 90%.
	r, err = Pool(st, &Options{Method: FixedEffect, Level: 0.9})
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Studies[0]; s.CIMethod != effect.Wald || s.CI.Level != 0.9 {
		t.Errorf("exact study at 90%%: %v %v", s.CI, s.CIMethod)
	}
}

func near2(a, b float64) bool { return a-b < 1e-12 && b-a < 1e-12 }
