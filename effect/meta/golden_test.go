package meta

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/internal/golden"
)

// Goldens from R 4.2.2 + metafor 3.8-1 run to full convergence; see
// testdata/golden/meta/gen.R for the script and why metafor's defaults
// differ in the 4th digit.
const goldenDir = "../../testdata/golden/meta"

var goldenSets = []string{"normand1999", "gibson2002", "curtis1998", "dagostino1998", "rc24", "rc27", "gen50", "gen2000"}

var methodByName = map[string]Method{
	"FE": FixedEffect, "DL": DerSimonianLaird, "REML": REML, "ML": ML, "PM": PauleMandel,
	"EB": EmpiricalBayes, "HE": Hedges, "HS": HunterSchmidt, "SJ": SidikJonkman,
}

func readStudies(t testing.TB, set string) []Study {
	t.Helper()
	var out []Study
	for _, r := range golden.ReadCSV(t, filepath.Join(goldenDir, "data_"+set+".csv")) {
		out = append(out, Study{Label: r.String(t, "label"), Subgroup: r.String(t, "group"),
			Estimate: effect.Estimate{Value: r.Float(t, "yi"), Variance: r.Float(t, "vi")}})
	}
	return out
}

type goldenKey struct {
	set, analysis, method, test, quantity string
	index                                 int
}

var goldenCache map[goldenKey]float64

func metaforGolden(t testing.TB) map[goldenKey]float64 {
	t.Helper()
	if goldenCache != nil {
		return goldenCache
	}
	recs := golden.ReadCSV(t, filepath.Join(goldenDir, "golden.csv"))
	g := make(map[goldenKey]float64, len(recs))
	for _, r := range recs {
		g[goldenKey{r.String(t, "set"), r.String(t, "analysis"), r.String(t, "method"), r.String(t, "test"),
			r.String(t, "quantity"), r.Int(t, "index")}] = r.Float(t, "value")
	}
	goldenCache = g
	return g
}

// closeTo reports whether got agrees with metafor's want: relative 1e-9, or
// absolutely within 1e-9·max(1, scale) (tau² and I² at the boundary, where metafor's
// Fisher scoring stops at ~1e-13 instead of 0).
func closeTo(got, want, scale float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= 1e-9*math.Abs(want)+1e-9*math.Max(scale, 1)
}

type checker struct {
	t     *testing.T
	g     map[goldenKey]float64
	key   goldenKey
	scale float64
	n     int
}

func (c *checker) eq(quantity string, index int, got float64) {
	c.t.Helper()
	k := c.key
	k.quantity, k.index = quantity, index
	want, ok := c.g[k]
	if !ok {
		return
	}
	c.n++
	if !closeTo(got, want, c.scale) {
		c.t.Errorf("%s %s %s %s %s[%d]: got %.15g, metafor %.15g", k.set, k.analysis, k.method, k.test, quantity, index, got, want)
	}
}

func vscale(st []Study) float64 {
	var s float64
	for _, x := range st {
		s += x.Variance
	}
	return s / float64(len(st))
}

func TestGoldenPool(t *testing.T) {
	g := metaforGolden(t)
	total := 0
	for _, set := range goldenSets {
		st := readStudies(t, set)
		for name, m := range methodByName {
			for _, test := range []string{"z", "knha", "adhoc", "z90", "knha90"} {
				o := &Options{Method: m, KnappHartung: strings.HasPrefix(test, "knha"), AdHoc: test == "adhoc"}
				if strings.HasSuffix(test, "90") {
					o.Level = 0.9
				}
				r, err := Pool(st, o)
				if err != nil {
					t.Fatalf("%s %s %s: %v", set, name, test, err)
				}
				c := &checker{t: t, g: g, key: goldenKey{set, "pool", name, test, "", 0}, scale: vscale(st)}
				checkPooled(c, r, m)
				c.eq("tau2.lb", 0, r.Tau2CI.Lower)
				c.eq("tau2.ub", 0, r.Tau2CI.Upper)
				c.eq("I2.lb", 0, r.I2CI.Lower)
				c.eq("I2.ub", 0, r.I2CI.Upper)
				c.eq("H2.lb", 0, r.H2CI.Lower)
				c.eq("H2.ub", 0, r.H2CI.Upper)
				for i, s := range r.Studies {
					c.eq("weight", i+1, s.Weight)
				}
				if m != FixedEffect {
					o2 := *o
					o2.Prediction = PredictRiley
					r2, err := Pool(st, &o2)
					if err != nil {
						t.Fatal(err)
					}
					c.eq("riley.lb", 0, r2.Prediction.Lower)
					c.eq("riley.ub", 0, r2.Prediction.Upper)
					if test == "z" || test == "z90" { // PredictZ is metafor's default PI of a z-test fit
						o2.Prediction = PredictZ
						r2, _ = Pool(st, &o2)
						c.eq("pi.lb", 0, r2.Prediction.Lower)
						c.eq("pi.ub", 0, r2.Prediction.Upper)
					}
				}
				total += c.n
			}
		}
	}
	if total < 1000 {
		t.Errorf("only %d golden values compared", total)
	}
	t.Logf("%d golden values compared", total)
}

func TestGoldenSmallStudy(t *testing.T) {
	g := metaforGolden(t)
	total := 0
	for _, set := range goldenSets {
		if set == "gen2000" {
			continue
		}
		st := readStudies(t, set)
		scale := vscale(st)
		for _, name := range []string{"REML", "DL", "FE", "PM"} {
			o := &Options{Method: methodByName[name]}
			for _, v := range []struct {
				model RegModel
				kh    bool
			}{{RegMixed, false}, {RegMixed, true}, {RegClassical, false}} {
				model := v.model
				an := map[RegModel]string{RegMixed: "egger.rma", RegClassical: "egger.lm"}[model]
				test := "z"
				if v.kh {
					test = "knha"
				}
				c := &checker{t: t, g: g, key: goldenKey{set, an, name, test, "", 0}, scale: scale}
				eo := &Options{Method: o.Method, KnappHartung: v.kh}
				if model == RegClassical {
					eo = nil // the lm test has no tau² method
				}
				e, err := Egger(st, model, eo)
				if err != nil {
					t.Fatalf("%s %s %s: %v", set, an, name, err)
				}
				c.eq("zval", 0, e.Stat)
				c.eq("pval", 0, e.P)
				c.eq("est", 0, e.Limit.Value)
				c.eq("ci.lb", 0, e.Limit.CI.Lower)
				c.eq("ci.ub", 0, e.Limit.CI.Upper)
				c.eq("tau2", 0, e.Tau2)
				total += c.n
			}
			for _, est := range []K0Estimator{L0, R0} {
				an := "trimfill." + map[K0Estimator]string{L0: "L0", R0: "R0"}[est]
				c := &checker{t: t, g: g, key: goldenKey{set, an, name, "z", "", 0}, scale: scale}
				tf, err := TrimFill(st, &TrimFillOptions{Estimator: est}, o)
				if err != nil {
					t.Fatalf("%s %s %s: %v", set, an, name, err)
				}
				c.eq("k0", 0, float64(tf.K0))
				c.eq("se.k0", 0, tf.K0SE)
				c.eq("side", 0, float64(tf.Side))
				c.eq("beta", 0, tf.Result.Estimate.Value)
				c.eq("se", 0, tf.Result.Estimate.SE())
				c.eq("tau2", 0, tf.Result.Tau2)
				for i, f := range tf.Filled {
					c.eq("fill", i+1, f.Value)
				}
				total += c.n
			}
			loo, err := LeaveOneOut(st, o)
			if err != nil {
				t.Fatal(err)
			}
			c := &checker{t: t, g: g, key: goldenKey{set, "leave1out", name, "z", "", 0}, scale: scale}
			for i, s := range loo {
				if s.Err != nil {
					t.Errorf("%s leave1out %s %d: %v", set, name, i, s.Err)
					continue
				}
				c.eq("estimate", i+1, s.Result.Estimate.Value)
				c.eq("se", i+1, s.Result.Estimate.SE())
				c.eq("tau2", i+1, s.Result.Tau2)
				c.eq("Q", i+1, s.Result.Q)
				c.eq("I2", i+1, s.Result.I2)
			}
			total += c.n
			cu, err := Cumulative(st, o)
			if err != nil {
				t.Fatal(err)
			}
			c = &checker{t: t, g: g, key: goldenKey{set, "cumul", name, "z", "", 0}, scale: scale}
			for i, s := range cu {
				if s.Err != nil {
					t.Errorf("%s cumul %s %d: %v", set, name, i, s.Err)
					continue
				}
				c.eq("estimate", i+1, s.Result.Estimate.Value)
				c.eq("se", i+1, s.Result.Estimate.SE())
				c.eq("tau2", i+1, s.Result.Tau2)
			}
			total += c.n
			if st[0].Subgroup == "" {
				continue
			}
			for _, test := range []string{"z", "knha"} {
				sg, err := Subgroups(st, &Options{Method: o.Method, KnappHartung: test == "knha"})
				if err != nil {
					t.Fatalf("%s subgroups %s: %v", set, name, err)
				}
				c = &checker{t: t, g: g, key: goldenKey{set, "subgroup", name, test, "", 0}, scale: scale}
				if test == "z" {
					for j, r := range sg.Subgroups {
						c.eq("beta", j+1, r.Result.Estimate.Value)
						c.eq("tau2", j+1, r.Result.Tau2)
					}
					c.eq("Qbetween", 0, sg.QBetween)
					c.eq("Qbetween.p", 0, sg.QBetweenP)
				}
				c.eq("QM", 0, sg.QM)
				c.eq("QMp", 0, sg.QMP)
				c.eq("tau2.common", 0, sg.Tau2Common)
				total += c.n
			}
		}
	}
	if total < 1000 {
		t.Errorf("only %d golden values compared", total)
	}
	t.Logf("%d golden values compared", total)
}

// eqChecker compares one golden quantity (golden_test's checker and
// onestudy_test's oneChecker).
type eqChecker interface {
	eq(quantity string, index int, got float64)
}

// checkPooled compares what metafor's rma and predict report for a pooled
// result: τ², its SE, the estimate with its SE, CI, z and p, Q and its p,
// I², H², and (not for a fixed-effect model) the prediction interval.
func checkPooled(c eqChecker, r Result, m Method) {
	c.eq("tau2", 0, r.Tau2)
	c.eq("se.tau2", 0, r.Tau2SE)
	c.eq("beta", 0, r.Estimate.Value)
	c.eq("se", 0, r.Estimate.SE())
	c.eq("ci.lb", 0, r.Estimate.CI.Lower)
	c.eq("ci.ub", 0, r.Estimate.CI.Upper)
	c.eq("zval", 0, r.Stat)
	c.eq("pval", 0, r.P)
	c.eq("QE", 0, r.Q)
	c.eq("QEp", 0, r.QP)
	c.eq("I2", 0, r.I2)
	c.eq("H2", 0, r.H2)
	if m != FixedEffect { // metafor's predict() gives no PI for FE models
		c.eq("pi.lb", 0, r.Prediction.Lower)
		c.eq("pi.ub", 0, r.Prediction.Upper)
	}
}
