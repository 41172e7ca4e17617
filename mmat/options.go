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

// The options of Validate, Summarize (with Appraisal.Summary and Select)
// and SummarizeByType are three types, each holding only the fields its
// functions use, so that no field is silently ignored: the percentage rule
// MixedScore means nothing to Validate or to the per-type tallies, and
// IncludeScreenedOut nothing to a single study's summary. The two
// validation fields appear in all three with the same meaning.

// ValidateOptions configures Validate. The nil *ValidateOptions means the
// zero value: screening answers required and 5.5 rated by hand.
type ValidateOptions struct {
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
}

// SummaryOptions configures Summarize, Appraisal.Summary and Select. The
// nil *SummaryOptions means the zero value: screening answers required,
// 5.5 rated by hand, mixed-methods percentages by MixedLowest.
type SummaryOptions struct {
	// ScreeningOptional and Derive55 are the validation rules applied
	// before counting (see ValidateOptions).
	ScreeningOptional bool
	Derive55          bool
	// MixedScore selects the percentage rule for mixed-methods studies;
	// a value other than MixedLowest or MixedAll is an ErrInvalidInput in
	// every summary's Err.
	MixedScore MixedScore
}

// TypeSummaryOptions configures SummarizeByType. The nil
// *TypeSummaryOptions means the zero value: screening answers required,
// 5.5 rated by hand and screened-out studies listed only in the
// ScreenedOut column.
type TypeSummaryOptions struct {
	// ScreeningOptional and Derive55 are the validation rules applied
	// before tallying (see ValidateOptions).
	ScreeningOptional bool
	Derive55          bool
	// IncludeScreenedOut counts screened-out studies in the tallies like
	// other studies (their unanswered criteria as NotRated) as well as in
	// the ScreenedOut column.
	IncludeScreenedOut bool
}

func (o *ValidateOptions) orDefault() ValidateOptions {
	if o == nil {
		return ValidateOptions{}
	}
	return *o
}

func (o *SummaryOptions) orDefault() SummaryOptions {
	if o == nil {
		return SummaryOptions{}
	}
	return *o
}

func (o *TypeSummaryOptions) orDefault() TypeSummaryOptions {
	if o == nil {
		return TypeSummaryOptions{}
	}
	return *o
}

func (o SummaryOptions) validation() ValidateOptions {
	return ValidateOptions{ScreeningOptional: o.ScreeningOptional, Derive55: o.Derive55}
}

func (o TypeSummaryOptions) validation() ValidateOptions {
	return ValidateOptions{ScreeningOptional: o.ScreeningOptional, Derive55: o.Derive55}
}

// check returns an ErrInvalidInput naming MixedScore when it is not one of
// the two rules.
func (o SummaryOptions) check() error {
	if o.MixedScore != MixedLowest && o.MixedScore != MixedAll {
		return fieldError(0, "", "", "", "SummaryOptions.MixedScore", int(o.MixedScore), ErrInvalidInput, "use MixedLowest or MixedAll")
	}
	return nil
}
