package meta

import (
	"fmt"
	"math"
	"strings"

	"github.com/tiesproject/ties/effect"
)

// sentinel is an error of this package that also wraps
// effect.ErrInvalidInput, so that errors.Is(err, effect.ErrInvalidInput)
// holds for every refusal of the input, whichever sentinel names it.
type sentinel struct{ msg string }

func (e *sentinel) Error() string { return e.msg }
func (e *sentinel) Unwrap() error { return effect.ErrInvalidInput }

// Sentinel errors. Errors caused by a study's data or by an option are
// *effect.FieldError values whose Err is one of these; every one of them
// also wraps effect.ErrInvalidInput. Test with errors.Is.
var (
	// ErrInvalidInput is wrapped by errors about a study's value or
	// variance and about invalid options.
	ErrInvalidInput error = &sentinel{"meta: invalid input"}
	// ErrTooFewStudies is wrapped when there are fewer studies than the
	// analysis needs: one to pool, two for Knapp-Hartung, three for
	// Egger's test and trim-and-fill.
	ErrTooFewStudies error = &sentinel{"meta: too few studies"}
	// ErrSubgroup is wrapped when subgroup labels are missing or when only
	// one subgroup is present.
	ErrSubgroup error = &sentinel{"meta: invalid subgroups"}
	// ErrMixedMeasures is wrapped when studies carry different measures.
	ErrMixedMeasures error = &sentinel{"meta: studies use different measures"}
	// ErrMixedOrientation is wrapped when some studies are oriented
	// (Estimate.Oriented: positive favours the intervention) and others
	// are not: their signs mean different things and cannot be pooled.
	ErrMixedOrientation error = &sentinel{"meta: oriented and unoriented studies"}
	// ErrNoConvergence is effect.ErrNoConvergence: an iterative search did
	// not reach its tolerance within MaxIter iterations.
	ErrNoConvergence = effect.ErrNoConvergence
)

// studyErr is the positioned error about study i: Record names it by its
// position (from 1) and label.
func studyErr(i int, st Study, field string, value any, reason string, sentinel error) error {
	if sentinel == nil {
		sentinel = ErrInvalidInput
	}
	return &effect.FieldError{Record: studyName(i, st), Field: field, Value: value, Reason: reason, Err: sentinel}
}

// studyName is "study 3 (\"Smith 2010\")", or "study 3" without a label.
func studyName(i int, st Study) string {
	if st.Label == "" {
		return fmt.Sprintf("study %d", i+1)
	}
	return fmt.Sprintf("study %d (%q)", i+1, st.Label)
}

func optionErr(field string, value any, reason string) error {
	return &effect.FieldError{Field: field, Value: value, Reason: reason, Err: ErrInvalidInput}
}

func tooFew(k, need int, what string) error {
	return fmt.Errorf("%w: %s needs at least %d, got %d", ErrTooFewStudies, what, need, k)
}

// common is what every study of an analysis shares.
type common struct {
	measure  effect.Measure
	oriented bool
}

// validate checks every study. It returns what the studies share, or the
// first error (naming the study).
func validate(studies []Study) (common, error) {
	var c common
	for i, s := range studies {
		switch {
		case math.IsNaN(s.Value) || math.IsInf(s.Value, 0):
			return common{}, studyErr(i, s, "Value", s.Value, "must be finite", nil)
		case math.IsNaN(s.Variance) || math.IsInf(s.Variance, 0):
			return common{}, studyErr(i, s, "Variance", s.Variance, "must be finite", nil)
		case s.Variance <= 0:
			return common{}, studyErr(i, s, "Variance", s.Variance, "must be positive", nil)
		}
		if i == 0 {
			c = common{measure: s.Measure, oriented: s.Oriented}
		} else if s.Measure != c.measure {
			return common{}, studyErr(i, s, "Measure", s.Measure,
				fmt.Sprintf("differs from %s (%v)", studyName(0, studies[0]), c.measure), ErrMixedMeasures)
		}
	}
	for i, s := range studies {
		if s.Oriented != c.oriented {
			return common{}, studyErr(i, s, "Oriented", s.Oriented, mixedOrientation(studies), ErrMixedOrientation)
		}
	}
	return c, nil
}

// mixedOrientation names the oriented and the unoriented studies.
func mixedOrientation(studies []Study) string {
	var yes, no []string
	for i, s := range studies {
		if s.Oriented {
			yes = append(yes, studyName(i, s))
		} else {
			no = append(no, studyName(i, s))
		}
	}
	return fmt.Sprintf("oriented (positive favours the intervention): %s; not oriented (intervention minus control): %s; "+
		"turn every study with Estimate.Favoring, or none", list(yes), list(no))
}

// list joins at most eight names.
func list(names []string) string {
	const most = 8
	if len(names) > most {
		return strings.Join(names[:most], ", ") + fmt.Sprintf(" and %d more", len(names)-most)
	}
	return strings.Join(names, ", ")
}

// settings are validated options with defaults filled in.
type settings struct {
	method     Method
	kh, adhoc  bool
	level      float64
	prediction PredictionMethod
	tol        float64
	maxIter    int
	// which options were set, so that an analysis can refuse those it
	// cannot use rather than ignore them
	tolSet, maxIterSet bool
}

// fixedUnused refuses Tol (and MaxIter unless the analysis iterates
// itself, as trim-and-fill does) with the fixed-effect method, which has
// no iterative estimator and no Q-profile interval.
func (s settings) fixedUnused(iterates bool) error {
	if s.method != FixedEffect {
		return nil
	}
	const why = "the fixed-effect method has no iterative tau² estimator or Q-profile interval; leave it 0"
	if s.tolSet {
		return optionErr("Options.Tol", s.tol, why)
	}
	if s.maxIterSet && !iterates {
		return optionErr("Options.MaxIter", s.maxIter, why)
	}
	return nil
}

func (o *Options) settings() (settings, error) {
	s := settings{level: 0.95, tol: 1e-10, maxIter: 1000}
	if o == nil {
		return s, nil
	}
	if o.Method < REML || o.Method > SidikJonkman {
		return s, optionErr("Options.Method", o.Method, "unknown method")
	}
	s.method = o.Method
	s.kh = o.KnappHartung || o.AdHoc
	s.adhoc = o.AdHoc
	if o.Level != 0 {
		if !(o.Level > 0 && o.Level < 1) {
			return s, optionErr("Options.Level", o.Level, "must lie in (0, 1)")
		}
		s.level = o.Level
	}
	if o.Prediction < PredictDefault || o.Prediction > PredictRiley {
		return s, optionErr("Options.Prediction", o.Prediction, "unknown prediction type")
	}
	s.prediction = o.Prediction
	if o.Tol != 0 {
		if !(o.Tol > 0 && o.Tol < 1) {
			return s, optionErr("Options.Tol", o.Tol, "must lie in (0, 1)")
		}
		s.tol, s.tolSet = o.Tol, true
	}
	if o.MaxIter != 0 {
		if o.MaxIter < 0 {
			return s, optionErr("Options.MaxIter", o.MaxIter, "must be positive")
		}
		s.maxIter, s.maxIterSet = o.MaxIter, true
	}
	return s, nil
}
