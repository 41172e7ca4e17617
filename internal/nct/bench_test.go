package nct

import (
	"testing"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/tiesproject/ties/internal/cputime"
)

var sink float64

// Benchmarks by region. "typical" is the two-group SMD case effect-core
// inverts most often.
var benchCases = []struct {
	name       string
	t, df, ncp float64
}{
	{"typical/t=2.2,df=90,ncp=2", 2.2, 90, 2},
	{"smalldf/t=2,df=3,ncp=1", 2, 3, 1},
	{"lowertail/t=-5,df=30,ncp=5", -5, 30, 5},
	{"largencp/t=40,df=200,ncp=44", 40, 200, 44},
	{"hugedf/t=56,df=1e6,ncp=58", 56, 1e6, 58},
	{"extreme/t=1000,df=1e4,ncp=1000", 1000, 1e4, 1000},
}

func BenchmarkCDF(b *testing.B) {
	for _, c := range benchCases {
		b.Run(c.name, func(b *testing.B) {
			cputime.Bench(b, func() { sink += CDF(c.t, c.df, c.ncp) })
		})
	}
}

func BenchmarkSurvival(b *testing.B) {
	for _, c := range benchCases {
		b.Run(c.name, func(b *testing.B) {
			cputime.Bench(b, func() { sink += Survival(c.t, c.df, c.ncp) })
		})
	}
}

func BenchmarkNCPInterval(b *testing.B) {
	for _, c := range []struct {
		name  string
		t, df float64
	}{
		{"t=2.217,df=90", 2.21706754597, 90},
		{"t=2,df=2", 2, 2},
		{"t=40,df=200", 40, 200},
		{"t=56,df=1e6", 56, 1e6},
	} {
		b.Run(c.name, func(b *testing.B) {
			cputime.Bench(b, func() {
				lo, hi, _ := NCPInterval(c.t, c.df, 0.95)
				sink += lo + hi
			})
		})
	}
}

// BenchmarkGonumCDF times gonum's distuv.NoncentralT.CDF (AS 243) on the
// same cases, for a same-run ratio. (Its values are not accurate beyond
// |ncp| 37.62; see doc.go.)
func BenchmarkGonumCDF(b *testing.B) {
	for _, c := range benchCases {
		b.Run(c.name, func(b *testing.B) {
			d := distuv.NoncentralT{Nu: c.df, Mu: c.ncp}
			cputime.Bench(b, func() { sink += d.CDF(c.t) })
		})
	}
}

func BenchmarkFastNCPInterval(b *testing.B) {
	for _, c := range []struct {
		name  string
		t, df float64
	}{
		{"t=-2.217,df=90", -2.21706754597, 90},
		{"t=2,df=2", 2, 2},
		{"t=6,df=38", 6, 38},
		{"t=6.3,df=38(d=2,n=20+20)", 6.32, 38},
		{"t=1.58,df=8(d=1,n=5+5)", 1.58, 8},
		{"t=3.2,df=998", 3.2, 998},
		{"t=40,df=200", 40, 200},
	} {
		b.Run(c.name, func(b *testing.B) {
			cputime.Bench(b, func() {
				lo, hi, _ := FastNCPInterval(c.t, c.df, 0.95)
				sink += lo + hi
			})
		})
	}
}
