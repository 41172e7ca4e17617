package plot

import (
	"image/color"
	"math"
	"strings"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font/liberation"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgpdf"
)

// defaultFontSize is the body text size in points: legible at a journal
// column width of 8-17 cm.
const defaultFontSize = 9

// sans is the typeface of every figure. Liberation ships with gonum/plot,
// so the output does not depend on the fonts installed on the machine.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

func defaultText(size vg.Length) draw.TextStyle {
	return draw.TextStyle{
		Color:   color.Black,
		Font:    font.From(sans, size),
		XAlign:  draw.XLeft,
		YAlign:  draw.YCenter,
		Handler: textHandler,
	}
}

// newPlot returns a gonum plot styled per plot (never through the
// package-level plot.DefaultFont, which other code may rely on).
func newPlot() *plot.Plot {
	p := plot.New()
	size := vg.Length(defaultFontSize)
	p.Title.TextStyle.Font = font.From(sans, size+2)
	p.Title.TextStyle.Handler = textHandler
	p.Title.Padding = size / 2
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(sans, size+1)
		a.Label.TextStyle.Handler = textHandler
		a.Tick.Label.Font = font.From(sans, size)
		a.Tick.Label.Handler = textHandler
		a.Label.Padding = size / 3
	}
	p.Legend.TextStyle.Font = font.From(sans, size)
	p.Legend.TextStyle.Handler = textHandler
	return p
}

// Okabe & Ito (2008) colour-blind-safe palette.
var (
	okabeBlack     = color.RGBA{0x00, 0x00, 0x00, 0xff}
	okabeOrange    = color.RGBA{0xE6, 0x9F, 0x00, 0xff}
	okabeSkyBlue   = color.RGBA{0x56, 0xB4, 0xE9, 0xff}
	okabeGreen     = color.RGBA{0x00, 0x9E, 0x73, 0xff}
	okabeBlue      = color.RGBA{0x00, 0x72, 0xB2, 0xff}
	okabeVermilion = color.RGBA{0xD5, 0x5E, 0x00, 0xff}
	okabePurple    = color.RGBA{0xCC, 0x79, 0xA7, 0xff}
	gray           = color.RGBA{0x99, 0x99, 0x99, 0xff}
	lightGray      = color.RGBA{0xCC, 0xCC, 0xCC, 0xff}
)

// armColors is the order in which arms are coloured: blue for the first
// (usually the intervention), orange for the second (usual care).
var armColors = []color.Color{okabeBlue, okabeOrange, okabeGreen, okabeVermilion, okabePurple, okabeSkyBlue, okabeBlack}

// armGlyphs and armDashes make arms distinguishable in greyscale too.
var armGlyphs = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.PyramidGlyph{}, draw.BoxGlyph{}, draw.RingGlyph{}, draw.TriangleGlyph{}, draw.SquareGlyph{}, draw.CrossGlyph{}}

var armDashes = [][]vg.Length{nil, {vg.Points(4), vg.Points(2)}, {vg.Points(1), vg.Points(2)}, {vg.Points(6), vg.Points(2), vg.Points(1), vg.Points(2)}}

func pick[T any](s []T, i int) T { return s[i%len(s)] }

// pdfBoldVariant names the bold face under a variant of its own. vgpdf
// (gonum/plot v0.17.0) registers every face with an empty style but then
// selects bold text with style "B", so bold text fails in PDF ("undefined
// font: liberationsans-bold B"). On PDF canvases bold text therefore uses
// this alias of the same glyphs with a normal weight.
const pdfBoldVariant = "SansBoldPDF"

// fonts is the text handler of the figure furniture: the gonum/plot
// default fonts plus the PDF bold alias. It is this package's own cache,
// so the package-level font.DefaultCache is left alone.
var textHandler = func() text.Handler {
	coll := liberation.Collection()
	for _, f := range coll {
		if f.Font.Typeface == sans.Typeface && f.Font.Variant == sans.Variant &&
			f.Font.Weight == xfont.WeightBold && f.Font.Style == xfont.StyleNormal {
			coll = append(coll, font.Face{Font: font.Font{Typeface: sans.Typeface, Variant: pdfBoldVariant}, Face: f.Face})
			break
		}
	}
	return lines{text.Plain{Fonts: font.NewCache(coll)}}
}()

// lines is text.Plain with the lines of a block spaced as text.Style
// measures them (ascent + descent + line gap). text.Plain itself spaces
// them by the font size, closer than its own Box reports, so that the
// lines of a wrapped label would overlap their measured boxes.
type lines struct{ text.Plain }

func (h lines) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	txt = strings.TrimRight(txt, "\n")
	if txt == "" {
		return
	}
	fnt := h.Fonts.Lookup(sty.Font, sty.Font.Size)
	c.SetColor(sty.Color)
	if sty.Rotation != 0 {
		c.Push()
		c.Rotate(sty.Rotation)
	}
	sin64, cos64 := math.Sincos(sty.Rotation)
	cos, sin := vg.Length(cos64), vg.Length(sin64)
	pt.X, pt.Y = pt.Y*sin+pt.X*cos, pt.Y*cos-pt.X*sin
	ext := fnt.Extents()
	step := ext.Height
	ls := h.Lines(txt)
	ht := sty.Height(txt)
	// The top of the block, then one baseline per line.
	top := pt.Y + ht*vg.Length(sty.YAlign) + ht
	for i, line := range ls {
		xoffs := vg.Length(sty.XAlign) * fnt.Width(line)
		y := top - ext.Ascent - vg.Length(i)*step
		c.FillString(fnt, vg.Point{X: pt.X + xoffs, Y: y}, line)
	}
	if sty.Rotation != 0 {
		c.Pop()
	}
}

// bold returns s in bold for drawing on c.
func bold(c *draw.Canvas, s draw.TextStyle) draw.TextStyle {
	if isPDF(c.Canvas) {
		s.Font.Variant = pdfBoldVariant
		s.Font.Weight = xfont.WeightNormal
		return s
	}
	s.Font.Weight = xfont.WeightBold
	return s
}

// isPDF reports whether v draws into a PDF, looking through the
// draw.Canvas wrappers that draw.Crop adds.
func isPDF(v vg.Canvas) bool {
	for {
		switch c := v.(type) {
		case *vgpdf.Canvas:
			return true
		case draw.Canvas:
			v = c.Canvas
		case *draw.Canvas:
			v = c.Canvas
		default:
			return false
		}
	}
}
