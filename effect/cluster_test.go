package effect

import (
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

func parseSizes(t *testing.T, s string) []int {
	var out []int
	for _, f := range strings.Fields(s) {
		k, err := strconv.Atoi(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, k)
	}
	return out
}

// Reference values: testdata/golden/effect/cluster/gen.R (Hedges 2007
// eqs. 15-16 literally for equal sizes; explicit-matrix moments for unequal
// sizes). Row 1 is reference case RC19, worked by hand:
// 10 clusters of 20 per arm, D = −4, S_T = 10, S_W = 9.2, ρ = 0.05:
// d_T = −0.4·√(1 − 2·19·0.05/398) = −0.399044083911,
// V(d_T) = 0.01·1.95 + d_T²·(398·0.9025 + 20·360·0.0025 + 2·360·0.0475)
// /(2·398·(398 − 1.9)) = 0.0197077700058; d_W = −4/9.2 = −0.434782608696,
// V(d_W) = 0.01·1.95/0.95 + d_W²/(2·380) = 0.020775047259; DEFF 1.95.
func TestClusterGolden(t *testing.T) {
	for _, r := range golden.ReadCSV(t, "../testdata/golden/effect/cluster/cluster.csv") {
		name := "case " + r.String(t, "case")
		tr := ClusterArm{Mean: r.Float(t, "D"), ClusterSizes: parseSizes(t, r.String(t, "treatSizes"))}
		co := ClusterArm{Mean: 0, ClusterSizes: parseSizes(t, r.String(t, "controlSizes"))}
		total, within := ClusterTrial{Treat: tr, Control: co, ICC: r.Float(t, "rho")}, ClusterTrial{Treat: tr, Control: co, ICC: r.Float(t, "rho"), SD: WithinClusterSD}
		total.Treat.SD, total.Control.SD = r.Float(t, "sT"), r.Float(t, "sT")
		within.Treat.SD, within.Control.SD = r.Float(t, "sW"), r.Float(t, "sW")
		for _, c := range []struct {
			label   string
			f       func(ClusterTrial, *Options) (Estimate, error)
			trial   ClusterTrial
			d, v    string
			measure Measure
		}{
			{"dT", ClusterDT, total, "dT", "vT", MeasureDCluster},
			{"dW", ClusterDW, within, "dW", "vW", MeasureDW},
			{"dT from S_W", ClusterDT, within, "dTfromW", "vTfromW", MeasureDCluster},
			{"dW from S_T", ClusterDW, total, "dWfromT", "vWfromT", MeasureDW},
		} {
			e, err := c.f(c.trial, nil)
			if err != nil {
				t.Fatal(name, c.label, err)
			}
			golden.Close(t, name+" "+c.label, e.Value, r.Float(t, c.d), 1e-13, 1e-13)
			golden.Close(t, name+" V "+c.label, e.Variance, r.Float(t, c.v), 1e-13, 1e-13)
			if e.Measure != c.measure || e.CIMethod != Wald {
				t.Errorf("%s %s: measure %v CI %v", name, c.label, e.Measure, e.CIMethod)
			}
		}
		sizes := append(parseSizes(t, r.String(t, "treatSizes")), parseSizes(t, r.String(t, "controlSizes"))...)
		deff, err := DesignEffect(sizes, r.Float(t, "rho"))
		if err != nil {
			t.Fatal(err)
		}
		golden.Close(t, name+" DEFF", deff, r.Float(t, "deff"), 1e-14, 1e-14)
	}
}

func TestDesignEffect(t *testing.T) {
	// Equal sizes: 1 + (n − 1)ρ; 200 participants at DEFF 1.95 → 102.56.
	deff, _ := DesignEffect(EqualClusters(10, 20), 0.05)
	golden.Close(t, "DEFF", deff, 1.95, 1e-15, 1e-15)
	ess, _ := EffectiveSampleSize(EqualClusters(10, 20), 0.05)
	golden.Close(t, "ESS", ess, 200/1.95, 1e-13, 1e-13)
	// Unequal sizes: Eldridge et al. (2006) with population CV. Sizes
	// 5, 10, 15: mean 10, population SD √(50/3), CV² = 1/6,
	// DEFF = 1 + ((1/6 + 1)·10 − 1)·0.1 = 2.0666…
	deff, _ = DesignEffect([]int{5, 10, 15}, 0.1)
	golden.Close(t, "DEFF unequal", deff, 1+((1.0/6+1)*10-1)*0.1, 1e-14, 1e-14)
	if _, err := DesignEffect(nil, 0.1); !errors.Is(err, ErrInvalidInput) {
		t.Error("empty sizes accepted")
	}
	if _, err := DesignEffect([]int{3, 0}, 0.1); !errors.Is(err, ErrInvalidInput) {
		t.Error("zero size accepted")
	}
	if _, err := EffectiveSampleSize([]int{3}, 1); !errors.Is(err, ErrInvalidInput) {
		t.Error("ICC 1 accepted")
	}
}

func TestClusterInvalid(t *testing.T) {
	ok := ClusterTrial{
		Treat:   ClusterArm{Mean: 1, SD: 2, ClusterSizes: EqualClusters(4, 5)},
		Control: ClusterArm{Mean: 0, SD: 2, ClusterSizes: EqualClusters(4, 5)},
		ICC:     0.1,
	}
	mod := func(f func(*ClusterTrial)) ClusterTrial {
		c := ok
		c.Treat.ClusterSizes = append([]int(nil), ok.Treat.ClusterSizes...)
		f(&c)
		return c
	}
	for _, c := range []struct {
		trial ClusterTrial
		field string
	}{
		{mod(func(c *ClusterTrial) { c.Treat.Mean = math.NaN() }), "Treat.Mean"},
		{mod(func(c *ClusterTrial) { c.Control.Mean = math.Inf(1) }), "Control.Mean"},
		{mod(func(c *ClusterTrial) { c.Treat.SD = 0 }), "Treat.SD"},
		{mod(func(c *ClusterTrial) { c.Control.SD = math.NaN() }), "Control.SD"},
		{mod(func(c *ClusterTrial) { c.ICC = -0.1 }), "ICC"},
		{mod(func(c *ClusterTrial) { c.ICC = 1 }), "ICC"},
		{mod(func(c *ClusterTrial) { c.ICC = math.NaN() }), "ICC"},
		{mod(func(c *ClusterTrial) { c.SD = ClusterSD(7) }), "SD"},
		{mod(func(c *ClusterTrial) { c.Treat.ClusterSizes = nil }), "Treat.ClusterSizes"},
		{mod(func(c *ClusterTrial) { c.Treat.ClusterSizes[2] = 0 }), "Treat.ClusterSizes[2]"},
		{mod(func(c *ClusterTrial) { c.Control.ClusterSizes = []int{1} }), "Control.ClusterSizes"},
		{mod(func(c *ClusterTrial) {
			c.SD = WithinClusterSD
			c.Treat.ClusterSizes = EqualClusters(3, 1)
			c.Control.ClusterSizes = EqualClusters(3, 1)
		}), "ClusterSizes"},
	} {
		for name, f := range map[string]func(ClusterTrial, *Options) (Estimate, error){"DT": ClusterDT, "DW": ClusterDW} {
			_, err := f(c.trial, nil)
			var fe *FieldError
			if !errors.Is(err, ErrInvalidInput) || !errors.As(err, &fe) || fe.Field != c.field {
				t.Errorf("Cluster%s: %v, want field %s", name, err, c.field)
			}
		}
	}
	if _, err := ClusterDT(ok, &Options{CI: NoncentralT}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("NoncentralT: %v", err)
	}
	if _, err := ClusterDW(ok, &Options{Level: 1}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("Level 1: %v", err)
	}
}

// simulateCluster draws one cluster trial Y = δ·arm + u_cluster + e with
// σ_T = 1 and returns its summary with total and within-cluster SDs.
func simulateCluster(rng *rand.Rand, sizesE, sizesC []int, delta, rho float64) (total, within ClusterTrial) {
	sb, sw := math.Sqrt(rho), math.Sqrt(1-rho)
	arm := func(sizes []int, mu float64) (mean, sdT, sdW float64) {
		var sum, ssw float64
		var n int
		var ys []float64
		for _, k := range sizes {
			u := sb * rng.NormFloat64()
			var cs, css float64
			for j := 0; j < k; j++ {
				y := mu + u + sw*rng.NormFloat64()
				ys = append(ys, y)
				cs += y
				css += y * y
			}
			ssw += css - cs*cs/float64(k)
			sum += cs
			n += k
		}
		mean = sum / float64(n)
		var sst float64
		for _, y := range ys {
			sst += (y - mean) * (y - mean)
		}
		return mean, math.Sqrt(sst / float64(n-1)), math.Sqrt(ssw / float64(n-len(sizes)))
	}
	mE, tE, wE := arm(sizesE, delta)
	mC, tC, wC := arm(sizesC, 0)
	total = ClusterTrial{Treat: ClusterArm{mE, tE, sizesE}, Control: ClusterArm{mC, tC, sizesC}, ICC: rho}
	within = total
	within.SD = WithinClusterSD
	within.Treat.SD, within.Control.SD = wE, wC
	return total, within
}

// TestClusterSimulation checks d_T against its definition by simulation:
// with the true ICC, the 95% Wald interval of d_T covers δ_T 94%–96% of
// the time, d_T is unbiased and V(d_T) matches the empirical variance, for
// equal (RC19 design) and unequal cluster sizes. d_W is checked the same
// way against δ_W = δ_T/√(1 − ρ) (this is the check of V(d_W)).
func TestClusterSimulation(t *testing.T) {
	const reps = 3000
	designs := []struct {
		name       string
		e, c       []int
		delta, rho float64
	}{
		{"equal 10x20", EqualClusters(10, 20), EqualClusters(10, 20), 0.4, 0.05},
		{"unequal", []int{4, 6, 8, 10, 12, 15, 20, 25, 5, 30}, []int{3, 5, 9, 11, 14, 18, 22, 40}, -0.5, 0.15},
	}
	rng := rand.New(rand.NewPCG(7, 2007))
	for _, des := range designs {
		deltaW := des.delta / math.Sqrt(1-des.rho)
		var covT, covW int
		var sumT, sumT2, sumVT, sumW, sumW2, sumVW float64
		for r := 0; r < reps; r++ {
			total, within := simulateCluster(rng, des.e, des.c, des.delta, des.rho)
			dt, err := ClusterDT(total, nil)
			if err != nil {
				t.Fatal(err)
			}
			dw, err := ClusterDW(within, nil)
			if err != nil {
				t.Fatal(err)
			}
			if dt.CI.Contains(des.delta) {
				covT++
			}
			if dw.CI.Contains(deltaW) {
				covW++
			}
			sumT += dt.Value
			sumT2 += dt.Value * dt.Value
			sumVT += dt.Variance
			sumW += dw.Value
			sumW2 += dw.Value * dw.Value
			sumVW += dw.Variance
		}
		meanT, meanW := sumT/reps, sumW/reps
		empVT, empVW := sumT2/reps-meanT*meanT, sumW2/reps-meanW*meanW
		pT, pW := float64(covT)/reps, float64(covW)/reps
		t.Logf("%s: d_T mean %.4f (δ %.3f) var emp %.5f model %.5f cover %.4f; d_W mean %.4f (δ %.3f) var emp %.5f model %.5f cover %.4f",
			des.name, meanT, des.delta, empVT, sumVT/reps, pT, meanW, deltaW, empVW, sumVW/reps, pW)
		if pT < 0.94 || pT > 0.96 {
			t.Errorf("%s: d_T coverage %.4f outside [0.94, 0.96]", des.name, pT)
		}
		if pW < 0.935 || pW > 0.965 {
			t.Errorf("%s: d_W coverage %.4f", des.name, pW)
		}
		// Bias within 3 Monte Carlo SEs; variance ratio within 10%.
		if math.Abs(meanT-des.delta) > 3*math.Sqrt(empVT/reps) {
			t.Errorf("%s: d_T biased: mean %.4f vs %.4f", des.name, meanT, des.delta)
		}
		if r := sumVT / reps / empVT; r < 0.9 || r > 1.1 {
			t.Errorf("%s: V(d_T)/empirical = %.3f", des.name, r)
		}
		if r := sumVW / reps / empVW; r < 0.9 || r > 1.1 {
			t.Errorf("%s: V(d_W)/empirical = %.3f", des.name, r)
		}
	}
}
