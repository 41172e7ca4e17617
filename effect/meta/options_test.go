package meta

import (
	"errors"
	"math"
	"strconv"
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
		{"Pool FE Tol", func() error { _, err := Pool(st, &Options{Method: FixedEffect, Tol: 1e-8}); return err }, "Options.Tol"},
		{"Pool FE MaxIter", func() error { _, err := Pool(st, &Options{Method: FixedEffect, MaxIter: 10}); return err }, "Options.MaxIter"},
		{"LeaveOneOut FE Tol", func() error { _, err := LeaveOneOut(st, &Options{Method: FixedEffect, Tol: 1e-8}); return err }, "Options.Tol"},
		{"Cumulative FE Tol", func() error { _, err := Cumulative(st, &Options{Method: FixedEffect, Tol: 1e-8}); return err }, "Options.Tol"},
		{"Subgroups FE Tol", func() error { _, err := Subgroups(st, &Options{Method: FixedEffect, Tol: 1e-8}); return err }, "Options.Tol"},
		{"TrimFill FE Tol", func() error { _, err := TrimFill(st, nil, &Options{Method: FixedEffect, Tol: 1e-8}); return err }, "Options.Tol"},
		{"Egger Prediction", func() error { _, err := Egger(st, RegMixed, &Options{Prediction: PredictRiley}); return err }, "Options.Prediction"},
		{"Egger lm Method", func() error { _, err := Egger(st, RegClassical, &Options{Method: DerSimonianLaird}); return err }, "Options.Method"},
		{"Egger lm KH", func() error { _, err := Egger(st, RegClassical, &Options{KnappHartung: true}); return err }, "Options.KnappHartung"},
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
	f2 := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) } // positive here
	want := "OR = " + f2(math.Exp(mu)) + " (90% CI " + f2(math.Exp(mu-z*se)) + " to " + f2(math.Exp(mu+z*se)) + "), fixed effect"
	if want != "OR = 1.69 (90% CI 1.28 to 2.22), fixed effect" {
		t.Errorf("hand computation %q", want)
	}
	if !strings.HasPrefix(got, want) || !strings.HasSuffix(got, "k = 2") {
		t.Errorf("got %q, want prefix %q", got, want)
	}
	if small(0.00736) != "0.0074" || small(0.25) != "0.25" || small(-0.00736) != "−0.0074" || small(0) != "0.00" {
		t.Errorf("number formats: %s %s %s %s", small(0.00736), small(0.25), small(-0.00736), small(0))
	}
	// The estimate part is effect.Estimate.String: one formatting for a
	// pooled result and a single study.
	if e := r.Estimate.String(); !strings.HasPrefix(got, e+", ") {
		t.Errorf("got %q, want it to start with the estimate's own String %q", got, e)
	}
}
