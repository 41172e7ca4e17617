package mmat_test

import (
	"fmt"

	"github.com/tiesproject/ties/mmat"
)

func ExampleCategories() {
	for _, c := range mmat.Categories() {
		fmt.Printf("%d %s\n", int(c), c.Short())
	}
	// Output:
	// 1 Qualitative
	// 2 RCT
	// 3 Non-randomized
	// 4 Descriptive
	// 5 Mixed methods
}

func ExampleCategory_Valid() {
	fmt.Println(mmat.RCT.Valid(), mmat.Category(0).Valid(), mmat.Category(6).Valid())
	// Output:
	// true false false
}

func ExampleCategory_Quantitative() {
	fmt.Println(mmat.Descriptive.Quantitative(), mmat.Qualitative.Quantitative())
	// Output:
	// true false
}

func ExampleCategory_String() {
	fmt.Println(mmat.NonRandomized)
	// Output:
	// Quantitative non-randomized
}

func ExampleCategory_Short() {
	fmt.Println(mmat.NonRandomized.Short())
	// Output:
	// Non-randomized
}

// The headings reviews print above their per-type tables.
func ExampleParseCategory() {
	for _, s := range []string{"Randomised controlled trials", "RCTs", "Qualitative studies",
		"non-randomised", "Mixed methods studies", "Cohort"} {
		c, err := mmat.ParseCategory(s)
		fmt.Printf("%-30q %d %v\n", s, int(c), err != nil)
	}
	// Output:
	// "Randomised controlled trials" 2 false
	// "RCTs"                         2 false
	// "Qualitative studies"          1 false
	// "non-randomised"               3 false
	// "Mixed methods studies"        5 false
	// "Cohort"                       0 true
}

func ExampleCriterion_Screening() {
	s1, _ := mmat.Lookup("S1")
	c, _ := mmat.Lookup("2.4")
	fmt.Println(s1.Screening(), c.Screening())
	// Output:
	// true false
}

func ExampleAllCriteria() {
	all := mmat.AllCriteria()
	fmt.Println(len(all), all[0].ID, all[len(all)-1].ID)
	// Output:
	// 27 S1 5.5
}

func ExampleLookup() {
	c, ok := mmat.Lookup("2.4")
	fmt.Println(ok, c.Category.Short(), c.Label)
	_, ok = mmat.Lookup("Q2.4") // exact identifiers only; the readers accept "Q2.4"
	fmt.Println(ok)
	// Output:
	// true RCT Blinded assessors
	// false
}

func ExampleCategoryCriteria() {
	for _, c := range mmat.CategoryCriteria(mmat.Descriptive) {
		fmt.Printf("%s %s\n", c.ID, c.Label)
	}
	// Output:
	// 4.1 Sampling
	// 4.2 Representative
	// 4.3 Measurements
	// 4.4 Non-response
	// 4.5 Analysis
}

func ExampleScreeningCriteria() {
	for _, c := range mmat.ScreeningCriteria() {
		fmt.Printf("%s %s\n", c.ID, c.Label)
	}
	// Output:
	// S1 Clear questions
	// S2 Data fit questions
}
