package effect

import (
	"errors"
	"fmt"
)

// ErrInvalidInput is wrapped by every error caused by input that cannot
// yield an estimate: NaN or infinite values, n < 2, SD <= 0, a level
// outside (0, 1), empty or mismatched samples. Test with errors.Is.
var ErrInvalidInput = errors.New("effect: invalid input")

// ErrNoConvergence is wrapped when a numerical search (such as the
// inversion of the noncentral t distribution) cannot reach its tolerance.
var ErrNoConvergence = errors.New("effect: no convergence")

// FieldError reports which input field was invalid and why. It wraps
// ErrInvalidInput.
type FieldError struct {
	Field  string // e.g. "treat.SD", "Level", "n1"
	Value  any    // the offending value
	Reason string // e.g. "must be positive"
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("effect: %s = %v: %s", e.Field, e.Value, e.Reason)
}

// Unwrap returns ErrInvalidInput.
func (e *FieldError) Unwrap() error { return ErrInvalidInput }

func fieldErr(field string, value any, reason string) error {
	return &FieldError{Field: field, Value: value, Reason: reason}
}
