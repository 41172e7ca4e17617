package effect

import (
	"encoding/binary"
	"errors"
	"math"
	"testing"
)

// The fuzz targets check that no input makes the design estimators panic,
// that every failure wraps ErrInvalidInput, and that every success is
// finite. Their seed corpora run as ordinary tests.

func fuzzFloats(b []byte) []float64 {
	var out []float64
	for len(b) >= 8 {
		out = append(out, math.Float64frombits(binary.LittleEndian.Uint64(b)))
		b = b[8:]
	}
	return out
}

func FuzzANCOVA(f *testing.F) {
	seed := func(vals ...float64) []byte {
		var b []byte
		for _, v := range vals {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
		}
		return b
	}
	f.Add(seed(10, 9, 12, 11, 9, 10, 14, 12, 11, 10, 13, 14, 8, 9, 15, 13), uint16(0x0f), false)
	f.Add(seed(10, 9, math.NaN(), 11, 9, 10, 14, 12, 11, 10, 13, 14, 8, 9, 15, 13), uint16(0x33), true)
	f.Add(seed(1, 1, 1, 1, 1, 1, 1, 1), uint16(0x3), true)
	f.Fuzz(func(t *testing.T, raw []byte, arms uint16, withCov bool) {
		v := fuzzFloats(raw)
		n := len(v) / 2
		if n > 64 {
			n = 64
		}
		d := ANCOVAData{Outcome: make([]float64, n), Baseline: make([]float64, n), Arm: make([]int, n)}
		cov := make([]float64, n)
		for i := 0; i < n; i++ {
			d.Outcome[i] = v[2*i]
			d.Baseline[i] = v[2*i+1]
			d.Arm[i] = int(arms>>(i%16)) & 1
			cov[i] = float64(i % 3)
		}
		if withCov {
			d.Covariates = []Covariate{{Name: "c", Values: cov}}
		}
		res, err := ANCOVA(d, nil)
		if err != nil {
			if !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("error does not wrap ErrInvalidInput: %v", err)
			}
			return
		}
		if !designFinite(res.Difference) || !designFinite(res.SE) || !designFinite(res.DFollowUp.Value) || !designFinite(res.P) {
			t.Fatalf("non-finite result %+v", res)
		}
	})
}

func FuzzBinary(f *testing.F) {
	f.Add(12, 45, 22, 47, true)
	f.Add(0, 10, 0, 10, false)
	f.Add(10, 10, 0, 5, true)
	f.Add(-1, 3, 2, 0, true)
	f.Add(10, 10, 0, 20, true) // Wald RD upper limit beyond 1
	f.Fuzz(func(t *testing.T, a, n1, c, n2 int, benefit bool) {
		tab := Table2x2{a, n1, c, n2}
		for _, fn := range []func(Table2x2, *Options) (Estimate, error){OddsRatio, RiskRatio, RiskDifference} {
			e, err := fn(tab, nil)
			if err != nil {
				if !errors.Is(err, ErrInvalidInput) {
					t.Fatal(err)
				}
				continue
			}
			if !designFinite(e.Value) || !designFinite(e.Variance) || !designFinite(e.CI.Lower) || !designFinite(e.CI.Upper) {
				t.Fatalf("%+v: non-finite %+v", tab, e)
			}
		}
		for _, o := range []*Options{nil, {CI: Wald}} {
			n, err := NumberNeededToTreat(tab, benefit, o)
			if err != nil {
				continue
			}
			_ = n.String()
			if !(n.Value >= 1) || n.Value != 1/math.Abs(n.RD.Value) {
				t.Fatalf("%+v: NNT %v, RD %v", tab, n.Value, n.RD.Value)
			}
			// No limit below 1: the RD interval is truncated to [−1, 1].
			if (!n.Crosses && !(n.Lower >= 1 && n.Upper >= n.Lower)) || (n.Crosses && !(n.BenefitLimit >= 1 && n.HarmLimit >= 1)) {
				t.Fatalf("%+v (%v): NNT limits %+v", tab, o, n)
			}
			if !n.RD.CI.Contains(n.RD.Value) && n.RD.CIMethod == Wald {
				t.Fatalf("%+v: Wald RD interval %v does not contain its value %v", tab, n.RD.CI, n.RD.Value)
			}
		}
	})
}

func FuzzCluster(f *testing.F) {
	f.Add([]byte{20, 20, 20, 20}, []byte{20, 20, 20}, 1.0, 10.0, 0.05, false)
	f.Add([]byte{1, 1}, []byte{1}, -3.0, 1e-300, 0.99, true)
	f.Add([]byte{5, 200, 1}, []byte{0}, 2.0, 3.0, 0.5, true)
	f.Fuzz(func(t *testing.T, e, c []byte, diff, sd, icc float64, within bool) {
		toSizes := func(b []byte) []int {
			s := make([]int, len(b))
			for i, x := range b {
				s[i] = int(x)
			}
			return s
		}
		trial := ClusterTrial{
			Treat:   ClusterArm{Mean: diff, SD: sd, ClusterSizes: toSizes(e)},
			Control: ClusterArm{Mean: 0, SD: sd, ClusterSizes: toSizes(c)},
			ICC:     icc,
		}
		if within {
			trial.SD = WithinClusterSD
		}
		for _, fn := range []func(ClusterTrial, *Options) (Estimate, error){ClusterDT, ClusterDW} {
			est, err := fn(trial, nil)
			if err != nil {
				if !errors.Is(err, ErrInvalidInput) {
					t.Fatal(err)
				}
				continue
			}
			if math.Abs(diff/sd) < 1e100 && (!designFinite(est.Value) || !(est.Variance > 0)) {
				t.Fatalf("%+v: %+v", trial, est)
			}
		}
		_, _ = DesignEffect(toSizes(e), icc)
	})
}

func FuzzPrePostControl(f *testing.F) {
	f.Add(42.0, 9.8, 36.5, 45, 41.5, 10.1, 40.9, 47, 0.6, 0.5)
	f.Add(0.0, 1e-300, 1e300, 2, 0.0, 1e300, -1e300, 3, -0.99, 0.99)
	f.Fuzz(func(t *testing.T, preE, sdE, postE float64, nE int, preC, sdC, postC float64, nC int, r, rC float64) {
		tr := PrePostArm{PreMean: preE, PreSD: sdE, PostMean: postE, N: nE}
		co := PrePostArm{PreMean: preC, PreSD: sdC, PostMean: postC, N: nC}
		for _, fn := range []func() (Estimate, error){
			func() (Estimate, error) { return MorrisPPC2(tr, co, r, nil) },
			func() (Estimate, error) { return BeckerPPC(tr, co, r, rC, nil) },
		} {
			e, err := fn()
			if err != nil {
				if !errors.Is(err, ErrInvalidInput) {
					t.Fatal(err)
				}
				continue
			}
			if !designFinite(e.Value) || !designFinite(e.Variance) {
				t.Fatalf("non-finite %+v", e)
			}
		}
	})
}
