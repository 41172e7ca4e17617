package prisma_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/tiesproject/ties/mmat/prisma"
)

// brooks is the flow of Brooks et al. (2023, BMC Psychiatry 23:486) as its
// text reports it: 22,367 records identified from databases, 19,575 after
// de-duplication (then screened), 841 full texts assessed, 54 studies
// (54 papers) included, and searches by other methods whose counts are not
// given. Every box the text does not report stays unknown: the number of
// duplicates is not entered as 22,367 − 19,575 because the text does not
// say that nothing else was removed before screening, and the 841 are put
// in the main column although the text does not say how many came from
// other methods.
func brooks() *prisma.Flow {
	return &prisma.Flow{
		Databases: prisma.N(22367),
		Screened:  prisma.N(19575),
		Assessed:  prisma.N(841),
		Other: &prisma.OtherMethods{Sources: []prisma.Source{
			{Name: "Reference lists", N: prisma.Unknown},
			{Name: "Hand-searching of journals", N: prisma.Unknown},
			{Name: "Authors contacted", N: prisma.Unknown},
		}},
		Studies: prisma.N(54),
		Reports: prisma.N(54),
	}
}

func ExampleFlow_Validate() {
	f := brooks()
	warnings, err := f.Validate()
	fmt.Println(len(warnings), err)
	// Had the blanks been read as zeros, the counts would not add up.
	f.Registers, f.Duplicates, f.Automation, f.OtherRemoved = prisma.N(0), prisma.N(0), prisma.N(0), prisma.N(0)
	_, err = f.Validate()
	fmt.Println(err)
	// Output:
	// 0 <nil>
	// prisma: Records screened: records identified = records removed before screening + records screened: Databases 22,367 + Registers 0 = 22,367 ≠ 19,575 = Duplicate records removed 0 + Records marked as ineligible by automation tools 0 + Records removed for other reasons 0 + Records screened 19,575
}

func ExampleFlow_Check() {
	for _, c := range brooks().Check() {
		fmt.Printf("%-12s %s\n", c.Status, c.Identity)
	}
	// Output:
	// not testable records identified = records removed before screening + records screened
	// not testable records excluded ≤ records screened
	// not testable reports sought = reports not retrieved + reports assessed
	// not testable reports excluded ≤ reports assessed
	// not testable reports sought = reports not retrieved + reports assessed (other methods)
	// not testable reports excluded ≤ reports assessed (other methods)
	// not testable reports assessed = reports excluded + reports of included studies
	// not testable reports sought = records screened − records excluded (usually: a record may lead to several reports)
	// holds        studies included ≤ reports of included studies (usually: one report may describe several studies)
	// not testable reports sought ≤ records identified (other methods; usually)
}

func ExampleStatus_String() {
	fmt.Println(prisma.Holds, prisma.Fails, prisma.NotTestable)
	// Output:
	// holds fails not testable
}

func ExampleN() {
	c := prisma.N(22367)
	fmt.Println(c, prisma.Unknown)
	// Output:
	// 22,367 ?
}

func ExampleCount_Known() {
	var f prisma.Flow // every count of a zero Flow is unknown
	fmt.Println(f.Screened.Known(), prisma.N(0).Known())
	// Output:
	// false true
}

func ExampleCount_Value() {
	n, ok := prisma.N(841).Value()
	fmt.Println(n, ok)
	// Output:
	// 841 true
}

func ExampleCount_String() {
	fmt.Println(prisma.N(1234567).String(), prisma.Unknown.String())
	// Output:
	// 1,234,567 ?
}

func ExampleCount_MarshalJSON() {
	b, _ := json.Marshal([]prisma.Count{prisma.N(54), prisma.Unknown})
	fmt.Println(string(b))
	// Output:
	// [54,null]
}

func ExampleCount_UnmarshalJSON() {
	var cs []prisma.Count
	err := json.Unmarshal([]byte(`[19575, null]`), &cs)
	fmt.Println(cs, err)
	// Output:
	// [19,575 ?] <nil>
}

func ExampleWriteJSON() {
	f := prisma.Flow{Databases: prisma.N(120), Registers: prisma.N(0), Duplicates: prisma.N(20), Screened: prisma.N(100),
		Excluded: []prisma.Reason{{Reason: "Wrong population", N: prisma.N(3)}}}
	_ = prisma.WriteJSON(os.Stdout, &f)
	// Output:
	// {
	//   "database_results": 120,
	//   "register_results": 0,
	//   "duplicates": 20,
	//   "excluded_automatic": null,
	//   "excluded_other": null,
	//   "records_screened": 100,
	//   "records_excluded": null,
	//   "dbr_sought_reports": null,
	//   "dbr_notretrieved_reports": null,
	//   "dbr_assessed": null,
	//   "dbr_excluded": [
	//     {
	//       "reason": "Wrong population",
	//       "n": 3
	//     }
	//   ],
	//   "new_studies": null,
	//   "new_reports": null
	// }
}

func ExampleReadJSON() {
	f, err := prisma.ReadJSON(strings.NewReader(`{"database_results": 22367, "records_screened": 19575, "new_studies": 54}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.Databases, f.Registers, f.Screened, f.Studies)
	_, err = prisma.ReadJSON(strings.NewReader(`{"records_sreened": 19575}`))
	fmt.Println(err)
	// Output:
	// 22,367 ? 19,575 54
	// prisma: json: unknown field "records_sreened"
}

// The flow moves to the PRISMA2020 R package and its Shiny app as their
// template CSV (one row per count; "?" where a count is unknown).
func ExampleWriteCSV() {
	var b strings.Builder
	if err := prisma.WriteCSV(&b, brooks()); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "database_results,") || strings.HasPrefix(line, "website_results,") ||
			strings.HasPrefix(line, "records_screened,") || strings.HasPrefix(line, "new_studies,") {
			fmt.Println(line)
		}
	}
	// Output:
	// database_results,node7,box2,Records identified from: Databases,Databases,Records identified from: Databases and Registers,database_results.html,22367
	// website_results,node17,box11,Records identified from: Websites,Reference lists,"Records identified from: Websites, Organisations and Citation Searching",website_results.html,?
	// records_screened,node9,box4,Records screened (databases and registers),Records screened,Records screened (databases and registers),records_screened.html,19575
	// new_studies,node15,box10,New studies included in review,Studies included in review,New studies included in review,new_studies.html,54
}

// A file downloaded from the PRISMA2020 Shiny app reads back with its
// reasons; Validate then checks what the app does not.
func ExampleReadCSV() {
	const in = `data,node,box,description,boxtext,tooltips,url,n
database_results,node7,box2,,Databases,,,"1,200"
register_results,NA,box2,,Registers,,,0
duplicates,node8,box3,,Duplicate records,,,200
records_screened,node9,box4,,Records screened,,,"1,000"
records_excluded,node10,box5,,Records excluded,,,900
dbr_sought_reports,node11,box6,,Reports sought for retrieval,,,100
dbr_notretrieved_reports,node12,box7,,Reports not retrieved,,,5
dbr_assessed,node13,box8,,Reports assessed for eligibility,,,95
dbr_excluded,node14,box9,,Reports excluded,,,"Wrong population, 40; Not an intervention, 35"
new_studies,node15,box10,,Studies included in review,,,18
new_reports,NA,box10,,Reports of included studies,,,21
`
	f, err := prisma.ReadCSV(strings.NewReader(in))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.Databases, f.Excluded)
	_, err = f.Validate()
	fmt.Println(err)
	// Output:
	// 1,200 [{Wrong population 40} {Not an intervention 35}]
	// prisma: Reports of included studies: reports assessed = reports excluded + reports of included studies: Reports assessed for eligibility 95 = 95 ≠ 96 = Reports excluded: Wrong population 40 + Reports excluded: Not an intervention 35 + Reports of included studies 21
}
