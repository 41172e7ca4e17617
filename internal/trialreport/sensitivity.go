package trialreport

import (
	"fmt"
	"math"
	"strconv"

	"github.com/tiesproject/ties/effect/mi"
)

// Sensitivity is the reference-based sensitivity analysis of the primary
// outcome: participants of the intervention arm who left the trial are
// imputed as if they had moved to usual care at that point (jump to
// reference), by conditional mean imputation with a jackknife over
// participants; and the δ that would overturn the primary conclusion.
type Sensitivity struct {
	Instrument string
	Month      int
	// Events counts the participants with an intercurrent event (left
	// before the end) per arm: intervention, usual care.
	Events [2]int
	JR     *mi.CondMeanResult
	MAR    *mi.CondMeanResult
	Tip    *mi.TippingPoint
}

// sensitivity runs the jump-to-reference analysis of instrument k at the
// last visit. A participant's event is the first follow-up visit after
// their last total (a participant without any follow-up total has it at the
// first follow-up); missed visits before the last total stay missing at
// random. Usual care participants imputed "to reference" are MAR.
func (tr *Trial) sensitivity(k int, level float64) (Sensitivity, error) {
	s := Sensitivity{Instrument: tr.Instruments[k].ID, Month: tr.Months[len(tr.Months)-1]}
	d := tr.mmrmData(k)
	visits := tr.followUpVisits()
	var events []mi.Event
	for i, p := range tr.Participants {
		last := 0
		for v := 1; v < len(tr.Months); v++ {
			if !math.IsNaN(tr.Scores[k][i][v]) {
				last = v
			}
		}
		if last == len(tr.Months)-1 || math.IsNaN(tr.Scores[k][i][0]) {
			continue // completed, or not analysable (no baseline)
		}
		events = append(events, mi.Event{Subject: p.ID, Visit: visits[last], Strategy: mi.JR})
		if p.Treated {
			s.Events[0]++
		} else {
			s.Events[1]++
		}
	}
	o := &mi.CondMeanOptions{Level: level, Reference: armUsualCare, Visits: visits}
	var err error
	if s.Tip, err = mi.Tipping(d, events, o, nil); err != nil {
		return s, fmt.Errorf("jump-to-reference analysis of %s: %w", s.Instrument, err)
	}
	s.JR = s.Tip.Base
	mar := make([]mi.Event, len(events))
	for i, e := range events {
		e.Strategy = mi.MAR
		mar[i] = e
	}
	if s.MAR, err = mi.ConditionalMean(d, mar, o); err != nil {
		return s, fmt.Errorf("MAR conditional mean analysis of %s: %w", s.Instrument, err)
	}
	return s, nil
}

// last returns the result at the last visit.
func lastVisit(r *mi.CondMeanResult) mi.VisitResult {
	return r.Visits[len(r.Visits)-1]
}

func monthLabel(m int) string { return strconv.Itoa(m) + " months" }
