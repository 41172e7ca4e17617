package mi

import (
	"errors"
	"math"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

// TestPoolGolden compares every pooling function with 50-digit references
// (testdata/golden/mi/gen_pool.py; check_pool.R confirms them with mice and
// R's quantile).
func TestPoolGolden(t *testing.T) {
	recs := golden.ReadCSV(t, "../../testdata/golden/mi/pool.csv")
	for _, r := range recs {
		name := r.String(t, "case")
		o := &Options{Level: r.Float(t, "level")}
		switch r.String(t, "alternative") {
		case "less":
			o.Alternative = Less
		case "greater":
			o.Alternative = Greater
		}
		x := parseVec(t, r.String(t, "x"))
		var got Pooled
		var err error
		switch r.String(t, "method") {
		case "rubin":
			dfcom := math.NaN()
			if s := r.String(t, "dfcom"); s != "NA" {
				dfcom = r.Float(t, "dfcom")
			}
			got, err = Rubin(x, parseVec(t, r.String(t, "se")), dfcom, o)
		case "jackknife":
			got, err = Jackknife(x[0], x[1:], o)
		case "bootstrap_normal":
			got, err = BootstrapNormal(x[0], x[1:], o)
		case "bootstrap_percentile":
			got, err = BootstrapPercentile(x[0], x[1:], o)
		case "bmlmi":
			got, err = VonHippelBartlett(x, r.Int(t, "d"), o)
		}
		if math.IsNaN(r.Float(t, "p")) { // no valid result: the function must refuse
			if !errors.Is(err, ErrInvalidInput) {
				t.Errorf("%s: err = %v, want ErrInvalidInput", name, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		golden.Close(t, name+" estimate", got.Estimate, r.Float(t, "estimate"), 1e-14, 1e-15)
		golden.Close(t, name+" SE", got.SE, r.Float(t, "SE"), 1e-13, 0)
		golden.Close(t, name+" df", got.DF, r.Float(t, "df"), 1e-12, 0)
		golden.Close(t, name+" lower", got.CI.Lower, r.Float(t, "lower"), 1e-11, 1e-12)
		golden.Close(t, name+" upper", got.CI.Upper, r.Float(t, "upper"), 1e-11, 1e-12)
		golden.Close(t, name+" p", got.P, r.Float(t, "p"), 1e-10, 1e-15)
		for _, c := range []struct {
			col string
			v   float64
		}{{"within", got.Within}, {"between", got.Between}, {"lambda", got.Lambda}, {"riv", got.RIV}, {"fmi", got.FMI}} {
			golden.Close(t, name+" "+c.col, c.v, r.Float(t, c.col), 1e-12, 1e-15)
		}
	}
}

func TestPoolErrors(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	bad := map[string]error{}
	_, bad["rubin one"] = Rubin([]float64{1}, []float64{1}, 10, nil)
	_, bad["rubin lengths"] = Rubin([]float64{1, 2}, []float64{1}, 10, nil)
	_, bad["rubin nan"] = Rubin([]float64{1, nan}, []float64{1, 1}, 10, nil)
	_, bad["rubin negative se"] = Rubin([]float64{1, 2}, []float64{1, -1}, 10, nil)
	_, bad["rubin dfcom"] = Rubin([]float64{1, 2}, []float64{1, 1}, -3, nil)
	_, bad["rubin zero var"] = Rubin([]float64{1, 1}, []float64{0, 0}, 10, nil)
	_, bad["level"] = Rubin([]float64{1, 2}, []float64{1, 1}, 10, &Options{Level: 1})
	_, bad["alternative"] = Rubin([]float64{1, 2}, []float64{1, 1}, 10, &Options{Alternative: 7})
	_, bad["jack short"] = Jackknife(1, []float64{1}, nil)
	_, bad["jack inf"] = Jackknife(inf, []float64{1, 2}, nil)
	_, bad["jack equal"] = Jackknife(1, []float64{2, 2, 2}, nil)
	_, bad["boot short"] = BootstrapNormal(1, nil, nil)
	_, bad["boot equal"] = BootstrapNormal(1, []float64{2, 2}, nil)
	_, bad["perc nan"] = BootstrapPercentile(1, []float64{2, nan}, nil)
	_, bad["bmlmi d"] = VonHippelBartlett([]float64{1, 2, 3}, 1, nil)
	_, bad["bmlmi multiple"] = VonHippelBartlett([]float64{1, 2, 3}, 2, nil)
	_, bad["bmlmi one sample"] = VonHippelBartlett([]float64{1, 2}, 2, nil)
	for name, err := range bad {
		if !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%s: err = %v, want ErrInvalidInput", name, err)
		}
	}
}

func FuzzRubin(f *testing.F) {
	f.Add(1.0, 2.0, 3.0, 0.5, 0.6, 0.7, 20.0)
	f.Add(1.0, 1.0, 1.0, 0.0, 0.0, 1e-300, 1.0)
	f.Fuzz(func(t *testing.T, a, b, c, sa, sb, sc, df float64) {
		p, err := Rubin([]float64{a, b, c}, []float64{sa, sb, sc}, df, nil)
		if err == nil && (math.IsNaN(p.P) || p.P < 0 || p.P > 1) {
			t.Errorf("p = %v", p.P)
		}
	})
}

func FuzzBootstrapPercentile(f *testing.F) {
	f.Add(0.1, -0.2, 0.0, 0.3, 0.9)
	f.Fuzz(func(t *testing.T, o, a, b, c, d float64) {
		p, err := BootstrapPercentile(o, []float64{a, b, c, d}, &Options{Level: 0.9})
		if err == nil && (p.P < 0 || p.P > 1 || p.CI.Lower > p.CI.Upper) {
			t.Errorf("%+v", p)
		}
	})
}
