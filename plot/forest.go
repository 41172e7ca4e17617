package plot

import (
	"fmt"
	"math"
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
	// Weight is the study's weight in the pooled estimate on any scale
	// (percent, 1/variance); the square's area is proportional to it.
	// Zero everywhere means equal squares and no weight column.
	Weight float64
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
	// intervention; Benefit then defaults to BenefitAbove.
	Oriented bool
	// Notes are printed under the figure, e.g. heterogeneity statistics.
	Notes []string
}

// Benefit says on which side of the null value the intervention is
// favoured.
type Benefit int

const (
	// BenefitUnknown draws no "favours" labels (unless the data are
	// Oriented).
	BenefitUnknown Benefit = iota
	// BenefitBelow: values below the null favour the intervention, as
	// for intervention − usual care on a scale where higher is worse
	// (loneliness scores, odds of an adverse event).
	BenefitBelow
	// BenefitAbove: values above the null favour the intervention, as
	// for a scale where higher is better (social network size) or for
	// oriented estimates.
	BenefitAbove
)

// ForestOptions adjusts a forest plot. A nil *ForestOptions means the
// defaults documented on each field.
type ForestOptions struct {
	// Benefit places the "favours" labels.
	Benefit Benefit
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
	for i, s := range d.Studies {
		f := fmt.Sprintf("Studies[%d %q]", i, s.Label)
		switch {
		case s.Label == "":
			return nil, inputErr(fig, fmt.Sprintf("Studies[%d].Label", i), nil, "empty label")
		case !finite(s.Estimate):
			return nil, inputErr(fig, f+".Estimate", s.Estimate, "must be finite")
		case !finite(s.Weight) || s.Weight < 0:
			return nil, inputErr(fig, f+".Weight", s.Weight, "must be finite and non-negative")
		}
		if err := checkCI(f, s.Estimate, s.CI); err != nil {
			return nil, err
		}
		wsum += s.Weight
		rows = append(rows, forestRow{kind: rowStudy, label: s.Label, est: tr(s.Estimate), lo: tr(s.CI.Lower), hi: tr(s.CI.Upper), weight: s.Weight})
	}
	if len(d.Pooled) > 0 {
		rows = append(rows, forestRow{kind: rowBlank})
	}
	for i, pl := range d.Pooled {
		f := fmt.Sprintf("Pooled[%d %q]", i, pl.Label)
		switch {
		case pl.Label == "":
			return nil, inputErr(fig, fmt.Sprintf("Pooled[%d].Label", i), nil, "empty label")
		case !finite(pl.Estimate):
			return nil, inputErr(fig, f+".Estimate", pl.Estimate, "must be finite")
		}
		if err := checkCI(f, pl.Estimate, pl.CI); err != nil {
			return nil, err
		}
		rows = append(rows, forestRow{kind: rowPooled, label: pl.Label, est: tr(pl.Estimate), lo: tr(pl.CI.Lower), hi: tr(pl.CI.Upper), shade: i})
		if pi := pl.Prediction; pi.Level != 0 {
			if !(pi.Level > 0 && pi.Level < 1) {
				return nil, inputErr(fig, f+".Prediction.Level", pi.Level, "must lie in (0, 1), or 0 for none")
			}
			if !finite(pi.Lower) || !finite(pi.Upper) || !(pi.Lower <= pl.Estimate && pl.Estimate <= pi.Upper) {
				return nil, inputErr(fig, f+".Prediction", pi, "bounds must be finite and contain the estimate")
			}
			if exp && !(math.Abs(pi.Lower) <= maxLogRatio && math.Abs(pi.Upper) <= maxLogRatio) {
				return nil, inputErr(fig, f+".Prediction", pi, "too extreme to show as a ratio (set NoExp)")
			}
			rows = append(rows, forestRow{kind: rowPrediction, label: "Prediction interval", est: tr(pl.Estimate), lo: tr(pi.Lower), hi: tr(pi.Upper), level: pi.Level})
		}
	}
	// Rows run top to bottom; row r sits at y = len(rows) − r, and the
	// column headers at y = len(rows) + 1.
	n := len(rows)
	for r := range rows {
		rows[r].y = float64(n - r)
		if wsum > 0 && rows[r].kind == rowStudy {
			rows[r].weight /= wsum
		}
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
	ests := Column{XAlign: draw.XRight, Cells: []Cell{{Y: head, Text: fmt.Sprintf("%s [%s CI]", name, percent(level)), Bold: true}}}
	wcol := Column{XAlign: draw.XRight, Cells: []Cell{{Y: head, Text: "Weight", Bold: true}}}
	for _, r := range rows {
		switch r.kind {
		case rowBlank:
			continue
		case rowPrediction:
			label.Cells = append(label.Cells, Cell{Y: r.y, Text: r.label})
			ests.Cells = append(ests.Cells, Cell{Y: r.y, Text: fmt.Sprintf("[%s, %s]", num(r.lo, dec), num(r.hi, dec))})
			continue
		}
		bold := r.kind == rowPooled
		label.Cells = append(label.Cells, Cell{Y: r.y, Text: r.label, Bold: bold})
		ests.Cells = append(ests.Cells, Cell{Y: r.y, Text: fmt.Sprintf("%s [%s, %s]", num(r.est, dec), num(r.lo, dec), num(r.hi, dec)), Bold: bold})
		if r.kind == rowStudy && wsum > 0 {
			wcol.Cells = append(wcol.Cells, Cell{Y: r.y, Text: strconv.FormatFloat(100*r.weight, 'f', 1, 64) + "%"})
		}
	}
	fg := &Figure{Plot: p, Text: defaultText(defaultFontSize), Left: []Column{label}, Right: []Column{ests}}
	if wsum > 0 {
		fg.Right = append(fg.Right, wcol)
	}

	benefit := opt.Benefit
	if benefit == BenefitUnknown && d.Oriented {
		benefit = BenefitAbove
	}
	if benefit != BenefitUnknown {
		in, uc := opt.Intervention, opt.Control
		if in == "" {
			in = "intervention"
		}
		if uc == "" {
			uc = "usual care"
		}
		left, right := "Favours "+uc, "Favours "+in
		if benefit == BenefitBelow {
			left, right = right, left
		}
		fg.Favours = &Favours{At: null, Left: "← " + left, Right: right + " →"}
	}
	fg.Notes = append(fg.Notes, d.Notes...)
	return fg, nil
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// num formats x with dec decimals and a true minus sign.
func num(x float64, dec int) string {
	s := strconv.FormatFloat(x, 'f', dec, 64)
	if strings.HasPrefix(s, "-") {
		if strings.Trim(s, "-0.") == "" {
			return s[1:] // no "−0.00"
		}
		return "−" + s[1:]
	}
	return s
}

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
)

type forestRow struct {
	kind   rowKind
	label  string
	y      float64
	est    float64
	lo, hi float64
	weight float64 // share of the total study weight
	shade  int     // index of a pooled row
	level  float64
}

// maxLogRatio bounds log ratios shown as ratios: exp(±600) keeps the
// padded log axis well inside the float64 range.
const maxLogRatio = 600

// ratioTicks marks ratios at 1-2-5 steps on a log axis.
type ratioTicks struct{}

func (ratioTicks) Ticks(min, max float64) []plot.Tick {
	lo, hi := math.Floor(math.Log10(min))-1, math.Ceil(math.Log10(max))+1
	if !(min > 0) || !finite(lo) || !finite(hi) || hi-lo > 40 {
		return positiveTicks(min, max)
	}
	var ticks []plot.Tick
	for e := lo; e <= hi; e++ {
		for _, m := range []float64{1, 2, 5} {
			v := m * math.Pow(10, e)
			if v < min || v > max {
				continue
			}
			ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'g', -1, 64)})
		}
	}
	if len(ticks) < 2 {
		return positiveTicks(min, max)
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

// BenefitFor returns the side that favours the intervention for an
// estimate of intervention minus usual care on an outcome where higher
// is better or not (measures.Instrument.HigherIsBetter), or for an
// oriented estimate (effect.Estimate.Oriented), which always favours the
// intervention above the null.
func BenefitFor(higherIsBetter, oriented bool) Benefit {
	if higherIsBetter || oriented {
		return BenefitAbove
	}
	return BenefitBelow
}
