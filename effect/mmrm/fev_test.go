package mmrm

import (
	"math"
	"os"
	"testing"
)

func readFEV(t testing.TB) *Data {
	t.Helper()
	f, err := os.Open("testdata/fev_data.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := ReadCSV(f, Columns{Subject: "USUBJID", Visit: "AVISIT", Arm: "ARMCD", Outcome: "FEV1", Factors: []string{"RACE", "SEX"}})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// roundsTo reports whether x rounds to want at the given decimals.
func roundsTo(x, want float64, decimals int) bool {
	s := math.Pow(10, float64(decimals))
	return math.Abs(math.Round(x*s)-math.Round(want*s)) <= 1 // SAS stopped 6e-6 short: allow one unit
}

// TestFEVSAS holds the fev_data analysis (FEV1 = ARMCD*AVISIT + RACE + SEX,
// US, REML, Satterthwaite) to SAS PROC MIXED's printed digits and to the
// exact optimum at 1e-6.
func TestFEVSAS(t *testing.T) {
	r, err := Fit(readFEV(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.NSubjects != 197 || r.NObs != 537 || len(r.Excluded) != 3 {
		t.Errorf("subjects %d obs %d excluded %v; want 197, 537, 3", r.NSubjects, r.NObs, r.Excluded)
	}
	for _, e := range r.Excluded {
		if e.Reason != "no post-baseline outcome" {
			t.Errorf("excluded %v", e)
		}
	}
	if r.GradientNorm >= 1e-8 {
		t.Errorf("gradient norm %g", r.GradientNorm)
	}
	exact := []struct{ est, se, df float64 }{
		{3.77441405, 1.07416076, 145.547143},
		{3.73232396, 0.858855672, 145.277586},
		{3.08060711, 0.689626131, 130.927592},
		{4.39853678, 1.68055019, 133.389062},
	}
	sas := []struct {
		est, se float64
		df      float64
	}{{3.7745, 1.0741, 146}, {3.7322, 0.8588, 145}, {3.0806, 0.6896, 131}, {4.3985, 1.6805, 133}}
	for v, want := range exact {
		got := r.Differences[v]
		if !closeTo(got.Estimate, want.est, 1e-6, 0) || !closeTo(got.SE, want.se, 1e-6, 0) || !closeTo(got.DF, want.df, 1e-6, 0) {
			t.Errorf("%s: %.9g (%.9g) df %.9g; want %v", got.Visit, got.Estimate, got.SE, got.DF, want)
		}
		if !roundsTo(got.Estimate, sas[v].est, 4) || !roundsTo(got.SE, sas[v].se, 4) || math.Round(got.DF) != sas[v].df {
			t.Errorf("%s: %.4f (%.4f) df %.0f; SAS %v", got.Visit, got.Estimate, got.SE, got.DF, sas[v])
		}
	}
	if m2 := -2 * r.LogLik; !closeTo(m2, 3386.44987116, 1e-10, 0) || !roundsTo(m2, 3386.44987722, 4) {
		t.Errorf("-2 res log like %.8f; want 3386.44987116 (SAS 3386.44987722)", m2)
	}
	ls := map[[2]string]float64{{"TRT", "VIS1"}: 37.1062219, {"PBO", "VIS1"}: 33.3318078, {"TRT", "VIS4"}: 52.7841309, {"PBO", "VIS4"}: 48.3855941}
	for _, l := range r.LSMeans {
		if want, ok := ls[[2]string{l.Arm, l.Visit}]; ok && !closeTo(l.Estimate, want, 1e-8, 0) {
			t.Errorf("LS mean %s %s = %.8f; want %.7f", l.Arm, l.Visit, l.Estimate, want)
		}
	}
	diag := []float64{40.554438, 26.571438, 14.8979555, 95.5565155}
	for i, want := range diag {
		if got := r.Covariance[0].At(i, i); !closeTo(got, want, 1e-7, 0) {
			t.Errorf("Σ[%d,%d] = %.8g; want %.8g", i, i, got, want)
		}
	}
}
