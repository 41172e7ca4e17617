package plot

import (
	"image"
	"image/color"
	"math"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Layout is where a figure puts its parts at one size: what Save would
// draw, measured instead of drawn. Tests and careful callers use it to
// check that the data panel keeps its share and that no text runs into
// other text.
type Layout struct {
	Width, Height vg.Length
	// FontSize is the body text size the figure settled on (at most the
	// size of Figure.Text, at least 7 pt).
	FontSize vg.Length
	// Panel is the data panel: the area inside the axes.
	Panel vg.Rectangle
	// Texts are the lines of text drawn, with their bounding boxes, in
	// drawing order.
	Texts []TextBox
	// Shortened lists the texts cut short with an ellipsis, in drawing
	// order, with their full text (which an SVG keeps in a <title>):
	// titles, axis, study, table and key labels, and what a plotter cuts
	// itself (an ego network's panel titles).
	Shortened []Shortening
}

// Shortening is a text cut short: the line drawn, with its "…" (at the
// end, or before a publication year it keeps), and the full text.
type Shortening struct {
	Shown, Full string
}

// TextBox is one line of text as drawn and the rectangle it covers.
type TextBox struct {
	Text string
	Box  vg.Rectangle
}

// Layout lays the figure out at the given size and reports where its
// parts go. The error wraps ErrTooSmall when the figure does not fit (the
// Layout then describes the best effort that Draw would make).
func (f *Figure) Layout(width, height vg.Length) (*Layout, error) {
	if f == nil || f.Plot == nil {
		return nil, &fieldErrFormat{"figure has no plot"}
	}
	if !(width > 0 && height > 0) || width > 1e4 || height > 1e4 {
		return nil, &fieldErrFormat{"size must be positive and at most 10,000 points"}
	}
	r := vg.Rectangle{Max: vg.Point{X: width, Y: height}}
	a, err := f.fit(r)
	rec := &textRecorder{w: width, h: height, m: identity}
	l := &Layout{Width: width, Height: height, FontSize: a.f.Text.Font.Size, Shortened: a.cuts}
	a.render(draw.New(rec), &l.Panel)
	l.Texts = rec.texts
	return l, err
}

type fieldErrFormat struct{ reason string }

func (e *fieldErrFormat) Error() string { return ErrFormat.Error() + ": " + e.reason }
func (e *fieldErrFormat) Unwrap() error { return ErrFormat }

// Overlaps returns the pairs of texts whose boxes overlap by more than
// tol in both directions.
func (l *Layout) Overlaps(tol vg.Length) [][2]TextBox {
	var out [][2]TextBox
	for i := range l.Texts {
		for j := i + 1; j < len(l.Texts); j++ {
			a, b := l.Texts[i].Box, l.Texts[j].Box
			dx := min(a.Max.X, b.Max.X) - max(a.Min.X, b.Min.X)
			dy := min(a.Max.Y, b.Max.Y) - max(a.Min.Y, b.Min.Y)
			if dx > tol && dy > tol {
				out = append(out, [2]TextBox{l.Texts[i], l.Texts[j]})
			}
		}
	}
	return out
}

// affine is the matrix [a c e; b d f; 0 0 1].
type affine struct{ a, b, c, d, e, f float64 }

var identity = affine{a: 1, d: 1}

func (m affine) mul(n affine) affine {
	return affine{
		a: m.a*n.a + m.c*n.b, b: m.b*n.a + m.d*n.b,
		c: m.a*n.c + m.c*n.d, d: m.b*n.c + m.d*n.d,
		e: m.a*n.e + m.c*n.f + m.e, f: m.b*n.e + m.d*n.f + m.f,
	}
}

func (m affine) apply(p vg.Point) vg.Point {
	x, y := float64(p.X), float64(p.Y)
	return vg.Point{X: vg.Length(m.a*x + m.c*y + m.e), Y: vg.Length(m.b*x + m.d*y + m.f)}
}

// textRecorder is a vg.Canvas that draws nothing and keeps the boxes of the
// text drawn on it.
type textRecorder struct {
	w, h  vg.Length
	m     affine
	stack []affine
	texts []TextBox
}

func (r *textRecorder) SetLineWidth(vg.Length)             {}
func (r *textRecorder) SetLineDash([]vg.Length, vg.Length) {}
func (r *textRecorder) SetColor(color.Color)               {}
func (r *textRecorder) Rotate(rad float64) {
	s, c := math.Sincos(rad)
	r.m = r.m.mul(affine{a: c, b: s, c: -s, d: c})
}
func (r *textRecorder) Translate(p vg.Point) {
	r.m = r.m.mul(affine{a: 1, d: 1, e: float64(p.X), f: float64(p.Y)})
}
func (r *textRecorder) Scale(x, y float64) { r.m = r.m.mul(affine{a: x, d: y}) }
func (r *textRecorder) Push()              { r.stack = append(r.stack, r.m) }
func (r *textRecorder) Pop() {
	if n := len(r.stack); n > 0 {
		r.m, r.stack = r.stack[n-1], r.stack[:n-1]
	}
}
func (r *textRecorder) Stroke(vg.Path)                      {}
func (r *textRecorder) Fill(vg.Path)                        {}
func (r *textRecorder) DrawImage(vg.Rectangle, image.Image) {}
func (r *textRecorder) Size() (x, y vg.Length)              { return r.w, r.h }
func (r *textRecorder) FillString(f font.Face, pt vg.Point, s string) {
	ext := f.Extents()
	corners := []vg.Point{
		{X: pt.X, Y: pt.Y - ext.Descent}, {X: pt.X + f.Width(s), Y: pt.Y - ext.Descent},
		{X: pt.X, Y: pt.Y + ext.Ascent}, {X: pt.X + f.Width(s), Y: pt.Y + ext.Ascent},
	}
	box := vg.Rectangle{Min: vg.Point{X: vg.Length(math.Inf(1)), Y: vg.Length(math.Inf(1))}, Max: vg.Point{X: vg.Length(math.Inf(-1)), Y: vg.Length(math.Inf(-1))}}
	for _, c := range corners {
		q := r.m.apply(c)
		box.Min.X, box.Min.Y = min(box.Min.X, q.X), min(box.Min.Y, q.Y)
		box.Max.X, box.Max.Y = max(box.Max.X, q.X), max(box.Max.Y, q.Y)
	}
	r.texts = append(r.texts, TextBox{Text: s, Box: box})
}
