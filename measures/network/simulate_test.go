package network

import (
	"bytes"
	"math"
	"reflect"
	"testing"
)

func simulateData(seed uint64, egos int, extra float64) (base, follow *Data) {
	s := NewSimulator(seed, 10)
	base = &Data{Codebook: SimulationCodebook()}
	follow = &Data{Codebook: SimulationCodebook()}
	for i := 0; i < egos; i++ {
		e := s.Interview("P"+itoa(i), s.rng.NormFloat64())
		base.Egos = append(base.Egos, e)
		follow.Egos = append(follow.Egos, s.FollowUp(e, extra))
	}
	return base, follow
}

func itoa(i int) string {
	return string(rune('A'+i%26)) + string(rune('0'+i/26%10)) + string(rune('0'+i/260%10))
}

func TestSimulatorRoundTrip(t *testing.T) {
	base, follow := simulateData(1, 300, 1)
	for _, d := range []*Data{base, follow} {
		var eb, ab, tb bytes.Buffer
		if err := WriteCSV(&eb, &ab, &tb, d); err != nil {
			t.Fatal(err)
		}
		back, err := ReadCSV(&eb, &ab, &tb, &ReadOptions{Codebook: d.Codebook})
		if err != nil || len(back.Rejected) != 0 || len(back.Cleaned) != 0 {
			t.Fatalf("read back: %v %v %v", err, back.Rejected, back.Cleaned)
		}
		o := &Options{Compose: []string{"role", "kin", "sex"}, Strength: "freq", Threshold: 4, Circle: "circle"}
		want, err := Describe(d, o)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := Describe(back, o)
		for i := range want {
			if want[i].Err != nil {
				t.Fatalf("%s: %v", want[i].Ego, want[i].Err)
			}
			if want[i].Structure.Size > 10 {
				t.Errorf("%s: %d alters above the cap", want[i].Ego, want[i].Structure.Size)
			}
			if !sameResult(want[i], got[i]) {
				t.Errorf("%s: round trip changed the measures:\n%+v\n%+v", want[i].Ego, want[i], got[i])
			}
		}
	}
	// The intervention's extra alters raise the mean size and the share
	// of non-kin, non-professional contacts.
	_, none := simulateData(1, 300, 0)
	cb := SimulationCodebook()
	meanSize := func(d *Data) (size, share float64) {
		k := 0.0
		for i := range d.Egos {
			size += float64(len(d.Egos[i].Alters))
			p, err := NonKinNonProfessional(&d.Egos[i], &cb)
			if err != nil {
				t.Fatal(err)
			}
			if !math.IsNaN(p.Share) {
				share += p.Share
				k++
			}
		}
		return size / float64(len(d.Egos)), share / k
	}
	s1, p1 := meanSize(follow)
	s0, p0 := meanSize(none)
	if s1 <= s0 || p1 <= p0 {
		t.Errorf("extra = 1: size %v share %v; extra = 0: size %v share %v", s1, p1, s0, p0)
	}
}

// sameResult compares results treating NaN as equal to NaN.
func sameResult(a, b Result) bool {
	return reflect.DeepEqual(fmtNaN(a), fmtNaN(b))
}

func fmtNaN(r Result) Result {
	fix := func(x *float64) {
		if math.IsNaN(*x) {
			*x = -999
		}
	}
	s := &r.Structure
	for _, p := range []*float64{&s.Density, &s.DensityWithEgo, &s.WeightedDensity, &s.MeanDegree, &s.EffectiveSize, &s.Efficiency, &s.Constraint, &r.Strength.Mean} {
		fix(p)
	}
	comps := make([]Composition, len(r.Compositions))
	for i, c := range r.Compositions {
		for _, p := range []*float64{&c.Shannon, &c.Blau, &c.IQV, &c.EgoAlterEI, &c.AlterAlterEI, &c.RescaledEI} {
			fix(p)
		}
		c.Shares = append([]float64(nil), c.Shares...)
		c.SharesAll = append([]float64(nil), c.SharesAll...)
		for k := range c.Shares {
			fix(&c.Shares[k])
			fix(&c.SharesAll[k])
		}
		comps[i] = c
	}
	r.Compositions = comps
	return r
}
