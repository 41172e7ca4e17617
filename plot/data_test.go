package plot_test

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/effect/meta"
	"github.com/tiesproject/ties/mmat"
	"github.com/tiesproject/ties/plot"
)

// trialObservations is a synthetic two-arm trial of a befriending
// intervention: UCLA-3 loneliness scores (3-9, higher = lonelier) at
// baseline, 3, 6 and 12 months, with dropout. Integer scores from a
// seeded PCG make it identical on every platform.
func trialObservations() []plot.Observation {
	rng := rand.New(rand.NewPCG(2024, 11))
	var obs []plot.Observation
	times := []float64{0, 3, 6, 12}
	for _, arm := range []string{"Befriending", "Usual care"} {
		for i := 0; i < 40; i++ {
			id := arm[:1] + string(rune('A'+i/26)) + string(rune('a'+i%26))
			base := 5 + rng.IntN(5) // 5..9
			dropped := false
			for j, t := range times {
				if j > 0 && !dropped && rng.IntN(10) == 0 {
					dropped = true
				}
				v := math.NaN()
				if !dropped {
					drift := 0
					if arm == "Befriending" {
						drift = -j // improves over time
						if j == 3 {
							drift = -2
						}
					}
					s := base + drift + rng.IntN(3) - 1
					v = float64(min(9, max(3, s)))
				}
				obs = append(obs, plot.Observation{Arm: arm, ID: id, Time: t, Value: v})
			}
		}
	}
	return obs
}

// forestData is nine invented befriending and peer-support trials (made-up
// labels and numbers, not real studies) on a loneliness
// scale (Hedges' g, intervention − usual care, so negative favours the
// intervention), with fixed- and random-effects pooled rows.
func forestData() plot.ForestData {
	ci := func(g, se float64) effect.Interval {
		return effect.Interval{Lower: g - 1.959964*se, Upper: g + 1.959964*se, Level: 0.95}
	}
	studies := []struct {
		label string
		g, se float64
	}{
		{"Trial A 2017", -0.31, 0.19}, {"Trial B 2020", -0.08, 0.21},
		{"Trial C 2015", -0.52, 0.28}, {"Trial D 1999", 0.05, 0.16},
		{"Trial E 2004", -0.41, 0.24}, {"Trial F 2013", -0.22, 0.12},
		{"Trial G 2008", 0.12, 0.20}, {"Trial H 2023", -0.65, 0.33},
		{"Trial I 2011", -0.18, 0.14},
	}
	d := plot.ForestData{Measure: effect.MeasureG}
	for _, s := range studies {
		d.Studies = append(d.Studies, plot.ForestStudy{Label: s.label, Estimate: s.g, CI: ci(s.g, s.se), Weight: 1 / (s.se*s.se + 0.01)})
	}
	d.Pooled = []plot.ForestPooled{
		{Label: "Fixed effect", Estimate: -0.17, CI: ci(-0.17, 0.062)},
		{Label: "Random effects (REML)", Estimate: -0.19, CI: ci(-0.19, 0.075),
			Prediction: effect.Interval{Lower: -0.48, Upper: 0.10, Level: 0.95}},
	}
	d.Notes = []string{"Heterogeneity: τ² = 0.010, I² = 21%, Q = 10.1 (df = 8, p = 0.26)"}
	return d
}

// funnelData is twelve trials with small-study asymmetry and three
// studies imputed by trim-and-fill.
func funnelData() plot.FunnelData {
	pts := []struct{ g, se float64 }{
		{-0.31, 0.19}, {-0.08, 0.21}, {-0.52, 0.28}, {0.05, 0.16}, {-0.41, 0.24}, {-0.22, 0.12},
		{0.12, 0.20}, {-0.65, 0.33}, {-0.18, 0.14}, {-0.72, 0.36}, {-0.15, 0.09}, {-0.58, 0.30},
	}
	d := plot.FunnelData{Measure: effect.MeasureG}
	for i, p := range pts {
		d.Studies = append(d.Studies, plot.FunnelStudy{Label: fmt.Sprintf("Study %d", i+1), Estimate: p.g, SE: p.se})
	}
	for i, p := range []struct{ g, se float64 }{{0.26, 0.36}, {0.12, 0.33}, {0.04, 0.30}} {
		d.Studies = append(d.Studies, plot.FunnelStudy{Label: fmt.Sprintf("Filled %d", i+1), Estimate: p.g, SE: p.se, Filled: true})
	}
	return d
}

// appraisalGrid is eight studies of a review of social interventions:
// six RCTs, one non-randomized study and one screened out after S2.
func appraisalGrid() mmat.Grid {
	const Y, N, C = mmat.Yes, mmat.No, mmat.CantTell
	rows := []struct {
		study string
		cat   mmat.Category
		ans   []mmat.Answer // S1, S2, then the category's five criteria
	}{
		{"Trial A 2017", mmat.RCT, []mmat.Answer{Y, Y, Y, Y, N, C, Y}},
		{"Trial B 2020", mmat.RCT, []mmat.Answer{Y, Y, Y, Y, Y, Y, C}},
		{"Trial C 2015", mmat.RCT, []mmat.Answer{Y, Y, C, Y, N, N, Y}},
		{"Trial D 1999", mmat.RCT, []mmat.Answer{Y, Y, C, C, N, C, N}},
		{"Trial E 2004", mmat.RCT, []mmat.Answer{Y, Y, Y, N, Y, C, Y}},
		{"Trial F 2013", mmat.RCT, []mmat.Answer{Y, Y, Y, Y, Y, Y, Y}},
		{"Trial G 2008", mmat.NonRandomized, []mmat.Answer{Y, Y, Y, Y, C, N, Y}},
		{"Trial H 2023", mmat.RCT, []mmat.Answer{Y, N}},
	}
	var apps []mmat.Appraisal
	for _, r := range rows {
		a := mmat.Appraisal{Study: r.study, Category: r.cat}
		ids := []string{"S1", "S2"}
		for _, c := range mmat.CategoryCriteria(r.cat) {
			ids = append(ids, c.ID)
		}
		for k, ans := range r.ans {
			a.Set(ids[k], ans, "")
		}
		apps = append(apps, a)
	}
	return mmat.NewGrid(apps, nil)
}

// metaStudies turns forestData's studies into meta.Study values.
func metaStudies() []meta.Study {
	var out []meta.Study
	for _, s := range forestData().Studies {
		se := (s.CI.Upper - s.CI.Lower) / (2 * 1.959964)
		out = append(out, meta.Study{Label: s.Label, Estimate: effect.Estimate{Measure: effect.MeasureG, Value: s.Estimate, Variance: se * se}})
	}
	return out
}

// armSummaries is a three-arm trial given as published summaries, with
// the peer-support arm's 6-month visit missing.
func armSummaries() []plot.Arm {
	v := func(t, m, sd float64, n int) plot.Visit { return plot.Visit{Time: t, Mean: m, SD: sd, N: n} }
	return []plot.Arm{
		{Name: "Befriending", Visits: []plot.Visit{v(0, 6.9, 1.6, 60), v(3, 5.9, 1.7, 55), v(6, 5.4, 1.8, 51), v(12, 5.5, 1.9, 47)}},
		{Name: "Peer support", Visits: []plot.Visit{v(0, 7.0, 1.5, 58), v(3, 6.2, 1.6, 52), {Time: 6, Mean: math.NaN()}, v(12, 5.9, 1.8, 44)}},
		{Name: "Usual care", Visits: []plot.Visit{v(0, 7.0, 1.6, 61), v(3, 6.9, 1.7, 57), v(6, 6.8, 1.7, 54), v(12, 6.7, 1.8, 50)}},
	}
}
