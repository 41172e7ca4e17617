package check

import (
	"fmt"
	"strings"
)

// String returns the three findings as a paper's reviewer would write
// them: "effect: consistent: ...; CI (Wald): ...; CI (exact): ...".
func (r SMDResult) String() string {
	return "effect: " + r.Effect.String() + "; CI (Wald): " + r.Wald.String() + "; CI (exact): " + r.Exact.String()
}

// String returns the verdict with the p computed from the printed
// statistic: "consistent (computed p = 0.0362)", "inconsistent (computed
// p = 0.0826; decision error)".
func (c PCheck) String() string {
	if c.Verdict == NotCheckable {
		if c.Reason != "" {
			return "not checkable: " + c.Reason
		}
		return "not checkable"
	}
	notes := []string{fmt.Sprintf("computed p = %.3g", c.P)}
	if c.OneSided {
		notes = append(notes, "one-sided")
	}
	if c.DecisionError {
		notes = append(notes, "decision error")
	}
	if c.Reason != "" && !c.OneSided {
		notes = append(notes, c.Reason)
	}
	return c.Verdict.String() + " (" + strings.Join(notes, "; ") + ")"
}

// String returns every check of the row on one line, starting with its
// line in the file: "line 2: effect: consistent: ...; p: consistent ...".
func (r RowResult) String() string {
	var parts []string
	if r.Row.Line > 0 {
		parts = append(parts, fmt.Sprintf("line %d", r.Row.Line))
	}
	parts = append(parts, r.SMD.String())
	if r.grimCheck {
		for k := range 2 {
			parts = append(parts, fmt.Sprintf("arm %d: GRIM %s, GRIMMER %s", k+1, r.GRIM[k], r.GRIMMER[k]))
		}
	}
	if r.HaveP {
		parts = append(parts, "p: "+r.P.String())
	}
	parts = append(parts, r.Notes...)
	if r.Err != nil {
		parts = append(parts, "error: "+strings.ReplaceAll(r.Err.Error(), "\n", "; "))
	}
	return strings.Join(parts, "; ")
}
