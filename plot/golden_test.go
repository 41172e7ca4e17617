package plot_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/effect/meta"
	"github.com/tiesproject/ties/internal/golden"
	"github.com/tiesproject/ties/plot"
)

// Run "go test ./plot -update" (golden.Update) to rewrite the golden SVGs
// and the PNGs beside them (the PNGs are for people: the README shows
// them; they are not compared, as rasterization differs between
// architectures).

// checkGolden renders fig as SVG and compares it byte for byte with
// testdata/<name>_golden.svg.
func checkGolden(t *testing.T, name string, fig *plot.Figure, w, h vg.Length) {
	t.Helper()
	wt, err := fig.WriterTo(w, h, "svg")
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if _, err := wt.WriteTo(&got); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", name+"_golden.svg")
	if *golden.Update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := fig.Save(filepath.Join("testdata", name+".png"), w, h); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		out := filepath.Join(t.TempDir(), name+".svg")
		_ = os.WriteFile(out, got.Bytes(), 0o644)
		t.Errorf("%s differs from %s (got written to %s; run go test -update if the change is intended)", name, path, out)
	}
}

const cm = vg.Centimeter

func TestGoldenTrajectoryLong(t *testing.T) {
	fig, err := plot.TrajectoryLong(trialObservations(), &plot.TrajectoryOptions{
		Outcome:     "UCLA-3 loneliness score",
		Direction:   "higher = lonelier",
		VisitLabels: map[float64]string{0: "Baseline"},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "trajectory", fig, 17*cm, 12*cm)
}

func TestGoldenTrajectorySummaries(t *testing.T) {
	fig, err := plot.Trajectory(armSummaries(), &plot.TrajectoryOptions{
		Outcome:     "UCLA-3 loneliness score",
		Direction:   "higher = lonelier",
		VisitLabels: map[float64]string{0: "Baseline"},
		Title:       "Loneliness over 12 months",
	})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "trajectory_summaries", fig, 17*cm, 12*cm)
}

func TestGoldenForest(t *testing.T) {
	fig, err := plot.Forest(forestData(), &plot.ForestOptions{Direction: effect.LowerIsBetter, Intervention: "befriending"})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "forest", fig, 17*cm, 10*cm)
}

func TestGoldenForestFromMeta(t *testing.T) {
	fe, err := meta.Pool(metaStudies(), &meta.Options{Method: meta.FixedEffect})
	if err != nil {
		t.Fatal(err)
	}
	re, err := meta.Pool(metaStudies(), &meta.Options{Method: meta.REML, KnappHartung: true})
	if err != nil {
		t.Fatal(err)
	}
	d, err := plot.ForestFromMeta(fe, re)
	if err != nil {
		t.Fatal(err)
	}
	fig, err := plot.Forest(d, &plot.ForestOptions{Direction: effect.LowerIsBetter})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "forest_meta", fig, 17*cm, 10*cm)
}

func TestGoldenForestOddsRatio(t *testing.T) {
	ci := func(v, se float64) effect.Interval {
		return effect.Interval{Lower: v - 1.959964*se, Upper: v + 1.959964*se, Level: 0.95}
	}
	d := plot.ForestData{Measure: effect.MeasureLogOR, Studies: []plot.ForestStudy{
		{Label: "Trial A", Estimate: -0.60, CI: ci(-0.60, 0.35), Weight: 30},
		{Label: "Trial B", Estimate: -0.22, CI: ci(-0.22, 0.25), Weight: 45},
		{Label: "Trial C", Estimate: 0.18, CI: ci(0.18, 0.55), Weight: 25},
	}, Pooled: []plot.ForestPooled{{Label: "Fixed effect", Estimate: -0.25, CI: ci(-0.25, 0.19)}}}
	fig, err := plot.Forest(d, &plot.ForestOptions{Direction: effect.LowerIsBetter, Title: "Still lonely at 12 months"})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "forest_or", fig, 15*cm, 6*cm)
}

func TestGoldenFunnel(t *testing.T) {
	checkFunnel := func(name string, d plot.FunnelData) {
		fig, err := plot.Funnel(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, name, fig, 12*cm, 10*cm)
	}
	checkFunnel("funnel", funnelData())
	var studies []meta.Study
	for _, s := range funnelData().Studies {
		if !s.Filled {
			studies = append(studies, meta.Study{Label: s.Label, Estimate: effect.Estimate{Measure: effect.MeasureG, Value: s.Estimate, Variance: s.SE * s.SE}})
		}
	}
	tf, err := meta.TrimFill(studies, nil, &meta.Options{Method: meta.FixedEffect})
	if err != nil {
		t.Fatal(err)
	}
	checkFunnel("funnel_trimfill", plot.FunnelFromTrimFill(tf))
}

func TestGoldenAppraisal(t *testing.T) {
	fig, err := plot.TrafficLight(appraisalGrid(), nil)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "traffic_light", fig, 17*cm, 12*cm)
	fig, err = plot.AppraisalSummary(appraisalGrid(), nil)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "appraisal_summary", fig, 17*cm, 10*cm)
}
