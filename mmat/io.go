package mmat

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ReadOptions configures the readers. The nil value accepts the spellings
// of ParseAnswer only, rejects unknown columns, requires a category for
// every appraisal and uses ',' as the CSV separator.
type ReadOptions struct {
	// Aliases adds answer spellings, e.g. {"Partial": CantTell} for a review
	// that decided so in its protocol. Keys are matched after the same
	// normalisation as ParseAnswer (case, space, apostrophes); they take
	// precedence over the built-in spellings.
	Aliases map[string]Answer
	// IgnoreUnknownColumns skips CSV columns (or JSON fields) the reader
	// does not know instead of failing (a misspelt "coment" column would
	// otherwise be lost silently, hence the default).
	IgnoreUnknownColumns bool
	// Comma is the CSV field separator; 0 means ','. Spreadsheets in
	// locales with a decimal comma save with ';'. ReadJSON refuses a
	// non-zero Comma.
	Comma rune
	// Category is the category of appraisals whose file gives none (no
	// category column, an empty cell or a missing JSON field): reviews
	// publish one table per study type ("Randomised controlled trials",
	// "Qualitative studies") without a category column. 0 means none: a
	// category is then required.
	Category Category
	// MaxErrors caps how many row errors a reader collects before giving
	// up; 0 means 20.
	MaxErrors int
}

func (o *ReadOptions) orDefault() (ReadOptions, error) {
	var r ReadOptions
	if o != nil {
		r = *o
	}
	if r.Category != 0 && !r.Category.Valid() {
		return r, fieldError(0, "", "", "", "ReadOptions.Category", int(r.Category), ErrInvalidCategory, "must be 0 or one of the five categories")
	}
	if r.Comma == '"' || r.Comma == '\r' || r.Comma == '\n' || r.Comma == '\uFFFD' {
		return r, fieldError(0, "", "", "", "ReadOptions.Comma", string(r.Comma), ErrInvalidInput, "not a usable CSV separator")
	}
	if r.Comma == 0 {
		r.Comma = ','
	}
	if r.MaxErrors <= 0 {
		r.MaxErrors = 20
	}
	return r, nil
}

func (o *ReadOptions) parseAnswer(s string) (Answer, error) {
	if len(o.Aliases) > 0 {
		k := normalize(s)
		for alias, a := range o.Aliases {
			if normalize(alias) == k {
				if a != NotRated && !a.Valid() {
					return NotRated, fieldError(0, "", "", "", "answer", s, ErrInvalidAnswer, "ReadOptions.Aliases maps it to an invalid answer")
				}
				return a, nil
			}
		}
	}
	return ParseAnswer(s)
}

// parseCriterionID accepts "S1", "s1", " 2.3 ", "Q2.3", "QS1" (trimmed,
// case-folded, an optional "Q" prefix as in the wide layout's headers).
func parseCriterionID(s string) (string, error) {
	id := strings.ToUpper(strings.TrimSpace(s))
	if _, ok := Lookup(id); !ok {
		if t := strings.TrimSpace(strings.TrimPrefix(id, "Q")); t != id {
			if _, ok := Lookup(t); ok {
				return t, nil
			}
		}
		return "", fieldError(0, "", "", "", "criterion", s, ErrUnknownCriterion, "use S1, S2 or 1.1-5.5")
	}
	return id, nil
}

func formatCategory(c Category) string {
	if c == 0 {
		return ""
	}
	return strconv.Itoa(int(c))
}

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
			return fieldError(0, "", a.Study, a.Rater, crit, textValue(text), sentinel, fmt.Sprintf("appraisal %d: %s", i+1, reason))
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
