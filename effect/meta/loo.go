package meta

// Step is one refit of a leave-one-out or cumulative analysis.
type Step struct {
	// Index and Label identify the study left out (LeaveOneOut) or the
	// study added last (Cumulative).
	Index int
	Label string
	// Result is the pooled analysis of the step's studies; Err is non-nil
	// when the step cannot be pooled (for example Knapp-Hartung inference
	// with a single study), and then Result is the zero value.
	Result Result
	Err    error
}

// LeaveOneOut pools the studies k times, each time omitting one, as
// metafor's leave1out(). It returns one Step per study, in input order.
// Invalid input or options give an error and no steps.
func LeaveOneOut(studies []Study, o *Options) ([]Step, error) {
	s, err := o.settings()
	if err != nil {
		return nil, err
	}
	if err := s.fixedUnused(false); err != nil {
		return nil, err
	}
	c, err := validate(studies)
	if err != nil {
		return nil, err
	}
	steps := make([]Step, len(studies))
	sub := make([]Study, 0, len(studies))
	for i, st := range studies {
		sub = append(sub[:0], studies[:i]...)
		sub = append(sub, studies[i+1:]...)
		r, err := pool(sub, c, s)
		steps[i] = Step{Index: i, Label: st.Label, Result: r, Err: err}
	}
	return steps, nil
}

// Cumulative pools the first 1, 2, ..., k studies in input order (sort the
// input, by year for example, first), as metafor's cumul(). It returns one
// Step per study. The first step pools one study, as metafor does
// (tau² = 0, I² = 0, H² = 1); under Knapp-Hartung it has Err wrapping
// ErrTooFewStudies.
func Cumulative(studies []Study, o *Options) ([]Step, error) {
	s, err := o.settings()
	if err != nil {
		return nil, err
	}
	if err := s.fixedUnused(false); err != nil {
		return nil, err
	}
	c, err := validate(studies)
	if err != nil {
		return nil, err
	}
	steps := make([]Step, len(studies))
	for i, st := range studies {
		r, err := pool(studies[:i+1], c, s)
		steps[i] = Step{Index: i, Label: st.Label, Result: r, Err: err}
	}
	return steps, nil
}
