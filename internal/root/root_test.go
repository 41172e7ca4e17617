package root

import (
	"errors"
	"math"
	"testing"
)

func TestBrentKnownRoots(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		f    func(float64) float64
		a, b float64
		want float64
	}{
		{"linear", func(x float64) float64 { return 2*x - 1 }, -3, 7, 0.5},
		{"cubic", func(x float64) float64 { return x*x*x - 2 }, 0, 4, math.Cbrt(2)},
		{"cos", math.Cos, 0, 3, math.Pi / 2},
		// Steep: derivative 1e12 at the root.
		{"steep", func(x float64) float64 { return math.Expm1(1e12 * (x - 0.3)) }, 0, 1, 0.3},
		// Flat: f = (x-1)^5, derivative zero at the root; bisection
		// safeguards must still converge.
		{"flat", func(x float64) float64 { return math.Pow(x-1, 5) }, -1, 4, 1},
		{"root at a", func(x float64) float64 { return x - 2 }, 2, 5, 2},
		{"root at b", func(x float64) float64 { return x - 5 }, 2, 5, 5},
		{"reversed bracket", func(x float64) float64 { return x*x - 9 }, 10, 0, 3},
		{"root at zero", func(x float64) float64 { return math.Sinh(x) }, -1, 2, 0},
		// -Inf on one side: log of an underflowing probability.
		{"infinite values", func(x float64) float64 { return math.Log(math.Erfc(x)) - math.Log(1e-300) }, 0, 40, 26.209469960516},
		{"large", func(x float64) float64 { return x - 1e200 }, 0, 1e201, 1e200},
	}
	for _, c := range cases {
		got, err := Brent(c.f, c.a, c.b, nil)
		if err != nil {
			t.Errorf("%s: unexpected error %v", c.name, err)
			continue
		}
		tol := 2e-13 * math.Max(math.Abs(c.want), 1e-300)
		if c.name == "flat" {
			// |f| < 1e-80 over a 1e-16-wide bracket; any point there is
			// a root to double precision.
			tol = 1e-12
		}
		if c.name == "infinite values" {
			tol = 1e-10 // want is printed to 14 digits
		}
		if math.Abs(got-c.want) > tol {
			t.Errorf("%s: got %.17g, want %.17g", c.name, got, c.want)
		}
	}
}

func TestBrentTolerance(t *testing.T) {
	t.Parallel()
	f := func(x float64) float64 { return x*x - 2 }
	got, err := Brent(f, 0, 2, &Options{AbsTol: 1e-3, RelTol: 1e-3})
	if err != nil || math.Abs(got-math.Sqrt2) > 4e-3 {
		t.Errorf("loose tolerance: got %v, %v", got, err)
	}
	n := 0
	_, err = Brent(func(x float64) float64 { n++; return f(x) }, 0, 2, &Options{MaxIter: 3})
	if !errors.Is(err, ErrNoConvergence) {
		t.Errorf("MaxIter 3: error %v, want ErrNoConvergence", err)
	}
}

func TestBrentErrors(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	inf := math.Inf(1)
	id := func(x float64) float64 { return x }
	cases := []struct {
		name string
		f    func(float64) float64
		a, b float64
		o    *Options
		want error
	}{
		{"NaN a", id, nan, 1, nil, ErrInvalidInput},
		{"Inf b", id, -1, inf, nil, ErrInvalidInput},
		{"negative tol", id, -1, 1, &Options{AbsTol: -1}, ErrInvalidInput},
		{"NaN tol", id, -1, 1, &Options{RelTol: nan}, ErrInvalidInput},
		{"negative iter", id, -1, 1, &Options{MaxIter: -1}, ErrInvalidInput},
		{"no sign change", id, 1, 2, nil, ErrNoBracket},
		{"NaN f", func(float64) float64 { return nan }, -1, 1, nil, ErrNaN},
		{"NaN inside", func(x float64) float64 {
			if math.Abs(x) < 0.5 {
				return nan
			}
			return x
		}, -1, 1, nil, ErrNaN},
	}
	for _, c := range cases {
		_, err := Brent(c.f, c.a, c.b, c.o)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
	}
}

func TestFindBracket(t *testing.T) {
	t.Parallel()
	inf := math.Inf(1)
	cases := []struct {
		name          string
		f             func(float64) float64
		x0, step      float64
		lo, hi        float64
		wantRoot      float64
		wantErr       error
		maxEvaluation int
	}{
		{"increasing right", func(x float64) float64 { return x - 1000 }, 0, 1, -inf, inf, 1000, nil, 14},
		{"increasing left", func(x float64) float64 { return x + 1000 }, 0, 1, -inf, inf, -1000, nil, 14},
		{"decreasing right", func(x float64) float64 { return 1000 - x }, 0, 1, -inf, inf, 1000, nil, 14},
		{"decreasing left", func(x float64) float64 { return -1000 - x }, 0, 1, -inf, inf, -1000, nil, 14},
		{"at start", func(x float64) float64 { return x - 3 }, 3, 1, -inf, inf, 3, nil, 1},
		{"start at hi", func(x float64) float64 { return x - 3 }, 10, 1, 0, 10, 3, nil, 6},
		// Constant -1 on the left half: equal values, so both ways.
		{"flat start", func(x float64) float64 { return math.Max(x, 0) - 5 + 4*math.Min(x, 0)*0 }, -10, 1, -inf, inf, 5, nil, 30},
		{"limited range", func(x float64) float64 { return x - 1000 }, 0, 1, -10, 10, 0, ErrNoBracket, 10},
		{"no root", func(x float64) float64 { return math.Exp(x) + 1 }, 0, 1, -inf, inf, 0, ErrNoBracket, 1000},
		{"bad step", func(x float64) float64 { return x }, 0, 0, -inf, inf, 0, ErrInvalidInput, 0},
		{"start outside", func(x float64) float64 { return x }, 20, 1, 0, 10, 0, ErrInvalidInput, 0},
		{"empty range", func(x float64) float64 { return x }, 0, 1, 1, 1, 0, ErrInvalidInput, 0},
		{"NaN f", func(x float64) float64 { return math.NaN() }, 0, 1, -inf, inf, 0, ErrNaN, 1},
	}
	for _, c := range cases {
		n := 0
		f := func(x float64) float64 { n++; return c.f(x) }
		a, b, err := FindBracket(f, c.x0, c.step, c.lo, c.hi)
		if c.wantErr != nil {
			if !errors.Is(err, c.wantErr) {
				t.Errorf("%s: error %v, want %v", c.name, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: unexpected error %v", c.name, err)
			continue
		}
		if !(a <= c.wantRoot && c.wantRoot <= b) || !bracketed(c.f(a), c.f(b)) {
			t.Errorf("%s: bracket [%v, %v] does not hold root %v", c.name, a, b, c.wantRoot)
		}
		if n > c.maxEvaluation {
			t.Errorf("%s: %d evaluations, want <= %d", c.name, n, c.maxEvaluation)
		}
		x, err := SolveMonotone(c.f, c.x0, c.step, c.lo, c.hi, nil)
		if err != nil || math.Abs(x-c.wantRoot) > 1e-12*math.Max(1, math.Abs(c.wantRoot)) {
			t.Errorf("%s: SolveMonotone = %v, %v, want %v", c.name, x, err, c.wantRoot)
		}
	}
}

func TestNewton(t *testing.T) {
	t.Parallel()
	inf := math.Inf(1)
	cases := []struct {
		name string
		fdf  func(float64) (float64, float64)
		x0   float64
		want float64
		max  int
	}{
		{"sqrt2", func(x float64) (float64, float64) { return x*x - 2, 2 * x }, 1, math.Sqrt2, 8},
		{"log prob", func(x float64) (float64, float64) {
			// log Φc(x) - log(1e-10): increasing to -Inf; root 6.3613409.
			p := 0.5 * math.Erfc(x/math.Sqrt2)
			return math.Log(p) - math.Log(1e-10), -math.Exp(-x*x/2) / math.Sqrt(2*math.Pi) / p
		}, 0, 6.361340902404056, 10},
		// f' = 0 at the start: falls back to bracketing.
		{"zero slope", func(x float64) (float64, float64) { return x*x*x - 8, 3 * x * x }, 0, 2, 60},
		// Overshooting Newton (atan): the bracket keeps it in check.
		{"atan", func(x float64) (float64, float64) { return math.Atan(x - 1), 1 / (1 + (x-1)*(x-1)) }, 5, 1, 60},
		// -Inf at the start: falls back.
		{"infinite", func(x float64) (float64, float64) {
			return math.Log(math.Max(x, 0)) - 1, 1 / x
		}, -3, math.E, 200},
	}
	for _, c := range cases {
		n := 0
		got, err := Newton(func(x float64) (float64, float64) { n++; return c.fdf(x) }, c.x0, 0.5, -inf, inf, nil)
		if err != nil || math.Abs(got-c.want) > 1e-12*math.Abs(c.want) {
			t.Errorf("%s: got %.17g, %v; want %.17g", c.name, got, err, c.want)
		}
		if n > c.max {
			t.Errorf("%s: %d evaluations, want <= %d", c.name, n, c.max)
		}
	}
	_, err := Newton(func(x float64) (float64, float64) { return math.NaN(), 1 }, 0, 1, -inf, inf, nil)
	if !errors.Is(err, ErrNaN) {
		t.Errorf("NaN: error %v", err)
	}
	_, err = Newton(func(x float64) (float64, float64) { return 1 + x*x, 2 * x }, 0, 1, -inf, inf, nil)
	if !errors.Is(err, ErrNoBracket) {
		t.Errorf("no root: error %v", err)
	}
	_, err = Newton(func(x float64) (float64, float64) { return x, 1 }, 0, -1, -inf, inf, nil)
	if !errors.Is(err, ErrInvalidInput) {
		t.Errorf("bad step: error %v", err)
	}
}

func TestHalley(t *testing.T) {
	t.Parallel()
	inf := math.Inf(1)
	n := 0
	// log Φc(x) - log(1e-10) with exact derivatives.
	fdd := func(x float64) (float64, float64, float64) {
		n++
		p := 0.5 * math.Erfc(x/math.Sqrt2)
		phi := math.Exp(-x*x/2) / math.Sqrt(2*math.Pi)
		d1 := -phi / p
		d2 := x*phi/p - d1*d1
		return math.Log(p) - math.Log(1e-10), d1, d2
	}
	got, err := Halley(fdd, 5.5, 0.5, -inf, inf, &Options{AbsTol: 1e-14, RelTol: 1e-14})
	want := 6.361340902404056
	if err != nil || math.Abs(got-want) > 1e-14*want {
		t.Errorf("Halley = %.17g, %v; want %.17g", got, err, want)
	}
	if n > 4 {
		t.Errorf("Halley used %d evaluations, want <= 4", n)
	}
}
