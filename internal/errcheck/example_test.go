package errcheck_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/internal/errcheck"
)

// exampleT stands in for the *testing.T of a test and prints what the test
// would report.
type exampleT struct{ testing.TB }

func (exampleT) Helper() {}

func (exampleT) Fatalf(format string, args ...any) { fmt.Printf("FAIL: "+format+"\n", args...) }

func ExampleLeaves() {
	a := &effect.FieldError{Line: 3, Reason: "bad code"}
	b := &effect.FieldError{Line: 7, Reason: "blank ID"}
	fmt.Println(len(errcheck.Leaves(errors.Join(a, errors.Join(b)))))
	// Output:
	// 2
}

func ExamplePositioned() {
	var t exampleT // in a test: the test's *testing.T
	good := errors.Join(
		&effect.FieldError{Line: 3, Reason: "bad code", Err: effect.ErrInvalidInput},
		&effect.FieldError{Line: 7, Reason: "blank ID", Err: effect.ErrInvalidInput})
	errcheck.Positioned(t, "effect", "two rows", good, 10, effect.ErrInvalidInput)
	errcheck.Positioned(t, "effect", "plain error", errors.New("no position"), 10, effect.ErrInvalidInput)
	// Output:
	// FAIL: plain error: no position is not an *effect.FieldError
}
