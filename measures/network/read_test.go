package network

import (
	"errors"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

func lineOf(t *testing.T, err error) (*effect.FieldError, int) {
	t.Helper()
	var fe *effect.FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("%v is not an *effect.FieldError", err)
	}
	return fe, fe.Line
}

func TestReadCSVRows(t *testing.T) {
	egos := "ego_id,sex\nE1,female\nE2,male\nE3,female\nE4,male\n"
	// Line 3 holds a quoted note spanning two physical lines, so the next
	// record starts on line 5.
	alters := "ego_id,alter_id,sex,note\n" +
		"E1,a,female,x\n" +
		"E1,b,male,\"two\nlines\"\n" +
		"E1,c,NA,\n" + // line 5
		"E2,a,female,\n" + // line 6
		"E2,a,male,\n" + // line 7: alter named twice
		"E3,a,unknown,\n" + // line 8: not in the codebook
		"E9,a,male,\n" // line 9: no such ego
	ties := "ego_id,alter_a,alter_b,weight\n" +
		"E1,a,b,1\n" +
		"E1,b,a,1\n" + // line 3: reversed duplicate
		"E1,c,c,1\n" + // line 4: self-loop
		"E1,a,z,1\n" + // line 5: not an alter of E1 -> E1 invalid
		"E2,a,a,1\n" // line 6: self-loop
	sex := []string{"female", "male"}
	o := &ReadOptions{Codebook: Codebook{
		Alter: []Attribute{{Name: "sex", Categories: sex}},
		Ego:   []Attribute{{Name: "sex", Categories: sex}},
	}}
	d, err := ReadCSV(strings.NewReader(egos), strings.NewReader(alters), strings.NewReader(ties), o)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Egos) != 4 || d.Egos[3].ID != "E4" || len(d.Egos[3].Alters) != 0 {
		t.Fatalf("egos: %+v", d.Egos)
	}
	wantRejected := []int{7, 8, 9, 5}
	if len(d.Rejected) != len(wantRejected) {
		t.Fatalf("rejected: %v", d.Rejected)
	}
	for i, err := range d.Rejected {
		if _, line := lineOf(t, err); line != wantRejected[i] {
			t.Errorf("rejected[%d] at line %d, want %d: %v", i, line, wantRejected[i], err)
		}
	}
	fe, _ := lineOf(t, d.Rejected[3])
	if fe.File != "ties file" || fe.Column != "alter_b" || fe.Record != "ego E1" || fe.Value != "z" || !errors.Is(fe, ErrInvalidInput) {
		t.Errorf("unknown alter error: %+v", fe)
	}
	if !strings.Contains(fe.Error(), `network: ties file, line 5, column "alter_b", ego E1:`) {
		t.Errorf("message: %s", fe.Error())
	}
	wantCleaned := []int{3, 4, 6}
	if len(d.Cleaned) != len(wantCleaned) {
		t.Fatalf("cleaned: %v", d.Cleaned)
	}
	for i, err := range d.Cleaned {
		if _, line := lineOf(t, err); line != wantCleaned[i] || !errors.Is(err, ErrCleaned) {
			t.Errorf("cleaned[%d]: %v", i, err)
		}
	}
	if d.Errs[0] == nil || d.Errs[1] == nil || d.Errs[2] == nil || d.Errs[3] != nil {
		t.Errorf("ego errors: %v", d.Errs)
	}
	res, err := Describe(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Err == nil || res[3].Err != nil || res[3].Structure.Size != 0 || res[3].Ego != "E4" {
		t.Errorf("results: %+v", res)
	}
}

func TestReadCSVNoEgosFile(t *testing.T) {
	alters := "ego_id,alter_id\nB,x\nA,x\nB,y\n"
	ties := "ego_id,alter_a,alter_b\nB,x,y\n"
	d, err := ReadCSV(nil, strings.NewReader(alters), strings.NewReader(ties), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Egos) != 2 || d.Egos[0].ID != "B" || len(d.Egos[0].Ties) != 1 || d.Egos[0].Weighted {
		t.Errorf("%+v", d.Egos)
	}
}

func TestReadCSVWeightsAndCap(t *testing.T) {
	alters := "ego_id,alter_id\nE,a\nE,b\nE,c\n"
	ties := "ego_id,alter_a,alter_b,w\n" +
		"E,a,b,0.5\n" +
		"E,b,a,0.75\n" + // line 3: conflicting weight
		"E,a,b,2\n" + // line 4: weight out of range
		"E,a,c,1\n" // line 5: beyond cap 2
	d, err := ReadCSV(nil, strings.NewReader(alters), strings.NewReader(ties), &ReadOptions{Weight: "w", Cap: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := []int{3, 4, 5}
	if len(d.Rejected) != 3 {
		t.Fatalf("rejected %v", d.Rejected)
	}
	for i, err := range d.Rejected {
		if _, line := lineOf(t, err); line != want[i] {
			t.Errorf("rejected[%d]: %v", i, err)
		}
	}
}

func TestReadCSVFatal(t *testing.T) {
	cases := []struct {
		alters, ties string
		o            *ReadOptions
		want         error
	}{
		{"ego_id\nE\n", "", nil, ErrColumn},
		{"ego_id,alter_id,alter_id\n", "", nil, ErrColumn},
		{"", "", nil, ErrColumn},
		{"ego_id,alter_id\nE,\"a\n", "", nil, ErrRecord},
		{"ego_id,alter_id\nE,a\n", "ego_id,alter_a\n", nil, ErrColumn},
		{"ego_id,alter_id\n", "", &ReadOptions{Codebook: Codebook{Alter: []Attribute{{Name: "role", Kind: Numeric}}}}, ErrColumn},
		{"ego_id,alter_id\n", "", &ReadOptions{Codebook: Codebook{Ego: []Attribute{{Name: "sex"}}}}, ErrInvalidInput},
		{"ego_id,alter_id\n", "", &ReadOptions{Cap: -1}, ErrInvalidInput},
		{"ego_id,alter_id,r\n", "", &ReadOptions{Codebook: Codebook{Alter: []Attribute{{Name: "r"}}}}, ErrInvalidInput},
		{"ego_id,alter_id,r\n", "", &ReadOptions{Codebook: Codebook{Alter: []Attribute{{Name: "r", Kind: Numeric}, {Name: "r", Kind: Numeric}}}}, ErrInvalidInput},
		{"ego_id,alter_id,r\n", "", &ReadOptions{Codebook: Codebook{Alter: []Attribute{{Name: "r", Categories: []string{"x", "x"}}}}}, ErrInvalidInput},
	}
	for i, c := range cases {
		var ties *strings.Reader
		if c.ties != "" {
			ties = strings.NewReader(c.ties)
		}
		var err error
		if ties == nil {
			_, err = ReadCSV(nil, strings.NewReader(c.alters), nil, c.o)
		} else {
			_, err = ReadCSV(nil, strings.NewReader(c.alters), ties, c.o)
		}
		if !errors.Is(err, c.want) {
			t.Errorf("case %d: err = %v, want %v", i, err, c.want)
		}
	}
	// A record with too many fields is rejected, not fatal, and its ego
	// is marked.
	d, err := ReadCSV(nil, strings.NewReader("ego_id,alter_id\nE,a\nE,b,extra\n"), nil, nil)
	if err != nil || len(d.Rejected) != 1 || d.Errs[0] == nil || !errors.Is(d.Rejected[0], ErrRecord) {
		t.Errorf("field count: %v %+v", err, d)
	}
}

func TestDescribeOptions(t *testing.T) {
	d := &Data{Codebook: testCodebook(), Egos: []Ego{{ID: "E", Values: []float64{0}}}}
	for i, o := range []*Options{
		{Compose: []string{"closeness"}},
		{Compose: []string{"nope"}},
		{Strength: "role"},
		{Threshold: 3},
		{Circle: "freq"},
	} {
		if _, err := Describe(d, o); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("case %d: err = %v", i, err)
		}
	}
	d.Errs = []error{nil, nil}
	if _, err := Describe(d, nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("Errs length: %v", err)
	}
}
