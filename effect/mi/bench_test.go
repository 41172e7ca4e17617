package mi

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/tiesproject/ties/effect/mmrm"
	"github.com/tiesproject/ties/internal/cputime"
)

// simulatedTrial makes n subjects × 3 visits with monotone drop-out (about
// a quarter leave), as the benchmark of issue 15 asks (200 × 3).
func simulatedTrial(n int, seed uint64) (*mmrm.Data, []Event) {
	rng := rand.New(rand.NewPCG(seed, 1))
	d := &mmrm.Data{}
	var ev []Event
	visits := []string{"3", "6", "12"}
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("P%03d", i)
		arm := "usual care"
		if i%2 == 1 {
			arm = "intervention"
		}
		base := 20 + 4*rng.NormFloat64()
		prev := 0.0
		dropped := false
		for v, name := range visits {
			y := 0.6*base + 0.5*prev + 3*rng.NormFloat64()
			if arm == "intervention" {
				y -= 1.5 * float64(v+1) / 3
			}
			prev = y
			if !dropped && v > 0 && rng.Float64() < 0.12 {
				dropped = true
				ev = append(ev, Event{Subject: id, Visit: name, Strategy: JR})
			}
			if dropped {
				y = math.NaN()
			}
			d.Subject = append(d.Subject, id)
			d.Visit = append(d.Visit, name)
			d.Arm = append(d.Arm, arm)
			d.Outcome = append(d.Outcome, y)
			d.Baseline = append(d.Baseline, base)
		}
	}
	return d, ev
}

// BenchmarkCondMeanJackknife200 is conditional mean imputation (JR) with
// the jackknife on 200 subjects × 3 visits: 201 REML fits.
func BenchmarkCondMeanJackknife200(b *testing.B) {
	d, ev := simulatedTrial(200, 15)
	o := &CondMeanOptions{Reference: "usual care", Visits: []string{"3", "6", "12"}}
	// The refits run on every core: report the process's CPU time (all
	// threads), which load on a shared machine does not inflate.
	start := cputime.Process()
	for b.Loop() {
		if _, err := ConditionalMean(d, ev, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cputime.Process()-start)/float64(b.N), "cpu-ns/op")
}
