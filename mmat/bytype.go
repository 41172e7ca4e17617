package mmat

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// TypeSummary is one row of a review's "summary of quality assessments"
// table: the appraisals of one study category, the per-criterion counts,
// and the main weaknesses.
type TypeSummary struct {
	Category Category
	// Studies lists the identifiers of the studies summarised (screened-out
	// ones excluded unless TypeSummaryOptions.IncludeScreenedOut), in input order.
	Studies []string
	// ScreenedOut lists the studies of this category that failed screening
	// ("not appraisable further").
	ScreenedOut []string
	// Criteria holds the counts for S1, S2 and each criterion of the
	// category in MMAT order. For mixed methods it also holds 1.x and the
	// criteria of every quantitative component used.
	Criteria []CriterionCount
	// Weaknesses are the core criteria (not S1/S2) with at least one No or
	// Can't tell, most often not met first: ordered by No + Can't tell
	// (descending), then No (descending), then MMAT order.
	Weaknesses []CriterionCount
}

// SummarizeByType groups appraisals by category (MMAT order; categories
// without studies are omitted) and tallies the answers. Pass one
// appraisal per study (the consensus after cross-checking): a study that
// appears twice is an ErrDuplicate error. Invalid appraisals are an error
// (their validation errors joined). 5.5 is derived when o.Derive55 is set.
func SummarizeByType(apps []Appraisal, o *TypeSummaryOptions) ([]TypeSummary, error) {
	opt := o.orDefault()
	v := opt.validation()
	seen := map[string]bool{}
	var errs []error
	for i := range apps {
		a := &apps[i]
		if seen[a.Study] {
			errs = append(errs, fieldError(0, "", a.Study, "", "", nil, ErrDuplicate, "study appears more than once; pass one appraisal per study"))
		}
		seen[a.Study] = true
		if _, err := a.Validate(&v); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, joinErrs(errs)
	}
	var out []TypeSummary
	for _, cat := range Categories() {
		var ts TypeSummary
		ts.Category = cat
		var members []*Appraisal
		for i := range apps {
			a := &apps[i]
			if a.Category != cat {
				continue
			}
			if a.ScreenedOut() {
				ts.ScreenedOut = append(ts.ScreenedOut, a.Study)
				if !opt.IncludeScreenedOut {
					continue
				}
			}
			ts.Studies = append(ts.Studies, a.Study)
			members = append(members, a)
		}
		if len(ts.Studies) == 0 && len(ts.ScreenedOut) == 0 {
			continue
		}
		used := make([]bool, len(criteria))
		used[0], used[1] = true, true
		blocks := make([][]Category, len(members))
		for m, a := range members {
			blocks[m] = a.Blocks()
			for _, c := range blocks[m] {
				for k := 0; k < 5; k++ {
					used[2+5*(int(c)-1)+k] = true
				}
			}
		}
		if len(members) == 0 {
			for _, cr := range CategoryCriteria(cat) {
				used[order(cr.ID)] = true
			}
		}
		for j, u := range used {
			if !u {
				continue
			}
			cc := CriterionCount{Criterion: criteria[j]}
			for m, a := range members {
				if !cc.Criterion.Screening() && !contains(blocks[m], cc.Criterion.Category) {
					continue
				}
				switch a.effective(cc.Criterion.ID, &v) {
				case Yes:
					cc.Yes++
				case No:
					cc.No++
				case CantTell:
					cc.CantTell++
				default:
					cc.NotRated++
				}
			}
			ts.Criteria = append(ts.Criteria, cc)
			if !cc.Criterion.Screening() && cc.NotMet() > 0 {
				ts.Weaknesses = append(ts.Weaknesses, cc)
			}
		}
		sort.SliceStable(ts.Weaknesses, func(i, j int) bool {
			a, b := ts.Weaknesses[i], ts.Weaknesses[j]
			if a.NotMet() != b.NotMet() {
				return a.NotMet() > b.NotMet()
			}
			return a.No > b.No
		})
		out = append(out, ts)
	}
	return out, nil
}

func contains(cs []Category, c Category) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// MarkdownOptions adjusts WriteMarkdown. The nil value lists up to 3
// weaknesses per row and no study identifiers.
type MarkdownOptions struct {
	// MaxWeaknesses caps the weaknesses listed per row; 0 means 3, a
	// negative value means all.
	MaxWeaknesses int
	// ListStudies adds a column with the study identifiers.
	ListStudies bool
}

// WriteMarkdown writes the per-type summary as a Markdown table with
// columns Study type | Studies | Screened out | Main weaknesses, where each
// weakness reads "2.4 Blinded assessors: 3 No, 1 Can't tell of 5". Cells
// are escaped for Markdown ('|' and line breaks).
func WriteMarkdown(w io.Writer, s []TypeSummary, o *MarkdownOptions) error {
	var opt MarkdownOptions
	if o != nil {
		opt = *o
	}
	max := opt.MaxWeaknesses
	if max == 0 {
		max = 3
	}
	var b strings.Builder
	b.WriteString("| Study type | Studies |")
	if opt.ListStudies {
		b.WriteString(" Study IDs |")
	}
	b.WriteString(" Screened out | Main weaknesses (criteria not met or can't tell) |\n|---|---:|")
	if opt.ListStudies {
		b.WriteString("---|")
	}
	b.WriteString("---:|---|\n")
	for _, ts := range s {
		fmt.Fprintf(&b, "| %s | %d |", mdEscape(ts.Category.String()), len(ts.Studies))
		if opt.ListStudies {
			fmt.Fprintf(&b, " %s |", mdEscape(strings.Join(ts.Studies, "; ")))
		}
		fmt.Fprintf(&b, " %d |", len(ts.ScreenedOut))
		var ws []string
		for k, wk := range ts.Weaknesses {
			if max > 0 && k >= max {
				break
			}
			var parts []string
			if wk.No > 0 {
				parts = append(parts, fmt.Sprintf("%d No", wk.No))
			}
			if wk.CantTell > 0 {
				parts = append(parts, fmt.Sprintf("%d Can't tell", wk.CantTell))
			}
			ws = append(ws, fmt.Sprintf("%s %s: %s of %d", wk.Criterion.ID, wk.Criterion.Label, strings.Join(parts, ", "), wk.Rated()+wk.NotRated))
		}
		if len(ws) == 0 {
			ws = []string{"none"}
		}
		fmt.Fprintf(&b, " %s |\n", mdEscape(strings.Join(ws, "; ")))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdEscape(s string) string {
	r := strings.NewReplacer("|", `\|`, "\r\n", " ", "\n", " ", "\r", " ")
	return r.Replace(s)
}
