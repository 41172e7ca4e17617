package effect

import (
	"errors"
	"fmt"
	"math"

	"github.com/tiesproject/ties/internal/nct"
)

// ncpInterval returns the confidence interval [lo, hi] for the
// noncentrality parameter λ of a noncentral t distribution with df degrees
// of freedom, given the observed statistic t: lo solves
// P(T ≤ t; df, lo) = 1 − α/2 and hi solves P(T ≤ t; df, hi) = α/2, with
// α = 1 − level (Steiger & Fouladi 1997). The limits come from
// internal/nct's fast path, accurate to 1e-9 on the λ scale (see
// nct.FastNCPInterval); the golden tests check them against R (uniroot on
// pt, tol 1e-13) and mpmath.
func ncpInterval(t, df, level float64) (lo, hi float64, err error) {
	lo, hi, err = nct.FastNCPInterval(t, df, level)
	if err != nil {
		sentinel := ErrNoConvergence
		if errors.Is(err, nct.ErrInvalidInput) {
			sentinel = ErrInvalidInput
		}
		return math.NaN(), math.NaN(), &FieldError{Field: "CI", Value: t, Err: sentinel,
			Reason: fmt.Sprintf("no exact interval for t = %v on %v df at level %v (%v); request Options.CI = Wald", t, df, level, err)}
	}
	return lo, hi, nil
}
