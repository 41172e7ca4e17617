package mmrm

import (
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

func TestFEVQuick(t *testing.T) {
	d := readFEV(t)
	r, err := Fit(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("-2RLL %.8f iter %d grad %g", -2*r.LogLik, r.Iterations, r.GradientNorm)
	for _, df := range r.Differences {
		t.Logf("%s %s %.8f %.9f %.6f", df.Arm, df.Visit, df.Estimate, df.SE, df.DF)
	}
	for _, l := range r.LSMeans {
		t.Logf("%s %s %.7f", l.Arm, l.Visit, l.Estimate)
	}
	t.Log(r.Theta)
}
