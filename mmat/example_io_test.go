package mmat_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/tiesproject/ties/mmat"
)

func exampleAppraisals() []mmat.Appraisal {
	a := mmat.Appraisal{Study: "Befriending RCT", Rater: "AB", Category: mmat.RCT}
	a.Set("S1", mmat.Yes, "")
	a.Set("S2", mmat.Yes, "")
	a.Set("2.1", mmat.Yes, "")
	a.Set("2.3", mmat.No, "62% followed up")
	b := mmat.Appraisal{Study: "Peer support pilot", Rater: "AB", Category: mmat.NonRandomized}
	b.Set("3.4", mmat.CantTell, "")
	return []mmat.Appraisal{a, b}
}

func ExampleWriteLong() {
	if err := mmat.WriteLong(os.Stdout, exampleAppraisals()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// study,rater,category,component,criterion,answer,comment
	// Befriending RCT,AB,2,,S1,Yes,
	// Befriending RCT,AB,2,,S2,Yes,
	// Befriending RCT,AB,2,,2.1,Yes,
	// Befriending RCT,AB,2,,2.3,No,62% followed up
	// Peer support pilot,AB,3,,3.4,Can't tell,
}

func ExampleWriteWide() {
	if err := mmat.WriteWide(os.Stdout, exampleAppraisals()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// study,rater,category,component,S1,S2,2.1,2.2,2.3,2.4,2.5,3.1,3.2,3.3,3.4,3.5,2.3 comment
	// Befriending RCT,AB,2,,Yes,Yes,Yes,,No,,,,,,,,62% followed up
	// Peer support pilot,AB,3,,,,,,,,,,,,Can't tell,,
}

func ExampleWriteJSON() {
	if err := mmat.WriteJSON(os.Stdout, exampleAppraisals()[1:]); err != nil {
		fmt.Println(err)
	}
	// Output:
	// [
	//   {
	//     "study": "Peer support pilot",
	//     "rater": "AB",
	//     "category": 3,
	//     "ratings": {
	//       "3.4": {
	//         "answer": "Can't tell"
	//       }
	//     }
	//   }
	// ]
}

func ExampleReadJSON() {
	const in = `[{"study": "Interview study", "category": "Qualitative studies",
	  "ratings": {"1.1": {"answer": "Y"}, "1.4": {"answer": "-", "comment": "few quotations"}}}]`
	apps, err := mmat.ReadJSON(strings.NewReader(in), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	a := apps[0]
	fmt.Println(a.Study, a.Category.Short(), a.Answer("1.1"), a.Answer("1.4"), a.Ratings["1.4"].Comment)
	// Output:
	// Interview study Qualitative Yes No few quotations
}
