package effect

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalidInput is wrapped by every error caused by input that cannot
// yield an estimate: NaN or infinite values, n < 2, SD <= 0, a level
// outside (0, 1), empty or mismatched samples. Test with errors.Is.
var ErrInvalidInput = errors.New("effect: invalid input")

// ErrNoConvergence is wrapped when a numerical search (such as the
// inversion of the noncentral t distribution) cannot reach its tolerance.
var ErrNoConvergence = errors.New("effect: no convergence")

// FieldError reports which input field was invalid, where and why. Line,
// Column and Record locate a value read from a file (Line is the physical
// line, header = 1, as in encoding/csv); they are zero for values passed
// in code. Err is the package sentinel the error wraps; nil means
// ErrInvalidInput.
type FieldError struct {
	Line   int    // physical line of the file, header = 1; 0 if not from a file
	Column string // column heading as written in the file; "" if not from a file
	Record string // whose row: participant, study, subject or ego ID ("" if none)
	Field  string // e.g. "treat.SD", "Level", "n1"
	Value  any    // the offending value
	Reason string // e.g. "must be positive"
	Err    error  // the sentinel wrapped; nil means ErrInvalidInput
}

func (e *FieldError) Error() string {
	prefix := "effect"
	if e.Err != nil {
		if p, _, ok := strings.Cut(e.Err.Error(), ":"); ok {
			prefix = p
		}
	}
	var b strings.Builder
	b.WriteString(prefix + ": ")
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d, ", e.Line)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, "column %q, ", e.Column)
	}
	if e.Record != "" {
		fmt.Fprintf(&b, "%s: ", e.Record)
	}
	fmt.Fprintf(&b, "%s = %v: %s", e.Field, e.Value, e.Reason)
	return b.String()
}

// Unwrap returns Err, or ErrInvalidInput when Err is nil.
func (e *FieldError) Unwrap() error {
	if e.Err != nil {
		return e.Err
	}
	return ErrInvalidInput
}

func fieldErr(field string, value any, reason string) error {
	return &FieldError{Field: field, Value: value, Reason: reason}
}
