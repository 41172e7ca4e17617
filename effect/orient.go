package effect

import "fmt"

// Direction says which end of an outcome scale is the good one. It is a
// property of the instrument (higher UCLA Loneliness scores mean lonelier,
// so LowerIsBetter; higher social-support scores mean more support, so
// HigherIsBetter). It is the one direction type of ties: the measures
// package's instruments and the plot package's figures use it too.
type Direction int

// Directions. The zero value is UnknownDirection, for which Favoring
// leaves an estimate unchanged.
const (
	UnknownDirection Direction = iota
	HigherIsBetter             // higher scores are better (support, network size)
	LowerIsBetter              // lower scores are better (loneliness, distress)
)

// String returns the direction's name.
func (d Direction) String() string {
	switch d {
	case UnknownDirection:
		return "unknown direction"
	case HigherIsBetter:
		return "higher is better"
	case LowerIsBetter:
		return "lower is better"
	}
	return fmt.Sprintf("Direction(%d)", int(d))
}

// Favoring returns the estimate turned so that a positive Value favours
// the intervention, given the direction of the outcome scale.
//
// Every constructor in this package reports intervention minus usual care.
// When lower scores are better (dir == LowerIsBetter) a beneficial
// intervention has a negative Value; Favoring then negates Value, maps
// the interval [L, U] to [−U, −L] (same Level) and sets Oriented. For a
// ratio measure on the log scale, negation is the reciprocal ratio. The
// Variance does not change. When higher scores are better, or dir is
// UnknownDirection, or the estimate is already Oriented, Favoring returns
// e unchanged, so calling it twice never flips the sign back.
func (e Estimate) Favoring(dir Direction) Estimate {
	if dir != LowerIsBetter || e.Oriented {
		return e
	}
	e.Value = -e.Value
	e.CI.Lower, e.CI.Upper = -e.CI.Upper, -e.CI.Lower
	e.Oriented = true
	return e
}

// DirectionFor maps a boolean "higher scores are better" flag to a
// Direction:
// HigherIsBetter when true, LowerIsBetter when false.
func DirectionFor(higherIsBetter bool) Direction {
	if higherIsBetter {
		return HigherIsBetter
	}
	return LowerIsBetter
}
