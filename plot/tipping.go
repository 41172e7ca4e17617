package plot

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tiesproject/ties/effect/mi"
)

// TippingPointOptions adjusts a tipping-point figure. A nil
// *TippingPointOptions means the defaults documented on each field.
type TippingPointOptions struct {
	// Title is the figure's title; "" means none.
	Title string
	// Arm names the arm whose imputed outcomes were shifted in the x
	// label; "" means the TippingPoint's Arm.
	Arm string
	// Visit names the primary visit in the y label, for example "12
	// months"; "" means "visit " and the TippingPoint's Visit.
	Visit string
	// XLabel and YLabel replace the axis labels; "" means "Shift added to
	// imputed outcomes of <Arm>" and "Difference at <Visit>".
	XLabel, YLabel string
}

// The colours of the tipping-point figure: the difference in the first
// arm colour over a light tint of it for the interval.
var (
	tipBand   = color.RGBA{0xC4, 0xDD, 0xEE, 0xff}
	tipLine   = draw.LineStyle{Color: okabeBlue, Width: vg.Points(1.4)}
	tipNull   = draw.LineStyle{Color: color.Gray{Y: 0x40}, Width: vg.Points(0.8)}
	tipGuide  = draw.LineStyle{Color: color.Gray{Y: 0x40}, Width: vg.Points(0.6), Dashes: []vg.Length{vg.Points(2), vg.Points(2)}}
	tipMarker = draw.GlyphStyle{Color: okabeVermilion, Radius: vg.Points(3.5), Shape: diamondGlyph{}}
)

// TippingPoint draws a δ-adjusted tipping-point analysis (mi.Tipping) in
// one call: the difference at the primary visit against the shift δ added
// to the imputed outcomes of one arm, as a line over the band of its
// confidence interval, the null line at 0, and the tipping point (the δ at
// which the interval first reaches 0) marked on the null line and labelled
// with its value. A note says in one sentence what the tipping point
// means; when there is none (the interval includes 0 at δ = 0, or no shift
// reaches it) the note says so and nothing is marked.
//
// The curve is TippingPoint.Curve (its δ grid is set by
// mi.TippingOptions.From, To and Points); the x axis is widened to show
// the tipping point when the grid stops short of it. An infinite interval
// end (a one-sided alternative) is drawn to the edge of the panel.
func TippingPoint(tp *mi.TippingPoint, o *TippingPointOptions) (*Figure, error) {
	const fig = "tipping point"
	var opt TippingPointOptions
	if o != nil {
		opt = *o
	}
	if tp == nil {
		return nil, inputErr(fig, "TippingPoint", nil, "nil result; run mi.Tipping first")
	}
	if len(tp.Curve) < 2 {
		return nil, inputErr(fig, "Curve", len(tp.Curve), "need the difference at two shifts or more")
	}
	// The curve in δ order; errors name the step by its input position.
	order := make([]int, len(tp.Curve))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmpFloat(tp.Curve[a].Delta, tp.Curve[b].Delta) })
	curve := make([]mi.TippingPointStep, len(order))
	for i, k := range order {
		curve[i] = tp.Curve[k]
	}
	level := curve[0].Difference.CI.Level
	if !(level > 0 && level < 1) {
		return nil, inputErr(fig, "Curve[0].Difference.CI.Level", level, "must lie in (0, 1)")
	}
	ylo, yhi := 0.0, 0.0
	for i, s := range curve {
		f := fmt.Sprintf("Curve[%d]", order[i])
		d := s.Difference
		switch {
		case !finite(s.Delta):
			return nil, inputErr(fig, f+".Delta", s.Delta, "must be finite")
		case i > 0 && s.Delta == curve[i-1].Delta:
			return nil, inputErr(fig, f+".Delta", s.Delta, "shift given twice")
		case !finite(d.Estimate):
			return nil, inputErr(fig, f+".Difference.Estimate", d.Estimate, "must be finite")
		case math.IsNaN(d.CI.Lower) || math.IsNaN(d.CI.Upper) || !(d.CI.Lower <= d.Estimate && d.Estimate <= d.CI.Upper):
			return nil, inputErr(fig, f+".Difference.CI", d.CI, "must contain the estimate")
		case d.CI.Level != level:
			return nil, inputErr(fig, f+".Difference.CI.Level", d.CI.Level, fmt.Sprintf("differs from the level of the other intervals (%v)", level))
		}
		ylo, yhi = min(ylo, d.Estimate), max(yhi, d.Estimate)
		if finite(d.CI.Lower) {
			ylo = min(ylo, d.CI.Lower)
		}
		if finite(d.CI.Upper) {
			yhi = max(yhi, d.CI.Upper)
		}
	}
	tip := tp.Found && tp.Delta != 0
	if tp.Found && !finite(tp.Delta) {
		return nil, inputErr(fig, "Delta", tp.Delta, "Found is set but the tipping point is not finite")
	}
	arm := opt.Arm
	if arm == "" {
		arm = tp.Arm
	}
	if arm == "" {
		arm = "one arm"
	}
	visit := opt.Visit
	if visit == "" {
		visit = "the primary visit"
		if tp.Visit != "" {
			visit = "visit " + tp.Visit
		}
	}

	p := newPlot()
	p.Title.Text = opt.Title
	p.X.Label.Text = opt.XLabel
	if p.X.Label.Text == "" {
		p.X.Label.Text = "Shift added to imputed outcomes of " + arm
	}
	p.Y.Label.Text = opt.YLabel
	if p.Y.Label.Text == "" {
		p.Y.Label.Text = "Difference at " + visit
	}
	p.Y.Label.TextStyle.Font.Size = p.X.Label.TextStyle.Font.Size
	xlo, xhi := curve[0].Delta, curve[len(curve)-1].Delta
	if tip {
		xlo, xhi = min(xlo, tp.Delta), max(xhi, tp.Delta)
	}
	pad := 0.06 * (yhi - ylo)
	if pad == 0 {
		pad = 1
	}
	ylo, yhi = ylo-pad, yhi+pad
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = xlo, xhi, ylo, yhi
	if err := checkRange(fig, "Curve.Delta", xlo, xhi); err != nil {
		return nil, err
	}
	if err := checkRange(fig, "Curve.Difference", ylo, yhi); err != nil {
		return nil, err
	}
	p.X.Tick.Marker = niceTicks{}
	p.Y.Tick.Marker = niceTicks{}
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal.Color = color.Gray{Y: 0xe6}
	p.Add(grid)

	// The band: lower ends left to right, then upper ends back; infinite
	// ends run to the panel's edge.
	band := make(plotter.XYs, 0, 2*len(curve))
	line := make(plotter.XYs, len(curve))
	for i, s := range curve {
		band = append(band, plotter.XY{X: s.Delta, Y: max(s.Difference.CI.Lower, ylo)})
		line[i] = plotter.XY{X: s.Delta, Y: s.Difference.Estimate}
	}
	for i := len(curve) - 1; i >= 0; i-- {
		band = append(band, plotter.XY{X: curve[i].Delta, Y: min(curve[i].Difference.CI.Upper, yhi)})
	}
	poly, err := plotter.NewPolygon(band)
	if err != nil {
		return nil, err
	}
	poly.Color = tipBand
	poly.LineStyle = draw.LineStyle{}
	p.Add(poly)
	null, err := plotter.NewLine(plotter.XYs{{X: xlo, Y: 0}, {X: xhi, Y: 0}})
	if err != nil {
		return nil, err
	}
	null.LineStyle = tipNull
	p.Add(null)
	est, err := plotter.NewLine(line)
	if err != nil {
		return nil, err
	}
	est.LineStyle = tipLine
	p.Add(est)

	fig2 := &Figure{Plot: p, Text: defaultText(defaultFontSize), MinPanelWidth: 0.5, MinPanelHeight: 0.4}
	bandKey := &plotter.Polygon{Color: tipBand}
	fig2.Key = []KeyEntry{
		{Label: "Difference", Thumb: &plotter.Line{LineStyle: tipLine}},
		{Label: percent(level) + " CI", Thumb: bandKey},
	}
	lvl := percent(level) + " CI"
	dec := deltaDecimals(xhi - xlo)
	switch {
	case tip:
		label := "Tipping point δ = " + num(tp.Delta, dec)
		guide, err := plotter.NewLine(plotter.XYs{{X: tp.Delta, Y: ylo}, {X: tp.Delta, Y: 0}})
		if err != nil {
			return nil, err
		}
		guide.LineStyle = tipGuide
		p.Add(guide)
		// The label goes on the side of the null line away from the
		// interval, which touches 0 from the estimate's side.
		p.Add(&tipLabel{x: tp.Delta, text: label, below: tp.AtTip.Estimate >= 0})
		fig2.Key = append(fig2.Key, KeyEntry{Label: "Tipping point", Thumb: glyphThumb(tipMarker)})
		fig2.Notes = append(fig2.Notes, fmt.Sprintf(
			"The %s of the difference at %s excludes 0 for every shift of the imputed outcomes of %s between 0 and the tipping point δ = %s; for larger shifts the conclusion no longer holds.",
			lvl, visit, arm, num(tp.Delta, dec)))
	case tp.Found:
		fig2.Notes = append(fig2.Notes, fmt.Sprintf(
			"The %s of the difference at %s includes 0 without any shift, so there is no conclusion for a shift to overturn.", lvl, visit))
	default:
		fig2.Notes = append(fig2.Notes, fmt.Sprintf(
			"No shift of the imputed outcomes of %s makes the %s of the difference at %s include 0.", arm, lvl, visit))
	}
	return fig2, nil
}

// deltaDecimals gives δ about three significant digits over a span.
func deltaDecimals(span float64) int {
	if !(span > 0) || !finite(span) {
		return 2
	}
	return min(max(2-int(math.Floor(math.Log10(span))), 0), 4)
}

// tipLabel draws the tipping point's marker on the null line and its label
// beside it, kept inside the panel: on the side of δ = 0 when there is
// room, and on the side of the null line away from the interval, where
// the label crosses neither the band nor the line.
type tipLabel struct {
	x     float64
	text  string
	below bool
}

// DataRange implements plot.DataRanger.
func (t *tipLabel) DataRange() (xmin, xmax, ymin, ymax float64) { return t.x, t.x, 0, 0 }

// place returns the label's style, anchor and box in the data canvas c,
// with the figure's (scaled) tick-label style.
func (t *tipLabel) place(c draw.Canvas, p *plot.Plot) (draw.TextStyle, vg.Point, vg.Rectangle) {
	trX, trY := p.Transforms(&c)
	at := vg.Point{X: trX(t.x), Y: trY(0)}
	sty := p.X.Tick.Label
	gap := tipMarker.Radius + sty.Font.Size*0.3
	w, h := sty.Width(t.text), sty.Height(t.text)
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
	// Towards δ = 0, where the interval lies wholly on one side of the
	// null line, unless there is no room there.
	pt := vg.Point{X: at.X - gap - w, Y: at.Y + gap}
	if t.x < 0 {
		pt.X = at.X + gap
	}
	if pt.X < c.Min.X {
		pt.X = at.X + gap
	}
	if pt.X+w > c.Max.X {
		pt.X = at.X - gap - w
	}
	pt.X = max(min(pt.X, c.Max.X-w), c.Min.X)
	if t.below || pt.Y+h > c.Max.Y {
		pt.Y = at.Y - gap - h
	}
	if pt.Y < c.Min.Y {
		pt.Y = at.Y + gap
	}
	return sty, pt, vg.Rectangle{Min: pt, Max: vg.Point{X: pt.X + w, Y: pt.Y + h}}
}

// Plot implements plot.Plotter.
func (t *tipLabel) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty, pt, _ := t.place(c, p)
	c.DrawGlyphNoClip(tipMarker, vg.Point{X: trX(t.x), Y: trY(0)})
	c.FillText(sty, pt, t.text)
}
