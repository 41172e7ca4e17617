package effect

import (
	"fmt"
	"math"
)

// Rules names a set of conventional magnitude labels for standardized
// mean differences.
type Rules int

// Magnitude rules. Each is applied to |d|, with left-closed bins (a value
// on a boundary takes the larger label), exactly as effectsize 0.8.3's
// interpret_cohens_d.
const (
	// Cohen1988: < 0.2 "very small", < 0.5 "small", < 0.8 "medium",
	// else "large" (Cohen 1988, pp. 25–27).
	Cohen1988 Rules = iota
	// Sawilowsky2009: < 0.1 "tiny", < 0.2 "very small", < 0.5 "small",
	// < 0.8 "medium", < 1.2 "large", < 2 "very large", else "huge".
	// Sawilowsky (2009) names d = 0.01 "very small"; the 0.1 boundary for
	// "tiny" is effectsize's binning, which we reproduce.
	Sawilowsky2009
	// GignacSzodorai2016: d is converted to r = d/√(d² + 4) and labelled
	// < 0.1 "very small", < 0.2 "small", < 0.3 "moderate", else "large"
	// (Gignac & Szodorai 2016; effectsize interpret_cohens_d(rules =
	// "gignac2016")). In d units the boundaries are 0.2010, 0.4082 and
	// 0.6290.
	GignacSzodorai2016
	// Lovakov2021: < 0.15 "very small", < 0.36 "small", < 0.65 "medium",
	// else "large" (Lovakov & Agadullina 2021).
	Lovakov2021
)

// String returns effectsize's name for the rules.
func (r Rules) String() string {
	switch r {
	case Cohen1988:
		return "cohen1988"
	case Sawilowsky2009:
		return "sawilowsky2009"
	case GignacSzodorai2016:
		return "gignac2016"
	case Lovakov2021:
		return "lovakov2021"
	}
	return fmt.Sprintf("Rules(%d)", int(r))
}

// Magnitude returns the conventional label of a standardized mean
// difference under rules. The sign is ignored. These labels are
// conventions, not judgements of clinical importance.
func Magnitude(d float64, rules Rules) (string, error) {
	if math.IsNaN(d) {
		return "", fieldErr("d", d, "must not be NaN")
	}
	x := math.Abs(d)
	var bounds []float64
	var labels []string
	switch rules {
	case Cohen1988:
		bounds, labels = []float64{0.2, 0.5, 0.8}, []string{"very small", "small", "medium", "large"}
	case Sawilowsky2009:
		bounds, labels = []float64{0.1, 0.2, 0.5, 0.8, 1.2, 2}, []string{"tiny", "very small", "small", "medium", "large", "very large", "huge"}
	case GignacSzodorai2016:
		if math.IsInf(x, 1) {
			x = 1
		} else {
			x = x / math.Sqrt(x*x+4)
		}
		bounds, labels = []float64{0.1, 0.2, 0.3}, []string{"very small", "small", "moderate", "large"}
	case Lovakov2021:
		bounds, labels = []float64{0.15, 0.36, 0.65}, []string{"very small", "small", "medium", "large"}
	default:
		return "", fieldErr("rules", rules, "unknown rules")
	}
	for i, b := range bounds {
		if x < b {
			return labels[i], nil
		}
	}
	return labels[len(labels)-1], nil
}
