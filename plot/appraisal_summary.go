package plot

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tiesproject/ties/mmat"
)

// summaryOrder is the order of segments from left to right: favourable
// first, as robvis does.
var summaryOrder = []mmat.Answer{mmat.Yes, mmat.CantTell, mmat.No, mmat.NotRated}

// AppraisalSummary draws one horizontal 100% bar per criterion (in grid
// order, top to bottom) split into the shares of studies answering Yes,
// Can't tell and No, and Not rated where a criterion applies but was not
// answered. Shares are unweighted and taken over the studies to which the
// criterion applies (so without Not rated answers they equal
// mmat.CriterionCount.Share). A study screened out (No to S1 or S2), whose
// other criteria were never asked, is left out of those criteria's bars
// rather than counted as Not rated; a note says how many. Segments are
// labelled with their symbol and percentage where they are wide enough;
// the percentages of a bar add up to 100 (largest-remainder rounding); a
// bar resting on one or two studies is labelled with counts ("1 of 2")
// instead, and every bar's n is printed beside it.
func AppraisalSummary(g mmat.Grid, o *AppraisalOptions) (*Figure, error) {
	if err := validateGrid("appraisal", g); err != nil {
		return nil, err
	}
	sty := o.styles()
	m := len(g.Criteria)
	bars := make([]summaryBar, m)
	used := map[mmat.Answer]bool{}
	screenedOut := screenedOut(g)
	nOut := 0
	for _, out := range screenedOut {
		if out {
			nOut++
		}
	}
	for j := range g.Criteria {
		var counts [4]int
		total := 0
		for i := range g.Studies {
			if !applies(g, i, j) {
				continue
			}
			if screenedOut[i] && !isScreening(g.Criteria[j].ID) && g.Answers[i][j] == mmat.NotRated {
				continue
			}
			counts[g.Answers[i][j]]++
			total++
		}
		bars[j] = summaryBar{y: float64(m - j), total: total}
		for _, a := range summaryOrder {
			if total > 0 && counts[a] > 0 {
				bars[j].shares = append(bars[j].shares, share{a: a, p: float64(counts[a]) / float64(total), n: counts[a]})
				used[a] = true
			}
		}
		roundShares(bars[j].shares)
	}
	p := newPlot()
	if o != nil {
		p.Title.Text = o.Title
	}
	p.HideY()
	p.X.Min, p.X.Max = 0, 1
	p.Y.Min, p.Y.Max = 0.4, float64(m)+0.6
	p.X.Tick.Marker = plot.ConstantTicks([]plot.Tick{{Value: 0, Label: "0%"}, {Value: 0.25, Label: "25%"}, {Value: 0.5, Label: "50%"}, {Value: 0.75, Label: "75%"}, {Value: 1, Label: "100%"}})
	p.X.Label.Text = "Share of studies to which the criterion applies"
	p.Add(&summaryPlotter{bars: bars, styles: sty, text: defaultText(defaultFontSize)})

	col := Column{XAlign: draw.XLeft}
	ncol := Column{XAlign: draw.XRight}
	for j, c := range g.Criteria {
		lbl := c.ID
		if c.Label != "" {
			lbl += "  " + c.Label
		}
		col.Cells = append(col.Cells, Cell{Y: float64(m - j), Text: lbl})
		ncol.Cells = append(ncol.Cells, Cell{Y: float64(m - j), Text: "n = " + strconv.Itoa(bars[j].total)})
	}
	fg := &Figure{Plot: p, Text: defaultText(defaultFontSize), Left: []Column{col}, Right: []Column{ncol}, MinPanelWidth: 1.0 / 3}
	if nOut > 0 {
		fg.Notes = append(fg.Notes, fmt.Sprintf("%d %s screened out (No to S1 or S2) %s not counted for the criteria %s never asked.",
			nOut, plural(nOut, "study", "studies"), plural(nOut, "is", "are"), plural(nOut, "it was", "they were")))
	}
	for _, a := range summaryOrder {
		if used[a] {
			fg.Key = append(fg.Key, KeyEntry{Label: sty[a].label, Thumb: answerThumb{sty[a]}})
		}
	}
	return fg, nil
}

// screenedOut reports the rows answering No to a screening question: the
// MMAT does not appraise them further.
func screenedOut(g mmat.Grid) []bool {
	out := make([]bool, len(g.Studies))
	for j, c := range g.Criteria {
		if !isScreening(c.ID) {
			continue
		}
		for i := range g.Studies {
			if g.Answers[i][j] == mmat.No {
				out[i] = true
			}
		}
	}
	return out
}

func isScreening(id string) bool { return id == "S1" || id == "S2" }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

type share struct {
	a     mmat.Answer
	p     float64
	tenth int // tenths of a percent, rounded so that a bar's labels add up to 100
	n     int // number of studies
}

// label prints the share as a whole percent when it is one, else to a
// tenth ("12.5%").
func (sh share) label() string {
	if sh.tenth%10 == 0 {
		return strconv.Itoa(sh.tenth/10) + "%"
	}
	return strconv.FormatFloat(float64(sh.tenth)/10, 'f', 1, 64) + "%"
}

// roundShares rounds a bar's shares by the largest-remainder method, so that
// they add up to 100 (87.5% and 12.5% print as 88% and 12%, not 88% and
// 13%). When that would print two equal shares differently (two 1-of-8
// segments as 13% and 12%) and tenths print them equally, it rounds to
// tenths (12.5% and 12.5%). Shares such as thirds cannot print equal and add
// up to 100 at any precision; they keep whole percents (34%, 33%, 33%).
func roundShares(sh []share) {
	unequal := func() bool {
		for i := range sh {
			for j := range sh {
				if math.Abs(sh[i].p-sh[j].p) < 1e-12 && sh[i].tenth != sh[j].tenth {
					return true
				}
			}
		}
		return false
	}
	largestRemainder(sh, 10)
	if !unequal() {
		return
	}
	largestRemainder(sh, 1)
	if unequal() {
		largestRemainder(sh, 10)
	}
}

// largestRemainder rounds 1000·p down to multiples of unit (tenths of a
// percent) and hands the remaining units to the largest remainders.
func largestRemainder(sh []share, unit int) {
	total := 0
	for i := range sh {
		sh[i].tenth = int(math.Floor(1000*sh[i].p/float64(unit)+1e-9)) * unit
		total += sh[i].tenth
	}
	for total < 1000 {
		best, rem := -1, -1.0
		for i := range sh {
			if r := 1000*sh[i].p - float64(sh[i].tenth); r > rem+1e-9 {
				best, rem = i, r
			}
		}
		if best < 0 {
			return
		}
		sh[best].tenth += unit
		total += unit
	}
}

type summaryBar struct {
	y      float64
	total  int
	shares []share
}

type summaryPlotter struct {
	bars   []summaryBar
	styles map[mmat.Answer]answerStyle
	text   draw.TextStyle
}

func (s *summaryPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	h := (trY(1) - trY(0)) * 0.35
	outline := draw.LineStyle{Color: color.Black, Width: vg.Points(0.6)}
	ts := s.text
	ts.Font.Size = p.Legend.TextStyle.Font.Size // as laid out for the figure's size
	ts.XAlign, ts.YAlign = draw.XCenter, draw.YCenter
	for _, b := range s.bars {
		y := trY(b.y)
		x0 := 0.0
		for _, sh := range b.shares {
			x1 := x0 + sh.p
			r := vg.Rectangle{Min: vg.Point{X: trX(x0), Y: y - h}, Max: vg.Point{X: trX(x1), Y: y + h}}
			c.SetColor(s.styles[sh.a].fill)
			c.Fill(r.Path())
			c.SetLineStyle(outline)
			c.Stroke(r.Path())
			lbl := sh.label()
			if b.total <= 2 {
				lbl = strconv.Itoa(sh.n) + " of " + strconv.Itoa(b.total)
			}
			if sym := s.styles[sh.a].symbol; sym != "" {
				lbl = sym + " " + lbl
			}
			if ts.Width(lbl)+vg.Points(4) <= r.Size().X {
				c.FillText(ts, vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: y}, lbl)
			}
			x0 = x1
		}
	}
}
