package mmrm

import (
	"errors"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/tiesproject/ties/effect"
)

// TestMeanModelErrors: every option or data combination that the regression
// mean models cannot use is an input error that names the field.
func TestMeanModelErrors(t *testing.T) {
	growth := readGrowth(t)
	withBase := *growth
	withBase.Baseline = make([]float64, len(growth.Outcome))
	noArm := *growth
	noArm.Arm = nil
	noArm.Covariates = nil
	armOnly := *growth
	armOnly.Covariates = nil
	withFactor := armOnly
	withFactor.Factors = []effect.Factor{{Name: "sex", Levels: growth.Arm}}
	withAgeFactor := armOnly
	withAgeFactor.Factors = []effect.Factor{{Name: "age", Levels: growth.Visit}}
	for _, tc := range []struct {
		name  string
		d     *Data
		o     Options
		field string
	}{
		{"unknown mean model", growth, Options{Mean: MeanModel(7)}, "Mean"},
		{"negative mean model", growth, Options{Mean: MeanModel(-1)}, "Mean"},
		{"between-within with a within-subject factor", &withAgeFactor, Options{Mean: Covariates, Structure: CS, DF: BetweenWithin}, "DF"},
		{"baseline with covariates", &withBase, Options{Mean: Covariates}, "Baseline"},
		{"baseline with intercept only", &withBase, Options{Mean: InterceptOnly}, "Baseline"},
		{"covariates with intercept only", growth, Options{Mean: InterceptOnly}, "Mean"},
		{"factors with intercept only", &withFactor, Options{Mean: InterceptOnly}, "Mean"},
		{"control with intercept only", &armOnly, Options{Mean: InterceptOnly, Control: "M"}, "Control"},
		{"by arm without arms", &noArm, Options{Mean: InterceptOnly, ByArm: true}, "ByArm"},
		{"control without arms", &noArm, Options{Mean: Covariates, Control: "M"}, "Control"},
		{"arm × visit without arms", &noArm, Options{}, "Arm"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.o
			r, err := Fit(tc.d, &o)
			if err == nil {
				t.Fatalf("no error; result %v", r)
			}
			var fe *effect.FieldError
			if !errors.Is(err, ErrInvalidInput) || !errors.As(err, &fe) || !strings.Contains(fe.Field, tc.field) {
				t.Errorf("error %v: want an ErrInvalidInput naming %s", err, tc.field)
			}
			if r != nil {
				t.Error("a failing call returned a result")
			}
		})
	}
}

// TestMeanModelOptions: the options that do make sense with a regression
// mean model work with it and agree with their identities.
func TestMeanModelOptions(t *testing.T) {
	d := readGrowth(t)
	base := Options{Mean: Covariates, Control: "M"}
	sat, err := Fit(d, &base)
	if err != nil {
		t.Fatal(err)
	}
	if sat.Mean != Covariates || len(sat.Coefficients) != 4 || sat.LSMeans != nil {
		t.Fatalf("result %v", sat)
	}
	// For a 1-df contrast the Kenward–Roger df equal Satterthwaite's; for
	// US, KR and KR-linear coincide (Σ is linear in θ).
	for _, dfm := range []DFMethod{KenwardRoger, KenwardRogerLinear} {
		o := base
		o.DF = dfm
		kr, err := Fit(d, &o)
		if err != nil {
			t.Fatal(err)
		}
		for j, c := range kr.Coefficients {
			if !closeTo(c.DF, sat.Coefficients[j].DF, 1e-8, 0) || !(c.SE >= sat.Coefficients[j].SE*(1-1e-12)) {
				t.Errorf("%v %s: df %g SE %g, Satterthwaite df %g SE %g", dfm, c.Name, c.DF, c.SE, sat.Coefficients[j].DF, sat.Coefficients[j].SE)
			}
		}
	}
	o := base
	o.DF = Residual
	res, err := Fit(d, &o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Coefficients[0].DF != 104 {
		t.Errorf("residual df %g, want 108 − 4", res.Coefficients[0].DF)
	}
	for _, cm := range []CovMethod{CR0, CR2, Jackknife} {
		o := base
		o.Cov = cm
		r, err := Fit(d, &o)
		if err != nil {
			t.Fatalf("%v: %v", cm, err)
		}
		for j, c := range r.Coefficients {
			if !(c.SE > 0) || !(c.DF > 0) || c.Estimate != sat.Coefficients[j].Estimate {
				t.Errorf("%v %s: %+v", cm, c.Name, c)
			}
		}
	}
	// Between-within: without the unstructured exception, age and age × F
	// change within subjects and get N − n − 2 = 79 df, the intercept and
	// F 27 − 2 = 25.
	o = base
	o.Structure, o.DF = CS, BetweenWithin
	bw, err := Fit(d, &o)
	if err != nil {
		t.Fatal(err)
	}
	for j, want := range []float64{25, 25, 79, 79} {
		if c := bw.Coefficients[j]; c.DF != want {
			t.Errorf("CS between-within df of %s = %g, want %g", c.Name, c.DF, want)
		}
	}
	o = base
	o.ByArm = true
	by, err := Fit(d, &o)
	if err != nil {
		t.Fatal(err)
	}
	if len(by.Covariance) != 2 || len(by.Theta) != 20 {
		t.Errorf("by arm: %d covariance matrices, %d parameters", len(by.Covariance), len(by.Theta))
	}
	// With a separate covariance per sex and sex-specific lines, each
	// sex's coefficients are its own GLS fit: the boys' intercept and slope
	// equal those of a fit to the boys alone.
	var boys Data
	for i, a := range d.Arm {
		if a == "M" {
			boys.Subject = append(boys.Subject, d.Subject[i])
			boys.Visit = append(boys.Visit, d.Visit[i])
			boys.Outcome = append(boys.Outcome, d.Outcome[i])
			if len(boys.Covariates) == 0 {
				boys.Covariates = []effect.Covariate{{Name: "age"}}
			}
			boys.Covariates[0].Values = append(boys.Covariates[0].Values, d.Covariates[0].Values[i])
		}
	}
	bo, err := Fit(&boys, &Options{Mean: Covariates})
	if err != nil {
		t.Fatal(err)
	}
	if bo.Arms != nil || len(bo.Coefficients) != 2 {
		t.Fatalf("boys: arms %v, coefficients %v", bo.Arms, bo.Coefficients)
	}
	for j, k := range []int{0, 2} {
		if !closeTo(bo.Coefficients[j].Estimate, by.Coefficients[k].Estimate, 1e-7, 1e-9) {
			t.Errorf("boys %s %.9g, by-sex fit %.9g", bo.Coefficients[j].Name, bo.Coefficients[j].Estimate, by.Coefficients[k].Estimate)
		}
	}
	// InterceptOnly with arms given (they are ignored by the mean model
	// but may group the covariance) equals the fit without them.
	fev := readFEV(t)
	fev.Factors = nil
	a, err := Fit(fev, &Options{Mean: InterceptOnly})
	if err != nil {
		t.Fatal(err)
	}
	fev.Arm = nil
	b, err := Fit(fev, &Options{Mean: InterceptOnly})
	if err != nil {
		t.Fatal(err)
	}
	if a.LogLik != b.LogLik || a.Coefficients[0] != b.Coefficients[0] || b.Arms != nil || len(a.Arms) != 2 {
		t.Errorf("with arms %v %v, without %v %v", a.LogLik, a.Coefficients, b.LogLik, b.Coefficients)
	}
	if s := a.String(); !strings.Contains(s, "intercept only mean model") || !strings.Contains(s, "(Intercept)") {
		t.Errorf("String:\n%s", s)
	}
}

// TestReadCSVWithoutArm: the arm column is optional; without it only the
// regression mean models fit.
func TestReadCSVWithoutArm(t *testing.T) {
	in := "id,visit,y\nA,1,5\nA,2,6\nB,1,4\nB,2,4.5\nC,1,7\nC,2,6\nD,1,3\nD,2,5\n"
	d, err := ReadCSV(strings.NewReader(in), Columns{Subject: "id", Visit: "visit", Outcome: "y"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Arm != nil {
		t.Fatalf("arm %v", d.Arm)
	}
	if _, err := Fit(d, nil); !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), "Options.Mean") {
		t.Errorf("arm × visit without arms: %v", err)
	}
	r, err := Fit(d, &Options{Mean: InterceptOnly, Structure: CS})
	if err != nil {
		t.Fatal(err)
	}
	if c := r.Coefficients[0]; !closeTo(c.Estimate, 5.0625, 1e-12, 0) {
		t.Errorf("balanced CS intercept %v, want the grand mean 5.0625", c.Estimate)
	}
}

// FuzzFitMean builds small data sets from bytes for the regression mean
// models: no panics, errors wrap a sentinel, finite coefficients.
func FuzzFitMean(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24}, uint8(0))
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, uint8(3))
	f.Add([]byte{255, 1, 255, 1, 128, 7, 9, 200, 3, 3, 3, 3, 90, 91, 92, 93, 1, 2}, uint8(77))
	f.Fuzz(func(t *testing.T, b []byte, opt uint8) {
		if len(b) > 400 {
			return
		}
		var d Data
		visits := []string{"a", "b", "c"}
		var x []float64
		for i := 0; i+1 < len(b); i += 2 {
			y := float64(b[i]) / 7
			if b[i+1]%11 == 0 {
				y = math.NaN()
			}
			d.Subject = append(d.Subject, string(rune('A'+(i/6)%40)))
			d.Visit = append(d.Visit, visits[(i/2)%3])
			d.Arm = append(d.Arm, []string{"C", "T"}[(i/6)%2])
			d.Outcome = append(d.Outcome, y)
			x = append(x, float64(b[i+1]%13))
		}
		mean := MeanModel(1 + opt%2)
		if mean == Covariates {
			d.Covariates = []effect.Covariate{{Name: "x", Values: x}}
		}
		if opt&64 != 0 {
			d.Arm = nil
		}
		o := &Options{Mean: mean, Structure: Structure((opt / 2) % 9), Method: Method((opt / 18) % 2), DF: DFMethod((opt / 36) % 4), MaxIter: 30}
		r, err := Fit(&d, o)
		if err != nil {
			if !errors.Is(err, ErrInvalidInput) && !errors.Is(err, ErrNoConvergence) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		for _, c := range r.Coefficients {
			if math.IsNaN(c.Estimate) || math.IsNaN(c.SE) {
				t.Fatalf("NaN coefficient from a successful fit: %v", r)
			}
		}
		_ = r.String()
	})
}

// TestCovariatesReproducesArmByVisit: the Covariates model with the caller's
// own visit and arm × visit columns is a reparameterization of the trial
// model, so the likelihood, Σ and the first-visit difference (the arm
// coefficient when VIS1 is the reference visit) with its SE and
// Satterthwaite df agree.
func TestCovariatesReproducesArmByVisit(t *testing.T) {
	d := readFEV(t)
	trial, err := Fit(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	reg := *d
	reg.Covariates = nil
	for _, v := range []string{"VIS2", "VIS3", "VIS4"} {
		vis := make([]float64, len(d.Visit))
		armVis := make([]float64, len(d.Visit))
		for i := range d.Visit {
			if d.Visit[i] == v {
				vis[i] = 1
				if d.Arm[i] == "TRT" {
					armVis[i] = 1
				}
			}
		}
		reg.Covariates = append(reg.Covariates, effect.Covariate{Name: v, Values: vis}, effect.Covariate{Name: "TRT:" + v, Values: armVis})
	}
	r, err := Fit(&reg, &Options{Mean: Covariates})
	if err != nil {
		t.Fatal(err)
	}
	if !closeTo(r.LogLik, trial.LogLik, 1e-10, 0) {
		t.Errorf("log-likelihood %.10f, trial model %.10f", r.LogLik, trial.LogLik)
	}
	for k := range trial.Theta {
		if !closeTo(r.Theta[k], trial.Theta[k], 1e-7, 0) {
			t.Errorf("%s %.9g, trial model %.9g", trial.ThetaNames[k], r.Theta[k], trial.Theta[k])
		}
	}
	c, want := r.Coefficients[1], trial.Differences[0]
	if c.Name != "arm=TRT" || !closeTo(c.Estimate, want.Estimate, 1e-7, 0) || !closeTo(c.SE, want.SE, 1e-7, 0) || !closeTo(c.DF, want.DF, 1e-6, 0) {
		t.Errorf("%s %.8g (SE %.8g, df %.6g); trial VIS1 difference %.8g (%.8g, %.6g)", c.Name, c.Estimate, c.SE, c.DF, want.Estimate, want.SE, want.DF)
	}
}

// TestStudyRejectsRegressionMean: Study needs the per-visit differences.
func TestStudyRejectsRegressionMean(t *testing.T) {
	sc := Scenario{Subjects: 40, Visits: []string{"a", "b"}, ControlMean: []float64{0, 0}, Effect: []float64{0, 0}, Sigma: mat.NewSymDense(2, []float64{1, 0.5, 0.5, 1}), BaselineSD: 1, BaselineSlope: 0.5}
	_, err := Study(sc, 2, 1, &Options{Mean: Covariates}, 1)
	var fe *effect.FieldError
	if !errors.Is(err, ErrInvalidInput) || !errors.As(err, &fe) || fe.Field != "Options.Mean" {
		t.Errorf("error %v", err)
	}
}
