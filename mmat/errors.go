package mmat

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sentinel errors. Every error returned by this package wraps one of them;
// test with errors.Is. Most arrive inside an *Error that names the study,
// rater, criterion, row and column concerned.
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
)

// Error locates a problem in an appraisal or in an input file. Fields that
// do not apply are left zero. It wraps one of the sentinel errors.
type Error struct {
	Row       int    // 1-based record number in the input file (the header is row 1); 0 if not from a file
	Column    string // column name in the input file, or JSON field
	Study     string // study identifier
	Rater     string // rater identifier
	Criterion string // criterion identifier, e.g. "2.3"
	Text      string // the offending text, if any
	Reason    string // human-readable detail
	Err       error  // sentinel
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("mmat: ")
	var parts []string
	if e.Row > 0 {
		parts = append(parts, "row "+strconv.Itoa(e.Row))
	}
	if e.Column != "" {
		parts = append(parts, "column "+strconv.Quote(e.Column))
	}
	if e.Study != "" {
		parts = append(parts, "study "+strconv.Quote(e.Study))
	}
	if e.Rater != "" {
		parts = append(parts, "rater "+strconv.Quote(e.Rater))
	}
	if e.Criterion != "" {
		parts = append(parts, "criterion "+e.Criterion)
	}
	if len(parts) > 0 {
		b.WriteString(strings.Join(parts, ", "))
		b.WriteString(": ")
	}
	if e.Text != "" || e.Err == ErrInvalidAnswer {
		fmt.Fprintf(&b, "%q: ", e.Text)
	}
	msg := "error"
	if e.Err != nil {
		msg = strings.TrimPrefix(e.Err.Error(), "mmat: ")
	}
	b.WriteString(msg)
	if e.Reason != "" {
		b.WriteString(" (" + e.Reason + ")")
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }
