package mmat

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// ex7 returns a seven-study worked example as two raters' appraisals of four
// qualitative studies (5 criteria each, 20 judgements, no screening answers).
func ex7(t testing.TB) (a, b []Appraisal) {
	r1 := strings.Fields("Y Y Y N CT Y Y N Y CT Y Y N Y Y CT Y N Y Y")
	r2 := strings.Fields("Y Y N N CT Y CT N Y Y Y Y N Y N CT Y N Y Y")
	for s := 0; s < 4; s++ {
		var s1, s2 []string
		for k := 0; k < 5; k++ {
			id := "1." + string(rune('1'+k))
			s1 = append(s1, id+"="+r1[5*s+k])
			s2 = append(s2, id+"="+r2[5*s+k])
		}
		study := "Study " + string(rune('A'+s))
		x := app(t, study, Qualitative, 0, strings.Join(s1, " "))
		x.Rater = "R1"
		y := app(t, study, Qualitative, 0, strings.Join(s2, " "))
		y.Rater = "R2"
		a, b = append(a, x), append(b, y)
	}
	return a, b
}

func TestAgreeEx7(t *testing.T) {
	t.Parallel()
	a, b := ex7(t)
	rep, err := Agree(a, b, &AgreementOptions{Weights: Quadratic})
	if err != nil {
		t.Fatal(err)
	}
	o := rep.Overall
	if o.Table != [3][3]int{{10, 1, 2}, {1, 2, 0}, {0, 0, 4}} || o.N != 20 || o.Excluded != 8 {
		t.Fatalf("table %v N %d excluded %d", o.Table, o.N, o.Excluded)
	}
	// a seven-study worked example (R 4.2.2; 6 decimals).
	checks := []struct {
		name      string
		got, want float64
	}{
		{"agreement", o.PercentAgreement, 80},
		{"kappa", o.Kappa.Value, 0.642857},
		{"kappa SE", o.Kappa.SE, 0.157910},
		{"kappa lower", o.Kappa.CI.Lower, 0.333358},
		{"kappa upper", o.Kappa.CI.Upper, 0.952356},
		{"kappa SE0", o.Kappa.SE0, 0.163590},
		{"kappa z", o.Kappa.Z, 3.929677},
		{"kappa p", o.Kappa.P, 8.50601e-05},
		{"quadratic", o.Weighted.Value, 0.661017},
		{"quadratic SE", o.Weighted.SE, 0.177896},
		{"quadratic upper (clamped)", o.Weighted.CI.Upper, 1},
		{"AC1", o.AC1.Value, 0.723183},
		{"AC1 SE", o.AC1.SE, 0.126548},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 1e-6 {
			t.Errorf("%s = %.7g; want %.6g", c.name, c.got, c.want)
		}
	}
	lin, _ := Agree(a, b, &AgreementOptions{Weights: Linear})
	if v := lin.Overall.Weighted; math.Abs(v.Value-0.653179) > 1e-6 || math.Abs(v.SE-0.163070) > 1e-6 {
		t.Errorf("linear = %v ± %v", v.Value, v.SE)
	}
	// Per criterion: S1, S2 (all excluded) and 1.1-1.5.
	if len(rep.ByCriterion) != 7 || rep.ByCriterion[0].Criterion != "S1" || rep.ByCriterion[0].N != 0 || rep.ByCriterion[0].Excluded != 4 {
		t.Fatalf("by criterion %+v", rep.ByCriterion)
	}
	if !errors.Is(rep.ByCriterion[0].Kappa.Err, ErrUndefined) || !math.IsNaN(rep.ByCriterion[0].PercentAgreement) {
		t.Errorf("S1 with no pairs should be undefined: %+v", rep.ByCriterion[0])
	}
	// Criterion 1.1: Y,Y,Y,CT by both raters -> perfect agreement.
	c11 := rep.ByCriterion[2]
	if c11.Criterion != "1.1" || c11.N != 4 || c11.Kappa.Value != 1 || c11.Kappa.SE != 0 || c11.AC1.Value != 1 || c11.PercentAgreement != 100 {
		t.Errorf("1.1: %+v", c11)
	}
	sum := 0
	for _, c := range rep.ByCriterion {
		sum += c.N
	}
	// Only qualitative criteria: the category pool equals Overall minus the
	// 8 excluded screening pairs.
	if len(rep.ByCategory) != 1 || rep.ByCategory[0].Category != Qualitative || rep.ByCategory[0].Table != o.Table ||
		rep.ByCategory[0].Excluded != 0 || rep.ByCategory[0].Kappa != o.Kappa {
		t.Errorf("by category %+v", rep.ByCategory)
	}
	if sum != 20 {
		t.Errorf("per-criterion N sums to %d", sum)
	}
	// Unweighted request leaves Weighted NaN, with an error saying so.
	u, _ := Agree(a, b, nil)
	if w := u.Overall.Weighted; !math.IsNaN(w.Value) || !math.IsNaN(w.SE) || !errors.Is(w.Err, ErrUndefined) {
		t.Errorf("Weighted computed without being asked: %+v", u.Overall.Weighted)
	}
	// AgreeRaters on the combined list gives the same result.
	both := append(append([]Appraisal{}, a...), b...)
	r2, err := AgreeRaters(both, "R1", "R2", nil)
	if err != nil || r2.Overall.Kappa != u.Overall.Kappa {
		t.Errorf("AgreeRaters: %v %+v", err, r2.Overall.Kappa)
	}
}

func TestAgreeMatching(t *testing.T) {
	t.Parallel()
	a := []Appraisal{
		app(t, "S1x", RCT, 0, "S1=Y S2=Y 2.1=Y 2.2=Y 2.3=N 2.4=N 2.5=Y"),
		app(t, "onlyA", RCT, 0, "S1=Y S2=Y"),
		app(t, "diff", RCT, 0, "S1=Y S2=Y 2.1=Y 2.2=Y 2.3=Y 2.4=Y 2.5=Y"),
	}
	b := []Appraisal{
		app(t, "onlyB", RCT, 0, "S1=Y S2=Y"),
		app(t, "diff", NonRandomized, 0, "S1=Y S2=Y 3.1=Y 3.2=Y 3.3=Y 3.4=Y 3.5=Y"),
		app(t, "S1x", RCT, 0, "S1=Y S2=Y 2.1=Y 2.2=CT 2.3=N 2.4=Y 2.5=Y"),
	}
	rep, err := Agree(a, b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rep.Studies, ",") != "S1x,diff" || strings.Join(rep.OnlyA, ",") != "onlyA" ||
		strings.Join(rep.OnlyB, ",") != "onlyB" || strings.Join(rep.CategoryDiffers, ",") != "diff" {
		t.Errorf("matching: %+v", rep)
	}
	// Pairs: S1x 7 answered; diff S1,S2 answered, 2.x and 3.x excluded (10).
	if rep.Overall.N != 9 || rep.Overall.Excluded != 10 {
		t.Errorf("N %d excluded %d", rep.Overall.N, rep.Overall.Excluded)
	}
	if len(rep.ByCategory) != 2 || rep.ByCategory[0].Category != RCT || rep.ByCategory[0].N != 5 || rep.ByCategory[0].Excluded != 5 ||
		rep.ByCategory[1].Category != NonRandomized || rep.ByCategory[1].N != 0 || rep.ByCategory[1].Excluded != 5 {
		t.Errorf("by category %+v", rep.ByCategory)
	}
	// S1: Yes/Yes for both studies: a single category, kappa 0/0 (psych: "no
	// variance"), reported as NaN with ErrUndefined, AC1 = 1; no panic.
	s1 := rep.ByCriterion[0]
	if s1.Criterion != "S1" || s1.N != 2 || !math.IsNaN(s1.Kappa.Value) || !errors.Is(s1.Kappa.Err, ErrUndefined) || s1.AC1.Value != 1 {
		t.Errorf("degenerate S1: %+v", s1)
	}

	if _, err := Agree(append(a, a[0]), b, nil); !errors.Is(err, ErrDuplicate) {
		t.Errorf("duplicate: %v", err)
	}
	if _, err := Agree(a[1:2], b[:1], nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("no common study: %v", err)
	}
	if _, err := Agree(a, b, &AgreementOptions{Level: 2}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("level: %v", err)
	}
	if _, err := Agree(a, b, &AgreementOptions{Weights: 7}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("weights: %v", err)
	}
	bad := []Appraisal{app(t, "S1x", RCT, 0, "S1=Y")}
	bad[0].Ratings["9.9"] = Rating{Answer: Yes}
	if _, err := Agree(bad, b, nil); !errors.Is(err, ErrUnknownCriterion) {
		t.Errorf("unknown criterion: %v", err)
	}
	bad[0] = app(t, "S1x", RCT, 0, "S1=Y")
	bad[0].Ratings["S2"] = Rating{Answer: 42}
	if _, err := Agree(bad, b, nil); !errors.Is(err, ErrInvalidAnswer) {
		t.Errorf("invalid answer: %v", err)
	}
	if _, err := AgreeRaters(a, "x", "x", nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("AgreeRaters same rater: %v", err)
	}
	if _, err := Agree(nil, nil, nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("empty: %v", err)
	}
}
