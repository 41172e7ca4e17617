package mmat

import (
	"errors"
	"strings"

	"github.com/tiesproject/ties/effect"
)

// Sentinel errors. Every error returned by this package wraps one of them;
// test with errors.Is. Most arrive inside an *effect.FieldError that names
// the file line, column, study and rater (its Record), criterion (its
// Field) and the offending text (its Value).
var (
	// ErrInvalidAnswer: an answer text that is not one of the accepted
	// spellings of Yes, No or Can't tell (see ParseAnswer).
	ErrInvalidAnswer = errors.New("mmat: invalid answer")
	// ErrUnknownCriterion: a criterion identifier that is not S1, S2 or
	// 1.1-5.5.
	ErrUnknownCriterion = errors.New("mmat: unknown criterion")
	// ErrInvalidCategory: a study category outside 1-5, or a mixed-methods
	// study without a valid quantitative component (2, 3 or 4).
	ErrInvalidCategory = errors.New("mmat: invalid category")
	// ErrWrongCategory: a criterion answered that does not belong to the
	// study's category (nor, for mixed methods, to its components).
	ErrWrongCategory = errors.New("mmat: criterion not in the study's category")
	// ErrMissingAnswer: a required criterion has no answer.
	ErrMissingAnswer = errors.New("mmat: required criterion not answered")
	// ErrDuplicate: the same study (and rater) or the same criterion
	// appears twice where only one is allowed.
	ErrDuplicate = errors.New("mmat: duplicate")
	// ErrInvalidInput: malformed input of any other kind (empty study
	// identifier, wrong number of CSV fields, missing header, invalid
	// options, mismatched tables).
	ErrInvalidInput = errors.New("mmat: invalid input")
	// ErrUndefined: a statistic is undefined for the data, e.g. Cohen's
	// kappa when both raters used a single category (expected agreement 1).
	ErrUndefined = errors.New("mmat: statistic undefined")
	// ErrNotAppraisable marks warnings about studies that failed
	// screening (S1 or S2 answered No or Can't tell).
	ErrNotAppraisable = errors.New("mmat: not appraisable further")
	// ErrDerived55 marks the warning of Validate when
	// ValidateOptions.Derive55 is set and a hand rating of 5.5 differs
	// from the rating derived from the components.
	ErrDerived55 = errors.New("mmat: hand rating of 5.5 differs from the derived rating")
)

// record names whose row an error concerns: "study Smith 2019, rater AB".
func record(study, rater string) string {
	var parts []string
	if study != "" {
		parts = append(parts, "study "+study)
	}
	if rater != "" {
		parts = append(parts, "rater "+rater)
	}
	return strings.Join(parts, ", ")
}

// fieldError builds the package's positioned error. The reason starts with
// what the sentinel says (without its "mmat: " prefix, which Error adds)
// and continues with the detail, if any. A nil value is left out of the
// message.
func fieldError(line int, column, study, rater, field string, value any, sentinel error, detail string) *effect.FieldError {
	reason := strings.TrimPrefix(sentinel.Error(), "mmat: ")
	if detail != "" {
		reason += " (" + detail + ")"
	}
	return &effect.FieldError{Line: line, Column: column, Record: record(study, rater), Field: field,
		Value: value, Reason: reason, Err: sentinel}
}

// textValue returns s as an error Value, or nil when s is empty so that
// the message does not print an empty string.
func textValue(s string) any {
	if s == "" {
		return nil
	}
	return s
}
