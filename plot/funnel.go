package plot

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tiesproject/ties/effect"
)

// FunnelStudy is one point of a funnel plot.
type FunnelStudy struct {
	Label    string
	Estimate float64
	SE       float64
	// Filled marks a study imputed by trim-and-fill; it is drawn as an
	// open circle.
	Filled bool
}

// FunnelData is what a funnel plot shows: estimates on the measure's own
// scale (log scale for ratio measures) against their standard errors.
type FunnelData struct {
	Measure effect.Measure
	Studies []FunnelStudy
	// Center is the estimate the funnel is centred on, usually the pooled
	// estimate; nil means the inverse-variance (fixed-effect) mean of all
	// points, observed and filled, as metafor's funnel() of a
	// fixed-effect model.
	Center *float64
	// CenterLabel says in the key what the centre line is, for example
	// "random effects (REML)"; "" means "inverse-variance mean" when
	// Center is nil and "pooled estimate" otherwise.
	CenterLabel string
}

// FunnelOptions adjusts a funnel plot. A nil *FunnelOptions means the
// defaults documented on each field.
type FunnelOptions struct {
	// Level is the coverage of the pseudo confidence limits; 0 means 0.95.
	Level float64
	// XLabel names the x axis; "" means the measure's name.
	XLabel string
	// Title is the plot title; empty means none.
	Title string
	// Contours shades the regions of two-sided statistical significance
	// around the null value (zero on the measure's scale): p < 0.01,
	// 0.01-0.05 and 0.05-0.10, the contour-enhanced funnel plot of Peters
	// et al. (2008), which helps tell publication bias (missing studies
	// in the non-significant region) from other causes of asymmetry.
	Contours bool
}

// Funnel draws estimates against their standard errors, the standard
// error axis inverted so that the most precise studies are at the top,
// with the pseudo confidence region centre ± z·SE shaded and a line at
// the centre. Studies imputed by trim-and-fill (Filled) are open circles.
func Funnel(d FunnelData, o *FunnelOptions) (*Figure, error) {
	const fig = "funnel"
	var opt FunnelOptions
	if o != nil {
		opt = *o
	}
	level, err := ciLevel(fig, opt.Level)
	if err != nil {
		return nil, err
	}
	if len(d.Studies) == 0 {
		return nil, inputErr(fig, "Studies", nil, "no studies")
	}
	var sw, swy, seMax float64
	var obs, filled plotter.XYs
	for i, s := range d.Studies {
		f := fmt.Sprintf("Studies[%d %q]", i, s.Label)
		switch {
		case !finite(s.Estimate):
			return nil, inputErr(fig, f+".Estimate", s.Estimate, "must be finite")
		case !finite(s.SE) || s.SE <= 0:
			return nil, inputErr(fig, f+".SE", s.SE, "must be finite and positive")
		}
		w := 1 / (s.SE * s.SE)
		sw += w
		swy += w * s.Estimate
		seMax = math.Max(seMax, s.SE)
		pt := plotter.XY{X: s.Estimate, Y: s.SE}
		if s.Filled {
			filled = append(filled, pt)
		} else {
			obs = append(obs, pt)
		}
	}
	if len(obs) == 0 {
		return nil, inputErr(fig, "Studies", nil, "every study is Filled; there are no observed studies")
	}
	center := swy / sw
	centerLabel := "inverse-variance mean"
	if d.Center != nil {
		center = *d.Center
		centerLabel = "pooled estimate"
		if !finite(center) {
			return nil, inputErr(fig, "Center", center, "must be finite")
		}
	}
	if d.CenterLabel != "" {
		centerLabel = d.CenterLabel
	}
	if !finite(center) {
		return nil, inputErr(fig, "Studies", nil, "standard errors too small to weight")
	}
	z := distuv.UnitNormal.Quantile(0.5 + level/2)
	yMax := seMax * 1.08

	p := newPlot()
	p.Title.Text = opt.Title
	p.X.Label.Text = opt.XLabel
	if p.X.Label.Text == "" {
		p.X.Label.Text = shortName(d.Measure, false)
	}
	p.Y.Label.Text = "Standard error"
	p.Y.Scale = plot.InvertedScale{Normalizer: plot.LinearScale{}}

	region := &funnelRegion{center: center, z: z, seMax: yMax}
	var contours *contourRegions
	if opt.Contours {
		contours = &contourRegions{seMax: yMax}
		p.Add(contours)
		region.noFill = true
	}
	p.Add(region)
	sc, err := plotter.NewScatter(obs)
	if err != nil {
		return nil, err
	}
	sc.GlyphStyle = draw.GlyphStyle{Color: color.Black, Radius: vg.Points(2.6), Shape: draw.CircleGlyph{}}
	p.Add(sc)
	fg := &Figure{Plot: p, Text: defaultText(defaultFontSize), MinPanelWidth: 0.5, MinPanelHeight: 0.4}
	fg.Key = append(fg.Key, KeyEntry{Label: "Observed studies", Thumb: sc})
	if len(filled) > 0 {
		fs, err := plotter.NewScatter(filled)
		if err != nil {
			return nil, err
		}
		fs.GlyphStyle = draw.GlyphStyle{Color: color.Black, Radius: vg.Points(2.6), Shape: openCircle{}}
		p.Add(fs)
		fg.Key = append(fg.Key, KeyEntry{Label: "Imputed by trim and fill", Thumb: fs})
	}
	fg.Key = append(fg.Key, KeyEntry{Label: fmt.Sprintf("Pseudo %s confidence limits", percent(level)), Thumb: region})
	fg.Key = append(fg.Key, KeyEntry{Label: "Centre: " + centerLabel, Thumb: centerThumb{}})
	xmin, xmax, _, _ := region.DataRange()
	if contours != nil {
		fg.Notes = append(fg.Notes, "Shading: two-sided p-value of a study's estimate against the null (Peters et al. 2008): "+
			"white p > 0.10; dark grey 0.05 to 0.10; mid grey 0.01 to 0.05; light grey < 0.01.")
		cx0, cx1, _, _ := contours.DataRange()
		xmin, xmax = math.Min(xmin, cx0), math.Max(xmax, cx1)
	}

	for _, s := range d.Studies {
		xmin, xmax = math.Min(xmin, s.Estimate), math.Max(xmax, s.Estimate)
	}
	padx := 0.04 * (xmax - xmin)
	p.X.Min, p.X.Max = xmin-padx, xmax+padx
	p.Y.Min, p.Y.Max = 0, yMax
	if err := checkRange(fig, "Studies.Estimate", p.X.Min, p.X.Max); err != nil {
		return nil, err
	}
	if err := checkRange(fig, "Studies.SE", 0, yMax); err != nil {
		return nil, err
	}
	p.X.Tick.Marker = niceTicks{}
	p.Y.Tick.Marker = niceTicks{}
	return fg, nil
}

// funnelRegion shades the pseudo confidence region and draws its limits
// and the centre line.
type funnelRegion struct {
	center, z, seMax float64
	noFill           bool // the contours shade the panel instead
}

var funnelShade = color.Gray{Y: 0xee}

func (r *funnelRegion) DataRange() (xmin, xmax, ymin, ymax float64) {
	h := r.z * r.seMax
	return r.center - h, r.center + h, 0, r.seMax
}

func (r *funnelRegion) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	h := r.z * r.seMax
	top := vg.Point{X: trX(r.center), Y: trY(0)}
	left := vg.Point{X: trX(r.center - h), Y: trY(r.seMax)}
	right := vg.Point{X: trX(r.center + h), Y: trY(r.seMax)}
	if !r.noFill {
		c.FillPolygon(funnelShade, c.ClipPolygonXY([]vg.Point{left, top, right}))
	}
	limits := draw.LineStyle{Color: color.Gray{Y: 0x55}, Width: vg.Points(0.75), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}}
	c.StrokeLines(limits, c.ClipLinesXY([]vg.Point{left, top, right})...)
	c.StrokeLines(draw.LineStyle{Color: color.Gray{Y: 0x55}, Width: vg.Points(0.75)},
		c.ClipLinesXY([]vg.Point{top, {X: top.X, Y: trY(r.seMax)}})...)
}

// Thumbnail implements plot.Thumbnailer.
func (r *funnelRegion) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(draw.LineStyle{Color: color.Gray{Y: 0x55}, Width: vg.Points(0.75), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}},
		c.Min.X, y, c.Max.X, y)
}

// openCircle is a white circle with a black outline.
type openCircle struct{}

func (openCircle) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	// CircleGlyph fills with the canvas's current colour.
	c.SetColor(color.White)
	draw.CircleGlyph{}.DrawGlyph(c, sty, pt)
	draw.RingGlyph{}.DrawGlyph(c, sty, pt)
}

// contourShades fill the regions p > 0.10 (white), 0.05-0.10, 0.01-0.05
// and p < 0.01, from dark to light as Peters et al. (2008) drew them.
var contourShades = []color.Color{color.White, color.Gray{Y: 0x9a}, color.Gray{Y: 0xc4}, color.Gray{Y: 0xe8}}

// contourZ are the two-sided normal quantiles of p = 0.10, 0.05, 0.01.
var contourZ = []float64{1.6448536269514722, 1.959963984540054, 2.5758293035489004}

// contourRegions shades the significance regions around zero.
type contourRegions struct{ seMax float64 }

func (r *contourRegions) DataRange() (xmin, xmax, ymin, ymax float64) {
	h := contourZ[2] * r.seMax * 1.05
	return -h, h, 0, r.seMax
}

func (r *contourRegions) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	c.SetColor(contourShades[3])
	c.Fill(c.Rectangle.Path())
	for i := 2; i >= 0; i-- {
		h := contourZ[i] * r.seMax
		tri := []vg.Point{{X: trX(-h), Y: trY(r.seMax)}, {X: trX(0), Y: trY(0)}, {X: trX(h), Y: trY(r.seMax)}}
		c.FillPolygon(contourShades[i], c.ClipPolygonXY(tri))
	}
}

// centerThumb is the key entry of the centre line: a short vertical line.
type centerThumb struct{}

func (centerThumb) Thumbnail(c *draw.Canvas) {
	x := c.Center().X
	c.StrokeLine2(draw.LineStyle{Color: color.Gray{Y: 0x55}, Width: vg.Points(0.75)}, x, c.Min.Y, x, c.Max.Y)
}
