package check

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"52.33", "-0.18", "\u22120.18", "\u20130.5", "0,31", ".036", "1,234.5", "1.234,5", "1 234", "1.2e-4", "3E2", "-0.00", "NaN", "", "1e999", "1,2,3", "d = 0.45", "5.", "-.5", "0012.50", "1234567890123456789"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x, err := ParseNumber(s)
		if err != nil {
			return
		}
		// The fast path agrees with the general parser.
		if p, ok := parsePlain(s); ok {
			g, err := parseGeneral(s)
			if err != nil || g != p {
				t.Fatalf("%q: fast path %+v, general %+v (%v)", s, p, g, err)
			}
		}
		lo, hi := x.bounds()
		if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(x.Value, 0) || !(lo <= x.Value && x.Value <= hi) {
			t.Fatalf("%q: value %v bounds [%v, %v]", s, x.Value, lo, hi)
		}
		if _, err := parseCount(s); err == nil && x.Neg && x.Mant != 0 {
			t.Fatalf("%q: negative count accepted", s)
		}
	})
}

func FuzzParseCI(f *testing.F) {
	for _, s := range []string{"(-0.18 to 0.80)", "[\u22120.18, 0.80]", "-0.18\u20130.80", "(-0,18; 0,80)", "-0.5--0.2", "95% CI: [-0.18, 0.80]", "{0.10,0.90}", "0.18 - 0.80", "()", "1 to"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ci, err := parseCI(s)
		if err != nil {
			return
		}
		if !(ci.Lower.Value <= ci.Upper.Value) {
			t.Fatalf("%q: [%v, %v]", s, ci.Lower.Value, ci.Upper.Value)
		}
	})
}

func FuzzParseResult(f *testing.F) {
	for _, s := range []string{"t(28) = 2.20, p = .036", "F(1, 58) = 4.12, p = .047", "z = 1.96, p = .05", "r(48) = .30, p = .03", "χ2(1, N = 100) = 3.84, p = .05", "t(10) = 1.2, ns", "t(28) = 2.2, p < .001", "F(1) = 2, p = .5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := parseResult(s)
		if err != nil {
			return
		}
		for _, tails := range []int{0, 1, 2} {
			r.Tails = tails
			pc, err := checkP(r, nil)
			if err != nil {
				continue
			}
			if pc.Verdict == NotCheckable || math.IsNaN(pc.P) && pc.Verdict == Consistent {
				t.Fatalf("%q: %+v", s, pc)
			}
		}
	})
}

func FuzzGRIMMER(f *testing.F) {
	f.Add("5.21", "1.6", 28, 1)
	f.Add("0.03", "0.18", 200, 1)
	f.Add("7.67", "0", 2, 3)
	f.Add("-1.5", "1e2", 5, 2)
	f.Fuzz(func(t *testing.T, mean, sd string, n, items int) {
		if n > 1e5 || items > 100 || n < -1e6 || items < -100 {
			return
		}
		g, err := GRIM(mean, n, items)
		if err == nil && g.Verdict == NotCheckable {
			t.Fatalf("GRIM(%q, %d, %d) not checkable", mean, n, items)
		}
		r, err := GRIMMER(mean, sd, n, items, ScaleRange{Min: 0, Max: 10, Set: true})
		if err != nil {
			return
		}
		if r.Verdict == NotCheckable || (r.Verdict == Consistent && g.Verdict == Inconsistent) {
			t.Fatalf("GRIMMER(%q, %q, %d, %d): %+v (GRIM %+v)", mean, sd, n, items, r, g)
		}
		// Exact evidence must print as the reported mean and SD.
		if r.Verdict == Consistent && r.Exact {
			x, _ := parseNumber(mean)
			s, _ := parseNumber(sd)
			checkSample(t, r.Sample, n, max(items, 1), ScaleRange{Min: 0, Max: 10, Set: true}, x, s)
		}
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add(batchCSV)
	f.Add("m1,sd1,n1,m2,sd2,n2,effect,ci\n1,1,10,2,1,10,-1.0,(-1.9 to -0.1)\n")
	f.Add("test,tails\n\"t(28) = 2.20, p = .036\",3\n")
	f.Add("items,m1,n1,sd1\n2,3.5,10,1.2\n\"unterminated\n")
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > 4096 {
			return
		}
		tb, err := ReadCSV(strings.NewReader(in), nil)
		if err != nil {
			return
		}
		res := CheckRows(tb.Rows, nil)
		if len(res) != len(tb.Rows) {
			t.Fatalf("%d results for %d rows", len(res), len(tb.Rows))
		}
		for i, r := range res {
			if r.Row.Line != tb.Rows[i].Line {
				t.Fatalf("result %d out of order", i)
			}
		}
		var buf bytes.Buffer
		if err := WriteCSV(&buf, tb, res); err != nil {
			t.Fatal(err)
		}
		if err := WriteMarkdown(&buf, tb, res); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzSMD(f *testing.F) {
	f.Add("38.2", "9.1", "45", "42.7", "10.3", "47", "-0.46", "(-0.88 to -0.05)")
	f.Add("5", "1", "2", "3", "1", "2", "2.0", "[-0.8, 4.6]")
	f.Fuzz(func(t *testing.T, m1, s1, n1, m2, s2, n2, eff, ci string) {
		if n, err := parseCount(n1); err == nil && n > 1e7 {
			return
		}
		if n, err := parseCount(n2); err == nil && n > 1e7 {
			return
		}
		r, err := SMD(SMDInput{Treat: Arm{m1, s1, n1}, Control: Arm{m2, s2, n2}, Effect: eff, CI: ci}, nil)
		if err != nil {
			return
		}
		for _, fd := range []Finding{r.Effect, r.Wald, r.Exact} {
			if fd.Verdict == Inconsistent && (math.IsNaN(fd.Gap) || fd.Gap < 0) {
				t.Fatalf("bad gap %+v", fd)
			}
		}
	})
}
