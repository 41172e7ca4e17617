package measures

import (
	"errors"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// sentinels are the package's sentinel errors.
var sentinels = []error{ErrInvalidInput, ErrInvalidKey, ErrUnknownInstrument, ErrOutOfRange, ErrNotNumeric, ErrColumn, ErrRecord}

// leaves returns the errors joined in err (errors.Join nests).
func leaves(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, leaves(e)...)
		}
		return out
	}
	return []error{err}
}

// checkPositioned fails unless every error joined in err is an
// *effect.FieldError whose Err is one of the package's sentinels (so that
// errors.As and errors.Is both work on it) and whose Line lies in
// [0, maxLine].
func checkPositioned(t *testing.T, what string, err error, maxLine int) {
	t.Helper()
	for _, e := range leaves(err) {
		var fe *effect.FieldError
		if !errors.As(e, &fe) {
			t.Fatalf("%s: %v is not an *effect.FieldError", what, e)
		}
		found := false
		for _, s := range sentinels {
			if fe.Err == s && errors.Is(e, s) {
				found = true
			}
		}
		if !found {
			t.Fatalf("%s: %v wraps %v, not a sentinel of measures", what, e, fe.Err)
		}
		if fe.Line < 0 || fe.Line > maxLine {
			t.Fatalf("%s: %v: line %d outside [0, %d]", what, e, fe.Line, maxLine)
		}
	}
}
