package plot

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/gonum/stat/distuv"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tiesproject/ties/effect"
)

// Visit is one arm's summary at one follow-up visit.
type Visit struct {
	// Time is the visit's time since randomisation (0 for baseline), in
	// the unit of the x axis (months by default).
	Time float64
	// Mean is the arm's mean score at the visit; NaN marks a missing
	// visit, which is skipped (the line is broken there), never drawn as
	// zero.
	Mean float64
	// SD is the sample standard deviation. It is used to compute a
	// t-based interval when CI is not given (CI.Level == 0).
	SD float64
	// N is the number of participants with data at the visit, printed in
	// the table under the axis ("n assessed").
	N int
	// CI is the interval for the mean. Level 0 means "not given": the
	// interval is then mean ± t(N−1)·SD/√N, or no bar if N < 2 or SD is 0
	// or NaN.
	CI effect.Interval
}

// Arm is one trial arm's trajectory.
type Arm struct {
	Name   string
	Visits []Visit
	// Participants, if any, are drawn as faint lines behind the means
	// when TrajectoryOptions.Participants asks for them.
	Participants []Series
}

// Series is one participant's observed scores over time. Value NaN marks
// a missed visit.
type Series struct {
	ID    string
	Time  []float64
	Value []float64
}

// TrajectoryOptions adjusts a trajectory figure. A nil *TrajectoryOptions
// means the defaults documented on each field.
type TrajectoryOptions struct {
	// Level is the confidence level of intervals computed from SD and N;
	// 0 means 0.95.
	Level float64
	// Outcome names the y axis, for example "UCLA-3 loneliness score"
	// (an instrument's name); "" means "Mean score".
	Outcome string
	// Direction, for example "higher = lonelier", is added to the y label
	// in parentheses.
	Direction string
	// TimeLabel names the x axis; "" means "Months since randomisation".
	TimeLabel string
	// VisitLabels replaces the tick labels at the given visit times, for
	// example {0: "Baseline"}; other visits are labelled with their time.
	VisitLabels map[float64]string
	// Dodge is the horizontal distance between neighbouring arms, in x
	// units; 0 means 7 points on the page at every size, enough to keep
	// the arms' intervals and their caps apart at every visit.
	Dodge float64
	// NoTable suppresses the table of numbers assessed under the axis
	// (the key then names the arms instead).
	NoTable bool
	// TableHeading is the heading of that table; "" means "n assessed".
	// (The survival wording "Number at risk" does not fit a trial whose
	// participants can miss a visit and return.)
	TableHeading string
	// Participants draws each participant's own scores as a faint line
	// behind the means. Off by default: raw scores stretch the y axis and
	// hide the difference between the arms' means.
	Participants bool
	// Title is the plot title; empty means none.
	Title string
	// ArmOrder lists arm names in the order they are drawn, coloured and
	// tabulated (the first is blue, the second orange); arms it does not
	// name follow in their input order. Put the intervention first.
	ArmOrder []string
}

func (o *TrajectoryOptions) orDefault() TrajectoryOptions {
	if o == nil {
		return TrajectoryOptions{}
	}
	return *o
}

// level returns the validated confidence level.
func ciLevel(figure string, l float64) (float64, error) {
	if l == 0 {
		return 0.95, nil
	}
	if !(l > 0 && l < 1) {
		return 0, inputErr(figure, "Level", l, "must lie in (0, 1)")
	}
	return l, nil
}

// tInterval is the t-based interval mean ± t(n−1)·sd/√n.
func tInterval(mean, sd float64, n int, level float64) effect.Interval {
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(0.5 + level/2)
	h := q * sd / math.Sqrt(float64(n))
	return effect.Interval{Lower: mean - h, Upper: mean + h, Level: level}
}

// visitPoint is a validated visit ready to draw.
type visitPoint struct {
	t, mean  float64
	lo, hi   float64
	hasBar   bool
	observed bool
	n        int
}

func validateArms(arms []Arm, level float64) ([][]visitPoint, float64, error) {
	const fig = "trajectory"
	if len(arms) == 0 {
		return nil, 0, inputErr(fig, "Arms", nil, "no arms")
	}
	names := map[string]bool{}
	out := make([][]visitPoint, len(arms))
	ciLevel := math.NaN() // level of the intervals shown, checked for consistency
	for i, a := range arms {
		af := fmt.Sprintf("Arms[%d]", i)
		if a.Name == "" {
			return nil, 0, inputErr(fig, af+".Name", nil, "empty arm name")
		}
		af = fmt.Sprintf("Arms[%d %q]", i, a.Name)
		if names[a.Name] {
			return nil, 0, inputErr(fig, af+".Name", a.Name, "duplicate arm name")
		}
		names[a.Name] = true
		if len(a.Visits) == 0 {
			return nil, 0, inputErr(fig, af+".Visits", nil, "no visits")
		}
		pts := make([]visitPoint, 0, len(a.Visits))
		times := map[float64]bool{}
		observed := 0
		for j, v := range a.Visits {
			vf := fmt.Sprintf("%s.Visits[%d]", af, j)
			switch {
			case math.IsNaN(v.Time) || math.IsInf(v.Time, 0):
				return nil, 0, inputErr(fig, vf+".Time", v.Time, "must be finite")
			case times[v.Time]:
				return nil, 0, inputErr(fig, vf+".Time", v.Time, "duplicate visit time")
			case math.IsInf(v.Mean, 0):
				return nil, 0, inputErr(fig, vf+".Mean", v.Mean, "must be finite (NaN marks a missing visit)")
			case v.N < 0:
				return nil, 0, inputErr(fig, vf+".N", v.N, "must not be negative")
			case v.SD < 0 || math.IsInf(v.SD, 0):
				return nil, 0, inputErr(fig, vf+".SD", v.SD, "must be finite and non-negative")
			}
			times[v.Time] = true
			p := visitPoint{t: v.Time, mean: v.Mean, n: v.N, observed: !math.IsNaN(v.Mean)}
			if p.observed {
				observed++
				switch {
				case v.CI.Level != 0:
					ci := v.CI
					if !(ci.Level > 0 && ci.Level < 1) {
						return nil, 0, inputErr(fig, vf+".CI.Level", ci.Level, "must lie in (0, 1), or 0 for none")
					}
					if math.IsNaN(ci.Lower) || math.IsInf(ci.Lower, 0) || math.IsNaN(ci.Upper) || math.IsInf(ci.Upper, 0) {
						return nil, 0, inputErr(fig, vf+".CI", ci, "bounds must be finite")
					}
					if !(ci.Lower <= v.Mean && v.Mean <= ci.Upper) {
						return nil, 0, inputErr(fig, vf+".CI", ci, "does not contain the mean")
					}
					p.lo, p.hi, p.hasBar = ci.Lower, ci.Upper, true
				case v.N >= 2 && v.SD > 0:
					ci := tInterval(v.Mean, v.SD, v.N, level)
					p.lo, p.hi, p.hasBar = ci.Lower, ci.Upper, true
				}
				if p.hasBar {
					l := level
					if v.CI.Level != 0 {
						l = v.CI.Level
					}
					if !math.IsNaN(ciLevel) && l != ciLevel {
						return nil, 0, inputErr(fig, vf+".CI.Level", l, fmt.Sprintf("differs from the level of other intervals (%v)", ciLevel))
					}
					ciLevel = l
				}
			}
			pts = append(pts, p)
		}
		if observed == 0 {
			return nil, 0, inputErr(fig, af+".Visits", nil, "no visit has an observed mean")
		}
		slices.SortFunc(pts, func(a, b visitPoint) int { return cmpFloat(a.t, b.t) })
		for k, s := range a.Participants {
			sf := fmt.Sprintf("%s.Participants[%d %q]", af, k, s.ID)
			if len(s.Time) != len(s.Value) {
				return nil, 0, inputErr(fig, sf, fmt.Sprintf("%d times, %d values", len(s.Time), len(s.Value)), "mismatched lengths")
			}
			for m := range s.Time {
				if math.IsNaN(s.Time[m]) || math.IsInf(s.Time[m], 0) {
					return nil, 0, inputErr(fig, fmt.Sprintf("%s.Time[%d]", sf, m), s.Time[m], "must be finite")
				}
				if math.IsInf(s.Value[m], 0) {
					return nil, 0, inputErr(fig, fmt.Sprintf("%s.Value[%d]", sf, m), s.Value[m], "must be finite (NaN marks a missed visit)")
				}
			}
		}
		out[i] = pts
	}
	if math.IsNaN(ciLevel) {
		ciLevel = 0
	}
	return out, ciLevel, nil
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Trajectory draws the mean score of each arm at each visit with its
// confidence interval, arms dodged horizontally and joined by lines, the
// participants' own trajectories as faint lines (if given and asked for),
// and the numbers assessed under the x axis, aligned with the visits,
// each arm's row labelled with its line and glyph.
//
// A visit whose Mean is NaN is missing: no point is drawn and the arm's
// line is broken there. An arm's line is also broken at a visit time that
// other arms have and it lacks.
func Trajectory(arms []Arm, o *TrajectoryOptions) (*Figure, error) {
	opt := o.orDefault()
	level, err := ciLevel("trajectory", opt.Level)
	if err != nil {
		return nil, err
	}
	if opt.Dodge < 0 || math.IsNaN(opt.Dodge) || math.IsInf(opt.Dodge, 0) {
		return nil, inputErr("trajectory", "Dodge", opt.Dodge, "must be finite and non-negative")
	}
	arms = orderArms(arms, opt.ArmOrder)
	pts, shownLevel, err := validateArms(arms, level)
	if err != nil {
		return nil, err
	}
	if opt.Participants && !slices.ContainsFunc(arms, func(a Arm) bool { return len(a.Participants) > 0 }) {
		return nil, inputErr("trajectory", "Participants", true, "no arm has participants' series to draw (use TrajectoryLong, or fill Arm.Participants)")
	}
	if opt.NoTable && opt.TableHeading != "" {
		return nil, inputErr("trajectory", "TableHeading", opt.TableHeading, "NoTable is set, so there is no table to head")
	}

	// The visit schedule is the union of the arms' visit times.
	var times []float64
	for _, ap := range pts {
		for _, p := range ap {
			times = append(times, p.t)
		}
	}
	slices.Sort(times)
	times = slices.Compact(times)
	span := times[len(times)-1] - times[0]
	if span == 0 {
		span = 1
	}
	// Arms are dodged by opt.Dodge x units, or by a fixed distance on
	// the page (the shifted plotter) so that they stay apart at any size.
	dodge := opt.Dodge
	const dodgePts = 7

	p := newPlot()
	p.Title.Text = opt.Title
	p.X.Label.Text = opt.TimeLabel
	p.Y.Label.TextStyle.Font.Size = p.X.Label.TextStyle.Font.Size
	if p.X.Label.Text == "" {
		p.X.Label.Text = "Months since randomisation"
	}
	p.Y.Label.Text = opt.Outcome
	if p.Y.Label.Text == "" {
		p.Y.Label.Text = "Mean score"
	}
	if opt.Direction != "" {
		p.Y.Label.Text += " (" + opt.Direction + ")"
	}
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal.Color = color.Gray{Y: 0xe6}
	p.Add(grid)

	fig := &Figure{Plot: p, Text: defaultText(defaultFontSize), MinPanelWidth: 0.5, MinPanelHeight: 0.5}
	k := len(arms)
	var thumbsOf []plot.Thumbnailer
	for i, a := range arms {
		off := (float64(i) - float64(k-1)/2) * dodge
		dx := vg.Length(0)
		if dodge == 0 {
			dx = vg.Length((float64(i) - float64(k-1)/2) * dodgePts)
		}
		add := func(pl plot.Plotter) {
			if dx != 0 {
				p.Add(shifted{pl, dx})
				return
			}
			p.Add(pl)
		}
		clr := pick(armColors, i)

		if opt.Participants && len(a.Participants) > 0 {
			// Fainter as lines pile up, so that the means stay in front.
			alpha := 0x22 * math.Sqrt(40/math.Max(40, float64(len(a.Participants))))
			faint := withAlpha(clr, uint8(math.Max(10, alpha)))
			for _, s := range a.Participants {
				for _, seg := range participantSegments(s, off) {
					l, err := plotter.NewLine(seg)
					if err != nil {
						return nil, err
					}
					l.Color = faint
					l.Width = vg.Points(0.5)
					add(l)
				}
			}
		}

		line := draw.LineStyle{Color: clr, Width: vg.Points(1.2), Dashes: pick(armDashes, i)}
		for _, seg := range meanSegments(pts[i], times, off) {
			l, err := plotter.NewLine(seg)
			if err != nil {
				return nil, err
			}
			l.LineStyle = line
			add(l)
		}

		var bars errPoints
		var xy plotter.XYs
		for _, v := range pts[i] {
			if !v.observed {
				continue
			}
			xy = append(xy, plotter.XY{X: v.t + off, Y: v.mean})
			if v.hasBar {
				bars.XYs = append(bars.XYs, plotter.XY{X: v.t + off, Y: v.mean})
				bars.YErrors = append(bars.YErrors, struct{ Low, High float64 }{v.mean - v.lo, v.hi - v.mean})
			}
		}
		if len(bars.XYs) > 0 {
			eb, err := plotter.NewYErrorBars(bars)
			if err != nil {
				return nil, err
			}
			eb.LineStyle = draw.LineStyle{Color: clr, Width: vg.Points(1)}
			eb.CapWidth = vg.Points(4)
			add(eb)
		}
		sc, err := plotter.NewScatter(xy)
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: clr, Radius: vg.Points(2.6), Shape: pick(armGlyphs, i)}
		add(sc)
		thumbLine := &plotter.Line{LineStyle: line}
		thumbsOf = append(thumbsOf, thumbs{thumbLine, sc})
		if opt.NoTable {
			fig.Key = append(fig.Key, KeyEntry{Label: a.Name, Thumb: thumbs{thumbLine, sc}})
		}
	}

	// Ticks at the visits; room for the dodged points at both ends.
	ticks := make([]plot.Tick, len(times))
	for j, t := range times {
		lbl, ok := opt.VisitLabels[t]
		if !ok {
			lbl = strconv.FormatFloat(t, 'g', -1, 64)
		}
		ticks[j] = plot.Tick{Value: t, Label: lbl}
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	margin := (0.05+0.01*float64(k))*span + float64(k)*dodge/2
	p.X.Min = times[0] - margin
	p.X.Max = times[len(times)-1] + margin
	if err := checkRange("trajectory", "Visits.Time", p.X.Min, p.X.Max); err != nil {
		return nil, err
	}
	if yr := p.Y.Max - p.Y.Min; yr > 0 {
		p.Y.Min -= 0.03 * yr
		p.Y.Max += 0.03 * yr
	}
	if err := checkRange("trajectory", "Visits.Mean", p.Y.Min, p.Y.Max); err != nil {
		return nil, err
	}
	p.Y.Tick.Marker = niceTicks{}

	if !opt.NoTable {
		head := opt.TableHeading
		if head == "" {
			head = "n assessed"
		}
		tbl := &Table{Title: head, X: times}
		for i, a := range arms {
			// The name in black beside the arm's line and glyph: arm
			// colours such as orange do not reach 4.5:1 contrast as text.
			row := TableRow{Label: a.Name, Thumb: thumbsOf[i], Cells: make([]string, len(times))}
			for j, t := range times {
				idx := slices.IndexFunc(pts[i], func(v visitPoint) bool { return v.t == t })
				if idx >= 0 {
					row.Cells[j] = strconv.Itoa(pts[i][idx].n)
				} else {
					row.Cells[j] = "–"
				}
			}
			tbl.Rows = append(tbl.Rows, row)
		}
		fig.Table = tbl
	}
	if shownLevel > 0 {
		fig.Notes = append(fig.Notes, fmt.Sprintf("Points are means; bars are %s confidence intervals.", percent(shownLevel)))
	} else {
		fig.Notes = append(fig.Notes, "Points are means.")
	}
	return fig, nil
}

// orderArms returns arms sorted by their position in order (a stable
// sort; unnamed arms keep their input order after the named ones).
func orderArms(arms []Arm, order []string) []Arm {
	if len(order) == 0 {
		return arms
	}
	rank := map[string]int{}
	for i, n := range order {
		if _, ok := rank[n]; !ok {
			rank[n] = i
		}
	}
	out := slices.Clone(arms)
	slices.SortStableFunc(out, func(a, b Arm) int {
		ra, oka := rank[a.Name]
		rb, okb := rank[b.Name]
		switch {
		case oka && okb:
			return ra - rb
		case oka:
			return -1
		case okb:
			return 1
		}
		return 0
	})
	return out
}

// percent formats a level such as 0.95 as "95%".
func percent(l float64) string {
	return strconv.FormatFloat(100*l, 'f', -1, 64) + "%"
}

type errPoints struct {
	plotter.XYs
	plotter.YErrors
}

// meanSegments splits an arm's observed means into polylines, breaking at
// any scheduled visit time where the arm has no observed mean.
func meanSegments(pts []visitPoint, times []float64, off float64) []plotter.XYs {
	obs := map[float64]float64{}
	for _, v := range pts {
		if v.observed {
			obs[v.t] = v.mean
		}
	}
	var segs []plotter.XYs
	var cur plotter.XYs
	for _, t := range times {
		m, ok := obs[t]
		if !ok {
			if len(cur) > 1 {
				segs = append(segs, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, plotter.XY{X: t + off, Y: m})
	}
	if len(cur) > 1 {
		segs = append(segs, cur)
	}
	return segs
}

// participantSegments returns the participant's observed values in time
// order as polylines, broken at missed visits.
func participantSegments(s Series, off float64) []plotter.XYs {
	idx := make([]int, len(s.Time))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmpFloat(s.Time[a], s.Time[b]) })
	var segs []plotter.XYs
	var cur plotter.XYs
	for _, i := range idx {
		if math.IsNaN(s.Value[i]) {
			if len(cur) > 1 {
				segs = append(segs, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, plotter.XY{X: s.Time[i] + off, Y: s.Value[i]})
	}
	if len(cur) > 1 {
		segs = append(segs, cur)
	}
	return segs
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	// Premultiplied, as color.RGBA requires.
	f := float64(a) / 0xff
	return color.RGBA{R: uint8(float64(r>>8) * f), G: uint8(float64(g>>8) * f), B: uint8(float64(b>>8) * f), A: a}
}

// shifted draws a plotter moved dx to the right on the page: arms are
// dodged by a distance that stays the same at every figure size.
type shifted struct {
	plot.Plotter
	dx vg.Length
}

func (s shifted) Plot(c draw.Canvas, p *plot.Plot) {
	c.Min.X += s.dx
	c.Max.X += s.dx
	s.Plotter.Plot(c, p)
}

// DataRange implements plot.DataRanger.
func (s shifted) DataRange() (xmin, xmax, ymin, ymax float64) {
	if dr, ok := s.Plotter.(plot.DataRanger); ok {
		return dr.DataRange()
	}
	return math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
}

// thumbs draws several thumbnails on top of each other (a line and its
// glyph) as one key entry.
type thumbs []plot.Thumbnailer

func (t thumbs) Thumbnail(c *draw.Canvas) {
	for _, th := range t {
		th.Thumbnail(c)
	}
}
