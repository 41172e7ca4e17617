package plot

import (
	"image/color"
	"strings"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Draw draws the figure on c. It is what Save uses; call it directly to
// place a figure on a canvas of your own (for example, one tile of a
// multi-panel figure).
func (f *Figure) Draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())

	sty := f.textStyle()
	lineH := lineHeight(sty)
	pad := sty.Font.Size / 2
	c = draw.Crop(c, pad, -pad, pad, -pad) // an outer margin

	// Bottom bands, from the bottom up.
	ns := sty
	ns.XAlign, ns.YAlign = draw.XLeft, draw.YCenter
	ns.Font.Size = sty.Font.Size * 0.9
	var notes []string
	for _, n := range f.Notes {
		notes = append(notes, wrap(n, ns, c.Size().X)...)
	}
	notesH := vg.Length(len(notes)) * lineH * 0.9
	keyLines := f.keyLines(sty, c.Size().X-2*pad)
	keyH := vg.Length(len(keyLines)) * lineH
	if keyH > 0 {
		keyH += pad
	}
	var tableH vg.Length
	if f.Table != nil {
		n := len(f.Table.Rows)
		if f.Table.Title != "" {
			n++
		}
		tableH = vg.Length(n)*lineH + pad
	}
	var favH vg.Length
	if f.Favours != nil {
		favH = lineH + pad/2
	}

	leftW := columnsWidth(f.Left, sty, pad)
	rightW := columnsWidth(f.Right, sty, pad)
	main := draw.Crop(c, leftW, -rightW, notesH+keyH+tableH+favH, 0)

	// Table labels sit left of the data area, under the y axis; widen the
	// left margin if they do not fit.
	if f.Table != nil {
		var need vg.Length
		for _, r := range f.Table.Rows {
			need = max(need, sty.Width(r.Label))
		}
		need += 2 * pad
		dc := f.Plot.DataCanvas(main)
		if have := dc.Min.X - c.Min.X; have < need {
			main = draw.Crop(main, need-have, 0, 0, 0)
		}
	}

	f.Plot.Draw(main)
	dc := f.Plot.DataCanvas(main)
	trX, trY := f.Plot.Transforms(&dc)

	// Columns.
	x := c.Min.X
	for _, col := range f.Left {
		w := columnWidth(col, sty)
		drawColumn(&c, col, sty, x, w, trY)
		x += w + 2*pad
	}
	x = main.Max.X + pad
	for _, col := range f.Right {
		w := columnWidth(col, sty)
		drawColumn(&c, col, sty, x, w, trY)
		x += w + 2*pad
	}

	y := main.Min.Y
	if f.Favours != nil {
		yc := y - lineH/2 - pad/2
		at := trX(f.Favours.At)
		ls, rs := sty, sty
		ls.XAlign, rs.XAlign = draw.XRight, draw.XLeft
		ls.YAlign, rs.YAlign = draw.YCenter, draw.YCenter
		c.FillText(ls, vg.Point{X: at - pad, Y: yc}, f.Favours.Left)
		c.FillText(rs, vg.Point{X: at + pad, Y: yc}, f.Favours.Right)
		y -= favH
	}
	if t := f.Table; t != nil {
		y -= pad
		if t.Title != "" {
			ts := sty
			ts.XAlign, ts.YAlign = draw.XLeft, draw.YCenter
			ts = bold(&c, ts)
			c.FillText(ts, vg.Point{X: c.Min.X, Y: y - lineH/2}, t.Title)
			y -= lineH
		}
		for _, r := range t.Rows {
			yc := y - lineH/2
			ls := sty
			ls.XAlign, ls.YAlign = draw.XRight, draw.YCenter
			if r.Color != nil {
				ls.Color = r.Color
			}
			c.FillText(ls, vg.Point{X: dc.Min.X - pad, Y: yc}, r.Label)
			cs := sty
			cs.XAlign, cs.YAlign = draw.XCenter, draw.YCenter
			for j, s := range r.Cells {
				if j < len(t.X) {
					c.FillText(cs, vg.Point{X: trX(t.X[j]), Y: yc}, s)
				}
			}
			y -= lineH
		}
	}
	if len(keyLines) > 0 {
		y -= pad
		for _, ln := range keyLines {
			f.drawKeyLine(&c, ln, sty, (dc.Min.X+dc.Max.X)/2, y-lineH/2, lineH)
			y -= lineH
		}
	}
	for _, n := range notes {
		c.FillText(ns, vg.Point{X: c.Min.X, Y: y - lineH*0.45}, n)
		y -= lineH * 0.9
	}
}

// wrap breaks s at spaces into lines no wider than width.
func wrap(s string, sty draw.TextStyle, width vg.Length) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return nil
	}
	var lines []string
	cur := words[0]
	for _, w := range words[1:] {
		if next := cur + " " + w; sty.Width(next) <= width {
			cur = next
			continue
		}
		lines = append(lines, cur)
		cur = w
	}
	return append(lines, cur)
}

// textStyle returns f.Text, falling back to the package default when it
// has not been set.
func (f *Figure) textStyle() draw.TextStyle {
	if f.Text.Handler == nil {
		return defaultText(defaultFontSize)
	}
	return f.Text
}

func lineHeight(sty draw.TextStyle) vg.Length {
	return sty.Font.Size * 1.45
}

func columnWidth(col Column, sty draw.TextStyle) vg.Length {
	var w vg.Length
	for _, cell := range col.Cells {
		s := sty
		if cell.Bold {
			s.Font.Weight = xfont.WeightBold
		}
		w = max(w, s.Width(cell.Text))
	}
	return w
}

func columnsWidth(cols []Column, sty draw.TextStyle, pad vg.Length) vg.Length {
	var w vg.Length
	for _, col := range cols {
		w += columnWidth(col, sty) + 2*pad
	}
	return w
}

func drawColumn(c *draw.Canvas, col Column, sty draw.TextStyle, x, w vg.Length, trY func(float64) vg.Length) {
	s := sty
	s.XAlign, s.YAlign = col.XAlign, draw.YCenter
	// XAlign is 0 (left), -0.5 (centre) or -1 (right) times the width.
	pos := x - w*vg.Length(col.XAlign)
	for _, cell := range col.Cells {
		cs := s
		if cell.Bold {
			cs = bold(c, cs)
		}
		c.FillText(cs, vg.Point{X: pos, Y: trY(cell.Y)}, cell.Text)
	}
}

const keyThumbWidth = 18 // points

// keyLines breaks the key into lines no wider than width.
func (f *Figure) keyLines(sty draw.TextStyle, width vg.Length) [][]KeyEntry {
	var lines [][]KeyEntry
	var cur []KeyEntry
	var w vg.Length
	for _, e := range f.Key {
		ew := keyEntryWidth(e, sty)
		if len(cur) > 0 && w+ew > width {
			lines = append(lines, cur)
			cur, w = nil, 0
		}
		cur = append(cur, e)
		w += ew
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

func keyEntryWidth(e KeyEntry, sty draw.TextStyle) vg.Length {
	return keyThumbWidth + sty.Font.Size*0.4 + sty.Width(e.Label) + sty.Font.Size*1.5
}

func (f *Figure) drawKeyLine(c *draw.Canvas, ln []KeyEntry, sty draw.TextStyle, cx, yc, lineH vg.Length) {
	var total vg.Length
	for _, e := range ln {
		total += keyEntryWidth(e, sty)
	}
	total -= sty.Font.Size * 1.5
	x := cx - total/2
	if x < c.Min.X {
		x = c.Min.X
	}
	ls := sty
	ls.XAlign, ls.YAlign = draw.XLeft, draw.YCenter
	h := sty.Font.Size
	for _, e := range ln {
		if e.Thumb != nil {
			tc := *c
			tc.Rectangle = vg.Rectangle{
				Min: vg.Point{X: x, Y: yc - h/2},
				Max: vg.Point{X: x + keyThumbWidth, Y: yc + h/2},
			}
			e.Thumb.Thumbnail(&tc)
		}
		c.FillText(ls, vg.Point{X: x + keyThumbWidth + sty.Font.Size*0.4, Y: yc}, e.Label)
		x += keyEntryWidth(e, sty)
	}
}
