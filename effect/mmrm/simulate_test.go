package mmrm

import (
	"math"
	"reflect"
	"testing"
)

// TestStudyDeterministic: a study gives identical results on 1 and 3
// workers, replicate i always drawing from stream i.
func TestStudyDeterministic(t *testing.T) {
	s := benchScenario(60, 3)
	a, err := Study(s, 12, 7, nil, 1)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Study(s, 12, 7, nil, 3)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("1 worker %+v\n3 workers %+v", a, b)
	}
	if a.Failed != 0 {
		t.Errorf("%d fits failed", a.Failed)
	}
}

// TestBenchDataLogLik anchors the benchmark data set against nlme::gls
// (bench.R prints −2 REML log-likelihood 6087.799579 at its default
// tolerance).
func TestBenchDataLogLik(t *testing.T) {
	r, err := Fit(benchData(t, 400, 3), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := -2 * r.LogLik; math.Abs(got-6087.799579) > 1e-5 {
		t.Errorf("−2 REML loglik %.6f; nlme 6087.799579", got)
	}
}
