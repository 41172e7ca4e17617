package plot

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/mmat/prisma"
)

// PRISMAOptions configures PRISMA. The nil value draws at 17 cm wide
// with 8 pt text, at most 22 cm tall, without the template's footnotes.
type PRISMAOptions struct {
	// Width of the figure; 0 means 17 cm (a two-column page width). 8.5
	// and 12 cm work for the usual flows, with the text made smaller and
	// boxes taller.
	Width vg.Length
	// FontSize of the box text; 0 means 8 pt. When the boxes cannot hold
	// their words at this size, the text is made smaller, down to 7 pt.
	FontSize vg.Length
	// MaxHeight is the tallest the figure may be; 0 means 22 cm (an A4 or
	// letter page within its margins).
	MaxHeight vg.Length
	// Footnotes adds the template's "*" and "**" markers and their
	// footnotes (per-source counts; records excluded by automation).
	Footnotes bool
}

// prismaMinFont is the smallest text size PRISMA uses: 7 pt at print size.
const prismaMinFont = 7

// PRISMA draws the PRISMA 2020 flow diagram of f (Page et al. 2021): the
// template for a new review with databases and registers, plus the column
// for other methods when f.Other is not nil. Side labels Identification,
// Screening and Included; the boxes of a row share one height, each sized
// to hold its wrapped text; unknown counts print "n = ?". It returns the
// figure and the height it needs at o.Width: save it with
// fig.Save(path, o.Width, height) as SVG, PNG or PDF.
//
// When the diagram does not fit (a word wider than its box even at 7 pt,
// or taller than o.MaxHeight) the error names what does not fit and the
// smallest width that works; it is an *effect.FieldError wrapping
// ErrTooSmall, as every figure's. PRISMA draws the counts as given: call
// f.Validate to check them.
func PRISMA(f *prisma.Flow, o *PRISMAOptions) (*Figure, vg.Length, error) {
	fig, _, h, err := newPRISMA(f, o)
	return fig, h, err
}

// newPRISMA is PRISMA, also returning the plotter (for tests).
func newPRISMA(f *prisma.Flow, o *PRISMAOptions) (*Figure, *prismaPlotter, vg.Length, error) {
	var opt PRISMAOptions
	if o != nil {
		opt = *o
	}
	if f == nil {
		return nil, nil, 0, &effect.FieldError{Field: "flow", Reason: "no flow to draw", Err: ErrInvalidInput}
	}
	if opt.Width == 0 {
		opt.Width = 17 * vg.Centimeter
	}
	if opt.FontSize == 0 {
		opt.FontSize = 8
	}
	if opt.MaxHeight == 0 {
		opt.MaxHeight = 22 * vg.Centimeter
	}
	for _, v := range []struct {
		name string
		x    vg.Length
		ok   bool
	}{
		{"Width", opt.Width, opt.Width > 0 && opt.Width <= 1e4},
		{"FontSize", opt.FontSize, opt.FontSize >= prismaMinFont && opt.FontSize <= 72},
		{"MaxHeight", opt.MaxHeight, opt.MaxHeight > 0 && opt.MaxHeight <= 1e4},
	} {
		if !v.ok || math.IsNaN(float64(v.x)) {
			return nil, nil, 0, &effect.FieldError{Field: "PRISMAOptions." + v.name, Value: v.x, Err: ErrInvalidInput,
				Reason: "out of range (FontSize from 7 to 72 pt, sizes positive)"}
		}
	}
	pp := &prismaPlotter{flow: f, opt: opt}
	p := plot.New()
	p.HideAxes()
	p.X.Padding, p.Y.Padding = 0, 0
	p.Add(pp)
	fig := &Figure{Plot: p}

	// The figure's margins around the diagram, measured by drawing once.
	const probe = 30 * vg.Centimeter
	pp.measure = true
	fig.Draw(draw.NewCanvas(new(recorder.Canvas), opt.Width, probe))
	pp.measure = false
	marginW, marginH := opt.Width-pp.got.Size().X, probe-pp.got.Size().Y

	L, err := fitPRISMA(f, opt.Width-marginW, opt.MaxHeight-marginH, opt)
	if err != nil {
		smallest := smallestPRISMAWidth(f, marginW, marginH, opt)
		reason := "does not fit: " + err.Error()
		if smallest > 0 {
			reason += "; the smallest width that works is " + cm(smallest)
		}
		return nil, nil, 0, &effect.FieldError{Field: "PRISMAOptions.Width", Value: cm(opt.Width), Reason: reason, Err: ErrTooSmall}
	}
	pp.layout = L
	return fig, pp, L.height + marginH, nil
}

// cm formats a length in centimetres, rounded up to the millimetre.
func cm(l vg.Length) string {
	return fmt.Sprintf("%.1f cm", math.Ceil(float64(l/vg.Millimeter)-1e-9)/10)
}

// fitPRISMA lays f out at the largest font size from opt.FontSize down to
// 7 pt (in half points) at which it fits width and maxH.
func fitPRISMA(f *prisma.Flow, width, maxH vg.Length, opt PRISMAOptions) (*prismaLayout, error) {
	var firstErr error
	for fs := opt.FontSize; fs >= prismaMinFont-1e-9; fs -= 0.5 {
		L, err := layoutPRISMA(f, width, fs, opt.Footnotes)
		if err == nil && L.height > maxH {
			err = &prismaFitError{fmt.Sprintf("the diagram is %s tall, more than the %s allowed (PRISMAOptions.MaxHeight)", cm(L.height), cm(maxH))}
		}
		if err == nil {
			return L, nil
		}
		firstErr = err
		// Keep the message of the smallest font: it is the binding one.
	}
	return nil, firstErr
}

// smallestPRISMAWidth returns the smallest figure width (to the
// millimetre) at which the diagram fits, or 0 if none up to 1 m does.
func smallestPRISMAWidth(f *prisma.Flow, marginW, marginH vg.Length, opt PRISMAOptions) vg.Length {
	fits := func(w vg.Length) bool {
		_, err := fitPRISMA(f, w-marginW, opt.MaxHeight-marginH, opt)
		return err == nil
	}
	lo, hi := opt.Width, 100*vg.Centimeter
	if !fits(hi) {
		return 0
	}
	for hi-lo > vg.Millimeter/2 {
		m := (lo + hi) / 2
		if fits(m) {
			hi = m
		} else {
			lo = m
		}
	}
	w := vg.Length(math.Ceil(float64(hi/vg.Millimeter))) * vg.Millimeter
	for fits(w - vg.Millimeter) {
		w -= vg.Millimeter
	}
	return w
}

// prismaPlotter draws the diagram in the data area of the figure's plot.
type prismaPlotter struct {
	flow    *prisma.Flow
	opt     PRISMAOptions
	layout  *prismaLayout
	measure bool
	got     vg.Rectangle
}

// Plot lays the diagram out again for the canvas it is given (the figure
// may be saved at another size than PRISMA was asked for) and draws it
// from the top; if it does not fit there, the layout made by PRISMA is
// drawn instead.
func (pp *prismaPlotter) Plot(c draw.Canvas, _ *plot.Plot) {
	if pp.measure {
		pp.got = c.Rectangle
		return
	}
	L := pp.layout
	if l, err := fitPRISMA(pp.flow, c.Size().X, c.Size().Y, pp.opt); err == nil {
		L = l
	} else if !errors.As(err, new(*prismaFitError)) || L == nil {
		return
	}
	top := c
	top.Min.Y = c.Max.Y - L.height
	drawPRISMA(top, L)
}
