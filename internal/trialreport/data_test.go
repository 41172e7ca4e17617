package trialreport

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTrial writes a two-participant trial with the given responses.csv
// body (after the header) to a temporary directory.
func writeTrial(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	parts := "participant_id,team,arm\nP1,T1,usual care\nP2,T2,intervention\n"
	head := "participant_id,month,ucla3_1,ucla3_2,ucla3_3,djg6_1,djg6_2,djg6_3,djg6_4,djg6_5,djg6_6,lsns6_1,lsns6_2,lsns6_3,lsns6_4,lsns6_5,lsns6_6\n"
	if err := os.WriteFile(filepath.Join(dir, "participants.csv"), []byte(parts), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "responses.csv"), []byte(head+body), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

const okVisit = ",1,2,3,5,3,1,5,2,3,2,2,1,2,0,1\n"

// A malformed record (wrong number of fields, a broken quote) must be an
// error naming its line, not a panic: ScoreCSV reports such rows without
// their Keep columns.
func TestLoadMalformedRecord(t *testing.T) {
	for name, body := range map[string]string{
		"short row":    "P1,0" + okVisit + "P2,0,1,2\n",
		"broken quote": "P1,0" + okVisit + "P2,0,1,\"2,3\n",
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("Load panicked: %v", r)
				}
			}()
			_, err := Load(writeTrial(t, body))
			if err == nil || !strings.Contains(err.Error(), "line 3") {
				t.Fatalf("Load error = %v; want one naming line 3", err)
			}
		})
	}
}

// Two rows for the same participant and month must not silently replace
// one another.
func TestLoadDuplicateVisit(t *testing.T) {
	body := "P1,0" + okVisit + "P2,0" + okVisit + "P1,0" + strings.Replace(okVisit, ",1,2,3,", ",3,3,3,", 1)
	_, err := Load(writeTrial(t, body))
	if err == nil || !strings.Contains(err.Error(), "P1") || !strings.Contains(err.Error(), "line 4") {
		t.Fatalf("Load error = %v; want a duplicate-visit error naming P1 and line 4", err)
	}
}

// The forest plot's note names the level the intervals were computed at
// (it said 95% whatever Config.Level was).
func TestForestNotesLevel(t *testing.T) {
	var a Adjusted
	a.D.CI.Level = 0.9
	notes := forestNotes([]Adjusted{a})
	if !strings.HasPrefix(notes[1], "90% intervals") {
		t.Errorf("note %q; want it to start with 90%% intervals", notes[1])
	}
}
