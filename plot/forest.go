package plot

import (
	"fmt"
	"github.com/tiesproject/ties/internal/numfmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"

	"gonum.org/v1/plot/vg/draw"

	"github.com/tiesproject/ties/effect"
)

// ForestStudy is one study row of a forest plot.
type ForestStudy struct {
	Label    string
	Estimate float64
	// CI is the study's interval; it needs a Level in (0, 1), the same
	// for every row. An estimate outside it (possible for percentile
	// bootstrap intervals) is drawn as given.
	CI effect.Interval
	// CIMethod says how CI was computed (for example effect.NoncentralT
	// for an exact interval, effect.Wald for estimate ± z·SE); the
	// figure's note names the methods. DefaultCI means not stated.
	CIMethod effect.CIMethod
	// Weight is the study's weight in the pooled estimate on any scale
	// (percent, 1/variance); the square's area is proportional to it.
	// Zero everywhere means equal squares and no weight column. The
	// column shows the shares rounded to 0.1% by the largest-remainder
	// method, so that they add up to exactly 100%.
	Weight float64
	// Subgroup names the study's subgroup when ForestData.Subgroups is
	// used.
	Subgroup string
}

// ForestSubgroup is one subgroup of a subgroup forest plot: a heading,
// its studies (those whose Subgroup is Name, in input order), a diamond
// for the subgroup's pooled estimate and a line of heterogeneity
// statistics under it.
type ForestSubgroup struct {
	Name   string
	Pooled ForestPooled
	// Heterogeneity is printed under the subgroup's diamond, for example
	// "Heterogeneity: τ² = 0.010, I² = 21%, p = 0.26".
	Heterogeneity string
}

// ForestPooled is a pooled row, drawn as a diamond spanning its CI.
type ForestPooled struct {
	Label    string // e.g. "Random effects (REML)"
	Estimate float64
	CI       effect.Interval
	// Prediction is the prediction interval for the effect in a new
	// study, drawn on its own row under the diamond; Level 0 means none.
	Prediction effect.Interval
}

// ForestData is what a forest plot shows. Estimates are on the measure's
// own scale (log scale for ratio measures) and follow the effect
// package's sign convention: intervention minus usual care.
type ForestData struct {
	Measure effect.Measure
	Studies []ForestStudy
	Pooled  []ForestPooled
	// Oriented reports that the estimates were turned (as
	// effect.Estimate.Favoring does) so that positive values favour the
	// intervention: the intervention is then favoured above the null
	// (and ForestOptions.Direction must be left unset).
	Oriented bool
	// Subgroups, if not empty, groups the study rows under headings, each
	// group closed by its own diamond (as metafor users draw with
	// addpoly); Pooled then holds the overall estimates, drawn last.
	Subgroups []ForestSubgroup
	// Notes are printed under the figure, e.g. heterogeneity statistics
	// and the test for subgroup differences.
	Notes []string
}

// ForestOptions adjusts a forest plot. A nil *ForestOptions means the
// defaults documented on each field.
type ForestOptions struct {
	// Direction is the direction of the outcome scale of estimates that
	// are not Oriented: with the effect package's convention
	// (intervention minus usual care), the intervention is favoured below
	// the null on a LowerIsBetter scale (loneliness) and above it on a
	// HigherIsBetter one (social network size). UnknownDirection draws no
	// "favours" labels unless the data are Oriented.
	Direction effect.Direction
	// Intervention and Control name the arms in the favours labels;
	// defaults "intervention" and "usual care".
	Intervention, Control string
	// NoExp keeps log odds and risk ratios on the log scale; by default
	// they are shown as ratios on a logarithmic axis with the null at 1.
	NoExp bool
	// Decimals is the number of decimals in the text columns; 0 means 2.
	Decimals int
	// XLabel names the x axis; "" means the measure's name.
	XLabel string
	// Title is the plot title; empty means none.
	Title string
}

// Forest draws a forest plot: one row per study with its estimate as a
// square whose area is proportional to its weight and its confidence
// interval as a line, text columns with the label, the estimate and
// interval and the weight, a diamond per pooled estimate, its prediction
// interval, a line at the null value and the "favours" labels under the
// axis on the sides given by o.Benefit.
func Forest(d ForestData, o *ForestOptions) (*Figure, error) {
	const fig = "forest"
	var opt ForestOptions
	if o != nil {
		opt = *o
	}
	if opt.Decimals < 0 || opt.Decimals > 10 {
		return nil, inputErr(fig, "Decimals", opt.Decimals, "must lie in 0..10")
	}
	switch opt.Direction {
	case effect.UnknownDirection, effect.HigherIsBetter, effect.LowerIsBetter:
	default:
		return nil, inputErr(fig, "Direction", opt.Direction, "unknown direction")
	}
	dec := opt.Decimals
	if dec == 0 {
		dec = 2
	}
	if len(d.Studies) == 0 {
		return nil, inputErr(fig, "Studies", nil, "no studies")
	}
	exp := !opt.NoExp && (d.Measure == effect.MeasureLogOR || d.Measure == effect.MeasureLogRR)
	tr := func(x float64) float64 { return x }
	null := 0.0
	if exp {
		tr, null = math.Exp, 1
	}

	level := math.NaN()
	checkCI := func(field string, est float64, ci effect.Interval) error {
		if !(ci.Level > 0 && ci.Level < 1) {
			return inputErr(fig, field+".CI.Level", ci.Level, "must lie in (0, 1)")
		}
		if !math.IsNaN(level) && ci.Level != level {
			return inputErr(fig, field+".CI.Level", ci.Level, fmt.Sprintf("differs from the level of other rows (%v)", level))
		}
		level = ci.Level
		if !finite(ci.Lower) || !finite(ci.Upper) {
			return inputErr(fig, field+".CI", ci, "bounds must be finite")
		}
		// An estimate outside its own interval is allowed: percentile
		// bootstrap intervals can exclude it. It is drawn as given.
		if !(ci.Lower <= ci.Upper) {
			return inputErr(fig, field+".CI", ci, "Lower exceeds Upper")
		}
		if exp && !(math.Abs(ci.Lower) <= maxLogRatio && math.Abs(ci.Upper) <= maxLogRatio && math.Abs(est) <= maxLogRatio) {
			return inputErr(fig, field+".CI", ci, "too extreme to show as a ratio (set NoExp)")
		}
		return nil
	}

	var rows []forestRow
	var wsum float64
	studyRow := func(i int, s ForestStudy) error {
		f := fmt.Sprintf("Studies[%d %q]", i, s.Label)
		switch {
		case s.Label == "":
			return inputErr(fig, fmt.Sprintf("Studies[%d].Label", i), nil, "empty label")
		case !finite(s.Estimate):
			return inputErr(fig, f+".Estimate", s.Estimate, "must be finite")
		case !finite(s.Weight) || s.Weight < 0:
			return inputErr(fig, f+".Weight", s.Weight, "must be finite and non-negative")
		}
		if err := checkCI(f, s.Estimate, s.CI); err != nil {
			return err
		}
		wsum += s.Weight
		rows = append(rows, forestRow{kind: rowStudy, label: s.Label, est: tr(s.Estimate), lo: tr(s.CI.Lower), hi: tr(s.CI.Upper), weight: s.Weight, study: i})
		return nil
	}
	pooledRow := func(f string, shade int, pl ForestPooled) error {
		switch {
		case pl.Label == "":
			return inputErr(fig, strings.Replace(f, ` ""]`, "]", 1)+".Label", nil, "empty label")
		case !finite(pl.Estimate):
			return inputErr(fig, f+".Estimate", pl.Estimate, "must be finite")
		}
		if err := checkCI(f, pl.Estimate, pl.CI); err != nil {
			return err
		}
		rows = append(rows, forestRow{kind: rowPooled, label: pl.Label, est: tr(pl.Estimate), lo: tr(pl.CI.Lower), hi: tr(pl.CI.Upper), shade: shade, study: -1})
		if pi := pl.Prediction; pi.Level != 0 {
			if !(pi.Level > 0 && pi.Level < 1) {
				return inputErr(fig, f+".Prediction.Level", pi.Level, "must lie in (0, 1), or 0 for none")
			}
			if !finite(pi.Lower) || !finite(pi.Upper) || !(pi.Lower <= pl.Estimate && pl.Estimate <= pi.Upper) {
				return inputErr(fig, f+".Prediction", pi, "bounds must be finite and contain the estimate")
			}
			if exp && !(math.Abs(pi.Lower) <= maxLogRatio && math.Abs(pi.Upper) <= maxLogRatio) {
				return inputErr(fig, f+".Prediction", pi, "too extreme to show as a ratio (set NoExp)")
			}
			rows = append(rows, forestRow{kind: rowPrediction, label: "Prediction interval", est: tr(pl.Estimate), lo: tr(pi.Lower), hi: tr(pi.Upper), level: pi.Level})
		}
		return nil
	}
	if len(d.Subgroups) == 0 {
		for i, s := range d.Studies {
			if s.Subgroup != "" {
				return nil, inputErr(fig, fmt.Sprintf("Studies[%d %q].Subgroup", i, s.Label), s.Subgroup, "names a subgroup but ForestData.Subgroups is empty")
			}
			if err := studyRow(i, s); err != nil {
				return nil, err
			}
		}
	} else {
		names := map[string]int{}
		for g, sg := range d.Subgroups {
			if sg.Name == "" {
				return nil, inputErr(fig, fmt.Sprintf("Subgroups[%d].Name", g), nil, "empty subgroup name")
			}
			if _, dup := names[sg.Name]; dup {
				return nil, inputErr(fig, fmt.Sprintf("Subgroups[%d].Name", g), sg.Name, "duplicate subgroup name")
			}
			names[sg.Name] = g
		}
		counts := make([]int, len(d.Subgroups))
		for i, s := range d.Studies {
			g, ok := names[s.Subgroup]
			if !ok {
				return nil, inputErr(fig, fmt.Sprintf("Studies[%d %q].Subgroup", i, s.Label), s.Subgroup, "is not the Name of any of ForestData.Subgroups")
			}
			counts[g]++
		}
		for g, sg := range d.Subgroups {
			if counts[g] == 0 {
				return nil, inputErr(fig, fmt.Sprintf("Subgroups[%d %q]", g, sg.Name), nil, "no study belongs to the subgroup")
			}
			rows = append(rows, forestRow{kind: rowHeading, label: sg.Name})
			first := len(rows)
			for i, s := range d.Studies {
				if s.Subgroup == sg.Name {
					if err := studyRow(i, s); err != nil {
						return nil, err
					}
				}
			}
			studies := rows[first:]
			if err := pooledRow(fmt.Sprintf("Subgroups[%d %q].Pooled", g, sg.Name), 1, sg.Pooled); err != nil {
				return nil, err
			}
			rows[first+len(studies)].group = g + 1
			if sg.Heterogeneity != "" {
				rows = append(rows, forestRow{kind: rowText, label: sg.Heterogeneity})
			}
			rows = append(rows, forestRow{kind: rowBlank})
		}
	}
	if len(d.Pooled) > 0 && len(d.Subgroups) == 0 {
		rows = append(rows, forestRow{kind: rowBlank})
	}
	for i, pl := range d.Pooled {
		if err := pooledRow(fmt.Sprintf("Pooled[%d %q]", i, pl.Label), i, pl); err != nil {
			return nil, err
		}
	}
	if wsum > 0 {
		roundWeights(rows, wsum)
	}
	// Rows run top to bottom; row r sits at y = len(rows) − r, and the
	// column headers at y = len(rows) + 1.
	n := len(rows)
	for r := range rows {
		rows[r].y = float64(n - r)
	}

	p := newPlot()
	p.Title.Text = opt.Title
	p.HideY()
	p.Y.Min, p.Y.Max = 0.4, float64(n)+1.6
	fp := &forestPlotter{rows: rows, null: null, weighted: wsum > 0, top: float64(n) + 0.5}
	p.Add(fp)
	xmin, xmax := fp.xRange()
	if err := checkRange(fig, "Studies.CI", xmin, xmax); err != nil {
		return nil, err
	}
	name := shortName(d.Measure, exp)
	p.X.Label.Text = opt.XLabel
	if p.X.Label.Text == "" {
		p.X.Label.Text = name
		if exp {
			p.X.Label.Text += " (log scale)"
		}
	}
	if exp {
		lx, hx := math.Log(xmin), math.Log(xmax)
		padx := 0.06 * (hx - lx)
		if padx < 0.05 {
			padx = 0.05 // all intervals (nearly) equal: still show a range
		}
		p.X.Min, p.X.Max = math.Exp(lx-padx), math.Exp(hx+padx)
		p.X.Scale = plot.LogScale{}
		p.X.Tick.Marker = ratioTicks{}
	} else {
		padx := 0.06 * (xmax - xmin)
		if padx == 0 {
			padx = math.Max(0.5, math.Abs(xmax)/2) // all intervals degenerate and equal
		}
		p.X.Min, p.X.Max = xmin-padx, xmax+padx
		p.X.Tick.Marker = niceTicks{}
		if err := checkRange(fig, "Studies.CI", p.X.Min, p.X.Max); err != nil {
			return nil, err
		}
	}

	head := float64(n) + 1
	label := Column{XAlign: draw.XLeft, Cells: []Cell{{Y: head, Text: "Study", Bold: true}}}
	// The estimate and interval may stack on two lines ("−0.31" over
	// "[−0.68, 0.06]") to leave the study labels more room.
	ests := Column{XAlign: draw.XRight, Cells: []Cell{{Y: head, Text: fmt.Sprintf("%s [%s CI]", name, percent(level)), Bold: true,
		Short: []string{fmt.Sprintf("%s\n[%s CI]", name, percent(level))}}}}
	wcol := Column{XAlign: draw.XRight, Cells: []Cell{{Y: head, Text: "Weight", Bold: true}}}
	var firstPooled = true
	for _, r := range rows {
		switch r.kind {
		case rowBlank:
			continue
		case rowHeading:
			label.Cells = append(label.Cells, Cell{Y: r.y, Text: r.label, Bold: true, Span: true})
			continue
		case rowText:
			label.Cells = append(label.Cells, Cell{Y: r.y, Text: r.label, Span: true})
			continue
		case rowPrediction:
			label.Cells = append(label.Cells, Cell{Y: r.y, Text: r.label, Short: pooledForms(r.label)})
			ests.Cells = append(ests.Cells, Cell{Y: r.y, Text: fmt.Sprintf("[%s, %s]", num(r.lo, dec), num(r.hi, dec))})
			continue
		}
		bold := r.kind == rowPooled
		lc := Cell{Y: r.y, Text: r.label, Bold: bold}
		if bold {
			lc.Short = pooledForms(r.label)
		}
		label.Cells = append(label.Cells, lc)
		est, ci := num(r.est, dec), fmt.Sprintf("[%s, %s]", num(r.lo, dec), num(r.hi, dec))
		ests.Cells = append(ests.Cells, Cell{Y: r.y, Text: est + " " + ci, Bold: bold, Short: []string{est + "\n" + ci}})
		if wsum == 0 {
			continue
		}
		switch {
		case r.kind == rowStudy:
			wcol.Cells = append(wcol.Cells, Cell{Y: r.y, Text: pct1(r.pct)})
		case r.kind == rowPooled && r.group > 0:
			wcol.Cells = append(wcol.Cells, Cell{Y: r.y, Text: pct1(groupWeight(rows, r.group)), Bold: true})
		case r.kind == rowPooled && firstPooled:
			wcol.Cells = append(wcol.Cells, Cell{Y: r.y, Text: "100.0%", Bold: true})
			firstPooled = false
		}
	}
	fg := &Figure{Plot: p, Text: defaultText(defaultFontSize), Left: []Column{label}, Right: []Column{ests}, MinPanelWidth: 1.0 / 3}
	if wsum > 0 {
		fg.Right = append(fg.Right, wcol)
	}
	fg.Notes = append(fg.Notes, intervalNote(d, level))

	dir := opt.Direction
	if d.Oriented {
		if dir != effect.UnknownDirection {
			return nil, inputErr(fig, "Direction", dir, "the estimates are Oriented (positive favours the intervention), so the scale's direction no longer applies; leave Direction unset")
		}
		dir = effect.HigherIsBetter
	}
	if dir == effect.UnknownDirection && (opt.Intervention != "" || opt.Control != "") {
		return nil, inputErr(fig, "Intervention", opt.Intervention+" / "+opt.Control,
			"names the arms of the favours labels, which need a Direction (or Oriented estimates)")
	}
	if dir != effect.UnknownDirection {
		in, uc := opt.Intervention, opt.Control
		if in == "" {
			in = "intervention"
		}
		if uc == "" {
			uc = "usual care"
		}
		left, right := "Favours "+uc, "Favours "+in
		if dir == effect.LowerIsBetter {
			left, right = right, left
		}
		fg.Favors = &Favors{At: null, Left: "← " + left, Right: right + " →"}
	}
	fg.Notes = append(fg.Notes, d.Notes...)
	return fg, nil
}

// pooledForms are the shorter forms of a pooled row's label, longest
// first, which the layout uses before it would cut the label: the
// method in parentheses dropped ("Subtotal (REML)" -> "Subtotal"), and
// the standard short names of the models and the prediction interval
// ("Random effects (REML)" -> "RE model", "Fixed effect" -> "FE model",
// "Common effect" -> "CE model", "Prediction interval" -> "PI"), as
// metafor labels its pooled rows.
func pooledForms(label string) []string {
	var forms []string
	addForm := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" && s != label && !slices.Contains(forms, s) {
			forms = append(forms, s)
		}
	}
	base := label
	if i := strings.Index(label, " ("); i > 0 && strings.HasSuffix(label, ")") {
		base = label[:i]
	}
	lower := strings.ToLower(strings.ReplaceAll(base, "-", " "))
	var abbr string
	for _, m := range []struct{ prefix, short string }{
		{"random effect", "RE model"},
		{"fixed effect", "FE model"},
		{"common effect", "CE model"},
		{"prediction interval", "PI"},
	} {
		if strings.HasPrefix(lower, m.prefix) {
			abbr = m.short
		}
	}
	if abbr != "" && base != label {
		// Keep the method beside the short name while it fits:
		// "RE model (REML)".
		addForm(abbr + label[len(base):])
	}
	addForm(base)
	addForm(abbr)
	slices.SortStableFunc(forms, func(a, b string) int { return len([]rune(b)) - len([]rune(a)) })
	return forms
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// num formats x with dec decimals and a true minus sign.
func num(x float64, dec int) string { return numfmt.Fixed(x, dec) }

// shortName is the measure's name in the column header and axis label.
func shortName(m effect.Measure, exp bool) string {
	switch {
	case exp && m == effect.MeasureLogOR:
		return "OR"
	case exp && m == effect.MeasureLogRR:
		return "RR"
	case m == effect.MeasureMD:
		return "MD"
	case m == effect.MeasureUnknown:
		return "Estimate"
	}
	return m.String()
}

type rowKind int

const (
	rowStudy rowKind = iota
	rowBlank
	rowPooled
	rowPrediction
	rowHeading // a subgroup's name
	rowText    // a line of text, such as a subgroup's heterogeneity
)

type forestRow struct {
	kind   rowKind
	label  string
	y      float64
	est    float64
	lo, hi float64
	weight float64 // study weight as given
	pct    int     // share of the total weight in tenths of a percent
	shade  int     // fill of a pooled row
	group  int     // 1 + the subgroup index of a subgroup's diamond
	study  int     // index in ForestData.Studies
	level  float64
}

// roundWeights sets each study row's share of the total weight in tenths
// of a percent by the largest-remainder method: the shares printed add up
// to exactly 100.0%.
func roundWeights(rows []forestRow, _ float64) {
	// Shares relative to the largest weight first, so that huge or tiny
	// weights cannot overflow the sum.
	var wmax float64
	var idx []int
	for i := range rows {
		if rows[i].kind == rowStudy {
			wmax = math.Max(wmax, rows[i].weight)
			idx = append(idx, i)
		}
	}
	if !(wmax > 0) {
		return
	}
	var sum float64
	for _, i := range idx {
		sum += rows[i].weight / wmax
	}
	q := func(i int) float64 { return 1000 * (rows[i].weight / wmax) / sum }
	total := 0
	for _, i := range idx {
		rows[i].pct = int(math.Floor(q(i)))
		total += rows[i].pct
	}
	for k := 0; total < 1000 && k < len(idx); k++ {
		best, rem := -1, -1.0
		for _, i := range idx {
			if r := q(i) - float64(rows[i].pct); r < 1 && r > rem+1e-12 {
				best, rem = i, r
			}
		}
		if best < 0 {
			break
		}
		rows[best].pct++
		total++
	}
}

// groupWeight is the total share of a subgroup's studies: the rows
// between its heading and its diamond.
func groupWeight(rows []forestRow, group int) int {
	sum := 0
	for i, r := range rows {
		if r.kind == rowPooled && r.group == group {
			for j := i - 1; j >= 0 && rows[j].kind == rowStudy; j-- {
				sum += rows[j].pct
			}
		}
	}
	return sum
}

// pct1 prints tenths of a percent: 123 -> "12.3%".
func pct1(tenths int) string {
	return strconv.Itoa(tenths/10) + "." + strconv.Itoa(tenths%10) + "%"
}

// intervalNote says what the lines of the study rows are: the interval
// each study's estimate carries, with its method(s).
func intervalNote(d ForestData, level float64) string {
	var methods []string
	seen := map[effect.CIMethod]int{}
	for _, s := range d.Studies {
		if seen[s.CIMethod] == 0 && s.CIMethod != effect.DefaultCI {
			methods = append(methods, s.CIMethod.String())
		}
		seen[s.CIMethod]++
	}
	weighted := slices.ContainsFunc(d.Studies, func(s ForestStudy) bool { return s.Weight > 0 })
	note := "Squares: estimates"
	if weighted {
		note += " (area proportional to weight)"
	}
	note += fmt.Sprintf("; lines: the %s confidence interval each estimate carries", percent(level))
	switch {
	case len(methods) == 1 && seen[effect.DefaultCI] == 0:
		note += " (" + methods[0] + ")"
	case len(methods) > 0:
		var parts []string
		for _, m := range []effect.CIMethod{effect.NoncentralT, effect.Wald, effect.WaldT, effect.Bootstrap, effect.Newcombe, effect.DefaultCI} {
			if n := seen[m]; n > 0 {
				name := m.String()
				if m == effect.DefaultCI {
					name = "not stated"
				}
				parts = append(parts, fmt.Sprintf("%s: %d", name, n))
			}
		}
		note += " (" + strings.Join(parts, "; ") + ")"
	}
	if len(d.Pooled) > 0 || len(d.Subgroups) > 0 {
		note += "; diamonds: pooled estimates and their confidence intervals"
	}
	for _, pl := range d.Pooled {
		if pl.Prediction.Level != 0 {
			note += fmt.Sprintf("; bar (PI): the %s prediction interval", percent(pl.Prediction.Level))
			break
		}
	}
	return note + "."
}

// maxLogRatio bounds log ratios shown as ratios: exp(±600) keeps the
// padded log axis well inside the float64 range.
const maxLogRatio = 600

// ratioTicks marks ratios on a log axis at 1-2-5 steps, or at 1-5 steps
// (sparse 1) or powers of ten (sparse 2) when the layout finds that the
// labels run together.
type ratioTicks struct{ sparse int }

func (rt ratioTicks) Ticks(xmin, xmax float64) []plot.Tick {
	lo, hi := math.Floor(math.Log10(xmin))-1, math.Ceil(math.Log10(xmax))+1
	if !(xmin > 0) || !finite(lo) || !finite(hi) || hi-lo > 40 {
		return positiveTicks(xmin, xmax)
	}
	ms := [][]float64{{1, 2, 5}, {1, 5}, {1}}[min(max(rt.sparse, 0), 2)]
	var ticks []plot.Tick
	for e := lo; e <= hi; e++ {
		for _, m := range ms {
			v := m * math.Pow(10, e)
			if v < xmin || v > xmax {
				continue
			}
			ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'g', -1, 64)})
		}
	}
	if len(ticks) < 2 {
		return positiveTicks(xmin, xmax)
	}
	return ticks
}

// positiveTicks are niceTicks without the non-positive values a log axis
// cannot place (gonum's LogScale panics on them).
func positiveTicks(min, max float64) []plot.Tick {
	var out []plot.Tick
	for _, t := range (niceTicks{}).Ticks(min, max) {
		if t.Value > 0 {
			out = append(out, t)
		}
	}
	if len(out) < 2 && min > 0 && max > min {
		out = []plot.Tick{{Value: min, Label: strconv.FormatFloat(min, 'g', 3, 64)}, {Value: max, Label: strconv.FormatFloat(max, 'g', 3, 64)}}
	}
	return out
}
