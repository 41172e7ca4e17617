package nct

import "errors"

var (
	// ErrInvalidInput is wrapped by errors for NaN or infinite t, df <= 0,
	// or a level or probability outside (0, 1).
	ErrInvalidInput = errors.New("nct: invalid input")

	// ErrNoConvergence is wrapped when a root search fails; the underlying
	// internal/root error is wrapped as well.
	ErrNoConvergence = errors.New("nct: no convergence")
)
