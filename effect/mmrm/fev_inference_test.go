package mmrm

import "testing"

// TestFEVEndToEnd holds Fit's Kenward–Roger and sandwich results on the
// SAS model of fev_data to the inference goldens
// (testdata/golden/mmrm/inference/fev_sas_us_ref.csv, polished R
// reference), through the whole pipeline: fit, blocks, W, adjustment.
func TestFEVEndToEnd(t *testing.T) {
	d := readFEV(t)
	kr, err := Fit(d, &Options{DF: KenwardRogerLinear})
	if err != nil {
		t.Fatal(err)
	}
	krSE := []float64{1.0817777909206368, 0.86333277314505574, 0.69551431434595878, 1.6934134804378176}
	krDF := []float64{145.54714317727237, 145.27758574311594, 130.92759181210599, 133.38906237553351}
	for v := range krSE {
		got := kr.Differences[v]
		if !closeTo(got.SE, krSE[v], 1e-7, 0) || !closeTo(got.DF, krDF[v], 1e-7, 0) {
			t.Errorf("KR %s: SE %.10g df %.10g; want %.10g, %.10g", got.Visit, got.SE, got.DF, krSE[v], krDF[v])
		}
	}
	if got := kr.Tests[0].DenDF; !closeTo(got, 154.37309502717559, 1e-7, 0) {
		t.Errorf("KR arm at all visits df %.10g; want 154.373095027", got)
	}
	if got := kr.Tests[1].DenDF; !closeTo(got, 152.53175024556853, 1e-7, 0) {
		t.Errorf("KR arm × visit df %.10g; want 152.531750246", got)
	}
	cr2, err := Fit(d, &Options{Cov: CR2})
	if err != nil {
		t.Fatal(err)
	}
	cr2DF := []float64{142.42311719157627, 144.32414408542365, 117.21484027202315, 134.29552153636419}
	for v, want := range cr2DF {
		if got := cr2.Differences[v].DF; !closeTo(got, want, 1e-7, 0) {
			t.Errorf("CR2 %s df %.10g; want %.10g", cr2.Differences[v].Visit, got, want)
		}
	}
}
