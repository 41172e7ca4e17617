package mmat

// MixedScore chooses how the percentage of criteria met is computed for a
// mixed-methods study. Neither is MMAT guidance (the guide advises against
// an overall score); both appear in reviews.
type MixedScore int

const (
	// MixedLowest (default) takes the lowest of the percentages met on
	// the qualitative block (1.x), the quantitative block and the
	// mixed-methods block (5.x), following the guide's remark that a
	// mixed-methods study cannot be rated higher than its weakest
	// component (and the MMAT 2011 scoring rule).
	MixedLowest MixedScore = iota
	// MixedAll counts Yes over all 15 criteria.
	MixedAll
)

// Options configures validation and summaries. The nil *Options means the
// zero value: screening answers required, 5.5 rated by hand, mixed-methods
// percentages by MixedLowest, screened-out studies left out of
// per-type summaries and failing every sensitivity rule.
type Options struct {
	// ScreeningOptional accepts appraisals without S1/S2 answers; a missing
	// screening answer then counts as passed. Many published tables omit
	// the screening rows.
	ScreeningOptional bool
	// Derive55 derives criterion 5.5 of a mixed-methods study from its
	// component ratings instead of requiring it: Yes if every 1.x and
	// quantitative criterion is Yes, No if any is No, otherwise Can't tell
	// (one implementation choice). A hand rating of 5.5
	// is then ignored, with a warning when it differs.
	Derive55 bool
	// MixedScore selects the percentage rule for mixed-methods studies.
	MixedScore MixedScore
	// IncludeScreenedOut counts screened-out studies in SummarizeByType
	// like other studies (their unanswered criteria as NotRated) instead of
	// only in the ScreenedOut column.
	IncludeScreenedOut bool
}

func opts(o *Options) Options {
	if o == nil {
		return Options{}
	}
	return *o
}
