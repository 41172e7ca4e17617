package mmrm

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// TestOneVisitIsANCOVA: with a single post-baseline visit the MMRM is the
// baseline-adjusted regression, so the difference, SE, df, p and CI equal
// effect.ANCOVA's (REML variance = residual mean square; Satterthwaite df =
// n − p).
func TestOneVisitIsANCOVA(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 57
	var d Data
	var a effect.ANCOVAData
	site := effect.Factor{Name: "site"}
	age := effect.Covariate{Name: "age"}
	for i := 0; i < n; i++ {
		arm := i % 2
		b := 20 + 5*rng.NormFloat64()
		y := 5 + 0.6*b - 2*float64(arm) + 4*rng.NormFloat64()
		s := []string{"x", "y", "z"}[rng.IntN(3)]
		ag := 30 + 10*rng.Float64()
		d.Subject = append(d.Subject, string(rune('A'+i%26))+strings.Repeat("x", i/26))
		d.Visit = append(d.Visit, "12m")
		d.Arm = append(d.Arm, []string{"control", "peer"}[arm])
		d.Outcome = append(d.Outcome, y)
		d.Baseline = append(d.Baseline, b)
		a.Outcome = append(a.Outcome, y)
		a.Arm = append(a.Arm, arm)
		a.Baseline = append(a.Baseline, b)
		site.Levels = append(site.Levels, s)
		age.Values = append(age.Values, ag)
	}
	d.Factors = []effect.Factor{site}
	d.Covariates = []effect.Covariate{age}
	a.Factors = d.Factors
	a.Covariates = d.Covariates
	want, err := effect.ANCOVA(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []Structure{US, CS, AR1, TOEP, AD} {
		if s.NumParams(1) > 2 {
			continue
		}
		r, err := Fit(&d, &Options{Structure: US})
		if err != nil {
			t.Fatal(err)
		}
		got := r.Differences[0]
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"difference", got.Estimate, want.Difference}, {"SE", got.SE, want.SE}, {"df", got.DF, want.DF},
			{"t", got.T, want.T}, {"p", got.P, want.P}, {"lower", got.CI.Lower, want.CI.Lower}, {"upper", got.CI.Upper, want.CI.Upper},
		} {
			if !closeTo(c.got, c.want, 1e-9, 1e-12) {
				t.Errorf("%v %s = %.12g; ANCOVA %.12g", s, c.name, c.got, c.want)
			}
		}
		sb, wb := got.SMDBaseline, want.DBaseline
		if !closeTo(sb.Value, wb.Value, 1e-9, 0) || !closeTo(sb.Variance, wb.Variance, 1e-9, 0) || !closeTo(sb.CI.Lower, wb.CI.Lower, 1e-9, 0) {
			t.Errorf("SMDBaseline %+v; ANCOVA DBaseline %+v", sb, wb)
		}
		if rsd := math.Sqrt(r.Covariance[0].At(0, 0)); !closeTo(rsd, want.ResidualSD, 1e-9, 0) {
			t.Errorf("residual SD %.12g; ANCOVA %.12g", rsd, want.ResidualSD)
		}
	}
}

// TestFirstVisitDF: with monotone dropout, US and the mean model arm × visit
// + baseline × visit, the first-visit difference has Satterthwaite df
// n₁ − 3 exactly (n₁ subjects observed at the first visit).
func TestFirstVisitDF(t *testing.T) {
	for _, name := range []string{"a40x2", "c120x6", "e150x10"} {
		d := readSim(t, name)
		r, err := Fit(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		n1 := 0
		for i, y := range d.Outcome {
			if d.Visit[i] == "V01" && !math.IsNaN(y) && !math.IsNaN(d.Baseline[i]) {
				n1++
			}
		}
		if got := r.Differences[0].DF; !closeTo(got, float64(n1-3), 1e-8, 0) {
			t.Errorf("%s: first-visit df %.10g; want n1 − 3 = %d", name, got, n1-3)
		}
	}
}

func smallData() *Data {
	return &Data{
		Subject:  []string{"s1", "s1", "s2", "s2", "s3", "s3", "s4", "s4"},
		Visit:    []string{"3m", "6m", "3m", "6m", "3m", "6m", "3m", "6m"},
		Arm:      []string{"C", "C", "T", "T", "C", "C", "T", "T"},
		Outcome:  []float64{1, 2, 3, 4, 2, 2, 5, 7},
		Baseline: []float64{1, 1, 2, 2, 3, 3, 2, 2},
	}
}

func TestInputErrors(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(d *Data, o *Options)
		substr string
	}{
		{"duplicate", func(d *Data, o *Options) { d.Visit[1] = "3m" }, "duplicate subject–visit"},
		{"visit outside order", func(d *Data, o *Options) { o.Visits = []string{"3m"} }, "visit not in the visit order"},
		{"arm changes", func(d *Data, o *Options) { d.Arm[1] = "T" }, "arm changes within the subject"},
		{"length", func(d *Data, o *Options) { d.Arm = d.Arm[:3] }, "length must equal"},
		{"one arm", func(d *Data, o *Options) {
			for i := range d.Arm {
				d.Arm[i] = "C"
			}
		}, "fewer than two arms"},
		{"baseline differs", func(d *Data, o *Options) { d.Baseline[1] = 9 }, "baseline differs"},
		{"level", func(d *Data, o *Options) { o.Level = 1.5 }, "Options.Level"},
		{"empty visit", func(d *Data, o *Options) { o.Visits = []string{"3m", "6m", "9m"} }, "no analysed outcome at this visit"},
		{"control", func(d *Data, o *Options) { o.Control = "X" }, "Options.Control"},
		{"singular", func(d *Data, o *Options) {
			for i := range d.Arm {
				if d.Visit[i] == "6m" && d.Arm[i] == "T" {
					d.Outcome[i] = math.NaN()
				}
			}
		}, `singular design: column "arm=T:visit=6m"`},
		{"too few for US", func(d *Data, o *Options) {
			*d = Data{
				Subject:  []string{"s1", "s1", "s2", "s3", "s4", "s5", "s6", "s7"},
				Visit:    []string{"3m", "6m", "3m", "3m", "3m", "6m", "6m", "6m"},
				Arm:      []string{"C", "C", "T", "C", "T", "T", "C", "T"},
				Outcome:  []float64{1, 2, 3, 4, 2, 2, 5, 7},
				Baseline: []float64{1, 1, 2, 3, 4, 5, 6, 8},
			}
		}, "too few subjects for an unstructured covariance"},
		{"KR with sandwich", func(d *Data, o *Options) { o.DF, o.Cov = KenwardRoger, CR2 }, "Options.DF"},
		{"KR with ML", func(d *Data, o *Options) { o.DF, o.Method, o.Structure = KenwardRoger, ML, CS }, "Kenward–Roger needs REML"},
		{"fallback with other structure", func(d *Data, o *Options) { o.Structure, o.Fallback = CS, DefaultFallback }, "Options.Structure"},
	}
	for _, c := range cases {
		d := smallData()
		var o Options
		c.edit(d, &o)
		_, err := Fit(d, &o)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if !strings.Contains(err.Error(), c.substr) {
			t.Errorf("%s: error %q lacks %q", c.name, err, c.substr)
		}
		if !errors.Is(err, ErrInvalidInput) || !errors.Is(err, effect.ErrInvalidInput) {
			t.Errorf("%s: %v does not wrap ErrInvalidInput", c.name, err)
		}
		var fe *effect.FieldError
		if !errors.As(err, &fe) {
			t.Errorf("%s: %v is not an *effect.FieldError", c.name, err)
		}
	}
}

func TestExclusions(t *testing.T) {
	d := smallData()
	d.Subject = append(d.Subject, "s5", "s6", "s6")
	d.Visit = append(d.Visit, "3m", "3m", "6m")
	d.Arm = append(d.Arm, "C", "T", "T")
	d.Outcome = append(d.Outcome, math.NaN(), 3, 4)
	d.Baseline = append(d.Baseline, 2, math.NaN(), math.NaN())
	r, err := Fit(d, &Options{Structure: CS})
	if err != nil {
		t.Fatal(err)
	}
	want := []Exclusion{{"s5", "no post-baseline outcome"}, {"s6", "missing baseline"}}
	if len(r.Excluded) != 2 || r.Excluded[0] != want[0] || r.Excluded[1] != want[1] {
		t.Errorf("excluded %v; want %v", r.Excluded, want)
	}
	if r.NSubjects != 4 || r.NObs != 8 {
		t.Errorf("n %d obs %d", r.NSubjects, r.NObs)
	}
}

// TestFallback: an unstructured covariance the data cannot identify falls
// back to the next structure, and the attempts are recorded.
func TestFallback(t *testing.T) {
	// Visits 1 and 3 are observed together in one subject only.
	d := benchData(t, 60, 3)
	for i := range d.Subject {
		k := i / 3
		switch {
		case k < 50 && d.Visit[i] == "V03", k > 50 && d.Visit[i] == "V01":
			d.Outcome[i] = math.NaN()
		case k == 50:
			d.Outcome[i] = 20 + float64(i%3)
		}
	}
	r, err := Fit(d, &Options{Fallback: DefaultFallback})
	if err != nil {
		t.Fatal(err)
	}
	if r.Structure == US || len(r.Attempts) < 2 || r.Attempts[0].Err == nil {
		t.Fatalf("structure %v attempts %+v", r.Structure, r.Attempts)
	}
	last := r.Attempts[len(r.Attempts)-1]
	if last.Err != nil || last.Structure != r.Structure || last.AIC != r.AIC {
		t.Errorf("last attempt %+v", last)
	}
	if _, err := Fit(d, nil); !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), "simpler structure") {
		t.Errorf("without fallback: %v", err)
	}
}

// TestClusterSandwich: a cluster column gives one block per cluster for
// the empirical covariance; CR2 by cluster runs and changes the SEs.
func TestClusterSandwich(t *testing.T) {
	d := readFEV(t)
	d.Cluster = make([]string, len(d.Subject))
	for i, s := range d.Subject {
		d.Cluster[i] = "team" + s[len(s)-1:]
	}
	m, err := Fit(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []CovMethod{CR0, CR2, Jackknife} {
		r, err := Fit(d, &Options{Cov: c})
		if err != nil {
			t.Fatalf("%v: %v", c, err)
		}
		if len(r.fit.m.pr.clusters) != 10 {
			t.Fatalf("%d clusters", len(r.fit.m.pr.clusters))
		}
		if r.Differences[0].SE == m.Differences[0].SE || !(r.Differences[0].DF > 0 && r.Differences[0].DF < 10) {
			t.Errorf("%v: SE %g (model %g) df %g", c, r.Differences[0].SE, m.Differences[0].SE, r.Differences[0].DF)
		}
		t.Logf("%v: VIS1 SE %.4f df %.2f (model SE %.4f)", c, r.Differences[0].SE, r.Differences[0].DF, m.Differences[0].SE)
	}
}

// TestCSVErrorPosition: an error in data read from a file names the line,
// the column heading and the subject.
func TestCSVErrorPosition(t *testing.T) {
	in := "id,visit,arm,base,ucla\nP1,3m,C,6,5\nP1,6m,C,6,4\nP2,3m,T,7,5\nP2,3m,T,7,4\n"
	d, err := ReadCSV(strings.NewReader(in), Columns{Subject: "id", Visit: "visit", Arm: "arm", Outcome: "ucla", Baseline: "base"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Fit(d, nil)
	want := `mmrm: line 5, column "visit", subject P2: Visit = "3m": duplicate subject–visit row (also line 4): keep one row per subject and visit`
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// TestNoConvergence: too few iterations is an error wrapping
// ErrNoConvergence that says what to try.
func TestNoConvergence(t *testing.T) {
	_, err := Fit(readFEV(t), &Options{MaxIter: 1})
	if !errors.Is(err, ErrNoConvergence) || !errors.Is(err, effect.ErrNoConvergence) || !strings.Contains(err.Error(), "Fallback") {
		t.Errorf("got %v", err)
	}
}

// TestScaleInvariance: rescaling the outcome by 10⁻³ or 10³ rescales the
// differences and SEs and leaves the df unchanged; the fit converges at
// either scale.
func TestScaleInvariance(t *testing.T) {
	base, err := Fit(readFEV(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []float64{1e-3, 1e3} {
		d := readFEV(t)
		for i := range d.Outcome {
			d.Outcome[i] *= c
		}
		for _, s := range []Structure{US, ADH, AR1} {
			r, err := Fit(d, &Options{Structure: s})
			if err != nil {
				t.Fatalf("scale %g %v: %v", c, s, err)
			}
			if s != US {
				continue
			}
			for v, want := range base.Differences {
				got := r.Differences[v]
				if !closeTo(got.Estimate, c*want.Estimate, 1e-7, 0) || !closeTo(got.SE, c*want.SE, 1e-7, 0) || !closeTo(got.DF, want.DF, 1e-6, 0) {
					t.Errorf("scale %g %s: %g (%g) df %g; want %g (%g) df %g", c, got.Visit, got.Estimate, got.SE, got.DF, c*want.Estimate, c*want.SE, want.DF)
				}
			}
		}
	}
}
