package meta

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// BenchmarkREML2000 pools the 2,000 generated studies of
// testdata/golden/meta/data_gen2000.csv with REML (the full Pool: tau²,
// its Q-profile CI, I², prediction interval and study weights). The same
// data are timed in metafor by testdata/golden/meta/timing.R.
func BenchmarkREML2000(b *testing.B) {
	st := readStudies(b, "gen2000")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Pool(st, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// genStudies draws k SMD-like studies as gen.R does (true effects
// N(-0.3, 0.1²), 20-200 per arm) from a seeded generator.
func genStudies(k int) []Study {
	rng := rand.New(rand.NewPCG(20261122, 6))
	st := make([]Study, k)
	for i := range st {
		n := float64(20 + rng.IntN(181))
		v := 2/n + 0.09/(4*n)
		st[i] = Study{Estimate: effect.Estimate{
			Value:    -0.3 + 0.1*rng.NormFloat64() + math.Sqrt(v)*rng.NormFloat64(),
			Variance: v,
		}}
	}
	return st
}

func BenchmarkREML1e6(b *testing.B) {
	st := genStudies(1_000_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Pool(st, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMethods2000(b *testing.B) {
	st := readStudies(b, "gen2000")
	for _, m := range []Method{FixedEffect, DerSimonianLaird, ML, PauleMandel, SidikJonkman} {
		b.Run(m.String(), func(b *testing.B) {
			for b.Loop() {
				if _, err := Pool(st, &Options{Method: m}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkTrimFill2000(b *testing.B) {
	st := readStudies(b, "gen2000")
	for b.Loop() {
		if _, err := TrimFill(st, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}
