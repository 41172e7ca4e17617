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
