package effect

import (
	"errors"
	"math"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

// Goldens: testdata/golden/effect/ancova/gen.R part 2 (compute.es 0.2-5
// a.mes/a.tes equations; rows 1-2 are reference case RC18).
func TestANCOVAReportedGolden(t *testing.T) {
	for i, r := range golden.ReadCSV(t, "../testdata/golden/effect/ancova/reported.csv") {
		var got AdjustedSMD
		var err error
		if r.String(t, "kind") == "means" {
			got, err = ANCOVAFromMeans(r.Float(t, "m1"), r.Float(t, "m2"), r.Float(t, "sdadj"), r.Int(t, "n1"), r.Int(t, "n2"), r.Float(t, "R")*r.Float(t, "R"), r.Int(t, "q"), nil)
		} else {
			got, err = ANCOVAFromT(r.Float(t, "t"), r.Int(t, "n1"), r.Int(t, "n2"), r.Float(t, "R")*r.Float(t, "R"), r.Int(t, "q"), nil)
		}
		if err != nil {
			t.Fatal(i, err)
		}
		golden.Close(t, "d", got.D.Value, r.Float(t, "d"), 1e-13, 1e-13)
		golden.Close(t, "var.d", got.D.Variance, r.Float(t, "vd"), 1e-13, 1e-13)
		golden.Close(t, "g (exact J)", got.G.Value, r.Float(t, "g.exact"), 1e-13, 1e-13)
		golden.Close(t, "var.g (exact J)", got.G.Variance, r.Float(t, "vg.exact"), 1e-13, 1e-13)
		if got.D.DF != r.Float(t, "df") || got.G.DF != r.Float(t, "df") {
			t.Errorf("row %d: DF %v, want %v", i, got.D.DF, r.Float(t, "df"))
		}
		// compute.es's approximate J reproduces its g to the printed digits.
		ja := 1 - 3/(4*r.Float(t, "df")-1)
		golden.Close(t, "g (approx J)", ja*got.D.Value, r.Float(t, "g.approx"), 1e-13, 1e-13)
	}
	// RC18 a.mes CI [−0.658647561936, 0.002237305526] (z interval on d).
	got, _ := ANCOVAFromMeans(38.9, 42.1, 7.8, 45, 47, 0.36, 1, nil)
	golden.Close(t, "RC18 lb", got.D.CI.Lower, -0.658647561936, 1e-11, 1e-11)
	golden.Close(t, "RC18 ub", got.D.CI.Upper, 0.002237305526, 1e-11, 1e-11)
}

func TestANCOVAReportedInvalid(t *testing.T) {
	for _, c := range []struct {
		f     func() (AdjustedSMD, error)
		field string
	}{
		{func() (AdjustedSMD, error) { return ANCOVAFromMeans(math.NaN(), 1, 1, 10, 10, .3, 1, nil) }, "treatAdjMean"},
		{func() (AdjustedSMD, error) { return ANCOVAFromMeans(1, math.Inf(-1), 1, 10, 10, .3, 1, nil) }, "controlAdjMean"},
		{func() (AdjustedSMD, error) { return ANCOVAFromMeans(1, 1, 0, 10, 10, .3, 1, nil) }, "adjustedSD"},
		{func() (AdjustedSMD, error) { return ANCOVAFromMeans(1, 1, 1, 1, 10, .3, 1, nil) }, "n1"},
		{func() (AdjustedSMD, error) { return ANCOVAFromT(1, 10, 0, .3, 1, nil) }, "n2"},
		{func() (AdjustedSMD, error) { return ANCOVAFromT(1, 10, 10, 1, 1, nil) }, "r2"},
		{func() (AdjustedSMD, error) { return ANCOVAFromT(1, 10, 10, -0.1, 1, nil) }, "r2"},
		{func() (AdjustedSMD, error) { return ANCOVAFromT(1, 10, 10, .3, 0, nil) }, "q"},
		{func() (AdjustedSMD, error) { return ANCOVAFromT(1, 3, 3, .3, 3, nil) }, "q"},
		{func() (AdjustedSMD, error) { return ANCOVAFromT(math.NaN(), 10, 10, .3, 1, nil) }, "t"},
		{func() (AdjustedSMD, error) { return ANCOVAFromT(1, 10, 10, .3, 1, &Options{Level: 2}) }, "Options.Level"},
		{func() (AdjustedSMD, error) { return ANCOVAFromT(1, 10, 10, .3, 1, &Options{CI: NoncentralT}) }, "Options.CI"},
	} {
		_, err := c.f()
		var fe *FieldError
		if !errors.Is(err, ErrInvalidInput) || !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("err %v, want field %s", err, c.field)
		}
	}
}
