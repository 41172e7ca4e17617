package check

import (
	"bytes"
	"os"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

// TestExtractedGolden checks a small extraction sheet of loneliness trials
// end to end (CSV in, CSV and Markdown out) against committed outputs. Run
// with -update (golden.Update) to rewrite them after an intended change.
func TestExtractedGolden(t *testing.T) {
	f, err := os.Open("../../testdata/check/extracted.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tb, err := ReadCSV(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	res := CheckRows(tb.Rows, nil)
	var csvOut, mdOut bytes.Buffer
	if err := WriteCSV(&csvOut, tb, res); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&mdOut, tb, res); err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{"extracted_verdicts.csv": csvOut.Bytes(), "extracted_verdicts.md": mdOut.Bytes()} {
		path := "../../testdata/check/" + name
		if *golden.Update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the golden output:\n%s", name, got)
		}
	}
}
