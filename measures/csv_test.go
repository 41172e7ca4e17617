package measures

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// A long data set: one row per participant and visit, UCLA-3 and LSNS-6
// items under the trial's own column names.
const trialCSV = "\ufeffpid,visit,arm,u1,u2,u3,l1,l2,l3,l4,l5,l6\n" +
	"p01,0,tau,1,2,3,1,1,1,2,2,2\n" + // line 2: ucla 6 lonely; lsns 9 at risk
	"p01,1,tau,1,1,1,3,3,3,2,2,2\n" + // line 3: ucla 3; lsns 15
	"p02,0,ss,NA,2,2,-99,1,1,1,1,1\n" + // line 4: missing codes
	"p02,1,ss,x,2,7,1,1,1,1,1,1\n" + // line 5: non-numeric and out of range
	"p03,0,ss,1,2\n" + // line 6: short record
	"p03,1,ss, 3 , 3 ,3,5,5,5,5,5,5\n" // line 7: spaces are trimmed

func trialOptions() *CSVOptions {
	return &CSVOptions{
		ID:      "pid",
		Keep:    []string{"visit", "arm"},
		Missing: []string{"", "NA", "-99"},
		Columns: map[string]string{
			"u1": "ucla3-companionship", "u2": "ucla3-left-out", "u3": "ucla3-isolated",
			"l1": "lsns-family-seen", "l2": "lsns-family-private", "l3": "lsns-family-help",
			"l4": "lsns-friends-seen", "l5": "lsns-friends-private", "l6": "lsns-friends-help",
		},
	}
}

func TestScoreCSV(t *testing.T) {
	ins := []*Instrument{lookup(t, "ucla-3"), lookup(t, "lsns-6")}
	rows, err := ScoreCSV(strings.NewReader(trialCSV), ins, trialOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 {
		t.Fatalf("%d rows, want 6 (nothing dropped)", len(rows))
	}
	for i, r := range rows {
		if r.Line != i+2 {
			t.Errorf("row %d: line %d", i, r.Line)
		}
	}
	r := rows[0]
	if r.ID != "p01" || r.Keep[0] != "0" || r.Keep[1] != "tau" || r.Scores[0].Total != 6 || r.Scores[0].Band != "lonely" ||
		r.Scores[1].Total != 9 || r.Scores[1].Band != "at risk of social isolation" || r.Err() != nil {
		t.Errorf("row 1: %+v", r)
	}
	if r := rows[2]; !math.IsNaN(r.Scores[0].Total) || r.Scores[0].Missing != 1 || r.Scores[1].Missing != 1 || r.Err() != nil {
		t.Errorf("missing codes: %+v", r)
	}
	// Line 5: both bad cells are reported, each with line, column, item, value.
	r = rows[3]
	if r.Errs[1] != nil || r.Scores[1].Total != 6 {
		t.Errorf("line 5 lsns: %+v", r)
	}
	var ie *effect.FieldError
	if !errors.Is(r.Errs[0], ErrNotNumeric) || !errors.Is(r.Errs[0], ErrOutOfRange) || !errors.As(r.Errs[0], &ie) {
		t.Fatalf("line 5 ucla: %v", r.Errs[0])
	}
	if ie.Line != 5 || ie.Column != "u1" || ie.Field != "ucla3-companionship" || ie.Value != "x" || ie.Record != "participant "+r.ID {
		t.Errorf("item error %+v", ie)
	}
	msg := r.Errs[0].Error()
	for _, s := range []string{"measures: line 5", `column "u3"`, "participant " + r.ID, "ucla3-isolated", `"7"`, "allowed: 1 to 3"} {
		if !strings.Contains(msg, s) {
			t.Errorf("message %q lacks %s", msg, s)
		}
	}
	if r := rows[4]; !errors.Is(r.Errs[0], ErrRecord) || !errors.Is(r.Errs[1], ErrRecord) || r.ID != "p03" || !math.IsNaN(r.Scores[0].Total) {
		t.Errorf("short record: %+v", r)
	}
	if r := rows[5]; r.Scores[0].Total != 9 || r.Scores[1].Total != 30 {
		t.Errorf("trimmed: %+v", r)
	}

	var buf bytes.Buffer
	if err := WriteCSV(&buf, ins, rows, trialOptions()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	wantHead := "pid,visit,arm,ucla-3_total,ucla-3_band,ucla-3_missing,ucla-3_prorated,ucla-3_nonstandard,ucla-3_error," +
		"lsns-6_total,lsns-6_band,lsns-6_family,lsns-6_friends,lsns-6_missing,lsns-6_prorated,lsns-6_nonstandard,lsns-6_error"
	if lines[0] != wantHead {
		t.Errorf("header\n%s\nwant\n%s", lines[0], wantHead)
	}
	if want := "p01,0,tau,6,lonely,0,false,false,,9,at risk of social isolation,3,6,0,false,false,"; lines[1] != want {
		t.Errorf("line 2\n%s\nwant\n%s", lines[1], want)
	}
	if want := "p02,0,ss,NA,NA,1,false,false,,NA,NA,NA,3,1,false,false,"; lines[3] != want {
		t.Errorf("line 4\n%s\nwant\n%s", lines[3], want)
	}
	if len(lines) != 8 || lines[7] != "" {
		t.Errorf("%d output lines", len(lines))
	}
}

func TestScoreCSVOptIn(t *testing.T) {
	in := lookup(t, "djg-6")
	data := "id,djg-03-emptiness,djg-04-rely,djg-07-trust,djg-09-miss-people,djg-08-close,djg-10-rejected\n" +
		"a,3,,5,1,5,1\n"
	rows, err := ScoreCSV(strings.NewReader(data), []*Instrument{in}, &CSVOptions{Score: &ScoreOptions{MaxMissing: 1, Method: SumAnswered}})
	if err != nil || len(rows) != 1 || rows[0].Scores[0].Total != 1 || !rows[0].Scores[0].NonStandard {
		t.Fatalf("%+v %v", rows, err)
	}
	// Columns in another order (e.g. LISS) are matched by content ID.
	data = "djg-10-rejected,djg-09-miss-people,id,djg-08-close,djg-07-trust,djg-04-rely,djg-03-emptiness\n" +
		"3,3,b,1,1,1,1\n"
	rows, err = ScoreCSV(strings.NewReader(data), []*Instrument{in}, nil)
	if err != nil || rows[0].Scores[0].Total != 5 || rows[0].ID != "b" {
		t.Fatalf("%+v %v", rows, err)
	}
}

func TestScoreCSVErrors(t *testing.T) {
	u := lookup(t, "ucla-3")
	cases := map[string]struct {
		data string
		o    *CSVOptions
	}{
		"empty":        {"", nil},
		"no id":        {"x,ucla3-companionship,ucla3-left-out,ucla3-isolated\n", nil},
		"no item":      {"id,ucla3-companionship,ucla3-left-out\n", nil},
		"dup header":   {"id,id,ucla3-companionship,ucla3-left-out,ucla3-isolated\n", nil},
		"no keep":      {"id,ucla3-companionship,ucla3-left-out,ucla3-isolated\n", &CSVOptions{Keep: []string{"visit"}}},
		"dup mapping":  {"id,a,ucla3-companionship,ucla3-left-out,ucla3-isolated\n", &CSVOptions{Columns: map[string]string{"a": "ucla3-isolated"}}},
		"stale column": {"id,ucla3-companionship,ucla3-left-out,ucla3-isolated\n", &CSVOptions{Columns: map[string]string{"zz": "ucla3-isolated"}}},
	}
	for name, c := range cases {
		if _, err := ScoreCSV(strings.NewReader(c.data), []*Instrument{u}, c.o); !errors.Is(err, ErrColumn) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := ScoreCSV(strings.NewReader("id\n"), nil, nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("no instruments: %v", err)
	}
	if _, err := ScoreCSV(strings.NewReader("id\n"), []*Instrument{{}}, nil); !errors.Is(err, ErrInvalidKey) {
		t.Errorf("unloaded instrument: %v", err)
	}
	// A bad quote is reported on its line; later rows are still read.
	data := "id,ucla3-companionship,ucla3-left-out,ucla3-isolated\n" +
		"a,1,1,1\n" +
		"b,1,\"1\"x,1\n" +
		"c,2,2,2\n"
	rows, err := ScoreCSV(strings.NewReader(data), []*Instrument{u}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0].Scores[0].Total != 3 || !errors.Is(rows[1].Errs[0], ErrRecord) || rows[1].Line != 3 || rows[2].Scores[0].Total != 6 {
		t.Errorf("%+v", rows)
	}
	// "NaN" and "Inf" are not silently missing or clamped.
	rows, _ = ScoreCSV(strings.NewReader("id,ucla3-companionship,ucla3-left-out,ucla3-isolated\na,NaN,Inf,1\n"), []*Instrument{u}, nil)
	// Both are "not numeric": only plain decimals are read as codes.
	if !errors.Is(rows[0].Errs[0], ErrNotNumeric) || strings.Count(rows[0].Errs[0].Error(), "not numeric") != 2 {
		t.Errorf("NaN/Inf cells: %v", rows[0].Errs[0])
	}
}

// TestScoreCSVVisits scores the shape of the trial demo: 240 participants
// at 4 visits, UCLA-3, DJG-6 and LSNS-6 items in one long file, and checks
// every row against Score.
func TestScoreCSVVisits(t *testing.T) {
	ins := []*Instrument{lookup(t, "ucla-3"), lookup(t, "djg-6"), lookup(t, "lsns-6")}
	var b strings.Builder
	b.WriteString("id,visit,arm")
	for _, in := range ins {
		for _, it := range in.Items {
			b.WriteString("," + it.ID)
		}
	}
	b.WriteString("\n")
	rng := rand.New(rand.NewPCG(7, 8))
	var want [][]float64
	for p := 1; p <= 240; p++ {
		for v := 0; v < 4; v++ {
			fmt.Fprintf(&b, "P%03d,%d,%s", p, v, []string{"tau", "ss"}[p%2])
			var row []float64
			for _, in := range ins {
				for range in.Items {
					codes := in.ResponseSets[0].Codes
					c := codes[rng.IntN(len(codes))]
					if rng.IntN(50) == 0 {
						b.WriteString(",NA")
						row = append(row, math.NaN())
						continue
					}
					fmt.Fprintf(&b, ",%d", c)
					row = append(row, float64(c))
				}
			}
			b.WriteString("\n")
			want = append(want, row)
		}
	}
	rows, err := ScoreCSV(strings.NewReader(b.String()), ins, &CSVOptions{Keep: []string{"visit", "arm"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 960 {
		t.Fatalf("%d rows", len(rows))
	}
	for i, r := range rows {
		if r.Err() != nil || r.ID != fmt.Sprintf("P%03d", i/4+1) || r.Keep[0] != strconv.Itoa(i%4) {
			t.Fatalf("row %d: %+v", i, r)
		}
		off := 0
		for k, in := range ins {
			s, _ := in.Score(want[i][off : off+len(in.Items)])
			off += len(in.Items)
			if !same(s.Total, r.Scores[k].Total) || s.Missing != r.Scores[k].Missing {
				t.Fatalf("row %d %s: %v vs %v", i, in.ID, r.Scores[k].Total, s.Total)
			}
		}
	}
}

// Only plain decimal numbers are read as codes. strconv.ParseFloat also
// accepts Go literal forms ("0x1p1" = 2, "1_0" = 10, "Inf"), which would
// turn a typo or a foreign export into a valid-looking code.
func TestScoreCSVStrictNumbers(t *testing.T) {
	in, err := Lookup("ucla-3")
	if err != nil {
		t.Fatal(err)
	}
	head := "id,ucla3-companionship,ucla3-left-out,ucla3-isolated\n"
	for _, cell := range []string{"0x1p1", "0X1P1", "0_2", "Inf", "-Inf", "infinity", "nan", "0x2", "2e", "--2", "2,"} {
		rows, err := ScoreCSV(strings.NewReader(head+"a,\""+cell+"\",2,3\n"), []*Instrument{in}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !errors.Is(rows[0].Errs[0], ErrNotNumeric) {
			t.Errorf("cell %q: err = %v; want ErrNotNumeric", cell, rows[0].Errs[0])
		}
	}
	for _, cell := range []string{"2", "+2", "2.0", "2.", "02", "2e0", "0.2e1", " 2 "} {
		rows, err := ScoreCSV(strings.NewReader(head+"a,\""+cell+"\",2,3\n"), []*Instrument{in}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if rows[0].Errs[0] != nil || rows[0].Scores[0].Total != 7 {
			t.Errorf("cell %q: total %v, err %v; want 7", cell, rows[0].Scores[0].Total, rows[0].Errs[0])
		}
	}
}

// TestHeaderMessages: a header error lists the headers found and, when a
// header holds ';', suggests the separator option.
func TestHeaderMessages(t *testing.T) {
	u := lookup(t, "ucla-3")
	semi := "id;ucla3-companionship;ucla3-left-out;ucla3-isolated\na;1;1;1\n"
	_, err := ScoreCSV(strings.NewReader(semi), []*Instrument{u}, nil)
	var fe *effect.FieldError
	if !errors.Is(err, ErrColumn) || !errors.As(err, &fe) || fe.Line != 1 {
		t.Fatalf("semicolon file: %v", err)
	}
	for _, want := range []string{`"id"`, `1 column: "id;ucla3-companionship;ucla3-left-out;ucla3-isolated"`, "CSVOptions.Comma = ';'"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %s", err, want)
		}
	}
	rows, err := ScoreCSV(strings.NewReader(semi), []*Instrument{u}, &CSVOptions{Comma: ';'})
	if err != nil || len(rows) != 1 || rows[0].Scores[0].Total != 3 {
		t.Errorf("with Comma ';': %v %+v", err, rows)
	}
	// A missing item column lists what was found; no separator hint.
	_, err = ScoreCSV(strings.NewReader("id,u1,u2,u3\na,1,1,1\n"), []*Instrument{u}, nil)
	msg := fmt.Sprint(err)
	if !errors.Is(err, ErrColumn) || !strings.Contains(msg, `4 columns: "id", "u1", "u2", "u3"`) ||
		!strings.Contains(msg, "ucla3-companionship") || !strings.Contains(msg, "Columns") || strings.Contains(msg, "Comma") {
		t.Errorf("missing item column: %v", err)
	}
	// Keep and mapped columns, duplicate headers.
	for _, c := range []struct {
		data string
		o    *CSVOptions
		want string
	}{
		{"id,ucla3-companionship,ucla3-left-out,ucla3-isolated\n", &CSVOptions{Keep: []string{"visit"}}, `"visit": no such CSVOptions.Keep column`},
		{"id,ucla3-companionship,ucla3-left-out,ucla3-isolated\n", &CSVOptions{Columns: map[string]string{"u9": "x"}}, `"u9": is in CSVOptions.Columns`},
		{"id,id,ucla3-companionship\n", nil, `"id": appears twice`},
	} {
		_, err := ScoreCSV(strings.NewReader(c.data), []*Instrument{u}, c.o)
		if !errors.Is(err, ErrColumn) || !strings.Contains(fmt.Sprint(err), c.want) || !strings.Contains(fmt.Sprint(err), "the header has") {
			t.Errorf("%q: %v, want %s", c.data, err, c.want)
		}
	}
}

// TestScoreCSVOptionsApply: one set of ScoreOptions serves every
// instrument of a file; it is refused only when it applies to none.
func TestScoreCSVOptionsApply(t *testing.T) {
	sw, u := lookup(t, "swemwbs"), lookup(t, "ucla-3")
	o := &CSVOptions{Score: &ScoreOptions{MaxMissing: 1}}
	data := "id,wemwbs-01,wemwbs-02,wemwbs-03,wemwbs-06,wemwbs-07,wemwbs-09,wemwbs-11,ucla3-companionship,ucla3-left-out,ucla3-isolated\n" +
		"a,4,4,4,4,4,4,NA,1,NA,1\n"
	if _, err := ScoreCSV(strings.NewReader(data), []*Instrument{sw}, o); !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), "MaxMissing") {
		t.Errorf("SWEMWBS alone: %v", err)
	}
	rows, err := ScoreCSV(strings.NewReader(data), []*Instrument{sw, u}, o)
	if err != nil {
		t.Fatal(err)
	}
	s, v := rows[0].Scores[0], rows[0].Scores[1]
	if rows[0].Err() != nil {
		t.Errorf("row error: %v", rows[0].Err())
	}
	if !math.IsNaN(s.Total) || !math.IsNaN(s.Raw) || s.Prorated || s.NonStandard || v.Total != 3 || !v.Prorated || !v.NonStandard {
		t.Errorf("SWEMWBS %+v, UCLA-3 %+v", s, v)
	}
}
