package check

import (
	"errors"
	"fmt"

	"github.com/tiesproject/ties/effect"
)

// ErrUnparseable is wrapped by every error for a printed field that cannot
// be read as a number, a confidence interval, a count or a test result.
var ErrUnparseable = errors.New("check: unparseable field")

// ErrInvalidInput is wrapped when a field parses but its value cannot be
// used (n < 2, SD ≤ 0, a level outside (0, 1)). It wraps
// effect.ErrInvalidInput, so errors.Is matches either.
var ErrInvalidInput = fmt.Errorf("check: invalid input: %w", effect.ErrInvalidInput)

// Errors are *effect.FieldError values: Field is the column's canonical
// name ("m1", "ci", "test"), Value the text as given, Err ErrUnparseable or
// ErrInvalidInput; in a batch, Line is the physical line of the file
// (header = 1), Column the heading as written and Record the row's first
// field when that is not a checked column (a study label).

func parseErr(field, text, reason string) error {
	return &effect.FieldError{Field: field, Value: text, Reason: reason, Err: ErrUnparseable}
}

func invalidErr(field, text, reason string) error {
	return &effect.FieldError{Field: field, Value: text, Reason: reason, Err: ErrInvalidInput}
}

// reasonOf returns the reason of a positioned error, or its text.
func reasonOf(err error) string {
	var fe *effect.FieldError
	if errors.As(err, &fe) {
		return fe.Reason
	}
	return err.Error()
}

// withField sets the field name of an *effect.FieldError (parsers do not
// know the field they were called for).
func withField(err error, field string) error {
	var fe *effect.FieldError
	if errors.As(err, &fe) {
		c := *fe
		c.Field = field
		return &c
	}
	return err
}
