package nct

import (
	"errors"
	"math"
	"testing"
)

func TestSpecialCases(t *testing.T) {
	t.Parallel()
	nan, inf := math.NaN(), math.Inf(1)
	for _, c := range []struct{ t, df, ncp float64 }{
		{nan, 10, 0}, {1, nan, 0}, {1, 10, nan}, {1, 0, 0}, {1, -1, 0}, {1, 10, inf}, {1, 10, -inf},
	} {
		if p := CDF(c.t, c.df, c.ncp); !math.IsNaN(p) {
			t.Errorf("CDF(%v, %v, %v) = %v, want NaN", c.t, c.df, c.ncp, p)
		}
		if p := Survival(c.t, c.df, c.ncp); !math.IsNaN(p) {
			t.Errorf("Survival(%v, %v, %v) = %v, want NaN", c.t, c.df, c.ncp, p)
		}
	}
	if CDF(inf, 3, 1) != 1 || CDF(-inf, 3, 1) != 0 || Survival(inf, 3, 1) != 0 || Survival(-inf, 3, 1) != 1 {
		t.Error("infinite t")
	}
	if got, want := CDF(0, 7, 1.5), 0.5*math.Erfc(1.5/math.Sqrt2); got != want {
		t.Errorf("CDF(0, 7, 1.5) = %v, want %v", got, want)
	}
	if got, want := CDF(2, inf, 0.5), 0.5*math.Erfc(-1.5/math.Sqrt2); got != want {
		t.Errorf("CDF(2, Inf, 0.5) = %v, want %v", got, want)
	}
}

// TestCentral checks ncp = 0 against Student's t, whose CDF has closed forms
// for 1 and 2 degrees of freedom.
func TestCentral(t *testing.T) {
	t.Parallel()
	for _, x := range []float64{-30, -3, -0.5, 0.1, 1, 4, 100} {
		// Cancellation-free forms of 1/2 + atan(x)/π and
		// 1/2 + x/(2 sqrt(2+x²)).
		want1 := 1 - math.Atan2(1, x)/math.Pi
		r := math.Sqrt(2 + x*x)
		want2 := 1 - 1/(r*(r+x))
		if x < 0 {
			want1 = math.Atan2(1, -x) / math.Pi
			want2 = 1 / (r * (r - x))
		}
		if got := CDF(x, 1, 0); math.Abs(got-want1) > 1e-14*want1 {
			t.Errorf("CDF(%v, 1, 0) = %.17g, want %.17g", x, got, want1)
		}
		if got := CDF(x, 2, 0); math.Abs(got-want2) > 1e-14*want2 {
			t.Errorf("CDF(%v, 2, 0) = %.17g, want %.17g", x, got, want2)
		}
	}
}

// TestNCPIntervalRC28 checks the rows of reference case RC28 that lie
// where R's pt is exact (|ncp| < 37.62, df <= 4e5): the R harness ncp_ci
// (uniroot, tol 1e-13), printed to 10 significant digits. The other two
// rows are in R's normal-approximation region and are tested against
// mpmath in TestGoldenNCPInterval: for t = 40, df = 200 the true upper
// limit is 44.368016492757 where R (and MBESS) give 44.3326127; for t = 56,
// df = 1e6 the limits are [54.038486027, 57.961486015] (R: [54.03848601,
// 57.96148599]).
func TestNCPIntervalRC28(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ t, df, lo, hi float64 }{
		{2.21706754597, 90, 0.2246021404, 4.197544242},
		{2, 2, -0.7660144772, 4.573498895},
		{0, 43, -1.959963985, 1.959963985},
	} {
		lo, hi, err := NCPInterval(c.t, c.df, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(lo-c.lo) > 6e-10*math.Abs(c.lo) || math.Abs(hi-c.hi) > 6e-10*math.Abs(c.hi) {
			t.Errorf("NCPInterval(%v, %v) = [%.12g, %.12g], want [%.10g, %.10g]", c.t, c.df, lo, hi, c.lo, c.hi)
		}
	}
}

func TestNCPIntervalErrors(t *testing.T) {
	t.Parallel()
	nan, inf := math.NaN(), math.Inf(1)
	for _, c := range []struct{ t, df, level float64 }{
		{nan, 10, 0.95}, {inf, 10, 0.95}, {1, 0, 0.95}, {1, nan, 0.95}, {1, -2, 0.95},
		{1, 10, 0}, {1, 10, 1}, {1, 10, nan}, {1, 10, 1.5},
	} {
		lo, hi, err := NCPInterval(c.t, c.df, c.level)
		if !errors.Is(err, ErrInvalidInput) || !math.IsNaN(lo) || !math.IsNaN(hi) {
			t.Errorf("NCPInterval(%v, %v, %v) = %v, %v, %v; want NaN, NaN, ErrInvalidInput", c.t, c.df, c.level, lo, hi, err)
		}
	}
}

func TestQuantileRoundTrip(t *testing.T) {
	t.Parallel()
	for _, df := range []float64{1, 4, 50, 1e5} {
		for _, ncp := range []float64{-3, 0, 2.5, 40} {
			for _, p := range []float64{1e-12, 0.025, 0.5, 0.9, 1 - 1e-9} {
				q := Quantile(p, df, ncp)
				var got, want float64
				if p < 0.5 {
					got, want = CDF(q, df, ncp), p
				} else {
					got, want = Survival(q, df, ncp), 1-p
				}
				if math.Abs(got-want) > 1e-11*want {
					t.Errorf("Quantile(%v, %v, %v) = %v: tail %v, want %v", p, df, ncp, q, got, want)
				}
			}
		}
	}
}

// TestQuantileR compares Quantile with R 4.2.2 qt(p, df, ncp), which is
// accurate to about 1e-11 for these central p (AS 243 region,
// |ncp| < 37.62), and with the mpmath reference for a tail quantile.
func TestQuantileR(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ p, df, ncp, want float64 }{
		{0.975, 38, 1, 3.097341714088003},
		{0.025, 38, 1, -0.978529797611571},
		{0.5, 38, 1, 1.006629298325961},
		{0.9, 10, -3, -1.6739468739727},
		// R gives -3.34406813486007 (its lower tail at t < 0 is 1 minus
		// the upper, absolute error ~1e-12, so ~3e-9 in q here); the
		// mpmath reference of gen_nct.py gives CDF(-3.34406812501313, 20,
		// 2) = 1.0000000000000048e-6.
		{1e-6, 20, 2, -3.34406812501313},
	} {
		if got := Quantile(c.p, c.df, c.ncp); math.Abs(got-c.want) > 1e-10*math.Max(1, math.Abs(c.want)) {
			t.Errorf("Quantile(%v, %v, %v) = %.15g, want %.15g", c.p, c.df, c.ncp, got, c.want)
		}
	}
	nan := math.NaN()
	for _, c := range [][3]float64{{nan, 3, 1}, {-0.1, 3, 1}, {1.1, 3, 1}, {0.5, 0, 1}, {0.5, 3, nan}} {
		if q := Quantile(c[0], c[1], c[2]); !math.IsNaN(q) {
			t.Errorf("Quantile%v = %v, want NaN", c, q)
		}
	}
	if !math.IsInf(Quantile(0, 3, 1), -1) || !math.IsInf(Quantile(1, 3, 1), 1) {
		t.Error("Quantile(0) and Quantile(1) must be -Inf and +Inf")
	}
}
