package plot_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/effect/mi"
	"github.com/tiesproject/ties/effect/mmrm"
	"github.com/tiesproject/ties/internal/simtrial"
	"github.com/tiesproject/ties/plot"
)

// tippingTrial is the simulated trial of effect/mi's examples (40
// participants, visits at 3, 6 and 12 months, some leaving the befriending
// arm; jump to reference).
func tippingTrial() (*mmrm.Data, []mi.Event) {
	d, left := simtrial.Befriending()
	events := make([]mi.Event, len(left))
	for i, l := range left {
		events[i] = mi.Event{Subject: l.Subject, Visit: l.Visit, Strategy: mi.JR}
	}
	return d, events
}

func tipping(t testing.TB) *mi.TippingPoint {
	t.Helper()
	d, events := tippingTrial()
	tp, err := mi.Tipping(d, events, &mi.CondMeanOptions{Reference: "usual care"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return tp
}

// mirrored is tp with the difference's sign reversed (a positive
// difference shrinking as δ falls): the label goes above the null line.
func mirrored(tp *mi.TippingPoint) *mi.TippingPoint {
	m := *tp
	m.Delta = -tp.Delta
	m.Curve = nil
	for _, s := range tp.Curve {
		d := s.Difference
		d.Estimate = -d.Estimate
		d.CI.Lower, d.CI.Upper = -s.Difference.CI.Upper, -s.Difference.CI.Lower
		m.Curve = append(m.Curve, mi.TippingPointStep{Delta: -s.Delta, Difference: d})
	}
	m.AtTip.Estimate = -tp.AtTip.Estimate
	return &m
}

func tippingCases(t testing.TB) []figureCase {
	h := func(w float64) float64 { return map[float64]float64{8.5: 7, 12: 8, 17: 10}[w] }
	longOpt := &plot.TippingPointOptions{Arm: "befriending by trained volunteers", Visit: "12 months after randomization (UCLA-3 loneliness score)"}
	return []figureCase{
		{name: "tipping", minW: 0.5, minH: 0.4, height: h,
			build: func() (*plot.Figure, error) {
				return plot.TippingPoint(tipping(t), &plot.TippingPointOptions{Visit: "12 months"})
			}},
		{name: "tipping_long", minW: 0.5, minH: 0.4, height: h,
			build: func() (*plot.Figure, error) { return plot.TippingPoint(tipping(t), longOpt) }},
		{name: "tipping_mirrored", minW: 0.5, minH: 0.4, height: h,
			build: func() (*plot.Figure, error) { return plot.TippingPoint(mirrored(tipping(t)), longOpt) }},
	}
}

// TestTippingPointLayout: panel share, font floor, no overlapping text,
// text on the page, and the tipping point's label inside the panel.
func TestTippingPointLayout(t *testing.T) {
	cases := tippingCases(t)
	checkLayouts(t, cases)
	for _, fc := range cases {
		for _, w := range widths {
			fig, err := fc.build()
			if err != nil {
				t.Fatal(err)
			}
			l, err := fig.Layout(vg.Length(w)*cm, vg.Length(fc.height(w))*cm)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, tb := range l.Texts {
				if !strings.HasPrefix(tb.Text, "Tipping point δ = ") {
					continue
				}
				found = true
				if !inside(tb.Box, l.Panel) {
					t.Errorf("%s at %g cm: label %v outside the panel %v", fc.name, w, tb.Box, l.Panel)
				}
			}
			if !found {
				t.Errorf("%s at %g cm: no tipping-point label", fc.name, w)
			}
		}
	}
}

func inside(b, r vg.Rectangle) bool {
	const tol = 0.5
	return b.Min.X >= r.Min.X-tol && b.Min.Y >= r.Min.Y-tol && b.Max.X <= r.Max.X+tol && b.Max.Y <= r.Max.Y+tol
}

// TestTippingPointNotes: the note says what the tipping point means, or
// that there is none.
func TestTippingPointNotes(t *testing.T) {
	tp := tipping(t)
	none := *tp
	none.Found, none.Delta = false, math.NaN()
	zero := *tp
	zero.Delta = 0
	for _, c := range []struct {
		tp   *mi.TippingPoint
		want string
	}{
		{tp, fmt.Sprintf("between 0 and the tipping point δ = %.2f;", tp.Delta)},
		{&none, "No shift of the imputed outcomes of befriending makes the 95% CI of the difference at visit 12 include 0."},
		{&zero, "includes 0 without any shift"},
	} {
		fig, err := plot.TippingPoint(c.tp, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(fig.Notes) != 1 || !strings.Contains(fig.Notes[0], c.want) {
			t.Errorf("notes %q, want %q", fig.Notes, c.want)
		}
	}
}

func TestTippingPointErrors(t *testing.T) {
	edit := func(f func(*mi.TippingPoint)) *mi.TippingPoint {
		tp := tipping(t)
		tp.Curve = append([]mi.TippingPointStep(nil), tp.Curve...)
		f(tp)
		return tp
	}
	cases := map[string]*mi.TippingPoint{
		"nil":          nil,
		"short curve":  edit(func(tp *mi.TippingPoint) { tp.Curve = tp.Curve[:1] }),
		"NaN delta":    edit(func(tp *mi.TippingPoint) { tp.Curve[3].Delta = math.NaN() }),
		"repeated δ":   edit(func(tp *mi.TippingPoint) { tp.Curve[3].Delta = tp.Curve[2].Delta }),
		"NaN estimate": edit(func(tp *mi.TippingPoint) { tp.Curve[3].Difference.Estimate = math.NaN() }),
		"CI order":     edit(func(tp *mi.TippingPoint) { tp.Curve[3].Difference.CI.Lower = 1e9 }),
		"level":        edit(func(tp *mi.TippingPoint) { tp.Curve[0].Difference.CI.Level = 0 }),
		"mixed levels": edit(func(tp *mi.TippingPoint) { tp.Curve[4].Difference.CI.Level = 0.9 }),
		"infinite tip": edit(func(tp *mi.TippingPoint) { tp.Delta = math.Inf(1) }),
	}
	for name, tp := range cases {
		_, err := plot.TippingPoint(tp, nil)
		var fe *effect.FieldError
		if !errors.Is(err, plot.ErrInvalidInput) || !errors.As(err, &fe) {
			t.Errorf("%s: err = %v, want a FieldError wrapping ErrInvalidInput", name, err)
			continue
		}
		t.Logf("%s: %v", name, err)
	}
}

// TestTippingPointOneSided: an infinite interval end is drawn to the
// panel's edge, not rejected.
func TestTippingPointOneSided(t *testing.T) {
	tp := tipping(t)
	tp.Curve = append([]mi.TippingPointStep(nil), tp.Curve...)
	for i := range tp.Curve {
		tp.Curve[i].Difference.CI.Lower = math.Inf(-1)
	}
	fig, err := plot.TippingPoint(tp, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fig.Layout(8.5*cm, 7*cm); err != nil {
		t.Fatal(err)
	}
}

// TestTippingPointGallery writes plot/testdata/gallery/tipping_*.png with
// -update.
func TestTippingPointGallery(t *testing.T) {
	writeGallery(t, tippingCases(t))
}
