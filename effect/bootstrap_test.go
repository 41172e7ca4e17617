package effect

import (
	"errors"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/tiesproject/ties/internal/cputime"

	"github.com/tiesproject/ties/internal/golden"
)

// sampleHedgesG is Hedges' g of two samples (pooled SD, exact J), the
// statistic of the bootstrap tests and benchmark. One pass per sample:
// sums of deviations from the sample's first value (a shift that keeps the
// one-pass variance accurate for scores far from zero).
func sampleHedgesG(x, y []float64) float64 {
	moments := func(v []float64) (mean, ss float64) {
		c := v[0]
		var s, q float64
		for _, a := range v {
			d := a - c
			s += d
			q += d * d
		}
		n := float64(len(v))
		return c + s/n, q - s*s/n
	}
	m1, q1 := moments(x)
	m2, q2 := moments(y)
	df := float64(len(x) + len(y) - 2)
	return J(df) * (m1 - m2) / math.Sqrt((q1+q2)/df)
}

func sampleHedgesGVar(x, y []float64) float64 {
	n1, n2 := float64(len(x)), float64(len(y))
	g := sampleHedgesG(x, y)
	return 1/n1 + 1/n2 + g*g/(2*(n1+n2))
}

var bootX = []float64{38, 41, 29, 35, 44, 31, 36, 40, 33, 27, 39, 42, 30, 34, 37}
var bootY = []float64{43, 45, 38, 41, 47, 36, 44, 40, 49, 39, 42, 46}

// Goldens: testdata/golden/effect/bootstrap/gen.R (R 4.2.2, boot
// 1.3-28.1). R's own replicates go through the Go interval code, which must
// reproduce boot.ci's percentile, BCa and studentized intervals; the
// jackknife acceleration must equal the one from boot's empinf(type="jack").
func TestBootstrapIntervalsMatchBoot(t *testing.T) {
	rows := golden.ReadCSV(t, "../testdata/golden/effect/bootstrap/replicates.csv")
	reps := make([]float64, len(rows))
	ts := make([]float64, len(rows))
	for _, r := range golden.ReadCSV(t, "../testdata/golden/effect/bootstrap/intervals.csv") {
		theta, v0 := r.Float(t, "t0"), r.Float(t, "v0")
		golden.Close(t, "t0", sampleHedgesG(bootX, bootY), theta, 1e-14, 1e-14)
		golden.Close(t, "v0", sampleHedgesGVar(bootX, bootY), v0, 1e-14, 1e-14)
		a, err := bootAcceleration(bootX, bootY, theta, sampleHedgesG, 2)
		if err != nil {
			t.Fatal(err)
		}
		golden.Close(t, "acceleration", a, r.Float(t, "a.strat"), 1e-12, 1e-12)
		for i, row := range rows {
			reps[i] = row.Float(t, "t")
			ts[i] = (row.Float(t, "t") - theta) / math.Sqrt(row.Float(t, "v"))
		}
		res := BootstrapResult{Estimate: theta}
		if err := bootSummarize(&res, reps, ts, v0, r.Float(t, "a"), r.Float(t, "level")); err != nil {
			t.Fatal(err)
		}
		golden.Close(t, "perc lb", res.Percentile.Lower, r.Float(t, "perc.lb"), 1e-12, 1e-12)
		golden.Close(t, "perc ub", res.Percentile.Upper, r.Float(t, "perc.ub"), 1e-12, 1e-12)
		golden.Close(t, "bca lb", res.BCa.Lower, r.Float(t, "bca.lb"), 1e-12, 1e-12)
		golden.Close(t, "bca ub", res.BCa.Upper, r.Float(t, "bca.ub"), 1e-12, 1e-12)
		golden.Close(t, "stud lb", res.Studentized.Lower, r.Float(t, "stud.lb"), 1e-12, 1e-12)
		golden.Close(t, "stud ub", res.Studentized.Upper, r.Float(t, "stud.ub"), 1e-12, 1e-12)
	}
}

// The same seed gives bit-identical results for any number of workers and
// any GOMAXPROCS; a different seed gives different replicates.
func TestBootstrapDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	x := make([]float64, 120)
	y := make([]float64, 110)
	for i := range x {
		x[i] = rng.NormFloat64() + 0.3
	}
	for i := range y {
		y[i] = rng.NormFloat64()
	}
	base := &BootstrapOptions{Replicates: 999, Seed: 12345, Variance: sampleHedgesGVar}
	ref, err := BootstrapCI(x, y, sampleHedgesG, &BootstrapOptions{Replicates: 999, Seed: 12345, Variance: sampleHedgesGVar, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	old := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(old)
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		for _, w := range []int{0, 1, 3, 7} {
			o := *base
			o.Workers = w
			got, err := BootstrapCI(x, y, sampleHedgesG, &o)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.Replicates, ref.Replicates) || got.BCa != ref.BCa ||
				got.Percentile != ref.Percentile || got.Studentized != ref.Studentized || got.Acceleration != ref.Acceleration {
				t.Fatalf("GOMAXPROCS %d, Workers %d: result differs", procs, w)
			}
		}
	}
	o := *base
	o.Seed = 54321
	other, _ := BootstrapCI(x, y, sampleHedgesG, &o)
	if slices.Equal(other.Replicates, ref.Replicates) {
		t.Error("different seeds gave identical replicates")
	}
	// Sanity: the intervals bracket the estimate and the bootstrap SE is
	// close to the large-sample SE of g.
	if !ref.BCa.Contains(ref.Estimate) || !ref.Percentile.Contains(ref.Estimate) || !ref.Studentized.Contains(ref.Estimate) {
		t.Errorf("intervals do not contain the estimate: %+v", ref)
	}
	if se := math.Sqrt(sampleHedgesGVar(x, y)); math.Abs(ref.SE/se-1) > 0.1 {
		t.Errorf("bootstrap SE %.4f vs large-sample SE %.4f", ref.SE, se)
	}
}

// bootQuantile follows boot:::norm.inter; spot checks by hand:
// B = 9, p = 0.1 → (B+1)p = 1, the first order statistic; p = 0.55 →
// 5.5, between the 5th and 6th on the normal scale.
func TestBootQuantile(t *testing.T) {
	s := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9}
	if got := bootQuantile(s, 0.1); got != 1 {
		t.Errorf("p=0.1: %v", got)
	}
	if got := bootQuantile(s, 0.01); got != 1 {
		t.Errorf("p=0.01: %v", got)
	}
	if got := bootQuantile(s, 0.999); got != 9 {
		t.Errorf("p=0.999: %v", got)
	}
	// qnorm(.55) = 0.12566134685507402, qnorm(.5) = 0, qnorm(.6) = 0.25334710313579978.
	want := 5 + 0.12566134685507402/0.25334710313579978
	golden.Close(t, "p=0.55", bootQuantile(s, 0.55), want, 1e-14, 1e-14)
}

func TestBootstrapInvalid(t *testing.T) {
	x, y := bootX, bootY
	for _, c := range []struct {
		tr, co []float64
		stat   TwoSampleStatistic
		o      *BootstrapOptions
		field  string
	}{
		{nil, y, sampleHedgesG, nil, "treat"},
		{x, []float64{1}, sampleHedgesG, nil, "control"},
		{[]float64{1, math.NaN()}, y, sampleHedgesG, nil, "treat[1]"},
		{x, []float64{1, 2, math.Inf(-1)}, sampleHedgesG, nil, "control[2]"},
		{x, y, nil, nil, "stat"},
		{x, y, sampleHedgesG, &BootstrapOptions{Level: 1}, "BootstrapOptions.Level"},
		{x, y, sampleHedgesG, &BootstrapOptions{Replicates: 50}, "BootstrapOptions.Replicates"},
		// A huge B must be an error, not a makeslice panic or an
		// out-of-memory crash.
		{x, y, sampleHedgesG, &BootstrapOptions{Replicates: 1 << 62}, "BootstrapOptions.Replicates"},
		{x, y, sampleHedgesG, &BootstrapOptions{Replicates: maxBootstrapReplicates + 1}, "BootstrapOptions.Replicates"},
		{x, y, sampleHedgesG, &BootstrapOptions{Workers: -1}, "BootstrapOptions.Workers"},
		{x, y, func(a, b []float64) float64 { return math.NaN() }, nil, "stat"},
		{x, y, sampleHedgesG, &BootstrapOptions{Variance: func(a, b []float64) float64 { return 0 }}, "BootstrapOptions.Variance"},
		// Two-valued arms: some resamples have SD 0 and g is infinite.
		{[]float64{1, 2}, []float64{3, 3.5}, sampleHedgesG, nil, "stat"},
		// A constant statistic: no replicate below the estimate.
		{x, y, func(a, b []float64) float64 { return 1 }, nil, "stat"},
	} {
		_, err := BootstrapCI(c.tr, c.co, c.stat, c.o)
		var fe *FieldError
		if !errors.Is(err, ErrInvalidInput) || !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("err %v, want field %s", err, c.field)
		}
	}
}

func bootBenchData() (x, y []float64) {
	rng := rand.New(rand.NewPCG(3, 4))
	x = make([]float64, 500)
	y = make([]float64, 500)
	for i := range x {
		x[i] = 38 + 9*rng.NormFloat64()
		y[i] = 42 + 10*rng.NormFloat64()
	}
	return x, y
}

// BenchmarkBootstrapBCaHedgesG is the speed target of issue 4: BCa for
// Hedges' g with B = 2000 and 500 per arm. testdata/golden/effect/
// bootstrap/timing.R times R's boot on the same task.
func BenchmarkBootstrapBCaHedgesG(b *testing.B) {
	x, y := bootBenchData()
	o := &BootstrapOptions{Replicates: 2000, Seed: 1}
	b.ResetTimer()
	cpu0 := cputime.Process()
	for i := 0; i < b.N; i++ {
		if _, err := BootstrapCI(x, y, sampleHedgesG, o); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cputime.Process() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

func TestBootstrapToEstimate(t *testing.T) {
	res, err := BootstrapCI(bootX, bootY, sampleHedgesG, &BootstrapOptions{Replicates: 500, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	e, err := res.ToEstimate(MeasureG, BCaInterval)
	if err != nil || e.CI != res.BCa || e.CIMethod != Bootstrap || e.Value != res.Estimate || e.Variance != res.SE*res.SE {
		t.Errorf("BCa estimate %+v, %v", e, err)
	}
	if e, _ := res.ToEstimate(MeasureG, PercentileInterval); e.CI != res.Percentile {
		t.Errorf("percentile estimate %+v", e)
	}
	if _, err := res.ToEstimate(MeasureG, StudentizedInterval); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("studentized without variance: %v", err)
	}
	if _, err := res.ToEstimate(MeasureG, BootstrapInterval(9)); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("unknown interval: %v", err)
	}
}
