package plot

import (
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

// TestPooledForms: pooled rows shorten by rule to the names metafor
// prints, never to a cut.
func TestPooledForms(t *testing.T) {
	for _, c := range []struct {
		label string
		want  []string
	}{
		{"Random effects (REML)", []string{"RE model (REML)", "Random effects", "RE model"}},
		{"Random effects (REML, Hartung–Knapp)", []string{"RE model (REML, Hartung–Knapp)", "Random effects", "RE model"}},
		{"Random-effects model", []string{"RE model"}},
		{"Fixed effect", []string{"FE model"}},
		{"Common effect", []string{"CE model"}},
		{"Prediction interval", []string{"PI"}},
		{"Subtotal (REML)", []string{"Subtotal"}},
		{"Overall (fixed effect)", []string{"Overall"}},
		{"Subtotal", nil},
		{"Pooled", nil},
	} {
		if got := pooledForms(c.label); !slices.Equal(got, c.want) {
			t.Errorf("pooledForms(%q) = %q, want %q", c.label, got, c.want)
		}
	}
}

// TestCutKeepingYear: a study label cut short keeps the first author's
// surname and the year, dropping words between them ("Cattan… 2005"),
// never ending on "et" or "and", and only then cuts the surname.
func TestCutKeepingYear(t *testing.T) {
	sty := defaultText(7)
	const long = "Cattan, White, Bond and Learmouth 2005: telephone befriending for older adults"
	for _, c := range []struct {
		label, room string // room: the text whose width is allowed
		lines       int
		want        string
	}{
		{"Author et al. 2001", "Author… 2001", 1, "Author… 2001"},
		{"Author et al. 2001", "Author et… 2001", 1, "Author… 2001"},
		{"Author et al. 2001", "Author…", 2, "Author…\n2001"},
		{"Author et al. 2001", "Au… 2001", 1, "Au… 2001"},
		{"Smith and Jones 2019", "Smith and… 2019", 1, "Smith… 2019"},
		{long, "Cattan… 2005", 1, "Cattan… 2005"},
		{long, "Cattan, White… 2005", 1, "Cattan, White… 2005"},
		{long, "Cattan, White, Bond and", 3, "Cattan, White, Bond and\nLearmouth 2005 …"},
		{long, "Cattan…", 3, "Cattan,\nWhite…\n2005"},
		{long, "Cattan,", 2, "Catt…\n2005"},
	} {
		got, ok := cutKeepingYear(c.label, sty, sty.Width(c.room), c.lines)
		if !ok || got != c.want {
			t.Errorf("cutKeepingYear(%q, width of %q, %d lines) = %q, %v; want %q", c.label, c.room, c.lines, got, ok, c.want)
		}
		for _, ln := range strings.Split(got, "\n") {
			if sty.Width(ln) > sty.Width(c.room) {
				t.Errorf("%q: line %q wider than %q", c.label, ln, c.room)
			}
		}
	}
	if _, ok := cutKeepingYear("Trial without a year", sty, 20, 1); ok {
		t.Error("a label without a year was cut as if it had one")
	}
}

// TestWrapEtAl: "et al." stays on one line.
func TestWrapEtAl(t *testing.T) {
	sty := defaultText(7)
	got := wrap("AuthorA et al. 2001", sty, sty.Width("AuthorA et"))
	if !slices.Equal(got, []string{"AuthorA", "et al. 2001"}) && !slices.Equal(got, []string{"AuthorA", "et al.", "2001"}) {
		t.Errorf("wrap = %q", got)
	}
}

// TestNullRuns: in a subgroup forest plot the null line stops at each
// subgroup's heading and heterogeneity line, which run across the panel.
func TestNullRuns(t *testing.T) {
	kinds := []rowKind{rowHeading, rowStudy, rowStudy, rowPooled, rowText, rowBlank, rowHeading, rowStudy, rowPooled, rowText, rowBlank, rowPooled, rowPrediction}
	rows := make([]forestRow, len(kinds))
	n := len(rows)
	for i, k := range kinds {
		rows[i] = forestRow{kind: k, y: float64(n - i)}
	}
	f := &forestPlotter{rows: rows, top: float64(n) + 0.5}
	runs := f.nullRuns()
	want := [][2]float64{{9.5, 12.5}, {4.5, 6.5}, {0.5, 2.5}}
	if !slices.Equal(runs, want) {
		t.Errorf("runs %v, want %v", runs, want)
	}
	for _, r := range rows {
		if r.kind != rowHeading && r.kind != rowText {
			continue
		}
		for _, run := range runs {
			if r.y > run[0] && r.y < run[1] {
				t.Errorf("the null line crosses the text row at y = %v", r.y)
			}
		}
	}
}

// FuzzFitCell: whatever the label, a fitted cell takes at most the lines
// allowed, each no wider than the room (an ellipsis alone excepted), and
// a cut that keeps a year keeps it whole.
func FuzzFitCell(f *testing.F) {
	f.Add("Cattan, White, Bond and Learmouth 2005: telephone befriending for older adults", uint8(60), uint8(3))
	f.Add("Author et al. 2001", uint8(20), uint8(1))
	f.Add("Random effects (REML, Hartung–Knapp)", uint8(30), uint8(2))
	f.Add("et al 1999 2000", uint8(5), uint8(2))
	f.Fuzz(func(t *testing.T, label string, room, lines uint8) {
		sty := defaultText(7)
		width := vg.Length(room)
		n := int(lines%maxLabelLines) + 1
		a := &fitted{}
		c := Cell{Text: label, Short: pooledForms(label)}
		got := a.fitCell(c, sty, width, n)
		if strings.TrimSpace(label) == "" {
			return
		}
		ls := strings.Split(got, "\n")
		if len(ls) > n {
			t.Fatalf("fitCell(%q, %v, %d) = %q: %d lines", label, width, n, got, len(ls))
		}
		for _, ln := range ls {
			if sty.Width(ln) > width+1e-9 && ln != "…" {
				t.Fatalf("fitCell(%q, %v, %d) = %q: line %q is %.2f wide", label, width, n, got, ln, sty.Width(ln))
			}
		}
		if cut, ok := cutKeepingYear(label, sty, width, n); ok {
			fields := strings.Fields(cut)
			if last := fields[len(fields)-1]; !isYear(last) && last != "…" {
				t.Fatalf("cutKeepingYear(%q) = %q lost the year", label, cut)
			}
		}
	})
}
