package effect

import (
	"math"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

// optFloat returns the number in column c and whether it is present (R's
// NA reads as NaN and gives false).
func optFloat(t *testing.T, r golden.Record, c string) (float64, bool) {
	t.Helper()
	v := r.Float(t, c)
	return v, !math.IsNaN(v)
}

// readGolden reads name from the effect goldens directory.
func readGolden(t *testing.T, name string) []golden.Record {
	t.Helper()
	return golden.ReadCSV(t, goldenDir+"/"+name)
}
