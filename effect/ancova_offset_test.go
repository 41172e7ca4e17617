package effect

import (
	"math"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

// TestANCOVAOffset fits data_covs.csv with the baseline shifted by 1e6 and
// 1e8 (the baseline rounded to multiples of 1/16, so that the shifted
// values are exact) and compares with R's lm on the unshifted data
// (testdata/golden/effect/ancova/offset.R): every coefficient but the
// intercept is shift-invariant, and the intercept moves by −slope·offset.
// (lm itself, which does not centre, is off by 11% at 1e8.)
func TestANCOVAOffset(t *testing.T) {
	ref := golden.ReadCSV(t, "../testdata/golden/effect/ancova/offset.csv")
	base := readANCOVAData(t, "../testdata/golden/effect/ancova/data_covs.csv", "outcome~arm+baseline+age+site")
	slope := ref[2].Float(t, "est")
	for _, off := range []float64{0, 1e6, 1e8} {
		d := base
		d.Baseline = make([]float64, len(base.Baseline))
		for i, v := range base.Baseline {
			// Multiples of 1/16, exact after the shift (as offset.R).
			d.Baseline[i] = math.Round(v*16)/16 + off
		}
		res, err := ANCOVA(d, nil)
		if err != nil {
			t.Fatalf("offset %g: %v", off, err)
		}
		for i, r := range ref {
			c := res.Coefficients[i]
			want := r.Float(t, "est")
			tol := 1e-12
			if i == 0 {
				want -= slope * off
				tol = 1e-12 * (1 + slope*off)
			}
			golden.Close(t, r.String(t, "term")+" estimate", c.Estimate, want, 1e-12, tol)
			if i > 0 { // the intercept's SE grows with the shift
				golden.Close(t, r.String(t, "term")+" SE", c.SE, r.Float(t, "se"), 1e-12, 0)
			}
		}
	}
}
