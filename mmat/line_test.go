package mmat

import (
	"errors"
	"strings"
	"testing"
)

// TestReadersPhysicalLine: a comment spanning three lines precedes the bad
// row, so the bad row is the 3rd record but physical line 5 (header = line
// 1). Every reader must report the line, as encoding/csv.ParseError.Line
// does, not the record number.
func TestReadersPhysicalLine(t *testing.T) {
	t.Parallel()
	long := "study,rater,category,criterion,answer,comment\n" +
		"Smith 2019,AB,2,2.1,Yes,\"random numbers\nfrom a table\nin the appendix\"\n" + // lines 2-4
		"Smith 2019,AB,2,2.3,Partial,\n" // line 5
	wide := "study,rater,category,2.1,2.1 comment,2.3\n" +
		"Smith 2019,AB,2,Yes,\"random numbers\nfrom a table\nin the appendix\",Y\n" + // lines 2-4
		"Jones 2020,AB,2,Yes,,Partial\n" // line 5
	for _, c := range []struct {
		name, in string
		read     func(string) error
		col      string
	}{
		{"ReadLong", long, func(s string) error { _, err := ReadLong(strings.NewReader(s), nil); return err }, "answer"},
		{"ReadWide", wide, func(s string) error { _, err := ReadWide(strings.NewReader(s), nil); return err }, "2.3"},
		// A field on the record's last line: the bad answer follows the
		// multi-line comment within one record.
		{"ReadWide same record", "study,rater,category,2.1 comment,2.3\n" +
			"Smith 2019,AB,2,\"random numbers\nfrom a table\",Partial\n", func(s string) error { _, err := ReadWide(strings.NewReader(s), nil); return err }, "2.3"},
	} {
		err := c.read(c.in)
		e := firstError(t, err)
		want := 5
		if c.name == "ReadWide same record" {
			want = 3
		}
		if !errors.Is(err, ErrInvalidAnswer) || e.Line != want || e.Column != c.col || e.Value != "Partial" {
			t.Errorf("%s: %v (line %d, column %q); want ErrInvalidAnswer at line %d, column %q", c.name, err, e.Line, e.Column, want, c.col)
		}
		if !strings.Contains(err.Error(), "line "+itoa(want)+",") {
			t.Errorf("%s: message %q does not name line %d", c.name, err, want)
		}
	}
	// A record with the wrong number of fields after a multi-line one:
	// encoding/csv's own error, still the physical line.
	_, err := ReadLong(strings.NewReader(strings.Replace(long, "Smith 2019,AB,2,2.3,Partial,", "Smith 2019,AB", 1)), nil)
	if e := firstError(t, err); !errors.Is(err, ErrInvalidInput) || e.Line != 5 {
		t.Errorf("field count: %v (line %d); want line 5", err, e.Line)
	}
	if strings.Count(err.Error(), "line") != 1 {
		t.Errorf("field count: %q names the line more than once", err)
	}
	// A duplicate row names the line of the first occurrence.
	_, err = ReadWide(strings.NewReader(strings.Replace(wide, "Jones 2020,AB,2,Yes,,Partial", "Smith 2019,AB,2,Yes,,Y", 1)), nil)
	if e := firstError(t, err); !errors.Is(err, ErrDuplicate) || e.Line != 5 || !strings.Contains(err.Error(), "as line 2") {
		t.Errorf("duplicate: %v (line %d); want line 5, first at line 2", err, e.Line)
	}
}
