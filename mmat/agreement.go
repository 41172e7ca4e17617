package mmat

import (
	"fmt"
)

// AgreementOptions configures Agree. The nil value means unweighted kappa
// and AC1 only, 95% intervals.
type AgreementOptions struct {
	// Weights requests a weighted kappa (Linear or Quadratic) over the
	// ordered answers Yes > Can't tell > No, in addition to the unweighted
	// kappa. The order is an analyst's assumption, not part of the MMAT.
	Weights Weights
	// Level of the confidence intervals; 0 means 0.95.
	Level float64
}

// Agreement describes how two raters agree on a set of (study, criterion)
// pairs.
type Agreement struct {
	// Criterion is the criterion identifier, or "" for a pooled result.
	Criterion string
	// Category is set for the per-category results (ByCategory): the
	// criteria x.1-x.5 of category x pooled. It is 0 otherwise.
	Category Category
	// N is the number of pairs answered by both raters.
	N int
	// Excluded counts pairs where the criterion applies for at least one
	// rater but one or both left it unanswered (e.g. after a failed
	// screening, or when the raters chose different categories). They are
	// not in Table.
	Excluded int
	// Table is the confusion table, rows rater A and columns rater B, in
	// the order of Answers(): Yes, Can't tell, No. Unused answers keep
	// their rows, so the vocabulary never depends on the data.
	Table [3][3]int
	// PercentAgreement is 100 × the proportion of pairs with the same
	// answer (NaN when N = 0).
	PercentAgreement float64
	// Kappa is Cohen's unweighted kappa; Weighted is the weighted kappa
	// when AgreementOptions.Weights asked for one (otherwise its values
	// are NaN and its Err says it was not requested); AC1 is Gwet's AC1
	// over the three answers. Each carries its own Err (ErrUndefined) when
	// undefined, e.g. kappa when every pair is Yes/Yes.
	Kappa, Weighted, AC1 Coefficient
}

// AgreementReport holds the agreement between two raters per criterion
// and pooled over all criteria.
type AgreementReport struct {
	// Studies lists the studies appraised by both raters, in the order of
	// the first rater's appraisals.
	Studies []string
	// OnlyA and OnlyB list studies appraised by one rater only.
	OnlyA, OnlyB []string
	// CategoryDiffers lists studies the raters put in different
	// categories (or mixed-methods components); their criteria that only
	// one rater answered are Excluded.
	CategoryDiffers []string
	// Overall pools every (study, criterion) pair, S1/S2 included.
	Overall Agreement
	// ByCriterion has one entry per criterion with at least one pair
	// (answered or excluded), in MMAT order.
	ByCriterion []Agreement
	// ByCategory pools the core criteria of each category (screening
	// questions excluded), for the categories present in ByCriterion, in
	// MMAT order. The 1.x criteria of mixed-methods studies count under
	// Qualitative, their quantitative component under its category.
	ByCategory []Agreement
}

// Agree compares two raters' appraisals of the same studies, matched by
// Study identifier. The unit is one (study, criterion) pair answered by both
// raters. Results are reported per criterion (often
// degenerate with few studies: see Coefficient.Err) and pooled.
//
// Errors: a study listed twice for the same rater (ErrDuplicate), an invalid
// answer value or unknown criterion (ErrInvalidAnswer, ErrUnknownCriterion),
// invalid options (ErrInvalidInput), or no study in common (ErrInvalidInput).
func Agree(a, b []Appraisal, o *AgreementOptions) (AgreementReport, error) {
	var opt AgreementOptions
	if o != nil {
		opt = *o
	}
	level, err := checkLevel(opt.Level)
	if err != nil {
		return AgreementReport{}, err
	}
	if opt.Weights < Unweighted || opt.Weights > Quadratic {
		return AgreementReport{}, fieldError(0, "", "", "", "AgreementOptions.Weights", opt.Weights.String(), ErrInvalidInput, "use Unweighted, Linear or Quadratic")
	}
	ia, err := indexByStudy(a, "A")
	if err != nil {
		return AgreementReport{}, err
	}
	ib, err := indexByStudy(b, "B")
	if err != nil {
		return AgreementReport{}, err
	}
	var rep AgreementReport
	tables := make([][3][3]int, len(criteria))
	excl := make([]int, len(criteria))
	seen := make([]bool, len(criteria))
	for i := range a {
		x := &a[i]
		j, ok := ib[x.Study]
		if !ok {
			rep.OnlyA = append(rep.OnlyA, x.Study)
			continue
		}
		y := &b[j]
		rep.Studies = append(rep.Studies, x.Study)
		if x.Category != y.Category || x.Component != y.Component {
			rep.CategoryDiffers = append(rep.CategoryDiffers, x.Study)
		}
		// Criteria that apply for either rater, plus anything answered.
		var ids [27]bool
		ids[0], ids[1] = true, true
		for _, ap := range [2]*Appraisal{x, y} {
			for _, c := range ap.Blocks() {
				for k := 0; k < 5; k++ {
					ids[2+5*(int(c)-1)+k] = true
				}
			}
			for id := range ap.Ratings {
				k := order(id)
				if k < 0 {
					return AgreementReport{}, fieldError(0, "", x.Study, ap.Rater, id, nil, ErrUnknownCriterion, "")
				}
				ids[k] = true
			}
		}
		for k, use := range ids {
			if !use {
				continue
			}
			id := criteria[k].ID
			ra, rb := x.Answer(id), y.Answer(id)
			for _, p := range [...]struct {
				ans   Answer
				rater string
			}{{ra, x.Rater}, {rb, y.Rater}} {
				if p.ans != NotRated && !p.ans.Valid() {
					return AgreementReport{}, fieldError(0, "", x.Study, p.rater, id, p.ans.String(), ErrInvalidAnswer, "")
				}
			}
			seen[k] = true
			if ra == NotRated || rb == NotRated {
				excl[k]++
				continue
			}
			tables[k][answerIndex(ra)][answerIndex(rb)]++
		}
	}
	for i := range b {
		if _, ok := ia[b[i].Study]; !ok {
			rep.OnlyB = append(rep.OnlyB, b[i].Study)
		}
	}
	if len(rep.Studies) == 0 {
		return rep, fieldError(0, "", "", "", "", nil, ErrInvalidInput, "no study appraised by both raters")
	}
	var total [3][3]int
	totalExcl := 0
	var byCat [6][3][3]int
	var catExcl [6]int
	var catSeen [6]bool
	for k := range criteria {
		if !seen[k] {
			continue
		}
		ag := agreement(criteria[k].ID, tables[k], excl[k], opt.Weights, level)
		rep.ByCriterion = append(rep.ByCriterion, ag)
		c := criteria[k].Category
		catSeen[c] = true
		for i := range total {
			for j := range total[i] {
				total[i][j] += tables[k][i][j]
				byCat[c][i][j] += tables[k][i][j]
			}
		}
		totalExcl += excl[k]
		catExcl[c] += excl[k]
	}
	for _, c := range Categories() {
		if catSeen[c] {
			ag := agreement("", byCat[c], catExcl[c], opt.Weights, level)
			ag.Category = c
			rep.ByCategory = append(rep.ByCategory, ag)
		}
	}
	rep.Overall = agreement("", total, totalExcl, opt.Weights, level)
	return rep, nil
}

// AgreeRaters splits apps by Rater and calls Agree for raters ra and rb,
// for data where both raters' appraisals sit in one file.
func AgreeRaters(apps []Appraisal, ra, rb string, o *AgreementOptions) (AgreementReport, error) {
	var a, b []Appraisal
	for _, x := range apps {
		switch x.Rater {
		case ra:
			a = append(a, x)
		case rb:
			b = append(b, x)
		}
	}
	if ra == rb || len(a) == 0 || len(b) == 0 {
		return AgreementReport{}, fieldError(0, "", "", "", "", nil, ErrInvalidInput, fmt.Sprintf("need appraisals by two different raters %q and %q", ra, rb))
	}
	return Agree(a, b, o)
}

func indexByStudy(apps []Appraisal, which string) (map[string]int, error) {
	m := make(map[string]int, len(apps))
	for i := range apps {
		if _, dup := m[apps[i].Study]; dup {
			return nil, fieldError(0, "", apps[i].Study, apps[i].Rater, "", nil, ErrDuplicate,
				"study appraised twice by rater "+which)
		}
		m[apps[i].Study] = i
	}
	return m, nil
}

// answerIndex maps Yes, CantTell, No to 0, 1, 2 (the order of Answers()).
func answerIndex(a Answer) int {
	switch a {
	case Yes:
		return 0
	case CantTell:
		return 1
	}
	return 2
}

func agreement(id string, t [3][3]int, excluded int, w Weights, level float64) Agreement {
	ag := Agreement{Criterion: id, Table: t, Excluded: excluded}
	tab := make([][]float64, 3)
	agree := 0
	for i := range t {
		tab[i] = make([]float64, 3)
		for j := range t[i] {
			tab[i][j] = float64(t[i][j])
			ag.N += t[i][j]
		}
		agree += t[i][i]
	}
	if ag.N == 0 {
		u := undefined("no pair answered by both raters", level)
		ag.PercentAgreement = u.Value
		ag.Kappa, ag.AC1 = u, u
		ag.Weighted = u
		if w == Unweighted {
			ag.Weighted = notRequested(level)
		}
		return ag
	}
	ag.PercentAgreement = 100 * float64(agree) / float64(ag.N)
	// The table is valid by construction, so errors cannot occur here.
	ag.Kappa, _ = KappaTable(tab, nil, &AgreementOptions{Level: level})
	ag.AC1, _ = AC1Table(tab, &AgreementOptions{Level: level})
	if w != Unweighted {
		ag.Weighted, _ = KappaTable(tab, nil, &AgreementOptions{Weights: w, Level: level})
	} else {
		ag.Weighted = notRequested(level)
	}
	return ag
}
