package plot

import (
	"errors"
	"fmt"

	"github.com/tiesproject/ties/effect"
)

// ErrInvalidInput is wrapped by every error caused by data that cannot be
// drawn faithfully: no arms or studies, NaN or infinite values, negative
// standard errors, intervals that do not contain their estimate, mismatched
// lengths, unknown judgements. Errors that wrap it also wrap
// effect.ErrInvalidInput, so one errors.Is test covers the whole module.
var ErrInvalidInput = errors.New("plot: invalid input")

// ErrFormat is wrapped when Save or WriterTo is asked for a file format it
// does not know, or for a non-positive size or resolution.
var ErrFormat = errors.New("plot: unsupported output")

// InputError reports which field of which row was invalid and why. It wraps
// ErrInvalidInput and effect.ErrInvalidInput.
type InputError struct {
	Figure string // "trajectory", "forest", "funnel", "appraisal"
	Field  string // e.g. `Arms[1].Visits[2].Mean`, `Studies["Smith 2019"].SE`
	Value  any    // the offending value
	Reason string // e.g. "must be positive"
}

func (e *InputError) Error() string {
	if e.Value == nil {
		return fmt.Sprintf("plot: %s: %s: %s", e.Figure, e.Field, e.Reason)
	}
	return fmt.Sprintf("plot: %s: %s = %v: %s", e.Figure, e.Field, e.Value, e.Reason)
}

// Unwrap returns ErrInvalidInput and effect.ErrInvalidInput.
func (e *InputError) Unwrap() []error { return []error{ErrInvalidInput, effect.ErrInvalidInput} }

func inputErr(figure, field string, value any, reason string) error {
	return &InputError{Figure: figure, Field: field, Value: value, Reason: reason}
}
