package plot_test

import (
	"io"
	"testing"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/mmat"
	"github.com/tiesproject/ties/plot"
)

// TestEdgeCases draws minimal but valid inputs: one arm with one visit,
// one study without weights or pooled rows, one funnel point, a one-cell
// appraisal grid, a visit with N = 1 (no interval) and a degenerate CI.
func TestEdgeCases(t *testing.T) {
	ci := effect.Interval{Lower: -0.5, Upper: 0.5, Level: 0.9}
	one := mmat.Grid{Studies: []string{"Solo 2020"}, Criteria: []mmat.Criterion{{ID: "S1"}}, Answers: [][]mmat.Answer{{mmat.CantTell}}}
	cases := map[string]func() (*plot.Figure, error){
		"one arm one visit": func() (*plot.Figure, error) {
			return plot.Trajectory([]plot.Arm{{Name: "A", Visits: []plot.Visit{{Time: 0, Mean: 5, SD: 1, N: 10}}}}, nil)
		},
		"N=1 and SD 0": func() (*plot.Figure, error) {
			return plot.Trajectory([]plot.Arm{{Name: "A", Visits: []plot.Visit{{Time: 0, Mean: 5, N: 1}, {Time: 6, Mean: 4, SD: 0, N: 3}}}}, nil)
		},
		"one study": func() (*plot.Figure, error) {
			return plot.Forest(plot.ForestData{Studies: []plot.ForestStudy{{Label: "Solo", CI: ci}}}, nil)
		},
		"degenerate CI": func() (*plot.Figure, error) {
			return plot.Forest(plot.ForestData{Studies: []plot.ForestStudy{{Label: "Solo", CI: effect.Interval{Level: 0.95}}},
				Pooled: []plot.ForestPooled{{Label: "Pooled", CI: effect.Interval{Level: 0.95}}}}, nil)
		},
		"estimate outside its CI": func() (*plot.Figure, error) {
			return plot.Forest(plot.ForestData{Studies: []plot.ForestStudy{{Label: "Boot", Estimate: 0.7, CI: ci}}}, nil)
		},
		"one point": func() (*plot.Figure, error) {
			return plot.Funnel(plot.FunnelData{Studies: []plot.FunnelStudy{{Estimate: 0.2, SE: 0.1}}}, nil)
		},
		"one cell": func() (*plot.Figure, error) { return plot.TrafficLight(one, nil) },
		"one bar":  func() (*plot.Figure, error) { return plot.AppraisalSummary(one, nil) },
		"oriented": func() (*plot.Figure, error) {
			return plot.Forest(plot.ForestData{Oriented: true, Studies: []plot.ForestStudy{{Label: "S", CI: ci}}}, nil)
		},
		"benefitAbove": func() (*plot.Figure, error) {
			return plot.Forest(forestData(), &plot.ForestOptions{Direction: effect.HigherIsBetter})
		},
	}
	for name, build := range cases {
		fig, err := build()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		wt, err := fig.WriterTo(10*cm, 8*cm, "svg")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if _, err := wt.WriteTo(io.Discard); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestFavorsSides checks that the favours labels follow Benefit and
// Oriented.
func TestFavorsSides(t *testing.T) {
	for _, c := range []struct {
		benefit     effect.Direction
		oriented    bool
		left, right string
	}{
		{effect.LowerIsBetter, false, "← Favours intervention", "Favours usual care →"},
		{effect.HigherIsBetter, false, "← Favours usual care", "Favours intervention →"},
		{effect.UnknownDirection, true, "← Favours usual care", "Favours intervention →"},
	} {
		d := forestData()
		d.Oriented = c.oriented
		fig, err := plot.Forest(d, &plot.ForestOptions{Direction: c.benefit})
		if err != nil {
			t.Fatal(err)
		}
		if fig.Favors == nil || fig.Favors.Left != c.left || fig.Favors.Right != c.right || fig.Favors.At != 0 {
			t.Errorf("benefit %v oriented %v: favours %+v", c.benefit, c.oriented, fig.Favors)
		}
	}
	fig, err := plot.Forest(forestData(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if fig.Favors != nil {
		t.Errorf("unknown benefit: favours %+v, want none", fig.Favors)
	}
	d := forestData()
	d.Measure = effect.MeasureLogRR
	fig, err = plot.Forest(d, &plot.ForestOptions{Direction: effect.LowerIsBetter})
	if err != nil {
		t.Fatal(err)
	}
	if fig.Favors.At != 1 {
		t.Errorf("ratio null at %v, want 1", fig.Favors.At)
	}
}
