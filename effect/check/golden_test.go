package check

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"
)

const goldenDir = "../../testdata/golden/check/"

func readGolden(t *testing.T, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(goldenDir + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
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
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func goldenBoxes(t *testing.T) map[string]box {
	out := map[string]box{}
	for _, c := range readGolden(t, "cases.csv") {
		p, err := parseSMD(SMDInput{Treat: Arm{c["m1"], c["sd1"], c["n1"]}, Control: Arm{c["m2"], c["sd2"], c["n2"]}}, nil)
		if err != nil || !p.haveBox {
			t.Fatalf("case %s: %v", c["case"], err)
		}
		out[c["case"]] = p.box
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
		b := boxes[r["case"]]
		c := Convention{Standardizer: stdByName[r["standardizer"]], Flipped: r["flipped"] == "TRUE", SEAsSD: r["se_as_sd"] == "TRUE"}
		got, ok := b.Range(c)
		if !ok {
			t.Errorf("%s %v: undefined", r["case"], c)
			continue
		}
		if !closeTo(got.Lo, num(t, r["lo"]), 1e-12) || !closeTo(got.Hi, num(t, r["hi"]), 1e-12) {
			t.Errorf("%s %v: got [%.15g, %.15g], R [%s, %s]", r["case"], c, got.Lo, got.Hi, r["lo"], r["hi"])
		}
		if num(t, r["interior_excess"]) > 0 {
			t.Errorf("%s %v: R found an interior point beyond the corners", r["case"], c)
		}
	}
}

// TestNCTEndsAgainstR compares the exact CI ends (noncentral-t inversion)
// at the ends of the box's t range with R's uniroot on pt (tol 1e-13).
func TestNCTEndsAgainstR(t *testing.T) {
	for _, r := range readGolden(t, "nct_ends.csv") {
		tt, df := num(t, r["t"]), num(t, r["df"])
		h := tt / num(t, r["d"])
		lo := ncpFor(tt, df, 0.975) / h
		hi := ncpFor(tt, df, 0.025) / h
		if !closeTo(lo, num(t, r["exact_lower"]), 1e-8) || !closeTo(hi, num(t, r["exact_upper"]), 1e-8) {
			t.Errorf("%s t=%s: got [%.12g, %.12g], R [%s, %s]", r["case"], r["t"], lo, hi, r["exact_lower"], r["exact_upper"])
		}
		// The quantile inverts the CDF back to t.
		if q := tQuantile(0.975, df, lo*h); !closeTo(q, tt, 1e-8) {
			t.Errorf("%s: quantile %v, want %v", r["case"], q, tt)
		}
	}
}

// TestCIChecksAgainstR prints the R ends at the box's extremes with three
// decimals and checks that the joint check accepts them (they come from
// one point of the box) and rejects them shifted by 0.01.
func TestCIChecksAgainstR(t *testing.T) {
	boxes := goldenBoxes(t)
	for _, r := range readGolden(t, "nct_ends.csv") {
		b := boxes[r["case"]]
		for _, m := range []struct {
			lo, hi string
			exact  bool
		}{{"exact_lower", "exact_upper", true}, {"wald_lower", "wald_upper", false}} {
			L, U := num(t, r[m.lo]), num(t, r[m.hi])
			out := 0.01 // shift outward from the box: down at its smallest d, up at its largest
			if dr := b.dRange(PooledD, false); math.Abs(num(t, r["d"])-dr.Lo) < math.Abs(num(t, r["d"])-dr.Hi) {
				out = -0.01
			}
			for _, shift := range []float64{0, out} {
				rl := mustNum(t, strconv.FormatFloat(L+shift, 'f', 3, 64)).Interval()
				ru := mustNum(t, strconv.FormatFloat(U+shift, 'f', 3, 64)).Interval()
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
					t.Errorf("%s %s [%.3f, %.3f]: pooled d not among %v", r["case"], m.lo, L, U, f.Summary())
				}
				if shift != 0 && has {
					t.Errorf("%s %s shifted off the box by %v still consistent: %v", r["case"], m.lo, shift, f.Summary())
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
		res, err := ParseResult(r["result"])
		if err != nil {
			t.Fatal(err)
		}
		pc, err := P(res, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !closeTo(pc.P, num(t, r["p"]), 1e-9) || !closeTo(pc.PRange.Lo, num(t, r["p_low"]), 1e-9) || !closeTo(pc.PRange.Hi, num(t, r["p_high"]), 1e-9) {
			t.Errorf("%s: got %.12g [%.12g, %.12g], R %s [%s, %s]", r["result"], pc.P, pc.PRange.Lo, pc.PRange.Hi, r["p"], r["p_low"], r["p_high"])
		}
	}
}
