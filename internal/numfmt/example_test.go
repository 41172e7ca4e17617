package numfmt_test

import (
	"fmt"
	"math"

	"github.com/tiesproject/ties/internal/numfmt"
)

func ExampleFixed() {
	fmt.Println(numfmt.Fixed(-0.4585, 2), numfmt.Fixed(-0.001, 2), numfmt.Fixed(3, 1), numfmt.Fixed(math.Inf(-1), 2), numfmt.Fixed(math.NaN(), 2))
	// Output:
	// −0.46 0.00 3.0 −∞ NaN
}
