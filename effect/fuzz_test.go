package effect

import (
	"errors"
	"math"
	"testing"
)

// checkEstimateOK asserts the invariants of a successful estimate.
func checkEstimateOK(t *testing.T, e Estimate, err error) {
	t.Helper()
	if err != nil {
		if !errors.Is(err, ErrInvalidInput) && !errors.Is(err, ErrNoConvergence) {
			t.Fatalf("error wraps neither sentinel: %v", err)
		}
		if e != (Estimate{}) {
			t.Fatalf("failing call returned a non-zero Estimate %+v (%v)", e, err)
		}
		return
	}
	if math.IsNaN(e.Value) || math.IsNaN(e.Variance) || e.Variance < 0 {
		t.Fatalf("bad estimate %+v", e)
	}
	if !(e.CI.Lower <= e.CI.Upper) {
		t.Fatalf("CI %v is empty or NaN (%v)", e.CI, e.Measure)
	}
	// A Wald interval is centred on the estimate. (An exact interval need
	// not contain the biased point estimate at low levels.)
	if (e.CIMethod == Wald || e.CIMethod == WaldT) && !(e.CI.Lower <= e.Value && e.Value <= e.CI.Upper) {
		t.Fatalf("Wald CI %v does not contain %v (%v)", e.CI, e.Value, e.Measure)
	}
}

func FuzzTwoArm(f *testing.F) {
	f.Add(38.2, 9.1, 45, 42.7, 10.3, 47, 0.95, uint8(0), uint8(0), false)
	f.Add(5.0, 1.0, 2, 3.0, 1.0, 2, 0.9, uint8(1), uint8(2), true)
	f.Add(15.0, 1.0, 10, 10.0, 1.0, 10, 0.99, uint8(2), uint8(1), false)
	f.Add(50.6, 10.0, 5000, 48.6, 10.0, 5000, 0.95, uint8(3), uint8(0), true)
	f.Add(1e3, 1e-3, 3, -1e3, 1e1, 2, 0.95, uint8(0), uint8(0), false)
	// SDs 1 and 1e200: SMDH once returned a NaN variance here.
	f.Add(0.0, 1.0, 10, 1e200, 1e200, 12, 0.95, uint8(0), uint8(0), false)
	// Means whose difference overflows.
	f.Add(1.7e308, 1.0, 10, -1.7e308, 1.0, 12, 0.95, uint8(0), uint8(0), false)
	f.Fuzz(func(t *testing.T, m1, s1 float64, n1 int, m2, s2 float64, n2 int, level float64, ci, vm uint8, correct bool) {
		if n1 > 1e6 || n2 > 1e6 {
			return
		}
		o := &Options{Level: level, CI: CIMethod(ci % 6), Variance: VarianceMethod(vm % 4), Correct: correct}
		a, b := Group{m1, s1, n1}, Group{m2, s2, n2}
		for _, fn := range []func(Group, Group, *Options) (Estimate, error){CohenD, HedgesG, GlassDelta, SMDH} {
			e, err := fn(a, b, o)
			checkEstimateOK(t, e, err)
		}
	})
}

func FuzzFromStat(f *testing.F) {
	f.Add(2.5, 20, 25, 0.03, 1, 0.95, false)
	f.Add(-40.0, 5000, 4000, 1e-10, -1, 0.99, true)
	f.Add(0.0, 2, 2, 1.0, 1, 0.9, false)
	f.Fuzz(func(t *testing.T, tv float64, n1, n2 int, p float64, sign int, level float64, correct bool) {
		if n1 > 1e6 || n2 > 1e6 {
			return
		}
		o := &Options{Level: level, Correct: correct}
		e, err := FromT(tv, n1, n2, o)
		checkEstimateOK(t, e, err)
		e, err = FromF(tv*tv, sign, n1, n2, o)
		checkEstimateOK(t, e, err)
		e, err = FromP(p, sign, n1, n2, o)
		checkEstimateOK(t, e, err)
	})
}

func FuzzWithin(f *testing.F) {
	f.Add(40.3, 10.2, 35.1, 9.5, 40, 40, 0.6, 0.95, uint8(0), false)
	f.Add(1.0, 1.0, 2.0, 3.0, 3, 3, -0.99, 0.9, uint8(1), true)
	f.Fuzz(func(t *testing.T, mpre, spre, mpost, spost float64, npre, npost int, r, level float64, ci uint8, correct bool) {
		if npre > 1e6 {
			return
		}
		pp := PrePost{Pre: Group{mpre, spre, npre}, Post: Group{mpost, spost, npost}, R: r}
		o := &Options{Level: level, CI: CIMethod(ci % 6), Correct: correct}
		for _, fn := range []func(PrePost, *Options) (Estimate, error){Dz, Drm, Dav, DBecker} {
			e, err := fn(pp, o)
			checkEstimateOK(t, e, err)
		}
	})
}

func FuzzFromSamples(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5}, []byte{3, 3, 4, 9}, uint8(1))
	f.Add([]byte{1, 1}, []byte{2, 3}, uint8(0))
	f.Fuzz(func(t *testing.T, a, b []byte, m uint8) {
		x := make([]float64, len(a))
		for i, v := range a {
			x[i] = float64(v)
		}
		y := make([]float64, len(b))
		for i, v := range b {
			y[i] = float64(v)
		}
		meas := []Measure{MeasureD, MeasureG, MeasureGlass, MeasureSMDH, MeasureLogOR}[int(m)%5]
		e, err := FromSamples(meas, x, y, nil)
		checkEstimateOK(t, e, err)
		if len(x) >= 3 && len(x) == len(y) {
			pp, err := SummarizePairs(x, y)
			if err == nil {
				e, err := Dz(pp, nil)
				checkEstimateOK(t, e, err)
			}
		}
	})
}

func FuzzConvert(f *testing.F) {
	f.Add(0.5, 0.04, 50, 50, 0.2)
	f.Add(-3.0, 1.0, 0, 0, 0.9)
	f.Fuzz(func(t *testing.T, d, v float64, n1, n2 int, cer float64) {
		e := Estimate{Measure: MeasureD, Value: d, Variance: v}
		if r, err := RFromD(e, n1, n2); err == nil {
			if !(r.Value >= -1 && r.Value <= 1) {
				t.Fatalf("r = %v", r.Value)
			}
			if _, err := DFromR(r, n1, n2); err != nil && !errors.Is(err, ErrInvalidInput) {
				t.Fatal(err)
			}
		}
		if _, err := LogORFromD(e, Logistic); err != nil && !errors.Is(err, ErrInvalidInput) {
			t.Fatal(err)
		}
		if _, err := NNTFurukawa(d, cer); err != nil && !errors.Is(err, ErrInvalidInput) {
			t.Fatal(err)
		}
		if _, err := NNTKraemer(d); err != nil && !errors.Is(err, ErrInvalidInput) {
			t.Fatal(err)
		}
		for r := Cohen1988; r <= Lovakov2021; r++ {
			if _, err := Magnitude(d, r); err != nil && !math.IsNaN(d) {
				t.Fatal(err)
			}
		}
	})
}
