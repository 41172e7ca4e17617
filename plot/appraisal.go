package plot

import (
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tiesproject/ties/mmat"
)

// AppraisalOptions adjusts the MMAT traffic-light grid and summary bar.
// A nil *AppraisalOptions means the defaults documented on each field.
type AppraisalOptions struct {
	// Yes, CantTell, No and NotRated are the fill colours; nil means the
	// default colour-blind-safe choice from Okabe & Ito (2008): sky blue,
	// yellow, vermilion and light gray. Every answer also carries a
	// symbol (+, ?, −), so the figures survive greyscale printing.
	Yes, CantTell, No, NotRated color.Color
	// Title is the plot title; empty means none.
	Title string
	// NoCaption omits the list of criterion labels under the grid.
	NoCaption bool
}

type answerStyle struct {
	fill   color.Color
	symbol string
	label  string
}

func (o *AppraisalOptions) styles() map[mmat.Answer]answerStyle {
	var opt AppraisalOptions
	if o != nil {
		opt = *o
	}
	or := func(c, d color.Color) color.Color {
		if c == nil {
			return d
		}
		return c
	}
	return map[mmat.Answer]answerStyle{
		mmat.Yes:      {or(opt.Yes, okabeSkyBlue), "+", "Yes"},
		mmat.CantTell: {or(opt.CantTell, color.RGBA{0xF0, 0xE4, 0x42, 0xff}), "?", "Can't tell"},
		mmat.No:       {or(opt.No, okabeVermilion), "−", "No"},
		mmat.NotRated: {or(opt.NotRated, lightGray), "", "Not rated"},
	}
}

// validateGrid checks that g is rectangular and its answers are known.
func validateGrid(fig string, g mmat.Grid) error {
	switch {
	case len(g.Studies) == 0:
		return inputErr(fig, "Studies", nil, "no studies")
	case len(g.Criteria) == 0:
		return inputErr(fig, "Criteria", nil, "no criteria")
	case len(g.Answers) != len(g.Studies):
		return inputErr(fig, "Answers", fmt.Sprintf("%d rows for %d studies", len(g.Answers), len(g.Studies)), "mismatched lengths")
	case g.Applies != nil && len(g.Applies) != len(g.Studies):
		return inputErr(fig, "Applies", fmt.Sprintf("%d rows for %d studies", len(g.Applies), len(g.Studies)), "mismatched lengths")
	case g.Raters != nil && len(g.Raters) != len(g.Studies):
		return inputErr(fig, "Raters", fmt.Sprintf("%d raters for %d studies", len(g.Raters), len(g.Studies)), "mismatched lengths")
	}
	for j, c := range g.Criteria {
		if c.ID == "" {
			return inputErr(fig, fmt.Sprintf("Criteria[%d].ID", j), nil, "empty criterion ID")
		}
	}
	for i, s := range g.Studies {
		if s == "" {
			return inputErr(fig, fmt.Sprintf("Studies[%d]", i), nil, "empty study label")
		}
		if len(g.Answers[i]) != len(g.Criteria) {
			return inputErr(fig, fmt.Sprintf("Answers[%d %q]", i, s), fmt.Sprintf("%d answers for %d criteria", len(g.Answers[i]), len(g.Criteria)), "mismatched lengths")
		}
		if g.Applies != nil && len(g.Applies[i]) != len(g.Criteria) {
			return inputErr(fig, fmt.Sprintf("Applies[%d %q]", i, s), fmt.Sprintf("%d flags for %d criteria", len(g.Applies[i]), len(g.Criteria)), "mismatched lengths")
		}
		for j, a := range g.Answers[i] {
			if a != mmat.NotRated && !a.Valid() {
				return inputErr(fig, fmt.Sprintf("Answers[%d %q][%d %s]", i, s, j, g.Criteria[j].ID), a, "unknown answer")
			}
		}
	}
	return nil
}

func applies(g mmat.Grid, i, j int) bool { return g.Applies == nil || g.Applies[i][j] }

// studyLabel adds the rater when a grid holds several raters' appraisals.
func studyLabel(g mmat.Grid, i int) string {
	if g.Raters != nil && g.Raters[i] != "" {
		return g.Studies[i] + " (" + g.Raters[i] + ")"
	}
	return g.Studies[i]
}

// TrafficLight draws an MMAT 2018 appraisal grid in the style of robvis
// (McGuinness & Higgins 2021): one row per study (in input order), one
// column per criterion, each cell a circle coloured and marked by the
// answer (+ Yes, ? Can't tell, − No; gray without a symbol when the
// criterion applies but was not rated, for example after a failed
// screening question). Cells of criteria that do not apply to a study's
// category are left empty and shaded. Build g with mmat.NewGrid.
func TrafficLight(g mmat.Grid, o *AppraisalOptions) (*Figure, error) {
	if err := validateGrid("appraisal", g); err != nil {
		return nil, err
	}
	sty := o.styles()
	n, m := len(g.Studies), len(g.Criteria)
	p := newPlot()
	if o != nil {
		p.Title.Text = o.Title
	}
	p.HideAxes()
	p.X.Min, p.X.Max = 0.5, float64(m)+0.5
	p.Y.Min, p.Y.Max = 0.5, float64(n)+1.5
	tl := &trafficLight{g: g, styles: sty, text: defaultText(defaultFontSize)}
	p.Add(tl)

	col := Column{XAlign: draw.XLeft, Cells: []Cell{{Y: float64(n) + 1, Text: "Study", Bold: true}}}
	for i := range g.Studies {
		col.Cells = append(col.Cells, Cell{Y: float64(n - i), Text: studyLabel(g, i)})
	}
	fg := &Figure{Plot: p, Text: defaultText(defaultFontSize), Left: []Column{col}}
	used := map[mmat.Answer]bool{}
	var notApplicable bool
	for i := range g.Answers {
		for j, a := range g.Answers[i] {
			if applies(g, i, j) {
				used[a] = true
			} else {
				notApplicable = true
			}
		}
	}
	for _, a := range []mmat.Answer{mmat.Yes, mmat.CantTell, mmat.No, mmat.NotRated} {
		if used[a] {
			fg.Key = append(fg.Key, KeyEntry{Label: sty[a].label, Thumb: answerThumb{sty[a]}})
		}
	}
	if notApplicable {
		fg.Key = append(fg.Key, KeyEntry{Label: "Does not apply", Thumb: answerThumb{answerStyle{fill: nil}}})
	}
	if o == nil || !o.NoCaption {
		parts := make([]string, m)
		for j, c := range g.Criteria {
			parts[j] = c.ID + ": " + c.Label
			if c.Label == "" {
				parts[j] = c.ID
			}
		}
		fg.Notes = append(fg.Notes, "Criteria (MMAT 2018): "+strings.Join(parts, "; ")+".")
	}
	return fg, nil
}

// trafficLight draws the grid: header IDs at y = n+1, study i at
// y = n−i, criterion j at x = j+1.
type trafficLight struct {
	g      mmat.Grid
	styles map[mmat.Answer]answerStyle
	text   draw.TextStyle
}

var notApplicableShade = color.Gray{Y: 0xf2}

func (t *trafficLight) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(t.g.Studies)
	cw := trX(2) - trX(1)
	ch := trY(1) - trY(0)
	r := min(cw, ch) * 0.38
	r = min(r, vg.Points(9))
	border := draw.LineStyle{Color: color.Gray{Y: 0xdd}, Width: vg.Points(0.5)}
	head := t.text
	head.Font.Size = p.Legend.TextStyle.Font.Size // as laid out for the figure's size
	head.XAlign, head.YAlign = draw.XCenter, draw.YCenter
	head = bold(&c, head)
	for j, cr := range t.g.Criteria {
		c.FillText(head, vg.Point{X: trX(float64(j + 1)), Y: trY(float64(n) + 1)}, cr.ID)
	}
	for i := range t.g.Studies {
		y := trY(float64(n - i))
		for j, a := range t.g.Answers[i] {
			x := trX(float64(j + 1))
			cell := vg.Rectangle{Min: vg.Point{X: x - cw/2, Y: y - ch/2}, Max: vg.Point{X: x + cw/2, Y: y + ch/2}}
			if !applies(t.g, i, j) {
				c.SetColor(notApplicableShade)
				c.Fill(cell.Path())
			}
			c.SetLineStyle(border)
			c.Stroke(cell.Path())
			if applies(t.g, i, j) {
				drawAnswer(&c, t.styles[a], vg.Point{X: x, Y: y}, r, t.text)
			}
		}
	}
}

// drawAnswer draws a filled, outlined circle with the answer's symbol.
func drawAnswer(c *draw.Canvas, s answerStyle, pt vg.Point, r vg.Length, text draw.TextStyle) {
	if s.fill == nil {
		return
	}
	c.SetColor(s.fill)
	draw.CircleGlyph{}.DrawGlyph(c, draw.GlyphStyle{Radius: r}, pt)
	c.SetLineStyle(draw.LineStyle{Color: color.Black, Width: vg.Points(0.6)})
	var path vg.Path
	path.Move(vg.Point{X: pt.X + r, Y: pt.Y})
	path.Arc(pt, r, 0, 6.283185307179586)
	path.Close()
	c.Stroke(path)
	if s.symbol != "" {
		ts := text
		ts.Font.Size = r * 1.5
		ts = bold(c, ts)
		ts.XAlign, ts.YAlign = draw.XCenter, draw.YCenter
		// The text box includes the descent; lift the symbol to the
		// optical centre.
		c.FillText(ts, vg.Point{X: pt.X, Y: pt.Y + ts.FontExtents().Descent*0.35}, s.symbol)
	}
}

// answerThumb is the key entry of an answer.
type answerThumb struct{ s answerStyle }

func (a answerThumb) Thumbnail(c *draw.Canvas) {
	pt := c.Center()
	r := min(c.Size().X, c.Size().Y) * 0.55
	if a.s.fill == nil {
		box := vg.Rectangle{Min: vg.Point{X: pt.X - r, Y: pt.Y - r}, Max: vg.Point{X: pt.X + r, Y: pt.Y + r}}
		c.SetColor(notApplicableShade)
		c.Fill(box.Path())
		c.SetLineStyle(draw.LineStyle{Color: color.Gray{Y: 0xbb}, Width: vg.Points(0.5)})
		c.Stroke(box.Path())
		return
	}
	drawAnswer(c, a.s, pt, r, defaultText(defaultFontSize))
}
