package nct_test

import (
	"fmt"
	"math"

	"github.com/tiesproject/ties/internal/nct"
)

func ExampleCDF() {
	// P(T <= 2.5) for 38 degrees of freedom and noncentrality 1.
	fmt.Printf("%.12f\n", nct.CDF(2.5, 38, 1))
	// An upper tail far beyond what 1 - CDF could resolve.
	fmt.Printf("%.6e\n", nct.Survival(5, 10, -20))
	// Output:
	// 0.923196528376
	// 2.111602e-101
}

func ExampleNCPInterval() {
	// Exact 95% CI for Cohen's d from two groups of 45 and 47 with
	// d = 0.4624: t = d·h, h = sqrt(n1·n2/(n1+n2)), df = n1+n2-2; the
	// limits for d are the limits for the noncentrality divided by h.
	n1, n2, d := 45.0, 47.0, 0.4624
	h := math.Sqrt(n1 * n2 / (n1 + n2))
	lo, hi, err := nct.NCPInterval(d*h, n1+n2-2, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("d = %.4f, 95%% CI [%.4f, %.4f]\n", d, lo/h, hi/h)
	// Output:
	// d = 0.4624, 95% CI [0.0468, 0.8755]
}

func ExampleFastCDF() {
	// The same probability as CDF to about 1e-12 absolute.
	fmt.Printf("%.10f %.10f\n", nct.FastCDF(2.5, 38, 1), nct.CDF(2.5, 38, 1))
	// Output:
	// 0.9231965284 0.9231965284
}

func ExampleFastNCPInterval() {
	// The exact 95% interval for the ncp of t = −2.217 on 90 df, as for
	// Hedges' g from two arms of 45 and 47, to 1e-9.
	lo, hi, err := nct.FastNCPInterval(-2.21706754597, 90, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("[%.8f, %.8f]\n", lo, hi)
	// Output:
	// [-4.19754424, -0.22460214]
}

func ExampleSurvival() {
	// P(T > 5) for 10 df and ncp −20: far below what 1 − CDF resolves.
	fmt.Printf("%.6e\n", nct.Survival(5, 10, -20))
	// Output:
	// 2.111602e-101
}

func ExampleQuantile() {
	// The 97.5% point of the noncentral t on 38 df with ncp 1, and back.
	q := nct.Quantile(0.975, 38, 1)
	fmt.Printf("%.10f %.12f\n", q, nct.CDF(q, 38, 1))
	// Output:
	// 3.0973417141 0.975000000000
}
