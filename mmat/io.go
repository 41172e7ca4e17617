package mmat

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ReadOptions configures the readers. The nil value accepts the spellings
// of ParseAnswer only, rejects unknown CSV columns and uses ',' as the
// separator.
type ReadOptions struct {
	// Aliases adds answer spellings, e.g. {"Partial": CantTell} for a review
	// that decided so in its protocol. Keys are matched after the same
	// normalisation as ParseAnswer (case, space, apostrophes); they take
	// precedence over the built-in spellings.
	Aliases map[string]Answer
	// IgnoreUnknownColumns skips CSV columns the reader does not know
	// instead of failing (a misspelt "coment" column would otherwise be
	// lost silently, hence the default).
	IgnoreUnknownColumns bool
	// Comma is the CSV field separator; 0 means ','.
	Comma rune
	// MaxErrors caps how many row errors a reader collects before giving
	// up; 0 means 20.
	MaxErrors int
}

func (o *ReadOptions) orDefault() ReadOptions {
	var r ReadOptions
	if o != nil {
		r = *o
	}
	if r.Comma == 0 {
		r.Comma = ','
	}
	if r.MaxErrors <= 0 {
		r.MaxErrors = 20
	}
	return r
}

func (o *ReadOptions) parseAnswer(s string) (Answer, error) {
	if len(o.Aliases) > 0 {
		k := normalise(s)
		for alias, a := range o.Aliases {
			if normalise(alias) == k {
				if a != NotRated && !a.Valid() {
					return NotRated, &Error{Text: s, Reason: "alias maps to an invalid answer", Err: ErrInvalidAnswer}
				}
				return a, nil
			}
		}
	}
	return ParseAnswer(s)
}

// parseCriterionID accepts "S1", "s1", " 2.3 " (trimmed, case-folded).
func parseCriterionID(s string) (string, error) {
	id := strings.ToUpper(strings.TrimSpace(s))
	if _, ok := Lookup(id); !ok {
		return "", &Error{Text: s, Err: ErrUnknownCriterion}
	}
	return id, nil
}

func formatCategory(c Category) string {
	if c == 0 {
		return ""
	}
	return strconv.Itoa(int(c))
}

// parseCategoryCell parses a category or component cell.
func parseCategoryCell(s string) (Category, error) { return ParseCategory(s) }

// key identifies an appraisal in a file: one per (study, rater).
type key struct{ study, rater string }

// checkWritable reports what a reader could not give back: invalid UTF-8,
// an empty study, out-of-range categories, unknown criteria, invalid
// answers, duplicate (study, rater) pairs (unless allowDup).
func checkWritable(apps []Appraisal, allowDup bool) error {
	seen := map[key]bool{}
	for i := range apps {
		a := &apps[i]
		fail := func(crit, text, reason string, sentinel error) error {
			return &Error{Row: i + 1, Study: a.Study, Rater: a.Rater, Criterion: crit, Text: text, Reason: reason, Err: sentinel}
		}
		if a.Study == "" {
			return fail("", "", fmt.Sprintf("appraisal %d has an empty study identifier", i+1), ErrInvalidInput)
		}
		if !utf8.ValidString(a.Study) || !utf8.ValidString(a.Rater) {
			return fail("", "", "identifiers must be valid UTF-8", ErrInvalidInput)
		}
		if a.Category != 0 && !a.Category.Valid() {
			return fail("", "", fmt.Sprintf("category %d", int(a.Category)), ErrInvalidCategory)
		}
		if a.Component != 0 && !a.Component.Valid() {
			return fail("", "", fmt.Sprintf("component %d", int(a.Component)), ErrInvalidCategory)
		}
		k := key{a.Study, a.Rater}
		if seen[k] && !allowDup {
			return fail("", "", "the same study and rater appear twice", ErrDuplicate)
		}
		seen[k] = true
		for id, r := range a.Ratings {
			if _, ok := Lookup(id); !ok {
				return fail(id, id, "", ErrUnknownCriterion)
			}
			if r.Answer != NotRated && !r.Answer.Valid() {
				return fail(id, r.Answer.String(), "", ErrInvalidAnswer)
			}
			if !utf8.ValidString(r.Comment) {
				return fail(id, "", "comment must be valid UTF-8", ErrInvalidInput)
			}
		}
	}
	return nil
}
