package mmat

import (
	"testing"

	"github.com/tiesproject/ties/internal/errcheck"
)

// sentinels are the package's sentinel errors.
var sentinels = []error{ErrInvalidAnswer, ErrUnknownCriterion, ErrInvalidCategory, ErrWrongCategory,
	ErrMissingAnswer, ErrDuplicate, ErrInvalidInput, ErrUndefined, ErrNotAppraisable, ErrDerived55}

// checkPositioned fails unless every error joined in err is an
// *effect.FieldError whose Err is one of the package's sentinels and whose
// Line lies in [0, maxLine].
func checkPositioned(t *testing.T, what string, err error, maxLine int) {
	t.Helper()
	errcheck.Positioned(t, "mmat", what, err, maxLine, sentinels...)
}
