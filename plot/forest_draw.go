package plot

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// forestPlotter draws the rows of a forest plot in data coordinates:
// x is the effect, y the row.
type forestPlotter struct {
	rows     []forestRow
	null     float64
	weighted bool
	top      float64 // the null line stops here, under the headers
}

var pooledFills = []color.Color{color.Black, gray, lightGray}

func (f *forestPlotter) xRange() (lo, hi float64) {
	lo, hi = f.null, f.null
	for _, r := range f.rows {
		if r.kind == rowBlank || r.kind == rowHeading || r.kind == rowText {
			continue
		}
		lo, hi = math.Min(lo, math.Min(r.lo, r.est)), math.Max(hi, math.Max(r.hi, r.est))
	}
	return lo, hi
}

// DataRange implements plot.DataRanger.
func (f *forestPlotter) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = f.xRange()
	return xmin, xmax, 0.5, f.top
}

// Plot implements plot.Plotter.
func (f *forestPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	rowH := vg.Length(math.Abs(float64(trY(1) - trY(0))))

	// The null line breaks at rows of text that run across the panel (a
	// subgroup's heading and heterogeneity line), so that no text crosses
	// a mark.
	nullLine := draw.LineStyle{Color: gray, Width: vg.Points(0.75)}
	for _, run := range f.nullRuns() {
		c.StrokeLines(nullLine, c.ClipLinesX([]vg.Point{{X: trX(f.null), Y: trY(run[0])}, {X: trX(f.null), Y: trY(run[1])}})...)
	}

	ci := draw.LineStyle{Color: color.Black, Width: vg.Points(0.9)}
	maxSide := min(rowH*0.75, vg.Points(11))
	minSide := vg.Points(2.5)
	var wmax float64
	for _, r := range f.rows {
		if r.kind == rowStudy {
			wmax = math.Max(wmax, r.weight)
		}
	}
	for _, r := range f.rows {
		y := trY(r.y)
		switch r.kind {
		case rowStudy:
			f.interval(&c, ci, trX(r.lo), trX(r.hi), y, 0)
			side := maxSide * 0.6
			if f.weighted && wmax > 0 {
				side = max(minSide, maxSide*vg.Length(math.Sqrt(r.weight/wmax)))
			}
			x := trX(r.est)
			if c.ContainsX(x) {
				sq := []vg.Point{{X: x - side/2, Y: y - side/2}, {X: x + side/2, Y: y - side/2}, {X: x + side/2, Y: y + side/2}, {X: x - side/2, Y: y + side/2}}
				c.FillPolygon(color.Black, sq)
			}
		case rowPooled:
			h := rowH * 0.36
			d := []vg.Point{{X: trX(r.lo), Y: y}, {X: trX(r.est), Y: y + h}, {X: trX(r.hi), Y: y}, {X: trX(r.est), Y: y - h}}
			d = c.ClipPolygonX(d)
			if len(d) < 3 {
				continue // entirely outside a range the caller set
			}
			c.FillPolygon(pick(pooledFills, r.shade), d)
			d = append(d, d[0])
			c.StrokeLines(draw.LineStyle{Color: color.Black, Width: vg.Points(0.75)}, d)
		case rowPrediction:
			f.interval(&c, draw.LineStyle{Color: color.Black, Width: vg.Points(1.6)}, trX(r.lo), trX(r.hi), y, rowH*0.3)
		}
	}
}

// nullRuns are the stretches of the y axis the null line spans: each run
// of rows with marks, from half a row below its last row to half a row
// above its first, blank rows at its ends left out; a subgroup's heading
// or heterogeneity line ends a run.
func (f *forestPlotter) nullRuns() [][2]float64 {
	var runs [][2]float64
	lo, hi := math.Inf(1), math.Inf(-1)
	end := func() {
		if lo < hi {
			runs = append(runs, [2]float64{lo, hi})
		}
		lo, hi = math.Inf(1), math.Inf(-1)
	}
	for _, r := range f.rows {
		switch r.kind {
		case rowHeading, rowText:
			end()
		case rowBlank:
		default:
			lo, hi = min(lo, r.y-0.5), max(hi, min(r.y+0.5, f.top))
		}
	}
	end()
	return runs
}

// interval draws a horizontal interval from x0 to x1 at y with end caps
// of height capH, or an arrow where the axis range cuts it.
func (f *forestPlotter) interval(c *draw.Canvas, sty draw.LineStyle, x0, x1, y, capH vg.Length) {
	lo, hi := max(x0, c.Min.X), min(x1, c.Max.X)
	if lo > hi {
		return
	}
	c.StrokeLine2(sty, lo, y, hi, y)
	a := vg.Points(3)
	thin := sty
	thin.Width = min(sty.Width, vg.Points(0.9))
	if x0 < c.Min.X {
		c.StrokeLines(thin, []vg.Point{{X: lo + a, Y: y + a*0.6}, {X: lo, Y: y}, {X: lo + a, Y: y - a*0.6}})
	} else if capH > 0 {
		c.StrokeLine2(thin, lo, y-capH/2, lo, y+capH/2)
	}
	if x1 > c.Max.X {
		c.StrokeLines(thin, []vg.Point{{X: hi - a, Y: y + a*0.6}, {X: hi, Y: y}, {X: hi - a, Y: y - a*0.6}})
	} else if capH > 0 {
		c.StrokeLine2(thin, hi, y-capH/2, hi, y+capH/2)
	}
}
