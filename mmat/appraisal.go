package mmat

import "sort"

// Rating is the answer to one criterion with the reviewer's comment.
// A zero Rating (NotRated, no comment) carries no information; the readers
// never create one and writers drop it.
type Rating struct {
	Answer  Answer `json:"answer,omitempty"`
	Comment string `json:"comment,omitempty"`
}

// Appraisal is one rater's MMAT 2018 appraisal of one study.
//
// Ratings is keyed by criterion identifier ("S1", "S2", "1.1" ... "5.5").
// A study is appraised on the screening questions and the five criteria of
// its Category. A mixed-methods study (Category 5) is appraised on 5.1-5.5,
// on 1.1-1.5 for its qualitative component and on the five criteria of the
// quantitative category chosen by the reviewer, recorded in Component (RCT,
// NonRandomized or Descriptive); Component is 0 for other categories.
type Appraisal struct {
	Study     string            `json:"study"`
	Rater     string            `json:"rater,omitempty"`
	Category  Category          `json:"category"`
	Component Category          `json:"component,omitempty"`
	Ratings   map[string]Rating `json:"ratings,omitempty"`
}

// Set records an answer and comment for criterion id, creating Ratings if
// needed. It does not validate; see Validate.
func (a *Appraisal) Set(id string, ans Answer, comment string) {
	if a.Ratings == nil {
		a.Ratings = make(map[string]Rating)
	}
	a.Ratings[id] = Rating{Answer: ans, Comment: comment}
}

// Answer returns the answer recorded for criterion id, or NotRated.
func (a *Appraisal) Answer(id string) Answer { return a.Ratings[id].Answer }

// Blocks returns the categories whose criteria apply to the study, in MMAT
// order: the category itself, or for mixed methods Qualitative, the
// quantitative Component (if valid) and MixedMethods. It is nil for an
// invalid category.
func (a *Appraisal) Blocks() []Category {
	switch {
	case a.Category == MixedMethods:
		if a.Component.Quantitative() {
			return []Category{Qualitative, a.Component, MixedMethods}
		}
		return []Category{Qualitative, MixedMethods}
	case a.Category.Valid():
		return []Category{a.Category}
	}
	return nil
}

// Criteria returns the criteria that apply to the study, in MMAT order:
// S1, S2, then the criteria of each block (see Blocks). This is the row of a
// traffic-light grid for this study.
func (a *Appraisal) Criteria() []Criterion {
	out := ScreeningCriteria()
	for _, c := range a.Blocks() {
		out = append(out, CategoryCriteria(c)...)
	}
	return out
}

// ScreenedOut reports whether S1 or S2 was answered No or Can't tell. The
// MMAT user guide then advises that further appraisal may not be feasible
// or appropriate (the paper may not be an empirical study): such a study is
// "not appraisable further", its criteria are optional and summaries leave
// it out unless asked.
func (a *Appraisal) ScreenedOut() bool {
	for _, id := range [...]string{"S1", "S2"} {
		switch a.Ratings[id].Answer {
		case No, CantTell:
			return true
		}
	}
	return false
}

// ratedIDs returns the keys of Ratings sorted in MMAT order, unknown
// identifiers last in lexical order.
func (a *Appraisal) ratedIDs() []string {
	ids := make([]string, 0, len(a.Ratings))
	for id := range a.Ratings {
		ids = append(ids, id)
	}
	sortIDs(ids)
	return ids
}

func sortIDs(ids []string) {
	sort.Slice(ids, func(i, j int) bool {
		oi, oj := order(ids[i]), order(ids[j])
		switch {
		case oi >= 0 && oj >= 0:
			return oi < oj
		case oi >= 0:
			return true
		case oj >= 0:
			return false
		}
		return ids[i] < ids[j]
	})
}
