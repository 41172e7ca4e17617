package mmat

import "math"

// StudySummary counts the answers of one appraisal. The counts and the
// percentage are descriptive: the MMAT user guide discourages an overall
// score and asks for the rating of each criterion to be presented
// (Hong et al. 2018). Report them beside the criterion grid, never
// instead of it.
type StudySummary struct {
	Study, Rater        string
	Category, Component Category
	// ScreenedOut: S1 or S2 answered No or Can't tell; the study is not
	// appraisable further and PercentMet is NaN.
	ScreenedOut bool
	// Criteria is the number of core criteria that apply (5, or 15 for
	// mixed methods); screening questions are not counted.
	Criteria int
	// Met (Yes), NotMet (No), CantTell and NotRated over those criteria.
	Met, NotMet, CantTell, NotRated int
	// PercentMet is 100 × Met / Criteria ("Can't tell" counts as not met,
	// as in every review format seen). For mixed
	// methods it follows SummaryOptions.MixedScore. NaN when ScreenedOut or
	// invalid.
	PercentMet float64
	// Err is the validation error of the appraisal, if any; counts are
	// still filled in as far as the data allow.
	Err error
}

// Summarize returns one StudySummary per appraisal, in input order, each
// with its own validation error (nothing is dropped). Invalid options are
// an ErrInvalidInput in every summary's Err.
func Summarize(apps []Appraisal, o *SummaryOptions) []StudySummary {
	out := make([]StudySummary, len(apps))
	for i := range apps {
		out[i] = summarize(&apps[i], o)
	}
	return out
}

// Summary summarises one appraisal (see Summarize).
func (a *Appraisal) Summary(o *SummaryOptions) StudySummary { return summarize(a, o) }

func summarize(a *Appraisal, o *SummaryOptions) StudySummary {
	opt := o.orDefault()
	v := opt.validation()
	err := opt.check()
	if err == nil {
		_, err = a.Validate(&v)
	}
	s := StudySummary{Study: a.Study, Rater: a.Rater, Category: a.Category, Component: a.Component,
		ScreenedOut: a.ScreenedOut(), Err: err, PercentMet: math.NaN()}
	lowest := math.Inf(1)
	for _, c := range a.Blocks() {
		met := 0
		for _, cr := range CategoryCriteria(c) {
			s.Criteria++
			switch a.effective(cr.ID, &v) {
			case Yes:
				s.Met++
				met++
			case No:
				s.NotMet++
			case CantTell:
				s.CantTell++
			default:
				s.NotRated++
			}
		}
		lowest = math.Min(lowest, 100*float64(met)/5)
	}
	// An invalid appraisal (a required criterion unanswered, a criterion
	// of another category, ...) has no percentage: the counts above show
	// what is there, but a score would treat the gaps as "not met".
	if err != nil || s.ScreenedOut || s.Criteria == 0 || (a.Category == MixedMethods && !a.Component.Quantitative()) {
		return s
	}
	if a.Category == MixedMethods && opt.MixedScore == MixedLowest {
		s.PercentMet = lowest
	} else {
		s.PercentMet = 100 * float64(s.Met) / float64(s.Criteria)
	}
	return s
}
