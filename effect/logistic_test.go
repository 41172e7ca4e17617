package effect

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

// TestLogisticORGolden compares LogisticOR with R's glm(family = binomial)
// polished to the exact maximum (testdata/golden/effect/logistic/gen_logistic.R),
// including covariates a million and a hundred million away from zero.
func TestLogisticORGolden(t *testing.T) {
	dir := "../testdata/golden/effect/logistic/"
	type data struct {
		event, base, age []float64
		arm              []int
		site             []string
	}
	byCase := map[string]*data{}
	for _, r := range golden.ReadCSV(t, dir+"logistic_data.csv") {
		c := r.String(t, "case")
		d := byCase[c]
		if d == nil {
			d = &data{}
			byCase[c] = d
		}
		d.event = append(d.event, r.Float(t, "event"))
		d.arm = append(d.arm, r.Int(t, "arm"))
		d.base = append(d.base, r.Float(t, "baseline"))
		d.age = append(d.age, r.Float(t, "age"))
		d.site = append(d.site, r.String(t, "site"))
	}
	fits := map[string]LogisticResult{}
	checked := 0
	for _, r := range golden.ReadCSV(t, dir+"logistic_results.csv") {
		c := r.String(t, "case")
		fit, ok := fits[c]
		if !ok {
			d := byCase[c]
			f := r.String(t, "formula")
			in := BinaryData{Event: d.event, Arm: d.arm}
			if strings.Contains(f, "baseline") {
				in.Baseline = d.base
			}
			if strings.Contains(f, "age") {
				in.Covariates = []Covariate{{Name: "age", Values: d.age}}
			}
			if strings.Contains(f, "site") {
				in.Factors = []Factor{{Name: "site", Levels: d.site}}
			}
			var err error
			fit, err = LogisticOR(in, &Options{Level: 0.90})
			if err != nil {
				t.Fatalf("%s: %v", c, err)
			}
			fits[c] = fit
			golden.Close(t, c+" deviance", fit.Deviance, r.Float(t, "deviance"), 1e-10, 0)
			if fit.N != r.Int(t, "n") {
				t.Errorf("%s: N = %d, want %d", c, fit.N, r.Int(t, "n"))
			}
		}
		name := r.String(t, "coef")
		name = strings.NewReplacer("factor(site)", "site=").Replace(name)
		if name == "(Intercept)" && r.String(t, "intercept_comparable") != "TRUE" {
			continue
		}
		var co *Coefficient
		for i := range fit.Coefficients {
			if fit.Coefficients[i].Name == name {
				co = &fit.Coefficients[i]
			}
		}
		if co == nil {
			t.Fatalf("%s: no coefficient %q in %v", c, name, fit.Coefficients)
		}
		w := c + " " + name
		golden.Close(t, w+" estimate", co.Estimate, r.Float(t, "estimate"), 1e-10, 1e-13)
		golden.Close(t, w+" SE", co.SE, r.Float(t, "se"), 1e-10, 0)
		golden.Close(t, w+" z", co.T, r.Float(t, "z"), 1e-10, 1e-13)
		golden.Close(t, w+" p", co.P, r.Float(t, "p"), 1e-9, 1e-16)
		if name == "arm" {
			golden.Close(t, w+" lower", fit.OR.CI.Lower, r.Float(t, "lower90"), 1e-10, 1e-13)
			golden.Close(t, w+" upper", fit.OR.CI.Upper, r.Float(t, "upper90"), 1e-10, 1e-13)
		}
		checked++
	}
	if checked < 20 {
		t.Errorf("only %d coefficients checked", checked)
	}
}

func TestLogisticORErrors(t *testing.T) {
	nan := math.NaN()
	cases := map[string]BinaryData{
		"empty":      {},
		"length":     {Event: []float64{1, 0}, Arm: []int{1}},
		"code":       {Event: []float64{1, 2, 0, 1}, Arm: []int{1, 1, 0, 0}},
		"arm code":   {Event: []float64{1, 0, 0, 1}, Arm: []int{1, 2, 0, 0}},
		"one arm":    {Event: []float64{1, 0, nan, 1}, Arm: []int{1, 1, 0, 1}},
		"separation": {Event: []float64{1, 1, 1, 0, 0, 0}, Arm: []int{1, 1, 1, 0, 0, 0}},
		"all events": {Event: []float64{1, 1, 1, 1}, Arm: []int{1, 0, 1, 0}},
		"baseline":   {Event: []float64{1, 0, 1, 0}, Arm: []int{1, 0, 1, 0}, Baseline: []float64{1, nan, 2, 3}},
		"too few":    {Event: []float64{1, 0}, Arm: []int{1, 0}},
	}
	for name, d := range cases {
		r, err := LogisticOR(d, nil)
		if !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%s: err = %v, want ErrInvalidInput", name, err)
		}
		if r.N != 0 || r.OR != (Estimate{}) {
			t.Errorf("%s: a failing call returned a half-filled result", name)
		}
	}
	ok := BinaryData{Event: []float64{1, 0, 1, 0, 1, 1, 0, 0}, Arm: []int{1, 1, 1, 1, 0, 0, 0, 0}}
	for _, o := range []*Options{{Level: 1.5}, {CI: NoncentralT}, {Correct: true}} {
		if _, err := LogisticOR(ok, o); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("options %+v: err = %v, want ErrInvalidInput", o, err)
		}
	}
}

// The crude odds ratio of a 2×2 table is the logistic regression on arm
// alone: (a·d)/(b·c) with Woolf's variance 1/a + 1/b + 1/c + 1/d.
func TestLogisticORCrudeIsWoolf(t *testing.T) {
	var ev []float64
	var arm []int
	add := func(a, e, n int) {
		for i := 0; i < n; i++ {
			arm = append(arm, a)
			if i < e {
				ev = append(ev, 1)
			} else {
				ev = append(ev, 0)
			}
		}
	}
	add(1, 12, 40) // 12 of 40
	add(0, 5, 38)  // 5 of 38
	r, err := LogisticOR(BinaryData{Event: ev, Arm: arm}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := math.Log(12.0 * 33 / (28 * 5))
	golden.Close(t, "log OR", r.OR.Value, want, 1e-12, 0)
	golden.Close(t, "variance", r.OR.Variance, 1.0/12+1.0/28+1.0/5+1.0/33, 1e-10, 0)
}

func FuzzLogisticOR(f *testing.F) {
	f.Add([]byte{1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1}, 3.5)
	f.Add([]byte{0, 0, 0, 0, 1, 1, 1, 1}, 1e300)
	f.Fuzz(func(t *testing.T, b []byte, scale float64) {
		n := len(b)
		ev := make([]float64, n)
		arm := make([]int, n)
		base := make([]float64, n)
		for i, v := range b {
			ev[i] = float64(v & 1)
			if v&4 != 0 {
				ev[i] = math.NaN()
			}
			arm[i] = int(v>>1) & 1
			base[i] = float64(v>>3) * scale
		}
		r, err := LogisticOR(BinaryData{Event: ev, Arm: arm, Baseline: base}, nil)
		if err == nil && (math.IsNaN(r.OR.Value) || math.IsNaN(r.OR.Variance)) {
			t.Errorf("NaN result without an error")
		}
	})
}
