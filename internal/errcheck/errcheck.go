package errcheck

import (
	"errors"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// Leaves returns the errors joined in err, depth first (errors.Join nests).
func Leaves(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, Leaves(e)...)
		}
		return out
	}
	return []error{err}
}

// Positioned fails the test unless every error joined in err is an
// *effect.FieldError whose Err is one of sentinels and whose Line lies in
// [0, maxLine]. pkg names the package in the failure message.
func Positioned(t testing.TB, pkg, what string, err error, maxLine int, sentinels ...error) {
	t.Helper()
	for _, e := range Leaves(err) {
		var fe *effect.FieldError
		if !errors.As(e, &fe) {
			t.Fatalf("%s: %v is not an *effect.FieldError", what, e)
			return // Fatalf stops a real test; a stand-in may return
		}
		found := false
		for _, s := range sentinels {
			if fe.Err == s && errors.Is(e, s) {
				found = true
			}
		}
		if !found {
			t.Fatalf("%s: %v wraps %v, not a sentinel of %s", what, e, fe.Err, pkg)
			return
		}
		if fe.Line < 0 || fe.Line > maxLine {
			t.Fatalf("%s: %v: line %d outside [0, %d]", what, e, fe.Line, maxLine)
			return
		}
	}
}
