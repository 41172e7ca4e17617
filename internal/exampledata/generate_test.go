package exampledata

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedData checks that testdata/example holds exactly what the
// default configuration generates, so the committed data stay reproducible.
func TestCommittedData(t *testing.T) {
	tr, err := Generate(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := tr.Write(dir); err != nil {
		t.Fatal(err)
	}
	nets, err := GenerateNetworks(tr, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if err := nets.Write(dir, DefaultConfig().Seed); err != nil {
		t.Fatal(err)
	}
	names := []string{ParticipantsFile, ResponsesFile}
	for _, m := range NetworkMonths {
		e, a, ti := NetworkFiles(m)
		names = append(names, e, a, ti)
	}
	for _, name := range names {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", "testdata", "example", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator's output; regenerate with go run ./internal/cmd/gendata", name)
		}
	}
}

func TestGenerateShape(t *testing.T) {
	tr, err := Generate(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	n := len(tr.Participants)
	if n < 200 || n > 280 {
		t.Errorf("participants = %d, want about 240", n)
	}
	arms := map[string]int{}
	for _, p := range tr.Participants {
		arms[p.Arm]++
	}
	if arms[Intervention] == 0 || arms[UsualCare] == 0 {
		t.Errorf("arms = %v", arms)
	}
	perVisit := map[int]int{}
	blank := 0
	for _, r := range tr.Responses {
		perVisit[r.Month]++
		for _, c := range append(append(append([]string{}, r.UCLA3...), r.DJG6...), r.LSNS6...) {
			if c == "" {
				blank++
			}
		}
	}
	if perVisit[0] != n {
		t.Errorf("baseline visits = %d, want %d", perVisit[0], n)
	}
	if !(perVisit[12] < perVisit[6] && perVisit[6] < perVisit[3] && perVisit[3] < n) {
		t.Errorf("dropout not monotone: %v", perVisit)
	}
	if blank == 0 {
		t.Error("no blank items")
	}
	if len(tr.Invalid) != DefaultConfig().InvalidCodes {
		t.Errorf("invalid cells = %d", len(tr.Invalid))
	}
}

func TestGenerateBadConfig(t *testing.T) {
	c := DefaultConfig()
	c.Teams = 3
	if _, err := Generate(c); err == nil {
		t.Error("odd number of teams accepted")
	}
	c = DefaultConfig()
	c.Effect = c.Effect[:2]
	if _, err := Generate(c); err == nil {
		t.Error("short Effect accepted")
	}
}
