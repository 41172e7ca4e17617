package measures

import (
	"errors"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// TestScoreCSVPhysicalLine: a note spanning three lines (a quoted field)
// makes record numbers and line numbers differ. Row.Line is the line where
// the record starts and every error names the physical line of the
// offending field (header = line 1), as encoding/csv.ParseError.Line does.
func TestScoreCSVPhysicalLine(t *testing.T) {
	u := lookup(t, "ucla-3")
	data := "id,note,u1,u2,u3\n" + // line 1
		"a,\"moved house\nin March\nfollow-up by phone\",1,1,1\n" + // lines 2-4
		"b,,1,4,1\n" + // line 5: 4 is out of range
		"c,\"a\nb\",x,2,2\n" + // lines 6-7: "x" on line 7
		"d,\"unclosed\" quote,1,1,1\n" + // line 8: bare quote
		"e,,1,1\n" // line 9: short record
	o := &CSVOptions{ID: "id", Keep: []string{"note"}, Columns: map[string]string{"u1": "ucla3-companionship", "u2": "ucla3-left-out", "u3": "ucla3-isolated"}}
	rows, err := ScoreCSV(strings.NewReader(data), []*Instrument{u}, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 {
		t.Fatalf("%d rows, want 5", len(rows))
	}
	for i, c := range []struct {
		start, line int
		sentinel    error
		column      string
	}{
		{2, 0, nil, ""},
		{5, 5, ErrOutOfRange, "u2"},
		{6, 7, ErrNotNumeric, "u1"},
		{8, 8, ErrRecord, ""},
		{9, 9, ErrRecord, ""},
	} {
		r := rows[i]
		if r.Line != c.start {
			t.Errorf("record %d: Row.Line %d, want %d", i+1, r.Line, c.start)
		}
		if c.sentinel == nil {
			if r.Err() != nil || r.Scores[0].Total != 3 {
				t.Errorf("record %d: %v %+v", i+1, r.Err(), r.Scores[0])
			}
			continue
		}
		fe := new(effect.FieldError)
		if !errors.Is(r.Errs[0], c.sentinel) || !errors.As(r.Errs[0], &fe) || fe.Line != c.line || fe.Column != c.column {
			t.Errorf("record %d: %v (line %d, column %q); want %v at line %d, column %q", i+1, r.Errs[0], fe.Line, fe.Column, c.sentinel, c.line, c.column)
		}
	}
}

// TestScoreCSVUnloaded: an instrument not built by Load or Lookup is named
// by its position in an *effect.FieldError wrapping ErrInvalidKey.
func TestScoreCSVUnloaded(t *testing.T) {
	_, err := ScoreCSV(strings.NewReader("id\n"), []*Instrument{lookup(t, "ucla-3"), {}}, nil)
	fe := new(effect.FieldError)
	if !errors.Is(err, ErrInvalidKey) || !errors.As(err, &fe) || fe.Field != "instruments[1]" {
		t.Errorf("got %v", err)
	}
}
