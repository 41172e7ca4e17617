package trialreport

import (
	"fmt"
	"math"

	"github.com/tiesproject/ties/effect"
)

// ClusterBootstrap is a cluster (care-team) bootstrap of the adjusted mean
// difference of one instrument at one follow-up.
type ClusterBootstrap struct {
	Instrument string
	Month      int
	Result     effect.BootstrapResult
}

// clusterBootstrap resamples care teams within arm and refits the ANCOVA of
// instrument k at visit v on the participants of the resampled teams. The
// two "samples" handed to effect.BootstrapCI are the team numbers of each
// arm, so its within-arm resampling, BCa jackknife (over teams) and
// seed-determinism carry over to the clustered design.
func (tr *Trial) clusterBootstrap(k, v int, seed uint64, replicates int, level float64) (ClusterBootstrap, error) {
	out := ClusterBootstrap{Instrument: tr.Instruments[k].ID, Month: tr.Months[v]}
	teamOf := map[string]int{}
	var members [][]int // participants with baseline and follow-up, per team
	var treatTeams, controlTeams []float64
	for i, p := range tr.Participants {
		if math.IsNaN(tr.Scores[k][i][0]) || math.IsNaN(tr.Scores[k][i][v]) {
			continue
		}
		t, ok := teamOf[p.Team]
		if !ok {
			t = len(members)
			teamOf[p.Team] = t
			members = append(members, nil)
			if p.Treated {
				treatTeams = append(treatTeams, float64(t))
			} else {
				controlTeams = append(controlTeams, float64(t))
			}
		}
		members[t] = append(members[t], i)
	}
	stat := func(treat, control []float64) float64 {
		var d effect.ANCOVAData
		for arm, teams := range [][]float64{control, treat} {
			for _, t := range teams {
				for _, i := range members[int(t)] {
					d.Outcome = append(d.Outcome, tr.Scores[k][i][v])
					d.Baseline = append(d.Baseline, tr.Scores[k][i][0])
					d.Arm = append(d.Arm, arm)
				}
			}
		}
		res, err := effect.ANCOVA(d, nil)
		if err != nil {
			return math.NaN()
		}
		return res.Difference
	}
	r, err := effect.BootstrapCI(treatTeams, controlTeams, stat, &effect.BootstrapOptions{
		Replicates: replicates, Level: level, Seed: seed,
	})
	if err != nil {
		return out, fmt.Errorf("%s month %d: cluster bootstrap: %w", out.Instrument, out.Month, err)
	}
	out.Result = r
	return out, nil
}
