package measures

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// TestExampleTrial scores the committed example trial
// (testdata/example/responses.csv: long data, one row per participant and
// visit) on UCLA-3, DJG-6 and LSNS-6. Its README says six cells hold codes
// no instrument allows; they must be reported, not clamped.
func TestExampleTrial(t *testing.T) {
	f, err := os.Open("../testdata/example/responses.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ins := []*Instrument{lookup(t, "ucla-3"), lookup(t, "djg-6"), lookup(t, "lsns-6")}
	cols := map[string]string{}
	for k, in := range ins {
		prefix := []string{"ucla3", "djg6", "lsns6"}[k]
		var names []string
		for j := range in.Items {
			names = append(names, fmt.Sprintf("%s_%d", prefix, j+1))
		}
		m, err := in.Columns(names...)
		if err != nil {
			t.Fatal(err)
		}
		maps.Copy(cols, m)
	}
	rows, err := ScoreCSV(f, ins, &CSVOptions{ID: "participant_id", Keep: []string{"month"}, Columns: cols})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 855 {
		t.Errorf("%d rows, want 855", len(rows))
	}
	bad, scored := 0, 0
	for _, r := range rows {
		for k, e := range r.Errs {
			if e != nil {
				var ie *effect.FieldError
				if !errors.Is(e, ErrOutOfRange) || !errors.As(e, &ie) || ie.Line != r.Line {
					t.Errorf("line %d: %v", r.Line, e)
				}
				bad++
			} else if r.Scores[k].Total == r.Scores[k].Total {
				scored++
			}
		}
	}
	if bad != 6 {
		t.Errorf("%d invalid visit scores, want 6", bad)
	}
	t.Logf("%d rows, %d scale scores, %d invalid", len(rows), scored, bad)
	if _, err := ins[0].Columns("a", "a", "b"); !errors.Is(err, ErrInvalidInput) {
		t.Error("duplicate names accepted")
	}
	if _, err := ins[0].Columns("a"); !errors.Is(err, ErrInvalidInput) {
		t.Error("short names accepted")
	}
}
