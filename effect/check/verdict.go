package check

import (
	"fmt"
	"strings"

	"github.com/tiesproject/ties/effect"
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

// WaldVariance names the variance a Wald interval of a standardized mean
// difference was built with. The zero value, LS, is the estimate's own
// large-sample variance.
type WaldVariance int

// Wald variances of the CI checks.
const (
	// LS is estimate ± z·√v with v = 1/n1 + 1/n2 + est²/(2N), the
	// large-sample variance of Hedges & Olkin (1985, eq. 5.15) with the
	// estimate itself plugged in: for g it is metafor's default (vtype
	// "LS"), for d the usual Wald interval. For Glass's Δ and d with the
	// average SD it is their own large-sample variance (see the package
	// documentation).
	LS WaldVariance = iota
	// LS2 is J times the Wald interval for d, i.e. g ± z·J·√(1/n1 + 1/n2 +
	// d²/(2N)) (metafor vtype "LS2"; compute.es). Only for g.
	LS2
	// Shortcut is estimate ± z·√(1/n1 + 1/n2), the standard error papers
	// often use, without the estimate's own term.
	Shortcut
)

var waldVarianceNames = [...]string{LS: "Wald", LS2: "Wald (LS2)", Shortcut: "Wald (no d² term)"}

// String returns the name used in verdicts: "Wald", "Wald (LS2)" or
// "Wald (no d² term)".
func (v WaldVariance) String() string {
	if v < 0 || int(v) >= len(waldVarianceNames) {
		return fmt.Sprintf("WaldVariance(%d)", int(v))
	}
	return waldVarianceNames[v]
}

// Match is one convention (and, for intervals, one interval method) that
// reproduces a reported value.
//
// Method is effect.DefaultCI for a point estimate (no interval),
// effect.Wald or effect.NoncentralT for an interval; Variance says which
// Wald interval.
type Match struct {
	Convention Convention
	Method     effect.CIMethod
	Variance   WaldVariance // for Method == effect.Wald
}

// String returns the convention, followed by the interval method in
// brackets for an interval: "g (exact J) [noncentral t]".
func (m Match) String() string {
	switch m.Method {
	case effect.DefaultCI:
		return m.Convention.String()
	case effect.Wald:
		return m.Convention.String() + " [" + m.Variance.String() + "]"
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
	// Separately is true for an inconsistent CI whose two ends are each
	// reproduced by some point of the rounding box under Closest, but not
	// both by one point (Gap is then 0).
	Separately bool
	// Named is the convention the reported label names (SMDInput.Measure:
	// "d" pooled or average SD, "g" exact or approximate J, "Glass" either
	// arm's SD; as printed, not sign-flipped, SDs read as SDs), the one of
	// those (and, for a CI, of its interval variances) closest to the
	// reported value, and NamedGap its gap (0 when it reproduces the
	// value). HaveNamed is false when there is no label, it names none of
	// these, or (exact CIs) the named measure is Glass's Δ or d with the
	// average SD, whose exact gaps are not computed.
	Named     Match
	NamedGap  float64
	HaveNamed bool
	// Diff is the plain |recomputed − reported| that Gøtzsche et al.
	// (2007) used: the value recomputed from the printed summaries taken
	// at face value (no rounding box) under the labelled measure (the
	// first of its variants: d pooled, g exact J, Glass control SD), or
	// under Hedges' g with the approximate J (RevMan's) when there is no
	// label. For a CI it is the larger of the two ends' differences (Wald
	// with the estimate's own variance, or noncentral t, the latter only
	// when the label names d or g). NaN when not computed.
	Diff float64
	// Reason says what is missing when Verdict == NotCheckable, or adds a
	// note (such as a reported label that no matching convention carries).
	Reason string
}

// String returns the verdict with its matches or gap, as a table cell:
// "consistent: d (pooled SD); g (exact J)", "inconsistent: closest g (exact
// J), gap 0.127 (gross)".
func (f Finding) String() string {
	switch f.Verdict {
	case Consistent:
		ms := make([]string, len(f.Matches))
		for i, m := range f.Matches {
			ms[i] = m.String()
		}
		return "consistent: " + strings.Join(ms, "; ")
	case Inconsistent:
		if f.Separately {
			return fmt.Sprintf("inconsistent: closest %s, each end is reachable alone but not both from one point of the rounding box", f.Closest)
		}
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
