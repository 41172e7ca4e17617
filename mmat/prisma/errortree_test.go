package prisma

import (
	"testing"

	"github.com/tiesproject/ties/internal/errcheck"
)

// sentinels are the package's sentinel errors.
var sentinels = []error{ErrInvalidInput, ErrInconsistent, ErrUnusual}

// checkPositioned fails unless every error joined in err is an
// *effect.FieldError whose Err is one of the package's sentinels and whose
// Line lies in [0, maxLine].
func checkPositioned(t *testing.T, what string, err error, maxLine int) {
	t.Helper()
	errcheck.Positioned(t, "prisma", what, err, maxLine, sentinels...)
}
