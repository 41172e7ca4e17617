package plot_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/effect/meta"
	"github.com/tiesproject/ties/plot"
)

// pooledShown are the forms a pooled row's label may take: in full
// (perhaps wrapped) or one of its standard short names, never cut.
var pooledShown = map[string][]string{
	"Fixed effect":                         {"Fixed effect", "FE model"},
	"Random effects (REML)":                {"Random effects (REML)", "RE model (REML)", "Random effects", "RE model"},
	"Random effects (REML, Hartung–Knapp)": {"Random effects (REML, Hartung–Knapp)", "RE model (REML, Hartung–Knapp)", "Random effects", "RE model"},
	"Prediction interval":                  {"Prediction interval", "PI"},
	"Subtotal (REML)":                      {"Subtotal (REML)", "Subtotal"},
	"Overall (REML)":                       {"Overall (REML)", "Overall"},
}

// authorForest is forestData with "Author et al. <year>" labels and the
// pooled rows of a Hartung–Knapp random-effects analysis.
func authorForest() plot.ForestData {
	d := forestData()
	for i := range d.Studies {
		d.Studies[i].Label = fmt.Sprintf("Author et al. %d", 2001+i)
	}
	d.Pooled[1].Label = "Random effects (REML, Hartung–Knapp)"
	return d
}

func subgroupForest(t *testing.T) plot.ForestData {
	t.Helper()
	a, err := meta.Subgroups(subgroupStudies(), &meta.Options{Method: meta.REML})
	if err != nil {
		t.Fatal(err)
	}
	d, err := plot.ForestFromSubgroups(a)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// drawn joins the lines of text drawn, so that a label wrapped onto
// several lines reads as it was given.
func drawn(l *plot.Layout) string {
	var b strings.Builder
	for _, tb := range l.Texts {
		b.WriteString(" " + tb.Text + " ")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// checkForestLayout checks what every forest layout must keep: the data
// panel at least a third of the width, no text over other text, the
// pooled rows' labels whole or in a standard short form.
func checkForestLayout(t *testing.T, what string, d plot.ForestData, l *plot.Layout) {
	t.Helper()
	if sw := float64(l.Panel.Size().X / l.Width); sw < 1.0/3-0.005 {
		t.Errorf("%s: data panel %.0f%% of the width, want at least a third", what, 100*sw)
	}
	for _, o := range l.Overlaps(0.5) {
		t.Errorf("%s: %q overlaps %q", what, o[0].Text, o[1].Text)
	}
	var labels []string
	for _, pl := range d.Pooled {
		labels = append(labels, pl.Label)
		if pl.Prediction.Level != 0 {
			labels = append(labels, "Prediction interval")
		}
	}
	for _, sg := range d.Subgroups {
		labels = append(labels, sg.Pooled.Label)
	}
	for _, c := range l.Shortened {
		if _, ok := pooledShown[c.Full]; ok {
			t.Errorf("%s: pooled label %q cut to %q", what, c.Full, c.Shown)
		}
	}
	text := drawn(l)
	for _, lbl := range labels {
		forms, ok := pooledShown[lbl]
		if !ok {
			t.Fatalf("no forms listed for %q", lbl)
		}
		found := false
		for _, f := range forms {
			found = found || strings.Contains(text, f)
		}
		if !found {
			t.Errorf("%s: pooled label %q drawn in none of its forms %q", what, lbl, forms)
		}
	}
}

// TestForestPooledLabelsWhole: at 8.5, 12 and 17 cm, at the gallery's
// heights and at short ones, the pooled rows' labels are never cut with
// an ellipsis; they wrap or take their standard short names.
func TestForestPooledLabelsWhole(t *testing.T) {
	data := map[string]plot.ForestData{
		"long labels": longForest(), "Author et al.": authorForest(), "subgroups": subgroupForest(t),
	}
	for name, d := range data {
		for _, w := range widths {
			for _, h := range []float64{8, 10, 13} {
				fig, err := plot.Forest(d, &plot.ForestOptions{Direction: effect.LowerIsBetter, Intervention: "befriending"})
				if err != nil {
					t.Fatal(err)
				}
				l, err := fig.Layout(vg.Length(w)*cm, vg.Length(h)*cm)
				if errors.Is(err, plot.ErrTooSmall) {
					continue // too small is an error, not a figure
				}
				if err != nil {
					t.Fatal(err)
				}
				checkForestLayout(t, fmt.Sprintf("%s at %g × %g cm", name, w, h), d, l)
			}
		}
	}
}

// TestForestAuthorKept: "Author et al. 2001" keeps its author at 8.5 cm
// when the figure is tall enough for the label to wrap (12 cm, as the
// gallery draws it), and a cut forced by a short figure keeps the year.
func TestForestAuthorKept(t *testing.T) {
	d := authorForest()
	fig, err := plot.Forest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	l, err := fig.Layout(8.5*cm, 12*cm)
	if err != nil {
		t.Fatal(err)
	}
	checkForestLayout(t, "8.5 × 12 cm", d, l)
	for _, c := range l.Shortened {
		t.Errorf("8.5 × 12 cm: %q cut to %q", c.Full, c.Shown)
	}
	text := drawn(l)
	for _, s := range d.Studies {
		if !strings.Contains(text, s.Label) {
			t.Errorf("8.5 × 12 cm: %q not drawn in full", s.Label)
		}
	}
	// Too short to wrap: the cut keeps the year.
	l, err = fig.Layout(8.5*cm, 8*cm)
	if err != nil {
		t.Fatal(err)
	}
	checkForestLayout(t, "8.5 × 8 cm", d, l)
	for _, c := range l.Shortened {
		year := c.Full[len(c.Full)-4:]
		if !strings.HasSuffix(c.Shown, year) {
			t.Errorf("8.5 × 8 cm: %q cut to %q, losing the year", c.Full, c.Shown)
		}
	}
}

// TestFullTextHeight: at the height FullTextHeight reports, nothing is
// cut and the layout keeps its shares without overlaps; a millimetre
// less cuts a label (or does not fit).
func TestFullTextHeight(t *testing.T) {
	cases := map[string]plot.ForestData{"Author et al.": authorForest(), "subgroups": subgroupForest(t), "long labels": longForest()}
	for name, d := range cases {
		for _, w := range widths {
			fig, err := plot.Forest(d, &plot.ForestOptions{Direction: effect.LowerIsBetter, Intervention: "befriending"})
			if err != nil {
				t.Fatal(err)
			}
			h, err := fig.FullTextHeight(vg.Length(w) * cm)
			if err != nil {
				t.Fatalf("%s at %g cm: %v", name, w, err)
			}
			l, err := fig.Layout(vg.Length(w)*cm, h)
			if err != nil {
				t.Fatal(err)
			}
			what := fmt.Sprintf("%s at %g × %.1f cm", name, w, h/cm)
			t.Logf("%s: panel %.0f%% of the width, text %.1f pt, %d shortened", what, 100*l.Panel.Size().X/l.Width, l.FontSize, len(l.Shortened))
			checkForestLayout(t, what, d, l)
			if name == "Author et al." && len(l.Shortened) > 0 {
				t.Errorf("%s: %d labels cut, first %q", what, len(l.Shortened), l.Shortened[0].Shown)
			}
			// The 75-character label cannot show in full at 8.5 cm at any
			// height; its cut keeps the first author.
			for _, c := range l.Shortened {
				if c.Full != label75 || !strings.Contains(drawn(l), "Cattan") {
					t.Errorf("%s: %q cut to %q", what, c.Full, c.Shown)
				}
			}
			less, err := fig.Layout(vg.Length(w)*cm, h-vg.Millimeter)
			if err == nil && cutScore(less) <= cutScore(l) {
				t.Errorf("%s: a millimetre less (%.1f cm) cuts no more (%d)", what, (h-vg.Millimeter)/cm, cutScore(less))
			}
		}
	}
}

// cutScore counts the labels cut short, twice those whose first word (a
// first author's surname) is cut.
func cutScore(l *plot.Layout) int {
	n := 0
	for _, c := range l.Shortened {
		n++
		shown, full := strings.Fields(c.Shown), strings.Fields(c.Full)
		if len(shown) == 0 || strings.TrimRight(shown[0], "…,;:") != strings.TrimRight(full[0], ",;:") {
			n++
		}
	}
	return n
}
