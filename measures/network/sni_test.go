package network

import (
	"errors"
	"strings"
	"testing"
)

func sniCase() SNIAnswers {
	return SNIAnswers{Marital: 1, Children: 2, Parents: 3, InLaws: 0, Relatives: 1, Friends: 4,
		Religious: 0, Students: 0, Supervised: 0, CoWorkers: 7, Neighbors: 2, Volunteers: 0, Groups: []int{0, 12}}
}

func TestSNIWorked(t *testing.T) {
	// Roles: spouse, parent, child, relative, friend, neighbour, group
	// member = 7; no employee role under the literal rule, because the
	// respondent supervises nobody although talking to 7 co-workers.
	s, err := ScoreSNI(sniCase(), nil)
	if err != nil {
		t.Fatal(err)
	}
	// People: spouse 1 + children 2 + both parents 2 + relative 1 +
	// friends 4 + work 0 + 7 + neighbours 2 + groups 12 = 31.
	if s.Roles != 7 || s.People != 31 || s.Embedded != -1 || !strings.Contains(s.Variant, "both non-zero") {
		t.Errorf("default: %+v", s)
	}
	s, _ = ScoreSNI(sniCase(), &SNIOptions{EmployeeEither: true, CapGroups: true})
	if s.Roles != 8 || s.People != 26 || !strings.Contains(s.Variant, "capped at 7") {
		t.Errorf("either + capped: %+v", s)
	}
	// Embedded, "≥ 4": family (4 roles, 6 people), friends 4, work 7,
	// groups 12 = 4. "> 4": family 6, work 7, groups 12 = 3.
	s, _ = ScoreSNI(sniCase(), &SNIOptions{Embedded: EmbeddedAtLeast4Unverified})
	if s.Embedded != 4 || !strings.Contains(s.Variant, "unverified") {
		t.Errorf("≥ 4: %+v", s)
	}
	s, _ = ScoreSNI(sniCase(), &SNIOptions{Embedded: EmbeddedMoreThan4Unverified})
	if s.Embedded != 3 {
		t.Errorf("> 4: %+v", s)
	}
	// Not married: no spouse role; "father only" and "mother only" are
	// one person each.
	a := SNIAnswers{Marital: 2, Parents: 1, InLaws: 2, Groups: nil}
	s, _ = ScoreSNI(a, nil)
	if s.Roles != 2 || s.People != 2 {
		t.Errorf("parents: %+v", s)
	}
	// Nobody at all.
	s, _ = ScoreSNI(SNIAnswers{Marital: 5}, nil)
	if s.Roles != 0 || s.People != 0 {
		t.Errorf("isolated: %+v", s)
	}
}

func TestSNIErrors(t *testing.T) {
	a := sniCase()
	a.Friends = SNIMissing
	if _, err := ScoreSNI(a, nil); !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), "6a") {
		t.Errorf("missing: %v", err)
	}
	s, err := ScoreSNI(a, &SNIOptions{ZeroFill: true})
	if err != nil || s.People != 27 || s.Roles != 6 {
		t.Errorf("zero-filled: %+v %v", s, err)
	}
	for _, mod := range []func(*SNIAnswers){
		func(a *SNIAnswers) { a.Marital = 0 },
		func(a *SNIAnswers) { a.Parents = 4 },
		func(a *SNIAnswers) { a.Friends = 8 },
		func(a *SNIAnswers) { a.Groups = []int{-3} },
		func(a *SNIAnswers) { a.Groups = []int{SNIMissing} },
	} {
		a := sniCase()
		mod(&a)
		if _, err := ScoreSNI(a, nil); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%+v: err = %v", a, err)
		}
	}
	if _, err := ScoreSNI(sniCase(), &SNIOptions{Embedded: 9}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("bad rule: %v", err)
	}
}
