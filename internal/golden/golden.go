package golden

import (
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// Update is the regeneration flag shared by every test package that writes
// its own golden outputs: go test ./plot -update.
var Update = flag.Bool("update", false, "rewrite golden outputs instead of comparing with them")

// Record is one data row of a golden CSV, addressed by column name.
type Record struct {
	Line   int // physical line in the file, header = 1
	path   string
	index  map[string]int
	fields []string
}

// ReadCSV reads a comma-separated golden table with a header row. Lines
// starting with '#' are comments. It fails the test on any read error.
func ReadCSV(t testing.TB, path string) []Record {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("golden: %v", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		t.Fatalf("golden: %s: header: %v", path, err)
	}
	index := make(map[string]int, len(header))
	for i, h := range header {
		index[strings.TrimSpace(h)] = i
	}
	var recs []Record
	for {
		fields, err := r.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			t.Fatalf("golden: %s: %v", path, err)
		}
		line, _ := r.FieldPos(0)
		recs = append(recs, Record{Line: line, path: path, index: index, fields: fields})
	}
	if len(recs) == 0 {
		t.Fatalf("golden: %s has no data rows", path)
	}
	return recs
}

// Has reports whether the table has the named column.
func (r Record) Has(col string) bool { _, ok := r.index[col]; return ok }

// String returns the named field as text.
func (r Record) String(t testing.TB, col string) string {
	t.Helper()
	i, ok := r.index[col]
	if !ok || i >= len(r.fields) {
		t.Fatalf("golden: %s:%d: no column %q", r.path, r.Line, col)
	}
	return strings.TrimSpace(r.fields[i])
}

// Float returns the named field as a number; "NA", "NaN", "Inf" and "-Inf"
// are read as R writes them.
func (r Record) Float(t testing.TB, col string) float64 {
	t.Helper()
	s := r.String(t, col)
	switch s {
	case "NA", "NaN", "nan", "":
		return math.NaN()
	case "Inf", "inf":
		return math.Inf(1)
	case "-Inf", "-inf":
		return math.Inf(-1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("golden: %s:%d: column %q: %v", r.path, r.Line, col, err)
	}
	return v
}

// Int returns the named field as an integer.
func (r Record) Int(t testing.TB, col string) int {
	t.Helper()
	s := r.String(t, col)
	v, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("golden: %s:%d: column %q: %v", r.path, r.Line, col, err)
	}
	return v
}

// Where names the record in failure messages: "file.csv:12".
func (r Record) Where() string { return fmt.Sprintf("%s:%d", r.path, r.Line) }

// Equal reports whether got agrees with want within a relative tolerance rel
// or an absolute tolerance abs (either suffices). NaNs agree with NaNs and
// infinities with infinities of the same sign.
func Equal(got, want, rel, abs float64) bool {
	if math.IsNaN(want) || math.IsNaN(got) {
		return math.IsNaN(want) && math.IsNaN(got)
	}
	if math.IsInf(want, 0) || math.IsInf(got, 0) {
		return got == want
	}
	d := math.Abs(got - want)
	return d <= abs || d <= rel*math.Abs(want)
}

// Close fails the test (without stopping it) unless got agrees with want
// within rel or abs, naming what was compared.
func Close(t testing.TB, what string, got, want, rel, abs float64) bool {
	t.Helper()
	if Equal(got, want, rel, abs) {
		return true
	}
	t.Errorf("%s: got %.17g, want %.17g (abs diff %.3g, rel %.3g; tol rel %g abs %g)",
		what, got, want, math.Abs(got-want), math.Abs(got-want)/math.Abs(want), rel, abs)
	return false
}
