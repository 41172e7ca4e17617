package mi

import (
	"testing"

	"github.com/tiesproject/ties/effect/mmrm"
	"github.com/tiesproject/ties/internal/cputime"
	"github.com/tiesproject/ties/internal/simtrial"
)

// simulatedTrial makes n subjects × 3 visits with monotone drop-out (about
// a quarter leave), as the benchmark of issue 15 asks (200 × 3).
func simulatedTrial(n int, seed uint64) (*mmrm.Data, []Event) {
	d, left := simtrial.Generate(simtrial.Design{
		N: n, Seed: [2]uint64{seed, 1}, ID: "P%03d",
		Reference: "usual care", Other: "intervention", Visits: []string{"3", "6", "12"},
		BaseMean: 20, BaseSD: 4, BaseSlope: 0.6, Carry: 0.5, SD: 3,
		Effect: 0.5, Drop: 0.12,
	})
	ev := make([]Event, len(left))
	for i, l := range left {
		ev[i] = Event{Subject: l.Subject, Visit: l.Visit, Strategy: JR}
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
