package plot_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/effect/meta"
	"github.com/tiesproject/ties/mmat"
	"github.com/tiesproject/ties/plot"
)

var nan = math.NaN()

type badCase struct {
	name  string
	field string // must appear in the error message
	run   func() (*plot.Figure, error)
}

func checkBad(t *testing.T, cases []badCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fig, err := c.run()
			if err == nil {
				t.Fatalf("no error (figure %v)", fig)
			}
			if fig != nil {
				t.Errorf("figure returned with error %v", err)
			}
			if !errors.Is(err, plot.ErrInvalidInput) || !errors.Is(err, effect.ErrInvalidInput) {
				t.Errorf("error %v does not wrap plot.ErrInvalidInput and effect.ErrInvalidInput", err)
			}
			var ie *effect.FieldError
			if !errors.As(err, &ie) {
				t.Errorf("error %v is not an *effect.FieldError", err)
			}
			if !strings.Contains(err.Error(), c.field) {
				t.Errorf("error %q does not name %q", err, c.field)
			}
		})
	}
}

func arms(mod func(a []plot.Arm)) func() (*plot.Figure, error) {
	return func() (*plot.Figure, error) {
		a := armSummaries()
		mod(a)
		return plot.Trajectory(a, nil)
	}
}

func TestTrajectoryBadInput(t *testing.T) {
	ci := func(lo, hi, l float64) effect.Interval { return effect.Interval{Lower: lo, Upper: hi, Level: l} }
	checkBad(t, []badCase{
		{"no arms", "Arms", func() (*plot.Figure, error) { return plot.Trajectory(nil, nil) }},
		{"empty name", "Arms[1].Name", arms(func(a []plot.Arm) { a[1].Name = "" })},
		{"duplicate name", "Arms[2 \"Befriending\"].Name", arms(func(a []plot.Arm) { a[2].Name = "Befriending" })},
		{"no visits", "Arms[0 \"Befriending\"].Visits", arms(func(a []plot.Arm) { a[0].Visits = nil })},
		{"NaN time", "Visits[1].Time", arms(func(a []plot.Arm) { a[0].Visits[1].Time = nan })},
		{"Inf time", "Visits[1].Time", arms(func(a []plot.Arm) { a[0].Visits[1].Time = math.Inf(1) })},
		{"duplicate time", "Visits[2].Time", arms(func(a []plot.Arm) { a[0].Visits[2].Time = 3 })},
		{"Inf mean", "Visits[0].Mean", arms(func(a []plot.Arm) { a[2].Visits[0].Mean = math.Inf(-1) })},
		{"negative N", "Visits[0].N", arms(func(a []plot.Arm) { a[0].Visits[0].N = -1 })},
		{"negative SD", "Visits[3].SD", arms(func(a []plot.Arm) { a[0].Visits[3].SD = -0.1 })},
		{"CI level", "CI.Level", arms(func(a []plot.Arm) { a[0].Visits[0].CI = ci(6, 7, 95) })},
		{"CI misses mean", "Visits[0].CI", arms(func(a []plot.Arm) { a[0].Visits[0].CI = ci(7, 8, 0.95) })},
		{"CI NaN", "Visits[0].CI", arms(func(a []plot.Arm) { a[0].Visits[0].CI = ci(nan, 8, 0.95) })},
		{"mixed levels", "CI.Level", arms(func(a []plot.Arm) { a[1].Visits[0].CI = ci(6, 8, 0.9) })},
		{"all missing", "Arms[1 \"Peer support\"].Visits", arms(func(a []plot.Arm) {
			for i := range a[1].Visits {
				a[1].Visits[i].Mean = nan
			}
		})},
		{"participant lengths", "Participants[0 \"p1\"]", arms(func(a []plot.Arm) {
			a[0].Participants = []plot.Series{{ID: "p1", Time: []float64{0, 3}, Value: []float64{1}}}
		})},
		{"participant Inf", "Value[1]", arms(func(a []plot.Arm) {
			a[0].Participants = []plot.Series{{ID: "p1", Time: []float64{0, 3}, Value: []float64{1, math.Inf(1)}}}
		})},
		{"level", "Level", func() (*plot.Figure, error) {
			return plot.Trajectory(armSummaries(), &plot.TrajectoryOptions{Level: 1})
		}},
		{"dodge", "Dodge", func() (*plot.Figure, error) {
			return plot.Trajectory(armSummaries(), &plot.TrajectoryOptions{Dodge: -1})
		}},
	})
}

func long(obs ...plot.Observation) func() (*plot.Figure, error) {
	return func() (*plot.Figure, error) { return plot.TrajectoryLong(obs, nil) }
}

func TestTrajectoryLongBadInput(t *testing.T) {
	o := func(arm, id string, tm, v float64) plot.Observation {
		return plot.Observation{Arm: arm, ID: id, Time: tm, Value: v}
	}
	checkBad(t, []badCase{
		{"empty", "Observations", long()},
		{"empty arm", "Observations[1].Arm", long(o("A", "1", 0, 1), o("", "2", 0, 1))},
		{"NaN time", "Observations[0].Time", long(o("A", "1", nan, 1))},
		{"Inf value", "Observations[1].Value", long(o("A", "1", 0, 1), o("A", "1", 3, math.Inf(1)))},
		{"two arms", "Observations[1].ID", long(o("A", "1", 0, 1), o("B", "1", 3, 2))},
		{"twice at a time", "Observations[1].ID", long(o("A", "1", 0, 1), o("A", "1", 0, 2))},
		{"all missing", "Visits", long(o("A", "1", 0, nan), o("A", "2", 0, nan))},
		{"level", "Level", func() (*plot.Figure, error) {
			return plot.TrajectoryLong([]plot.Observation{o("A", "1", 0, 1)}, &plot.TrajectoryOptions{Level: -0.5})
		}},
	})
}

func forest(mod func(d *plot.ForestData)) func() (*plot.Figure, error) {
	return func() (*plot.Figure, error) {
		d := forestData()
		mod(&d)
		return plot.Forest(d, nil)
	}
}

func TestForestBadInput(t *testing.T) {
	checkBad(t, []badCase{
		{"no studies", "Studies", forest(func(d *plot.ForestData) { d.Studies = nil })},
		{"empty label", "Studies[2].Label", forest(func(d *plot.ForestData) { d.Studies[2].Label = "" })},
		{"NaN estimate", `Studies[3 "Trial D 1999"].Estimate`, forest(func(d *plot.ForestData) { d.Studies[3].Estimate = nan })},
		{"Inf estimate", `Studies[3 "Trial D 1999"].Estimate`, forest(func(d *plot.ForestData) { d.Studies[3].Estimate = math.Inf(1) })},
		{"negative weight", `Studies[0 "Trial A 2017"].Weight`, forest(func(d *plot.ForestData) { d.Studies[0].Weight = -1 })},
		{"NaN weight", `Studies[0 "Trial A 2017"].Weight`, forest(func(d *plot.ForestData) { d.Studies[0].Weight = nan })},
		{"no level", "CI.Level", forest(func(d *plot.ForestData) { d.Studies[1].CI.Level = 0 })},
		{"mixed levels", "CI.Level", forest(func(d *plot.ForestData) { d.Studies[1].CI.Level = 0.9 })},
		{"CI reversed", `Studies[4 "Trial E 2004"].CI`, forest(func(d *plot.ForestData) { d.Studies[4].CI.Upper = -0.9 })},
		{"CI NaN", `Studies[4 "Trial E 2004"].CI`, forest(func(d *plot.ForestData) { d.Studies[4].CI.Lower = nan })},
		{"pooled label", "Pooled[0].Label", forest(func(d *plot.ForestData) { d.Pooled[0].Label = "" })},
		{"pooled NaN", `Pooled[1 "Random effects (REML)"].Estimate`, forest(func(d *plot.ForestData) { d.Pooled[1].Estimate = nan })},
		{"prediction", "Prediction", forest(func(d *plot.ForestData) { d.Pooled[1].Prediction.Lower = nan })},
		{"prediction level", "Prediction.Level", forest(func(d *plot.ForestData) { d.Pooled[1].Prediction.Level = 2 })},
		{"ratio overflow", "CI", forest(func(d *plot.ForestData) {
			d.Measure = effect.MeasureLogOR
			d.Studies[0].CI.Upper = 1000
		})},
		{"decimals", "Decimals", func() (*plot.Figure, error) {
			return plot.Forest(forestData(), &plot.ForestOptions{Decimals: -1})
		}},
	})
}

func funnel(mod func(d *plot.FunnelData), o *plot.FunnelOptions) func() (*plot.Figure, error) {
	return func() (*plot.Figure, error) {
		d := funnelData()
		mod(&d)
		return plot.Funnel(d, o)
	}
}

func TestFunnelBadInput(t *testing.T) {
	checkBad(t, []badCase{
		{"no studies", "Studies", funnel(func(d *plot.FunnelData) { d.Studies = nil }, nil)},
		{"NaN estimate", `Studies[2 "Study 3"].Estimate`, funnel(func(d *plot.FunnelData) { d.Studies[2].Estimate = nan }, nil)},
		{"negative SE", `Studies[1 "Study 2"].SE`, funnel(func(d *plot.FunnelData) { d.Studies[1].SE = -0.2 }, nil)},
		{"zero SE", `Studies[1 "Study 2"].SE`, funnel(func(d *plot.FunnelData) { d.Studies[1].SE = 0 }, nil)},
		{"NaN SE", `Studies[1 "Study 2"].SE`, funnel(func(d *plot.FunnelData) { d.Studies[1].SE = nan }, nil)},
		{"all filled", "Studies", funnel(func(d *plot.FunnelData) {
			for i := range d.Studies {
				d.Studies[i].Filled = true
			}
		}, nil)},
		{"centre", "Center", funnel(func(d *plot.FunnelData) { d.Center = &nan }, nil)},
		{"level", "Level", funnel(func(d *plot.FunnelData) {}, &plot.FunnelOptions{Level: 1.5})},
	})
}

func grid(mod func(g *mmat.Grid)) func() (*plot.Figure, error) {
	return func() (*plot.Figure, error) {
		g := appraisalGrid()
		mod(&g)
		return plot.TrafficLight(g, nil)
	}
}

func TestAppraisalBadInput(t *testing.T) {
	cases := []badCase{
		{"no studies", "Studies", grid(func(g *mmat.Grid) { *g = mmat.Grid{} })},
		{"no criteria", "Criteria", grid(func(g *mmat.Grid) { g.Criteria = nil })},
		{"rows", "Answers", grid(func(g *mmat.Grid) { g.Answers = g.Answers[1:] })},
		{"applies rows", "Applies", grid(func(g *mmat.Grid) { g.Applies = g.Applies[1:] })},
		{"raters", "Raters", grid(func(g *mmat.Grid) { g.Raters = []string{"A"} })},
		{"row length", `Answers[2 "Trial C 2015"]`, grid(func(g *mmat.Grid) { g.Answers[2] = g.Answers[2][1:] })},
		{"applies length", `Applies[2 "Trial C 2015"]`, grid(func(g *mmat.Grid) { g.Applies[2] = nil })},
		{"unknown answer", `Answers[1 "Trial B 2020"][3 2.2]`, grid(func(g *mmat.Grid) { g.Answers[1][3] = 9 })},
		{"empty study", "Studies[0]", grid(func(g *mmat.Grid) { g.Studies[0] = "" })},
		{"empty criterion", "Criteria[1].ID", grid(func(g *mmat.Grid) { g.Criteria[1].ID = "" })},
	}
	checkBad(t, cases)
	// The summary bar validates the same way.
	checkBad(t, []badCase{
		{"summary rows", "Answers", func() (*plot.Figure, error) {
			g := appraisalGrid()
			g.Answers = g.Answers[1:]
			return plot.AppraisalSummary(g, nil)
		}},
		{"summary unknown answer", "unknown answer", func() (*plot.Figure, error) {
			g := appraisalGrid()
			g.Answers[0][0] = -1
			return plot.AppraisalSummary(g, nil)
		}},
	})
}

func TestForestFromMetaBadInput(t *testing.T) {
	re, err := meta.Pool(metaStudies(), nil)
	if err != nil {
		t.Fatal(err)
	}
	fewer, err := meta.Pool(metaStudies()[1:], nil)
	if err != nil {
		t.Fatal(err)
	}
	checkBad(t, []badCase{
		{"none", "results", func() (*plot.Figure, error) {
			_, err := plot.ForestFromMeta()
			return nil, err
		}},
		{"mismatched", "results[0].Studies", func() (*plot.Figure, error) {
			_, err := plot.ForestFromMeta(fewer, re)
			return nil, err
		}},
	})
}

func TestSaveErrors(t *testing.T) {
	fig, err := plot.Forest(forestData(), nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		path string
		w, h vg.Length
		dpi  int
	}{
		{"unknown extension", dir + "/f.bmp", 10 * cm, 10 * cm, 0},
		{"EPS", dir + "/f.eps", 10 * cm, 10 * cm, 0},
		{"no extension", dir + "/f", 10 * cm, 10 * cm, 0},
		{"zero width", dir + "/f.svg", 0, 10 * cm, 0},
		{"negative height", dir + "/f.png", 10 * cm, -1, 0},
		{"NaN size", dir + "/f.svg", vg.Length(nan), 10 * cm, 0},
		{"negative DPI", dir + "/f.png", 10 * cm, 10 * cm, -300},
	} {
		fig.DPI = c.dpi
		if err := fig.Save(c.path, c.w, c.h); !errors.Is(err, plot.ErrFormat) {
			t.Errorf("%s: got %v, want ErrFormat", c.name, err)
		}
	}
	var empty plot.Figure
	if err := empty.Save(dir+"/f.svg", cm, cm); !errors.Is(err, plot.ErrFormat) {
		t.Errorf("empty figure: got %v, want ErrFormat", err)
	}
}
