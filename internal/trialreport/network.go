package trialreport

import (
	"fmt"
	"math"
	"strconv"

	"github.com/tiesproject/ties/internal/exampledata"
	"github.com/tiesproject/ties/measures/network"
)

// Networks holds the name-generator interviews of the example trial and
// the two network outcomes derived from them, per participant and month.
type Networks struct {
	Months []int
	Data   []*network.Data
	// Size[i][v] and Share[i][v] are participant i's network size and share
	// of non-kin, non-professional contacts at Months[v]; NaN when there
	// was no interview, the interview had rejected rows, or (for the
	// share) the network is empty.
	Size, Share [][]float64
	// NotScored lists, per month, the participants interviewed whose
	// measures were not computed, with the reason.
	NotScored [][]string
	// Analyses are the mixed models of the two outcomes (one follow-up
	// visit: the model is the baseline-adjusted ANCOVA).
	Analyses []MMRMAnalysis
	// Describe[o] summarizes outcome o (0 size, 1 share) by arm and month.
	Describe [2][]ArmVisit
	// Shown is the participant whose network the figure draws: the first
	// intervention participant interviewed at every visit whose network
	// changed most in size.
	Shown string
}

// Network outcome names.
const (
	outcomeSize  = "network size"
	outcomeShare = "non-kin, non-professional share"
)

// networks reads the name-generator files in dir and derives the outcomes.
func (tr *Trial) networks(dir string, level float64) (*Networks, error) {
	data, err := exampledata.ReadNetworks(dir)
	if err != nil {
		return nil, err
	}
	n := &Networks{Months: exampledata.NetworkMonths, Data: data}
	np := len(tr.Participants)
	n.Size, n.Share = make([][]float64, np), make([][]float64, np)
	for i := range n.Size {
		n.Size[i] = []float64{math.NaN(), math.NaN()}
		n.Share[i] = []float64{math.NaN(), math.NaN()}
	}
	n.NotScored = make([][]string, len(data))
	for v, d := range data {
		res, err := network.Describe(d, nil)
		if err != nil {
			return nil, fmt.Errorf("network measures at %d months: %w", n.Months[v], err)
		}
		for e, r := range res {
			i, ok := tr.Index[r.Ego]
			if !ok {
				n.NotScored[v] = append(n.NotScored[v], r.Ego+": not a randomized participant")
				continue
			}
			if r.Err != nil {
				n.NotScored[v] = append(n.NotScored[v], r.Ego)
				continue
			}
			n.Size[i][v] = float64(r.Structure.Size)
			p, err := network.NonKinNonProfessional(&d.Egos[e], &d.Codebook)
			if err != nil {
				return nil, fmt.Errorf("network share of %s: %w", r.Ego, err)
			}
			n.Share[i][v] = p.Share
		}
	}
	best := -1.0
	for i, p := range tr.Participants {
		if !p.Treated || math.IsNaN(n.Size[i][0]) || math.IsNaN(n.Size[i][1]) {
			continue
		}
		if ch := n.Size[i][1] - n.Size[i][0]; ch > best && n.Size[i][0] >= 4 {
			best, n.Shown = ch, p.ID
		}
	}
	visits := []string{strconv.Itoa(n.Months[1])}
	for o, scores := range [][][]float64{n.Size, n.Share} {
		name := []string{outcomeSize, outcomeShare}[o]
		a, err := tr.fitMMRM(name, tr.longData(scores, n.Months), visits, level)
		if err != nil {
			return nil, err
		}
		n.Analyses = append(n.Analyses, a)
		n.Describe[o] = tr.describeScores(scores, n.Months, level)
	}
	return n, nil
}
