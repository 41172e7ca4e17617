package mmat_test

import (
	"encoding/json"
	"fmt"

	"github.com/tiesproject/ties/mmat"
)

func ExampleAnswers() {
	for _, a := range mmat.Answers() {
		fmt.Printf("%s %s %s\n", a, a.Code(), a.Symbol())
	}
	// Output:
	// Yes Y +
	// Can't tell CT ?
	// No N -
}

func ExampleAnswer_Valid() {
	fmt.Println(mmat.Yes.Valid(), mmat.NotRated.Valid(), mmat.Answer(9).Valid())
	// Output:
	// true false false
}

func ExampleAnswer_String() {
	fmt.Printf("%q %q %q\n", mmat.CantTell.String(), mmat.NotRated.String(), mmat.Answer(9).String())
	// Output:
	// "Can't tell" "" "Answer(9)"
}

func ExampleAnswer_Code() {
	fmt.Println(mmat.Yes.Code(), mmat.No.Code(), mmat.CantTell.Code())
	// Output:
	// Y N CT
}

// The grid symbols read back as the same answers: "-" is No.
func ExampleAnswer_Symbol() {
	for _, a := range mmat.Answers() {
		back, err := mmat.ParseAnswer(a.Symbol())
		fmt.Printf("%s -> %q -> %s %v\n", a, a.Symbol(), back, err)
	}
	// Output:
	// Yes -> "+" -> Yes <nil>
	// Can't tell -> "?" -> Can't tell <nil>
	// No -> "-" -> No <nil>
}

func ExampleAnswer_MarshalText() {
	b, err := json.Marshal(map[string]mmat.Answer{"2.1": mmat.CantTell})
	fmt.Println(string(b), err)
	// Output:
	// {"2.1":"Can't tell"} <nil>
}

func ExampleAnswer_UnmarshalText() {
	var a mmat.Answer
	err := a.UnmarshalText([]byte("cannot tell"))
	fmt.Println(a, err)
	// Output:
	// Can't tell <nil>
}

func ExampleAppraisal_Set() {
	var a mmat.Appraisal
	a.Set("2.3", mmat.No, "62% followed up")
	fmt.Printf("%+v\n", a.Ratings["2.3"])
	// Output:
	// {Answer:No Comment:62% followed up}
}

func ExampleAppraisal_Answer() {
	a := mmat.Appraisal{Study: "Smith 2019", Category: mmat.RCT}
	a.Set("2.1", mmat.Yes, "")
	fmt.Printf("%q %q\n", a.Answer("2.1"), a.Answer("2.2"))
	// Output:
	// "Yes" ""
}

func ExampleAppraisal_Blocks() {
	a := mmat.Appraisal{Study: "Peer support evaluation", Category: mmat.MixedMethods, Component: mmat.Descriptive}
	fmt.Println(a.Blocks())
	// Output:
	// [Qualitative Quantitative descriptive Mixed methods]
}

func ExampleAppraisal_Criteria() {
	a := mmat.Appraisal{Study: "Interview study", Category: mmat.Qualitative}
	for _, c := range a.Criteria() {
		fmt.Print(c.ID, " ")
	}
	fmt.Println()
	// Output:
	// S1 S2 1.1 1.2 1.3 1.4 1.5
}

func ExampleAppraisal_ScreenedOut() {
	a := mmat.Appraisal{Study: "Opinion piece", Category: mmat.Descriptive}
	a.Set("S1", mmat.No, "not empirical")
	fmt.Println(a.ScreenedOut())
	// Output:
	// true
}

func ExampleAppraisal_Summary() {
	a := mmat.Appraisal{Study: "Befriending RCT", Category: mmat.RCT}
	for id, ans := range map[string]mmat.Answer{"S1": mmat.Yes, "S2": mmat.Yes, "2.1": mmat.Yes,
		"2.2": mmat.Yes, "2.3": mmat.No, "2.4": mmat.CantTell, "2.5": mmat.Yes} {
		a.Set(id, ans, "")
	}
	s := a.Summary(nil)
	fmt.Printf("met %d, not met %d, can't tell %d: %.0f%%\n", s.Met, s.NotMet, s.CantTell, s.PercentMet)
	// Output:
	// met 3, not met 1, can't tell 1: 60%
}
