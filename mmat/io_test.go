package mmat

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

var pieces = []string{"Smith", "2019", "a,b", `"q"`, " lead", "trail ", "é", "Ünï", "line\nbreak", "tab\t", "|", "Can’t", "", "x", "=1+1"}

func randText(r *rand.Rand, allowEmpty bool) string {
	for {
		var b strings.Builder
		for k := r.IntN(4); k > 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		if allowEmpty || b.Len() > 0 {
			return b.String()
		}
	}
}

// randApps makes n appraisals with unique (study, rater), random
// categories (valid or unset), and random non-zero ratings.
func randApps(r *rand.Rand, n int) []Appraisal {
	var out []Appraisal
	seen := map[key]bool{}
	for len(out) < n {
		a := Appraisal{Study: randText(r, false), Rater: randText(r, true),
			Category: Category(r.IntN(6)), Component: Category(r.IntN(6))}
		if seen[key{a.Study, a.Rater}] {
			continue
		}
		seen[key{a.Study, a.Rater}] = true
		for _, c := range criteria {
			if r.IntN(3) == 0 {
				continue
			}
			rt := Rating{Answer: Answer(r.IntN(4))}
			if r.IntN(4) == 0 {
				rt.Comment = randText(r, false)
			}
			if rt != (Rating{}) {
				a.Set(c.ID, rt.Answer, rt.Comment)
			}
		}
		out = append(out, a)
	}
	return out
}

type format struct {
	name  string
	write func(*bytes.Buffer, []Appraisal) error
	read  func(*bytes.Buffer, *ReadOptions) ([]Appraisal, error)
}

var formats = []format{
	{"long", func(b *bytes.Buffer, a []Appraisal) error { return WriteLong(b, a) }, func(b *bytes.Buffer, o *ReadOptions) ([]Appraisal, error) { return ReadLong(b, o) }},
	{"wide", func(b *bytes.Buffer, a []Appraisal) error { return WriteWide(b, a) }, func(b *bytes.Buffer, o *ReadOptions) ([]Appraisal, error) { return ReadWide(b, o) }},
	{"json", func(b *bytes.Buffer, a []Appraisal) error { return WriteJSON(b, a) }, func(b *bytes.Buffer, o *ReadOptions) ([]Appraisal, error) { return ReadJSON(b, o) }},
}

// TestRoundTrip is the property "write then read equals" for every format
// on random appraisals (including quotes, commas, newlines, non-ASCII,
// comment-only ratings and unset categories).
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		apps := randApps(r, 1+r.IntN(6))
		for _, f := range formats {
			var buf bytes.Buffer
			if err := f.write(&buf, apps); err != nil {
				t.Fatalf("%s write: %v", f.name, err)
			}
			text := buf.String()
			got, err := f.read(&buf, nil)
			if err != nil {
				t.Fatalf("%s read: %v\n%s", f.name, err, text)
			}
			if !reflect.DeepEqual(got, apps) {
				t.Fatalf("%s round trip differs:\n got %+v\nwant %+v\n%s", f.name, got, apps, text)
			}
		}
	}
	// Worked examples and an empty list.
	for _, f := range formats {
		var buf bytes.Buffer
		apps := workedExamples(t)
		if err := f.write(&buf, apps); err != nil {
			t.Fatal(err)
		}
		got, err := f.read(&buf, nil)
		if err != nil || !reflect.DeepEqual(got, apps) {
			t.Errorf("%s: worked examples: %v", f.name, err)
		}
	}
}

func TestWriteRejects(t *testing.T) {
	t.Parallel()
	good := app(t, "s", RCT, 0, "S1=Y")
	cases := map[string]struct {
		apps []Appraisal
		want error
	}{
		"empty study":   {[]Appraisal{{Category: RCT}}, ErrInvalidInput},
		"bad utf8":      {[]Appraisal{{Study: "\xff"}}, ErrInvalidInput},
		"category 7":    {[]Appraisal{{Study: "s", Category: 7}}, ErrInvalidCategory},
		"component -1":  {[]Appraisal{{Study: "s", Component: -1}}, ErrInvalidCategory},
		"unknown id":    {[]Appraisal{{Study: "s", Ratings: map[string]Rating{"2.6": {Answer: Yes}}}}, ErrUnknownCriterion},
		"bad answer":    {[]Appraisal{{Study: "s", Ratings: map[string]Rating{"2.1": {Answer: 9}}}}, ErrInvalidAnswer},
		"bad comment":   {[]Appraisal{{Study: "s", Ratings: map[string]Rating{"2.1": {Comment: "\xfe"}}}}, ErrInvalidInput},
		"duplicate csv": {[]Appraisal{good, good}, ErrDuplicate},
	}
	for name, c := range cases {
		for _, f := range formats {
			err := f.write(&bytes.Buffer{}, c.apps)
			if f.name == "json" && c.want == ErrDuplicate {
				if err != nil {
					t.Errorf("json should accept duplicates: %v", err)
				}
				continue
			}
			if !errors.Is(err, c.want) {
				t.Errorf("%s %s: err = %v; want %v", f.name, name, err, c.want)
			}
		}
	}
}

func firstError(t *testing.T, err error) *effect.FieldError {
	t.Helper()
	var e *effect.FieldError
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not an *effect.FieldError", err)
	}
	return e
}

func TestReadLongErrors(t *testing.T) {
	t.Parallel()
	in := "Study,Rater,Category,Criterion,Answer,Comment\n" +
		"Smith 2019,AB,2,S1,Yes,\n" +
		"Smith 2019,AB,2,2.3,Partial,dropouts 30%\n"
	_, err := ReadLong(strings.NewReader(in), nil)
	e := firstError(t, err)
	if !errors.Is(err, ErrInvalidAnswer) || e.Line != 3 || e.Column != "Answer" || e.Record != "study Smith 2019, rater AB" || e.Field != "2.3" || e.Value != "Partial" {
		t.Errorf("got %+v", e)
	}
	msg := err.Error()
	for _, s := range []string{"line 3", `column "Answer"`, `study Smith 2019`, `2.3 = "Partial"`} {
		if !strings.Contains(msg, s) {
			t.Errorf("message %q lacks %s", msg, s)
		}
	}
	// An explicit alias makes it acceptable.
	apps, err := ReadLong(strings.NewReader(in), &ReadOptions{Aliases: map[string]Answer{"partial": CantTell}})
	if err != nil || apps[0].Answer("2.3") != CantTell || apps[0].Ratings["2.3"].Comment != "dropouts 30%" {
		t.Errorf("alias: %v %+v", err, apps)
	}
	if _, err := ReadLong(strings.NewReader(in), &ReadOptions{Aliases: map[string]Answer{"partial": 8}}); !errors.Is(err, ErrInvalidAnswer) {
		t.Errorf("alias to invalid answer: %v", err)
	}

	bad := map[string]struct {
		in   string
		want error
		row  int
		col  string
	}{
		"empty":            {"", ErrInvalidInput, 1, ""},
		"missing column":   {"study,category,answer\n", ErrInvalidInput, 1, "criterion"},
		"unknown column":   {"study,category,criterion,answer,coment\n", ErrInvalidInput, 1, "coment"},
		"duplicate column": {"study,category,criterion,answer,Answer\n", ErrDuplicate, 1, "Answer"},
		"unknown crit":     {"study,category,criterion,answer\ns,2,2.6,Y\n", ErrUnknownCriterion, 2, "criterion"},
		"bad category":     {"study,category,criterion,answer\ns,7,2.1,Y\n", ErrInvalidCategory, 2, "category"},
		"bad component":    {"study,category,component,criterion,answer\ns,5,x,2.1,Y\n", ErrInvalidCategory, 2, "component"},
		"empty study":      {"study,category,criterion,answer\n,2,2.1,Y\n", ErrInvalidInput, 2, "study"},
		"category changes": {"study,category,criterion,answer\ns,2,2.1,Y\ns,3,2.2,Y\n", ErrInvalidInput, 3, "category"},
		"dup criterion":    {"study,category,criterion,answer\ns,2,2.1,Y\ns,2,2.1,N\n", ErrDuplicate, 3, "criterion"},
		"answer no crit":   {"study,category,criterion,answer\ns,2,,Y\n", ErrUnknownCriterion, 2, "criterion"},
		"bad utf8":         {"study,category,criterion,answer,comment\ns,2,2.1,Y,\xff\n", ErrInvalidInput, 2, "comment"},
		"field count":      {"study,category,criterion,answer\ns,2\n", ErrInvalidInput, 2, ""},
	}
	for name, c := range bad {
		_, err := ReadLong(strings.NewReader(c.in), nil)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v; want %v", name, err, c.want)
			continue
		}
		if e := firstError(t, err); e.Line != c.row || e.Column != c.col {
			t.Errorf("%s: row %d column %q; want %d %q", name, e.Line, e.Column, c.row, c.col)
		}
	}
	// Lenient spellings: Critiplot-style headers, names, case, spaces.
	apps, err = ReadLong(strings.NewReader("Author_Year;Study_Category;Item;Response;Notes\nA;Randomized; s1 ;Can’t tell;x\n"),
		&ReadOptions{Comma: ';', IgnoreUnknownColumns: true})
	if err != nil || len(apps) != 1 || apps[0].Category != RCT || apps[0].Answer("S1") != CantTell {
		t.Errorf("lenient: %v %+v", err, apps)
	}
	// Many bad rows: errors are joined and capped.
	var b strings.Builder
	b.WriteString("study,category,criterion,answer\n")
	for i := 0; i < 50; i++ {
		b.WriteString("s,2,2.1,bad\n")
	}
	_, err = ReadLong(strings.NewReader(b.String()), &ReadOptions{MaxErrors: 5})
	if n := strings.Count(err.Error(), "\n") + 1; n != 5 {
		t.Errorf("%d errors reported; want 5", n)
	}
}

func TestReadWideErrors(t *testing.T) {
	t.Parallel()
	in := "study,rater,category,S1,S2,2.1,2.2,2.3,2.4,2.5,2.3 comment\n" +
		"R1,AB,RCT,Y,Y,Y,Y,N,CT,Y,30% lost\n" +
		"R2,AB,2,Y,Y,Y,Y,NI,Y,Y,\n"
	_, err := ReadWide(strings.NewReader(in), nil)
	e := firstError(t, err)
	if !errors.Is(err, ErrInvalidAnswer) || e.Line != 3 || e.Column != "2.3" || e.Record != "study R2, rater AB" || e.Field != "2.3" || e.Value != "NI" {
		t.Errorf("got %+v", e)
	}
	apps, err := ReadWide(strings.NewReader(strings.Replace(in, "NI", "Cannot tell", 1)), nil)
	if err != nil || len(apps) != 2 || apps[0].Ratings["2.3"] != (Rating{No, "30% lost"}) || apps[1].Answer("2.3") != CantTell {
		t.Errorf("wide read: %v %+v", err, apps)
	}
	if _, err := apps[0].Validate(nil); err != nil {
		t.Errorf("valid wide appraisal: %v", err)
	}
	bad := map[string]struct {
		in   string
		want error
		row  int
		col  string
	}{
		"empty":        {"", ErrInvalidInput, 1, ""},
		"no category":  {"study,S1\n", ErrInvalidInput, 1, "category"},
		"unknown col":  {"study,category,S3\n", ErrInvalidInput, 1, "S3"},
		"dup crit col": {"study,category,S1,QS1\n", ErrDuplicate, 1, "QS1"},
		"dup row":      {"study,category,S1\na,1,Y\na,1,N\n", ErrDuplicate, 3, "study"},
		"empty study":  {"study,category,S1\n,1,Y\n", ErrInvalidInput, 2, "study"},
		"bad cat":      {"study,category,S1\na,x,Y\n", ErrInvalidCategory, 2, "category"},
		"bad utf8":     {"study,category,S1 comment\na,1,\xff\n", ErrInvalidInput, 2, "S1 comment"},
	}
	for name, c := range bad {
		_, err := ReadWide(strings.NewReader(c.in), nil)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v; want %v", name, err, c.want)
			continue
		}
		if e := firstError(t, err); e.Line != c.row || e.Column != c.col {
			t.Errorf("%s: row %d column %q; want %d %q", name, e.Line, e.Column, c.row, c.col)
		}
	}
	// Q-prefixed and comment-prefixed columns.
	apps, err = ReadWide(strings.NewReader("Study,Category,QS1,Q1.1,comment 1.1\nA,1,yes,no,why\n"), nil)
	if err != nil || apps[0].Answer("S1") != Yes || apps[0].Ratings["1.1"] != (Rating{No, "why"}) {
		t.Errorf("prefixed columns: %v %+v", err, apps)
	}
}

func TestReadJSONErrors(t *testing.T) {
	t.Parallel()
	apps, err := ReadJSON(strings.NewReader(`[{"study":"A","category":"Mixed methods","component":3,"ratings":{"S1":{"answer":"y"},"5.4":{"comment":"none"}}}]`), nil)
	if err != nil || apps[0].Category != MixedMethods || apps[0].Component != NonRandomized || apps[0].Answer("S1") != Yes || apps[0].Ratings["5.4"].Comment != "none" {
		t.Errorf("json read: %v %+v", err, apps)
	}
	bad := map[string]struct {
		in   string
		want error
		col  string
	}{
		"not array":     {`{"study":"A"}`, ErrInvalidInput, ""},
		"null":          {`null`, ErrInvalidInput, ""},
		"unknown field": {`[{"study":"A","score":80}]`, ErrInvalidInput, ""},
		"trailing":      {`[] []`, ErrInvalidInput, ""},
		"empty study":   {`[{"category":1}]`, ErrInvalidInput, "[0].study"},
		"bad category":  {`[{"study":"A","category":6}]`, ErrInvalidCategory, "[0].category"},
		"bad cat name":  {`[{"study":"A","category":"cohort"}]`, ErrInvalidCategory, "[0].category"},
		"bad component": {`[{"study":"A","component":1.5}]`, ErrInvalidCategory, "[0].component"},
		"unknown crit":  {`[{"study":"A","ratings":{"2.7":{"answer":"Y"}}}]`, ErrUnknownCriterion, `[0].ratings."2.7"`},
		"bad answer":    {`[{"study":"A"},{"study":"B","ratings":{"2.1":{"answer":"Partial"}}}]`, ErrInvalidAnswer, `[1].ratings."2.1".answer`},
	}
	for name, c := range bad {
		_, err := ReadJSON(strings.NewReader(c.in), nil)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v; want %v", name, err, c.want)
			continue
		}
		if e := firstError(t, err); e.Column != c.col {
			t.Errorf("%s: column %q; want %q", name, e.Column, c.col)
		}
	}
}

// roundTrip checks that data accepted by a reader is written and read back
// unchanged (the readers' output is canonical).
func roundTrip(t *testing.T, f format, data []byte) {
	apps, err := f.read(bytes.NewBuffer(data), nil)
	if err != nil {
		checkPositioned(t, f.name, err, bytes.Count(data, []byte("\n"))+bytes.Count(data, []byte("\r"))+1)
		return
	}
	var buf bytes.Buffer
	if err := f.write(&buf, apps); err != nil {
		t.Fatalf("%s: cannot write what was read: %v", f.name, err)
	}
	again, err := f.read(&buf, nil)
	if err != nil {
		t.Fatalf("%s: cannot re-read: %v\n%q", f.name, err, buf.String())
	}
	if !reflect.DeepEqual(apps, again) {
		t.Fatalf("%s: round trip differs:\n%+v\n%+v", f.name, apps, again)
	}
	// Everything downstream must cope without panicking.
	for i := range apps {
		w, err := apps[i].Validate(nil)
		checkPositioned(t, f.name+" Validate", err, 0)
		checkPositioned(t, f.name+" Validate warnings", errors.Join(w...), 0)
	}
	Summarize(apps, nil)
	if _, err := SummarizeByType(apps, nil); err != nil {
		checkPositioned(t, f.name+" SummarizeByType", err, 0)
	}
	NewGrid(apps, nil)
	CountCriteria(apps, nil)
	_, _ = Agree(apps, apps, &AgreementOptions{Weights: Quadratic})
}

func seeds(f *testing.F, extra ...string) {
	for _, fm := range formats[:2] {
		var buf bytes.Buffer
		_ = fm.write(&buf, workedExamples(f))
		f.Add(buf.Bytes())
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

func FuzzReadLong(f *testing.F) {
	seeds(f, "study,category,criterion,answer\ns,2,2.1,Y\n", "Author,Year,Question,Answer,Category\nSmith,2019,Q2.1,-,RCTs\n", "study,category,criterion,answer,comment\n\"a\"\"b\",5,s1,can’t tell,\"x\r\ny\"\n")
	f.Fuzz(func(t *testing.T, data []byte) { roundTrip(t, formats[0], data) })
}

func FuzzReadWide(f *testing.F) {
	seeds(f, "study,category,S1,2.1 comment\na,2,Y,c\n", "Author,Year,Category,Q2.1,Q2.2\nSmith,2019,Randomised controlled trials,+,-\n", "Study,Rater,Category,QS1,Q1.1,comment 1.1\nA,,1,yes,no,why\n")
	f.Fuzz(func(t *testing.T, data []byte) { roundTrip(t, formats[1], data) })
}

func FuzzReadJSON(f *testing.F) {
	var buf bytes.Buffer
	_ = WriteJSON(&buf, workedExamples(f))
	f.Add(buf.Bytes())
	f.Add([]byte(`[{"study":"A","category":"RCT","ratings":{"2.1":{"answer":"CT","comment":"x"}}}]`))
	f.Fuzz(func(t *testing.T, data []byte) { roundTrip(t, formats[2], data) })
}

func FuzzParseAnswer(f *testing.F) {
	for s := range answerAliases {
		f.Add(s)
	}
	f.Add("Partial")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAnswer(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidAnswer) || a != NotRated {
				t.Fatalf("ParseAnswer(%q) = %v, %v", s, a, err)
			}
			return
		}
		// Accepted answers re-parse from their canonical spelling.
		if b, err := ParseAnswer(a.String()); err != nil || b != a {
			t.Fatalf("canonical %q of %q does not re-parse", a.String(), s)
		}
	})
}

// TestJSONMarshalStruct checks that Appraisal itself marshals with
// encoding/json (answers as text) and back.
func TestJSONMarshalStruct(t *testing.T) {
	t.Parallel()
	apps := workedExamples(t)
	apps[0].Ratings["1.4"] = Rating{No, "thin quotes"}
	b, err := json.Marshal(apps)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"1.4":{"answer":"No","comment":"thin quotes"}`) {
		t.Errorf("json %s", b)
	}
	var got []Appraisal
	if err := json.Unmarshal(b, &got); err != nil || !reflect.DeepEqual(got, apps) {
		t.Errorf("unmarshal: %v", err)
	}
	if err := json.Unmarshal([]byte(`[{"study":"a","ratings":{"S1":{"answer":"Partial"}}}]`), &got); !errors.Is(err, ErrInvalidAnswer) {
		t.Errorf("bad answer: %v", err)
	}
	if _, err := json.Marshal(Rating{Answer: 5}); !errors.Is(err, ErrInvalidAnswer) {
		t.Errorf("marshal invalid answer: %v", err)
	}
}
