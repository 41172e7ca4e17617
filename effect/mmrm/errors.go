package mmrm

import (
	"fmt"
	"strings"

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

// inputError is a positioned input error: an *effect.FieldError (reachable
// with errors.As) that also wraps the package sentinel.
type inputError struct {
	fe       *effect.FieldError
	line     int
	column   string
	subject  string
	sentinel error
}

func (e *inputError) Error() string {
	var b strings.Builder
	b.WriteString("mmrm: ")
	if e.line > 0 {
		fmt.Fprintf(&b, "line %d, ", e.line)
	}
	if e.column != "" {
		fmt.Fprintf(&b, "column %q, ", e.column)
	}
	if e.subject != "" {
		fmt.Fprintf(&b, "subject %s: ", e.subject)
	}
	if e.fe.Field != "" {
		fmt.Fprintf(&b, "%s = %v: ", e.fe.Field, e.fe.Value)
	}
	b.WriteString(e.fe.Reason)
	return b.String()
}

func (e *inputError) Unwrap() []error { return []error{e.fe, e.sentinel} }

// fieldErr returns an input error at a file line (0 if none), column
// heading, subject, field and value, with the reason and the fix.
func fieldErr(line int, column, subject, field string, value any, reason string) error {
	return &inputError{
		fe:       &effect.FieldError{Field: field, Value: value, Reason: reason},
		line:     line,
		column:   column,
		subject:  subject,
		sentinel: ErrInvalidInput,
	}
}

// optErr reports an invalid Options field.
func optErr(field string, value any, reason string) error {
	return fieldErr(0, "", "", "Options."+field, value, reason)
}

func noConv(format string, a ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrNoConvergence}, a...)...)
}
