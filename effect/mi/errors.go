package mi

import (
	"errors"

	"github.com/tiesproject/ties/effect"
)

// ErrInvalidInput is wrapped by every error caused by input that cannot be
// pooled: too few estimates, NaN or infinite values, negative standard
// errors, a level outside (0, 1).
var ErrInvalidInput = errors.New("mi: invalid input")

func fieldErr(field string, value any, reason string) error {
	return &effect.FieldError{Field: field, Value: value, Reason: reason, Err: ErrInvalidInput}
}
