package effect

import (
	"errors"
	"math"
	"strings"
	"testing"
)

var (
	nan  = math.NaN()
	pinf = math.Inf(1)
	okT  = Group{Mean: 38.2, SD: 9.1, N: 45}
	okC  = Group{Mean: 42.7, SD: 10.3, N: 47}
	okPP = PrePost{Pre: Group{40.3, 10.2, 40}, Post: Group{35.1, 9.5, 40}, R: 0.6}
)

// wantFieldErr checks that err wraps ErrInvalidInput and is a *FieldError
// naming field.
func wantFieldErr(t *testing.T, name string, err error, field string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error, want one naming %q", name, field)
		return
	}
	if !errors.Is(err, ErrInvalidInput) {
		t.Errorf("%s: error %v does not wrap ErrInvalidInput", name, err)
	}
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Errorf("%s: error %v is not a *FieldError", name, err)
		return
	}
	if fe.Field != field {
		t.Errorf("%s: error names field %q, want %q (%v)", name, fe.Field, field, err)
	}
	if !strings.Contains(err.Error(), field) {
		t.Errorf("%s: message %q does not name %q", name, err.Error(), field)
	}
}

func TestTwoArmInvalid(t *testing.T) {
	ctors := map[string]func(Group, Group, *Options) (Estimate, error){
		"CohenD": CohenD, "HedgesG": HedgesG, "GlassDelta": GlassDelta, "SMDH": SMDH,
	}
	cases := []struct {
		name  string
		tr    Group
		co    Group
		o     *Options
		field string
	}{
		{"NaN mean", Group{nan, 1, 10}, okC, nil, "treat.Mean"},
		{"Inf mean", okT, Group{pinf, 1, 10}, nil, "control.Mean"},
		{"NaN SD", Group{1, nan, 10}, okC, nil, "treat.SD"},
		{"Inf SD", okT, Group{1, pinf, 10}, nil, "control.SD"},
		{"zero SD", Group{1, 0, 10}, okC, nil, "treat.SD"},
		{"negative SD", okT, Group{1, -2, 10}, nil, "control.SD"},
		{"n = 1", Group{1, 1, 1}, okC, nil, "treat.N"},
		{"n = 0", okT, Group{1, 1, 0}, nil, "control.N"},
		{"negative n", okT, Group{1, 1, -5}, nil, "control.N"},
		{"level 1", okT, okC, &Options{Level: 1}, "Options.Level"},
		{"level > 1", okT, okC, &Options{Level: 95}, "Options.Level"},
		{"level < 0", okT, okC, &Options{Level: -0.5}, "Options.Level"},
		{"level NaN", okT, okC, &Options{Level: nan}, "Options.Level"},
		{"bad variance", okT, okC, &Options{Variance: 7}, "Options.Variance"},
		{"bootstrap CI", okT, okC, &Options{CI: Bootstrap}, "Options.CI"},
		{"Newcombe CI", okT, okC, &Options{CI: Newcombe}, "Options.CI"},
		{"unknown CI", okT, okC, &Options{CI: 99}, "Options.CI"},
	}
	for cname, f := range ctors {
		for _, c := range cases {
			_, err := f(c.tr, c.co, c.o)
			wantFieldErr(t, cname+"/"+c.name, err, c.field)
		}
	}
	_, err := GlassDelta(okT, Group{1, 1, 2}, &Options{Correct: true})
	wantFieldErr(t, "corrected Glass n2 = 2", err, "control.N")
	_, err = SMDH(okT, okC, &Options{Variance: UB})
	wantFieldErr(t, "SMDH UB", err, "Options.Variance")
	// Boundary cases that must work.
	for _, c := range []struct{ tr, co Group }{{Group{1, 1, 2}, Group{0, 1, 2}}, {Group{-1e6, 1e-6, 2}, Group{1e6, 1e6, 3}}} {
		for cname, f := range ctors {
			if _, err := f(c.tr, c.co, nil); err != nil {
				t.Errorf("%s(%v, %v): %v", cname, c.tr, c.co, err)
			}
		}
	}
}

func TestFromStatInvalid(t *testing.T) {
	cases := []struct {
		name  string
		f     func() (Estimate, error)
		field string
	}{
		{"FromT NaN", func() (Estimate, error) { return FromT(nan, 10, 10, nil) }, "t"},
		{"FromT Inf", func() (Estimate, error) { return FromT(pinf, 10, 10, nil) }, "t"},
		{"FromT n1", func() (Estimate, error) { return FromT(1, 1, 10, nil) }, "n1"},
		{"FromT n2", func() (Estimate, error) { return FromT(1, 10, 0, nil) }, "n2"},
		{"FromT level", func() (Estimate, error) { return FromT(1, 10, 10, &Options{Level: 2}) }, "Options.Level"},
		{"FromF negative", func() (Estimate, error) { return FromF(-1, 1, 10, 10, nil) }, "F"},
		{"FromF NaN", func() (Estimate, error) { return FromF(nan, 1, 10, 10, nil) }, "F"},
		{"FromF sign 0", func() (Estimate, error) { return FromF(4, 0, 10, 10, nil) }, "sign"},
		{"FromF sign 2", func() (Estimate, error) { return FromF(4, 2, 10, 10, nil) }, "sign"},
		{"FromF n", func() (Estimate, error) { return FromF(4, 1, 10, 1, nil) }, "n2"},
		{"FromP zero", func() (Estimate, error) { return FromP(0, 1, 10, 10, nil) }, "p"},
		{"FromP > 1", func() (Estimate, error) { return FromP(1.5, 1, 10, 10, nil) }, "p"},
		{"FromP NaN", func() (Estimate, error) { return FromP(nan, 1, 10, 10, nil) }, "p"},
		{"FromP sign", func() (Estimate, error) { return FromP(0.03, 0, 10, 10, nil) }, "sign"},
		{"FromP n1", func() (Estimate, error) { return FromP(0.03, -1, 0, 10, nil) }, "n1"},
		{"FromSamples empty", func() (Estimate, error) { return FromSamples(MeasureD, nil, []float64{1, 2}, nil) }, "treat"},
		{"FromSamples one", func() (Estimate, error) { return FromSamples(MeasureD, []float64{1, 2}, []float64{1}, nil) }, "control"},
		{"FromSamples NaN", func() (Estimate, error) {
			return FromSamples(MeasureG, []float64{1, 2, nan}, []float64{1, 2}, nil)
		}, "treat[2]"},
		{"FromSamples Inf", func() (Estimate, error) {
			return FromSamples(MeasureG, []float64{1, 2}, []float64{pinf, 2}, nil)
		}, "control[0]"},
		{"FromSamples constant", func() (Estimate, error) {
			return FromSamples(MeasureD, []float64{3, 3, 3}, []float64{1, 2}, nil)
		}, "treat"},
		{"FromSamples measure", func() (Estimate, error) {
			return FromSamples(MeasureLogOR, []float64{1, 2}, []float64{1, 2}, nil)
		}, "m"},
	}
	for _, c := range cases {
		_, err := c.f()
		wantFieldErr(t, c.name, err, c.field)
	}
}

func TestWithinInvalid(t *testing.T) {
	ctors := map[string]func(PrePost, *Options) (Estimate, error){"Dz": Dz, "Drm": Drm, "Dav": Dav, "DBecker": DBecker}
	mod := func(f func(*PrePost)) PrePost { p := okPP; f(&p); return p }
	cases := []struct {
		name  string
		pp    PrePost
		o     *Options
		field string
	}{
		{"NaN pre mean", mod(func(p *PrePost) { p.Pre.Mean = nan }), nil, "Pre.Mean"},
		{"Inf post mean", mod(func(p *PrePost) { p.Post.Mean = pinf }), nil, "Post.Mean"},
		{"zero pre SD", mod(func(p *PrePost) { p.Pre.SD = 0 }), nil, "Pre.SD"},
		{"NaN post SD", mod(func(p *PrePost) { p.Post.SD = nan }), nil, "Post.SD"},
		{"n = 1", mod(func(p *PrePost) { p.Pre.N, p.Post.N = 1, 1 }), nil, "Pre.N"},
		{"mismatched n", mod(func(p *PrePost) { p.Post.N = 39 }), nil, "Post.N"},
		{"r = 1", mod(func(p *PrePost) { p.R = 1 }), nil, "R"},
		{"r = -1", mod(func(p *PrePost) { p.R = -1 }), nil, "R"},
		{"r > 1", mod(func(p *PrePost) { p.R = 1.2 }), nil, "R"},
		{"r NaN", mod(func(p *PrePost) { p.R = nan }), nil, "R"},
		{"level", okPP, &Options{Level: 1}, "Options.Level"},
		{"UB", okPP, &Options{Variance: UB}, "Options.Variance"},
		{"corrected n = 2", mod(func(p *PrePost) { p.Pre.N, p.Post.N = 2, 2 }), &Options{Correct: true}, "Pre.N"},
	}
	for cname, f := range ctors {
		for _, c := range cases {
			_, err := f(c.pp, c.o)
			wantFieldErr(t, cname+"/"+c.name, err, c.field)
		}
	}
	_, err := Drm(okPP, &Options{CI: NoncentralT})
	wantFieldErr(t, "Drm exact CI", err, "Options.CI")
	_, err = SummarizePairs([]float64{1, 2, 3}, []float64{1, 2})
	wantFieldErr(t, "SummarizePairs lengths", err, "post")
	_, err = SummarizePairs([]float64{1, 2}, []float64{1, 2})
	wantFieldErr(t, "SummarizePairs short", err, "pre")
	_, err = SummarizePairs([]float64{1, 2, 3}, []float64{2, 4, 6})
	wantFieldErr(t, "SummarizePairs r = 1", err, "R")
	_, err = SummarizePairs([]float64{1, nan, 3}, []float64{2, 4, 6})
	wantFieldErr(t, "SummarizePairs NaN", err, "pre[1]")
}

func TestConvertInvalid(t *testing.T) {
	e := Estimate{Value: 0.5, Variance: 0.04}
	cases := []struct {
		name  string
		f     func() error
		field string
	}{
		{"RFromD n1", func() error { _, err := RFromD(e, 1, 10); return err }, "n1"},
		{"RFromD n2", func() error { _, err := RFromD(e, 10, 0); return err }, "n2"},
		{"RFromD NaN", func() error { _, err := RFromD(Estimate{Value: nan}, 0, 0); return err }, "Value"},
		{"RFromD variance", func() error { _, err := RFromD(Estimate{Value: 1, Variance: -1}, 0, 0); return err }, "Options.Variance"},
		{"DFromR |r| = 1", func() error { _, err := DFromR(Estimate{Value: 1}, 0, 0); return err }, "Value"},
		{"DFromR r > 1", func() error { _, err := DFromR(Estimate{Value: 1.5}, 0, 0); return err }, "Value"},
		{"DFromLogOR conv", func() error { _, err := DFromLogOR(e, 9); return err }, "conversion"},
		{"LogORFromD Inf", func() error { _, err := LogORFromD(Estimate{Value: pinf}, Logistic); return err }, "Value"},
		{"NNTKraemer NaN", func() error { _, err := NNTKraemer(nan); return err }, "d"},
		{"NNTFurukawa Inf", func() error { _, err := NNTFurukawa(pinf, 0.2); return err }, "d"},
		{"NNTFurukawa cer 0", func() error { _, err := NNTFurukawa(0.5, 0); return err }, "cer"},
		{"NNTFurukawa cer 1", func() error { _, err := NNTFurukawa(0.5, 1); return err }, "cer"},
		{"NNTFurukawa cer NaN", func() error { _, err := NNTFurukawa(0.5, nan); return err }, "cer"},
		{"Magnitude NaN", func() error { _, err := Magnitude(nan, Cohen1988); return err }, "d"},
		{"Magnitude rules", func() error { _, err := Magnitude(0.3, 42); return err }, "rules"},
	}
	for _, c := range cases {
		wantFieldErr(t, c.name, c.f(), c.field)
	}
}
