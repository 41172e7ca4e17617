package effect

import "fmt"

// ThresholdRule says which scores count as an event relative to a
// threshold.
type ThresholdRule int

// Threshold rules.
const (
	AtLeast ThresholdRule = iota // score ≥ threshold
	Above                        // score > threshold
	AtMost                       // score ≤ threshold
	Below                        // score < threshold
)

// String returns the rule as an operator.
func (r ThresholdRule) String() string {
	switch r {
	case AtLeast:
		return ">="
	case Above:
		return ">"
	case AtMost:
		return "<="
	case Below:
		return "<"
	}
	return fmt.Sprintf("ThresholdRule(%d)", int(r))
}

// TableFromScores builds the 2×2 table of a binary outcome from the scored
// outcomes of the two arms: a participant has the event when event(score)
// is true. Use it with an instrument's band (for example "not lonely" on the
// UCLA-3: event = func(s float64) bool { return s <= 5 }) or any other
// responder definition. InBand builds such a predicate for a closed range.
//
// Every score must be finite: a NaN (missing) score is an error naming the
// arm and index, because silently dropping or counting it would change the
// analysis; impute or remove missing outcomes before building the table.
func TableFromScores(treat, control []float64, event func(score float64) bool) (Table2x2, error) {
	if event == nil {
		return Table2x2{}, fieldErr("event", nil, "predicate must not be nil")
	}
	if len(treat) == 0 {
		return Table2x2{}, fieldErr("treat", len(treat), "no scores")
	}
	if len(control) == 0 {
		return Table2x2{}, fieldErr("control", len(control), "no scores")
	}
	t := Table2x2{TreatN: len(treat), ControlN: len(control)}
	for i, s := range treat {
		if !designFinite(s) {
			return Table2x2{}, fieldErr(fmt.Sprintf("treat[%d]", i), s, "score must be finite")
		}
		if event(s) {
			t.TreatEvents++
		}
	}
	for i, s := range control {
		if !designFinite(s) {
			return Table2x2{}, fieldErr(fmt.Sprintf("control[%d]", i), s, "score must be finite")
		}
		if event(s) {
			t.ControlEvents++
		}
	}
	return t, nil
}

// TableFromThreshold builds the 2×2 table counting as events the scores
// that satisfy rule against threshold (for example AtLeast 6 on the UCLA-3
// for "lonely"). See TableFromScores for the treatment of missing scores.
func TableFromThreshold(treat, control []float64, threshold float64, rule ThresholdRule) (Table2x2, error) {
	if !designFinite(threshold) {
		return Table2x2{}, fieldErr("threshold", threshold, "must be finite")
	}
	var event func(float64) bool
	switch rule {
	case AtLeast:
		event = func(s float64) bool { return s >= threshold }
	case Above:
		event = func(s float64) bool { return s > threshold }
	case AtMost:
		event = func(s float64) bool { return s <= threshold }
	case Below:
		event = func(s float64) bool { return s < threshold }
	default:
		return Table2x2{}, fieldErr("rule", rule, "unknown threshold rule")
	}
	return TableFromScores(treat, control, event)
}

// InBand returns a predicate that is true for scores in the closed range
// [lower, upper], for use with TableFromScores.
func InBand(lower, upper float64) func(float64) bool {
	return func(s float64) bool { return lower <= s && s <= upper }
}
