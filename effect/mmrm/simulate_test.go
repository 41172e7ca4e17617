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

// TestBenchDataLogLik anchors the benchmark data sets against nlme::gls
// (bench.R prints −2 REML log-likelihood 6087.799579 for 400 × 3 and
// 37486.915198 for 1,000 × 10; mmrm 6087.799580 and 37486.915284).
func TestBenchDataLogLik(t *testing.T) {
	r, err := Fit(benchData(t, 400, 3), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := -2 * r.LogLik; math.Abs(got-6087.799579) > 1e-5 {
		t.Errorf("−2 REML loglik %.6f; nlme 6087.799579", got)
	}
	if testing.Short() {
		return
	}
	r, err = Fit(benchData(t, 1000, 10), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := -2 * r.LogLik; math.Abs(got-37486.915198) > 1e-5 {
		t.Errorf("−2 REML loglik %.6f; nlme 37486.915198", got)
	}
}
