package mmat

// Grid is the study-by-criterion layout of a traffic-light plot (one row per
// appraisal, one column per criterion). It is the stable interface the plot
// package draws from.
type Grid struct {
	// Studies and Raters label the rows, in input order.
	Studies []string
	Raters  []string
	// Criteria are the columns: S1 and S2 (unless omitted), then every
	// criterion that applies to at least one row, in MMAT order.
	Criteria []Criterion
	// Answers[i][j] is row i's answer to Criteria[j]; NotRated when not
	// answered or not applicable.
	Answers [][]Answer
	// Applies[i][j] reports whether Criteria[j] belongs to row i's
	// category (or components), so that "not applicable" (blank) can be
	// drawn differently from "not rated" (e.g. after a failed screening).
	Applies [][]bool
}

// GridOptions adjusts NewGrid. The nil value keeps the screening columns.
type GridOptions struct {
	// OmitScreening drops the S1 and S2 columns.
	OmitScreening bool
}

// NewGrid lays out appraisals as a grid. Rows keep the input order (robvis
// stopped sorting studies for the same reason: the review's order is
// meaningful). To draw one figure per category, as most reviews do, pass
// the appraisals of one category at a time.
func NewGrid(apps []Appraisal, o *GridOptions) Grid {
	var opt GridOptions
	if o != nil {
		opt = *o
	}
	used := make([]bool, len(criteria))
	if !opt.OmitScreening {
		used[0], used[1] = true, true
	}
	for i := range apps {
		for _, c := range apps[i].Blocks() {
			for _, cr := range CategoryCriteria(c) {
				used[order(cr.ID)] = true
			}
		}
	}
	g := Grid{
		Studies: make([]string, len(apps)),
		Raters:  make([]string, len(apps)),
		Answers: make([][]Answer, len(apps)),
		Applies: make([][]bool, len(apps)),
	}
	for j, u := range used {
		if u {
			g.Criteria = append(g.Criteria, criteria[j])
		}
	}
	for i := range apps {
		a := &apps[i]
		g.Studies[i], g.Raters[i] = a.Study, a.Rater
		row := make([]Answer, len(g.Criteria))
		app := make([]bool, len(g.Criteria))
		applies := map[Category]bool{}
		for _, c := range a.Blocks() {
			applies[c] = true
		}
		for j, cr := range g.Criteria {
			row[j] = a.Answer(cr.ID)
			app[j] = cr.Screening() || applies[cr.Category]
		}
		g.Answers[i], g.Applies[i] = row, app
	}
	return g
}

// CriterionCount tallies the answers to one criterion over a set of
// appraisals.
type CriterionCount struct {
	Criterion         Criterion
	Yes, No, CantTell int
	NotRated          int // appraisals to which the criterion applies that left it unanswered
}

// Rated returns Yes + No + CantTell.
func (c CriterionCount) Rated() int { return c.Yes + c.No + c.CantTell }

// Count returns the count of answer a (NotRated included).
func (c CriterionCount) Count(a Answer) int {
	switch a {
	case Yes:
		return c.Yes
	case No:
		return c.No
	case CantTell:
		return c.CantTell
	case NotRated:
		return c.NotRated
	}
	return 0
}

// Share returns the proportion of rated appraisals answering a (Yes, No or
// CantTell), unweighted: the segment length of a summary bar. It is NaN when
// nothing was rated.
func (c CriterionCount) Share(a Answer) float64 {
	n := c.Rated()
	if n == 0 || !a.Valid() {
		return nan()
	}
	return float64(c.Count(a)) / float64(n)
}

// NotMet returns No + CantTell: the MMAT reporting convention counts
// Can't tell as not met (Hong et al. 2018).
func (c CriterionCount) NotMet() int { return c.No + c.CantTell }

// CountCriteria tallies answers per criterion over apps, for the columns of
// NewGrid(apps, o) and in the same order. Each appraisal counts only for the
// criteria that apply to it. This is the data of a summary bar plot (share
// of Yes / Can't tell / No per criterion).
func CountCriteria(apps []Appraisal, o *GridOptions) []CriterionCount {
	g := NewGrid(apps, o)
	out := make([]CriterionCount, len(g.Criteria))
	for j, cr := range g.Criteria {
		out[j].Criterion = cr
		for i := range g.Answers {
			if !g.Applies[i][j] {
				continue
			}
			switch g.Answers[i][j] {
			case Yes:
				out[j].Yes++
			case No:
				out[j].No++
			case CantTell:
				out[j].CantTell++
			default:
				out[j].NotRated++
			}
		}
	}
	return out
}
