package plot_test

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
	"gonum.org/v1/plot/vg"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/effect/meta"
	"github.com/tiesproject/ties/internal/golden"
	"github.com/tiesproject/ties/plot"
)

// The labels that broke the layout (issue 16).
const (
	lsnsLabel = "Lubben Social Network Scale, 6-item version (lsns-6)"
	lsnsDir   = "higher = larger social network (lower isolation risk)"
	uclaLabel = "UCLA-3 loneliness score"
	uclaDir   = "higher = lonelier"
	label75   = "Cattan, White, Bond and Learmouth 2005: telephone befriending for older adults"
)

var widths = []float64{8.5, 12, 17}

// subgroupStudies are metaStudies in two subgroups by delivery, with one
// long label.
func subgroupStudies() []meta.Study {
	st := metaStudies()
	st[0].Label = label75
	for i := range st {
		st[i].Subgroup = "Face to face"
		if i%3 == 1 {
			st[i].Subgroup = "Telephone or video"
		}
	}
	return st
}

// figureCase is one figure kind with long labels, the share of the width
// and height its data panel must keep, and its height at each width.
type figureCase struct {
	name       string
	build      func() (*plot.Figure, error)
	minW, minH float64
	height     func(w float64) float64
}

func longForest() plot.ForestData {
	d := forestData()
	d.Studies[0].Label = label75
	for i := range d.Studies[1:] {
		d.Studies[i+1].Label = fmt.Sprintf("Author%c et al. %d", 'A'+i, 2001+i)
	}
	return d
}

func longArms() []plot.Arm {
	arms := armSummaries()
	arms[0].Name = "Befriending by trained volunteers"
	return arms
}

// trajectoryHeight: the sizes of issue 16 (8.5 × 7 and 12 × 8 cm) and a
// double-column 17 × 12 cm.
func trajectoryHeight(w float64) float64 { return map[float64]float64{8.5: 7, 12: 8, 17: 12}[w] }

func figureCases() []figureCase {
	return []figureCase{
		{name: "trajectory", minW: 0.5, minH: 0.5, height: trajectoryHeight,
			build: func() (*plot.Figure, error) {
				return plot.Trajectory(longArms(), &plot.TrajectoryOptions{Outcome: lsnsLabel, Direction: lsnsDir, VisitLabels: map[float64]string{0: "Baseline"}})
			}},
		{name: "trajectory_long", minW: 0.5, minH: 0.5, height: trajectoryHeight,
			build: func() (*plot.Figure, error) {
				return plot.TrajectoryLong(trialObservations(), &plot.TrajectoryOptions{Outcome: uclaLabel, Direction: uclaDir, VisitLabels: map[float64]string{0: "Baseline"}})
			}},
		{name: "forest", minW: 1.0 / 3, minH: 0.25, height: func(w float64) float64 { return max(10, w*0.7) },
			build: func() (*plot.Figure, error) {
				return plot.Forest(longForest(), &plot.ForestOptions{Direction: effect.LowerIsBetter, Intervention: "befriending"})
			}},
		{name: "forest_subgroups", minW: 1.0 / 3, minH: 0.25, height: func(w float64) float64 { return max(13, w*0.9) },
			build: func() (*plot.Figure, error) {
				a, err := meta.Subgroups(subgroupStudies(), &meta.Options{Method: meta.REML})
				if err != nil {
					return nil, err
				}
				d, err := plot.ForestFromSubgroups(a)
				if err != nil {
					return nil, err
				}
				return plot.Forest(d, &plot.ForestOptions{Direction: effect.LowerIsBetter, Intervention: "befriending"})
			}},
		{name: "funnel", minW: 0.5, minH: 0.4, height: func(w float64) float64 { return w * 0.8 },
			build: func() (*plot.Figure, error) { return plot.Funnel(funnelData(), nil) }},
		{name: "funnel_contours", minW: 0.5, minH: 0.4, height: func(w float64) float64 { return w * 0.8 },
			build: func() (*plot.Figure, error) { return plot.Funnel(funnelData(), &plot.FunnelOptions{Contours: true}) }},
		{name: "traffic_light", minW: 0.25, minH: 0.25, height: func(w float64) float64 { return max(9, w*0.7) },
			build: func() (*plot.Figure, error) { return plot.TrafficLight(appraisalGrid(), nil) }},
		{name: "appraisal_summary", minW: 1.0 / 3, minH: 0.25, height: func(w float64) float64 { return max(8, w*0.55) },
			build: func() (*plot.Figure, error) { return plot.AppraisalSummary(appraisalGrid(), nil) }},
	}
}

// TestLayoutShares lays out every figure kind with long labels at 8.5, 12
// and 17 cm and checks the data panel's share, that no text overlaps other
// text and that all text stays on the page. With -v it prints the shares
// (the table in the package's evidence).
func TestLayoutShares(t *testing.T) {
	for _, fc := range figureCases() {
		for _, w := range widths {
			h := fc.height(w)
			fig, err := fc.build()
			if err != nil {
				t.Fatalf("%s: %v", fc.name, err)
			}
			l, err := fig.Layout(vg.Length(w)*cm, vg.Length(h)*cm)
			if err != nil {
				t.Errorf("%s at %.1f × %.1f cm: %v", fc.name, w, h, err)
				continue
			}
			sw := float64(l.Panel.Size().X / l.Width)
			sh := float64(l.Panel.Size().Y / l.Height)
			var cut []string
			for _, c := range l.Shortened {
				cut = append(cut, c.Shown)
			}
			t.Logf("%-18s %4.1f × %4.1f cm: panel %3.0f%% of width, %3.0f%% of height, text %.1f pt, %d shortened %q",
				fc.name, w, h, 100*sw, 100*sh, l.FontSize, len(l.Shortened), cut)
			checkPanel(t, fmt.Sprintf("%s at %.1f cm", fc.name, w), l, fc.minW, fc.minH)
		}
	}
}

// TestGallery writes plot/testdata/gallery/<kind>_<width>cm.png with -update.
func TestGallery(t *testing.T) {
	if !*golden.Update {
		t.Skip("run with -update to rewrite the gallery")
	}
	dir := filepath.Join("testdata", "gallery")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, fc := range figureCases() {
		for _, w := range widths {
			fig, err := fc.build()
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("%s_%gcm.png", fc.name, w)
			if w == 12 {
				// Looked at, not committed.
				d := filepath.Join(os.TempDir(), "ties-plot-gallery")
				if err := os.MkdirAll(d, 0o755); err != nil {
					t.Fatal(err)
				}
				name = filepath.Join(d, name)
			} else {
				name = filepath.Join(dir, name)
			}
			fig.DPI = 150
			h := vg.Length(fc.height(w)) * cm
			if strings.HasPrefix(fc.name, "forest") {
				// A forest plot is drawn as tall as its labels need to
				// show in full (wrapped), to the half centimetre.
				full, err := fig.FullTextHeight(vg.Length(w) * cm)
				if err != nil {
					t.Fatal(err)
				}
				h = max(h, vg.Length(math.Ceil(float64(full/cm)*2)/2)*cm)
				t.Logf("%s at %g cm: %.1f cm tall (labels in full from %.1f cm)", fc.name, w, h/cm, full/cm)
			}
			if err := fig.Save(name, vg.Length(w)*cm, h); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
}

// TestTooSmall: a figure that cannot keep its data panel is an error
// naming the element and the smallest size that works, never a figure
// without data.
func TestTooSmall(t *testing.T) {
	fig, err := plot.Forest(longForest(), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = fig.WriterTo(4*cm, 3*cm, "svg")
	if !errors.Is(err, plot.ErrTooSmall) {
		t.Fatalf("4 × 3 cm forest: err = %v, want ErrTooSmall", err)
	}
	var fe *effect.FieldError
	if !errors.As(err, &fe) || fe.Field == "" {
		t.Fatalf("error %v is not a FieldError naming the element", err)
	}
	t.Log(err)
}

// TestDataInsidePanel places every point and interval end of the forest
// and trajectory figures (long labels) on the page at each width and
// checks that it falls inside the data panel: the 17 cm forest with a
// 75-character label once drew no squares and ran its axis backwards.
func TestDataInsidePanel(t *testing.T) {
	inside := func(what string, l *plot.Layout, x, y vg.Length) {
		t.Helper()
		p := l.Panel
		if x < p.Min.X-0.01 || x > p.Max.X+0.01 || y < p.Min.Y-0.01 || y > p.Max.Y+0.01 {
			t.Errorf("%s at (%.1f, %.1f) outside the panel %v", what, x, y, p)
		}
	}
	for _, w := range widths {
		fig, err := plot.Forest(longForest(), nil)
		if err != nil {
			t.Fatal(err)
		}
		l, err := fig.Layout(vg.Length(w)*cm, 10*cm)
		if err != nil {
			t.Fatal(err)
		}
		xa, ya := fig.Plot.X, fig.Plot.Y
		if !(xa.Min < xa.Max) || l.Panel.Size().X <= 0 {
			t.Fatalf("forest %v cm: x axis %v to %v, panel %v", w, xa.Min, xa.Max, l.Panel)
		}
		px := func(v float64) vg.Length {
			return l.Panel.Min.X + vg.Length((v-xa.Min)/(xa.Max-xa.Min))*l.Panel.Size().X
		}
		py := func(v float64) vg.Length {
			return l.Panel.Min.Y + vg.Length((v-ya.Min)/(ya.Max-ya.Min))*l.Panel.Size().Y
		}
		d := longForest()
		n := len(d.Studies) + 1 + len(d.Pooled) + 1 // studies, blank, pooled, prediction
		for i, s := range d.Studies {
			y := py(float64(n - i))
			what := fmt.Sprintf("forest %v cm, %s", w, s.Label)
			inside(what+" estimate", l, px(s.Estimate), y)
			inside(what+" lower", l, px(s.CI.Lower), y)
			inside(what+" upper", l, px(s.CI.Upper), y)
		}
		for _, pl := range d.Pooled {
			inside(fmt.Sprintf("forest %v cm, %s", w, pl.Label), l, px(pl.CI.Lower), py(1))
			inside(fmt.Sprintf("forest %v cm, %s", w, pl.Label), l, px(pl.CI.Upper), py(1))
		}
	}
	for _, w := range widths {
		arms := longArms()
		fig, err := plot.Trajectory(arms, &plot.TrajectoryOptions{Outcome: lsnsLabel, Direction: lsnsDir})
		if err != nil {
			t.Fatal(err)
		}
		l, err := fig.Layout(vg.Length(w)*cm, vg.Length(trajectoryHeight(w))*cm)
		if err != nil {
			t.Fatal(err)
		}
		xa, ya := fig.Plot.X, fig.Plot.Y
		k := len(arms)
		for i, a := range arms {
			dodge := vg.Length((float64(i) - float64(k-1)/2) * 7)
			for _, v := range a.Visits {
				if math.IsNaN(v.Mean) {
					continue
				}
				x := l.Panel.Min.X + vg.Length((v.Time-xa.Min)/(xa.Max-xa.Min))*l.Panel.Size().X + dodge
				q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(v.N - 1)}.Quantile(0.975)
				for _, y := range []float64{v.Mean, v.Mean - q*v.SD/math.Sqrt(float64(v.N)), v.Mean + q*v.SD/math.Sqrt(float64(v.N))} {
					py := l.Panel.Min.Y + vg.Length((y-ya.Min)/(ya.Max-ya.Min))*l.Panel.Size().Y
					inside(fmt.Sprintf("trajectory %v cm, %s at %v: %.2f", w, a.Name, v.Time, y), l, x, py)
				}
			}
		}
	}
}

// TestTrajectoryTable: the table is headed "n assessed" (configurable) and
// names each arm in the text colour beside its line and glyph, since
// light arm colours such as Okabe-Ito orange fall below 4.5:1 contrast
// as text on white.
func TestTrajectoryTable(t *testing.T) {
	fig, err := plot.Trajectory(armSummaries(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if fig.Table.Title != "n assessed" {
		t.Errorf("heading %q", fig.Table.Title)
	}
	for _, r := range fig.Table.Rows {
		if r.Color != nil || r.Thumb == nil {
			t.Errorf("row %q: colour %v, thumb %v", r.Label, r.Color, r.Thumb)
		}
	}
	if len(fig.Key) != 0 {
		t.Errorf("key %v beside a table that already names the arms", fig.Key)
	}
	fig, err = plot.Trajectory(armSummaries(), &plot.TrajectoryOptions{TableHeading: "Participants assessed"})
	if err != nil || fig.Table.Title != "Participants assessed" {
		t.Errorf("TableHeading: %v, %v", err, fig.Table)
	}
	if _, err := plot.Trajectory(armSummaries(), &plot.TrajectoryOptions{Participants: true}); !errors.Is(err, plot.ErrInvalidInput) {
		t.Errorf("Participants without series: err = %v", err)
	}
}

// TestSVGTitles: a label cut short keeps its full text in the SVG, as a
// <title> that viewers show as a tooltip and screen readers read.
func TestSVGTitles(t *testing.T) {
	fig, err := plot.Forest(longForest(), nil)
	if err != nil {
		t.Fatal(err)
	}
	l, err := fig.Layout(8.5*cm, 10*cm)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Shortened) == 0 {
		t.Fatal("nothing shortened at 8.5 cm; the test needs a longer label")
	}
	wt, err := fig.WriterTo(8.5*cm, 10*cm, "svg")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	for _, c := range l.Shortened {
		want := "<title>" + html.EscapeString(c.Full) + "</title>" + html.EscapeString(c.Shown) + "</text>"
		if !strings.Contains(buf.String(), want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	// Labels cut to the same text keep their own full texts, and pooled
	// rows shown in a short form ("RE model") keep theirs.
	abbreviated := 0
	for _, pl := range []string{"Fixed effect", "Random effects (REML)", "Prediction interval"} {
		if strings.Contains(drawn(l), pl) {
			continue
		}
		abbreviated++
		if !strings.Contains(buf.String(), "<title>"+pl+"</title>") {
			t.Errorf("SVG lacks the title %q of an abbreviated label", pl)
		}
	}
	if n := strings.Count(buf.String(), "<title>"); n != len(l.Shortened)+abbreviated {
		t.Errorf("%d titles for %d shortened texts and %d abbreviated", n, len(l.Shortened), abbreviated)
	}
	for _, s := range longForest().Studies[1:] {
		if !strings.Contains(buf.String(), "<title>"+html.EscapeString(s.Label)+"</title>") {
			t.Errorf("no title %q", s.Label)
		}
	}
}

// TestForestOptionsUsed: options the figure cannot use are errors, not
// silently ignored.
func TestForestOptionsUsed(t *testing.T) {
	d := forestData()
	if _, err := plot.Forest(d, &plot.ForestOptions{Intervention: "befriending"}); !errors.Is(err, plot.ErrInvalidInput) {
		t.Errorf("Intervention without a Direction: err = %v", err)
	}
	d.Oriented = true
	if _, err := plot.Forest(d, &plot.ForestOptions{Direction: effect.LowerIsBetter}); !errors.Is(err, plot.ErrInvalidInput) {
		t.Errorf("Direction with Oriented estimates: err = %v", err)
	}
	if _, err := plot.Forest(d, &plot.ForestOptions{Intervention: "befriending"}); err != nil {
		t.Errorf("Intervention with Oriented estimates: %v", err)
	}
}
