package mi

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
	"gonum.org/v1/gonum/mat"
)

// parseVec reads a golden vector written as semicolon-separated numbers;
// an empty or malformed field fails the test.
func parseVec(t *testing.T, s string) []float64 {
	t.Helper()
	var x []float64
	for _, f := range strings.Split(s, ";") {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			t.Fatal(err)
		}
		x = append(x, v)
	}
	return x
}

func parseSym(t *testing.T, s string) *mat.SymDense {
	x := parseVec(t, s)
	n := int(math.Round(math.Sqrt(float64(len(x)))))
	m := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := 0; j <= i; j++ {
			m.SetSym(i, j, x[i+n*j]) // R writes column-major
		}
	}
	return m
}

// TestStrategiesAgainstRbmi checks the strategies' means and covariances
// against rbmi's own strategy functions, and the conditional means against
// the normal formula (testdata/golden/mi/gen_strategies.R), for one
// covariance and for a covariance per arm, every first affected visit.
func TestStrategiesAgainstRbmi(t *testing.T) {
	recs := golden.ReadCSV(t, "../../testdata/golden/mi/strategies.csv")
	for _, r := range recs {
		s, err := ParseStrategy(r.String(t, "strategy"))
		if err != nil {
			t.Fatal(err)
		}
		first := r.Int(t, "first")
		name := r.Where() + " " + s.String() + " first " + strconv.Itoa(first)
		mean, cov, err := strategyParams(s, first, parseVec(t, r.String(t, "mu")), parseVec(t, r.String(t, "muref")),
			parseSym(t, r.String(t, "sigma")), parseSym(t, r.String(t, "sigmaref")))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for j, w := range parseVec(t, r.String(t, "mean")) {
			golden.Close(t, name+" mean", mean[j], w, 1e-14, 1e-13)
		}
		wc := parseSym(t, r.String(t, "cov"))
		n := wc.SymmetricDim()
		for i := 0; i < n; i++ {
			for j := 0; j <= i; j++ {
				golden.Close(t, name+" cov", cov.At(i, j), wc.At(i, j), 1e-12, 1e-12)
			}
		}
		imp, err := conditionalMean(parseVec(t, r.String(t, "y")), mean, cov)
		if err != nil {
			t.Fatal(err)
		}
		for j, w := range parseVec(t, r.String(t, "imputed")) {
			golden.Close(t, name+" imputed", imp[j], w, 1e-12, 1e-12)
		}
	}
}

func TestLMCFNeedsAVisit(t *testing.T) {
	s := mat.NewSymDense(2, []float64{1, 0.5, 0.5, 1})
	_, _, err := strategyParams(LMCF, 0, []float64{1, 2}, []float64{1, 1}, s, s)
	if !errors.Is(err, ErrInvalidInput) {
		t.Errorf("err = %v, want ErrInvalidInput", err)
	}
}

func TestParseStrategy(t *testing.T) {
	for in, want := range map[string]Strategy{"mar": MAR, "JR": JR, "jump to reference": JR, "Copy-Reference": CR,
		"cir": CIR, "last mean carried forward": LMCF} {
		got, err := ParseStrategy(in)
		if err != nil || got != want {
			t.Errorf("%q: %v, %v", in, got, err)
		}
	}
	if _, err := ParseStrategy("J2R"); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("unknown strategy: err = %v", err)
	}
}
