package exampledata

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/tiesproject/ties/measures/network"
)

func TestGenerateNetworks(t *testing.T) {
	c := DefaultConfig()
	tr, err := Generate(c)
	if err != nil {
		t.Fatal(err)
	}
	nets, err := GenerateNetworks(tr, c)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := nets.Write(dir, c.Seed); err != nil {
		t.Fatal(err)
	}
	if len(nets.Messy) != 4 {
		t.Fatalf("messy rows: %v", nets.Messy)
	}
	cb := network.SimulationCodebook()
	meanSize := map[string][2]float64{}
	for k, month := range NetworkMonths {
		ef, af, tf := NetworkFiles(month)
		open := func(name string) *os.File {
			f, err := os.Open(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			return f
		}
		e, a, ti := open(ef), open(af), open(tf)
		d, err := network.ReadCSV(e, a, ti, &network.ReadOptions{Codebook: cb})
		e.Close()
		a.Close()
		ti.Close()
		if err != nil {
			t.Fatal(err)
		}
		if month == 0 && (len(d.Rejected) != 2 || len(d.Cleaned) != 2) {
			t.Errorf("baseline: rejected %v, cleaned %v", d.Rejected, d.Cleaned)
		}
		if month == 12 && (len(d.Rejected) != 0 || len(d.Cleaned) != 0) {
			t.Errorf("12 months: rejected %v, cleaned %v", d.Rejected, d.Cleaned)
		}
		if len(d.Egos) != len(nets.Data[k].Egos) {
			t.Fatalf("month %d: %d egos read, %d written", month, len(d.Egos), len(nets.Data[k].Egos))
		}
		res, err := network.Describe(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		arm := map[string]string{}
		for _, p := range tr.Participants {
			arm[p.ID] = p.Arm
		}
		sum := map[string][2]float64{}
		for i, r := range res {
			if r.Err != nil {
				continue
			}
			if r.Structure.Size > MaxNetworkAlters {
				t.Errorf("%s: %d alters", r.Ego, r.Structure.Size)
			}
			p, err := network.NonKinNonProfessional(&d.Egos[i], &cb)
			if err != nil || (r.Structure.Size > 0 && p.Valid+p.Missing != r.Structure.Size) {
				t.Errorf("%s: %v %v", r.Ego, p, err)
			}
			s := sum[arm[r.Ego]]
			sum[arm[r.Ego]] = [2]float64{s[0] + float64(r.Structure.Size), s[1] + 1}
		}
		for a, s := range sum {
			m := meanSize[a]
			m[k] = s[0] / s[1]
			meanSize[a] = m
		}
	}
	gain := meanSize[Intervention][1] - meanSize[Intervention][0]
	gainUC := meanSize[UsualCare][1] - meanSize[UsualCare][0]
	if !(gain > gainUC) || math.IsNaN(gain) {
		t.Errorf("mean size by arm and month: %v", meanSize)
	}
	t.Logf("mean network size (baseline, 12 months): %v", meanSize)
}
