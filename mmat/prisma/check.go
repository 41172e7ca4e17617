package prisma

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tiesproject/ties/effect"
)

// Status is the outcome of one identity.
type Status int

const (
	// NotTestable: a count the identity needs is unknown.
	NotTestable Status = iota
	// Holds: the counts satisfy the identity.
	Holds
	// Fails: the counts break the identity.
	Fails
)

// String returns "not testable", "holds" or "fails".
func (s Status) String() string {
	switch s {
	case Holds:
		return "holds"
	case Fails:
		return "fails"
	}
	return "not testable"
}

// Check is the outcome of one identity between boxes.
type Check struct {
	// Identity states the relation, e.g. "records identified = records
	// removed before screening + records screened".
	Identity string
	// Box is the box a failure is reported against (the result of the
	// arithmetic, e.g. "Records screened").
	Box string
	// Always is true for identities that hold by definition (a failure is
	// an error) and false for those that only usually hold (a warning).
	Always bool
	Status Status
	// Detail shows the numbers, e.g. "Databases 2,000 + Registers 0 =
	// 2,000 ≠ 2,050 = Duplicate records removed 450 + ... + Records
	// screened 1,600"; for a partial test it says which terms were known.
	Detail string
}

// term is one box in an identity.
type term struct {
	box string
	c   Count
}

func (t term) String() string { return t.box + " " + t.c.String() }

// checker collects the outcomes.
type checker struct{ out []Check }

// balance checks Σ lhs = Σ rhs (all counts >= 0). When one side is fully
// known and the other only partly, the known part of the other side must
// not exceed it (the partial form of "part <= whole").
func (k *checker) balance(identity, box string, always bool, lhs, rhs []term) {
	c := Check{Identity: identity, Box: box, Always: always}
	l, lAll := sumTerms(lhs)
	r, rAll := sumTerms(rhs)
	switch {
	case lAll && rAll:
		c.Status = Holds
		rel := "="
		if l != r {
			c.Status, rel = Fails, "≠"
		}
		c.Detail = fmt.Sprintf("%s = %s %s %s = %s", joinTerms(lhs), thousands(l), rel, thousands(r), joinTerms(rhs))
	case lAll && r > 0:
		c.Status = Holds
		rel := "≤"
		if r > l {
			c.Status, rel = Fails, ">"
		}
		c.Detail = fmt.Sprintf("known part %s %s %s (%s = %s)", thousands(r), rel, thousands(l), joinTerms(rhs), joinTerms(lhs))
	case rAll && l > 0:
		c.Status = Holds
		rel := "≤"
		if l > r {
			c.Status, rel = Fails, ">"
		}
		c.Detail = fmt.Sprintf("known part %s %s %s (%s = %s)", thousands(l), rel, thousands(r), joinTerms(lhs), joinTerms(rhs))
	default:
		c.Detail = "unknown: " + unknownTerms(append(append([]term(nil), lhs...), rhs...))
	}
	k.out = append(k.out, c)
}

// atMost checks Σ parts <= Σ whole: testable when the whole is known,
// using the known parts (they are >= 0).
func (k *checker) atMost(identity, box string, always bool, parts, whole []term) {
	c := Check{Identity: identity, Box: box, Always: always}
	p, pAll := sumTerms(parts)
	w, wAll := sumTerms(whole)
	switch {
	case wAll && (pAll || p > 0):
		c.Status = Holds
		rel := "≤"
		if p > w {
			c.Status, rel = Fails, ">"
		}
		known := ""
		if !pAll {
			known = "known part "
		}
		c.Detail = fmt.Sprintf("%s%s = %s %s %s = %s", known, joinTerms(parts), thousands(p), rel, thousands(w), joinTerms(whole))
	default:
		c.Detail = "unknown: " + unknownTerms(append(append([]term(nil), parts...), whole...))
	}
	k.out = append(k.out, c)
}

func sumTerms(ts []term) (int, bool) {
	cs := make([]Count, len(ts))
	for i, t := range ts {
		cs[i] = t.c
	}
	return sum(cs...)
}

func joinTerms(ts []term) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.String()
	}
	return strings.Join(s, " + ")
}

func unknownTerms(ts []term) string {
	var s []string
	for _, t := range ts {
		if !t.c.known {
			s = append(s, t.box)
		}
	}
	return strings.Join(s, ", ")
}

// Box names as the template prints them, used in messages.
const (
	boxDatabases    = "Databases"
	boxRegisters    = "Registers"
	boxDuplicates   = "Duplicate records removed"
	boxAutomation   = "Records marked as ineligible by automation tools"
	boxOtherRemoved = "Records removed for other reasons"
	boxScreened     = "Records screened"
	boxRecExcluded  = "Records excluded"
	boxSought       = "Reports sought for retrieval"
	boxNotRetrieved = "Reports not retrieved"
	boxAssessed     = "Reports assessed for eligibility"
	boxExcluded     = "Reports excluded"
	boxStudies      = "Studies included in review"
	boxReports      = "Reports of included studies"
	otherSuffix     = " (other methods)"
)

// reasonTerms returns the reasons of a "Reports excluded" box as terms;
// a box without reasons is one unknown term (an empty box is not 0).
func reasonTerms(rs []Reason, suffix string) []term {
	if len(rs) == 0 {
		return []term{{boxExcluded + suffix, Unknown}}
	}
	ts := make([]term, len(rs))
	for i, r := range rs {
		ts[i] = term{boxExcluded + ": " + r.Reason + suffix, r.N}
	}
	return ts
}

func sourceTerms(ss []Source) []term {
	ts := make([]term, len(ss))
	for i, s := range ss {
		ts[i] = term{s.Name, s.N}
	}
	return ts
}

// Check evaluates every identity between the boxes of f, in the order of
// the diagram, and returns one Check for each: whether it holds, fails or
// cannot be tested because a count is unknown, with the numbers.
func (f *Flow) Check() []Check {
	var k checker
	if len(f.DatabaseDetail) > 0 {
		k.balance("records from databases = Σ records per database", boxDatabases, true,
			[]term{{boxDatabases, f.Databases}}, sourceTerms(f.DatabaseDetail))
	}
	if len(f.RegisterDetail) > 0 {
		k.balance("records from registers = Σ records per register", boxRegisters, true,
			[]term{{boxRegisters, f.Registers}}, sourceTerms(f.RegisterDetail))
	}
	k.balance("records identified = records removed before screening + records screened", boxScreened, true,
		[]term{{boxDatabases, f.Databases}, {boxRegisters, f.Registers}},
		[]term{{boxDuplicates, f.Duplicates}, {boxAutomation, f.Automation}, {boxOtherRemoved, f.OtherRemoved}, {boxScreened, f.Screened}})
	k.atMost("records excluded ≤ records screened", boxRecExcluded, true,
		[]term{{boxRecExcluded, f.RecordsExcluded}}, []term{{boxScreened, f.Screened}})
	k.balance("reports sought = reports not retrieved + reports assessed", boxAssessed, true,
		[]term{{boxSought, f.Sought}}, []term{{boxNotRetrieved, f.NotRetrieved}, {boxAssessed, f.Assessed}})
	k.atMost("reports excluded ≤ reports assessed", boxExcluded, true,
		reasonTerms(f.Excluded, ""), []term{{boxAssessed, f.Assessed}})
	assessed := []term{{boxAssessed, f.Assessed}}
	excluded := reasonTerms(f.Excluded, "")
	if o := f.Other; o != nil {
		k.balance("reports sought = reports not retrieved + reports assessed (other methods)", boxAssessed+otherSuffix, true,
			[]term{{boxSought + otherSuffix, o.Sought}}, []term{{boxNotRetrieved + otherSuffix, o.NotRetrieved}, {boxAssessed + otherSuffix, o.Assessed}})
		k.atMost("reports excluded ≤ reports assessed (other methods)", boxExcluded+otherSuffix, true,
			reasonTerms(o.Excluded, otherSuffix), []term{{boxAssessed + otherSuffix, o.Assessed}})
		assessed = append(assessed, term{boxAssessed + otherSuffix, o.Assessed})
		excluded = append(excluded, reasonTerms(o.Excluded, otherSuffix)...)
	}
	k.balance("reports assessed = reports excluded + reports of included studies", boxReports, true,
		assessed, append(append([]term(nil), excluded...), term{boxReports, f.Reports}))

	// Identities that only usually hold.
	k.balance("reports sought = records screened − records excluded (usually: a record may lead to several reports)", boxSought, false,
		[]term{{boxScreened, f.Screened}}, []term{{boxRecExcluded, f.RecordsExcluded}, {boxSought, f.Sought}})
	k.atMost("studies included ≤ reports of included studies (usually: one report may describe several studies)", boxStudies, false,
		[]term{{boxStudies, f.Studies}}, []term{{boxReports, f.Reports}})
	if o := f.Other; o != nil && len(o.Sources) > 0 {
		k.atMost("reports sought ≤ records identified (other methods; usually)", boxSought+otherSuffix, false,
			[]term{{boxSought + otherSuffix, o.Sought}}, sourceTerms(o.Sources))
	}
	if !f.Reports.known {
		k.atMost("studies included ≤ reports assessed − reports excluded (usually)", boxStudies, false,
			append([]term{{boxStudies, f.Studies}}, excluded...), assessed)
	}
	return k.out
}

// Validate checks that every count is a whole number >= 0, that reasons
// and sources are named, and the identities of Check: those that hold by
// definition are joined in err (each wrapping ErrInconsistent, or
// ErrInvalidInput for a negative count or an empty name); those that only
// usually hold are returned as warnings wrapping ErrUnusual. Each error is
// an *effect.FieldError whose Field names the box. Identities with an
// unknown term are neither: see Check.
func (f *Flow) Validate() (warnings []error, err error) {
	var errs []error
	bad := func(box string, v any, reason string) {
		errs = append(errs, &effect.FieldError{Field: box, Value: v, Reason: reason, Err: ErrInvalidInput})
	}
	for _, b := range f.boxes() {
		if b.c.known && b.c.n < 0 {
			bad(b.box, b.c.n, "a count must be >= 0")
		}
	}
	for _, s := range f.sources() {
		if strings.TrimSpace(s.Name) == "" {
			bad("source", nil, "a source of records needs a name")
		}
	}
	for _, r := range f.reasons() {
		if strings.TrimSpace(r.Reason) == "" {
			bad(boxExcluded, nil, "a reason for excluding reports needs its text")
		}
	}
	for _, c := range f.Check() {
		if c.Status != Fails {
			continue
		}
		e := &effect.FieldError{Field: c.Box, Reason: c.Identity + ": " + c.Detail}
		if c.Always {
			e.Err = ErrInconsistent
			errs = append(errs, e)
		} else {
			e.Err = ErrUnusual
			warnings = append(warnings, e)
		}
	}
	return warnings, errors.Join(errs...)
}

// boxes lists every count of f with its box name.
func (f *Flow) boxes() []term {
	ts := []term{{boxDatabases, f.Databases}, {boxRegisters, f.Registers},
		{boxDuplicates, f.Duplicates}, {boxAutomation, f.Automation}, {boxOtherRemoved, f.OtherRemoved},
		{boxScreened, f.Screened}, {boxRecExcluded, f.RecordsExcluded},
		{boxSought, f.Sought}, {boxNotRetrieved, f.NotRetrieved}, {boxAssessed, f.Assessed},
		{boxStudies, f.Studies}, {boxReports, f.Reports}}
	ts = append(ts, sourceTerms(f.DatabaseDetail)...)
	ts = append(ts, sourceTerms(f.RegisterDetail)...)
	for _, r := range f.Excluded {
		ts = append(ts, term{boxExcluded + ": " + r.Reason, r.N})
	}
	if o := f.Other; o != nil {
		ts = append(ts, sourceTerms(o.Sources)...)
		ts = append(ts, term{boxSought + otherSuffix, o.Sought}, term{boxNotRetrieved + otherSuffix, o.NotRetrieved},
			term{boxAssessed + otherSuffix, o.Assessed})
		for _, r := range o.Excluded {
			ts = append(ts, term{boxExcluded + ": " + r.Reason + otherSuffix, r.N})
		}
	}
	return ts
}

func (f *Flow) sources() []Source {
	s := append(append([]Source(nil), f.DatabaseDetail...), f.RegisterDetail...)
	if f.Other != nil {
		s = append(s, f.Other.Sources...)
	}
	return s
}

func (f *Flow) reasons() []Reason {
	r := append([]Reason(nil), f.Excluded...)
	if f.Other != nil {
		r = append(r, f.Other.Excluded...)
	}
	return r
}
