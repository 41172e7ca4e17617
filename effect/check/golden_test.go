package check

import (
	"math"
	"strconv"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

const goldenDir = "../../testdata/golden/check/"

// grec is a golden record with its test, for short field access.
type grec struct {
	t *testing.T
	r golden.Record
}

func (g grec) s(col string) string { g.t.Helper(); return g.r.String(g.t, col) }

func readGolden(t *testing.T, name string) []grec {
	t.Helper()
	var out []grec
	for _, r := range golden.ReadCSV(t, goldenDir+name) {
		out = append(out, grec{t, r})
	}
	return out
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func closeTo(got, want, tol float64) bool {
	return golden.Equal(got, want, tol, tol)
}

func goldenBoxes(t *testing.T) map[string]box {
	out := map[string]box{}
	for _, c := range readGolden(t, "cases.csv") {
		p := parseSMD(SMDInput{Treat: Arm{c.s("m1"), c.s("sd1"), c.s("n1")}, Control: Arm{c.s("m2"), c.s("sd2"), c.s("n2")}}, nil)
		if !p.haveBox {
			t.Fatalf("case %s: %v", c.s("case"), p.err())
		}
		out[c.s("case")] = p.box
	}
	return out
}

var stdByName = map[string]Standardizer{
	"pooled_d": PooledD, "exact_g": ExactG, "approx_g": ApproxG,
	"glass_control": GlassControl, "glass_treat": GlassTreat, "average_d": AverageD,
}

// TestRangesAgainstR compares the closed-form range of every convention with
// R's minimum and maximum over the 16 corners of the box; R also checked
// that 20,000 random interior points stay inside (interior_excess ≤ 0).
func TestRangesAgainstR(t *testing.T) {
	boxes := goldenBoxes(t)
	rows := readGolden(t, "smd_ranges.csv")
	if len(rows) != 13*24 {
		t.Fatalf("%d golden rows", len(rows))
	}
	for _, r := range rows {
		b := boxes[r.s("case")]
		c := Convention{Standardizer: stdByName[r.s("standardizer")], Flipped: r.s("flipped") == "TRUE", SEAsSD: r.s("se_as_sd") == "TRUE"}
		got, ok := b.Range(c)
		if !ok {
			t.Errorf("%s %v: undefined", r.s("case"), c)
			continue
		}
		if !closeTo(got.Lo, num(t, r.s("lo")), 1e-12) || !closeTo(got.Hi, num(t, r.s("hi")), 1e-12) {
			t.Errorf("%s %v: got [%.15g, %.15g], R [%s, %s]", r.s("case"), c, got.Lo, got.Hi, r.s("lo"), r.s("hi"))
		}
		if num(t, r.s("interior_excess")) > 0 {
			t.Errorf("%s %v: R found an interior point beyond the corners", r.s("case"), c)
		}
	}
}

// TestNCTEndsAgainstR compares the exact CI ends (noncentral-t inversion)
// at the ends of the box's t range with R's uniroot on pt (tol 1e-13).
func TestNCTEndsAgainstR(t *testing.T) {
	for _, r := range readGolden(t, "nct_ends.csv") {
		tt, df := num(t, r.s("t")), num(t, r.s("df"))
		h := tt / num(t, r.s("d"))
		lo := ncpFor(tt, df, 0.975) / h
		hi := ncpFor(tt, df, 0.025) / h
		if !closeTo(lo, num(t, r.s("exact_lower")), 1e-8) || !closeTo(hi, num(t, r.s("exact_upper")), 1e-8) {
			t.Errorf("%s t=%s: got [%.12g, %.12g], R [%s, %s]", r.s("case"), r.s("t"), lo, hi, r.s("exact_lower"), r.s("exact_upper"))
		}
		// The quantile inverts the CDF back to t.
		if q := tQuantile(0.975, df, lo*h); !closeTo(q, tt, 1e-8) {
			t.Errorf("%s: quantile %v, want %v", r.s("case"), q, tt)
		}
	}
}

// TestCIChecksAgainstR prints the R ends at the box's extremes with three
// decimals and checks that the joint check accepts them (they come from
// one point of the box) and rejects them shifted by 0.01.
func TestCIChecksAgainstR(t *testing.T) {
	boxes := goldenBoxes(t)
	for _, r := range readGolden(t, "nct_ends.csv") {
		b := boxes[r.s("case")]
		for _, m := range []struct {
			lo, hi string
			exact  bool
		}{{"exact_lower", "exact_upper", true}, {"wald_lower", "wald_upper", false}} {
			L, U := num(t, r.s(m.lo)), num(t, r.s(m.hi))
			out := 0.01 // shift outward from the box: down at its smallest d, up at its largest
			if dr := b.dRange(PooledD, false); math.Abs(num(t, r.s("d"))-dr.Lo) < math.Abs(num(t, r.s("d"))-dr.Hi) {
				out = -0.01
			}
			for _, shift := range []float64{0, out} {
				rl := mustNum(t, strconv.FormatFloat(L+shift, 'f', 3, 64)).Range()
				ru := mustNum(t, strconv.FormatFloat(U+shift, 'f', 3, 64)).Range()
				wald, exact := checkCI(b, rl, ru, 0.95, 0.1)
				f := wald
				if m.exact {
					f = exact
				}
				has := false
				for _, mt := range f.Matches {
					if mt.Convention == (Convention{}) {
						has = true
					}
				}
				if shift == 0 && !has {
					t.Errorf("%s %s [%.3f, %.3f]: pooled d not among %v", r.s("case"), m.lo, L, U, f.String())
				}
				if shift != 0 && has {
					t.Errorf("%s %s shifted off the box by %v still consistent: %v", r.s("case"), m.lo, shift, f.String())
				}
			}
		}
	}
}

func mustNum(t *testing.T, s string) Number {
	t.Helper()
	x, err := ParseNumber(s)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// TestPValuesAgainstR compares computed p values and their ranges with R's
// pt/pf/pnorm/pchisq.
func TestPValuesAgainstR(t *testing.T) {
	for _, r := range readGolden(t, "pvalues.csv") {
		res, err := parseResult(r.s("result"))
		if err != nil {
			t.Fatal(err)
		}
		pc, err := checkP(res, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !closeTo(pc.P, num(t, r.s("p")), 1e-9) || !closeTo(pc.PRange.Lo, num(t, r.s("p_low")), 1e-9) || !closeTo(pc.PRange.Hi, num(t, r.s("p_high")), 1e-9) {
			t.Errorf("%s: got %.12g [%.12g, %.12g], R %s [%s, %s]", r.s("result"), pc.P, pc.PRange.Lo, pc.PRange.Hi, r.s("p"), r.s("p_low"), r.s("p_high"))
		}
	}
}
