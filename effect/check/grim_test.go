package check

import (
	"errors"
	"fmt"
	"math/big"
	"testing"
)

// GRIM test vectors: the R package scrutiny 0.6.1's own test vectors
// (rounding "up_or_down").
func TestGRIMScrutinyVectors(t *testing.T) {
	// scrutiny: n = 28, means 5.19 … 5.30.
	want28 := []bool{false, false, true, false, false, false, true, false, false, false, true, false}
	for i, w := range want28 {
		m := fmt.Sprintf("5.%02d", 19+i)
		r, err := GRIM(m, 28, 1)
		if err != nil {
			t.Fatal(err)
		}
		if (r.Verdict == Consistent) != w {
			t.Errorf("GRIM(%s, 28) = %v, want consistent %v", m, r.Verdict, w)
		}
	}
	for _, c := range []struct {
		mean string
		n, k int
		want bool
	}{
		{"3.77", 9, 1, false}, {"3.78", 9, 1, true},
		{"2.50", 10, 1, true}, {"2.55", 10, 1, false},
		{"4.13", 70, 1, true},
		{"0.80", 28, 2, true}, {"0.81", 28, 2, false},
		{"0.150", 120, 3, true}, {"0.151", 120, 3, false},
		{"5.21", 28, 1, true}, {"5.25", 28, 1, true}, {"5.29", 28, 1, true},
		{"-3.78", 9, 1, true}, {"-3.77", 9, 1, false}, // sign symmetry
		{"5.2", 28, 1, true}, // one decimal: 1/28 < 0.1 is not testable
	} {
		r, err := GRIM(c.mean, c.n, c.k)
		if err != nil {
			t.Fatal(err)
		}
		if (r.Verdict == Consistent) != c.want {
			t.Errorf("GRIM(%s, n=%d, items=%d) = %v, want consistent %v", c.mean, c.n, c.k, r.Verdict, c.want)
		}
	}
	if r, _ := GRIM("5.2", 28, 1); r.Testable {
		t.Error("5.2 with n = 28 should not be testable")
	}
	if r, _ := GRIM("5.21", 28, 1); !r.Testable || r.SumLo != 146 || r.SumHi != 146 {
		t.Errorf("5.21: %+v", r)
	}
}

// TestGRIMBruteForce compares with an independent reading of GRIM: round
// every T/N (as an exact rational) half up and half down to the printed
// decimals and compare the digits.
func TestGRIMBruteForce(t *testing.T) {
	for n := 1; n <= 30; n++ {
		for items := 1; items <= 2; items++ {
			N := n * items
			seen := map[string]bool{}
			for T := -3 * N; T <= 6*N; T++ {
				for _, half := range []int{0, 1} {
					seen[roundRat(big.NewRat(int64(T), int64(N)), 2, half)] = true
				}
			}
			for M := -300; M <= 600; M++ {
				s := fmt.Sprintf("%.2f", float64(M)/100)
				if M < 0 && M > -100 {
					s = fmt.Sprintf("-0.%02d", -M)
				}
				r, err := GRIM(s, n, items)
				if err != nil {
					t.Fatal(err)
				}
				if (r.Verdict == Consistent) != seen[s] {
					t.Fatalf("GRIM(%s, n=%d, items=%d) = %v, brute force %v", s, n, items, r.Verdict, seen[s])
				}
			}
		}
	}
}

// roundRat rounds x to k decimals with ties up (half=1) or down (half=0)
// and prints it as %.2f does.
func roundRat(x *big.Rat, k int, half int) string {
	scale := new(big.Rat).SetInt(pow10(k))
	y := new(big.Rat).Mul(x, scale)
	fl := new(big.Int).Div(y.Num(), y.Denom()) // Euclidean floor for positive denominators
	frac := new(big.Rat).Sub(y, new(big.Rat).SetInt(fl))
	c := frac.Cmp(big.NewRat(1, 2))
	if c > 0 || (c == 0 && half == 1) {
		fl.Add(fl, big.NewInt(1))
	}
	v := fl.Int64()
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// GRIMMER vectors: Allard's A-GRIMMER via the R package scrutiny's tests,
// and the scrutiny false positives fixed in its 1.0.0 NEWS.
func TestGRIMMER(t *testing.T) {
	for _, c := range []struct {
		mean, sd string
		n, items int
		want     Verdict
		reason   string
	}{
		{"5.21", "1.6", 28, 1, Consistent, ""},
		{"3.44", "2.47", 18, 1, Inconsistent, "parity"}, // A-GRIMMER test 3; truly impossible (Σy² ≡ Σy mod 2)
		{"3.10", "1.37", 10, 1, Consistent, ""},
		{"1.03", "0.41", 40, 1, Inconsistent, "SD range"},
		{"2.57", "2.57", 30, 1, Consistent, ""},
		{"5.19", "1.2", 28, 1, Inconsistent, "GRIM"},
		{"3.75", "4.48", 12, 1, Inconsistent, "parity"},
		{"4.20", "1.15", 25, 1, Consistent, ""},
		// scrutiny 0.6.1 flags these although real data give them:
		// seven 1s and 193 0s (mean 0.035, SD 0.1842);
		{"0.03", "0.18", 200, 1, Consistent, ""},
		// two people whose three items sum to 23 (mean 7.67, SD 0).
		{"7.67", "0", 2, 3, Consistent, ""},
		{"7.67", "0.00", 2, 3, Consistent, ""},
		// SD below what whole numbers with this sum can give: a mean of
		// 0.50 from four whole numbers (sum 2) needs SD ≥ 0.577, but "0"
		// admits Q = Σy² = 1.
		{"0.50", "0", 4, 1, Inconsistent, "minimum SD"},
		{"0.50", "0.58", 4, 1, Consistent, ""},
		{"3.50", "0.50", 2, 1, Inconsistent, "SD range"},
		{"3.50", "0.71", 2, 1, Consistent, ""},
	} {
		r, err := GRIMMER(c.mean, c.sd, c.n, c.items, ScaleRange{})
		if err != nil {
			t.Fatal(err)
		}
		if r.Verdict != c.want || r.Reason != c.reason {
			t.Errorf("GRIMMER(%s, %s, n=%d, items=%d) = %v %q, want %v %q", c.mean, c.sd, c.n, c.items, r.Verdict, r.Reason, c.want, c.reason)
		}
	}
	// Scale range: 1–5 items, n = 4, mean 3.00 can have SD at most 2.31
	// (two 1s and two 5s); 2.40 is beyond.
	for _, c := range []struct {
		sd   string
		want Verdict
	}{{"2.31", Consistent}, {"2.40", Inconsistent}} {
		r, _ := GRIMMER("3.00", c.sd, 4, 1, ScaleRange{Min: 1, Max: 5, Set: true})
		if r.Verdict != c.want {
			t.Errorf("scale 1–5, SD %s: %v (%s)", c.sd, r.Verdict, r.Reason)
		}
	}
	if r, _ := GRIMMER("5.50", "1.0", 4, 1, ScaleRange{Min: 1, Max: 5, Set: true}); r.Verdict != Inconsistent || r.Reason != "scale range" {
		t.Errorf("mean above scale: %+v", r)
	}
}

// TestGRIMMERNoFalsePositives enumerates every data set of n whole numbers
// in 1..5 for small n and checks that GRIMMER accepts the mean and SD they
// produce, printed with 2 decimals both ways of breaking ties.
func TestGRIMMERNoFalsePositives(t *testing.T) {
	for n := 2; n <= 6; n++ {
		var rec func(start, left int, vals []int)
		rec = func(start, left int, vals []int) {
			if left == 0 {
				S, Q := 0, 0
				for _, v := range vals {
					S += v
					Q += v * v
				}
				mean := big.NewRat(int64(S), int64(n))
				// SD² = (Q − S²/n)/(n − 1); print SD to 2 decimals from a
				// high-precision square root.
				v2 := new(big.Rat).Sub(big.NewRat(int64(Q), 1), big.NewRat(int64(S*S), int64(n)))
				v2.Quo(v2, big.NewRat(int64(n-1), 1))
				sd := new(big.Float).SetPrec(200).SetRat(v2)
				sd.Sqrt(sd)
				sdRat, _ := sd.Rat(nil)
				for _, hm := range []int{0, 1} {
					for _, hs := range []int{0, 1} {
						ms, ss := roundRat(mean, 2, hm), roundRat(sdRat, 2, hs)
						r, err := GRIMMER(ms, ss, n, 1, ScaleRange{Min: 1, Max: 5, Set: true})
						if err != nil {
							t.Fatal(err)
						}
						if r.Verdict != Consistent {
							t.Fatalf("data %v (mean %s, SD %s): %v %s", vals, ms, ss, r.Verdict, r.Reason)
						}
					}
				}
				return
			}
			for v := start; v <= 5; v++ {
				rec(v, left-1, append(vals, v))
			}
		}
		rec(1, n, nil)
	}
}

func TestGRIMErrors(t *testing.T) {
	if _, err := GRIM("abc", 10, 1); !errors.Is(err, ErrUnparseable) {
		t.Error(err)
	}
	if _, err := GRIM("1.5", 0, 1); !errors.Is(err, ErrInvalidInput) {
		t.Error(err)
	}
	if _, err := GRIMMER("1.5", "-1.0", 10, 1, ScaleRange{}); !errors.Is(err, ErrInvalidInput) {
		t.Error(err)
	}
	if _, err := GRIMMER("1.5", "1.0", 1, 1, ScaleRange{}); !errors.Is(err, ErrInvalidInput) {
		t.Error(err)
	}
	if _, err := GRIMMER("1.5", "x", 10, 1, ScaleRange{}); !errors.Is(err, ErrUnparseable) {
		t.Error(err)
	}
	if _, err := GRIMMER("1.5", "1", 10, 1, ScaleRange{Min: 5, Max: 1, Set: true}); !errors.Is(err, ErrInvalidInput) {
		t.Error(err)
	}
}
