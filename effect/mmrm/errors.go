package mmrm

import (
	"fmt"

	"github.com/tiesproject/ties/effect"
)

// ErrInvalidInput is wrapped by every error caused by data or options that
// cannot be fitted: mismatched columns, duplicate subject–visit rows, a visit
// outside the given order, an arm that changes within a subject, a singular
// design. It wraps effect.ErrInvalidInput. Test with errors.Is.
var ErrInvalidInput = fmt.Errorf("mmrm: invalid input (%w)", effect.ErrInvalidInput)

// ErrNoConvergence is wrapped when the Newton–Raphson iterations stop
// without reaching the gradient tolerance, or the covariance matrix is not
// positive definite at the optimum. It wraps effect.ErrNoConvergence.
var ErrNoConvergence = fmt.Errorf("mmrm: no convergence (%w)", effect.ErrNoConvergence)

// fieldErr returns an input error at a file line (0 if none), column
// heading, subject, field and value, with the reason and the fix.
func fieldErr(line int, column, subject, field string, value any, reason string) error {
	rec := ""
	if subject != "" {
		rec = "subject " + subject
	}
	return &effect.FieldError{Line: line, Column: column, Record: rec, Field: field, Value: value, Reason: reason, Err: ErrInvalidInput}
}

// optErr reports an invalid Options field.
func optErr(field string, value any, reason string) error {
	return fieldErr(0, "", "", "Options."+field, value, reason)
}

func noConv(format string, a ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrNoConvergence}, a...)...)
}
