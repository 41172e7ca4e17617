package prisma

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// consistent is a complete flow in which every identity holds.
func consistent() *Flow {
	return &Flow{
		Databases: N(1800), Registers: N(200),
		DatabaseDetail: []Source{{"MEDLINE", N(1000)}, {"Embase", N(800)}},
		Duplicates:     N(400), Automation: N(50), OtherRemoved: N(0),
		Screened: N(1550), RecordsExcluded: N(1450),
		Sought: N(100), NotRetrieved: N(4), Assessed: N(96),
		Excluded: []Reason{{"Wrong population", N(50)}, {"Not an intervention", N(30)}},
		Other: &OtherMethods{
			Sources: []Source{{"Websites", N(10)}, {"Citation searching", N(15)}},
			Sought:  N(12), NotRetrieved: N(2), Assessed: N(10), Excluded: []Reason{{"Wrong design", N(6)}},
		},
		Studies: N(18), Reports: N(20),
	}
}

func TestValidateConsistent(t *testing.T) {
	t.Parallel()
	warn, err := consistent().Validate()
	if err != nil || len(warn) != 0 {
		t.Fatalf("warnings %v, err %v", warn, err)
	}
	for _, c := range consistent().Check() {
		if c.Status != Holds {
			t.Errorf("%s: %s (%s)", c.Identity, c.Status, c.Detail)
		}
	}
}

// TestValidateBreaks breaks one identity at a time and checks that the
// error (or warning) names the box and carries the right sentinel.
func TestValidateBreaks(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		change  func(f *Flow)
		want    error
		box     string
		warning bool
	}{
		{"per-database sum", func(f *Flow) { f.DatabaseDetail[0].N = N(999) }, ErrInconsistent, boxDatabases, false},
		{"screened", func(f *Flow) { f.Screened = N(1600) }, ErrInconsistent, boxScreened, false},
		{"not retrieved", func(f *Flow) { f.NotRetrieved = N(5) }, ErrInconsistent, boxAssessed, false},
		{"other not retrieved", func(f *Flow) { f.Other.NotRetrieved = N(3) }, ErrInconsistent, boxAssessed + otherSuffix, false},
		{"reasons", func(f *Flow) { f.Excluded[0].N = N(51) }, ErrInconsistent, boxReports, false},
		{"excluded > assessed", func(f *Flow) { f.Excluded[0].N = N(97); f.Reports = Unknown }, ErrInconsistent, boxExcluded, false},
		{"records excluded > screened", func(f *Flow) { f.RecordsExcluded = N(1600); f.Sought = Unknown }, ErrInconsistent, boxRecExcluded, false},
		{"negative", func(f *Flow) { f.Duplicates = N(-1); f.Automation = N(451) }, ErrInvalidInput, boxDuplicates, false},
		{"empty reason", func(f *Flow) { f.Excluded[1].Reason = " " }, ErrInvalidInput, boxExcluded, false},
		{"sought vs screened", func(f *Flow) { f.Sought, f.Assessed = N(110), N(106); f.Reports = N(30) }, ErrUnusual, boxSought, true},
		{"studies > reports", func(f *Flow) { f.Studies = N(21) }, ErrUnusual, boxStudies, true},
		{"other sought > identified", func(f *Flow) { f.Other.Sources[0].N, f.Other.Sources[1].N = N(5), N(5) }, ErrUnusual, boxSought + otherSuffix, true},
		{"studies > assessed − excluded", func(f *Flow) { f.Reports = Unknown; f.Studies = N(21) }, ErrUnusual, boxStudies, true},
	}
	for _, c := range cases {
		f := consistent()
		c.change(f)
		warn, err := f.Validate()
		got := err
		if c.warning {
			if err != nil {
				t.Errorf("%s: unexpected error %v", c.name, err)
				continue
			}
			got = errors.Join(warn...)
		}
		if !errors.Is(got, c.want) {
			t.Errorf("%s: got %v (warnings %v); want %v", c.name, err, warn, c.want)
			continue
		}
		var fe *effect.FieldError
		if !errors.As(got, &fe) || fe.Field != c.box {
			t.Errorf("%s: box %q; want %q (%v)", c.name, fe.Field, c.box, got)
		}
	}
}

// TestPartialSums: with some parts unknown, the known parts must not
// exceed the whole; an unknown term never counts as 0.
func TestPartialSums(t *testing.T) {
	t.Parallel()
	f := &Flow{Databases: N(100), Registers: N(0), Duplicates: N(150)}
	if _, err := f.Validate(); !errors.Is(err, ErrInconsistent) || !strings.Contains(err.Error(), "known part 150 > 100") {
		t.Errorf("partial: %v", err)
	}
	f = &Flow{Databases: N(100), Screened: N(90)}
	if w, err := f.Validate(); err != nil || len(w) != 0 {
		t.Errorf("registers unknown: %v %v", w, err)
	}
	var zero Flow
	for _, c := range zero.Check() {
		if c.Status != NotTestable {
			t.Errorf("zero flow: %s %s", c.Identity, c.Status)
		}
	}
}

func randCount(r *rand.Rand) Count {
	if r.IntN(4) == 0 {
		return Unknown
	}
	return N(r.IntN(30000))
}

func randName(r *rand.Rand) string {
	names := []string{"MEDLINE", "Embase", "PsycINFO", "Wrong population", "Reviews, not trials", "Ünïcode \"quoted\"", "x"}
	for {
		s := names[r.IntN(len(names))]
		if !strings.Contains(s, ",") || r.IntN(2) == 0 {
			return strings.ReplaceAll(s, ",", "")
		}
	}
}

func randFlow(r *rand.Rand) *Flow {
	f := &Flow{Databases: randCount(r), Registers: randCount(r), Duplicates: randCount(r), Automation: randCount(r),
		OtherRemoved: randCount(r), Screened: randCount(r), RecordsExcluded: randCount(r), Sought: randCount(r),
		NotRetrieved: randCount(r), Assessed: randCount(r), Studies: randCount(r), Reports: randCount(r)}
	for i := r.IntN(4); i > 0; i-- {
		f.DatabaseDetail = append(f.DatabaseDetail, Source{randName(r), randCount(r)})
	}
	for i := r.IntN(3); i > 0; i-- {
		f.RegisterDetail = append(f.RegisterDetail, Source{randName(r), randCount(r)})
	}
	for i := r.IntN(5); i > 0; i-- {
		f.Excluded = append(f.Excluded, Reason{randName(r), randCount(r)})
	}
	if r.IntN(2) == 0 {
		o := &OtherMethods{Sought: randCount(r), NotRetrieved: randCount(r), Assessed: randCount(r)}
		for i := r.IntN(4); i > 0; i-- {
			o.Sources = append(o.Sources, Source{randName(r), randCount(r)})
		}
		for i := r.IntN(3); i > 0; i-- {
			o.Excluded = append(o.Excluded, Reason{randName(r), randCount(r)})
		}
		f.Other = o
	}
	if r.IntN(3) == 0 {
		f.Template = map[string]TemplateText{
			"records_screened": {Boxtext: "Datensätze gesichtet", Tooltips: "Titel und Abstracts", URL: "screening.html"},
			"newstud":          {Boxtext: "Identifikation über Datenbanken und Register", Tooltips: "NA", URL: "newstud.html"},
		}
	}
	return f
}

// TestRoundTrip writes random flows as JSON and as the R template CSV and
// reads them back unchanged.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 500; i++ {
		f := randFlow(r)
		var b bytes.Buffer
		if err := WriteJSON(&b, f); err != nil {
			t.Fatal(err)
		}
		g, err := ReadJSON(&b)
		if err != nil || !reflect.DeepEqual(f, g) {
			t.Fatalf("JSON round trip: %v\n%+v\n%+v", err, f, g)
		}
		b.Reset()
		err = WriteCSV(&b, f)
		if f.Other != nil && len(f.Other.Sources) > 3 {
			if !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("4 other sources written: %v", err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		g, err = ReadCSV(bytes.NewReader(b.Bytes()))
		if err != nil || !reflect.DeepEqual(f, g) {
			t.Fatalf("CSV round trip: %v\n%+v\n%+v\n%s", err, f, g, b.String())
		}
	}
}

// TestReadRTemplate reads the template as the R package ships it: zeros
// everywhere and placeholder lists.
func TestReadRTemplate(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/PRISMA.csv")
	if err != nil {
		t.Fatal(err)
	}
	f, err := ReadCSV(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if f.Databases != N(0) || f.Screened != N(0) || f.DatabaseDetail != nil || f.Excluded != nil || f.Other == nil ||
		len(f.Other.Sources) != 3 || f.Other.Sources[2] != (Source{"Citation searching", N(0)}) || f.Other.Excluded != nil {
		t.Errorf("template read as %+v %+v", f, f.Other)
	}
	// The R package's own box texts (its defaults use the wording for
	// updated reviews) are kept and written back.
	if f.Template["newstud"].Boxtext != "Identification of new studies via databases and registers" ||
		f.Template["duplicates"].Boxtext != "Duplicate records" {
		t.Errorf("template texts: %+v", f.Template)
	}
	var out bytes.Buffer
	if err := WriteCSV(&out, f); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "duplicates,node8,box3,Duplicate records,Duplicate records,Duplicate records,duplicates.html,0\n") {
		t.Errorf("R box text not written back:\n%s", out.String())
	}
	again, err := ReadCSV(&out)
	if err != nil || !reflect.DeepEqual(f, again) {
		t.Errorf("R template round trip: %v\n%+v\n%+v", err, f, again)
	}
	// Filled in as a team would: the R layout with thousands separators
	// and a reasons list.
	s := strings.Replace(string(b), "database_results.html,0", `database_results.html,"22,367"`, 1)
	s = strings.Replace(s, `"Reason1, xxx; Reason2, xxx; Reason3, xxx"`, `"No social network outcome, 500; Not mental health, 287"`, 1)
	f, err = ReadCSV(strings.NewReader(s))
	if err != nil || f.Databases != N(22367) || len(f.Excluded) != 2 || f.Excluded[1] != (Reason{"Not mental health", N(287)}) {
		t.Errorf("filled template: %v %+v", err, f)
	}
}

func TestReadCSVErrors(t *testing.T) {
	t.Parallel()
	const head = "data,n\n"
	cases := []struct {
		name, in string
		line     int
		msg      string
	}{
		{"semicolons", "data;n\nduplicates;3\n", 1, "it contains ';'"},
		{"unknown column", "data,count\n", 1, `the header holds "data", "count"`},
		{"no n", "data,boxtext\n", 1, "required column missing"},
		{"bad count", head + "duplicates,3\nrecords_screened,-4\n", 3, "not a whole number"},
		{"unknown name", head + "duplicates,3\nrecords_sreened,4\n", 3, `unknown data name; did you mean "records_screened"?`},
		{"twice", head + "duplicates,3\nduplicates,4\n", 3, "appears twice"},
		{"update", head + "previous_studies,12\n", 2, "updated reviews are not supported"},
		{"reason without n", head + "dbr_excluded,\"Wrong population\"\n", 2, "has no count"},
		{"mixed placeholders", head + "dbr_excluded,\"A, 3; B, xxx\"\n", 2, "placeholder"},
		{"line after quoted newline", "data,description,n\nduplicates,\"two\nlines\",3\nrecords_screened,,x\n", 4, "not a whole number"},
	}
	for _, c := range cases {
		_, err := ReadCSV(strings.NewReader(c.in))
		var fe *effect.FieldError
		if !errors.Is(err, ErrInvalidInput) || !errors.As(err, &fe) || fe.Line != c.line || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: %v; want line %d and %q", c.name, err, c.line, c.msg)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	b, _ := os.ReadFile("testdata/PRISMA.csv")
	f.Add(b)
	var buf bytes.Buffer
	_ = WriteCSV(&buf, consistent())
	f.Add(buf.Bytes())
	f.Add([]byte("data,n\ndbr_excluded,\"a, 1; ;b,2\"\nwebsite_results,?\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fl, err := ReadCSV(bytes.NewReader(data))
		if err != nil {
			checkPositioned(t, "ReadCSV", err, bytes.Count(data, []byte("\n"))+bytes.Count(data, []byte("\r"))+1)
			return
		}
		w, err := fl.Validate()
		checkPositioned(t, "Validate", err, 0)
		checkPositioned(t, "Validate warnings", errors.Join(w...), 0)
		var out bytes.Buffer
		if err := WriteCSV(&out, fl); err != nil {
			return // names the template cannot hold
		}
		again, err := ReadCSV(&out)
		if err != nil || !reflect.DeepEqual(fl, again) {
			t.Fatalf("round trip: %v\n%+v\n%+v", err, fl, again)
		}
	})
}

func FuzzReadJSON(f *testing.F) {
	var buf bytes.Buffer
	_ = WriteJSON(&buf, consistent())
	f.Add(buf.Bytes())
	f.Add([]byte(`{"database_results": null, "other": {"sources": []}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fl, err := ReadJSON(bytes.NewReader(data))
		if err != nil {
			checkPositioned(t, "ReadJSON", err, 0)
			return
		}
		w, err := fl.Validate()
		checkPositioned(t, "Validate", err, 0)
		checkPositioned(t, "Validate warnings", errors.Join(w...), 0)
		var out bytes.Buffer
		if err := WriteJSON(&out, fl); err != nil {
			t.Fatal(err)
		}
		again, err := ReadJSON(&out)
		if err != nil || !reflect.DeepEqual(fl, again) {
			t.Fatalf("round trip: %v", err)
		}
	})
}
