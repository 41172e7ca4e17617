package plot_test

import (
	"fmt"
	"log"

	"gonum.org/v1/plot/vg"

	"github.com/tiesproject/ties/effect/mi"
	"github.com/tiesproject/ties/plot"
)

// The tipping-point figure of a jump-to-reference analysis, from
// mi.Tipping in one call.
func ExampleTippingPoint() {
	d, events := tippingTrial()
	tp, err := mi.Tipping(d, events, &mi.CondMeanOptions{Reference: "usual care"}, nil)
	if err != nil {
		log.Fatal(err)
	}
	fig, err := plot.TippingPoint(tp, &plot.TippingPointOptions{Visit: "12 months"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(fig.Plot.X.Label.Text)
	fmt.Println(fig.Plot.Y.Label.Text)
	fmt.Println(fig.Notes[0])
	_, err = fig.Layout(8.5*vg.Centimeter, 7*vg.Centimeter)
	fmt.Println("fits at 8.5 × 7 cm:", err == nil)
	// Output:
	// Shift added to imputed outcomes of befriending
	// Difference at 12 months
	// The 95% CI of the difference at 12 months excludes 0 for every shift of the imputed outcomes of befriending between 0 and the tipping point δ = 0.81; for larger shifts the conclusion no longer holds.
	// fits at 8.5 × 7 cm: true
}
