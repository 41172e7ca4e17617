package plot_test

import (
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot/vg"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/effect/meta"
	"github.com/tiesproject/ties/mmat"
	"github.com/tiesproject/ties/plot"
)

// A trajectory from published per-visit summaries: mean, SD and n per arm
// and visit. The intervals are mean ± t(n−1)·SD/√n; the peer-support arm
// missed its 6-month visit, so its line is broken there.
func ExampleTrajectory() {
	v := func(t, mean, sd float64, n int) plot.Visit { return plot.Visit{Time: t, Mean: mean, SD: sd, N: n} }
	arms := []plot.Arm{
		{Name: "Befriending", Visits: []plot.Visit{v(0, 6.9, 1.6, 60), v(3, 5.9, 1.7, 55), v(6, 5.4, 1.8, 51), v(12, 5.5, 1.9, 47)}},
		{Name: "Peer support", Visits: []plot.Visit{v(0, 7.0, 1.5, 58), v(3, 6.2, 1.6, 52), {Time: 6, Mean: math.NaN()}, v(12, 5.9, 1.8, 44)}},
		{Name: "Usual care", Visits: []plot.Visit{v(0, 7.0, 1.6, 61), v(3, 6.9, 1.7, 57), v(6, 6.8, 1.7, 54), v(12, 6.7, 1.8, 50)}},
	}
	fig, err := plot.Trajectory(arms, &plot.TrajectoryOptions{
		Outcome:     "UCLA-3 loneliness score", // e.g. measures.Instrument.Name
		Direction:   "higher = lonelier",       // e.g. measures.Instrument.Direction
		VisitLabels: map[float64]string{0: "Baseline"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fig.Plot.Title.Text = "Loneliness over 12 months" // the plot stays adjustable
	dir, err := os.MkdirTemp("", "ties-plot")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	for _, name := range []string{"trajectory.svg", "trajectory.pdf"} {
		if err := fig.Save(filepath.Join(dir, name), 17*vg.Centimeter, 12*vg.Centimeter); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Println(fig.Table.Title+":", fig.Table.Rows[1].Label, fig.Table.Rows[1].Cells)
	// Output:
	// n assessed: Peer support [58 52 0 44]
}

// A trajectory from long-format participant data: one row per participant
// and visit, NaN for a missed visit. The means and t-based intervals are
// computed, and each participant is drawn as a faint line.
func ExampleTrajectoryLong() {
	obs := []plot.Observation{
		{Arm: "Befriending", ID: "b1", Time: 0, Value: 7}, {Arm: "Befriending", ID: "b1", Time: 6, Value: 5},
		{Arm: "Befriending", ID: "b2", Time: 0, Value: 8}, {Arm: "Befriending", ID: "b2", Time: 6, Value: 6},
		{Arm: "Befriending", ID: "b3", Time: 0, Value: 6}, {Arm: "Befriending", ID: "b3", Time: 6, Value: math.NaN()},
		{Arm: "Usual care", ID: "u1", Time: 0, Value: 7}, {Arm: "Usual care", ID: "u1", Time: 6, Value: 7},
		{Arm: "Usual care", ID: "u2", Time: 0, Value: 6}, {Arm: "Usual care", ID: "u2", Time: 6, Value: 7},
	}
	arms, err := plot.SummarizeVisits(obs, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range arms {
		for _, v := range a.Visits {
			fmt.Printf("%-11s %2g months: n = %d, mean %.2f [%.2f, %.2f]\n", a.Name, v.Time, v.N, v.Mean, v.CI.Lower, v.CI.Upper)
		}
	}
	fig, err := plot.TrajectoryLong(obs, &plot.TrajectoryOptions{Outcome: "UCLA-3 loneliness score"})
	if err != nil {
		log.Fatal(err)
	}
	_ = fig // fig.Save("trajectory.png", 17*vg.Centimeter, 12*vg.Centimeter)
	// Output:
	// Befriending  0 months: n = 3, mean 7.00 [4.52, 9.48]
	// Befriending  6 months: n = 2, mean 5.50 [-0.85, 11.85]
	// Usual care   0 months: n = 2, mean 6.50 [0.15, 12.85]
	// Usual care   6 months: n = 2, mean 7.00 [7.00, 7.00]
}

// A forest plot of a random-effects meta-analysis. On a loneliness scale
// (higher = lonelier) intervention minus usual care favours the
// intervention below zero: the Direction of the outcome scale (as
// measures.Instrument.Direction gives it) says so.
func ExampleForest() {
	studies := []meta.Study{
		{Label: "Trial A 2017", Estimate: effect.Estimate{Measure: effect.MeasureG, Value: -0.31, Variance: 0.0361}},
		{Label: "Trial B 2020", Estimate: effect.Estimate{Measure: effect.MeasureG, Value: -0.08, Variance: 0.0441}},
		{Label: "Trial F 2013", Estimate: effect.Estimate{Measure: effect.MeasureG, Value: -0.22, Variance: 0.0144}},
	}
	re, err := meta.Pool(studies, &meta.Options{Method: meta.REML})
	if err != nil {
		log.Fatal(err)
	}
	d, err := plot.ForestFromMeta(re)
	if err != nil {
		log.Fatal(err)
	}
	fig, err := plot.Forest(d, &plot.ForestOptions{
		Direction:    effect.LowerIsBetter,
		Intervention: "befriending",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(fig.Favors.Left, "|", fig.Favors.Right)
	fmt.Println(fig.Right[0].Cells[len(fig.Right[0].Cells)-2].Text)
	// Output:
	// ← Favours befriending | Favours usual care →
	// −0.21 [−0.39, −0.04]
}

// A funnel plot after trim-and-fill: the imputed studies are open circles
// and the funnel is centred on the estimate pooled over all of them.
func ExampleFunnel() {
	var studies []meta.Study
	for i, p := range []struct{ g, se float64 }{
		{-0.31, 0.19}, {-0.08, 0.21}, {-0.52, 0.28}, {0.05, 0.16}, {-0.41, 0.24}, {-0.22, 0.12},
		{0.12, 0.20}, {-0.65, 0.33}, {-0.18, 0.14}, {-0.72, 0.36}, {-0.15, 0.09}, {-0.58, 0.30},
	} {
		studies = append(studies, meta.Study{Label: fmt.Sprint("Study ", i+1),
			Estimate: effect.Estimate{Measure: effect.MeasureG, Value: p.g, Variance: p.se * p.se}})
	}
	tf, err := meta.TrimFill(studies, nil, &meta.Options{Method: meta.FixedEffect})
	if err != nil {
		log.Fatal(err)
	}
	fig, err := plot.Funnel(plot.FunnelFromTrimFill(tf), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, k := range fig.Key {
		fmt.Println(k.Label)
	}
	// Output:
	// Observed studies
	// Imputed by trim and fill
	// Pseudo 95% confidence limits
	// Centre: fixed-effect estimate
}

// The MMAT traffic-light grid and summary bar of a set of appraisals.
func ExampleTrafficLight() {
	a := mmat.Appraisal{Study: "Trial A 2017", Category: mmat.RCT}
	for id, ans := range map[string]mmat.Answer{"S1": mmat.Yes, "S2": mmat.Yes, "2.1": mmat.Yes,
		"2.2": mmat.Yes, "2.3": mmat.No, "2.4": mmat.CantTell, "2.5": mmat.Yes} {
		a.Set(id, ans, "")
	}
	b := mmat.Appraisal{Study: "Trial H 2023", Category: mmat.RCT}
	b.Set("S1", mmat.Yes, "")
	b.Set("S2", mmat.No, "") // screened out: the rest is not rated
	g := mmat.NewGrid([]mmat.Appraisal{a, b}, nil)

	grid, err := plot.TrafficLight(g, nil)
	if err != nil {
		log.Fatal(err)
	}
	bars, err := plot.AppraisalSummary(g, &plot.AppraisalOptions{Title: "MMAT 2018 criteria"})
	if err != nil {
		log.Fatal(err)
	}
	var key []string
	for _, k := range grid.Key {
		key = append(key, k.Label)
	}
	fmt.Println(strings.Join(key, "; "))
	fmt.Println(bars.Left[0].Cells[2].Text, bars.Right[0].Cells[2].Text)
	fmt.Println(bars.Notes[0])
	// Output:
	// Yes; Can't tell; No; Not rated
	// 2.1  Randomization n = 1
	// 1 study screened out (No to S1 or S2) is not counted for the criteria it was never asked.
}

// Per-visit summaries from long-format data, for a table or for
// Trajectory: the mean, SD, number with data and the t-based interval of
// each arm at each visit. R: t.test(c(7, 8, 6, 9))$conf.int is 5.4457 to
// 9.5543; t.test(c(5, 6, 4))$conf.int is 2.5159 to 7.4841.
func ExampleSummarizeVisits() {
	obs := []plot.Observation{
		{Arm: "Befriending", ID: "b1", Time: 0, Value: 7}, {Arm: "Befriending", ID: "b1", Time: 6, Value: 5},
		{Arm: "Befriending", ID: "b2", Time: 0, Value: 8}, {Arm: "Befriending", ID: "b2", Time: 6, Value: 6},
		{Arm: "Befriending", ID: "b3", Time: 0, Value: 6}, {Arm: "Befriending", ID: "b3", Time: 6, Value: 4},
		{Arm: "Befriending", ID: "b4", Time: 0, Value: 9}, {Arm: "Befriending", ID: "b4", Time: 6, Value: math.NaN()},
	}
	arms, err := plot.SummarizeVisits(obs, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range arms {
		for _, v := range a.Visits {
			fmt.Printf("%s month %g: n %d, mean %.4f (SD %.4f), 95%% CI %.4f to %.4f\n",
				a.Name, v.Time, v.N, v.Mean, v.SD, v.CI.Lower, v.CI.Upper)
		}
	}
	// Output:
	// Befriending month 0: n 4, mean 7.5000 (SD 1.2910), 95% CI 5.4457 to 9.5543
	// Befriending month 6: n 3, mean 5.0000 (SD 1.0000), 95% CI 2.5159 to 7.4841
}
