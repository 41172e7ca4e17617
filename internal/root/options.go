package root

import (
	"fmt"
	"math"
)

// Options controls the tolerance and the effort of [Brent] and
// [SolveMonotone]. A nil *Options means the defaults documented on each
// field.
type Options struct {
	// AbsTol is the absolute tolerance on the root. Zero means 0, i.e. only
	// the relative tolerance applies (plus a tiny floor of 1e-300 so that a
	// root at exactly zero terminates).
	AbsTol float64

	// RelTol is the tolerance relative to |x|. Zero means 1e-13. Values below
	// 2·eps (4.4e-16) are raised to 2·eps.
	RelTol float64

	// MaxIter bounds the number of function evaluations in Brent. Zero means
	// 200.
	MaxIter int
}

const (
	defaultRelTol  = 1e-13
	defaultMaxIter = 200
	absFloor       = 1e-300
	eps2           = 2 * 0x1p-52
)

// resolve returns the effective tolerances.
func (o *Options) resolve() (absTol, relTol float64, maxIter int, err error) {
	absTol, relTol, maxIter = 0, defaultRelTol, defaultMaxIter
	if o != nil {
		if o.AbsTol < 0 || math.IsNaN(o.AbsTol) || math.IsInf(o.AbsTol, 0) {
			return 0, 0, 0, fmt.Errorf("%w: AbsTol = %v must be finite and >= 0", ErrInvalidInput, o.AbsTol)
		}
		if o.RelTol < 0 || math.IsNaN(o.RelTol) || math.IsInf(o.RelTol, 0) {
			return 0, 0, 0, fmt.Errorf("%w: RelTol = %v must be finite and >= 0", ErrInvalidInput, o.RelTol)
		}
		if o.MaxIter < 0 {
			return 0, 0, 0, fmt.Errorf("%w: MaxIter = %d must be >= 0", ErrInvalidInput, o.MaxIter)
		}
		absTol = o.AbsTol
		if o.RelTol != 0 {
			relTol = o.RelTol
		}
		if o.MaxIter != 0 {
			maxIter = o.MaxIter
		}
	}
	absTol = math.Max(absTol, absFloor)
	relTol = math.Max(relTol, eps2)
	return absTol, relTol, maxIter, nil
}
