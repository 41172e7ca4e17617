package check

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/internal/cputime"
)

const batchCSV = "\ufeffstudy,m1,SD1,n1,m2,sd2,n2,d,ci,measure,items,scale_min,scale_max,test,tails,reviewer\n" +
	"Alpha 2019,38.2,9.1,45,42.7,10.3,47,-0.46,(-0.88 to -0.05),g,,,,\"t(90) = -2.22, p = .029\",,AB\n" +
	"Beta 2020,14.8,5.2,60,13.1,5.9,58,0.62,[0.1; 0.9],d,,,,,,CD\n" +
	"Gamma 2021,5.21,1.6,28,5.19,1.2,28,,,,1,1,7,\"t(28) = 1.80, p < .04\",,EF\n" +
	"Delta 2022,abc,1,20,3,4,20,0.3,,,,,,\"t(28) = 2.20, p = .036\",,GH\n" +
	"Eps,1,2\n" +
	"Zeta 2023,10.0,0.50,100,8.0,0.50,100,4.00,,d,,,,\"t(10) = 2.0, p = .07\",2,IJ\n" +
	"Eta 2024,10,2,20,9,2,20,0.5,,,x,,,\"t(3 = 1\",,KL\n"

func TestBatch(t *testing.T) {
	tb, err := ReadCSV(strings.NewReader(batchCSV), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Rows) != 7 || tb.Header[0] != "study" {
		t.Fatalf("%d rows, header %q", len(tb.Rows), tb.Header)
	}
	if strings.Join(tb.Unread, ",") != "study,reviewer" {
		t.Errorf("unread headings %q", tb.Unread)
	}
	res := CheckRows(tb.Rows, nil)
	if len(res) != len(tb.Rows) {
		t.Fatalf("%d results for %d rows", len(res), len(tb.Rows))
	}
	for i, r := range res {
		if r.Row.Line != i+2 { // the header is line 1
			t.Errorf("result %d is row %d", i, r.Row.Line)
		}
	}
	// Row 1: consistent throughout.
	if r := res[0]; r.SMD.Effect.Verdict != Consistent || r.SMD.Exact.Verdict != Consistent || r.P.Verdict != Consistent || r.Err != nil {
		t.Errorf("row 1: %+v", r)
	}
	// Row 2: gross inconsistency.
	if r := res[1]; r.SMD.Effect.Verdict != Inconsistent || !r.SMD.Effect.Gross {
		t.Errorf("row 2: %+v", r.SMD.Effect)
	}
	// Row 3: GRIM fails for arm 2 (5.19 with n = 28), p has a decision error.
	if r := res[2]; r.GRIM[0].Verdict != Consistent || r.GRIM[1].Verdict != Inconsistent || !r.P.DecisionError || r.SMD.Effect.Verdict != NotCheckable {
		t.Errorf("row 3: %+v", r)
	}
	// Row 4: an unparseable m1 does not stop the p check.
	if r := res[3]; r.Err == nil || !errors.Is(r.Err, ErrUnparseable) || r.P.Verdict != Consistent {
		t.Errorf("row 4: %+v", r)
	} else if !strings.Contains(r.Err.Error(), `line 5, column "m1", Delta 2022: m1 = "abc"`) {
		t.Errorf("row 4 error %q", r.Err)
	}
	// Row 5: short record.
	if r := res[4]; r.Err == nil || r.SMD.Effect.Verdict != NotCheckable {
		t.Errorf("row 5: %+v", r)
	}
	// Row 6: d > 2 from SEs printed as SDs is flagged; tails "2" makes the
	// p check two-sided.
	if r := res[5]; !hasConv(r.SMD.Effect, Convention{}, effect.DefaultCI) || len(r.Notes) == 0 {
		t.Errorf("row 6: %+v", r)
	}
	// Row 7: bad items and bad test, each named.
	if r := res[6]; r.Err == nil || !strings.Contains(r.Err.Error(), "items") || !strings.Contains(r.Err.Error(), "test") || r.SMD.Effect.Verdict != Consistent {
		t.Errorf("row 7: %v", r.Err)
	}

	var buf bytes.Buffer
	if err := WriteCSV(&buf, tb, res); err != nil {
		t.Fatal(err)
	}
	out, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 8 || len(out[0]) != len(tb.Header)+len(ResultColumns()) {
		t.Fatalf("CSV out: %d rows, %d columns", len(out), len(out[0]))
	}
	if out[1][15] != "AB" || out[7][15] != "KL" || out[5][0] != "Eps" {
		t.Errorf("pass-through columns lost: %q %q", out[1], out[5])
	}
	buf.Reset()
	if err := WriteMarkdown(&buf, tb, res); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2+7 {
		t.Errorf("Markdown has %d lines:\n%s", len(lines), buf.String())
	}
	for _, l := range lines {
		if strings.Count(strings.ReplaceAll(l, `\|`, ""), "|") != 9 {
			t.Errorf("ragged Markdown line %q", l)
		}
	}
}

func TestReadCSVErrors(t *testing.T) {
	if _, err := ReadCSV(strings.NewReader(""), nil); !errors.Is(err, ErrUnparseable) {
		t.Error(err)
	}
	if _, err := ReadCSV(strings.NewReader("d,g\n1,2\n"), nil); !errors.Is(err, ErrUnparseable) {
		t.Error("duplicate effect column accepted")
	}
	tb, err := ReadCSV(strings.NewReader("m1,level\n1,200\n2,95%\n3,0.9\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if tb.Rows[0].Err == nil || tb.Rows[1].Level != 0.95 || tb.Rows[2].Level != 0.9 {
		t.Errorf("levels: %+v", tb.Rows)
	}
}

// synthRows builds n realistic rows: two-decimal summaries, the d (or g)
// and exact CI they imply printed with two decimals (a few rows altered),
// GRIM inputs and a t test.
func synthRows(n int, seed uint64) []Row {
	rng := rand.New(rand.NewPCG(seed, 7))
	rows := make([]Row, n)
	for i := range rows {
		n1, n2 := 15+rng.IntN(150), 15+rng.IntN(150)
		m1, m2 := 20+rng.NormFloat64()*5, 20+rng.NormFloat64()*5
		s1, s2 := 4+rng.Float64()*6, 4+rng.Float64()*6
		f2 := func(x float64) string { return fmt.Sprintf("%.2f", x) }
		N := float64(n1 + n2)
		sp := math.Sqrt((float64(n1-1)*s1*s1 + float64(n2-1)*s2*s2) / (N - 2))
		d := (m1 - m2) / sp
		h := math.Sqrt(float64(n1*n2) / N)
		lo, hi := ncpFor(d*h, N-2, 0.975)/h, ncpFor(d*h, N-2, 0.025)/h
		switch i % 10 {
		case 7:
			d += 0.2 // a gross error
		case 8:
			d, lo, hi = -d, -hi, -lo // the sign flipped
		}
		tt := d * h
		p := 2 * (1 - normalCDF(math.Abs(tt)))
		rows[i] = Row{Line: i + 1, Record: []string{fmt.Sprint(i)},
			SMD: SMDInput{Treat: Arm{f2(m1), f2(s1), fmt.Sprint(n1)}, Control: Arm{f2(m2), f2(s2), fmt.Sprint(n2)},
				Effect: f2(d), CI: fmt.Sprintf("(%s to %s)", f2(lo), f2(hi))},
			Items: "1",
			Test:  fmt.Sprintf("t(%d) = %.2f, p = %.3f", n1+n2-2, tt, p),
		}
	}
	return rows
}

// synthRowsBadCI is synthRows with most CIs not reproducible: in seven
// rows of ten one or both printed ends are moved by 0.02 to 0.30 (a
// transcription error, an interval from other summaries), so every
// convention and interval method is tried and the closest one's gap is
// computed.
func synthRowsBadCI(n int, seed uint64) []Row {
	rows := synthRows(n, seed)
	rng := rand.New(rand.NewPCG(seed, 11))
	for i := range rows {
		if i%10 >= 7 {
			continue
		}
		ci, err := parseCI(rows[i].SMD.CI)
		if err != nil {
			panic(err)
		}
		lo, hi := ci.Lower.Value, ci.Upper.Value
		shift := 0.02 + 0.28*rng.Float64()
		switch i % 3 {
		case 0:
			hi += shift
		case 1:
			lo -= shift
		default:
			lo, hi = lo+shift, hi+shift
		}
		rows[i].SMD.CI = fmt.Sprintf("(%.2f to %.2f)", lo, hi)
	}
	return rows
}

func normalCDF(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }

func TestSynthRows(t *testing.T) {
	rows := synthRows(200, 1)
	res := CheckRows(rows, nil)
	for i, r := range res {
		if r.Err != nil {
			t.Fatalf("row %d: %v", i+1, r.Err)
		}
		// Row i%10 == 7 carries d + 0.2: pooled d must not reproduce it
		// (another convention may, by coincidence).
		if (i%10 == 7) == hasConv(r.SMD.Effect, Convention{Flipped: i%10 == 8}, effect.DefaultCI) {
			t.Errorf("row %d: effect %s", i+1, r.SMD.Effect.String())
		}
		if i%10 != 7 && r.SMD.Exact.Verdict != Consistent {
			t.Errorf("row %d: exact CI %s (%s)", i+1, r.SMD.Exact.String(), rows[i].SMD.CI)
		}
		if i%10 == 8 && !hasConv(r.SMD.Effect, Convention{Flipped: true}, effect.DefaultCI) {
			t.Errorf("row %d: flip not found: %s", i+1, r.SMD.Effect.String())
		}
	}
}

// BenchmarkCheckRows10000 checks 10,000 realistic rows (effect size, CI
// under Wald and exact intervals, GRIM and GRIMMER on both arms, a p
// value) per iteration; every row carries a CI and seven in ten of them
// are not reproducible (synthRowsBadCI), the slow case.
//
// The machine this runs on may be shared; cpu-s/op, the CPU time the
// process spent per op (all goroutines), does not depend on the load: on
// an idle machine with P cores the wall time is about cpu-s/op / P.
func BenchmarkCheckRows10000(b *testing.B) {
	rows := synthRowsBadCI(10000, 2)
	b.ResetTimer()
	c0 := cputime.Process().Seconds()
	for i := 0; i < b.N; i++ {
		CheckRows(rows, nil)
	}
	b.ReportMetric((cputime.Process().Seconds()-c0)/float64(b.N), "cpu-s/op")
}

// BenchmarkCheckRow is one row on one core.
func BenchmarkCheckRow(b *testing.B) {
	rows := synthRows(1000, 3)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		CheckRow(rows[i%len(rows)], nil)
	}
}

func TestLabelNote(t *testing.T) {
	row := Row{Line: 1, SMD: SMDInput{Treat: Arm{"6.00", "1.00", "5"}, Control: Arm{"5.00", "1.00", "5"}, Effect: "1.00", Measure: "Hedges' g"}}
	r := CheckRow(row, nil)
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "reproduced only as d (pooled SD)") {
		t.Errorf("notes %q (%s)", r.Notes, r.SMD.Effect.String())
	}
	row.SMD.Effect, row.SMD.Measure = "0.90", "g"
	if r := CheckRow(row, nil); len(r.Notes) != 0 || r.SMD.Effect.Verdict != Consistent {
		t.Errorf("g: notes %q (%s)", r.Notes, r.SMD.Effect.String())
	}
}

func TestConventionNote(t *testing.T) {
	// d = 1.00 (pooled SD) but the CI is g's exact interval at n = 5/5
	// (J(8) = 0.90), printed with two decimals.
	g, err := effect.HedgesG(effect.Group{Mean: 6, SD: 1, N: 5}, effect.Group{Mean: 5, SD: 1, N: 5}, nil)
	if err != nil {
		t.Fatal(err)
	}
	row := Row{Line: 1, SMD: SMDInput{Treat: Arm{"6.00", "1.00", "5"}, Control: Arm{"5.00", "1.00", "5"}, Effect: "1.00",
		CI: fmt.Sprintf("(%.2f to %.2f)", g.CI.Lower, g.CI.Upper)}}
	r := CheckRow(row, nil)
	if r.SMD.Exact.Verdict != Consistent || len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "different conventions") {
		t.Errorf("%s / %s: notes %q", r.SMD.Effect.String(), r.SMD.Exact.String(), r.Notes)
	}
}

func TestGlassOnlyNote(t *testing.T) {
	// Glass's Δ with the control SD: 2/2 = 1.00, while d = 2/3.16 = 0.63;
	// its CI is d's Wald width (±0.42), not Glass's Wald (SMD1: ±0.44)
	// nor the wider Algina–Keselman–Penfield interval.
	row := Row{Line: 1, SMD: SMDInput{Treat: Arm{"12.0", "4.0", "50"}, Control: Arm{"10.0", "2.0", "50"}, Effect: "1.00", CI: "(0.58 to 1.42)"}}
	r := CheckRow(row, nil)
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "no checked interval") {
		t.Errorf("%s / %s: notes %q", r.SMD.Effect.String(), r.SMD.Wald.String(), r.Notes)
	}
}

func TestReadCSVSemicolons(t *testing.T) {
	in := "study;m1;sd1;n1;m2;sd2;n2;d;ci\nA;38,2;9,1;45;42,7;10,3;47;-0,46;\"(-0,88; -0,05)\"\n"
	tb, err := ReadCSV(strings.NewReader(in), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := CheckRow(tb.Rows[0], nil)
	if r.Err != nil || r.SMD.Effect.Verdict != Consistent || r.SMD.Exact.Verdict != Consistent {
		t.Errorf("%v %s %s", r.Err, r.SMD.Effect.String(), r.SMD.Exact.String())
	}
	tb, err = ReadCSV(strings.NewReader("m1\tn1\n1.5\t10\n"), nil)
	if err != nil || tb.Rows[0].SMD.Treat.Mean != "1.5" {
		t.Errorf("tabs: %+v %v", tb, err)
	}
}

func TestReadCSVMessages(t *testing.T) {
	_, err := ReadCSV(strings.NewReader("study;m1;sd1\nA;1,2;0,5\n"), &ReadOptions{Comma: ','})
	var fe *effect.FieldError
	if !errors.As(err, &fe) || fe.Line != 1 || !strings.Contains(err.Error(), `"study;m1;sd1"`) || !strings.Contains(err.Error(), "ReadOptions.Comma = ';'") {
		t.Errorf("semicolons read as commas: %v", err)
	}
	_, err = ReadCSV(strings.NewReader("study,d,g\nA,1,2\n"), nil)
	if !errors.Is(err, ErrUnparseable) || !strings.Contains(err.Error(), `"study", "d", "g"`) {
		t.Errorf("column given twice: %v", err)
	}
	// Lines count physical lines: a quoted field over two lines.
	tb, err := ReadCSV(strings.NewReader("study,m1\n\"A\nB\",x\nC,1\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if tb.Rows[0].Line != 2 || tb.Rows[1].Line != 4 {
		t.Errorf("lines %d, %d; want 2, 4", tb.Rows[0].Line, tb.Rows[1].Line)
	}
	r := CheckRow(tb.Rows[0], nil)
	if !errors.As(r.Err, &fe) || fe.Line != 2 || fe.Column != "m1" || fe.Record != "A\nB" {
		t.Errorf("error %+v", fe)
	}
}

func TestWriteCSVKeepsFormat(t *testing.T) {
	for _, c := range []struct {
		in    string
		comma rune
		dec   bool
	}{
		{"m1;sd1;n1;m2;sd2;n2;d\n38,2;9,1;45;42,7;10,3;47;-0,64\n", ';', true},
		{"m1\tsd1\tn1\tm2\tsd2\tn2\td\n38.2\t9.1\t45\t42.7\t10.3\t47\t-0.64\n", '\t', false},
		{"m1,sd1,n1,m2,sd2,n2,d\n38.2,9.1,45,42.7,10.3,47,-0.64\n", ',', false},
	} {
		tb, err := ReadCSV(strings.NewReader(c.in), nil)
		if err != nil {
			t.Fatal(err)
		}
		if tb.Comma != c.comma || tb.DecimalComma != c.dec {
			t.Errorf("%q: comma %q decimal comma %v", c.in, tb.Comma, tb.DecimalComma)
		}
		var b bytes.Buffer
		if err := WriteCSV(&b, tb, CheckRows(tb.Rows, nil)); err != nil {
			t.Fatal(err)
		}
		cr := csv.NewReader(&b)
		cr.Comma = c.comma
		out, err := cr.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		gap := out[1][7+3] // effect_gap
		if want := map[bool]string{true: "0,127", false: "0.127"}[c.dec]; gap != want {
			t.Errorf("%q: gap %q, want %q", c.in, gap, want)
		}
	}
}
