package measures

import (
	"math/rand/v2"
	"testing"

	"github.com/tiesproject/ties/internal/cputime"
)

// benchResponses returns n respondents × k items of codes 1..4 as a flat
// row-major matrix.
func benchResponses(n, k int) []float64 {
	rng := rand.New(rand.NewPCG(1, 2))
	x := make([]float64, n*k)
	for i := range x {
		x[i] = float64(1 + rng.IntN(4))
	}
	return x
}

// BenchmarkScoreMatrix scores 1,000,000 respondents on the 20-item UCLA
// Loneliness Scale v3 per iteration; the items/s metric is item responses
// scored per second.
func BenchmarkScoreMatrix(b *testing.B) {
	in, err := Lookup("ucla-ls3")
	if err != nil {
		b.Fatal(err)
	}
	const n, k = 1_000_000, 20
	x := benchResponses(n, k)
	var dst Scores
	if err := in.ScoreMatrix(&dst, x, nil); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cputime.Process().Seconds()
	for range b.N {
		if err := in.ScoreMatrix(&dst, x, nil); err != nil {
			b.Fatal(err)
		}
	}
	cpu := cputime.Process().Seconds() - cpu0
	b.ReportMetric(float64(n*k)*float64(b.N)/b.Elapsed().Seconds(), "items/s")
	if cpu > 0 {
		// Throughput per CPU second: on a loaded machine wall time
		// includes time the process waited for a core.
		b.ReportMetric(float64(n*k)*float64(b.N)/cpu, "items/cpu-s")
	}
}

// BenchmarkScore is the single-respondent API (allocates its result).
func BenchmarkScore(b *testing.B) {
	in, _ := Lookup("ucla-ls3")
	x := benchResponses(1, 20)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := in.Score(x); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(20*float64(b.N)/b.Elapsed().Seconds(), "items/s")
}
