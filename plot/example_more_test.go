package plot_test

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/effect/meta"
	"github.com/tiesproject/ties/mmat"
	"github.com/tiesproject/ties/plot"
)

// exampleStudies are three trials of a loneliness intervention (Hedges' g,
// intervention minus usual care), two delivered face to face.
func exampleStudies() []meta.Study {
	g := func(label, sub string, v, variance float64) meta.Study {
		return meta.Study{Label: label, Subgroup: sub, Estimate: effect.Estimate{Measure: effect.MeasureG, Value: v, Variance: variance}}
	}
	return []meta.Study{
		g("Trial A 2017", "Face to face", -0.31, 0.0361),
		g("Trial B 2020", "Telephone", -0.08, 0.0441),
		g("Trial F 2013", "Face to face", -0.22, 0.0144),
		g("Trial H 2023", "Telephone", -0.65, 0.1089),
	}
}

// A fixed-effect and a random-effects fit of the same studies in one
// forest plot: one diamond each, the study rows and weights from the last.
func ExampleForestFromMeta() {
	fe, err := meta.Pool(exampleStudies(), &meta.Options{Method: meta.FixedEffect})
	if err != nil {
		log.Fatal(err)
	}
	re, err := meta.Pool(exampleStudies(), &meta.Options{Method: meta.REML})
	if err != nil {
		log.Fatal(err)
	}
	d, err := plot.ForestFromMeta(fe, re)
	if err != nil {
		log.Fatal(err)
	}
	var total float64
	for _, s := range d.Studies {
		total += s.Weight
	}
	fmt.Println(len(d.Studies), "studies;", d.Pooled[0].Label, "|", d.Pooled[1].Label)
	fmt.Printf("weights add to %.0f%%; oriented: %v; study CIs: %v\n", total, d.Oriented, d.Studies[0].CIMethod)
	// Output:
	// 4 studies; Fixed effect | Random effects (REML)
	// weights add to 100%; oriented: false; study CIs: Wald
}

// A subgroup forest plot from meta.Subgroups in one call: a heading, the
// studies and a diamond with its heterogeneity line per subgroup, then
// the overall diamond and the test for subgroup differences. (metafor:
// rma(yi, vi, method = "FE", subset = ...) gives Q = 0.16 and 2.12.)
func ExampleForestFromSubgroups() {
	a, err := meta.Subgroups(exampleStudies(), &meta.Options{Method: meta.FixedEffect})
	if err != nil {
		log.Fatal(err)
	}
	d, err := plot.ForestFromSubgroups(a)
	if err != nil {
		log.Fatal(err)
	}
	fig, err := plot.Forest(d, &plot.ForestOptions{Direction: effect.LowerIsBetter})
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range fig.Left[0].Cells {
		fmt.Println(c.Text)
	}
	fmt.Println(d.Notes[1])
	// Output:
	// Study
	// Face to face
	// Trial A 2017
	// Trial F 2013
	// Subtotal
	// Heterogeneity: I² = 0%, Q = 0.16 (df = 1, p = 0.69)
	// Telephone
	// Trial B 2020
	// Trial H 2023
	// Subtotal
	// Heterogeneity: I² = 53%, Q = 2.12 (df = 1, p = 0.15)
	// Overall (fixed effect)
	// Test for subgroup differences: Q_between = 0.00 (df = 1, p = 0.99)
}

// A funnel plot centred on a random-effects estimate, its centre line
// named in the key. (metafor: rma(yi, vi, method = "REML")$b = −0.2453.)
func ExampleFunnelFromMeta() {
	re, err := meta.Pool(exampleStudies(), &meta.Options{Method: meta.REML})
	if err != nil {
		log.Fatal(err)
	}
	d := plot.FunnelFromMeta(re)
	fig, err := plot.Funnel(d, &plot.FunnelOptions{Contours: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("centre %.3f: %s\n", *d.Center, fig.Key[len(fig.Key)-1].Label)
	// Output:
	// centre -0.245: Centre: random effects (REML)
}

// The funnel of a trim-and-fill analysis holds the observed and the
// imputed studies, centred on the estimate pooled over both. (metafor:
// trimfill(rma(yi, vi, method = "FE"))$k0 = 2.)
func ExampleFunnelFromTrimFill() {
	var studies []meta.Study
	for i, p := range []struct{ g, se float64 }{
		{-0.05, 0.10}, {-0.12, 0.12}, {-0.20, 0.15}, {-0.33, 0.20}, {-0.45, 0.25}, {-0.52, 0.30},
	} {
		studies = append(studies, meta.Study{Label: fmt.Sprint("Study ", i+1),
			Estimate: effect.Estimate{Measure: effect.MeasureG, Value: p.g, Variance: p.se * p.se}})
	}
	tf, err := meta.TrimFill(studies, nil, &meta.Options{Method: meta.FixedEffect})
	if err != nil {
		log.Fatal(err)
	}
	d := plot.FunnelFromTrimFill(tf)
	filled := 0
	for _, s := range d.Studies {
		if s.Filled {
			filled++
		}
	}
	fmt.Println(len(d.Studies)-filled, "observed,", filled, "imputed")
	// Output:
	// 6 observed, 2 imputed
}

// The summary bars of an MMAT appraisal grid: one 100% bar per
// criterion; a bar resting on one or two studies is labelled with counts.
func ExampleAppraisalSummary() {
	a := mmat.Appraisal{Study: "Trial A 2017", Category: mmat.RCT}
	b := mmat.Appraisal{Study: "Trial B 2020", Category: mmat.RCT}
	for _, id := range []string{"S1", "S2", "2.1", "2.2", "2.3", "2.4", "2.5"} {
		a.Set(id, mmat.Yes, "")
		b.Set(id, mmat.Yes, "")
	}
	b.Set("2.3", mmat.No, "")
	fig, err := plot.AppraisalSummary(mmat.NewGrid([]mmat.Appraisal{a, b}, nil), nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(fig.Left[0].Cells[4].Text, "|", fig.Right[0].Cells[4].Text)
	// Output:
	// 2.3  Complete outcomes | n = 2
}

func exampleFigure() *plot.Figure {
	fig, err := plot.Trajectory(armSummaries(), &plot.TrajectoryOptions{
		Outcome: "UCLA-3 loneliness score", Direction: "higher = lonelier",
		VisitLabels: map[float64]string{0: "Baseline"},
	})
	if err != nil {
		log.Fatal(err)
	}
	return fig
}

// Save picks the format from the extension; a figure too small for its
// content is an error that names the smallest size that works.
func ExampleFigure_Save() {
	dir, err := os.MkdirTemp("", "ties-plot")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	fig := exampleFigure()
	err = fig.Save(filepath.Join(dir, "trajectory.png"), 12*vg.Centimeter, 8*vg.Centimeter)
	fmt.Println("12 × 8 cm:", err)
	err = fig.Save(filepath.Join(dir, "tiny.png"), 5*vg.Centimeter, 3*vg.Centimeter)
	fmt.Println("5 × 3 cm too small:", errors.Is(err, plot.ErrTooSmall))
	// Output:
	// 12 × 8 cm: <nil>
	// 5 × 3 cm too small: true
}

// WriterTo renders in memory, for example to serve a figure over HTTP.
func ExampleFigure_WriterTo() {
	wt, err := exampleFigure().WriterTo(17*vg.Centimeter, 12*vg.Centimeter, "svg")
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		log.Fatal(err)
	}
	fmt.Println(bytes.HasPrefix(buf.Bytes(), []byte("<?xml")))
	// Output:
	// true
}

// Draw places a figure on a canvas of your own, for example one tile of
// a multi-panel figure.
func ExampleFigure_Draw() {
	c := vgsvg.New(17*vg.Centimeter, 12*vg.Centimeter)
	dc := draw.New(c)
	left := draw.Crop(dc, 0, -dc.Size().X/2, 0, 0)
	exampleFigure().Draw(left)
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		log.Fatal(err)
	}
	fmt.Println(bytes.Contains(buf.Bytes(), []byte("n assessed")))
	// Output:
	// true
}

// Layout measures a figure at a size without drawing it: the data
// panel's share of the page, the text size chosen and any text that runs
// into other text.
func ExampleFigure_Layout() {
	l, err := exampleFigure().Layout(8.5*vg.Centimeter, 7*vg.Centimeter)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("panel ≥ half the height: %v; text %v pt; overlaps: %d\n",
		l.Panel.Size().Y >= l.Height/2, l.FontSize, len(l.Overlaps(0.5)))
	// Output:
	// panel ≥ half the height: true; text 7.5 pt; overlaps: 0
}

// Overlaps lists pairs of texts whose boxes overlap: none in a figure
// laid out by the package.
func ExampleLayout_Overlaps() {
	fig, err := plot.Forest(forestData(), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range []vg.Length{8.5, 12, 17} {
		l, err := fig.Layout(w*vg.Centimeter, 10*vg.Centimeter)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%v cm: %d overlaps\n", w, len(l.Overlaps(0.5)))
	}
	// Output:
	// 8.5 cm: 0 overlaps
	// 12 cm: 0 overlaps
	// 17 cm: 0 overlaps
}

// FullTextHeight says how tall to draw a forest plot in a single column
// (8.5 cm) so that its "Author et al. <year>" labels wrap instead of
// being cut short.
func ExampleFigure_FullTextHeight() {
	d := forestData()
	for i := range d.Studies {
		d.Studies[i].Label = fmt.Sprintf("Author et al. %d", 2001+i)
	}
	fig, err := plot.Forest(d, nil)
	if err != nil {
		log.Fatal(err)
	}
	h, err := fig.FullTextHeight(8.5 * vg.Centimeter)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("labels in full from %.1f cm\n", h/vg.Centimeter)
	for _, cm := range []vg.Length{8, 12} {
		l, err := fig.Layout(8.5*vg.Centimeter, cm*vg.Centimeter)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("8.5 × %v cm: %d labels cut", cm, len(l.Shortened))
		if len(l.Shortened) > 0 {
			fmt.Printf(", the first to %q", l.Shortened[0].Shown)
		}
		fmt.Println()
	}
	// Output:
	// labels in full from 11.5 cm
	// 8.5 × 8 cm: 9 labels cut, the first to "Auth… 2001"
	// 8.5 × 12 cm: 0 labels cut
}
