package trialreport

import (
	"fmt"
	"math"

	"github.com/tiesproject/ties/effect"
)

// Responders is a binary outcome at one visit: being in a band of an
// instrument (for UCLA-3, "not lonely").
type Responders struct {
	Instrument, Band string
	Month            int
	Table            effect.Table2x2
	LogOR, LogRR, RD effect.Estimate
	NNT              effect.NNT
}

// responders compares the share of participants in band at visit v.
func (tr *Trial) responders(k, v int, band string, level float64) (Responders, error) {
	r := Responders{Instrument: tr.Instruments[k].ID, Band: band, Month: tr.Months[v]}
	var treat, control []float64 // 1 when in the band
	for i, p := range tr.Participants {
		if math.IsNaN(tr.Scores[k][i][v]) {
			continue
		}
		x := 0.0
		if tr.Bands[k][i][v] == band {
			x = 1
		}
		if p.Treated {
			treat = append(treat, x)
		} else {
			control = append(control, x)
		}
	}
	var err error
	if r.Table, err = effect.TableFromThreshold(treat, control, 1, effect.AtLeast); err != nil {
		return r, fmt.Errorf("responders %s: %w", band, err)
	}
	o := &effect.Options{Level: level}
	if r.LogOR, err = effect.OddsRatio(r.Table, o); err != nil {
		return r, err
	}
	if r.LogRR, err = effect.RiskRatio(r.Table, o); err != nil {
		return r, err
	}
	if r.RD, err = effect.RiskDifference(r.Table, o); err != nil {
		return r, err
	}
	r.NNT, err = effect.NumberNeededToTreat(r.Table, true, o)
	return r, err
}
