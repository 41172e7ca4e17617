package check_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/tiesproject/ties/effect/check"
)

// A reported Hedges' g and its CI checked against the paper's own means,
// SDs and sample sizes, as printed.
func ExampleSMD() {
	in := check.SMDInput{
		Treat:   check.Arm{Mean: "38.2", SD: "9.1", N: "45"},  // intervention
		Control: check.Arm{Mean: "42.7", SD: "10.3", N: "47"}, // usual care
		Effect:  "-0.46",
		CI:      "(−0.87 to −0.05)",
	}
	r, err := check.SMD(in, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("effect:", r.Effect.String())
	fmt.Println("exact CI:", r.Exact.String())

	in.Effect = "-0.64" // a transcription error
	r, _ = check.SMD(in, nil)
	fmt.Println("effect:", r.Effect.String())
	// Output:
	// effect: consistent: d (pooled SD); g (exact J); g (approx. J); d (average SD)
	// exact CI: consistent: d (pooled SD) [noncentral t]; g (exact J) [noncentral t]; g (approx. J) [noncentral t]
	// effect: inconsistent: closest Glass (intervention SD), gap 0.127 (gross)
}

// GRIM: can 28 people's whole-number scores average 5.19 or 5.21?
func ExampleGRIM() {
	for _, m := range []string{"5.19", "5.21"} {
		r, _ := check.GRIM(m, 28, 1)
		fmt.Println(m, r.Verdict)
	}
	// Output:
	// 5.19 inconsistent
	// 5.21 consistent
}

// GRIMMER: a mean and SD together. Seven 1s and 193 0s have mean 0.035
// and SD 0.184, printed 0.03 and 0.18, which scrutiny 0.6.1 wrongly
// flags; mean 3.44 with SD 2.47 from 18 whole numbers is impossible (the
// sum of squares would have the wrong parity).
func ExampleGRIMMER() {
	r, _ := check.GRIMMER("0.03", "0.18", 200, 1, check.ScaleRange{})
	fmt.Println(r.Verdict)
	r, _ = check.GRIMMER("3.44", "2.47", 18, 1, check.ScaleRange{})
	fmt.Println(r.Verdict, r.Reason)
	// Output:
	// consistent
	// inconsistent parity
}

// A statcheck-style check of a reported p value.
func ExampleP() {
	for _, s := range []string{"t(28) = 2.20, p = .036", "t(28) = 1.80, p < .04"} {
		pc, err := check.P(s, 0, nil)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: %v (p = %.4f), decision error %v\n", s, pc.Verdict, pc.P, pc.DecisionError)
	}
	// Output:
	// t(28) = 2.20, p = .036: consistent (p = 0.0362), decision error false
	// t(28) = 1.80, p < .04: inconsistent (p = 0.0826), decision error true
}

// A number as printed stands for every value that rounds to it; a label
// before the number is skipped.
func ExampleParseNumber() {
	for _, s := range []string{"−0.18", "0,31", ".036", "d = 0.45", "g = −1.2e-1"} {
		x, err := check.ParseNumber(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		r := x.Range()
		fmt.Printf("%q: %v, %d decimals, stands for [%.4g, %.4g]\n", s, x.Value, x.Decimals, r.Lo, r.Hi)
	}
	// Output:
	// "−0.18": -0.18, 2 decimals, stands for [-0.185, -0.175]
	// "0,31": 0.31, 2 decimals, stands for [0.305, 0.315]
	// ".036": 0.036, 3 decimals, stands for [0.0355, 0.0365]
	// "d = 0.45": 0.45, 2 decimals, stands for [0.445, 0.455]
	// "g = −1.2e-1": -0.12, 2 decimals, stands for [-0.125, -0.115]
}

// A batch of extracted rows, written as a Markdown table for a review.
func ExampleCheckRows() {
	in := `study,m1,sd1,n1,m2,sd2,n2,g,ci,items,test
Alpha 2019,38.2,9.1,45,42.7,10.3,47,-0.46,(-0.88 to -0.05),,"t(90) = -2.22, p = .029"
Beta 2020,5.21,1.6,28,5.19,1.2,28,0.02,,1,
`
	tb, err := check.ReadCSV(strings.NewReader(in), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	res := check.CheckRows(tb.Rows, nil)
	check.WriteMarkdown(os.Stdout, tb, res)
	// Output:
	// | Line | study | Effect size | CI (Wald) | CI (exact) | GRIM / GRIMMER | p value | Notes |
	// |---|---|---|---|---|---|---|---|
	// | 2 | Alpha 2019 | consistent: d (pooled SD); g (exact J); g (approx. J); d (average SD) | consistent: d (pooled SD) [Wald]; g (exact J) [Wald]; g (exact J) [Wald (LS2)]; g (approx. J) [Wald]; g (approx. J) [Wald (LS2)]; d (average SD) [Wald] | consistent: d (pooled SD) [noncentral t]; g (exact J) [noncentral t]; g (approx. J) [noncentral t] |  | consistent (computed p = 0.0289308) |  |
	// | 3 | Beta 2020 | consistent: d (pooled SD); g (exact J); g (approx. J); Glass (control SD); Glass (intervention SD); d (average SD) | not checkable: missing ci | not checkable: missing ci | arm 1: consistent / consistent; arm 2: inconsistent (GRIM) / inconsistent (GRIM) |  |  |
}

// A CI printed for Glass's Δ (the control arm's SD as standardizer): the
// exact interval of effectsize's glass_delta (Algina, Keselman & Penfield
// 2006) is reproduced by a point of the rounding box, the Wald one (metafor
// SMD1) is not; the interval depends on the SD ratio, which is searched.
func ExampleSMD_glass() {
	r, err := check.SMD(check.SMDInput{
		Treat:   check.Arm{Mean: "12.0", SD: "4.0", N: "50"},
		Control: check.Arm{Mean: "10.0", SD: "2.0", N: "50"},
		Effect:  "1.00", CI: "(0.34 to 1.65)",
	}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("effect:", r.Effect.String())
	fmt.Println("Wald:  ", r.Wald.String())
	fmt.Println("exact: ", r.Exact.String())
	// Output:
	// effect: consistent: Glass (control SD)
	// Wald:   inconsistent: closest Glass (control SD) [Wald], gap 0.15 (gross)
	// exact:  consistent: Glass (control SD) [noncentral t]
}
