package root

import "errors"

var (
	// ErrInvalidInput is returned (wrapped) for NaN or infinite arguments,
	// an empty or reversed search range, a non-positive step or negative
	// tolerances.
	ErrInvalidInput = errors.New("root: invalid input")

	// ErrNoBracket is returned (wrapped) when f does not change sign on the
	// given bracket, or when FindBracket reaches the limits of its search
	// range without finding a sign change.
	ErrNoBracket = errors.New("root: no sign change")

	// ErrNoConvergence is returned (wrapped) when the iteration limit is
	// reached before the tolerance is met.
	ErrNoConvergence = errors.New("root: no convergence")

	// ErrNaN is returned (wrapped) when f returns NaN.
	ErrNaN = errors.New("root: function returned NaN")
)
