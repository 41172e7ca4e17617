package trialreport

import (
	"fmt"
	"path/filepath"

	"gonum.org/v1/plot/vg"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/plot"
)

// Figure sizes: a two-column journal figure.
const (
	figWidth  = 17 * vg.Centimeter
	figHeight = 12 * vg.Centimeter
)

// trajectory draws instrument k's means with CIs by arm over the visits.
func (tr *Trial) trajectory(k int, desc []ArmVisit, path string) error {
	arms := []plot.Arm{{Name: "Intervention"}, {Name: "Usual care"}}
	for _, a := range desc {
		j := 1
		if a.Treated {
			j = 0
		}
		arms[j].Visits = append(arms[j].Visits, plot.Visit{
			Time: float64(a.Month), Mean: a.Mean, SD: a.SD, N: a.N, CI: a.CI,
		})
	}
	in := tr.Instruments[k]
	f, err := plot.Trajectory(arms, &plot.TrajectoryOptions{
		Outcome:     in.Name + " (" + in.ID + ")",
		Direction:   in.HigherMeans,
		VisitLabels: map[float64]string{0: "Baseline"},
	})
	if err != nil {
		return fmt.Errorf("trajectory %s: %w", in.ID, err)
	}
	return f.Save(path, figWidth, figHeight)
}

// trajectoryMMRM draws instrument k's model-based LS means with their
// intervals by arm at the follow-up visits (the primary mixed model), with
// the numbers assessed under the axis.
func (tr *Trial) trajectoryMMRM(k int, a MMRMAnalysis, pop Population, path string) error {
	arms := []plot.Arm{{Name: "Intervention"}, {Name: "Usual care"}}
	for v := 1; v < len(tr.Months); v++ {
		for j, name := range []string{armIntervention, armUsualCare} {
			l, ok := a.lsMean(name, tr.Months[v])
			if !ok {
				return fmt.Errorf("trajectory %s: no LS mean for %s at %d months", a.Instrument, name, tr.Months[v])
			}
			arms[j].Visits = append(arms[j].Visits, plot.Visit{Time: float64(tr.Months[v]), Mean: l.Estimate, N: pop.Assessed[v][j], CI: l.CI})
		}
	}
	in := tr.Instruments[k]
	f, err := plot.Trajectory(arms, &plot.TrajectoryOptions{
		Outcome:   "Model-based mean, " + in.ID,
		Direction: in.HigherMeans,
		ArmOrder:  []string{"Intervention", "Usual care"},
	})
	if err != nil {
		return fmt.Errorf("trajectory %s (MMRM): %w", in.ID, err)
	}
	// Say what the points are: model-based, not observed, means.
	f.Notes = []string{fmt.Sprintf("Points are least-squares means from the mixed model for repeated measures (unstructured covariance, REML), adjusted to the mean baseline; bars are %.4g%% intervals with Kenward–Roger df.", 100*a.Primary.Level)}
	return f.Save(path, figWidth, figHeight)
}

// networkTrajectory draws the arms' mean network size at baseline and 12
// months, in a single-column figure.
func (tr *Trial) networkTrajectory(n *Networks, path string) error {
	arms := []plot.Arm{{Name: "Intervention"}, {Name: "Usual care"}}
	for _, a := range n.Describe[0] {
		j := 1
		if a.Treated {
			j = 0
		}
		arms[j].Visits = append(arms[j].Visits, plot.Visit{Time: float64(a.Month), Mean: a.Mean, SD: a.SD, N: a.N, CI: a.CI})
	}
	f, err := plot.Trajectory(arms, &plot.TrajectoryOptions{
		Outcome:     "People named (name generator, up to 10)",
		Direction:   "higher = larger network",
		VisitLabels: map[float64]string{0: "Baseline"},
		ArmOrder:    []string{"Intervention", "Usual care"},
	})
	if err != nil {
		return fmt.Errorf("network size trajectory: %w", err)
	}
	return f.Save(path, 8.5*vg.Centimeter, 8*vg.Centimeter)
}

// tippingFigure draws the tipping-point analysis of the primary outcome.
func (tr *Trial) tippingFigure(s Sensitivity, path string) error {
	f, err := plot.TippingPoint(s.Tip, &plot.TippingPointOptions{
		Arm:   "the intervention arm's leavers",
		Visit: monthLabel(s.Month) + ", " + s.Instrument,
	})
	if err != nil {
		return fmt.Errorf("tipping-point figure: %w", err)
	}
	return f.Save(path, 12*vg.Centimeter, 8.5*vg.Centimeter)
}

// circleMeanings are what the three circles of the example's
// concentric-circle question meant to the participant (the hierarchical
// mapping technique of Antonucci 1986).
var circleMeanings = []string{
	"so close that it is hard to imagine life without them",
	"not quite as close, but still very important",
	"close enough and important enough to be in the network",
}

// egoFigure draws one participant's network at baseline and 12 months.
func (tr *Trial) egoFigure(n *Networks, id string, path string) error {
	var titles []string
	for _, m := range n.Months {
		if m == 0 {
			titles = append(titles, "Baseline")
		} else {
			titles = append(titles, monthLabel(m))
		}
	}
	d, err := plot.EgoNetworkOf(id, titles, n.Data, &plot.EgoNetworkSource{Meanings: circleMeanings})
	if err != nil {
		return fmt.Errorf("ego-network figure of %s: %w", id, err)
	}
	f, err := plot.EgoNetwork(d, &plot.EgoNetworkOptions{Title: "Participant " + id + " (intervention arm)"})
	if err != nil {
		return fmt.Errorf("ego-network figure of %s: %w", id, err)
	}
	return f.Save(path, 17*vg.Centimeter, 9.5*vg.Centimeter)
}

// forest draws the standardized adjusted effects, oriented so that positive
// values favour the intervention, one row per instrument and follow-up.
func (tr *Trial) forest(adj []Adjusted, path string) error {
	d := plot.ForestData{Measure: effect.MeasureDAdjusted, Oriented: true}
	for _, a := range adj {
		in := tr.instrument(a.Instrument)
		e := a.D.Favoring(in.Direction)
		d.Studies = append(d.Studies, plot.ForestStudy{
			Label:    fmt.Sprintf("%s, %d months", in.ID, a.Month),
			Estimate: e.Value, CI: e.CI,
		})
	}
	d.Notes = forestNotes(adj)
	f, err := plot.Forest(d, &plot.ForestOptions{
		XLabel: "Standardized adjusted difference (positive favours intervention)",
	})
	if err != nil {
		return fmt.Errorf("forest: %w", err)
	}
	// The rows are outcomes of one trial, not studies: retitle the label
	// column of the returned figure.
	for i := range f.Left {
		for j, c := range f.Left[i].Cells {
			if c.Bold && c.Text == "Study" {
				f.Left[i].Cells[j].Text = "Outcome, follow-up"
			}
		}
	}
	return f.Save(path, figWidth, vg.Length(float64(figHeight)*0.9))
}

func figurePath(dir, name string) string { return filepath.Join(dir, name) }

// forestNotes are the notes under the forest plot, with the confidence
// level the intervals were computed at.
func forestNotes(adj []Adjusted) []string {
	level := 0.95
	if len(adj) > 0 && adj[0].D.CI.Level > 0 {
		level = adj[0].D.CI.Level
	}
	return []string{
		"Adjusted for baseline (ANCOVA); standardized by the pooled follow-up SD;",
		fmt.Sprintf("%.4g%% intervals allow for clustering by care team (design effect from the baseline ICC).", 100*level),
	}
}
