package check

import (
	"errors"
	"fmt"

	"github.com/tiesproject/ties/effect"
)

// ErrUnparseable is wrapped by every error for a printed field that cannot
// be read as a number, a confidence interval, a count or a test result.
var ErrUnparseable = errors.New("check: unparseable field")

// ErrInvalidInput is effect.ErrInvalidInput: it is wrapped when a field
// parses but its value cannot be used (n < 2, SD <= 0, a level outside
// (0, 1)). Test with errors.Is.
var ErrInvalidInput = effect.ErrInvalidInput

// FieldError names the field (and, in a batch, the 1-based data row) whose
// text could not be used. It wraps ErrUnparseable or ErrInvalidInput.
type FieldError struct {
	Row    int    // 1-based data row in a batch; 0 outside a batch
	Field  string // e.g. "m1", "ci", "test"
	Text   string // the text as given
	Reason string
	Err    error // ErrUnparseable or ErrInvalidInput
}

func (e *FieldError) Error() string {
	if e.Row > 0 {
		return fmt.Sprintf("check: row %d: %s = %q: %s", e.Row, e.Field, e.Text, e.Reason)
	}
	return fmt.Sprintf("check: %s = %q: %s", e.Field, e.Text, e.Reason)
}

// Unwrap returns the sentinel the error wraps.
func (e *FieldError) Unwrap() error { return e.Err }

func parseErr(field, text, reason string) error {
	return &FieldError{Field: field, Text: text, Reason: reason, Err: ErrUnparseable}
}

func invalidErr(field, text, reason string) error {
	return &FieldError{Field: field, Text: text, Reason: reason, Err: ErrInvalidInput}
}

// withField sets the field name of a *FieldError (parsers do not know the
// field they were called for).
func withField(err error, field string) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		c := *fe
		c.Field = field
		return &c
	}
	return err
}
