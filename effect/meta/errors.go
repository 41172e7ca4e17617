package meta

import (
	"errors"
	"fmt"
	"math"

	"github.com/tiesproject/ties/effect"
)

// Sentinel errors. Errors caused by a study's data are *StudyError values
// that wrap effect.ErrInvalidInput; test with errors.Is.
var (
	// ErrTooFewStudies is wrapped when there are fewer studies than the
	// analysis needs (two for random-effects models and Knapp-Hartung,
	// three for Egger's test and trim-and-fill, one for a fixed effect).
	ErrTooFewStudies = errors.New("meta: too few studies")
	// ErrSubgroup is wrapped when subgroup labels are missing or when only
	// one subgroup is present.
	ErrSubgroup = errors.New("meta: invalid subgroups")
	// ErrMixedMeasures is wrapped when studies carry different measures.
	ErrMixedMeasures = errors.New("meta: studies use different measures")
	// ErrNoConvergence is effect.ErrNoConvergence: an iterative search did
	// not reach its tolerance within MaxIter iterations.
	ErrNoConvergence = effect.ErrNoConvergence
)

// StudyError names the study (by position and label) whose data cannot be
// pooled. It wraps effect.ErrInvalidInput and, where one applies, a meta
// sentinel (ErrSubgroup, ErrMixedMeasures).
type StudyError struct {
	Index  int    // position in the input, from 0
	Label  string // the study's Label
	Field  string // "Value", "Variance", "Subgroup", "Measure"
	Value  any
	Reason string
	Err    error // a meta sentinel, or nil
}

func (e *StudyError) Error() string {
	return fmt.Sprintf("meta: study %d (%q): %s = %v: %s", e.Index, e.Label, e.Field, e.Value, e.Reason)
}

// Unwrap returns effect.ErrInvalidInput and the meta sentinel, if any.
func (e *StudyError) Unwrap() []error {
	if e.Err != nil {
		return []error{effect.ErrInvalidInput, e.Err}
	}
	return []error{effect.ErrInvalidInput}
}

func tooFew(k, need int, what string) error {
	return fmt.Errorf("%w: %s needs at least %d, got %d", ErrTooFewStudies, what, need, k)
}

// validate checks every study. It returns the studies' common measure, or
// the first error (naming the study).
func validate(studies []Study) (measure effect.Measure, err error) {
	for i, s := range studies {
		switch {
		case math.IsNaN(s.Value) || math.IsInf(s.Value, 0):
			return 0, &StudyError{Index: i, Label: s.Label, Field: "Value", Value: s.Value, Reason: "must be finite"}
		case math.IsNaN(s.Variance) || math.IsInf(s.Variance, 0):
			return 0, &StudyError{Index: i, Label: s.Label, Field: "Variance", Value: s.Variance, Reason: "must be finite"}
		case s.Variance <= 0:
			return 0, &StudyError{Index: i, Label: s.Label, Field: "Variance", Value: s.Variance, Reason: "must be positive"}
		}
		if i == 0 {
			measure = s.Measure
		} else if s.Measure != measure {
			return 0, &StudyError{Index: i, Label: s.Label, Field: "Measure", Value: s.Measure,
				Reason: fmt.Sprintf("differs from study 0 (%v)", measure), Err: ErrMixedMeasures}
		}
	}
	return measure, nil
}

// settings are validated options with defaults filled in.
type settings struct {
	method     Method
	kh, adhoc  bool
	level      float64
	prediction PredictionMethod
	tol        float64
	maxIter    int
}

func (o *Options) settings() (settings, error) {
	s := settings{level: 0.95, tol: 1e-10, maxIter: 1000}
	if o == nil {
		return s, nil
	}
	if o.Method < REML || o.Method > SidikJonkman {
		return s, &effect.FieldError{Field: "Method", Value: o.Method, Reason: "unknown method"}
	}
	s.method = o.Method
	s.kh = o.KnappHartung || o.AdHoc
	s.adhoc = o.AdHoc
	if o.Level != 0 {
		if !(o.Level > 0 && o.Level < 1) {
			return s, &effect.FieldError{Field: "Level", Value: o.Level, Reason: "must lie in (0, 1)"}
		}
		s.level = o.Level
	}
	if o.Prediction < PredictDefault || o.Prediction > PredictRiley {
		return s, &effect.FieldError{Field: "Prediction", Value: o.Prediction, Reason: "unknown prediction type"}
	}
	s.prediction = o.Prediction
	if o.Tol != 0 {
		if !(o.Tol > 0 && o.Tol < 1) {
			return s, &effect.FieldError{Field: "Tol", Value: o.Tol, Reason: "must lie in (0, 1)"}
		}
		s.tol = o.Tol
	}
	if o.MaxIter != 0 {
		if o.MaxIter < 0 {
			return s, &effect.FieldError{Field: "MaxIter", Value: o.MaxIter, Reason: "must be positive"}
		}
		s.maxIter = o.MaxIter
	}
	return s, nil
}
