package plot

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tiesproject/ties/mmat/prisma"
)

// Colours of the PRISMA2020 R package's diagram (Haddaway et al. 2022),
// which imitates the official templates: a yellow header over the
// databases-and-registers column, gray for the other-methods column, blue
// side labels. Black text on each has a contrast ratio above 10:1.
var (
	prismaYellow = color.RGBA{0xFF, 0xC1, 0x25, 0xff} // Goldenrod1
	prismaGray   = color.RGBA{0xDC, 0xDC, 0xDC, 0xff} // Gainsboro
	prismaBlue   = color.RGBA{0xBC, 0xD2, 0xEE, 0xff} // LightSteelBlue2
)

// prismaBox is one box of the laid-out diagram.
type prismaBox struct {
	name   string       // the box's title, for messages and tests
	paras  []string     // the text before wrapping, one paragraph per line of the template
	lines  []string     // the text after wrapping
	center bool         // centre the lines (one-paragraph boxes)
	fill   color.Color  // nil means white
	rect   vg.Rectangle // set by the layout
	rotate bool         // side label: text turned 90° anticlockwise
}

// prismaLayout is the diagram laid out in a rectangle: every box, side
// label and arrow in absolute coordinates, ready to be drawn and tested.
type prismaLayout struct {
	font   vg.Length
	width  vg.Length
	height vg.Length // the height the diagram needs
	boxes  []*prismaBox
	arrows [][]vg.Point
	notes  []string // footnotes, wrapped
	noteY  vg.Length
}

// metrics of the layout at font size fs.
func prismaMetrics(fs vg.Length) (lineH, pad, barW, gap, vgap vg.Length) {
	return fs * 1.25, fs * 0.4, fs * 1.6, fs * 1.8, fs * 1.8
}

// prismaFitError says what does not fit.
type prismaFitError struct {
	what string
}

func (e *prismaFitError) Error() string { return e.what }

func prismaN(c prisma.Count) string { return "(n = " + c.String() + ")" }

func prismaStar(on bool, s string) string {
	if on {
		return s
	}
	return ""
}

// prismaContent builds the boxes of f (text only), in the order
// header(s), R1 ... R5 of each column; see layoutPRISMA for positions.
func prismaContent(f *prisma.Flow, footnotes bool) map[string]*prismaBox {
	b := map[string]*prismaBox{}
	add := func(key, name string, fill color.Color, paras ...string) {
		b[key] = &prismaBox{name: name, paras: paras, center: len(paras) == 1, fill: fill}
	}
	add("hdrMain", "Identification of studies via databases and registers", prismaYellow,
		"Identification of studies via databases and registers")
	m1 := []string{"Records identified from" + prismaStar(footnotes, "*") + ":", "Databases " + prismaN(f.Databases)}
	for _, s := range f.DatabaseDetail {
		m1 = append(m1, "– "+s.Name+" "+prismaN(s.N))
	}
	m1 = append(m1, "Registers "+prismaN(f.Registers))
	for _, s := range f.RegisterDetail {
		m1 = append(m1, "– "+s.Name+" "+prismaN(s.N))
	}
	add("M1", "Records identified", nil, m1...)
	add("M2", "Records removed before screening", nil, "Records removed before screening:",
		"Duplicate records removed "+prismaN(f.Duplicates),
		"Records marked as ineligible by automation tools "+prismaN(f.Automation),
		"Records removed for other reasons "+prismaN(f.OtherRemoved))
	add("M3", "Records screened", nil, "Records screened "+prismaN(f.Screened))
	add("M4", "Records excluded", nil, "Records excluded"+prismaStar(footnotes, "**")+" "+prismaN(f.RecordsExcluded))
	add("M5", "Reports sought for retrieval", nil, "Reports sought for retrieval "+prismaN(f.Sought))
	add("M6", "Reports not retrieved", nil, "Reports not retrieved "+prismaN(f.NotRetrieved))
	add("M7", "Reports assessed for eligibility", nil, "Reports assessed for eligibility "+prismaN(f.Assessed))
	add("M8", "Reports excluded", nil, excludedParas(f.Excluded)...)
	add("I1", "Studies included in review", nil, "Studies included in review "+prismaN(f.Studies),
		"Reports of included studies "+prismaN(f.Reports))
	b["I1"].center = true
	if o := f.Other; o != nil {
		add("hdrOther", "Identification of studies via other methods", prismaGray, "Identification of studies via other methods")
		o1 := []string{"Records identified from:"}
		for _, s := range o.Sources {
			o1 = append(o1, s.Name+" "+prismaN(s.N))
		}
		if len(o.Sources) == 0 {
			o1 = append(o1, "Other methods "+prismaN(prisma.Unknown))
		}
		add("O1", "Records identified from other methods", prismaGray, o1...)
		add("O2", "Reports sought for retrieval (other methods)", prismaGray, "Reports sought for retrieval "+prismaN(o.Sought))
		add("O3", "Reports not retrieved (other methods)", prismaGray, "Reports not retrieved "+prismaN(o.NotRetrieved))
		add("O4", "Reports assessed for eligibility (other methods)", prismaGray, "Reports assessed for eligibility "+prismaN(o.Assessed))
		add("O5", "Reports excluded (other methods)", prismaGray, excludedParas(o.Excluded)...)
	}
	for _, s := range []string{"Identification", "Screening", "Included"} {
		b["side"+s] = &prismaBox{name: s, paras: []string{s}, lines: []string{s}, center: true, fill: prismaBlue, rotate: true}
	}
	return b
}

func excludedParas(rs []prisma.Reason) []string {
	if len(rs) == 0 {
		return []string{"Reports excluded " + prismaN(prisma.Unknown)}
	}
	p := []string{"Reports excluded:"}
	for _, r := range rs {
		p = append(p, r.Reason+" "+prismaN(r.N))
	}
	return p
}

// layoutPRISMA lays f out in a canvas width wide at font size fs, from
// y = top downwards (x from 0). It returns a *prismaFitError naming what
// does not fit when a word is wider than its box.
func layoutPRISMA(f *prisma.Flow, width, fs vg.Length, footnotes bool) (*prismaLayout, error) {
	lineH, pad, barW, gap, vgap := prismaMetrics(fs)
	sty := prismaText(fs)
	b := prismaContent(f, footnotes)
	ncol := 2
	if f.Other != nil {
		ncol = 4
	}
	// Rows R1..R5: keys per column (main, main side, other, other side).
	rows := [][4]string{
		{"M1", "M2", "O1", ""},
		{"M3", "M4", "", ""},
		{"M5", "M6", "O2", "O3"},
		{"M7", "M8", "O4", "O5"},
		{"I1", "", "", ""},
	}
	// Column widths: each column at least as wide as its longest word,
	// then widened towards the width of its longest paragraph (boxes
	// sized to their text), any rest shared equally. The gap between the
	// two columns of a flow carries arrows; the gap between the
	// databases-and-registers exits and the other-methods column does not.
	gaps := []vg.Length{gap}
	if ncol == 4 {
		gaps = append(gaps, gap*0.5, gap)
	}
	avail := width - barW - gap*0.4
	for _, g := range gaps {
		avail -= g
	}
	minW := make([]vg.Length, ncol)
	for _, row := range rows {
		for c := 0; c < ncol; c++ {
			if row[c] == "" {
				continue
			}
			for _, p := range b[row[c]].paras {
				for _, w := range strings.Fields(keepCount(p)) {
					minW[c] = max(minW[c], textWidth(sty, strings.ReplaceAll(w, string(nbsp), " "))*1.01+2*pad)
				}
			}
		}
	}
	var sumMin vg.Length
	for c := range minW {
		minW[c] = max(minW[c], 4*fs)
		sumMin += minW[c]
	}
	if sumMin > avail {
		return nil, &prismaFitError{fmt.Sprintf("the longest words of the %d columns of boxes need %s at %.3g pt and the columns have %s", ncol, cm(sumMin), float64(fs), cm(avail))}
	}
	colW := prismaColumns(b, rows, minW, avail-sumMin, sty, lineH, pad)
	colX := make([]vg.Length, ncol)
	colX[0] = barW + gap*0.4
	for c := 1; c < ncol; c++ {
		colX[c] = colX[c-1] + colW[c-1] + gaps[c-1]
	}
	wrapBox := func(x *prismaBox, w vg.Length) error {
		x.lines = nil
		for _, p := range x.paras {
			ls, bad := prismaWrap(p, sty, w-2*pad)
			if bad != "" {
				return &prismaFitError{fmt.Sprintf("box %q: the word %q is wider than the box (%.1f mm) at %.3g pt", x.name, bad, (w-2*pad).Dots(1)/vg.Millimeter.Dots(1), float64(fs))}
			}
			x.lines = append(x.lines, ls...)
		}
		return nil
	}
	textH := func(x *prismaBox) vg.Length { return vg.Length(len(x.lines))*lineH + 2*pad }

	L := &prismaLayout{font: fs, width: width}
	// Header bars, each over two columns.
	hdrs := []string{"hdrMain"}
	if ncol == 4 {
		hdrs = append(hdrs, "hdrOther")
	}
	var hdrH vg.Length
	hdrW := func(i int) vg.Length { return colX[2*i+1] + colW[2*i+1] - colX[2*i] }
	for i, k := range hdrs {
		if err := wrapBox(b[k], hdrW(i)); err != nil {
			return nil, err
		}
		hdrH = max(hdrH, textH(b[k]))
	}
	rowH := make([]vg.Length, len(rows))
	for r, row := range rows {
		for c := 0; c < ncol; c++ {
			if row[c] == "" {
				continue
			}
			x := b[row[c]]
			if err := wrapBox(x, colW[c]); err != nil {
				return nil, err
			}
			rowH[r] = max(rowH[r], textH(x))
		}
	}
	// Side labels must fit along their bars.
	sideNeed := func(s string) vg.Length { return sty.Width(s) + 2*pad }
	rowH[0] = max(rowH[0], sideNeed("Identification"))
	rowH[4] = max(rowH[4], sideNeed("Included"))
	if need := sideNeed("Screening") - (rowH[1] + rowH[2] + rowH[3] + 2*vgap); need > 0 {
		rowH[2] += need
	}

	// Positions, top down from y = 0 (negative downwards; shifted below).
	y := -hdrH
	for i, k := range hdrs {
		x0 := colX[2*i]
		b[k].rect = vg.Rectangle{Min: vg.Point{X: x0, Y: y}, Max: vg.Point{X: x0 + hdrW(i), Y: 0}}
	}
	y -= vgap * 0.75
	rowTop := make([]vg.Length, len(rows))
	for r, row := range rows {
		rowTop[r] = y
		for c := 0; c < ncol; c++ {
			if row[c] == "" {
				continue
			}
			b[row[c]].rect = vg.Rectangle{Min: vg.Point{X: colX[c], Y: y - rowH[r]}, Max: vg.Point{X: colX[c] + colW[c], Y: y}}
		}
		y -= rowH[r]
		if r < len(rows)-1 {
			y -= vgap
		}
	}
	bottom := y
	side := func(k string, top, bot vg.Length) {
		b[k].rect = vg.Rectangle{Min: vg.Point{X: 0, Y: bot}, Max: vg.Point{X: barW, Y: top}}
	}
	side("sideIdentification", rowTop[0], rowTop[0]-rowH[0])
	side("sideScreening", rowTop[1], rowTop[3]-rowH[3])
	side("sideIncluded", rowTop[4], rowTop[4]-rowH[4])

	// Footnotes.
	if footnotes {
		y -= vgap * 0.5
		L.noteY = y
		ns := sty
		ns.Font.Size = fs * 0.85
		for _, n := range prismaFootnotes {
			ls, bad := prismaWrap(n, ns, width)
			if bad != "" {
				return nil, &prismaFitError{fmt.Sprintf("footnote word %q is wider than the figure", bad)}
			}
			L.notes = append(L.notes, ls...)
		}
		y -= vg.Length(len(L.notes)) * lineH * 0.85
		bottom = y
	}

	// Arrows: main flow down, exits to the right, the other-methods
	// column down (skipping the screening row) and into the included box.
	mid := func(k string) vg.Point {
		r := b[k].rect
		return vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: (r.Min.Y + r.Max.Y) / 2}
	}
	down := func(from, to string) {
		x := mid(from).X
		L.arrows = append(L.arrows, []vg.Point{{X: x, Y: b[from].rect.Min.Y}, {X: x, Y: b[to].rect.Max.Y}})
	}
	right := func(from, to string) {
		yy := mid(from).Y
		L.arrows = append(L.arrows, []vg.Point{{X: b[from].rect.Max.X, Y: yy}, {X: b[to].rect.Min.X, Y: yy}})
	}
	down("M1", "M3")
	down("M3", "M5")
	down("M5", "M7")
	down("M7", "I1")
	right("M1", "M2")
	right("M3", "M4")
	right("M5", "M6")
	right("M7", "M8")
	if ncol == 4 {
		down("O1", "O2")
		down("O2", "O4")
		right("O2", "O3")
		right("O4", "O5")
		x := mid("O4").X
		yy := mid("I1").Y
		L.arrows = append(L.arrows, []vg.Point{{X: x, Y: b["O4"].rect.Min.Y}, {X: x, Y: yy}, {X: b["I1"].rect.Max.X, Y: yy}})
	}

	order := []string{"hdrMain", "hdrOther", "sideIdentification", "sideScreening", "sideIncluded",
		"M1", "M2", "O1", "M3", "M4", "M5", "M6", "O2", "O3", "M7", "M8", "O4", "O5", "I1"}
	for _, k := range order {
		if x, ok := b[k]; ok {
			L.boxes = append(L.boxes, x)
		}
	}
	// Shift so that the diagram spans [0, height] upwards.
	L.height = -bottom
	for _, x := range L.boxes {
		x.rect.Min.Y += L.height
		x.rect.Max.Y += L.height
	}
	for _, a := range L.arrows {
		for i := range a {
			a[i].Y += L.height
		}
	}
	L.noteY += L.height
	return L, nil
}

// prismaColumns shares the width left after every column has room for
// its longest word: it tries every split of that width into equal parts
// (tenths for two columns, sixths for four) and keeps the one that makes
// the diagram lowest (each row as tall as its tallest box), preferring
// the more even split on a tie.
func prismaColumns(b map[string]*prismaBox, rows [][4]string, minW []vg.Length, extra vg.Length,
	sty draw.TextStyle, lineH, pad vg.Length) []vg.Length {
	ncol := len(minW)
	boxH := func(k string, w vg.Length) vg.Length {
		n := 0
		for _, p := range b[k].paras {
			ls, _ := prismaWrap(p, sty, w-2*pad)
			n += len(ls)
		}
		return vg.Length(n)*lineH + 2*pad
	}
	height := func(w []vg.Length) vg.Length {
		var t vg.Length
		for _, row := range rows {
			var h vg.Length
			for c := 0; c < ncol; c++ {
				if row[c] != "" {
					h = max(h, boxH(row[c], w[c]))
				}
			}
			t += h
		}
		return t
	}
	parts := 10
	if ncol > 2 {
		parts = 6
	}
	best := append([]vg.Length(nil), minW...)
	bestH, bestSpread := vg.Length(math.Inf(1)), math.Inf(1)
	share := make([]int, ncol)
	w := make([]vg.Length, ncol)
	var try func(c, left int)
	try = func(c, left int) {
		if c == ncol-1 {
			share[c] = left
			spread := 0.0
			for i := range w {
				w[i] = minW[i] + extra*vg.Length(share[i])/vg.Length(parts)
				d := float64(share[i]) - float64(parts)/float64(ncol)
				spread += d * d
			}
			h := height(w)
			if h < bestH-1e-6 || (h < bestH+1e-6 && spread < bestSpread) {
				copy(best, w)
				bestH, bestSpread = h, spread
			}
			return
		}
		for k := 0; k <= left; k++ {
			share[c] = k
			try(c+1, left-k)
		}
	}
	try(0, parts)
	return best
}

// prismaFootnotes are the two footnotes of the PRISMA 2020 templates, for
// the "*" and "**" markers (Page et al. 2021).
var prismaFootnotes = []string{
	"*Consider, if feasible to do so, reporting the number of records identified from each database or register searched (rather than the total number across all databases/registers).",
	"**If automation tools were used, indicate how many records were excluded by a human and how many were excluded by automation tools.",
}

// drawPRISMA draws L on c, its origin at c.Min.
func drawPRISMA(c draw.Canvas, L *prismaLayout) {
	lineH, pad, _, _, _ := prismaMetrics(L.font)
	sty := prismaText(L.font)
	off := func(p vg.Point) vg.Point { return vg.Point{X: p.X + c.Min.X, Y: p.Y + c.Min.Y} }
	border := draw.LineStyle{Color: color.Black, Width: vg.Points(0.6)}
	for _, x := range L.boxes {
		r := vg.Rectangle{Min: off(x.rect.Min), Max: off(x.rect.Max)}
		fill := x.fill
		if fill == nil {
			fill = color.White
		}
		c.SetColor(fill)
		c.Fill(r.Path())
		if !x.rotate {
			c.StrokeLines(border, []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}, r.Min})
		}
		if x.rotate {
			rs := sty
			rs.Rotation = 1.5707963267948966
			rs.XAlign, rs.YAlign = draw.XCenter, draw.YCenter
			c.FillText(rs, vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: (r.Min.Y + r.Max.Y) / 2}, x.lines[0])
			continue
		}
		// Centre the block of lines vertically.
		blockH := vg.Length(len(x.lines)) * lineH
		y := (r.Min.Y+r.Max.Y)/2 + blockH/2
		for _, ln := range x.lines {
			ls := sty
			pt := vg.Point{X: r.Min.X + pad, Y: y - (lineH-L.font)/2}
			if x.center {
				ls.XAlign = draw.XCenter
				pt.X = (r.Min.X + r.Max.X) / 2
			}
			c.FillText(ls, pt, ln)
			y -= lineH
		}
	}
	arrow := draw.LineStyle{Color: color.Black, Width: vg.Points(0.8)}
	head := L.font * 0.55
	for _, a := range L.arrows {
		pts := make([]vg.Point, len(a))
		for i, p := range a {
			pts[i] = off(p)
		}
		n := len(pts)
		tip, from := pts[n-1], pts[n-2]
		// Shorten the shaft so that it ends inside the head.
		dx, dy := tip.X-from.X, tip.Y-from.Y
		l := vg.Length(math.Hypot(float64(dx), float64(dy)))
		if l == 0 {
			continue
		}
		ux, uy := dx/l, dy/l
		shaft := append([]vg.Point(nil), pts...)
		shaft[n-1] = vg.Point{X: tip.X - ux*head*0.8, Y: tip.Y - uy*head*0.8}
		c.StrokeLines(arrow, shaft)
		var p vg.Path
		p.Move(tip)
		p.Line(vg.Point{X: tip.X - ux*head - uy*head*0.45, Y: tip.Y - uy*head + ux*head*0.45})
		p.Line(vg.Point{X: tip.X - ux*head + uy*head*0.45, Y: tip.Y - uy*head - ux*head*0.45})
		p.Close()
		c.SetColor(color.Black)
		c.Fill(p)
	}
	if len(L.notes) > 0 {
		ns := sty
		ns.Font.Size = L.font * 0.85
		y := L.noteY + c.Min.Y
		for _, n := range L.notes {
			c.FillText(ns, vg.Point{X: c.Min.X, Y: y}, n)
			y -= lineH * 0.85
		}
	}
}
