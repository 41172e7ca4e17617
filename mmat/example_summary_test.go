package mmat_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/tiesproject/ties/mmat"
)

func ExampleBands_Label() {
	for _, p := range []float64{40, 60, 100} {
		stars, _ := mmat.Stars.Label(p)
		level, _ := mmat.ThreeLevel.Label(p)
		fmt.Printf("%3.0f%% %-5s %s\n", p, stars, level)
	}
	// Output:
	//  40% **    Low
	//  60% ***   Moderate
	// 100% ***** High
}

func ExampleWriteMarkdown() {
	apps, _ := mmat.ReadLong(strings.NewReader(longCSV), nil)
	ts, _ := mmat.SummarizeByType(apps, nil)
	_ = mmat.WriteMarkdown(os.Stdout, ts[:1], &mmat.MarkdownOptions{MaxWeaknesses: 1, ListStudies: true})
	// Output:
	// | Study type | Studies | Study IDs | Screened out | Main weaknesses (criteria not met or can't tell) |
	// |---|---:|---|---:|---|
	// | Quantitative randomized controlled trials | 1 | Befriending RCT | 0 | 2.3 Complete outcomes: 1 No of 1 |
}

func ExampleSummarize() {
	apps, _ := mmat.ReadLong(strings.NewReader(longCSV), nil)
	for _, s := range mmat.Summarize(apps, nil) {
		fmt.Printf("%s: %d met of %d, screened out %v\n", s.Study, s.Met, s.Criteria, s.ScreenedOut)
	}
	// Output:
	// Befriending RCT: 3 met of 5, screened out false
	// Peer support pilot: 2 met of 5, screened out false
	// Opinion piece: 0 met of 5, screened out true
}

func ExampleAtMostNotMet() {
	apps, _ := mmat.ReadLong(strings.NewReader(longCSV), nil)
	fmt.Println(mmat.Kept(mmat.Select(apps, mmat.AtMostNotMet(3), nil)))
	// Output:
	// [Befriending RCT Peer support pilot]
}

func ExampleMinPercentMet() {
	apps, _ := mmat.ReadLong(strings.NewReader(longCSV), nil)
	fmt.Println(mmat.Kept(mmat.Select(apps, mmat.MinPercentMet(60), nil)))
	// Output:
	// [Befriending RCT]
}

func ExampleKept() {
	apps, _ := mmat.ReadLong(strings.NewReader(longCSV), nil)
	sel := mmat.Select(apps, mmat.MinPercentMet(40), nil)
	for _, s := range sel {
		fmt.Println(s.Summary.Study, s.Keep)
	}
	fmt.Println(mmat.Kept(sel))
	// Output:
	// Befriending RCT true
	// Peer support pilot true
	// Opinion piece false
	// [Befriending RCT Peer support pilot]
}

func ExampleCountCriteria() {
	apps, _ := mmat.ReadLong(strings.NewReader(longCSV), nil)
	for _, c := range mmat.CountCriteria(apps[:2], &mmat.GridOptions{OmitScreening: true})[:3] {
		fmt.Printf("%s: %d Yes, %d No, %d Can't tell, %d not rated\n", c.Criterion.ID, c.Yes, c.No, c.CantTell, c.NotRated)
	}
	// Output:
	// 2.1: 1 Yes, 0 No, 0 Can't tell, 0 not rated
	// 2.2: 1 Yes, 0 No, 0 Can't tell, 0 not rated
	// 2.3: 0 Yes, 1 No, 0 Can't tell, 0 not rated
}

func ExampleCriterionCount_Rated() {
	c := mmat.CriterionCount{Yes: 5, No: 2, CantTell: 1, NotRated: 2}
	fmt.Println(c.Rated())
	// Output:
	// 8
}

func ExampleCriterionCount_Count() {
	c := mmat.CriterionCount{Yes: 5, No: 2, CantTell: 1, NotRated: 2}
	fmt.Println(c.Count(mmat.No), c.Count(mmat.NotRated))
	// Output:
	// 2 2
}

func ExampleCriterionCount_Share() {
	c := mmat.CriterionCount{Yes: 5, No: 2, CantTell: 1, NotRated: 2}
	fmt.Printf("%.3f %.3f\n", c.Share(mmat.Yes), c.Share(mmat.CantTell))
	// Output:
	// 0.625 0.125
}

func ExampleCriterionCount_NotMet() {
	c := mmat.CriterionCount{Yes: 5, No: 2, CantTell: 1, NotRated: 2}
	fmt.Println(c.NotMet())
	// Output:
	// 3
}

// A published table without screening rows and with 5.5 left to the
// component ratings: ValidateOptions says so to Validate.
func ExampleValidateOptions() {
	a := mmat.Appraisal{Study: "Lee 2021", Category: mmat.MixedMethods, Component: mmat.NonRandomized}
	for _, id := range []string{"1.1", "1.2", "1.3", "1.4", "1.5", "3.1", "3.2", "3.3", "3.4", "3.5", "5.1", "5.2", "5.3", "5.4"} {
		a.Set(id, mmat.Yes, "")
	}
	a.Set("3.4", mmat.No, "no adjustment for baseline loneliness")
	_, err := a.Validate(&mmat.ValidateOptions{ScreeningOptional: true, Derive55: true})
	fmt.Println(err)
	s := a.Summary(&mmat.SummaryOptions{ScreeningOptional: true, Derive55: true, MixedScore: mmat.MixedAll})
	fmt.Printf("%d of %d met (%.0f%%)\n", s.Met, s.Criteria, s.PercentMet)
	// Output:
	// <nil>
	// 13 of 15 met (87%)
}

// Screened-out studies are only listed unless the tallies are asked to
// count them too.
func ExampleTypeSummaryOptions() {
	apps, _ := mmat.ReadLong(strings.NewReader(longCSV), nil)
	for _, o := range []*mmat.TypeSummaryOptions{nil, {IncludeScreenedOut: true}} {
		ts, _ := mmat.SummarizeByType(apps, o)
		last := ts[len(ts)-1]
		fmt.Printf("%s: studies %v, screened out %v\n", last.Category, last.Studies, last.ScreenedOut)
	}
	// Output:
	// Quantitative descriptive: studies [], screened out [Opinion piece]
	// Quantitative descriptive: studies [Opinion piece], screened out [Opinion piece]
}
