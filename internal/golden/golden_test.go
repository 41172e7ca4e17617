package golden

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestReadCSVAndClose(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "g.csv")
	if err := os.WriteFile(p, []byte("# made by hand\nname,x,n\na,1.5,2\nb,NA,3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	recs := ReadCSV(t, p)
	if len(recs) != 2 {
		t.Fatalf("got %d records, want 2", len(recs))
	}
	if recs[0].String(t, "name") != "a" || recs[0].Float(t, "x") != 1.5 || recs[0].Int(t, "n") != 2 {
		t.Errorf("first record misread")
	}
	if recs[0].Line != 3 || recs[1].Line != 4 {
		t.Errorf("lines %d, %d; want 3, 4 (comment and header count)", recs[0].Line, recs[1].Line)
	}
	if !math.IsNaN(recs[1].Float(t, "x")) {
		t.Errorf("NA not read as NaN")
	}
	if !recs[0].Has("n") || recs[0].Has("z") {
		t.Errorf("Has wrong")
	}
	if !Equal(1, 1+1e-13, 1e-12, 0) || Equal(1, 1.1, 1e-12, 0) || !Equal(math.NaN(), math.NaN(), 0, 0) {
		t.Errorf("Equal wrong")
	}
}

// TestReadCSVPhysicalLine: Record.Line is the physical line where the
// record starts (header = line 1), not the record number, when a quoted
// field spans lines.
func TestReadCSVPhysicalLine(t *testing.T) {
	p := filepath.Join(t.TempDir(), "g.csv")
	if err := os.WriteFile(p, []byte("name,note\na,\"two\nlines\"\nb,x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	recs := ReadCSV(t, p)
	if recs[0].Line != 2 || recs[1].Line != 4 || recs[1].Where() != p+":4" {
		t.Errorf("lines %d, %d (%s); want 2, 4", recs[0].Line, recs[1].Line, recs[1].Where())
	}
}
