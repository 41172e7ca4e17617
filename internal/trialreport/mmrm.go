package trialreport

import (
	"fmt"
	"math"
	"strconv"

	"github.com/tiesproject/ties/effect/mmrm"
)

// Arm labels of the mixed models; the control arm is usual care.
const (
	armIntervention = "intervention"
	armUsualCare    = "usual care"
)

// MMRMAnalysis is the mixed model for repeated measures of one instrument
// over the follow-up visits: the primary analysis (unstructured covariance,
// REML, Kenward–Roger degrees of freedom) and, as a sensitivity analysis,
// the same fit with the bias-reduced cluster-robust (CR2) covariance by
// care team.
type MMRMAnalysis struct {
	Instrument string
	Primary    *mmrm.Result
	CR2        *mmrm.Result
}

// mmrmData is instrument k's follow-up in long form: one row per
// participant and follow-up visit (NaN where missing), the baseline total
// repeated, the care team as the cluster.
func (tr *Trial) mmrmData(k int) *mmrm.Data {
	return tr.longData(tr.Scores[k], tr.Months)
}

// longData puts scores[i][v] (participant i at months[v], months[0] the
// baseline) in the long form of the mixed model.
func (tr *Trial) longData(scores [][]float64, months []int) *mmrm.Data {
	d := &mmrm.Data{}
	for i, p := range tr.Participants {
		arm := armUsualCare
		if p.Treated {
			arm = armIntervention
		}
		for v := 1; v < len(months); v++ {
			d.Subject = append(d.Subject, p.ID)
			d.Visit = append(d.Visit, strconv.Itoa(months[v]))
			d.Arm = append(d.Arm, arm)
			d.Outcome = append(d.Outcome, scores[i][v])
			d.Baseline = append(d.Baseline, scores[i][0])
			d.Cluster = append(d.Cluster, p.Team)
		}
	}
	return d
}

// followUpVisits are the visit labels of the mixed models, in order.
func (tr *Trial) followUpVisits() []string {
	var vs []string
	for _, m := range tr.Months[1:] {
		vs = append(vs, strconv.Itoa(m))
	}
	return vs
}

// mmrmAnalysis fits instrument k's MMRM twice: model-based with
// Kenward–Roger df, and with the CR2 covariance by care team.
func (tr *Trial) mmrmAnalysis(k int, level float64) (MMRMAnalysis, error) {
	return tr.fitMMRM(tr.Instruments[k].ID, tr.mmrmData(k), tr.followUpVisits(), level)
}

func (tr *Trial) fitMMRM(name string, d *mmrm.Data, visits []string, level float64) (MMRMAnalysis, error) {
	a := MMRMAnalysis{Instrument: name}
	o := &mmrm.Options{Level: level, Visits: visits, Control: armUsualCare, DF: mmrm.KenwardRoger}
	var err error
	if a.Primary, err = mmrm.Fit(d, o); err != nil {
		return a, fmt.Errorf("MMRM of %s: %w", a.Instrument, err)
	}
	o2 := *o
	o2.DF, o2.Cov = mmrm.Satterthwaite, mmrm.CR2
	if a.CR2, err = mmrm.Fit(d, &o2); err != nil {
		return a, fmt.Errorf("MMRM of %s with CR2 by team: %w", a.Instrument, err)
	}
	return a, nil
}

// difference returns the intervention − usual care difference at month m.
func (a MMRMAnalysis) difference(r *mmrm.Result, month int) (mmrm.Difference, bool) {
	for _, d := range r.Differences {
		if d.Visit == strconv.Itoa(month) {
			return d, true
		}
	}
	return mmrm.Difference{}, false
}

// lsMean returns the LS mean of an arm at month m.
func (a MMRMAnalysis) lsMean(arm string, month int) (mmrm.LSMean, bool) {
	for _, l := range a.Primary.LSMeans {
		if l.Arm == arm && l.Visit == strconv.Itoa(month) {
			return l, true
		}
	}
	nan := math.NaN()
	return mmrm.LSMean{Estimate: nan, SE: nan, DF: nan}, false
}

// Population describes who each analysis of an instrument uses.
type Population struct {
	Instrument string
	// Randomized per arm (intervention, usual care); NoBaseline counts
	// participants without a baseline total; NoFollowUp those with a
	// baseline but no follow-up total; Analysed those in the mixed model.
	Randomized, NoBaseline, NoFollowUp, Analysed [2]int
	// Assessed[v] counts the participants with a total at Months[v], per
	// arm.
	Assessed [][2]int
}

// population counts, for instrument k, who has which data by arm (index 0
// intervention, 1 usual care).
func (tr *Trial) population(k int) Population {
	p := Population{Instrument: tr.Instruments[k].ID, Assessed: make([][2]int, len(tr.Months))}
	for i, pt := range tr.Participants {
		a := 1
		if pt.Treated {
			a = 0
		}
		p.Randomized[a]++
		s := tr.Scores[k][i]
		for v := range tr.Months {
			if !math.IsNaN(s[v]) {
				p.Assessed[v][a]++
			}
		}
		if math.IsNaN(s[0]) {
			p.NoBaseline[a]++
			continue
		}
		any := false
		for v := 1; v < len(s); v++ {
			if !math.IsNaN(s[v]) {
				any = true
			}
		}
		if any {
			p.Analysed[a]++
		} else {
			p.NoFollowUp[a]++
		}
	}
	return p
}
