package mmat

import (
	"errors"
	"math"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// TestSummaryWorked reproduces the arithmetic of the worked examples
// (convention A: Yes counts, No and Can't tell do not; screening excluded).
func TestSummaryWorked(t *testing.T) {
	t.Parallel()
	apps := workedExamples(t)
	derive := &SummaryOptions{Derive55: true}
	got := Summarize(apps, derive)
	want := []struct {
		pct               float64
		met, no, ct, crit int
		stars, three      string
		screened          bool
	}{
		{60, 3, 1, 1, 5, "***", "Moderate", false},
		{100, 5, 0, 0, 5, "*****", "High", false},
		{20, 1, 1, 3, 5, "*", "Low", false},
		{math.NaN(), 0, 0, 0, 5, "", "", true},
		// M1, lowest component: qual 80, quant 60, MM 60 (5.5 derived No).
		{60, 10, 3, 2, 15, "***", "Moderate", false},
	}
	for i, w := range want {
		s := got[i]
		if s.Err != nil {
			t.Errorf("%s: unexpected error %v", s.Study, s.Err)
		}
		if !near(s.PercentMet, w.pct, 1e-12) || s.Met != w.met || s.NotMet != w.no || s.CantTell != w.ct || s.Criteria != w.crit || s.ScreenedOut != w.screened {
			t.Errorf("%s: got %+v", s.Study, s)
		}
		st, err := Stars.Label(s.PercentMet)
		if w.screened {
			if !errors.Is(err, ErrUndefined) {
				t.Errorf("%s: Stars error = %v", s.Study, err)
			}
			continue
		}
		th, _ := ThreeLevel.Label(s.PercentMet)
		if st != w.stars || th != w.three || err != nil {
			t.Errorf("%s: bands %q %q %v; want %q %q", s.Study, st, th, err, w.stars, w.three)
		}
	}
	// M1 with all 15 criteria: 10/15 = 66.7%.
	all := apps[4].Summary(&SummaryOptions{Derive55: true, MixedScore: MixedAll})
	if !near(all.PercentMet, 200.0/3, 1e-12) {
		t.Errorf("M1 all criteria = %v; want 66.67", all.PercentMet)
	}
	// Without Derive55, M1 lacks 5.5: a validation error, counted NotRated.
	m := apps[4].Summary(nil)
	if !errors.Is(m.Err, ErrMissingAnswer) || m.NotRated != 1 {
		t.Errorf("M1 without 5.5: %+v", m)
	}
	// An invalid appraisal has no percentage (as documented): counting the
	// unanswered criterion as not met would report a score the data do
	// not support (here 60%).
	if !math.IsNaN(m.PercentMet) {
		t.Errorf("M1 without 5.5: PercentMet = %v; want NaN (invalid appraisal)", m.PercentMet)
	}
	if _, err := Stars.Label(101); !errors.Is(err, ErrInvalidInput) {
		t.Error("Stars.Label(101) should fail")
	}
	if l, _ := Stars.Label(0); l != "0" {
		t.Errorf("Stars.Label(0) = %q", l)
	}
}

func TestSensitivity(t *testing.T) {
	t.Parallel()
	apps := workedExamples(t)
	o := &SummaryOptions{Derive55: true}
	sel := Select(apps, AtMostNotMet(1), o)
	if len(sel) != len(apps) {
		t.Fatalf("Select dropped rows: %d", len(sel))
	}
	if got := Kept(sel); len(got) != 1 || got[0] != "R1" {
		t.Errorf("AtMostNotMet(1) kept %v; want [R1]", got)
	}
	if got := Kept(Select(apps, AtMostNotMet(2), o)); len(got) != 2 || got[0] != "Q1" || got[1] != "R1" {
		t.Errorf("AtMostNotMet(2) kept %v; want [Q1 R1]", got)
	}
	if got := Kept(Select(apps, MinPercentMet(60), o)); len(got) != 3 {
		t.Errorf("MinPercentMet(60) kept %v; want Q1 R1 M1", got)
	}
	if got := Kept(Select(apps, nil, o)); got != nil {
		t.Errorf("nil rule kept %v", got)
	}
}

// TestSummaryOptionsChecked: an unknown MixedScore is an error naming the
// field in every summary, not a silent fallback to one of the rules.
func TestSummaryOptionsChecked(t *testing.T) {
	t.Parallel()
	apps := workedExamples(t)
	for _, s := range Summarize(apps, &SummaryOptions{Derive55: true, MixedScore: 7}) {
		var fe *effect.FieldError
		if !errors.Is(s.Err, ErrInvalidInput) || !errors.As(s.Err, &fe) || fe.Field != "SummaryOptions.MixedScore" || !math.IsNaN(s.PercentMet) {
			t.Errorf("%s: Err %v, PercentMet %v; want ErrInvalidInput naming SummaryOptions.MixedScore, NaN", s.Study, s.Err, s.PercentMet)
		}
	}
	if sel := Select(apps, MinPercentMet(0), &SummaryOptions{MixedScore: -1}); len(Kept(sel)) != 0 {
		t.Errorf("invalid options kept %v", Kept(sel))
	}
}
