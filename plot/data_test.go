package plot_test

import (
	"math"
	"math/rand/v2"

	"github.com/tiesproject/ties/effect"
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

// forestData is nine befriending and peer-support trials on a loneliness
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
		{"Mountain 2017", -0.31, 0.19}, {"Lloyd-Evans 2020", -0.08, 0.21},
		{"Sheridan 2015", -0.52, 0.28}, {"Harris 1999", 0.05, 0.16},
		{"Davidson 2004", -0.41, 0.24}, {"Terzian 2013", -0.22, 0.12},
		{"Castelein 2008", 0.12, 0.20}, {"Thomas 2023", -0.65, 0.33},
		{"Kaplan 2011", -0.18, 0.14},
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
