package trialreport

import (
	"math"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/tiesproject/ties/effect"
)

// ArmVisit describes one arm at one visit on one instrument.
type ArmVisit struct {
	Month    int
	Treated  bool
	N        int // participants with a total
	Mean, SD float64
	CI       effect.Interval // t-based interval for the mean
}

// describe summarises instrument k per arm and visit.
func (tr *Trial) describe(k int, level float64) []ArmVisit {
	return tr.describeScores(tr.Scores[k], tr.Months, level)
}

// describeScores summarises scores[i][v] (participant i at months[v]) per
// arm and month.
func (tr *Trial) describeScores(scores [][]float64, months []int, level float64) []ArmVisit {
	var out []ArmVisit
	for v, m := range months {
		for _, treated := range []bool{true, false} {
			var xs []float64
			for i, p := range tr.Participants {
				if p.Treated == treated && !math.IsNaN(scores[i][v]) {
					xs = append(xs, scores[i][v])
				}
			}
			a := ArmVisit{Month: m, Treated: treated, N: len(xs), Mean: math.NaN(), SD: math.NaN()}
			if len(xs) > 0 {
				a.Mean = stat.Mean(xs, nil)
			}
			if len(xs) > 1 {
				a.SD = stat.StdDev(xs, nil)
				q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(len(xs) - 1)}.Quantile((1 + level) / 2)
				h := q * a.SD / math.Sqrt(float64(len(xs)))
				a.CI = effect.Interval{Lower: a.Mean - h, Upper: a.Mean + h, Level: level}
			}
			out = append(out, a)
		}
	}
	return out
}
