package effect_test

import (
	"fmt"
	"math"

	"github.com/tiesproject/ties/effect"
)

// A baseline-adjusted responder analysis: the odds of being "not lonely" at
// 12 months, intervention versus usual care, adjusted for the baseline
// score. (R: glm(event ~ arm + baseline, family = binomial) gives the same.)
func ExampleLogisticOR() {
	event := []float64{1, 1, 0, 1, 0, 1, 1, 0, math.NaN(), 1, 0, 0, 1, 0, 0, 1}
	arm := []int{1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0}
	baseline := []float64{4, 3, 7, 5, 8, 3, 5, 6, 6, 3, 7, 6, 4, 8, 5, 6}
	r, err := effect.LogisticOR(effect.BinaryData{Event: event, Arm: arm, Baseline: baseline}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("adjusted OR %.2f (95%% CI %.2f to %.2f), n = %d, %d left out\n",
		math.Exp(r.OR.Value), math.Exp(r.OR.CI.Lower), math.Exp(r.OR.CI.Upper), r.N, r.MissingOutcome)
	// Output:
	// adjusted OR 2.25 (95% CI 0.06 to 77.91), n = 15, 1 left out
}
