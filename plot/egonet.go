package plot

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// EgoNetworkData is one participant's ego network at one or more visits,
// drawn as concentric-circle maps side by side (baseline, 12 months, ...).
// Roles and circles are categories given as data, so the key and the note
// on the circles' meaning say what the person was asked.
//
// EgoNetworkFrom builds it from the measures/network types; it can also be
// filled by hand.
type EgoNetworkData struct {
	// Ego is the participant's ID; errors name it.
	Ego string
	// Roles are the relationship roles, in codebook order; EgoAlter.Role
	// indexes it. At most seven roles can be told apart by colour and
	// marker shape together.
	Roles []string
	// Circles are the circles of the map, innermost first; EgoAlter.Circle
	// indexes it.
	Circles []Circle
	// Panels are the ego's networks, one per visit, drawn left to right.
	Panels []EgoPanel
}

// Circle is one circle of a concentric-circle map: its name (a codebook
// category such as "inner") and what it meant to the respondent (for
// example "so close that it is hard to imagine life without them"), which
// the figure's note repeats. Meaning may be empty.
type Circle struct {
	Name, Meaning string
}

// EgoPanel is the ego's network at one visit.
type EgoPanel struct {
	// Title heads the panel, for example "Baseline" or "12 months"; long
	// titles wrap onto two lines.
	Title  string
	Alters []EgoAlter
	// Ties are alter–alter ties as pairs of indices into Alters; A–B and
	// B–A are one tie. The ego is tied to every alter, which the figure
	// does not draw.
	Ties [][2]int
}

// EgoAlter is one person the ego named.
type EgoAlter struct {
	ID string
	// Role indexes EgoNetworkData.Roles; −1 means not recorded (drawn as a
	// gray cross).
	Role int
	// Circle indexes EgoNetworkData.Circles; −1 means not placed on a
	// circle (drawn outside the outer circle).
	Circle int
}

// EgoNetworkOptions adjusts an ego-network figure. A nil
// *EgoNetworkOptions means the defaults documented on each field.
type EgoNetworkOptions struct {
	// Title is the figure's title; "" means none.
	Title string
}

// egoMarkerRadius is the radius of an alter's marker, in points at every
// figure size (as the trajectory's glyphs).
const egoMarkerRadius = 3

// Role cues: a colour of the Okabe–Ito palette and a marker shape, so that
// roles can be told apart in greyscale. Filled and open versions of the
// same shape are different cues.
var (
	roleColors = []color.Color{okabeBlue, okabeOrange, okabeGreen, okabeVermilion, okabePurple, okabeSkyBlue, okabeBlack}
	roleGlyphs = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.PyramidGlyph{}, draw.BoxGlyph{}, draw.RingGlyph{}, draw.TriangleGlyph{}, draw.SquareGlyph{}, draw.PlusGlyph{}}
	// An alter whose role was not recorded.
	noRoleStyle = draw.GlyphStyle{Color: gray, Radius: vg.Points(egoMarkerRadius), Shape: draw.CrossGlyph{}}
	egoStyle    = draw.GlyphStyle{Color: okabeBlack, Radius: vg.Points(egoMarkerRadius + 1.5), Shape: diamondGlyph{}}
	tieStyle    = draw.LineStyle{Color: color.Gray{Y: 0x80}, Width: vg.Points(0.7)}
	circleStyle = draw.LineStyle{Color: lightGray, Width: vg.Points(0.8)}
)

func roleStyle(r int) draw.GlyphStyle {
	if r < 0 {
		return noRoleStyle
	}
	return draw.GlyphStyle{Color: roleColors[r], Radius: vg.Points(egoMarkerRadius), Shape: roleGlyphs[r]}
}

// sized returns g with its radius scaled from egoMarkerRadius to r.
func sized(g draw.GlyphStyle, r vg.Length) draw.GlyphStyle {
	g.Radius *= r / egoMarkerRadius
	return g
}

// diamondGlyph is a filled diamond, the ego's marker: no role uses it.
type diamondGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (diamondGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetColor(sty.Color)
	r := sty.Radius
	var p vg.Path
	p.Move(vg.Point{X: pt.X, Y: pt.Y + r})
	p.Line(vg.Point{X: pt.X + r, Y: pt.Y})
	p.Line(vg.Point{X: pt.X, Y: pt.Y - r})
	p.Line(vg.Point{X: pt.X - r, Y: pt.Y})
	p.Close()
	c.Fill(p)
}

// validate checks the data and returns the roles used (in codebook order)
// and whether any alter lacks a role or a circle.
func (d *EgoNetworkData) validate() (used []int, noRole, noCircle bool, err error) {
	const fig = "ego network"
	switch {
	case len(d.Panels) == 0:
		return nil, false, false, inputErr(fig, "Panels", nil, "no panels; give the ego's network at one visit or more")
	case len(d.Circles) == 0:
		return nil, false, false, inputErr(fig, "Circles", nil, "no circles; give the circles of the map, innermost first")
	case len(d.Roles) > len(roleGlyphs):
		return nil, false, false, inputErr(fig, "Roles", len(d.Roles),
			fmt.Sprintf("at most %d roles can be told apart by colour and shape; merge categories", len(roleGlyphs)))
	}
	for i, c := range d.Circles {
		if strings.TrimSpace(c.Name) == "" {
			return nil, false, false, inputErr(fig, fmt.Sprintf("Circles[%d].Name", i), c.Name, "empty circle name")
		}
	}
	for i, r := range d.Roles {
		if strings.TrimSpace(r) == "" {
			return nil, false, false, inputErr(fig, fmt.Sprintf("Roles[%d]", i), r, "empty role name")
		}
	}
	seen := make([]bool, len(d.Roles))
	for i, p := range d.Panels {
		pf := fmt.Sprintf("Panels[%d %q]", i, p.Title)
		if d.Ego != "" {
			pf = fmt.Sprintf("ego %s: %s", d.Ego, pf)
		}
		ids := map[string]bool{}
		for j, a := range p.Alters {
			af := fmt.Sprintf("%s.Alters[%d %q]", pf, j, a.ID)
			switch {
			case ids[a.ID] && a.ID != "":
				return nil, false, false, inputErr(fig, af+".ID", a.ID, "alter ID given twice in this panel")
			case a.Role < -1 || a.Role >= len(d.Roles):
				return nil, false, false, inputErr(fig, af+".Role", a.Role, fmt.Sprintf("not a role index (0..%d, or −1 for not recorded)", len(d.Roles)-1))
			case a.Circle < -1 || a.Circle >= len(d.Circles):
				return nil, false, false, inputErr(fig, af+".Circle", a.Circle, fmt.Sprintf("not a circle index (0..%d, or −1 for not placed)", len(d.Circles)-1))
			}
			ids[a.ID] = true
			if a.Role < 0 {
				noRole = true
			} else {
				seen[a.Role] = true
			}
			noCircle = noCircle || a.Circle < 0
		}
		pairs := map[[2]int]bool{}
		for k, t := range p.Ties {
			tf := fmt.Sprintf("%s.Ties[%d]", pf, k)
			a, b := min(t[0], t[1]), max(t[0], t[1])
			switch {
			case a < 0 || b >= len(p.Alters):
				return nil, false, false, inputErr(fig, tf, t, fmt.Sprintf("alter index outside 0..%d", len(p.Alters)-1))
			case a == b:
				return nil, false, false, inputErr(fig, tf, t, "a tie of an alter with itself (self-loop); drop it")
			case pairs[[2]int{a, b}]:
				return nil, false, false, inputErr(fig, tf, t, "pair listed twice (A–B and B–A are one tie); keep it once")
			}
			pairs[[2]int{a, b}] = true
		}
	}
	for r, ok := range seen {
		if ok {
			used = append(used, r)
		}
	}
	return used, noRole, noCircle, nil
}

// EgoNetwork draws one participant's ego network as concentric-circle maps
// side by side, one panel per visit: the ego in the centre, each alter on
// its circle (the innermost closest to the ego), coloured by role and
// marked with a shape of its own, so that the roles read in greyscale too,
// and lines joining alters who know each other. The key names the roles
// that occur; the note says what the circles mean (EgoNetworkData.Circles)
// and that lines are alter–alter ties. Alters without a recorded role are
// gray crosses; alters not placed on a circle are drawn outside the outer
// circle; nothing is left out.
//
// Circles stay round at any size: every panel gets the same share of the
// width and its map is as large as the panel allows; markers grow with the
// map, and a crowded circle puts its alters on two rings or more across
// its band. Two panels at 8.5 × 8 cm (a single journal column) hold about
// 15 alters in the inner circle and 50 in each of the others, far more
// than a capped name generator asks for. When the figure cannot keep its
// panel (MinPanelWidth and MinPanelHeight), or a circle holds more alters
// than its markers have room for at this size, Save returns an
// *effect.FieldError wrapping ErrTooSmall that names the element (for
// example `alters on circle "inner" of panel "Baseline"`) and the smallest
// size that works: markers are never drawn on top of each other. A panel
// title too long for three lines ends in an ellipsis, which
// Layout.Shortened records with the full title (an SVG keeps it in a
// <title>).
func EgoNetwork(d EgoNetworkData, o *EgoNetworkOptions) (*Figure, error) {
	var opt EgoNetworkOptions
	if o != nil {
		opt = *o
	}
	used, noRole, noCircle, err := d.validate()
	if err != nil {
		return nil, err
	}
	p := newPlot()
	p.Title.Text = opt.Title
	p.HideAxes()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	ep := &egoPanels{d: d}
	p.Add(ep)

	fig := &Figure{Plot: p, Text: defaultText(defaultFontSize), MinPanelWidth: 0.75, MinPanelHeight: 0.4,
		fits: ep.fits, shortened: ep.shortened}
	fig.Key = append(fig.Key, KeyEntry{Label: "Ego", Thumb: glyphThumb(egoStyle)})
	for _, r := range used {
		fig.Key = append(fig.Key, KeyEntry{Label: d.Roles[r], Thumb: glyphThumb(roleStyle(r))})
	}
	if noRole {
		fig.Key = append(fig.Key, KeyEntry{Label: "role not recorded", Thumb: glyphThumb(noRoleStyle)})
	}
	fig.Key = append(fig.Key, KeyEntry{Label: "know each other", Thumb: &plotter.Line{LineStyle: tieStyle}})
	fig.Notes = append(fig.Notes, circleNote(d.Circles, noCircle))
	return fig, nil
}

// circleNote says what the circles mean, innermost first.
func circleNote(cs []Circle, noCircle bool) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Name
		if c.Meaning != "" {
			parts[i] += " (" + c.Meaning + ")"
		}
	}
	sep := ", "
	if slices.ContainsFunc(cs, func(c Circle) bool { return c.Meaning != "" }) {
		sep = "; "
	}
	s := "Circles, from the centre: " + strings.Join(parts, sep) + "."
	if noCircle {
		s += " Alters not placed on a circle are drawn outside the outer circle."
	}
	return s
}

// glyphThumb is a key thumbnail showing one marker.
func glyphThumb(g draw.GlyphStyle) plot.Thumbnailer {
	return &plotter.Scatter{GlyphStyle: g}
}

// egoPanels is the plotter that draws the maps inside the data panel, in
// page coordinates so that circles stay round.
type egoPanels struct {
	d EgoNetworkData
}

// DataRange implements plot.DataRanger: the maps fill the unit square.
func (e *egoPanels) DataRange() (xmin, xmax, ymin, ymax float64) { return 0, 1, 0, 1 }

// egoMap is where one panel's title and map go.
type egoMap struct {
	title   []string     // wrapped title lines
	titleY  vg.Length    // top of the title block
	titleX  vg.Length    // centre of the title
	center  vg.Point     // the ego
	radius  []vg.Length  // circle boundaries, innermost first
	marker  vg.Length    // radius of an alter's marker
	alters  []vg.Point   // marker positions, as EgoPanel.Alters
	crowded int          // the circle whose markers overlap, or noneCrowded
	box     vg.Rectangle // the panel's share of the data area
}

// The innermost circle holds the ego as well as its alters, so it is
// wider than the bands around it: innerBand bands.
const innerBand = 1.4

// layoutMaps places the panels in the data area r with text style sty
// (the tick-label style, which the figure's layout scales with the rest
// of its text).
func (e *egoPanels) layoutMaps(r vg.Rectangle, sty draw.TextStyle) []egoMap {
	n := len(e.d.Panels)
	gap := sty.Font.Size
	w := (r.Size().X - gap*vg.Length(n-1)) / vg.Length(n)
	lineH := lineHeight(sty)
	// Wrap titles to the panel width; the maps line up under the tallest
	// title.
	titles := make([][]string, n)
	tl := 0
	for i, p := range e.d.Panels {
		titles[i] = wrapLines(p.Title, bold(&draw.Canvas{}, sty), w, maxLabelLines)
		tl = max(tl, len(titles[i]))
	}
	titleH := vg.Length(tl) * lineH
	unplaced := false
	for _, p := range e.d.Panels {
		unplaced = unplaced || slices.ContainsFunc(p.Alters, func(a EgoAlter) bool { return a.Circle < 0 })
	}
	h := r.Size().Y - titleH
	// Markers grow with the map, within 2.6 and 5 points.
	half := max(0, min(w, h)/2)
	marker := min(max(half*0.045, 2.6), 5)
	outer := max(0, half-marker-1)
	K := len(e.d.Circles)
	// Room for a band outside the outer circle for alters not placed on
	// any circle.
	bands := float64(K) - 1 + innerBand
	if unplaced {
		bands += 0.7
	}
	band := outer / vg.Length(bands)
	sl := e.slots()
	maps := make([]egoMap, n)
	// Titles and maps together are centred in the height.
	top := r.Max.Y - max(0, h-2*half)/2
	for i, p := range e.d.Panels {
		x0 := r.Min.X + vg.Length(i)*(w+gap)
		m := egoMap{
			title:  titles[i],
			titleY: top,
			titleX: x0 + w/2,
			center: vg.Point{X: x0 + w/2, Y: top - titleH - half},
			marker: marker,
			box:    vg.Rectangle{Min: vg.Point{X: x0, Y: r.Min.Y}, Max: vg.Point{X: x0 + w, Y: r.Max.Y}},
		}
		for k := range K {
			m.radius = append(m.radius, band*(vg.Length(k)+innerBand))
		}
		m.alters, m.crowded = placeAlters(p.Alters, i, sl, K, m.center, band, marker)
		maps[i] = m
	}
	return maps
}

// placeAlters spreads the alters of each circle evenly round its band, in
// the slots sl gives them. A band too crowded for its markers (of radius marker)
// to sit side by side on one ring puts them on two rings or more across
// the band, neighbours on different rings. Each circle starts at a
// different angle so that markers on neighbouring circles do not line up.
// It returns the first circle (in EgoAlter.Circle's numbering) whose
// markers overlap even so, or noneCrowded.
func placeAlters(alters []EgoAlter, panel int, sl egoSlots, K int, c vg.Point, band, marker vg.Length) (pos []vg.Point, crowded int) {
	pos = make([]vg.Point, len(alters))
	crowded = noneCrowded
	byCircle := map[int][]int{}
	for j, a := range alters {
		byCircle[a.Circle] = append(byCircle[a.Circle], j)
	}
	gap := marker * 0.2
	for k, js := range byCircle {
		ring := k
		if k < 0 {
			ring = K
		}
		// The radii the markers' centres may take in the band: clear of
		// the circles, and in the innermost circle clear of the ego.
		lo := band*(vg.Length(ring)+innerBand-1) + marker + gap
		hi := band*(vg.Length(ring)+innerBand) - marker - gap
		if ring == 0 {
			lo = egoStyle.Radius*marker/egoMarkerRadius + marker + 2*gap
		}
		if k < 0 {
			hi = band*(vg.Length(K)+innerBand-1+0.7) - marker
		}
		hi = max(hi, lo)
		n := sl.n[k]
		// The fewest rings on which neighbours on a ring are apart; rings
		// are far enough apart for their markers never to meet.
		maxRows := 1 + int((hi-lo)/(2.2*marker))
		rows := 1
		for ; rows <= maxRows; rows++ {
			r0 := lo
			if rows == 1 {
				r0 = (lo + hi) / 2
			}
			perRing := (n + rows - 1) / rows
			if perRing <= 1 || 2*math.Pi*float64(r0)/float64(perRing) >= 2.2*float64(marker) {
				break
			}
		}
		if rows > maxRows {
			rows = maxRows
			if crowded == noneCrowded || k < crowded {
				crowded = k
			}
		}
		// As many slots as the rings hold, so that the last marker of a
		// ring is as far from the first as the others.
		slots := (n + rows - 1) / rows * rows
		start := math.Pi/2 + float64(ring)*0.45
		for _, j := range js {
			i := sl.slot[k][slotKey(alters[j], panel, j)]
			th := start + 2*math.Pi*float64(i)/float64(slots)
			r := (lo + hi) / 2
			if rows > 1 {
				r = lo + (hi-lo)*vg.Length(i%rows)/vg.Length(rows-1)
			}
			s, co := math.Sincos(th)
			pos[j] = vg.Point{X: c.X + r*vg.Length(co), Y: c.Y + r*vg.Length(s)}
		}
	}
	return pos, crowded
}

// egoSlots are the places round each circle: an alter named at several
// visits on the same circle keeps its place in every panel, so that the
// panels can be compared at a glance. slot[k][key] is the place of an
// alter on circle k, n[k] the number of places.
type egoSlots struct {
	slot map[int]map[string]int
	n    map[int]int
}

// slotKey identifies an alter across panels by its ID; alters without an
// ID get a place of their own in each panel.
func slotKey(a EgoAlter, panel, j int) string {
	if a.ID == "" {
		return "\x00" + strconv.Itoa(panel) + "." + strconv.Itoa(j)
	}
	return a.ID
}

// slots gives every alter on each circle, over all panels, a place: grouped
// by role (as first named), then in the order first named.
func (e *egoPanels) slots() egoSlots {
	type first struct {
		key        string
		role, seen int
	}
	byCircle := map[int][]first{}
	known := map[int]map[string]bool{}
	seen := 0
	for i, p := range e.d.Panels {
		for j, a := range p.Alters {
			k, key := a.Circle, slotKey(a, i, j)
			if known[k] == nil {
				known[k] = map[string]bool{}
			}
			if !known[k][key] {
				known[k][key] = true
				byCircle[k] = append(byCircle[k], first{key, a.Role, seen})
			}
			seen++
		}
	}
	sl := egoSlots{slot: map[int]map[string]int{}, n: map[int]int{}}
	for k, fs := range byCircle {
		slices.SortStableFunc(fs, func(a, b first) int { return a.role - b.role })
		sl.slot[k] = map[string]int{}
		for i, f := range fs {
			sl.slot[k][f.key] = i
		}
		sl.n[k] = len(fs)
	}
	return sl
}

// noneCrowded says that every circle's markers have room.
const noneCrowded = -2

// fits reports what of the maps does not fit a data panel r with text
// style sty: the element's name and which dimension is short, or "" when
// every marker has room of its own (a panel title too long for three
// lines ends in an ellipsis instead). It is the check the figure's layout
// needs beyond the panel's share of the page.
func (e *egoPanels) fits(r vg.Rectangle, sty draw.TextStyle) (element string, width, height bool) {
	for i, m := range e.layoutMaps(r, sty) {
		p := e.d.Panels[i]
		if m.crowded != noneCrowded {
			name := "outside the circles"
			if m.crowded >= 0 {
				name = "on circle " + strconv.Quote(e.d.Circles[m.crowded].Name)
			}
			w := m.box.Size().X < r.Size().Y-vg.Length(len(m.title))*lineHeight(sty)
			return fmt.Sprintf("alters %s of panel %q", name, p.Title), w, !w
		}
	}
	return "", false, false
}

// shortened lists the panel titles that the maps in r cut short with an
// ellipsis, one entry per line drawn with its "…", in drawing order.
func (e *egoPanels) shortened(r vg.Rectangle, sty draw.TextStyle) []Shortening {
	var out []Shortening
	for i, m := range e.layoutMaps(r, sty) {
		full := e.d.Panels[i].Title
		if strings.Join(m.title, " ") == strings.Join(strings.Fields(full), " ") {
			continue
		}
		for _, ln := range m.title {
			if strings.Contains(ln, "…") {
				out = append(out, Shortening{Shown: ln, Full: full})
			}
		}
	}
	return out
}

// wrapLines wraps s to width in at most maxLines lines, ending the last in
// an ellipsis when the text does not fit.
func wrapLines(s string, sty draw.TextStyle, width vg.Length, maxLines int) []string {
	if s == "" {
		return nil
	}
	a := &fitted{}
	return strings.Split(a.shorten(s, sty, width, maxLines), "\n")
}

// Plot implements plot.Plotter.
func (e *egoPanels) Plot(c draw.Canvas, p *plot.Plot) {
	sty := p.X.Tick.Label
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
	lineH := lineHeight(sty)
	for i, m := range e.layoutMaps(c.Rectangle, sty) {
		panel := e.d.Panels[i]
		for k, ln := range m.title {
			c.FillText(bold(&c, sty), vg.Point{X: m.titleX, Y: m.titleY - vg.Length(k)*lineH}, ln)
		}
		ego := sized(egoStyle, m.marker)
		halo := draw.GlyphStyle{Color: color.White, Radius: m.marker + 1, Shape: draw.CircleGlyph{}}
		for _, r := range m.radius {
			c.StrokeLines(circleStyle, circlePath(m.center, r))
		}
		for _, t := range panel.Ties {
			a, b := m.alters[t[0]], m.alters[t[1]]
			c.StrokeLine2(tieStyle, a.X, a.Y, b.X, b.Y)
		}
		c.DrawGlyphNoClip(ego, m.center)
		for j, a := range panel.Alters {
			// A white halo keeps ties that pass under a marker from
			// running through its shape.
			c.DrawGlyphNoClip(halo, m.alters[j])
			c.DrawGlyphNoClip(sized(roleStyle(a.Role), m.marker), m.alters[j])
		}
	}
}

// circlePath is a circle as a polyline fine enough to look round.
func circlePath(c vg.Point, r vg.Length) []vg.Point {
	const n = 96
	pts := make([]vg.Point, n+1)
	for i := range pts {
		s, co := math.Sincos(2 * math.Pi * float64(i) / n)
		pts[i] = vg.Point{X: c.X + r*vg.Length(co), Y: c.Y + r*vg.Length(s)}
	}
	return pts
}
