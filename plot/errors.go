package plot

import (
	"errors"
	"fmt"

	"github.com/tiesproject/ties/effect"
)

// ErrInvalidInput is wrapped by every error caused by data that cannot be
// drawn faithfully: no arms or studies, NaN or infinite values, negative
// standard errors, intervals that do not contain their estimate, mismatched
// lengths, unknown judgements. It wraps effect.ErrInvalidInput, so one
// errors.Is test covers the whole module.
var ErrInvalidInput = fmt.Errorf("plot: invalid input (%w)", effect.ErrInvalidInput)

// ErrTooSmall is wrapped when a figure cannot be laid out at the requested
// size without losing its data panel, even with every label wrapped or
// shortened and the text at the 7 pt floor, or when a PRISMA diagram is
// too narrow for its words or taller than PRISMAOptions.MaxHeight. The
// *effect.FieldError that wraps it names the element that does not fit
// and the smallest size that works.
var ErrTooSmall = errors.New("plot: figure too small")

// ErrFormat is wrapped when Save or WriterTo is asked for a file format it
// does not know, or for a non-positive size or resolution.
var ErrFormat = errors.New("plot: unsupported output")

// inputErr is the positioned error of invalid data: field names the
// figure's input, for example `forest: Studies[3 "Trial D 1999"].SE`.
func inputErr(figure, field string, value any, reason string) error {
	return &effect.FieldError{Field: figure + ": " + field, Value: value, Reason: reason, Err: ErrInvalidInput}
}
