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
	// Cutoff describes the band in score terms ("UCLA-3 total 3 to 5").
	Cutoff string
	// Table counts the participants with a total at the visit (complete
	// cases); NoTotal counts, per arm (intervention, usual care), those
	// without one, who are not analysed.
	Table            effect.Table2x2
	NoTotal          [2]int
	LogOR, LogRR, RD effect.Estimate
	NNT              effect.NNT
	// Adjusted is the odds ratio adjusted for the baseline total by
	// logistic regression, over the participants who also have a baseline
	// total (Adjusted.N; AdjustedNoBaseline left out).
	Adjusted           effect.LogisticResult
	AdjustedNoBaseline int
}

// responders compares the share of participants in band at visit v.
func (tr *Trial) responders(k, v int, band string, level float64) (Responders, error) {
	r := Responders{Instrument: tr.Instruments[k].ID, Band: band, Month: tr.Months[v]}
	for _, b := range tr.Instruments[k].Total.Bands {
		if b.Label == band {
			// Totals are whole numbers: print the band as the totals it holds.
			lo, hi := b.Lower, b.Upper
			if b.Bounds[0] == '(' {
				lo = math.Floor(lo) + 1
			}
			if b.Bounds[1] == ')' {
				hi = math.Ceil(hi) - 1
			}
			r.Cutoff = fmt.Sprintf("%s total %s to %s", tr.Instruments[k].ID, fmtNum(lo, 0), fmtNum(hi, 0))
		}
	}
	var treat, control []float64 // 1 when in the band
	var bin effect.BinaryData
	for i, p := range tr.Participants {
		if math.IsNaN(tr.Scores[k][i][v]) {
			if p.Treated {
				r.NoTotal[0]++
			} else {
				r.NoTotal[1]++
			}
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
		if b := tr.Scores[k][i][0]; math.IsNaN(b) {
			r.AdjustedNoBaseline++
		} else {
			arm := 0
			if p.Treated {
				arm = 1
			}
			bin.Event = append(bin.Event, x)
			bin.Arm = append(bin.Arm, arm)
			bin.Baseline = append(bin.Baseline, b)
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
	if r.NNT, err = effect.NumberNeededToTreat(r.Table, true, o); err != nil {
		return r, err
	}
	if r.Adjusted, err = effect.LogisticOR(bin, &effect.Options{Level: level}); err != nil {
		return r, fmt.Errorf("responders %s, baseline-adjusted odds ratio: %w", band, err)
	}
	return r, nil
}
