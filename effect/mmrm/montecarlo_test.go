package mmrm

import (
	"flag"
	"math"
	"testing"

	"github.com/tiesproject/ties/effect"
)

var monteCarlo = flag.Int("mmrm.montecarlo", 0, "number of simulated trials for TestMonteCarlo (e.g. 2000)")

// TestMonteCarlo simulates trials with missing-at-random dropout (those
// with a higher outcome at a visit leave more often) and checks that the
// Kenward–Roger 95% CI of the last-visit difference covers the truth 94–96%
// of the time with an unbiased estimate, while the complete-case ANCOVA at
// the last visit is biased. Run with -mmrm.montecarlo=2000.
func TestMonteCarlo(t *testing.T) {
	n := *monteCarlo
	if n == 0 {
		t.Skip("set -mmrm.montecarlo=2000")
	}
	s := benchScenario(200, 3)
	s.Visits = []string{"3m", "6m", "12m"}
	s.Dropout, s.DropoutSlope = 0.15, 1.5
	s.Effect = []float64{-2, -2, -2}
	res, err := Study(s, n, 20261206, &Options{DF: KenwardRogerLinear}, 0)
	if err != nil {
		t.Fatal(err)
	}
	last := len(s.Visits) - 1
	truth := s.Effect[last]
	cov := res.Coverage[last]
	se := math.Sqrt(0.95 * 0.05 / float64(n))
	t.Logf("MMRM (US, REML, KR): %d trials, %d failed; 12m coverage %.4f (MC SE %.4f), mean %.4f, truth %.4f, bias %.4f",
		res.Trials, res.Failed, cov, se, res.Mean[last], truth, res.Mean[last]-truth)
	// Complete-case ANCOVA at the last visit on the same trials.
	var sum, covered float64
	var ok int
	for i := 0; i < n; i++ {
		d, _ := Simulate(s, 20261206, uint64(i))
		var a effect.ANCOVAData
		for j := range d.Subject {
			if d.Visit[j] == "12m" && !math.IsNaN(d.Outcome[j]) {
				a.Outcome = append(a.Outcome, d.Outcome[j])
				a.Baseline = append(a.Baseline, d.Baseline[j])
				arm := 0
				if d.Arm[j] == "intervention" {
					arm = 1
				}
				a.Arm = append(a.Arm, arm)
			}
		}
		r, err := effect.ANCOVA(a, nil)
		if err != nil {
			continue
		}
		ok++
		sum += r.Difference
		if r.CI.Contains(truth) {
			covered++
		}
	}
	ccMean := sum / float64(ok)
	t.Logf("complete-case ANCOVA at 12m: mean %.4f, bias %.4f, coverage %.4f", ccMean, ccMean-truth, covered/float64(ok))
	if cov < 0.94 || cov > 0.96 {
		t.Errorf("KR coverage %.4f outside [0.94, 0.96]", cov)
	}
	mcse := math.Sqrt(s.Sigma.At(last, last)*4/float64(s.Subjects)) / math.Sqrt(float64(n))
	if math.Abs(res.Mean[last]-truth) > 4*mcse {
		t.Errorf("MMRM bias %.4f beyond 4 Monte Carlo SEs (%.4f)", res.Mean[last]-truth, mcse)
	}
	if math.Abs(ccMean-truth) < 4*mcse {
		t.Errorf("complete-case bias %.4f not detectable (Monte Carlo SE %.4f): scenario not informative", ccMean-truth, mcse)
	}
}
