package plot

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tiesproject/ties/effect"
)

// egoTestData is a synthetic ego with n alters per circle (three circles)
// and a few ties, at two visits.
func egoTestData(perCircle []int, unplaced int) EgoNetworkData {
	d := EgoNetworkData{
		Ego:     "E1",
		Roles:   []string{"partner", "family", "friend", "neighbour", "colleague", "group member", "professional"},
		Circles: []Circle{{Name: "inner"}, {Name: "middle"}, {Name: "outer"}},
	}
	for v, title := range []string{"Baseline", "12 months"} {
		p := EgoPanel{Title: title}
		for k, n := range perCircle {
			for j := range n + v {
				p.Alters = append(p.Alters, EgoAlter{ID: fmt.Sprintf("c%d-%d", k, j), Role: (j + k) % 7, Circle: k})
			}
		}
		for j := range unplaced {
			p.Alters = append(p.Alters, EgoAlter{ID: fmt.Sprintf("u%d", j), Role: -1, Circle: -1})
		}
		for j := 1; j < len(p.Alters); j += 2 {
			p.Ties = append(p.Ties, [2]int{j - 1, j})
		}
		d.Panels = append(d.Panels, p)
	}
	return d
}

// TestEgoMapsPlacement lays the maps out as Save would at 8.5, 12 and 17
// cm and checks where the markers go: inside the data panel and their own
// panel's share of it, between the boundaries of their circle (outside the
// outer circle when not placed), apart from each other and from the ego,
// and the maps round and side by side.
func TestEgoMapsPlacement(t *testing.T) {
	cases := []struct {
		name      string
		perCircle []int
		unplaced  int
	}{
		{"example sizes", []int{3, 4, 3}, 0},
		{"crowded inner circle", []int{10, 0, 0}, 0},
		{"capped generator on each circle", []int{6, 10, 12}, 2},
	}
	for ci, c := range cases {
		for _, w := range []vg.Length{8.5, 12, 17} {
			d := egoTestData(c.perCircle, c.unplaced)
			if ci == 0 {
				// Alters without an ID get places of their own.
				d.Panels[0].Alters[1].ID, d.Panels[0].Alters[2].ID = "", ""
				d.Panels[1].Alters[1].ID = ""
			}
			fig, err := EgoNetwork(d, nil)
			if err != nil {
				t.Fatal(err)
			}
			a, err := fig.fit(vg.Rectangle{Max: vg.Point{X: w * vg.Centimeter, Y: 8 * vg.Centimeter}})
			if err != nil {
				t.Fatalf("%s at %v cm: %v", c.name, w, err)
			}
			dc := a.f.Plot.DataCanvas(draw.Canvas{Rectangle: a.main})
			maps := (&egoPanels{d: d}).layoutMaps(dc.Rectangle, a.f.Plot.X.Tick.Label)
			for i, m := range maps {
				where := fmt.Sprintf("%s at %v cm, panel %d", c.name, w, i)
				if m.box.Min.X < dc.Min.X-0.01 || m.box.Max.X > dc.Max.X+0.01 {
					t.Errorf("%s: panel %v outside the data area %v", where, m.box, dc.Rectangle)
				}
				if i > 0 && m.box.Min.X < maps[i-1].box.Max.X {
					t.Errorf("%s: panels overlap", where)
				}
				outer := m.radius[len(m.radius)-1]
				if m.center.Y+outer > m.titleY-vg.Length(len(m.title))*lineHeight(a.f.Plot.X.Tick.Label)+0.01 {
					t.Errorf("%s: map runs into the title", where)
				}
				for j, p := range m.alters {
					al := d.Panels[i].Alters[j]
					r := m.marker
					box := vg.Rectangle{Min: vg.Point{X: p.X - r, Y: p.Y - r}, Max: vg.Point{X: p.X + r, Y: p.Y + r}}
					if !inBox(box, m.box) || !inBox(box, dc.Rectangle) {
						t.Errorf("%s: alter %s at %v outside its panel %v", where, al.ID, p, m.box)
					}
					dist := vg.Length(math.Hypot(float64(p.X-m.center.X), float64(p.Y-m.center.Y)))
					lo, hi := vg.Length(0), m.radius[0]
					switch {
					case al.Circle < 0:
						lo, hi = outer, outer*2
					case al.Circle > 0:
						lo, hi = m.radius[al.Circle-1], m.radius[al.Circle]
					}
					if dist <= lo || dist >= hi {
						t.Errorf("%s: alter %s of circle %d at distance %.1f, outside (%.1f, %.1f)", where, al.ID, al.Circle, dist, lo, hi)
					}
					if dist < 2*r+1.5 {
						t.Errorf("%s: alter %s touches the ego", where, al.ID)
					}
					for k := range j {
						q := m.alters[k]
						if dd := math.Hypot(float64(p.X-q.X), float64(p.Y-q.Y)); dd < 2*float64(r) {
							t.Errorf("%s: alters %s and %s overlap (%.1f pt apart, markers %.1f pt)", where, al.ID, d.Panels[i].Alters[k].ID, dd, r)
						}
					}
				}
			}
			// An alter named at both visits on the same circle keeps its
			// place.
			for j, a := range d.Panels[1].Alters {
				for k, b := range d.Panels[0].Alters {
					if a.ID != "" && a.ID == b.ID && a.Circle == b.Circle {
						p, q := maps[1].alters[j], maps[0].alters[k]
						dx := p.X - maps[1].center.X - (q.X - maps[0].center.X)
						dy := p.Y - maps[1].center.Y - (q.Y - maps[0].center.Y)
						if math.Abs(float64(dx)) > 1e-6 || math.Abs(float64(dy)) > 1e-6 {
							t.Errorf("%s at %v cm: alter %s moved by (%.2f, %.2f)", c.name, w, a.ID, dx, dy)
						}
					}
				}
			}
		}
	}
}

func inBox(b, r vg.Rectangle) bool {
	const tol = 0.01
	return b.Min.X >= r.Min.X-tol && b.Min.Y >= r.Min.Y-tol && b.Max.X <= r.Max.X+tol && b.Max.Y <= r.Max.Y+tol
}

// TestEgoMapsFit: the check of what does not fit names the crowded circle
// and the panel, and passes the example sizes.
func TestEgoMapsFit(t *testing.T) {
	r := vg.Rectangle{Max: vg.Point{X: 8 * vg.Centimeter, Y: 4.5 * vg.Centimeter}}
	sty := defaultText(8)
	if el, _, _ := (&egoPanels{d: egoTestData([]int{3, 4, 3}, 1)}).fits(r, sty); el != "" {
		t.Errorf("example sizes: %q does not fit", el)
	}
	el, w, h := (&egoPanels{d: egoTestData([]int{30, 2, 2}, 0)}).fits(r, sty)
	if el != `alters on circle "inner" of panel "Baseline"` || w == h {
		t.Errorf("30 alters on the inner circle: %q (width %v, height %v)", el, w, h)
	}
}

// TestEgoNetworkCrowded: 30 alters on the inner circle at 8.5 × 8 cm do
// not have room for their markers, and the figure says so through its own
// check (Figure.fits): an *effect.FieldError wrapping ErrTooSmall that
// names the circle and the panel and the smallest size that works. At
// that size the laid-out markers are apart and inside the data panel, and
// no text overlaps other text or leaves the page.
func TestEgoNetworkCrowded(t *testing.T) {
	d := egoTestData([]int{30, 2, 2}, 0)
	fig, err := EgoNetwork(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = fig.Layout(8.5*vg.Centimeter, 8*vg.Centimeter)
	var fe *effect.FieldError
	if !errors.Is(err, ErrTooSmall) || !errors.As(err, &fe) {
		t.Fatalf("30 inner alters at 8.5 × 8 cm: %v, want ErrTooSmall", err)
	}
	if fe.Field != `alters on circle "inner" of panel "Baseline"` {
		t.Errorf("error names %q, want the inner circle of the baseline panel (%v)", fe.Field, err)
	}
	if err := fig.Save(t.TempDir()+"/crowded.svg", 8.5*vg.Centimeter, 8*vg.Centimeter); !errors.Is(err, ErrTooSmall) {
		t.Errorf("Save: %v, want ErrTooSmall", err)
	}
	var w, h float64
	i := strings.Index(fe.Reason, "about ")
	if i < 0 {
		t.Fatalf("no smallest size in %q", fe.Reason)
	}
	if _, err := fmt.Sscanf(fe.Reason[i:], "about %f × %f cm", &w, &h); err != nil {
		t.Fatalf("cannot read the smallest size in %q: %v", fe.Reason, err)
	}
	size := vg.Rectangle{Max: vg.Point{X: vg.Length(w+0.05) * vg.Centimeter, Y: vg.Length(h+0.05) * vg.Centimeter}}
	a, err := fig.fit(size)
	if err != nil {
		t.Fatalf("the smallest size %.1f × %.1f cm does not work: %v", w, h, err)
	}
	dc := a.f.Plot.DataCanvas(draw.Canvas{Rectangle: a.main})
	for i, m := range (&egoPanels{d: d}).layoutMaps(dc.Rectangle, a.f.Plot.X.Tick.Label) {
		for j, p := range m.alters {
			r := m.marker
			if box := (vg.Rectangle{Min: vg.Point{X: p.X - r, Y: p.Y - r}, Max: vg.Point{X: p.X + r, Y: p.Y + r}}); !inBox(box, dc.Rectangle) {
				t.Errorf("panel %d: alter %d at %v outside the data panel %v", i, j, p, dc.Rectangle)
			}
			for k := range j {
				q := m.alters[k]
				if dd := math.Hypot(float64(p.X-q.X), float64(p.Y-q.Y)); dd < 2*float64(r) {
					t.Errorf("panel %d: alters %d and %d overlap (%.1f pt apart, markers %.1f pt)", i, j, k, dd, r)
				}
			}
		}
	}
	l, err := fig.Layout(size.Max.X, size.Max.Y)
	if err != nil {
		t.Fatal(err)
	}
	checkPage(t, "30 inner alters", l)
}

// TestEgoNetworkTitlesShortened: a panel title too long for three lines
// of its panel is cut by the plotter itself; Layout.Shortened records each
// line drawn with its "…" and the full title, and the SVG keeps the full
// title in a <title>.
func TestEgoNetworkTitlesShortened(t *testing.T) {
	d := egoTestData([]int{3, 4, 3}, 0)
	long := "Twelve months after randomization, at the end of the befriending programme, interviewed at home by a research nurse who did not know the allocation"
	d.Panels[1].Title = long
	fig, err := EgoNetwork(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	W, H := 8.5*vg.Centimeter, 8*vg.Centimeter
	l, err := fig.Layout(W, H)
	if err != nil {
		t.Fatal(err)
	}
	checkPage(t, "long panel title", l)
	var shown string
	for _, s := range l.Shortened {
		if s.Full == long {
			shown = s.Shown
		}
	}
	if shown == "" || !strings.HasSuffix(shown, "…") {
		t.Fatalf("the cut panel title is not in Layout.Shortened: %q", l.Shortened)
	}
	drawn := false
	for _, tb := range l.Texts {
		if tb.Text == shown {
			drawn = true
			if !inBox(tb.Box, l.Panel) {
				t.Errorf("title line %q at %v leaves the data panel %v", shown, tb.Box, l.Panel)
			}
		}
	}
	if !drawn {
		t.Errorf("%q recorded as shortened but not drawn", shown)
	}
	wt, err := fig.WriterTo(W, H, "svg")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if want := "<title>" + html.EscapeString(long) + "</title>" + html.EscapeString(shown) + "</text>"; !strings.Contains(buf.String(), want) {
		t.Errorf("the SVG does not keep the full title: no %q", want)
	}
}

// checkPage fails when a text of l leaves the page or overlaps another.
func checkPage(t *testing.T, what string, l *Layout) {
	t.Helper()
	for _, o := range l.Overlaps(0.5) {
		t.Errorf("%s: %q overlaps %q", what, o[0].Text, o[1].Text)
	}
	for _, tb := range l.Texts {
		if tb.Box.Min.X < -0.5 || tb.Box.Min.Y < -0.5 || tb.Box.Max.X > l.Width+0.5 || tb.Box.Max.Y > l.Height+0.5 {
			t.Errorf("%s: %q off the page: %v", what, tb.Text, tb.Box)
		}
	}
}
