package mmat_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/tiesproject/ties/mmat"
)

func ExampleParseAnswer() {
	for _, s := range []string{"Y", "cannot tell", "Can’t tell", "Unclear", "Partial"} {
		a, err := mmat.ParseAnswer(s)
		fmt.Printf("%q -> %q %v\n", s, a, err)
	}
	// Output:
	// "Y" -> "Yes" <nil>
	// "cannot tell" -> "Can't tell" <nil>
	// "Can’t tell" -> "Can't tell" <nil>
	// "Unclear" -> "Can't tell" <nil>
	// "Partial" -> "" mmat: answer = "Partial": invalid answer (use Yes, No or Can't tell, or map the spelling with ReadOptions.Aliases)
}

func ExampleAppraisal_Validate() {
	a := mmat.Appraisal{Study: "Smith 2019", Rater: "AB", Category: mmat.RCT}
	a.Set("S1", mmat.Yes, "")
	a.Set("S2", mmat.Yes, "")
	a.Set("2.1", mmat.Yes, "computer-generated sequence")
	a.Set("2.2", mmat.CantTell, "baseline table lacks loneliness scores")
	a.Set("3.1", mmat.Yes, "")
	_, err := a.Validate(nil)
	fmt.Println(err)
	// Output:
	// mmat: study Smith 2019, rater AB: 3.1: criterion not in the study's category (criterion of category 3 in a study of category 2)
	// mmat: study Smith 2019, rater AB: 2.3: required criterion not answered
	// mmat: study Smith 2019, rater AB: 2.4: required criterion not answered
	// mmat: study Smith 2019, rater AB: 2.5: required criterion not answered
}

const longCSV = `study,rater,category,component,criterion,answer,comment
Befriending RCT,AB,2,,S1,Yes,
Befriending RCT,AB,2,,S2,Yes,
Befriending RCT,AB,2,,2.1,Yes,
Befriending RCT,AB,2,,2.2,Yes,
Befriending RCT,AB,2,,2.3,No,62% followed up
Befriending RCT,AB,2,,2.4,Can't tell,
Befriending RCT,AB,2,,2.5,Yes,
Peer support pilot,AB,3,,S1,Y,
Peer support pilot,AB,3,,S2,Y,
Peer support pilot,AB,3,,3.1,Y,
Peer support pilot,AB,3,,3.2,Y,
Peer support pilot,AB,3,,3.3,N,
Peer support pilot,AB,3,,3.4,N,no adjustment
Peer support pilot,AB,3,,3.5,CT,
Opinion piece,AB,4,,S1,N,not empirical
Opinion piece,AB,4,,S2,N,
`

func ExampleReadLong() {
	apps, err := mmat.ReadLong(strings.NewReader(longCSV), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range mmat.Summarize(apps, nil) {
		if s.ScreenedOut {
			fmt.Printf("%-18s not appraisable further (screening)\n", s.Study)
			continue
		}
		stars, _ := mmat.Stars.Label(s.PercentMet)
		fmt.Printf("%-18s met %d/%d (%.0f%%) %s\n", s.Study, s.Met, s.Criteria, s.PercentMet, stars)
	}
	// Output:
	// Befriending RCT    met 3/5 (60%) ***
	// Peer support pilot met 2/5 (40%) **
	// Opinion piece      not appraisable further (screening)
}

func ExampleSummarizeByType() {
	apps, _ := mmat.ReadLong(strings.NewReader(longCSV), nil)
	ts, err := mmat.SummarizeByType(apps, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = mmat.WriteMarkdown(os.Stdout, ts, &mmat.MarkdownOptions{MaxWeaknesses: 2})
	// Output:
	// | Study type | Studies | Screened out | Main weaknesses (criteria not met or can't tell) |
	// |---|---:|---:|---|
	// | Quantitative randomized controlled trials | 1 | 0 | 2.3 Complete outcomes: 1 No of 1; 2.4 Blinded assessors: 1 Can't tell of 1 |
	// | Quantitative non-randomized | 1 | 0 | 3.3 Complete outcomes: 1 No of 1; 3.4 Confounders: 1 No of 1 |
	// | Quantitative descriptive | 0 | 1 | none |
}

func ExampleSelect() {
	apps, _ := mmat.ReadLong(strings.NewReader(longCSV), nil)
	// Sensitivity analysis: keep studies with all criteria met but at most two.
	sel := mmat.Select(apps, mmat.AtMostNotMet(2), nil)
	fmt.Println(mmat.Kept(sel))
	// Output:
	// [Befriending RCT]
}

func ExampleKappaTable() {
	// Rows rater A, columns rater B, order Yes, Can't tell, No.
	table := [][]float64{{22, 2, 1}, {3, 4, 1}, {1, 1, 5}}
	k, _ := mmat.KappaTable(table, nil, nil)
	fmt.Printf("kappa %.4f SE %.4f 95%% CI [%.4f, %.4f]\n", k.Value, k.SE, k.CI.Lower, k.CI.Upper)
	w, _ := mmat.WeightMatrix(3, mmat.Quadratic)
	kw, _ := mmat.KappaTable(table, w, nil)
	fmt.Printf("quadratic weighted kappa %.4f SE %.4f\n", kw.Value, kw.SE)
	ac1, _ := mmat.AC1Table(table, nil)
	fmt.Printf("AC1 %.4f SE %.4f\n", ac1.Value, ac1.SE)
	// Output:
	// kappa 0.5740 SE 0.1195 95% CI [0.3398, 0.8081]
	// quadratic weighted kappa 0.6868 SE 0.1225
	// AC1 0.6943 SE 0.0945
}

func ExampleAgree() {
	const two = `study,rater,category,criterion,answer
A,R1,1,1.1,Y
A,R1,1,1.2,Y
A,R1,1,1.3,CT
B,R1,1,1.1,Y
B,R1,1,1.2,N
B,R1,1,1.3,Y
C,R1,1,1.1,Y
C,R1,1,1.2,Y
C,R1,1,1.3,N
A,R2,1,1.1,Y
A,R2,1,1.2,Y
A,R2,1,1.3,CT
B,R2,1,1.1,Y
B,R2,1,1.2,N
B,R2,1,1.3,CT
C,R2,1,1.1,Y
C,R2,1,1.2,Y
C,R2,1,1.3,N
`
	apps, _ := mmat.ReadLong(strings.NewReader(two), nil)
	rep, err := mmat.AgreeRaters(apps, "R1", "R2", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	// Checked with psych 2.2.9: cohen.kappa(matrix(c(5,1,0,0,1,0,0,0,2),3,byrow=TRUE))
	// gives kappa 0.8, SE 0.1846; for 1.3, 0.5.
	o := rep.Overall
	fmt.Printf("pairs %d, not rated by both %d, agreement %.1f%%\n", o.N, o.Excluded, o.PercentAgreement)
	fmt.Printf("kappa %.3f (SE %.3f), AC1 %.3f\n", o.Kappa.Value, o.Kappa.SE, o.AC1.Value)
	for _, c := range rep.ByCriterion[2:5] { // 1.1-1.3 (S1, S2 unanswered)
		fmt.Printf("%s: %.0f%% agreement, kappa %.3f %v\n", c.Criterion, c.PercentAgreement, c.Kappa.Value, c.Kappa.Err)
	}
	// Output:
	// pairs 9, not rated by both 12, agreement 88.9%
	// kappa 0.800 (SE 0.185), AC1 0.847
	// 1.1: 100% agreement, kappa NaN mmat: statistic undefined (expected agreement is 1 (a single category used by both raters): kappa is 0/0)
	// 1.2: 100% agreement, kappa 1.000 <nil>
	// 1.3: 67% agreement, kappa 0.500 <nil>
}

func ExampleNewGrid() {
	apps, _ := mmat.ReadLong(strings.NewReader(longCSV), nil)
	g := mmat.NewGrid(apps[:2], &mmat.GridOptions{OmitScreening: true})
	fmt.Printf("%-18s", "")
	for _, c := range g.Criteria {
		fmt.Printf(" %s", c.ID)
	}
	fmt.Println()
	for i, s := range g.Studies {
		fmt.Printf("%-18s", s)
		for j := range g.Criteria {
			sym := g.Answers[i][j].Symbol()
			if !g.Applies[i][j] {
				sym = "."
			}
			fmt.Printf(" %3s", sym)
		}
		fmt.Println()
	}
	// Output:
	//                    2.1 2.2 2.3 2.4 2.5 3.1 3.2 3.3 3.4 3.5
	// Befriending RCT      +   +   -   ?   +   .   .   .   .   .
	// Peer support pilot   .   .   .   .   .   +   +   -   -   ?
}

// The wide layout reviews publish: one row per study, one column per
// criterion. A cell that is not an MMAT answer is an error naming its row,
// column, study and criterion.
func ExampleReadWide() {
	const wide = "study,category,S1,S2,2.1,2.2,2.3,2.4,2.5\n" +
		"Befriending RCT,2,Y,Y,Y,Y,N,CT,Y\n" +
		"Peer support RCT,2,Y,Y,Y,Y,Y,Y,Y\n"
	apps, err := mmat.ReadWide(strings.NewReader(wide), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range mmat.Summarize(apps, nil) {
		fmt.Printf("%s: %d of %d criteria met\n", s.Study, s.Met, s.Criteria)
	}
	_, err = mmat.ReadWide(strings.NewReader("study,category,2.1\nCohort,2,Partly\n"), nil)
	fmt.Println(err)
	// Output:
	// Befriending RCT: 3 of 5 criteria met
	// Peer support RCT: 5 of 5 criteria met
	// mmat: line 2, column "2.1", study Cohort: 2.1 = "Partly": invalid answer (use Yes, No, Can't tell or a short form (Y, N, CT, +, -, ?); map other spellings with ReadOptions.Aliases)
}
