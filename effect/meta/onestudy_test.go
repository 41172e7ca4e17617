package meta

import (
	"math"
	"path/filepath"
	"testing"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/internal/golden"
)

// oneStudyGolden indexes testdata/golden/meta/onestudy.csv (metafor 3.8-1,
// made by onestudy.R) by case, analysis, method, estimator, quantity and
// index.
type oneKey struct {
	c, analysis, method, estimator, quantity string
	index                                    int
}

func readOneStudy(t *testing.T) map[oneKey]float64 {
	t.Helper()
	m := map[oneKey]float64{}
	for _, r := range golden.ReadCSV(t, filepath.Join(goldenDir, "onestudy.csv")) {
		m[oneKey{r.String(t, "case"), r.String(t, "analysis"), r.String(t, "method"), r.String(t, "estimator"),
			r.String(t, "quantity"), r.Int(t, "index")}] = r.Float(t, "value")
	}
	return m
}

type oneChecker struct {
	t   *testing.T
	g   map[oneKey]float64
	key oneKey
	n   int
}

func (c *oneChecker) eq(quantity string, index int, got float64) {
	c.t.Helper()
	k := c.key
	k.quantity, k.index = quantity, index
	want, ok := c.g[k]
	if !ok {
		c.t.Fatalf("no golden %+v", k)
	}
	c.n++
	golden.Close(c.t, k.c+" "+k.analysis+" "+k.method+" "+k.estimator+" "+k.quantity, got, want, 1e-9, 1e-10)
}

// TestOneStudyPool: a single study is pooled by every method as metafor
// does (tau² = 0, Q = 0, p = 1, I² = 0, H² = 1), not NaN.
func TestOneStudyPool(t *testing.T) {
	g := readOneStudy(t)
	st := rc24()[:1]
	n := 0
	for name, m := range methodByName {
		for _, lev := range []int{95, 90} {
			o := &Options{Method: m, Level: float64(lev) / 100}
			r, err := Pool(st, o)
			if err != nil {
				t.Fatalf("%s %d: %v", name, lev, err)
			}
			c := &oneChecker{t: t, g: g, key: oneKey{c: "one" + map[int]string{95: "95", 90: "90"}[lev], analysis: "pool", method: name}}
			checkPooled(c, r, m)
			if m != FixedEffect {
				o.Prediction = PredictRiley
				r, err = Pool(st, o)
				if err != nil {
					t.Fatal(err)
				}
				c.eq("riley.lb", 0, r.Prediction.Lower)
				c.eq("riley.ub", 0, r.Prediction.Upper)
			}
			if !math.IsNaN(r.Tau2CI.Lower) || !math.IsNaN(r.I2CI.Upper) {
				t.Errorf("%s: Q-profile intervals %v %v, want NaN (metafor's confint stops at k = 1)", name, r.Tau2CI, r.I2CI)
			}
			n += c.n
		}
	}
	// Knapp-Hartung needs two studies: refused, not ignored.
	if _, err := Pool(st, &Options{KnappHartung: true}); err == nil {
		t.Error("Knapp-Hartung with one study: no error")
	}
	t.Logf("%d values compared", n)
}

// TestOneStudyCumulative: every step of metafor's cumul(), the first one
// (one study) included.
func TestOneStudyCumulative(t *testing.T) {
	g := readOneStudy(t)
	for name, m := range methodByName {
		steps, err := Cumulative(rc24(), &Options{Method: m})
		if err != nil {
			t.Fatal(err)
		}
		c := &oneChecker{t: t, g: g, key: oneKey{c: "rc24", analysis: "cumul", method: name}}
		for i, s := range steps {
			if s.Err != nil {
				t.Fatalf("%s step %d: %v", name, i+1, s.Err)
			}
			c.eq("estimate", i+1, s.Result.Estimate.Value)
			c.eq("se", i+1, s.Result.Estimate.SE())
			c.eq("Q", i+1, s.Result.Q)
			c.eq("Qp", i+1, s.Result.QP)
			c.eq("tau2", i+1, s.Result.Tau2)
			c.eq("I2", i+1, s.Result.I2)
			c.eq("H2", i+1, s.Result.H2)
		}
	}
}

// TestOneStudyTrimFill: three studies of which trim-and-fill estimates two
// missing, so that the trimmed fit is of one study (metafor fits it with
// tau² = 0 and imputes about its value).
func TestOneStudyTrimFill(t *testing.T) {
	g := readOneStudy(t)
	for _, cs := range []string{"tf1", "tf2", "tf3", "tf4"} {
		var st []Study
		for i := 1; ; i++ {
			y, ok := g[oneKey{cs, "data", "", "", "yi", i}]
			if !ok {
				break
			}
			st = append(st, Study{Label: string(rune('A' + i - 1)),
				Estimate: effect.Estimate{Value: y, Variance: g[oneKey{cs, "data", "", "", "vi", i}]}})
		}
		trimmedToOne := false
		for name, m := range methodByName {
			for est, en := range map[K0Estimator]string{L0: "L0", R0: "R0"} {
				tf, err := TrimFill(st, &TrimFillOptions{Estimator: est}, &Options{Method: m})
				if err != nil {
					t.Fatalf("%s %s %s: %v", cs, name, en, err)
				}
				c := &oneChecker{t: t, g: g, key: oneKey{c: cs, analysis: "trimfill", method: name, estimator: en}}
				c.eq("k0", 0, float64(tf.K0))
				c.eq("se.k0", 0, tf.K0SE)
				c.eq("side", 0, float64(tf.Side))
				c.eq("beta", 0, tf.Result.Estimate.Value)
				c.eq("se", 0, tf.Result.Estimate.SE())
				c.eq("tau2", 0, tf.Result.Tau2)
				c.eq("QE", 0, tf.Result.Q)
				c.eq("I2", 0, tf.Result.I2)
				c.eq("H2", 0, tf.Result.H2)
				for j, f := range tf.Filled {
					c.eq("fill", j+1, f.Value)
				}
				if tf.K0 == len(st)-1 {
					trimmedToOne = true
				}
			}
		}
		if !trimmedToOne {
			t.Errorf("%s: no run trimmed down to one study", cs)
		}
	}
}
