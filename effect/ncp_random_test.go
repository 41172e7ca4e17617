package effect

import (
	"errors"
	"math"
	"testing"

	"github.com/tiesproject/ties/internal/nct"
)

// TestNCPIntervalWrapsNct: ncpInterval is internal/nct's FastNCPInterval
// with effect's errors. The accuracy of that interval against the exact
// quadrature over 5,000 random points of the whole region is tested once,
// in internal/nct (TestFastNCPIntervalRandom, 1e-9 on the ncp scale).
func TestNCPIntervalWrapsNct(t *testing.T) {
	for _, c := range [][3]float64{{2.2, 90, 0.95}, {-30, 3, 0.99}, {0.3, 1.5, 0.5}, {40, 200, 0.95}, {6, 38, 0.999}} {
		lo, hi, err := ncpInterval(c[0], c[1], c[2])
		rlo, rhi, rerr := nct.FastNCPInterval(c[0], c[1], c[2])
		if err != nil || rerr != nil || lo != rlo || hi != rhi {
			t.Errorf("%v: [%v, %v] %v; nct [%v, %v] %v", c, lo, hi, err, rlo, rhi, rerr)
		}
	}
	lo, hi, err := ncpInterval(1, -2, 0.95)
	var fe *FieldError
	if !errors.Is(err, ErrInvalidInput) || !errors.As(err, &fe) || !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Errorf("invalid df: [%v, %v] %v", lo, hi, err)
	}
}
