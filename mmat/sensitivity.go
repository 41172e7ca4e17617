package mmat

// Rule decides whether a study is kept in a sensitivity analysis. It sees
// the study's summary (with SummaryOptions applied).
type Rule func(StudySummary) bool

// AtMostNotMet keeps studies with at most k core criteria answered No or
// Can't tell; AtMostNotMet(1) is "all criteria met but one". Screened-out
// and invalid studies fail.
func AtMostNotMet(k int) Rule {
	return func(s StudySummary) bool {
		return s.Err == nil && !s.ScreenedOut && s.NotMet+s.CantTell+s.NotRated <= k
	}
}

// MinPercentMet keeps studies whose PercentMet is at least p (NaN fails).
func MinPercentMet(p float64) Rule {
	return func(s StudySummary) bool {
		return s.Err == nil && !s.ScreenedOut && s.PercentMet+1e-9 >= p
	}
}

// Selection is the outcome of Select for one appraisal.
type Selection struct {
	Summary StudySummary
	Keep    bool
}

// Select applies rule to every appraisal and returns one Selection per
// input, in order, so that a synthesis can be re-run without the weakest
// studies (the sensitivity analysis the MMAT guide suggests in place of
// excluding low-quality studies outright). Use Kept to get the appraisals
// that pass.
func Select(apps []Appraisal, rule Rule, o *SummaryOptions) []Selection {
	out := make([]Selection, len(apps))
	for i, s := range Summarize(apps, o) {
		out[i] = Selection{Summary: s, Keep: rule != nil && rule(s)}
	}
	return out
}

// Kept returns the studies (identifiers, in input order) that sel keeps.
func Kept(sel []Selection) []string {
	var ids []string
	for _, s := range sel {
		if s.Keep {
			ids = append(ids, s.Summary.Study)
		}
	}
	return ids
}
