package root_test

import (
	"fmt"
	"math"

	"github.com/tiesproject/ties/internal/root"
)

func ExampleBrent() {
	// The root of cos(x) = x in [0, 1].
	x, err := root.Brent(func(x float64) float64 { return math.Cos(x) - x }, 0, 1, nil)
	fmt.Printf("%.12f %v\n", x, err)
	// Output:
	// 0.739085133215 <nil>
}

func ExampleSolveMonotone() {
	// The upper 1e-10 point of the standard normal, solving on the log
	// scale from a poor guess; no bracket is needed.
	f := func(z float64) float64 { return math.Log(0.5*math.Erfc(z/math.Sqrt2)) - math.Log(1e-10) }
	z, err := root.SolveMonotone(f, 0, 1, math.Inf(-1), math.Inf(1), nil)
	fmt.Printf("%.10f %v\n", z, err)
	// Output:
	// 6.3613409024 <nil>
}

func ExampleHalley() {
	// sqrt(2) by Halley's method on x² - 2.
	fdd := func(x float64) (float64, float64, float64) { return x*x - 2, 2 * x, 2 }
	x, err := root.Halley(fdd, 1, 0.5, 0, math.Inf(1), nil)
	fmt.Printf("%.15f %v\n", x, err)
	// Output:
	// 1.414213562373095 <nil>
}

func ExampleNewton() {
	// The cube root of 10 by Newton's method on x³ − 10.
	fdf := func(x float64) (float64, float64) { return x*x*x - 10, 3 * x * x }
	x, err := root.Newton(fdf, 2, 0.5, 0, math.Inf(1), nil)
	fmt.Printf("%.12f %v\n", x, err)
	// Output:
	// 2.154434690032 <nil>
}

func ExampleFindBracket() {
	// A sign change of x − 7.3 from a start at 0 with step 1.
	a, b, err := root.FindBracket(func(x float64) float64 { return x - 7.3 }, 0, 1, math.Inf(-1), math.Inf(1))
	fmt.Println(a <= 7.3 && 7.3 <= b, err)
	// Output:
	// true <nil>
}
