package meta

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// TestUnusedOptions: an option an analysis cannot use is refused, naming
// the field, never ignored.
func TestUnusedOptions(t *testing.T) {
	st := rc24()
	for _, c := range []struct {
		name  string
		call  func() error
		field string
	}{
		{"Pool FE Tol", func() error { _, err := Pool(st, &Options{Method: FixedEffect, Tol: 1e-8}); return err }, "Tol"},
		{"Pool FE MaxIter", func() error { _, err := Pool(st, &Options{Method: FixedEffect, MaxIter: 10}); return err }, "MaxIter"},
		{"LeaveOneOut FE Tol", func() error { _, err := LeaveOneOut(st, &Options{Method: FixedEffect, Tol: 1e-8}); return err }, "Tol"},
		{"Cumulative FE Tol", func() error { _, err := Cumulative(st, &Options{Method: FixedEffect, Tol: 1e-8}); return err }, "Tol"},
		{"Subgroups FE Tol", func() error { _, err := Subgroups(st, &Options{Method: FixedEffect, Tol: 1e-8}); return err }, "Tol"},
		{"TrimFill FE Tol", func() error { _, err := TrimFill(st, nil, &Options{Method: FixedEffect, Tol: 1e-8}); return err }, "Tol"},
		{"Egger Prediction", func() error { _, err := Egger(st, RegMixed, &Options{Prediction: PredictRiley}); return err }, "Prediction"},
		{"Egger lm Method", func() error { _, err := Egger(st, RegClassical, &Options{Method: DerSimonianLaird}); return err }, "Method"},
		{"Egger lm KH", func() error { _, err := Egger(st, RegClassical, &Options{KnappHartung: true}); return err }, "KnappHartung"},
	} {
		err := c.call()
		var fe *effect.FieldError
		if !errors.Is(err, ErrInvalidInput) || !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("%s: err = %v, want ErrInvalidInput naming %s", c.name, err, c.field)
		}
	}
	// What the analyses do use is accepted.
	if _, err := TrimFill(st, nil, &Options{Method: FixedEffect, MaxIter: 50}); err != nil {
		t.Errorf("TrimFill FE MaxIter (its own iterations): %v", err)
	}
	if _, err := Egger(st, RegClassical, &Options{Level: 0.9}); err != nil {
		t.Errorf("Egger lm Level: %v", err)
	}
}

// TestResultString prints as a paper does; ratio measures exponentiated.
func TestResultString(t *testing.T) {
	st := []Study{
		{Label: "a", Estimate: effect.Estimate{Measure: effect.MeasureLogOR, Value: math.Log(1.5), Variance: 0.04}},
		{Label: "b", Estimate: effect.Estimate{Measure: effect.MeasureLogOR, Value: math.Log(2.2), Variance: 0.09}},
	}
	r, err := Pool(st, &Options{Method: FixedEffect, Level: 0.9})
	if err != nil {
		t.Fatal(err)
	}
	got := r.String()
	// exp of the pooled log OR and its limits, computed by hand:
	// w = 25, 11.11; mu = (25 ln1.5 + 11.11 ln2.2)/36.11.
	w1, w2 := 1/0.04, 1/0.09
	mu := (w1*math.Log(1.5) + w2*math.Log(2.2)) / (w1 + w2)
	se := math.Sqrt(1 / (w1 + w2))
	z := 1.6448536269514722
	want := "OR = " + num(math.Exp(mu)) + " (90% CI " + num(math.Exp(mu-z*se)) + " to " + num(math.Exp(mu+z*se)) + "), fixed effect"
	if !strings.HasPrefix(got, want) || !strings.HasSuffix(got, "k = 2") {
		t.Errorf("got %q, want prefix %q", got, want)
	}
	if num(-0.456) != "−0.46" || num(-0.001) != "0.00" || small(0.00736) != "0.0074" || small(0.25) != "0.25" {
		t.Errorf("number formats: %s %s %s %s", num(-0.456), num(-0.001), small(0.00736), small(0.25))
	}
}
