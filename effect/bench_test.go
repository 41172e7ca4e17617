package effect

import (
	"testing"

	"github.com/tiesproject/ties/internal/cputime"
	"github.com/tiesproject/ties/internal/nct"
)

var (
	sinkE Estimate
	sinkF float64
)

var (
	bT  = Group{Mean: 38.2, SD: 9.1, N: 45}
	bC  = Group{Mean: 42.7, SD: 10.3, N: 47}
	bPP = PrePost{Pre: Group{40.3, 10.2, 40}, Post: Group{35.1, 9.5, 40}, R: 0.6}
)

func benchTwoArm(b *testing.B, f func(Group, Group, *Options) (Estimate, error), o *Options) {
	cputime.Bench(b, func() { sinkE, _ = f(bT, bC, o) })
}

// BenchmarkHedgesG is the figure the performance target refers to: Hedges'
// g from summaries with the exact (noncentral t) 95% CI.
func BenchmarkHedgesG(b *testing.B) { benchTwoArm(b, HedgesG, nil) }

func BenchmarkHedgesGWald(b *testing.B) { benchTwoArm(b, HedgesG, &Options{CI: Wald}) }
func BenchmarkCohenD(b *testing.B)      { benchTwoArm(b, CohenD, nil) }
func BenchmarkGlassDelta(b *testing.B)  { benchTwoArm(b, GlassDelta, nil) }
func BenchmarkSMDH(b *testing.B)        { benchTwoArm(b, SMDH, nil) }
func BenchmarkSMDHWelchExact(b *testing.B) {
	benchTwoArm(b, SMDH, &Options{CI: NoncentralT})
}

// Exact CI in the region where only internal/nct is accurate (|ncp| > 35).
func BenchmarkHedgesGLargeNCP(b *testing.B) {
	t, c := Group{Mean: 50, SD: 10, N: 1000}, Group{Mean: 30, SD: 10, N: 1000}
	cputime.Bench(b, func() { sinkE, _ = HedgesG(t, c, nil) })
}

func BenchmarkFromT(b *testing.B) {
	cputime.Bench(b, func() { sinkE, _ = FromT(-2.217, 45, 47, nil) })
}

func BenchmarkFromF(b *testing.B) {
	cputime.Bench(b, func() { sinkE, _ = FromF(4.915, -1, 45, 47, nil) })
}

func BenchmarkFromP(b *testing.B) {
	cputime.Bench(b, func() { sinkE, _ = FromP(0.029, -1, 45, 47, nil) })
}

func BenchmarkFromSamples(b *testing.B) {
	x := []float64{3, 4, 6, 7, 5, 6, 7, 3, 5, 4, 2}
	y := []float64{4, 6, 6, 7, 6, 5, 5, 2, 3, 4, 1}
	cputime.Bench(b, func() { sinkE, _ = FromSamples(MeasureG, x, y, nil) })
}

func benchWithin(b *testing.B, f func(PrePost, *Options) (Estimate, error)) {
	cputime.Bench(b, func() { sinkE, _ = f(bPP, nil) })
}

func BenchmarkDz(b *testing.B)      { benchWithin(b, Dz) }
func BenchmarkDrm(b *testing.B)     { benchWithin(b, Drm) }
func BenchmarkDav(b *testing.B)     { benchWithin(b, Dav) }
func BenchmarkDBecker(b *testing.B) { benchWithin(b, DBecker) }

func BenchmarkSummarizePairs(b *testing.B) {
	x := []float64{131, 124, 130, 105, 102, 120, 101, 120}
	y := []float64{133, 134, 129, 112, 106, 125, 106, 129}
	for i := 0; i < b.N; i++ {
		pp, _ := SummarizePairs(x, y)
		sinkF = pp.R
	}
}

func BenchmarkRFromD(b *testing.B) {
	e := Estimate{Value: -0.46, Variance: 0.045, CI: Interval{-0.87, -0.05, 0.95}}
	for i := 0; i < b.N; i++ {
		sinkE, _ = RFromD(e, 45, 47)
	}
}

func BenchmarkDFromR(b *testing.B) {
	e := Estimate{Value: -0.23, Variance: 0.01, CI: Interval{-0.4, -0.02, 0.95}}
	for i := 0; i < b.N; i++ {
		sinkE, _ = DFromR(e, 45, 47)
	}
}

func BenchmarkLogORFromD(b *testing.B) {
	e := Estimate{Value: -0.46, Variance: 0.045}
	for i := 0; i < b.N; i++ {
		sinkE, _ = LogORFromD(e, Logistic)
	}
}

func BenchmarkDFromLogOR(b *testing.B) {
	e := Estimate{Value: -0.88, Variance: 0.2}
	for i := 0; i < b.N; i++ {
		sinkE, _ = DFromLogOR(e, Cox)
	}
}

func BenchmarkNNTKraemer(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkF, _ = NNTKraemer(0.5)
	}
}

func BenchmarkNNTFurukawa(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkF, _ = NNTFurukawa(0.5, 0.2)
	}
}

func BenchmarkMagnitude(b *testing.B) {
	for i := 0; i < b.N; i++ {
		s, _ := Magnitude(0.46, GignacSzodorai2016)
		sinkF = float64(len(s))
	}
}

func BenchmarkJ(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkF = J(90)
	}
}

func BenchmarkFavoring(b *testing.B) {
	e := Estimate{Value: -0.46, CI: Interval{-0.87, -0.05, 0.95}}
	for i := 0; i < b.N; i++ {
		sinkE = e.Favoring(LowerIsBetter)
	}
}

// The two evaluation paths of the exact interval on the RC1 statistic:
// internal/nct's fast path (used here) and its quadrature alone.
func BenchmarkNCPIntervalFast(b *testing.B) {
	cputime.Bench(b, func() { sinkF, _, _ = nct.FastNCPInterval(-2.21706754597, 90, 0.95) })
}

func BenchmarkNCPIntervalNCT(b *testing.B) {
	cputime.Bench(b, func() { sinkF, _, _ = nct.NCPInterval(-2.21706754597, 90, 0.95) })
}
