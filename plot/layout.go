package plot

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tiesproject/ties/effect"
)

// minFontSize is the floor of the text size, in points at print size:
// journals ask for at least 6-8 pt; 7 pt stays legible in a single column.
const minFontSize = 7

// maxLabelLines is how many lines a wrapped study label may take before
// it is shortened with an ellipsis; a y-axis label (an outcome's name and
// direction, read sideways) may take maxYLabelLines.
const (
	maxLabelLines  = 3
	maxYLabelLines = 4
)

// fitted is a figure laid out for one rectangle: a copy of the figure with
// its fonts scaled and its labels wrapped or shortened, and the bands
// around the plot.
type fitted struct {
	f        *Figure
	rect     vg.Rectangle // the whole canvas
	inner    vg.Rectangle // inside the outer margin
	main     vg.Rectangle // the area given to Plot.Draw
	notes    []string
	keyLines [][]KeyEntry // the key's grid, its labels wrapped or cut
	keyWs    []vg.Length  // the widths of the grid's columns
	favLines int          // lines of the wrapped "favours" labels
	tableLbl []string
	tableLW  vg.Length    // width of the table's label column
	orig     *Figure      // the figure as given
	cuts     []Shortening // texts cut short, in drawing order
	plotCuts []Shortening // texts the plotters cut short themselves (Figure.shortened)
	titles   []Shortening // cuts and labels in a short form, for SVG <title>s
	critical int          // of which axis labels, titles, favours and key labels or labels with short forms
	lost     int          // column labels cut short that lost their first word
	abbrev   int          // column labels shown in one of their short forms
	form     int          // the form of the right columns' cells (0: Text, k: Short[k-1])
	fail     *fitFailure
}

// cost ranks layouts that fit: each half point of text size given up
// costs 1, each narrower form of the right columns 1 (a forest plot's
// estimate stacked over its interval), each label shown in a short form
// ("RE model") 1.25, each study or arm label cut short 1.5, and 2 more
// when the cut loses the first word (a first author's surname), each
// axis label, title (a panel title a plotter cuts included), favours
// label, key label or label with short forms (a pooled row's) cut short
// 10 (it says what the figure shows).
func (a *fitted) cost(base vg.Length) float64 {
	return 2*float64(base-a.f.Text.Font.Size) + float64(a.form) + 1.25*float64(a.abbrev) +
		1.5*float64(len(a.cuts)-a.critical) + 2*float64(a.lost) + 10*float64(a.critical)
}

// fitFailure names the element that did not fit and which dimension was
// short.
type fitFailure struct {
	element       string
	width, height bool
}

func (f *Figure) minShares() (w, h float64) {
	w, h = f.MinPanelWidth, f.MinPanelHeight
	if !(w > 0 && w < 1) {
		w = 0.25
	}
	if !(h > 0 && h < 1) {
		h = 0.25
	}
	return w, h
}

// fit lays the figure out in r, reducing the font size step by step to
// the floor. On failure it returns the attempt at the smallest font size
// (drawn by Draw as the best effort) and an error wrapping ErrTooSmall
// that names the element and the smallest size that works.
func (f *Figure) fit(r vg.Rectangle) (*fitted, error) {
	base := f.textStyle().Font.Size
	floor := min(vg.Length(minFontSize), base)
	// Of the sizes that fit, the one of least cost wins (the larger one on
	// a tie): a smaller font is preferred to cutting an axis label short,
	// a study label may be cut rather than shrinking all text far.
	var last, best *fitted
	forms := f.rightForms()
sizes:
	for s := base; ; s -= 0.5 {
		s = max(s, floor)
		// Smaller sizes cannot do better than the best so far.
		if best != nil && 2*float64(base-s) >= best.cost(base) {
			break
		}
		for form := 0; form <= forms; form++ {
			a := f.arrange(r, float64(s/base), form)
			if a.fail == nil {
				if a.cost(base) == 0 {
					return a, nil
				}
				if best == nil || a.cost(base) < best.cost(base) {
					best = a
				}
			} else if form == 0 {
				last = a
			}
		}
		if s == floor {
			break sizes
		}
	}
	if best != nil {
		return best, nil
	}
	// The smallest size that works: grow the short dimension(s) in 5%
	// steps, keeping the font floor.
	w, h := r.Size().X, r.Size().Y
	fail := last.fail
	for i := 0; i < 40; i++ {
		if fail.width {
			w *= 1.1
		}
		if fail.height || !fail.width {
			h *= 1.1
		}
		a := f.arrange(vg.Rectangle{Max: vg.Point{X: w, Y: h}}, float64(floor/base), 0)
		if a.fail == nil {
			return last, &effect.FieldError{
				Field: last.fail.element, Value: fmt.Sprintf("%.1f × %.1f cm", cmOf(r.Size().X), cmOf(r.Size().Y)),
				Reason: fmt.Sprintf("does not fit even at %v pt; the smallest size that works is about %.1f × %.1f cm", floor, cmOf(w), cmOf(h)),
				Err:    ErrTooSmall,
			}
		}
		fail = a.fail
	}
	return last, &effect.FieldError{
		Field: last.fail.element, Value: fmt.Sprintf("%.1f × %.1f cm", cmOf(r.Size().X), cmOf(r.Size().Y)),
		Reason: "does not fit at any size up to 45 times larger", Err: ErrTooSmall,
	}
}

func cmOf(l vg.Length) float64 { return float64(l / vg.Centimeter) }

// scaled returns a copy of f whose text is k times its size (not below
// the floor) and whose text parts can be changed without touching f.
func (f *Figure) scaled(k float64) *Figure {
	g := *f
	p := *f.Plot
	g.Plot = &p
	base := f.textStyle()
	floor := min(vg.Length(minFontSize), base.Font.Size)
	sz := func(l vg.Length) vg.Length {
		if l < floor {
			return l
		}
		return max(floor, l*vg.Length(k))
	}
	g.Text = base
	g.Text.Font.Size = sz(base.Font.Size)
	p.Title.TextStyle.Font.Size = sz(p.Title.TextStyle.Font.Size)
	p.Title.Padding *= vg.Length(k)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font.Size = sz(a.Label.TextStyle.Font.Size)
		a.Tick.Label.Font.Size = sz(a.Tick.Label.Font.Size)
		a.Label.Padding *= vg.Length(k)
	}
	p.Legend.TextStyle.Font.Size = g.Text.Font.Size
	copyCols := func(cols []Column) []Column {
		out := make([]Column, len(cols))
		for i, c := range cols {
			out[i] = c
			out[i].Cells = append([]Cell(nil), c.Cells...)
		}
		return out
	}
	g.Left, g.Right = copyCols(f.Left), copyCols(f.Right)
	if f.Favors != nil {
		fv := *f.Favors
		g.Favors = &fv
	}
	return &g
}

// rightForms is the number of narrower forms the right columns offer:
// the most Short forms of any of their cells.
func (f *Figure) rightForms() int {
	n := 0
	for _, col := range f.Right {
		for _, c := range col.Cells {
			n = max(n, len(c.Short))
		}
	}
	return n
}

// arrange lays out a copy of f scaled by k in r, the cells of its right
// columns in the given form (0: Text; k: Short[k−1], or the cell's last
// form when it has fewer); the result's fail field is set when something
// does not fit.
func (f *Figure) arrange(r vg.Rectangle, k float64, form int) *fitted {
	g := f.scaled(k)
	a := &fitted{f: g, orig: f, rect: r, form: form}
	if form > 0 {
		for i := range g.Right {
			for j := range g.Right[i].Cells {
				c := &g.Right[i].Cells[j]
				if n := len(c.Short); n > 0 {
					c.Text = c.Short[min(form, n)-1]
				}
			}
		}
	}
	sty := g.Text
	lineH := lineHeight(sty)
	pad := sty.Font.Size / 2
	c := r
	c.Min.X += pad
	c.Min.Y += pad
	c.Max.X -= pad
	c.Max.Y -= pad
	a.inner = c
	W, H := c.Size().X, c.Size().Y
	if W <= 0 || H <= 0 {
		a.fail = &fitFailure{element: "figure", width: W <= 0, height: H <= 0}
		return a
	}
	minW, minH := g.minShares()
	p := g.Plot
	ts := p.Title.TextStyle
	if p.Title.Text != "" {
		p.Title.Text = a.shorten(p.Title.Text, ts, W, 2)
	}

	// Bands under the plot.
	ns := sty
	ns.Font.Size = sty.Font.Size * 0.9
	for _, n := range g.Notes {
		a.notes = append(a.notes, wrap(n, ns, W)...)
	}
	notesH := vg.Length(len(a.notes)) * lineH * 0.9
	a.fitKey(g.Key, sty, W-2*pad)
	var keyH vg.Length
	for _, ln := range a.keyLines {
		keyH += keyRowLines(ln) * lineH
	}
	if keyH > 0 {
		keyH += pad
	}
	var tableH vg.Length
	if g.Table != nil {
		n := len(g.Table.Rows)
		if g.Table.Title != "" {
			n++
		}
		tableH = vg.Length(n)*lineH + pad
		// Row labels (with their thumbnails) take at most 45% of the
		// width; longer arm names are shortened.
		for _, row := range g.Table.Rows {
			lw := 0.45*W - 2*pad
			if row.Thumb != nil {
				lw -= keyThumbWidth + sty.Font.Size*0.4
			}
			lbl := a.shorten(row.Label, sty, lw, 1)
			a.tableLbl = append(a.tableLbl, lbl)
			w := sty.Width(lbl)
			if row.Thumb != nil {
				w += keyThumbWidth + sty.Font.Size*0.4
			}
			a.tableLW = max(a.tableLW, w)
		}
	}

	// Columns beside the plot: the right ones hold numbers and keep their
	// width; the widest left column gives way when the panel needs room.
	rightW := columnsWidth(g.Right, sty, pad)
	widest, leftNat := -1, vg.Length(0)
	for i, col := range g.Left {
		w := columnWidth(col, sty)
		if widest < 0 || w > columnWidth(g.Left[widest], sty) {
			widest = i
		}
		leftNat += w + 2*pad
	}
	leftW := leftNat
	var leftMax vg.Length = -1 // width allowed to the widest left column
	// Give the panel its share of the width at the expense of the widest
	// left column.
	shrink := func(by vg.Length) bool {
		if widest < 0 || by <= 0.5 {
			return false
		}
		if leftMax < 0 {
			leftMax = columnWidth(g.Left[widest], sty)
		}
		leftMax -= by
		leftW -= by
		return true
	}
	shrink(leftNat - (W - rightW - vg.Length(minW)*r.Size().X))
	a.favLines = 1
	layoutMain := func() (vg.Rectangle, draw.Canvas) {
		var favH vg.Length
		if g.Favors != nil {
			favH = vg.Length(a.favLines)*lineH + pad/2
		}
		main := c
		main.Min.X += leftW
		main.Max.X -= rightW
		main.Min.Y += notesH + keyH + tableH + favH
		if main.Max.X-main.Min.X < 1 || main.Max.Y-main.Min.Y < 1 {
			return main, draw.Canvas{}
		}
		// gonum shrinks the panel until the y label fits beside it: give
		// the label a first wrap to the height available.
		if yl := p.Y.Label; yl.Text != "" && yl.TextStyle.Width(strings.ReplaceAll(yl.Text, "\n", " ")) > 0 {
			avail := (main.Max.Y - main.Min.Y) * 0.8
			if yl.TextStyle.Width(yl.Text) > avail {
				p.Y.Label.Text = a.shorten(f.Plot.Y.Label.Text, yl.TextStyle, avail, maxYLabelLines)
			}
		}
		dc := p.DataCanvas(draw.Canvas{Rectangle: main})
		if g.Table != nil {
			need := a.tableLW + 2*pad
			if have := dc.Min.X - c.Min.X; have < need {
				main.Min.X += need - have
				dc = p.DataCanvas(draw.Canvas{Rectangle: main})
			}
		}
		return main, dc
	}
	var dc draw.Canvas
	xTickN := 0
	for pass := 0; pass < 4; pass++ {
		if leftMax >= 0 && leftMax < 3*sty.Font.Size {
			a.fail = &fitFailure{element: "label column", width: true}
			return a
		}
		var main vg.Rectangle
		main, dc = layoutMain()
		if dc.Size().X <= 0 || dc.Size().Y <= 0 {
			a.fail = &fitFailure{element: "data panel", width: dc.Size().X <= 0, height: dc.Size().Y <= 0}
			return a
		}
		a.main = main
		changed := shrink(vg.Length(minW)*r.Size().X - dc.Size().X)
		// Axis labels wrap onto the panel's extent.
		if f.Plot.Y.Label.Text != "" {
			p.Y.Label.Text = a.shorten(f.Plot.Y.Label.Text, p.Y.Label.TextStyle, dc.Size().Y*0.98, maxYLabelLines)
		}
		if f.Plot.X.Label.Text != "" {
			p.X.Label.Text = a.shorten(f.Plot.X.Label.Text, p.X.Label.TextStyle, dc.Size().X, 2)
		}
		// Fewer x ticks when their labels run together (starting again
		// from the figure's own ticks, as the panel may have grown).
		p.X.Tick.Marker = f.Plot.X.Tick.Marker
		xTickN = fitXTicks(p, dc)
		// Favours labels wrap into the room on their side of the null.
		if g.Favors != nil {
			trX, _ := p.Transforms(&dc)
			at := trX(g.Favors.At)
			l := a.shorten(f.Favors.Left, sty, at-pad-c.Min.X, 2)
			rr := a.shorten(f.Favors.Right, sty, c.Max.X-at-pad, 2)
			g.Favors.Left, g.Favors.Right = l, rr
			if n := max(strings.Count(l, "\n"), strings.Count(rr, "\n")) + 1; n != a.favLines {
				a.favLines = n
				changed = true
			}
		}
		if !changed && pass > 0 {
			break
		}
	}
	a.main, dc = layoutMain()
	if dc.Size().X <= 0 || dc.Size().Y <= 0 {
		a.fail = &fitFailure{element: "data panel", width: dc.Size().X <= 0, height: dc.Size().Y <= 0}
		return a
	}

	// Checks of what was laid out. On a band too short for the axes gonum
	// returns a data area reaching outside it (and off the page).
	switch {
	case dc.Min.X < a.main.Min.X-0.5 || dc.Max.X > a.main.Max.X+0.5:
		a.fail = &fitFailure{element: "data panel", width: true}
		return a
	case dc.Min.Y < a.main.Min.Y-0.5 || dc.Max.Y > a.main.Max.Y+0.5:
		a.fail = &fitFailure{element: "data panel", height: true}
		return a
	case dc.Size().X < vg.Length(minW)*r.Size().X-0.5:
		a.fail = &fitFailure{element: "data panel", width: true}
		return a
	case dc.Size().Y < vg.Length(minH)*r.Size().Y-0.5:
		a.fail = &fitFailure{element: "data panel", height: true}
		return a
	}
	if xTickN < 0 {
		a.fail = &fitFailure{element: "x-axis tick labels", width: true}
		return a
	}
	// The plotter's own check (the markers of an ego network's circles).
	if g.fits != nil {
		if el, w, h := g.fits(dc.Rectangle, p.X.Tick.Label); el != "" {
			a.fail = &fitFailure{element: el, width: w, height: h || !w}
			return a
		}
	}
	if g.shortened != nil {
		a.plotCuts = g.shortened(dc.Rectangle, p.X.Tick.Label)
	}
	if err := a.fitColumns(dc, widest, leftMax); err != nil {
		a.fail = err
		return a
	}
	a.prune()
	return a
}

// prune records, in drawing order, each text that was cut short and its
// full text (and for the SVG titles each label shown in a short form),
// and counts the cut axis labels, title and favours labels in
// a.critical.
func (a *fitted) prune() {
	g, o := a.f, a.orig
	add := func(shown, full string, critical bool) bool {
		if !strings.Contains(shown, "…") || strings.Join(strings.Fields(shown), " ") == strings.Join(strings.Fields(full), " ") {
			return false
		}
		for _, ln := range strings.Split(shown, "\n") {
			if strings.Contains(ln, "…") {
				a.cuts = append(a.cuts, Shortening{Shown: ln, Full: full})
				a.titles = append(a.titles, Shortening{Shown: ln, Full: full})
			}
		}
		if critical {
			a.critical++
		}
		return true
	}
	// The order in which render draws them: the plot's title and axes,
	// the columns, the favours labels, the table.
	add(g.Plot.Title.Text, o.Plot.Title.Text, true)
	add(g.Plot.X.Label.Text, o.Plot.X.Label.Text, true)
	add(g.Plot.Y.Label.Text, o.Plot.Y.Label.Text, true)
	// Plotters draw after the axes; a panel title they cut counts as a
	// title.
	for _, c := range a.plotCuts {
		a.cuts = append(a.cuts, c)
		a.titles = append(a.titles, c)
		a.critical++
	}
	for side, cols := range [][]Column{g.Left, g.Right} {
		ocols := [][]Column{o.Left, o.Right}[side]
		for i, col := range cols {
			for j, c := range col.Cells {
				oc := ocols[i].Cells[j]
				switch {
				case add(c.Text, oc.Text, len(oc.Short) > 0):
					if side == 0 && !c.Span && !keepsFirstWord(c.Text, oc.Text) {
						a.lost++
					}
				case side == 0 && len(oc.Short) > 0 && strings.Join(strings.Fields(c.Text), " ") != strings.Join(strings.Fields(oc.Text), " "):
					// "RE model": the SVG keeps "Random effects (REML)".
					a.abbrev++
					a.titles = append(a.titles, Shortening{Shown: strings.SplitN(c.Text, "\n", 2)[0], Full: oc.Text})
				}
			}
		}
	}
	if g.Favors != nil {
		add(g.Favors.Left, o.Favors.Left, true)
		add(g.Favors.Right, o.Favors.Right, true)
	}
	for i, l := range a.tableLbl {
		add(l, o.Table.Rows[i].Label, false)
	}
	// A key label says what a mark means: cutting it counts as cutting
	// an axis label, so the text shrinks to the floor first.
	k := 0
	for _, ln := range a.keyLines {
		for _, e := range ln {
			if k < len(o.Key) {
				add(e.Label, o.Key[k].Label, true)
			}
			k++
		}
	}
}

// fitColumns wraps or shortens the cells of the left columns to the width
// allowed and checks that the rows leave room for a line of text each.
func (a *fitted) fitColumns(dc draw.Canvas, widest int, leftMax vg.Length) *fitFailure {
	g := a.f
	sty := g.Text
	_, trY := g.Plot.Transforms(&dc)
	for side, cols := range [][]Column{g.Left, g.Right} {
		for i := range cols {
			col := &cols[i]
			gap := vg.Length(math.Inf(1))
			for j := 1; j < len(col.Cells); j++ {
				d := vg.Length(math.Abs(float64(trY(col.Cells[j].Y) - trY(col.Cells[j-1].Y))))
				if d > 0 {
					gap = min(gap, d)
				}
			}
			// A block of n lines is (n−1)·step + ascent + descent high;
			// two neighbouring blocks of n lines stay apart when that is
			// at most the gap between their centres.
			ext := sty.FontExtents()
			one := ext.Ascent + ext.Descent
			if gap < one {
				return &fitFailure{element: "rows of text beside the plot", height: true}
			}
			// Blocks of two or more lines keep a quarter of the text
			// size between them, so that wrapped labels read as rows.
			lines := 1
			if !math.IsInf(float64(gap), 1) {
				lines = max(1, int((gap-one-sty.Font.Size/4)/ext.Height)+1)
			}
			lines = min(lines, maxLabelLines)
			for j := range col.Cells {
				c := &col.Cells[j]
				cs := sty
				if c.Bold {
					cs.Font.Weight = xfont.WeightBold
				}
				switch {
				case side == 1 && strings.Count(c.Text, "\n") >= lines:
					// A right column's cells are not wrapped: a form on
					// more lines than the rows allow does not fit.
					return &fitFailure{element: "rows of text beside the plot", height: true}
				case side == 0 && c.Span:
					c.Text = a.fitCell(*c, cs, a.inner.Max.X-a.inner.Min.X, lines)
				case side == 0 && i == widest && leftMax >= 0:
					c.Text = a.fitCell(*c, cs, leftMax, lines)
				}
			}
		}
	}
	return nil
}

// shorten wraps s into at most maxLines lines no wider than width and
// ends the last line with an ellipsis when the text does not fit (prune
// then records the full text for the SVG <title>).
func (a *fitted) shorten(s string, sty draw.TextStyle, width vg.Length, maxLines int) string {
	if s == "" || sty.Width(s) <= width && strings.Count(s, "\n") < maxLines {
		return s
	}
	lines := wrap(s, sty, width)
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = ellipsize(lines[maxLines-1]+" …", sty, width, true)
	}
	for i, ln := range lines {
		if sty.Width(ln) > width {
			lines[i] = ellipsize(ln, sty, width, false)
		}
	}
	return strings.Join(lines, "\n")
}

// fitCell fits a column's cell into maxLines lines no wider than width,
// preferring, in turn: its text wrapped; its short forms (Cell.Short)
// wrapped; for a label naming a publication year ("Cattan, White, Bond
// and Learmouth 2005: telephone befriending"), the first author's surname
// and the year with what lies between or after cut ("Cattan… 2005"); and
// last its shortest form wrapped and cut with an ellipsis.
func (a *fitted) fitCell(c Cell, sty draw.TextStyle, width vg.Length, maxLines int) string {
	if c.Text == "" {
		return c.Text
	}
	forms := append([]string{c.Text}, c.Short...)
	for _, s := range forms {
		if t, ok := wrapFits(s, sty, width, maxLines); ok {
			return t
		}
	}
	if t, ok := cutKeepingYear(c.Text, sty, width, maxLines); ok {
		return t
	}
	return a.shorten(forms[len(forms)-1], sty, width, maxLines)
}

// wrapFits wraps s at spaces into lines no wider than width and reports
// whether it takes at most maxLines lines.
func wrapFits(s string, sty draw.TextStyle, width vg.Length, maxLines int) (string, bool) {
	if strings.Contains(s, "\n") {
		for _, ln := range strings.Split(s, "\n") {
			if sty.Width(ln) > width {
				return "", false
			}
		}
		return s, strings.Count(s, "\n") < maxLines
	}
	if sty.Width(s) <= width {
		return s, true
	}
	lines := wrap(s, sty, width)
	if len(lines) > maxLines {
		return "", false
	}
	for _, ln := range lines {
		if sty.Width(ln) > width {
			return "", false
		}
	}
	return strings.Join(lines, "\n"), true
}

// cutKeepingYear shortens a study label that names a publication year so
// that the first author's surname and the year stay: words are dropped
// from the end of the authors ("Cattan, White… 2005", "Cattan… 2005",
// never "Cattan et… 2005"), then from the surname itself ("Catt… 2005").
// What follows the year (a title) goes first. It reports false when the
// label names no year after its first word or even "A… 2005" does not
// fit.
func cutKeepingYear(s string, sty draw.TextStyle, width vg.Length, maxLines int) (string, bool) {
	f := strings.Fields(s)
	y := -1
	for i := 1; i < len(f); i++ {
		if isYear(strings.TrimRight(f[i], ":,;.")) {
			y = i
			break
		}
	}
	if y < 0 {
		return "", false
	}
	year := strings.TrimRight(f[y], ":,;.")
	head := f[:y]
	if y < len(f)-1 {
		if t, ok := wrapFits(strings.Join(head, " ")+" "+year+" …", sty, width, maxLines); ok {
			return t, true
		}
	}
	// Twelve words of authors are more than a row ever shows.
	for k := min(len(head)-1, 12); k >= 1; k-- {
		switch strings.ToLower(strings.TrimRight(head[k-1], ",;:")) {
		case "et", "and", "&", "von", "van", "de", "der", "den", "da", "di", "le", "la":
			continue // "Smith et…", "Smith and…", "van…" say nothing
		}
		t := strings.TrimRight(strings.Join(head[:k], " "), ",;:") + "… " + year
		if r, ok := wrapFits(t, sty, width, maxLines); ok {
			return r, true
		}
	}
	surname := strings.TrimRight(head[0], ",;:")
	if maxLines >= 2 && sty.Width(year) <= width {
		if cut := ellipsize(surname+" …", sty, width, true); cut != "…" {
			return cut + "\n" + year, true
		}
	}
	if w := width - sty.Width(" "+year); w >= sty.Width("A…") {
		return ellipsize(surname+" …", sty, w, true) + " " + year, true
	}
	return "", false
}

// keepsFirstWord reports whether a shortened label still shows the first
// word of its full text whole (a first author's surname).
func keepsFirstWord(shown, full string) bool {
	sf, ff := strings.Fields(shown), strings.Fields(full)
	if len(sf) == 0 || len(ff) == 0 {
		return false
	}
	return strings.TrimRight(sf[0], "…,;:") == strings.TrimRight(ff[0], ",;:")
}

// isYear reports whether s looks like a publication year: four digits,
// perhaps followed by a letter ("2019", "2019a") or inside parentheses.
func isYear(s string) bool {
	s = strings.Trim(s, "()")
	if len(s) == 5 && s[4] >= 'a' && s[4] <= 'z' {
		s = s[:4]
	}
	if len(s) != 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s[0] == '1' || s[0] == '2'
}

// ellipsize cuts s at a rune boundary so that it ends in "…" and fits
// width; unless force is set, s is returned as it is when it fits.
func ellipsize(s string, sty draw.TextStyle, width vg.Length, force bool) string {
	if !force && sty.Width(s) <= width {
		return s
	}
	s = strings.TrimSuffix(s, " …")
	if force && sty.Width(s+"…") <= width {
		return strings.TrimRight(s, " ,;:") + "…"
	}
	// The longest prefix that fits, by bisection (the width grows with
	// the prefix): a label thousands of characters long costs a few
	// dozen measurements, not thousands.
	r := []rune(strings.TrimSpace(s))
	cut := func(n int) string { return strings.TrimRight(string(r[:n]), " ,;:") + "…" }
	lo, hi := 0, len(r) // cut(lo) fits (or lo = 0); cut(hi) is not tried
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if sty.Width(cut(mid)) <= width {
			lo = mid
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return "…"
	}
	return cut(lo)
}

// fitXTicks thins the x ticks until their labels are apart by at least
// half an em, and returns the number of labelled ticks, or −1 when even
// the sparsest choice overlaps.
func fitXTicks(p *plot.Plot, dc draw.Canvas) int {
	sty := p.X.Tick.Label
	overlap := func() (int, bool) {
		trX, _ := p.Transforms(&dc)
		ticks := p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max)
		var prev vg.Length
		first := true
		n := 0
		for _, t := range ticks {
			if t.Label == "" || t.Value < p.X.Min || t.Value > p.X.Max {
				continue
			}
			x := trX(t.Value)
			hw := sty.Width(t.Label) / 2
			if !first && x-hw < prev+sty.Font.Size/2 {
				return n, true
			}
			prev, first = x+hw, false
			n++
		}
		return n, false
	}
	for {
		n, bad := overlap()
		if !bad {
			return n
		}
		switch m := p.X.Tick.Marker.(type) {
		case oneTick:
			return -1
		case niceTicks:
			if m.n == 0 {
				m.n = 5
			}
			m.n--
			p.X.Tick.Marker = m
			if m.n < 2 {
				p.X.Tick.Marker = oneTick{p.X.Tick.Marker}
			}
		case ratioTicks:
			m.sparse++
			p.X.Tick.Marker = m
			if m.sparse > 2 {
				p.X.Tick.Marker = oneTick{p.X.Tick.Marker}
			}
		default:
			return -1
		}
	}
}

// oneTick keeps a single labelled tick of a marker (the one nearest the
// middle of the range) when no two labels fit side by side: an axis with
// one labelled value and unlabelled ticks still reads, and it cannot
// overlap.
type oneTick struct{ m plot.Ticker }

func (o oneTick) Ticks(lo, hi float64) []plot.Tick {
	ts := o.m.Ticks(lo, hi)
	best, mid := -1, (lo+hi)/2
	for i, t := range ts {
		if t.Label != "" && (best < 0 || math.Abs(t.Value-mid) < math.Abs(ts[best].Value-mid)) {
			best = i
		}
	}
	for i := range ts {
		if i != best {
			ts[i].Label = ""
		}
	}
	return ts
}

// Draw draws the figure on c, laid out for c's size (see Figure). It is
// what Save uses; call it directly to place a figure on a canvas of your
// own (for example, one tile of a multi-panel figure). When the figure
// cannot fit c, Draw still draws it at the smallest font size; call
// Layout first to learn whether it fits.
func (f *Figure) Draw(c draw.Canvas) {
	if f == nil || f.Plot == nil {
		return
	}
	a, _ := f.fit(c.Rectangle)
	a.render(c, nil)
}

// render draws the laid-out figure. If panel is not nil it receives the
// data panel's rectangle.
func (a *fitted) render(c draw.Canvas, panel *vg.Rectangle) {
	f := a.f
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())

	sty := f.Text
	lineH := lineHeight(sty)
	pad := sty.Font.Size / 2
	ci := c
	ci.Rectangle = a.inner
	main := c
	main.Rectangle = a.main

	f.Plot.Draw(main)
	dc := f.Plot.DataCanvas(main)
	if panel != nil {
		*panel = dc.Rectangle
	}
	trX, trY := f.Plot.Transforms(&dc)

	x := ci.Min.X
	for _, col := range f.Left {
		w := columnWidth(col, sty)
		drawColumn(&ci, col, sty, x, w, trY)
		x += w + 2*pad
	}
	x = main.Max.X + pad
	for _, col := range f.Right {
		w := columnWidth(col, sty)
		drawColumn(&ci, col, sty, x, w, trY)
		x += w + 2*pad
	}

	y := main.Min.Y
	if f.Favors != nil {
		favH := vg.Length(a.favLines)*lineH + pad/2
		yc := y - pad/2 - vg.Length(a.favLines)*lineH/2
		at := trX(f.Favors.At)
		ls, rs := sty, sty
		ls.XAlign, rs.XAlign = draw.XRight, draw.XLeft
		ls.YAlign, rs.YAlign = draw.YCenter, draw.YCenter
		ci.FillText(ls, vg.Point{X: at - pad, Y: yc}, f.Favors.Left)
		ci.FillText(rs, vg.Point{X: at + pad, Y: yc}, f.Favors.Right)
		y -= favH
	}
	if t := f.Table; t != nil {
		y -= pad
		if t.Title != "" {
			ts := sty
			ts.XAlign, ts.YAlign = draw.XLeft, draw.YCenter
			ts = bold(&ci, ts)
			ci.FillText(ts, vg.Point{X: ci.Min.X, Y: y - lineH/2}, t.Title)
			y -= lineH
		}
		for i, r := range t.Rows {
			yc := y - lineH/2
			ls := sty
			ls.XAlign, ls.YAlign = draw.XLeft, draw.YCenter
			if r.Color != nil {
				ls.Color = r.Color
			}
			lbl := r.Label
			if i < len(a.tableLbl) {
				lbl = a.tableLbl[i]
			}
			lx := dc.Min.X - pad - a.tableLW
			if r.Thumb != nil {
				tc := ci
				h := sty.Font.Size
				tc.Rectangle = vg.Rectangle{Min: vg.Point{X: lx, Y: yc - h/2}, Max: vg.Point{X: lx + keyThumbWidth, Y: yc + h/2}}
				r.Thumb.Thumbnail(&tc)
				lx += keyThumbWidth + sty.Font.Size*0.4
			}
			ci.FillText(ls, vg.Point{X: lx, Y: yc}, lbl)
			cs := sty
			cs.XAlign, cs.YAlign = draw.XCenter, draw.YCenter
			for j, s := range r.Cells {
				if j < len(t.X) {
					ci.FillText(cs, vg.Point{X: trX(t.X[j]), Y: yc}, s)
				}
			}
			y -= lineH
		}
	}
	if len(a.keyLines) > 0 {
		y -= pad
		for _, ln := range a.keyLines {
			h := keyRowLines(ln) * lineH
			drawKeyLine(&ci, ln, a.keyWs, sty, (dc.Min.X+dc.Max.X)/2, y-h/2)
			y -= h
		}
	}
	ns := sty
	ns.XAlign, ns.YAlign = draw.XLeft, draw.YCenter
	ns.Font.Size = sty.Font.Size * 0.9
	for _, n := range a.notes {
		ci.FillText(ns, vg.Point{X: ci.Min.X, Y: y - lineH*0.45}, n)
		y -= lineH * 0.9
	}
}

// wrap breaks s at spaces into lines no wider than width (a word wider
// than width gets a line of its own).
func wrap(s string, sty draw.TextStyle, width vg.Length) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return nil
	}
	// "et al." stays on one line.
	for i := 0; i+1 < len(words); i++ {
		if words[i] == "et" && strings.HasPrefix(words[i+1], "al") {
			words[i] += " " + words[i+1]
			words = append(words[:i+1], words[i+2:]...)
		}
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
		if cell.Span {
			continue
		}
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

// fitKey lays the key out as a grid no wider than width whose columns
// align from line to line, each as wide as its widest entry. Of the grids
// whose labels fit on at most three lines each (a column too wide for the
// grid wraps its labels), the one taking the fewest lines wins, and of
// those the one wrapping least. When no grid fits, the key takes one
// column and a label too long for three lines ends in an ellipsis, which
// prune records as a cut (the layout shrinks the text to the floor before
// it cuts a key label).
func (a *fitted) fitKey(key []KeyEntry, sty draw.TextStyle, width vg.Length) {
	a.keyLines, a.keyWs = nil, nil
	if len(key) == 0 {
		return
	}
	var best []KeyEntry
	bestPer, bestLines, bestWraps := 0, 0, 0
	for per := len(key); per >= 1; per-- {
		fk, ok := keyGrid(key, per, sty, width)
		if !ok {
			continue
		}
		lines, wraps := 0, 0
		for i := 0; i < len(fk); i += per {
			lines += int(keyRowLines(fk[i:min(i+per, len(fk))]))
		}
		for _, e := range fk {
			wraps += strings.Count(e.Label, "\n")
		}
		if best == nil || lines < bestLines || lines == bestLines && wraps < bestWraps {
			best, bestPer, bestLines, bestWraps = fk, per, lines, wraps
		}
	}
	if best == nil {
		labelW := width - keyThumbWidth - sty.Font.Size*0.4
		best, bestPer = make([]KeyEntry, len(key)), 1
		for i, e := range key {
			best[i] = e
			best[i].Label = a.shorten(e.Label, sty, labelW, maxLabelLines)
		}
	}
	for i := 0; i < len(best); i += bestPer {
		a.keyLines = append(a.keyLines, best[i:min(i+bestPer, len(best))])
	}
	a.keyWs = keyColumnWidths(best, bestPer, sty)
}

// keyGrid fits the key into a grid of per columns no wider than width by
// wrapping the labels of the widest column, then of the next widest, onto
// at most three lines; it reports false when that fails or would leave a
// column of a grid narrower than six ems of text.
func keyGrid(key []KeyEntry, per int, sty draw.TextStyle, width vg.Length) ([]KeyEntry, bool) {
	fk := append([]KeyEntry(nil), key...)
	extra := keyThumbWidth + sty.Font.Size*0.4 + sty.Font.Size*1.5
	for range per + 1 {
		ws := keyColumnWidths(fk, per, sty)
		excess := sum(ws) - sty.Font.Size*1.5 - width
		if excess <= 0 {
			return fk, true
		}
		j := 0
		for k, w := range ws {
			if w > ws[j] {
				j = k
			}
		}
		allow := ws[j] - extra - excess
		if per == 1 {
			allow = width - keyThumbWidth - sty.Font.Size*0.4
		}
		if allow < 6*sty.Font.Size && per > 1 || allow <= 0 {
			return nil, false
		}
		for i := j; i < len(fk); i += per {
			if sty.Width(fk[i].Label) <= allow {
				continue
			}
			t, ok := wrapFits(fk[i].Label, sty, allow, maxLabelLines)
			if !ok {
				return nil, false
			}
			fk[i].Label = t
		}
	}
	return nil, false
}

// keyRowLines is the number of text lines of the tallest label of a row
// of the key.
func keyRowLines(ln []KeyEntry) vg.Length {
	n := 1
	for _, e := range ln {
		n = max(n, strings.Count(e.Label, "\n")+1)
	}
	return vg.Length(n)
}

// keyColumnWidths are the widths of the columns of a grid of per columns.
func keyColumnWidths(key []KeyEntry, per int, sty draw.TextStyle) []vg.Length {
	ws := make([]vg.Length, per)
	for i, e := range key {
		ws[i%per] = max(ws[i%per], keyEntryWidth(e, sty))
	}
	return ws
}

func sum(ws []vg.Length) vg.Length {
	var t vg.Length
	for _, w := range ws {
		t += w
	}
	return t
}

func keyEntryWidth(e KeyEntry, sty draw.TextStyle) vg.Length {
	return keyThumbWidth + sty.Font.Size*0.4 + sty.Width(e.Label) + sty.Font.Size*1.5
}

// drawKeyLine draws one line of the key's grid, whose columns are ws
// wide; the grid is centred on cx and kept inside c. A label of several
// lines is centred on yc with its thumbnail.
func drawKeyLine(c *draw.Canvas, ln []KeyEntry, ws []vg.Length, sty draw.TextStyle, cx, yc vg.Length) {
	total := sum(ws) - sty.Font.Size*1.5
	x := cx - total/2
	x = min(x, c.Max.X-total)
	x = max(x, c.Min.X)
	ls := sty
	ls.XAlign, ls.YAlign = draw.XLeft, draw.YCenter
	h := sty.Font.Size
	for j, e := range ln {
		if e.Thumb != nil {
			tc := *c
			tc.Rectangle = vg.Rectangle{
				Min: vg.Point{X: x, Y: yc - h/2},
				Max: vg.Point{X: x + keyThumbWidth, Y: yc + h/2},
			}
			e.Thumb.Thumbnail(&tc)
		}
		c.FillText(ls, vg.Point{X: x + keyThumbWidth + sty.Font.Size*0.4, Y: yc}, e.Label)
		x += ws[j]
	}
}
