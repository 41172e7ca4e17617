package check

import (
	"errors"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

func TestParseNumber(t *testing.T) {
	for _, c := range []struct {
		in       string
		value    float64
		mant     int64
		decimals int
	}{
		{"52.33", 52.33, 5233, 2},
		{"7.98", 7.98, 798, 2},
		{"0.31", 0.31, 31, 2},
		{"5.20", 5.2, 520, 2}, // trailing zeros count
		{"-0.18", -0.18, -18, 2},
		{"\u22120.18", -0.18, -18, 2}, // U+2212 minus
		{"\u20130.18", -0.18, -18, 2}, // en dash as minus
		{"\u2010 0.5", -0.5, -5, 1},
		{"+1.5", 1.5, 15, 1},
		{".036", 0.036, 36, 3},
		{"0,31", 0.31, 31, 2}, // decimal comma
		{"-0,18", -0.18, -18, 2},
		{"1,234.5", 1234.5, 12345, 1},
		{"1.234,5", 1234.5, 12345, 1},
		{"1 234.5", 1234.5, 12345, 1},
		{"1\u202f234", 1234, 1234, 0},
		{"12", 12, 12, 0},
		{"5.", 5, 5, 0},
		{"1.2e-4", 0.00012, 12, 5},
		{"3E2", 300, 3, -2},
		{"  42.0 ", 42, 420, 1},
		{"-0.00", 0, 0, 2},
	} {
		x, err := ParseNumber(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if x.Value != c.value || x.Mant != c.mant || x.Decimals != c.decimals {
			t.Errorf("%q: got %v %d %d, want %v %d %d", c.in, x.Value, x.Mant, x.Decimals, c.value, c.mant, c.decimals)
		}
	}
	for _, bad := range []string{"", " ", "abc", "NaN", "Inf", "-Inf", "1.2.3", "12%", "1,2,3.4,5", "--1", "1e", "1e999", "0x10", "1_000", ".", "-", "1,23,4"} {
		_, err := ParseNumber(bad)
		if !errors.Is(err, ErrUnparseable) {
			t.Errorf("%q: err = %v, want ErrUnparseable", bad, err)
		}
	}
}

func TestBounds(t *testing.T) {
	x := mustNum(t, "0.31")
	lo, hi := x.bounds()
	if !closeTo(lo, 0.305, 1e-15) || !closeTo(hi, 0.315, 1e-15) {
		t.Errorf("0.31: [%v, %v]", lo, hi)
	}
	x = mustNum(t, "-0.00")
	if lo, hi := x.bounds(); !closeTo(lo, -0.005, 1e-15) || hi != 0 {
		t.Errorf("-0.00: [%v, %v]", lo, hi)
	}
	x = mustNum(t, "3E2") // rounded to hundreds
	if lo, hi := x.bounds(); lo != 250 || hi != 350 {
		t.Errorf("3E2: [%v, %v]", lo, hi)
	}
}

func TestParseCount(t *testing.T) {
	for in, want := range map[string]int{"45": 45, "1,234": 1234, "1 234": 1234, "45.0": 45, " 7 ": 7} {
		if n, err := parseCount(in); err != nil || n != want {
			t.Errorf("%q: %d, %v", in, n, err)
		}
	}
	for _, bad := range []string{"", "4.5", "-3", "abc", "1e99", "NaN"} {
		if _, err := parseCount(bad); !errors.Is(err, ErrUnparseable) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestParseCI(t *testing.T) {
	for _, c := range []struct {
		in     string
		lo, hi float64
	}{
		{"(-0.18 to 0.80)", -0.18, 0.80},
		{"[\u22120.18, 0.80]", -0.18, 0.80},
		{"-0.18\u20130.80", -0.18, 0.80},
		{"\u22120.18 \u2013 0.80", -0.18, 0.80},
		{"(-0.18; 0.80)", -0.18, 0.80},
		{"(-0,18; 0,80)", -0.18, 0.80},
		{"(-0,18, 0,80)", -0.18, 0.80},
		{"0.18-0.80", 0.18, 0.80},
		{"0.18 - 0.80", 0.18, 0.80},
		{"-0.5--0.2", -0.5, -0.2},
		{"\u22120.5\u2013\u22120.2", -0.5, -0.2},
		{"\u20130.5 \u2013 \u20130.2", -0.5, -0.2},
		{"95% CI -0.18 to 0.80", -0.18, 0.80},
		{"95% CI: [-0.18, 0.80]", -0.18, 0.80},
		{"(95% CI -0.18 to 0.80)", -0.18, 0.80},
		{"CI 0.1 to 0.9", 0.1, 0.9},
		{"{0.10,0.90}", 0.10, 0.90},
		{"-1.2 TO -0.4", -1.2, -0.4},
		{"0.10 — 0.90", 0.10, 0.90},
	} {
		ci, err := parseCI(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if ci.Lower.Value != c.lo || ci.Upper.Value != c.hi {
			t.Errorf("%q: got [%v, %v], want [%v, %v]", c.in, ci.Lower.Value, ci.Upper.Value, c.lo, c.hi)
		}
	}
	for _, bad := range []string{"", "()", "0.31", "abc to def", "0,18,0,80", "(0.5 to )", "1 to 2 to 3", "(-0,88", "1,2"} {
		if _, err := parseCI(bad); !errors.Is(err, ErrUnparseable) {
			t.Errorf("%q: err = %v, want ErrUnparseable", bad, err)
		}
	}
	if _, err := parseCI("(0.80 to -0.18)"); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("reversed CI: %v", err)
	}
}

func TestParseResult(t *testing.T) {
	for _, c := range []struct {
		in       string
		kind     testKind
		df1, df2 float64
		stat     float64
		rel      relation
		p        float64
		ns       bool
	}{
		{"t(28) = 2.20, p = .036", testT, 28, 0, 2.2, relEqual, 0.036, false},
		{"t(28) = \u22122.20, p = .036", testT, 28, 0, -2.2, relEqual, 0.036, false},
		{"F(1, 58) = 4.12, p = .047", testF, 1, 58, 4.12, relEqual, 0.047, false},
		{"F(1,58)=4.12,p<.05", testF, 1, 58, 4.12, relLess, 0.05, false},
		{"z = 1.96, p = .05", testZ, 0, 0, 1.96, relEqual, 0.05, false},
		{"Z = 1.96; p ≤ .05", testZ, 0, 0, 1.96, relLess, 0.05, false},
		{"r(48) = .30, p = .03", testR, 48, 0, 0.30, relEqual, 0.03, false},
		{"χ2(1) = 3.84, p = .05", testChiSq, 1, 0, 3.84, relEqual, 0.05, false},
		{"χ²(1, N = 100) = 3.84, p = .05", testChiSq, 1, 0, 3.84, relEqual, 0.05, false},
		{"chi2(2) = 7.1, p > .01", testChiSq, 2, 0, 7.1, relGreater, 0.01, false},
		{"t(10) = 1.2, ns", testT, 10, 0, 1.2, relGreater, 0, true},
		{"t(45.3) = 3.112, p = .003", testT, 45.3, 0, 3.112, relEqual, 0.003, false},
		{"(t(28) = 2.20, p = .036)", testT, 28, 0, 2.2, relEqual, 0.036, false},
		{"t(28) = 2.20, p = .036.", testT, 28, 0, 2.2, relEqual, 0.036, false},
		{"t(28)\u00a0=\u00a02.20, p\u202f=\u202f.036", testT, 28, 0, 2.2, relEqual, 0.036, false},
	} {
		r, err := parseResult(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if r.Kind != c.kind || r.DF1 != c.df1 || r.DF2 != c.df2 || r.Stat.Value != c.stat || r.Rel != c.rel || r.P.Value != c.p || r.NS != c.ns {
			t.Errorf("%q: got %+v", c.in, r)
		}
	}
	for _, bad := range []string{"", "t = 2.2, p = .03", "F(1) = 4, p = .05", "z(3) = 1.9, p = .05", "t(28) = x, p = .03", "q(3) = 1, p = .5", "t(28) = 2.2, p = 1.5", "t(0) = 2, p = .1"} {
		if _, err := parseResult(bad); err == nil {
			t.Errorf("%q: no error", bad)
		} else if !errors.Is(err, ErrUnparseable) && !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestFieldErrorNamesField(t *testing.T) {
	_, err := SMD(SMDInput{Treat: Arm{"1.2", "x", "10"}, Control: Arm{"1", "1", "10"}}, nil)
	var fe *effect.FieldError
	if !errors.As(err, &fe) || fe.Field != "sd1" || !errors.Is(err, ErrUnparseable) {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(err.Error(), "sd1") {
		t.Errorf("message %q does not name the field", err)
	}
}
