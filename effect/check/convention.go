package check

import (
	"math"
	"slices"
	"strings"

	"github.com/tiesproject/ties/effect"
)

// Standardizer names how a reported standardized mean difference may have
// been computed from the two arms' summaries.
type Standardizer int

// Standardizers tried by SMD. Every one divides the difference of means,
// intervention minus control, by a standardizer; the Hedges variants then
// multiply by a small-sample correction.
const (
	PooledD      Standardizer = iota // (m1 − m2)/s_pooled, s_pooled with denominator N − 2 (Cohen 1988; Hedges 1981)
	ExactG                           // J(N − 2)·d with Hedges' exact J (Hedges 1981)
	ApproxG                          // (1 − 3/(4(N − 2) − 1))·d, the approximate J of compute.es, esc, pingouin
	GlassControl                     // (m1 − m2)/s2, Glass's delta with the control arm's SD (Glass 1976)
	GlassTreat                       // (m1 − m2)/s1, Glass's delta with the intervention arm's SD
	AverageD                         // (m1 − m2)/√((s1² + s2²)/2), d with the average variance (Cohen 1988; Bonett 2008, uncorrected)
	numStandardizers
)

var standardizerNames = [...]string{
	PooledD:      "d (pooled SD)",
	ExactG:       "g (exact J)",
	ApproxG:      "g (approx. J)",
	GlassControl: "Glass (control SD)",
	GlassTreat:   "Glass (intervention SD)",
	AverageD:     "d (average SD)",
}

func (s Standardizer) String() string {
	if s < 0 || s >= numStandardizers {
		return "Standardizer(?)"
	}
	return standardizerNames[s]
}

// Measure returns the effect measure the standardizer estimates.
func (s Standardizer) Measure() effect.Measure {
	switch s {
	case PooledD:
		return effect.MeasureD
	case ExactG, ApproxG:
		return effect.MeasureG
	case GlassControl, GlassTreat:
		return effect.MeasureGlass
	case AverageD:
		return effect.MeasureSMDH
	}
	return effect.MeasureUnknown
}

// Convention is one way a paper may have turned its summaries into the
// reported number: a standardizer, optionally with the sign flipped
// (control minus intervention), optionally with the printed "SD" really
// being a standard error (SD = SE·√n).
type Convention struct {
	Standardizer Standardizer
	Flipped      bool // the paper reported control minus intervention
	SEAsSD       bool // the printed spread is a standard error, SD = SE·√n
}

func (c Convention) String() string {
	var b strings.Builder
	b.WriteString(c.Standardizer.String())
	if c.Flipped {
		b.WriteString(", sign flipped")
	}
	if c.SEAsSD {
		b.WriteString(", SE taken as SD")
	}
	return b.String()
}

// Conventions returns every convention SMD tries, in the order it reports
// them: the plain standardizers first, then their sign flips, then the
// SE-for-SD variants.
func Conventions() []Convention { return slices.Clone(allConventions) }

// allConventions is Conventions' list, shared read-only by the checks.
var allConventions = conventions()

func conventions() []Convention {
	out := make([]Convention, 0, 4*int(numStandardizers))
	for _, se := range []bool{false, true} {
		for _, fl := range []bool{false, true} {
			for s := Standardizer(0); s < numStandardizers; s++ {
				out = append(out, Convention{Standardizer: s, Flipped: fl, SEAsSD: se})
			}
		}
	}
	return out
}

// box holds the rounding box of a row's summaries: every input's interval.
type box struct {
	m1, m2, s1, s2 Range
	n1, n2         int
}

// sdBounds returns the SD intervals for the convention: the printed
// intervals, or SE·√n when the convention reads them as SEs.
func (b box) sdBounds(se bool) (Range, Range) {
	if !se {
		return b.s1, b.s2
	}
	r1, r2 := math.Sqrt(float64(b.n1)), math.Sqrt(float64(b.n2))
	return Range{b.s1.Lo * r1, b.s1.Hi * r1}, Range{b.s2.Lo * r2, b.s2.Hi * r2}
}

// diff returns the interval of m1 − m2 over the box (exact: the two means
// vary independently).
func (b box) diff() Range { return Range{b.m1.Lo - b.m2.Hi, b.m1.Hi - b.m2.Lo} }

// standardizer returns the interval of the standardizer over the box. Every
// standardizer is continuous and nondecreasing in each SD, so its range
// over the SD rectangle is [S(lower SDs), S(upper SDs)].
func (b box) standardizer(s Standardizer, s1, s2 Range) Range {
	f := func(a, c float64) float64 {
		switch s {
		case GlassControl:
			return c
		case GlassTreat:
			return a
		case AverageD:
			return math.Sqrt((a*a + c*c) / 2)
		default:
			n1, n2 := float64(b.n1), float64(b.n2)
			return math.Sqrt(((n1-1)*a*a + (n2-1)*c*c) / (n1 + n2 - 2))
		}
	}
	return Range{f(s1.Lo, s2.Lo), f(s1.Hi, s2.Hi)}
}

// correction returns the multiplier J (1 for the uncorrected standardizers)
// and false when it is undefined (df ≤ 1).
func (b box) correction(s Standardizer) (float64, bool) {
	df := float64(b.n1 + b.n2 - 2)
	switch s {
	case ExactG:
		j := effect.J(df)
		return j, !math.IsNaN(j)
	case ApproxG:
		j := effect.JApprox(df)
		return j, !math.IsNaN(j) && j > 0
	}
	return 1, true
}

// quotient returns the exact range of Δ/S for Δ in dv and S in sv, S > 0,
// Δ and S varying independently. Δ/S is increasing in Δ, and for fixed Δ
// monotone in S with the sign of −Δ, so the extremes are attained at the
// ends: the smallest value is Δlo/Shi when Δlo ≥ 0 and Δlo/Slo otherwise;
// the largest is Δhi/Slo when Δhi ≥ 0 and Δhi/Shi otherwise.
func quotient(dv, sv Range) Range {
	var lo, hi float64
	if dv.Lo >= 0 {
		lo = dv.Lo / sv.Hi
	} else {
		lo = dv.Lo / sv.Lo
	}
	if dv.Hi >= 0 {
		hi = dv.Hi / sv.Lo
	} else {
		hi = dv.Hi / sv.Hi
	}
	return Range{lo, hi}
}

// dRange returns the exact interval of the uncorrected standardized
// difference Δ/S over the box for the standardizer and SE reading.
func (b box) dRange(s Standardizer, se bool) Range {
	s1, s2 := b.sdBounds(se)
	return quotient(b.diff(), b.standardizer(s, s1, s2))
}

// Range returns the exact interval of values the convention yields over
// the box, and false when the convention is undefined for the sample sizes
// (Hedges' J needs N − 2 > 1).
func (b box) Range(c Convention) (Range, bool) {
	j, ok := b.correction(c.Standardizer)
	if !ok {
		return Range{}, false
	}
	r := b.dRange(c.Standardizer, c.SEAsSD)
	r = Range{j * r.Lo, j * r.Hi}
	if c.Flipped {
		r = r.neg()
	}
	return r, true
}

// atPrinted returns the standardizer's value at the printed summaries (the
// centre of the box), unflipped, SDs read as SDs.
func (b box) atPrinted(s Standardizer) (float64, bool) {
	j, ok := b.correction(s)
	if !ok {
		return 0, false
	}
	mid := func(r Range) float64 { return 0.5 * (r.Lo + r.Hi) }
	sd := b.standardizer(s, Range{mid(b.s1), mid(b.s1)}, Range{mid(b.s2), mid(b.s2)})
	return j * (mid(b.m1) - mid(b.m2)) / sd.Lo, true
}
