package mi

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/effect/mmrm"
)

func TestCondMeanBadInput(t *testing.T) {
	d, ev := simulatedTrial(40, 3)
	o := &CondMeanOptions{Reference: "usual care", Visits: []string{"3", "6", "12"}}
	first := d.Subject[0]
	cases := map[string]struct {
		ev   []Event
		o    *CondMeanOptions
		want string // the error names this
	}{
		"two events":       {append(append([]Event(nil), ev...), Event{Subject: ev[0].Subject, Visit: "12", Strategy: CR}), o, ev[0].Subject},
		"LMCF first visit": {[]Event{{Subject: first, Visit: "3", Strategy: LMCF}}, o, first},
		"unknown strategy": {[]Event{{Subject: first, Visit: "6", Strategy: Strategy(9)}}, o, first},
		"no such subject":  {[]Event{{Subject: "nobody", Visit: "6", Strategy: JR}}, o, "nobody"},
		"no such visit":    {[]Event{{Subject: first, Visit: "24", Strategy: JR}}, o, "24"},
		"reference":        {ev, &CondMeanOptions{Reference: "placebo"}, "placebo"},
		"level":            {ev, &CondMeanOptions{Level: 2}, "Level"},
		"seed w/o boot":    {ev, &CondMeanOptions{Seed: 3}, "bootstrap"},
		"delta arm":        {ev, &CondMeanOptions{Delta: []Delta{{Arm: "x", Value: 1}}}, "x"},
		"delta NaN":        {ev, &CondMeanOptions{Delta: []Delta{{Value: math.NaN()}}}, "Delta"},
	}
	for name, c := range cases {
		_, err := ConditionalMean(d, c.ev, c.o)
		if !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%s: err = %v, want ErrInvalidInput", name, err)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %q does not name %q", name, err, c.want)
		}
	}
	// Data errors name the subject and line.
	bad := &mmrm.Data{Subject: []string{"A", "A", "B"}, Visit: []string{"3", "3", "3"}, Arm: []string{"x", "x", "y"},
		Outcome: []float64{1, 2, 3}, Baseline: []float64{1, 1, 1}, Line: []int{2, 3, 4}}
	_, err := ConditionalMean(bad, nil, nil)
	var fe *effect.FieldError
	if !errors.As(err, &fe) || fe.Line != 3 || !strings.Contains(fe.Record, "A") {
		t.Errorf("duplicate row: %v", err)
	}
	if _, err := ConditionalMean(nil, nil, nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("nil data: %v", err)
	}
}

// Subjects without a baseline leave the analysis and are listed.
func TestCondMeanExcluded(t *testing.T) {
	d, ev := simulatedTrial(60, 4)
	for i := range d.Subject {
		if d.Subject[i] == "P007" {
			d.Baseline[i] = math.NaN()
		}
	}
	var keep []Event
	for _, e := range ev {
		if e.Subject != "P007" {
			keep = append(keep, e)
		}
	}
	r, err := ConditionalMean(d, keep, &CondMeanOptions{Reference: "usual care"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Excluded) != 1 || r.Excluded[0].Subject != "P007" || len(r.Subjects) != 59 {
		t.Errorf("excluded %v, %d analysed", r.Excluded, len(r.Subjects))
	}
}

// Under MAR the conditional-mean ANCOVA equals the MMRM difference at
// every visit (the analysis model's covariates are the imputation model's),
// whatever the (common) covariance structure.
func TestMAREqualsMMRM(t *testing.T) {
	for _, st := range []mmrm.Structure{mmrm.US, mmrm.CS, mmrm.AR1, mmrm.TOEPH} {
		testMAREqualsMMRM(t, st)
	}
}

func testMAREqualsMMRM(t *testing.T, st mmrm.Structure) {
	d, ev := simulatedTrial(150, 9)
	for i := range ev {
		ev[i].Strategy = MAR
	}
	r, err := ConditionalMean(d, ev, &CondMeanOptions{Reference: "usual care", Visits: []string{"3", "6", "12"}, Structure: st})
	if err != nil {
		t.Fatal(err)
	}
	for v, vr := range r.Visits {
		m := r.Fit.Differences[v]
		if m.Visit != vr.Visit {
			t.Fatalf("visit order %s vs %s", m.Visit, vr.Visit)
		}
		if math.Abs(m.Estimate-vr.Difference.Estimate) > 1e-10*math.Max(1, math.Abs(m.Estimate)) {
			t.Errorf("%v, visit %s: MAR imputation %.15g, MMRM %.15g", st, vr.Visit, vr.Difference.Estimate, m.Estimate)
		}
	}
}

// The bootstrap gives the same result on any number of workers.
func TestBootstrapWorkers(t *testing.T) {
	d, ev := simulatedTrial(50, 5)
	var first *CondMeanResult
	for _, w := range []int{1, 2, 5} {
		r, err := ConditionalMean(d, ev, &CondMeanOptions{Reference: "usual care", Inference: BootstrapInference, Replicates: 30, Seed: 7, Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = r
			continue
		}
		for v := range r.Visits {
			a, b := r.Visits[v].Difference, first.Visits[v].Difference
			if a.Estimate != b.Estimate || a.SE != b.SE || a.CI != b.CI || a.P != b.P {
				t.Errorf("workers %d: %+v != %+v", w, r.Visits[v].Difference, first.Visits[v].Difference)
			}
		}
	}
}

func FuzzConditionalMean(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, uint8(1))
	f.Fuzz(func(t *testing.T, b []byte, strat uint8) {
		if len(b) > 60 {
			b = b[:60]
		}
		d := &mmrm.Data{}
		var ev []Event
		for i, x := range b {
			id := string(rune('A' + i/3))
			d.Subject = append(d.Subject, id)
			d.Visit = append(d.Visit, []string{"1", "2", "3"}[i%3])
			d.Arm = append(d.Arm, []string{"a", "b"}[(i/3)%2])
			y := float64(x)
			if x%7 == 0 {
				y = math.NaN()
			}
			d.Outcome = append(d.Outcome, y)
			d.Baseline = append(d.Baseline, float64(i/3%5))
			if x%11 == 0 && i%3 == 0 {
				ev = append(ev, Event{Subject: id, Visit: "2", Strategy: Strategy(strat % 6)})
			}
		}
		_, _ = ConditionalMean(d, ev, nil) // must not panic
	})
}
