package mi

import (
	"errors"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

func TestReadEvents(t *testing.T) {
	in := "id,first_visit,strategy\nP01,6,JR\nP02,3,copy reference\n\nP03,12,lmcf\n"
	ev, err := ReadEvents(strings.NewReader(in), EventColumns{"id", "first_visit", "strategy"})
	if err != nil {
		t.Fatal(err)
	}
	want := []Event{{"P01", "6", JR}, {"P02", "3", CR}, {"P03", "12", LMCF}}
	if len(ev) != 3 || ev[0] != want[0] || ev[1] != want[1] || ev[2] != want[2] {
		t.Errorf("got %v", ev)
	}
	for name, c := range map[string]struct {
		in   string
		line int
	}{
		"strategy":  {"id,first_visit,strategy\nP01,6,JR\nP02,3,J2R\n", 3},
		"column":    {"id,visit,strategy\nP01,6,JR\n", 1},
		"semicolon": {"id;first_visit;strategy\nP01;6;JR\n", 1},
		"visit":     {"id,first_visit,strategy\nP01,,JR\n", 2},
		"quote":     {"id,first_visit,strategy\nP01,\"6,JR\n", 2},
		"empty":     {"", 1},
	} {
		_, err := ReadEvents(strings.NewReader(c.in), EventColumns{"id", "first_visit", "strategy"})
		var fe *effect.FieldError
		if !errors.As(err, &fe) || !errors.Is(err, ErrInvalidInput) || fe.Line != c.line {
			t.Errorf("%s: err = %v, want line %d", name, err, c.line)
		}
		if name == "semicolon" && !strings.Contains(err.Error(), "';'") {
			t.Errorf("semicolon: %v does not suggest the separator", err)
		}
	}
}

func FuzzReadEvents(f *testing.F) {
	f.Add("id,first_visit,strategy\nP01,6,JR\n")
	f.Add("id,first_visit,strategy\n\"P01,6,JR\n")
	f.Fuzz(func(t *testing.T, in string) {
		_, _ = ReadEvents(strings.NewReader(in), EventColumns{"id", "first_visit", "strategy"})
	})
}
