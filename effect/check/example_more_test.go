package check_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/tiesproject/ties/effect/check"
)

const extraction = `study,m1,sd1,n1,m2,sd2,n2,g,ci,measure
Alpha 2019,38.2,9.1,45,42.7,10.3,47,-0.46,(-0.88 to -0.05),g
Beta 2020,14.8,5.2,60,13.1,5.9,58,0.62,0.1–0.9,d
`

// Reading an extraction sheet: each row keeps its physical line in the
// file (the header is line 1).
func ExampleReadCSV() {
	tb, err := check.ReadCSV(strings.NewReader(extraction), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range tb.Rows {
		fmt.Println(r.Line, r.Record[0], r.SMD.Effect, r.SMD.CI)
	}
	// A file separated by semicolons read as commas: the error lists the
	// headings and suggests the option.
	_, err = check.ReadCSV(strings.NewReader("study;m1;sd1\nA;1,2;0,5\n"), &check.ReadOptions{Comma: ','})
	fmt.Println(err)
	// Output:
	// 2 Alpha 2019 -0.46 (-0.88 to -0.05)
	// 3 Beta 2020 0.62 0.1–0.9
	// check: line 1: header: no column that ReadCSV reads (m1, sd1, n1, m2, sd2, n2, effect (d, g, smd, es), ci, ci_lower, ci_upper, level, measure, items, scale_min, scale_max, test, tails); headings found: "study;m1;sd1"; a heading holds ';': if the file is separated by semicolons, set ReadOptions.Comma = ';'
}

// WriteCSV appends the verdict columns to the input's, keeping the input's
// delimiter and decimal mark.
func ExampleWriteCSV() {
	in := "study;m1;sd1;n1;m2;sd2;n2;d\nA;38,2;9,1;45;42,7;10,3;47;-0,64\n"
	tb, err := check.ReadCSV(strings.NewReader(in), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	if err := check.WriteCSV(&b, tb, check.CheckRows(tb.Rows, nil)); err != nil {
		fmt.Println(err)
		return
	}
	lines := strings.Split(b.String(), "\n")
	fmt.Println(strings.Join(strings.Split(lines[0], ";")[:13], ";"))
	fmt.Println(strings.Join(strings.Split(lines[1], ";")[:13], ";"))
	// Output:
	// study;m1;sd1;n1;m2;sd2;n2;d;effect_verdict;effect_matches;effect_closest;effect_gap;effect_gross
	// A;38,2;9,1;45;42,7;10,3;47;-0,64;inconsistent;;Glass (intervention SD);0,127;true
}

// WriteMarkdown writes one table row per input row, numbered by file line.
func ExampleWriteMarkdown() {
	tb, _ := check.ReadCSV(strings.NewReader("study,m1,sd1,n1,m2,sd2,n2,d\nA,5.21,1.6,28,5.19,1.2,28,0.02\n"), nil)
	check.WriteMarkdown(os.Stdout, tb, check.CheckRows(tb.Rows, nil))
	// Output:
	// | Line | study | Effect size | CI (Wald) | CI (exact) | GRIM / GRIMMER | p value | Notes |
	// |---|---|---|---|---|---|---|---|
	// | 2 | A | consistent: d (pooled SD); g (exact J); g (approx. J); Glass (control SD); Glass (intervention SD); d (average SD) | not checkable: missing ci | not checkable: missing ci |  |  |  |
}

func ExampleResultColumns() {
	fmt.Println(check.ResultColumns()[:4])
	// Output:
	// [effect_verdict effect_matches effect_closest effect_gap]
}

// One row checked on its own; an unreadable CI does not stop the check of
// the effect size.
func ExampleCheckRow() {
	row := check.Row{SMD: check.SMDInput{
		Treat:   check.Arm{Mean: "38.2", SD: "9.1", N: "45"},
		Control: check.Arm{Mean: "42.7", SD: "10.3", N: "47"},
		Effect:  "-0.46", CI: "(-0.88 to", Measure: "g",
	}}
	r := check.CheckRow(row, nil)
	fmt.Println(r.SMD.Effect)
	fmt.Println(r.SMD.Wald)
	fmt.Println(r.Err)
	// Output:
	// consistent: d (pooled SD); g (exact J); g (approx. J); d (average SD)
	// not checkable: error in ci
	// check: ci = "(-0.88 to": upper end: empty
}

func ExampleRowResult_String() {
	tb, _ := check.ReadCSV(strings.NewReader("study,m1,sd1,n1,m2,sd2,n2,d,test\nA,6.0,1.0,20,5.0,1.0,20,1.00,\"t(38) = 3.16, p = .003\"\n"), nil)
	fmt.Println(check.CheckRows(tb.Rows, nil)[0])
	// Output:
	// line 2; effect: consistent: d (pooled SD); g (exact J); g (approx. J); Glass (control SD); Glass (intervention SD); d (average SD); CI (Wald): not checkable: missing ci; CI (exact): not checkable: missing ci; p: consistent (computed p = 0.00309)
}

func ExampleSMDResult_String() {
	r, _ := check.SMD(check.SMDInput{
		Treat: check.Arm{Mean: "6.0", SD: "1.0", N: "20"}, Control: check.Arm{Mean: "5.0", SD: "1.0", N: "20"},
		Effect: "1.50",
	}, nil)
	fmt.Println(r)
	// Output:
	// effect: inconsistent: closest d (pooled SD), gap 0.337 (gross); CI (Wald): not checkable: missing ci; CI (exact): not checkable: missing ci
}

// The gap against the convention the paper names and the plain difference
// Gøtzsche et al. (2007) measured.
func ExampleFinding_String() {
	r, _ := check.SMD(check.SMDInput{
		Treat: check.Arm{Mean: "14.8", SD: "5.2", N: "60"}, Control: check.Arm{Mean: "13.1", SD: "5.9", N: "58"},
		Effect: "0.62", Measure: "d",
	}, nil)
	f := r.Effect
	fmt.Println(f)
	fmt.Printf("as labelled, %s: gap %.3f; |recomputed − reported| = %.3f\n", f.Named, f.NamedGap, f.Diff)
	// Output:
	// inconsistent: closest Glass (intervention SD), gap 0.265 (gross)
	// as labelled, d (pooled SD): gap 0.288; |recomputed − reported| = 0.314
}

// A CI whose ends are each reachable from the rounding box, but not both
// from one point of it.
func ExampleFinding_separately() {
	r, _ := check.SMD(check.SMDInput{
		Treat: check.Arm{Mean: "1.5", SD: "2", N: "30"}, Control: check.Arm{Mean: "1.0", SD: "2", N: "30"},
		CI: "(-0.35 to 0.91)",
	}, nil)
	fmt.Println(r.Wald.Separately)
	fmt.Println(r.Wald)
	// Output:
	// true
	// inconsistent: closest d (pooled SD) [Wald], each end is reachable alone but not both from one point of the rounding box
}

func ExampleMatch_String() {
	m := check.Match{Convention: check.Convention{Standardizer: check.ExactG}}
	fmt.Println(m)
	// Output:
	// g (exact J)
}

func ExampleConventions() {
	cs := check.Conventions()
	fmt.Println(len(cs), cs[0], "|", cs[len(cs)-1])
	// Output:
	// 24 d (pooled SD) | d (average SD), sign flipped, SE taken as SD
}

func ExampleConvention_String() {
	fmt.Println(check.Convention{Standardizer: check.GlassControl, Flipped: true})
	// Output:
	// Glass (control SD), sign flipped
}

func ExampleStandardizer_String() {
	fmt.Println(check.ApproxG)
	// Output:
	// g (approx. J)
}

func ExampleStandardizer_Measure() {
	fmt.Println(check.AverageD.Measure())
	// Output:
	// SMD (heteroscedastic)
}

func ExampleVerdict_String() {
	fmt.Println(check.Consistent, "/", check.Inconsistent, "/", check.NotCheckable)
	// Output:
	// consistent / inconsistent / not checkable
}

func ExampleWaldVariance_String() {
	fmt.Println(check.LS, "/", check.LS2, "/", check.Shortcut)
	// Output:
	// Wald / Wald (LS2) / Wald (no d² term)
}

func ExampleGRIMResult_String() {
	r, _ := check.GRIMMER("2.0", "1.0", 5, 1, check.ScaleRange{Min: 1, Max: 5, Set: true})
	fmt.Println(r)
	r, _ = check.GRIMMER("1.6", "1.1", 5, 1, check.ScaleRange{Min: 1, Max: 7, Set: true})
	fmt.Println(r)
	// Output:
	// consistent (exact, e.g. 1 1 2 3 3)
	// inconsistent (no data set)
}

func ExamplePCheck_String() {
	pc, _ := check.P("t(28) = 1.80, p < .04", 0, nil)
	fmt.Println(pc)
	// Output:
	// inconsistent (computed p = 0.0826; decision error)
}

// A printed number stands for the closed range of values that round to it.
func ExampleNumber_Range() {
	x, _ := check.ParseNumber("−0.00")
	fmt.Println(x.Range())
	// Output:
	// {-0.005 0}
}

func ExampleRange_Contains() {
	x, _ := check.ParseNumber("0.46")
	fmt.Println(x.Range().Contains(0.455), x.Range().Contains(0.4651))
	// Output:
	// true false
}

func ExampleRange_Gap() {
	a, _ := check.ParseNumber("0.46")
	b, _ := check.ParseNumber("0.50")
	fmt.Printf("%.3f\n", a.Range().Gap(b.Range()))
	// Output:
	// 0.030
}

// The CI findings too give the gap against the labelled measure and the
// plain difference at the printed summaries.
func ExampleFinding_named() {
	r, _ := check.SMD(check.SMDInput{
		Treat: check.Arm{Mean: "14.8", SD: "5.2", N: "60"}, Control: check.Arm{Mean: "13.1", SD: "5.9", N: "58"},
		Effect: "0.62", CI: "0.1–0.9", Measure: "d",
	}, nil)
	for _, f := range []check.Finding{r.Effect, r.Wald, r.Exact} {
		fmt.Printf("%s: gap %.3f; plain difference %.3f\n", f.Named, f.NamedGap, f.Diff)
	}
	// Output:
	// d (pooled SD): gap 0.288; plain difference 0.314
	// d (average SD) [Wald]: gap 0.157; plain difference 0.231
	// d (pooled SD) [noncentral t]: gap 0.160; plain difference 0.232
}
