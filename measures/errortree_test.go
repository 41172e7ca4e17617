package measures

import (
	"testing"

	"github.com/tiesproject/ties/internal/errcheck"
)

// sentinels are the package's sentinel errors.
var sentinels = []error{ErrInvalidInput, ErrInvalidKey, ErrUnknownInstrument, ErrOutOfRange, ErrNotNumeric, ErrColumn, ErrRecord}

// checkPositioned fails unless every error joined in err is an
// *effect.FieldError whose Err is one of the package's sentinels and whose
// Line lies in [0, maxLine].
func checkPositioned(t *testing.T, what string, err error, maxLine int) {
	t.Helper()
	errcheck.Positioned(t, "measures", what, err, maxLine, sentinels...)
}
