package nct

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/tiesproject/ties/internal/root"
)

// TestNCPIntervalVsBrent checks NCPInterval (Halley steps with an early
// stop) against plain bracketing and Brent's method on the same tails, at
// tolerance 1e-15, over random t, df and levels.
func TestNCPIntervalVsBrent(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	opts := &root.Options{AbsTol: 1e-15, RelTol: 1e-15}
	inf := math.Inf(1)
	var maxErr float64
	for i := 0; i < 60; i++ {
		df := math.Exp(rng.Float64() * math.Log(1e6)) // 1 .. 1e6
		x := (rng.Float64() - 0.5) * 2 * math.Exp(rng.Float64()*math.Log(300))
		level := []float64{0.8, 0.9, 0.95, 0.99, 0.999}[rng.IntN(5)]
		lo, hi, err := NCPInterval(x, df, level)
		if err != nil {
			t.Errorf("NCPInterval(%v, %v, %v): %v", x, df, level, err)
			continue
		}
		a := (1 - level) / 2
		la := math.Log(a)
		s := math.Sqrt(1 + x*x/(2*df))
		wantLo, err1 := root.SolveMonotone(func(d float64) float64 { return math.Log(Survival(x, df, d)) - la }, lo, 0.1*s, -inf, inf, opts)
		wantHi, err2 := root.SolveMonotone(func(d float64) float64 { return math.Log(CDF(x, df, d)) - la }, hi, 0.1*s, -inf, inf, opts)
		if err1 != nil || err2 != nil {
			t.Errorf("Brent for (%v, %v, %v): %v %v", x, df, level, err1, err2)
			continue
		}
		for _, c := range [][2]float64{{lo, wantLo}, {hi, wantHi}} {
			e := math.Abs(c[0]-c[1]) / math.Max(1, math.Abs(c[1]))
			maxErr = math.Max(maxErr, e)
			if e > 1e-13 {
				t.Errorf("NCPInterval(%v, %v, %v) = [%v, %v], Brent [%v, %v]", x, df, level, lo, hi, wantLo, wantHi)
			}
		}
	}
	t.Logf("max difference / max(1, |limit|) = %.2g", maxErr)
}

// TestNCPStart checks the Cornish–Fisher starting values: logMeanChi
// against mpmath, and the starts against the limits (they need only be
// close; NCPInterval refines them).
func TestNCPStart(t *testing.T) {
	t.Parallel()
	// log E[S] from mpmath (30 digits).
	for _, c := range []struct{ df, want float64 }{
		{34, -0.0073518821614313573783},
		{40, -0.0062493494456914231662},
		{100, -0.0024999583383318163365},
		{300, -0.00083333179014403222782},
		{1e4, -0.000024999999958333333833},
		{1e6, -2.499999999999583327e-7},
	} {
		if got := logMeanChi(c.df); math.Abs(got-c.want) > 2e-16 {
			t.Errorf("logMeanChi(%v) = %.17g, want %.17g", c.df, got, c.want)
		}
	}
	// E[S] for df = 1: sqrt(2/π).
	if got, want := math.Exp(logMeanChi(1)), math.Sqrt(2/math.Pi); math.Abs(got-want) > 1e-15 {
		t.Errorf("E[S] for df = 1: %v, want %v", got, want)
	}
	z := math.Sqrt2 * math.Erfcinv(0.05)
	for _, c := range []struct{ t, df, tol float64 }{
		{2.21706754597, 90, 1e-7}, {0.5, 20, 1e-7}, {1000, 1e4, 1e-5}, {40, 200, 1e-3}, {-3, 10, 1e-3},
	} {
		lo, hi, err := NCPInterval(c.t, c.df, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		slo, shi := ncpStart(c.t, c.df, -z, z)
		if math.Abs(slo-lo) > c.tol || math.Abs(shi-hi) > c.tol {
			t.Errorf("ncpStart(%v, %v) = [%v, %v], limits [%v, %v]", c.t, c.df, slo, shi, lo, hi)
		}
	}
}
