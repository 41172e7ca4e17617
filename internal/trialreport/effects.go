package trialreport

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/tiesproject/ties/effect"
)

// Adjusted is the baseline-adjusted comparison of the arms on one
// instrument at one follow-up visit.
type Adjusted struct {
	Instrument string
	Month      int
	ANCOVA     effect.ANCOVAResult
	// NoBaseline counts participants left out because their baseline
	// total is missing (the ANCOVA needs it).
	NoBaseline int
	// ICC is the baseline intraclass correlation within care teams used
	// for the design effect (the ANOVA estimate truncated at zero);
	// DEFF the design effect over the analysed participants' teams and
	// Clusters the number of those teams.
	ICC, DEFF float64
	Clusters  int
	// ClusterCI is the interval for the adjusted difference with the
	// standard error inflated by √DEFF and t on Clusters − 2 df;
	// ClusterP its two-sided p value.
	ClusterSE float64
	ClusterCI effect.Interval
	ClusterP  float64
	// D is the adjusted difference standardized by the pooled follow-up
	// SD, with the cluster-adjusted variance and Wald interval.
	D effect.Estimate
	// DT is Hedges' (2007) d_T for the unadjusted follow-up means,
	// standardized by the total SD, with its cluster-trial variance.
	DT effect.Estimate
}

// baselineICC estimates the ICC of instrument k at baseline within teams.
func (tr *Trial) baselineICC(k int) (effect.ICCEstimate, error) {
	var xs []float64
	var teams []string
	for i, p := range tr.Participants {
		if x := tr.Scores[k][i][0]; !math.IsNaN(x) {
			xs = append(xs, x)
			teams = append(teams, p.Team)
		}
	}
	return effect.ClusterICC(xs, teams)
}

// adjusted fits the ANCOVA of instrument k at visit v (v > 0) and its
// cluster adjustments.
func (tr *Trial) adjusted(k, v int, icc, level float64) (Adjusted, error) {
	a := Adjusted{Instrument: tr.Instruments[k].ID, Month: tr.Months[v], ICC: icc}
	var d effect.ANCOVAData
	sizes := map[string]int{}
	var treat, control []float64
	treatSizes, controlSizes := map[string]int{}, map[string]int{}
	for i, p := range tr.Participants {
		base, y := tr.Scores[k][i][0], tr.Scores[k][i][v]
		if math.IsNaN(base) {
			a.NoBaseline++
			continue
		}
		arm := 0
		if p.Treated {
			arm = 1
		}
		d.Outcome = append(d.Outcome, y)
		d.Baseline = append(d.Baseline, base)
		d.Arm = append(d.Arm, arm)
		if math.IsNaN(y) {
			continue
		}
		sizes[p.Team]++
		if p.Treated {
			treat = append(treat, y)
			treatSizes[p.Team]++
		} else {
			control = append(control, y)
			controlSizes[p.Team]++
		}
	}
	res, err := effect.ANCOVA(d, &effect.Options{Level: level})
	if err != nil {
		return a, fmt.Errorf("%s month %d: %w", a.Instrument, a.Month, err)
	}
	a.ANCOVA = res
	a.Clusters = len(sizes)
	a.DEFF, err = effect.DesignEffect(sortedSizes(sizes), icc)
	if err != nil {
		return a, err
	}
	a.ClusterSE = res.SE * math.Sqrt(a.DEFF)
	df := float64(a.Clusters - 2)
	tdist := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}
	q := tdist.Quantile((1 + level) / 2)
	a.ClusterCI = effect.Interval{Lower: res.Difference - q*a.ClusterSE, Upper: res.Difference + q*a.ClusterSE, Level: level}
	a.ClusterP = 2 * tdist.CDF(-math.Abs(res.Difference/a.ClusterSE))

	s := res.SDFollowUp
	dv := res.Difference / s
	vr := a.DEFF*res.SE*res.SE/(s*s) + dv*dv/(2*float64(res.N-2))
	z := distuv.UnitNormal.Quantile((1 + level) / 2)
	a.D = effect.Estimate{
		Measure: effect.MeasureDAdjusted, Value: dv, Variance: vr,
		CI:       effect.Interval{Lower: dv - z*math.Sqrt(vr), Upper: dv + z*math.Sqrt(vr), Level: level},
		CIMethod: effect.Wald,
	}

	ct := effect.ClusterTrial{
		Treat:   effect.ClusterArm{Mean: stat.Mean(treat, nil), SD: stat.StdDev(treat, nil), ClusterSizes: sortedSizes(treatSizes)},
		Control: effect.ClusterArm{Mean: stat.Mean(control, nil), SD: stat.StdDev(control, nil), ClusterSizes: sortedSizes(controlSizes)},
		ICC:     icc,
	}
	a.DT, err = effect.ClusterDT(ct, &effect.Options{Level: level})
	if err != nil {
		return a, fmt.Errorf("%s month %d: d_T: %w", a.Instrument, a.Month, err)
	}
	return a, nil
}

// sortedSizes lists cluster sizes in the order of the team labels, so that
// results do not depend on map iteration.
func sortedSizes(m map[string]int) []int {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]int, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}
