package mmat

import (
	"errors"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

func TestValidate(t *testing.T) {
	t.Parallel()
	full := "S1=Y S2=Y 2.1=Y 2.2=Y 2.3=N 2.4=CT 2.5=Y"
	cases := []struct {
		name     string
		a        Appraisal
		o        *ValidateOptions
		want     []error // sentinels that must be present (nil: valid)
		warnings int
	}{
		{"valid RCT", app(t, "s", RCT, 0, full), nil, nil, 0},
		{"empty study", app(t, "", RCT, 0, full), nil, []error{ErrInvalidInput}, 0},
		{"category 0", app(t, "s", 0, 0, "S1=Y S2=Y"), nil, []error{ErrInvalidCategory}, 0},
		{"category 6", app(t, "s", 6, 0, "S1=Y S2=Y"), nil, []error{ErrInvalidCategory}, 0},
		{"component on RCT", app(t, "s", RCT, Descriptive, full), nil, []error{ErrInvalidCategory}, 0},
		{"MM without component", app(t, "s", MixedMethods, 0, "S1=Y S2=Y"), nil, []error{ErrInvalidCategory, ErrMissingAnswer}, 0},
		{"MM qualitative component", app(t, "s", MixedMethods, Qualitative, "S1=Y S2=Y"), nil, []error{ErrInvalidCategory}, 0},
		{"missing 2.3", app(t, "s", RCT, 0, "S1=Y S2=Y 2.1=Y 2.2=Y 2.4=CT 2.5=Y"), nil, []error{ErrMissingAnswer}, 0},
		{"missing S2", app(t, "s", RCT, 0, "S1=Y 2.1=Y 2.2=Y 2.3=N 2.4=CT 2.5=Y"), nil, []error{ErrMissingAnswer}, 0},
		{"screening optional", app(t, "s", RCT, 0, "2.1=Y 2.2=Y 2.3=N 2.4=CT 2.5=Y"), &ValidateOptions{ScreeningOptional: true}, nil, 0},
		{"wrong category", app(t, "s", RCT, 0, full+" 3.1=Y"), nil, []error{ErrWrongCategory}, 0},
		{"unknown criterion", app(t, "s", RCT, 0, full+" 2.6=Y"), nil, []error{ErrUnknownCriterion}, 0},
		{"screened out, no criteria", app(t, "s", RCT, 0, "S1=N S2=Y"), nil, nil, 0},
		{"screened out CT", app(t, "s", RCT, 0, "S1=Y S2=CT"), nil, nil, 0},
		{"screened out with criteria", app(t, "s", RCT, 0, "S1=Y S2=N 2.1=Y 2.2=N"), nil, nil, 2},
		{"MM complete", app(t, "s", MixedMethods, NonRandomized, "S1=Y S2=Y 1.1=Y 1.2=Y 1.3=Y 1.4=Y 1.5=Y 3.1=Y 3.2=Y 3.3=Y 3.4=Y 3.5=Y 5.1=Y 5.2=Y 5.3=Y 5.4=Y 5.5=Y"), nil, nil, 0},
		{"MM wrong component criteria", app(t, "s", MixedMethods, NonRandomized, "S1=Y S2=Y 1.1=Y 1.2=Y 1.3=Y 1.4=Y 1.5=Y 2.1=Y 3.1=Y 3.2=Y 3.3=Y 3.4=Y 3.5=Y 5.1=Y 5.2=Y 5.3=Y 5.4=Y 5.5=Y"), nil, []error{ErrWrongCategory}, 0},
		{"MM derive 5.5 differs", app(t, "s", MixedMethods, NonRandomized, "S1=Y S2=Y 1.1=Y 1.2=Y 1.3=N 1.4=Y 1.5=Y 3.1=Y 3.2=Y 3.3=Y 3.4=Y 3.5=Y 5.1=Y 5.2=Y 5.3=Y 5.4=Y 5.5=Y"), &ValidateOptions{Derive55: true}, nil, 1},
	}
	for _, c := range cases {
		warn, err := c.a.Validate(c.o)
		if len(warn) != c.warnings {
			t.Errorf("%s: %d warnings %v; want %d", c.name, len(warn), warn, c.warnings)
		}
		if c.want == nil {
			if err != nil {
				t.Errorf("%s: unexpected error %v", c.name, err)
			}
			continue
		}
		for _, s := range c.want {
			if !errors.Is(err, s) {
				t.Errorf("%s: error %v does not wrap %v", c.name, err, s)
			}
		}
	}
	// Invalid answer value (not from a parser).
	a := app(t, "Smith 2019", RCT, 0, full)
	a.Rater = "AB"
	a.Ratings["2.2"] = Rating{Answer: Answer(7)}
	_, err := a.Validate(nil)
	var e *effect.FieldError
	if !errors.Is(err, ErrInvalidAnswer) || !errors.As(err, &e) || e.Record != "study Smith 2019, rater AB" || e.Field != "2.2" {
		t.Errorf("invalid answer: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, `study Smith 2019`) || !strings.Contains(msg, "2.2 = ") || !strings.Contains(msg, `rater AB`) {
		t.Errorf("message %q does not name study, rater and criterion", msg)
	}
}

func TestCriteriaAndCategories(t *testing.T) {
	t.Parallel()
	if n := len(AllCriteria()); n != 27 {
		t.Fatalf("%d criteria", n)
	}
	for _, c := range Categories() {
		cs := CategoryCriteria(c)
		if len(cs) != 5 {
			t.Fatalf("category %v: %d criteria", c, len(cs))
		}
		for k, cr := range cs {
			if cr.Category != c || cr.ID != string(rune('0'+int(c)))+"."+string(rune('1'+k)) || cr.Label == "" || cr.Meaning == "" {
				t.Errorf("bad criterion %+v", cr)
			}
		}
		if p, err := ParseCategory(c.String()); p != c || err != nil {
			t.Errorf("ParseCategory(%q) = %v, %v", c.String(), p, err)
		}
		if p, err := ParseCategory(c.Short()); p != c || err != nil {
			t.Errorf("ParseCategory(%q) = %v, %v", c.Short(), p, err)
		}
	}
	if CategoryCriteria(0) != nil || CategoryCriteria(6) != nil {
		t.Error("CategoryCriteria of an invalid category should be nil")
	}
	for _, s := range []string{"6", "0", "quantitative", "R", "cohort"} {
		if _, err := ParseCategory(s); !errors.Is(err, ErrInvalidCategory) {
			t.Errorf("ParseCategory(%q) err = %v", s, err)
		}
	}
	m := app(t, "m", MixedMethods, RCT, "")
	ids := []string{}
	for _, c := range m.Criteria() {
		ids = append(ids, c.ID)
	}
	if got := strings.Join(ids, " "); got != "S1 S2 1.1 1.2 1.3 1.4 1.5 2.1 2.2 2.3 2.4 2.5 5.1 5.2 5.3 5.4 5.5" {
		t.Errorf("mixed-methods criteria %s", got)
	}
	if _, ok := Lookup("s1"); ok {
		t.Error("Lookup is exact")
	}
	if Category(9).String() != "Category(9)" || Answer(9).String() != "Answer(9)" {
		t.Error("String of invalid values")
	}
}
