package effect

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

// readANCOVAData reads a data_<case>.csv written by
// testdata/golden/effect/ancova/gen.R and keeps the columns the R formula
// uses.
func readANCOVAData(t *testing.T, path, formula string) ANCOVAData {
	t.Helper()
	var d ANCOVAData
	var age []float64
	var site []string
	for _, r := range golden.ReadCSV(t, path) {
		d.Arm = append(d.Arm, r.Int(t, "arm"))
		d.Baseline = append(d.Baseline, r.Float(t, "baseline"))
		d.Outcome = append(d.Outcome, r.Float(t, "outcome"))
		age = append(age, r.Float(t, "age"))
		site = append(site, r.String(t, "site"))
	}
	if strings.Contains(formula, "age") {
		d.Covariates = []Covariate{{Name: "age", Values: age}}
	}
	if strings.Contains(formula, "site") {
		d.Factors = []Factor{{Name: "site", Levels: site}}
	}
	return d
}

// Goldens: testdata/golden/effect/ancova/gen.R part 1 (R 4.2.2 lm,
// summary, confint).
func TestANCOVAGolden(t *testing.T) {
	for _, r := range golden.ReadCSV(t, "../testdata/golden/effect/ancova/lm.csv") {
		name := r.String(t, "case")
		d := readANCOVAData(t, "../testdata/golden/effect/ancova/data_"+name+".csv", r.String(t, "formula"))
		for _, level := range []float64{0.95, 0.90} {
			res, err := ANCOVA(d, &Options{Level: level})
			if err != nil {
				t.Fatal(name, err)
			}
			lb, ub := "lb95", "ub95"
			if level == 0.90 {
				lb, ub = "lb90", "ub90"
			}
			golden.Close(t, name+" "+lb, res.CI.Lower, r.Float(t, lb), 1e-11, 1e-11)
			golden.Close(t, name+" "+ub, res.CI.Upper, r.Float(t, ub), 1e-11, 1e-11)
		}
		res, _ := ANCOVA(d, nil)
		if md := res.MeanDifference(); md.Measure != MeasureMD || md.CIMethod != WaldT || md.DF != r.Float(t, "df") ||
			md.Value != res.Difference || md.CI != res.CI || !golden.Equal(md.SE(), r.Float(t, "se"), 1e-11, 1e-11) {
			t.Errorf("%s: MeanDifference %+v", name, md)
		}
		if res.N != r.Int(t, "n") || res.MissingOutcome != r.Int(t, "excluded") || res.DF != r.Float(t, "df") {
			t.Errorf("%s: N %d excluded %d df %v", name, res.N, res.MissingOutcome, res.DF)
		}
		golden.Close(t, name+" estimate", res.Difference, r.Float(t, "est"), 1e-11, 1e-11)
		golden.Close(t, name+" SE", res.SE, r.Float(t, "se"), 1e-11, 1e-11)
		golden.Close(t, name+" t", res.T, r.Float(t, "t"), 1e-11, 1e-11)
		golden.Close(t, name+" p", res.P, r.Float(t, "p"), 1e-11, 1e-11)
		golden.Close(t, name+" sigma", res.ResidualSD, r.Float(t, "sigma"), 1e-11, 1e-11)
		golden.Close(t, name+" sdFollow", res.SDFollowUp, r.Float(t, "sdFollow"), 1e-12, 1e-12)
		golden.Close(t, name+" sdBase", res.SDBaseline, r.Float(t, "sdBase"), 1e-12, 1e-12)
		golden.Close(t, name+" b(baseline)", res.Coefficients[2].Estimate, r.Float(t, "bBaseline"), 1e-11, 1e-11)
		golden.Close(t, name+" se(baseline)", res.Coefficients[2].SE, r.Float(t, "seBaseline"), 1e-11, 1e-11)
		// Standardized versions: hand formula from the R pieces.
		for _, c := range []struct {
			e Estimate
			s float64
		}{{res.DFollowUp, r.Float(t, "sdFollow")}, {res.DBaseline, r.Float(t, "sdBase")}} {
			dv := r.Float(t, "est") / c.s
			v := r.Float(t, "se")*r.Float(t, "se")/(c.s*c.s) + dv*dv/(2*(r.Float(t, "n")-2))
			golden.Close(t, name+" d", c.e.Value, dv, 1e-11, 1e-11)
			golden.Close(t, name+" var d", c.e.Variance, v, 1e-11, 1e-11)
			golden.Close(t, name+" d lb", c.e.CI.Lower, dv-1.959963984540054*math.Sqrt(v), 1e-11, 1e-11)
		}
	}
}

func ancovaTestData() ANCOVAData {
	return ANCOVAData{
		Outcome:  []float64{10, 12, 9, 14, 11, 13, 8, 15},
		Arm:      []int{1, 1, 1, 1, 0, 0, 0, 0},
		Baseline: []float64{9, 11, 10, 12, 10, 14, 9, 13},
	}
}

func TestANCOVAInvalid(t *testing.T) {
	cases := []struct {
		mod   func(*ANCOVAData)
		field string
	}{
		{func(d *ANCOVAData) { d.Outcome = nil; d.Arm = nil; d.Baseline = nil }, "Outcome"},
		{func(d *ANCOVAData) { d.Arm = d.Arm[:3] }, "Arm"},
		{func(d *ANCOVAData) { d.Baseline = d.Baseline[:3] }, "Baseline"},
		{func(d *ANCOVAData) { d.Arm[2] = 2 }, "Arm[2]"},
		{func(d *ANCOVAData) { d.Baseline[5] = math.NaN() }, "Baseline[5]"},
		{func(d *ANCOVAData) { d.Outcome[4] = math.Inf(1) }, "Outcome[4]"},
		{func(d *ANCOVAData) {
			d.Covariates = []Covariate{{Name: "age", Values: []float64{1, 2, 3, 4, 5, 6, 7, math.NaN()}}}
		}, "Covariates[age][7]"},
		{func(d *ANCOVAData) { d.Covariates = []Covariate{{Name: "age", Values: []float64{1}}} }, "Covariates[age]"},
		{func(d *ANCOVAData) {
			d.Factors = []Factor{{Name: "site", Levels: []string{"a", "b", "a", "b", "a", "", "a", "b"}}}
		}, "Factors[site][5]"},
		{func(d *ANCOVAData) { d.Factors = []Factor{{Name: "site", Levels: []string{"a"}}} }, "Factors[site]"},
		// Rank deficiency: constant covariate, covariate equal to baseline,
		// factor identical to the arm, constant baseline.
		{func(d *ANCOVAData) {
			d.Covariates = []Covariate{{Name: "one", Values: []float64{2, 2, 2, 2, 2, 2, 2, 2}}}
		}, "Covariates[one]"},
		{func(d *ANCOVAData) {
			d.Covariates = []Covariate{{Name: "copy", Values: append([]float64(nil), d.Baseline...)}}
		}, "Covariates[copy]"},
		{func(d *ANCOVAData) {
			d.Factors = []Factor{{Name: "grp", Levels: []string{"x", "x", "x", "x", "a", "a", "a", "a"}}}
		}, "Factors[grp]=x"},
		{func(d *ANCOVAData) { d.Baseline = []float64{5, 5, 5, 5, 5, 5, 5, 5} }, "Baseline"},
		// Too few per arm after excluding missing outcomes.
		{func(d *ANCOVAData) { d.Outcome[0], d.Outcome[1], d.Outcome[2] = math.NaN(), math.NaN(), math.NaN() }, "Arm"},
		// Perfect fit: no residual variance.
		{func(d *ANCOVAData) {
			for i := range d.Outcome {
				d.Outcome[i] = 2*d.Baseline[i] + float64(d.Arm[i])
			}
		}, "Outcome"},
		// No residual degrees of freedom.
		{func(d *ANCOVAData) {
			d.Outcome = d.Outcome[:4]
			d.Arm = []int{1, 1, 0, 0}
			d.Baseline = []float64{1, 2, 4, 3}
			d.Covariates = []Covariate{{Name: "z", Values: []float64{1, 0, 0, 2}}}
		}, "Outcome"},
	}
	for _, c := range cases {
		d := ancovaTestData()
		c.mod(&d)
		_, err := ANCOVA(d, nil)
		var fe *FieldError
		if !errors.Is(err, ErrInvalidInput) || !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("err %v, want field %q", err, c.field)
		}
	}
	if _, err := ANCOVA(ancovaTestData(), &Options{Level: -1}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("Level -1: %v", err)
	}
	if _, err := ANCOVA(ancovaTestData(), &Options{CI: Bootstrap}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("CI Bootstrap: %v", err)
	}
	if _, err := ANCOVA(ancovaTestData(), nil); err != nil {
		t.Errorf("valid data: %v", err)
	}
}

// TestANCOVACoverage simulates trials with a known effect (follow-up =
// 0.6·baseline + Δ·arm + noise, within-arm follow-up SD 1 so that the
// standardized effect is Δ) and checks that the 95% intervals for the
// adjusted difference and for DFollowUp cover the truth 94%–96% of the time.
func TestANCOVACoverage(t *testing.T) {
	const reps, nArm, delta, rho = 4000, 40, 0.5, 0.6
	rng := rand.New(rand.NewPCG(20261122, 4))
	n := 2 * nArm
	d := ANCOVAData{Outcome: make([]float64, n), Arm: make([]int, n), Baseline: make([]float64, n)}
	for i := nArm; i < n; i++ {
		d.Arm[i] = 1
	}
	var covRaw, covStd int
	for r := 0; r < reps; r++ {
		for i := 0; i < n; i++ {
			x := rng.NormFloat64()
			d.Baseline[i] = x
			d.Outcome[i] = rho*x + delta*float64(d.Arm[i]) + math.Sqrt(1-rho*rho)*rng.NormFloat64()
		}
		res, err := ANCOVA(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.CI.Contains(delta) {
			covRaw++
		}
		if res.DFollowUp.CI.Contains(delta) {
			covStd++
		}
	}
	for name, c := range map[string]int{"difference": covRaw, "DFollowUp": covStd} {
		p := float64(c) / reps
		t.Logf("%s coverage %.4f", name, p)
		if p < 0.94 || p > 0.96 {
			t.Errorf("%s coverage %.4f outside [0.94, 0.96]", name, p)
		}
	}
}

// BenchmarkANCOVA fits the "noeff" golden trial (300 participants,
// arm + baseline + 4-level site). testdata/golden/effect/ancova/timing.R
// times R's lm + summary + confint on the same data.
func BenchmarkANCOVA(b *testing.B) {
	t := &testing.T{}
	d := readANCOVAData(t, "../testdata/golden/effect/ancova/data_noeff.csv", "outcome~arm+baseline+site")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ANCOVA(d, nil); err != nil {
			b.Fatal(err)
		}
	}
}
