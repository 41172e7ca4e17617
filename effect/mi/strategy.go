package mi

import (
	"fmt"
	"strings"
)

// Strategy is how a subject's outcomes after an intercurrent event (such as
// stopping the intervention or leaving the trial) are imputed
// (Carpenter, Roger & Kenward 2013).
type Strategy int

const (
	// MAR: missing at random; the subject keeps its own arm's mean profile
	// and covariance.
	MAR Strategy = iota
	// JR, jump to reference: from the event on, the subject's mean is the
	// reference arm's mean; the covariance joins the subject's arm before
	// the event with the reference after it.
	JR
	// CR, copy reference: the subject's whole outcome vector, before and
	// after the event, has the reference arm's distribution.
	CR
	// CIR, copy increments in reference: after the event the mean keeps the
	// difference reached at the last visit before it and follows the
	// reference arm's changes from there.
	CIR
	// LMCF, last mean carried forward: after the event the mean stays at
	// the subject's own arm's mean at the last visit before it. It needs a
	// visit before the event.
	LMCF
)

var strategyNames = [...]string{MAR: "MAR", JR: "JR", CR: "CR", CIR: "CIR", LMCF: "LMCF"}

// String returns the strategy's abbreviation: "MAR", "JR", "CR", "CIR" or
// "LMCF".
func (s Strategy) String() string {
	if s >= 0 && int(s) < len(strategyNames) {
		return strategyNames[s]
	}
	return fmt.Sprintf("Strategy(%d)", int(s))
}

// ParseStrategy reads a strategy's abbreviation, in any case ("jr", "JR"),
// or its long name ("jump to reference", "copy reference", "copy
// increments in reference", "last mean carried forward", "missing at
// random").
func ParseStrategy(s string) (Strategy, error) {
	k := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "-", " ")), " "))
	for i, n := range strategyNames {
		if k == strings.ToLower(n) {
			return Strategy(i), nil
		}
	}
	switch k {
	case "missing at random":
		return MAR, nil
	case "jump to reference":
		return JR, nil
	case "copy reference":
		return CR, nil
	case "copy increments in reference", "copy increments from reference":
		return CIR, nil
	case "last mean carried forward":
		return LMCF, nil
	}
	return 0, fieldErr("strategy", s, "unknown strategy: use MAR, JR, CR, CIR or LMCF")
}
