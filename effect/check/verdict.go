package check

import (
	"fmt"
	"strings"
)

// Verdict is the outcome of checking one reported value.
type Verdict int

// Verdicts. NotCheckable is the zero value: nothing was checked.
const (
	NotCheckable Verdict = iota // an input the check needs is missing
	Consistent                  // some convention reproduces the value within rounding
	Inconsistent                // no convention reproduces it
)

var verdictNames = [...]string{NotCheckable: "not checkable", Consistent: "consistent", Inconsistent: "inconsistent"}

func (v Verdict) String() string {
	if v < 0 || int(v) >= len(verdictNames) {
		return fmt.Sprintf("Verdict(%d)", int(v))
	}
	return verdictNames[v]
}

// CIMethod names the interval a reported CI is compared with.
type CIMethod int

// Interval methods for the CI checks.
const (
	NoCI CIMethod = iota // a point estimate, not an interval
	// WaldCI is estimate ± z·√v with v = 1/n1 + 1/n2 + est²/(2N), the
	// large-sample variance of Hedges & Olkin (1985, eq. 5.15) with the
	// estimate itself plugged in: for g it is metafor's default (vtype
	// "LS"), for d the usual Wald interval.
	WaldCI
	// WaldLS2 is J times the Wald interval for d, i.e. g ± z·J·√(1/n1 +
	// 1/n2 + d²/(2N)) (metafor vtype "LS2"; compute.es). Only for g.
	WaldLS2
	// ExactCI is the noncentral-t interval for d (Steiger & Fouladi 1997;
	// MBESS ci.smd), times J for g (effectsize hedges_g).
	ExactCI
)

var ciMethodNames = [...]string{NoCI: "", WaldCI: "Wald", WaldLS2: "Wald (LS2)", ExactCI: "noncentral t"}

func (m CIMethod) String() string {
	if m < 0 || int(m) >= len(ciMethodNames) {
		return fmt.Sprintf("CIMethod(%d)", int(m))
	}
	return ciMethodNames[m]
}

// Match is one convention (and, for intervals, one interval method) that
// reproduces a reported value.
type Match struct {
	Convention Convention
	Method     CIMethod
}

func (m Match) String() string {
	if m.Method == NoCI {
		return m.Convention.String()
	}
	return m.Convention.String() + " [" + m.Method.String() + "]"
}

// Finding is the verdict on one reported quantity (an effect size or its
// CI).
type Finding struct {
	Verdict Verdict
	// Matches lists every convention that reproduces the reported value
	// (Verdict == Consistent), in the order of Conventions.
	Matches []Match
	// Closest is the convention whose interval comes nearest to the
	// reported value when Verdict == Inconsistent, and Gap the distance on
	// the d scale between the reported value's rounding interval and that
	// convention's interval (for a CI, the larger of the two ends' gaps).
	Closest Match
	Gap     float64
	// Gross is true when Gap ≥ Options.GrossGap (0.1 by default, the
	// threshold of Gøtzsche et al. 2007).
	Gross bool
	// Reason says what is missing when Verdict == NotCheckable, or adds a
	// note (such as a reported label that no matching convention carries).
	Reason string
}

// Summary returns the verdict with its matches or gap, as a table cell.
func (f Finding) Summary() string {
	switch f.Verdict {
	case Consistent:
		ms := make([]string, len(f.Matches))
		for i, m := range f.Matches {
			ms[i] = m.String()
		}
		return "consistent: " + strings.Join(ms, "; ")
	case Inconsistent:
		s := fmt.Sprintf("inconsistent: closest %s, gap %.3g", f.Closest, f.Gap)
		if f.Gross {
			s += " (gross)"
		}
		return s
	}
	if f.Reason != "" {
		return "not checkable: " + f.Reason
	}
	return "not checkable"
}
