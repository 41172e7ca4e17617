package mmat_test

import (
	"fmt"
	"strings"

	"github.com/tiesproject/ties/mmat"
)

// Both raters' appraisals in one long file, split by rater.
// By hand: the table (rows R1, columns R2; Yes, Can't tell, No) has 3 Yes/Yes
// and 1 No/Can't tell, so p_o = 0.75, p_e = 0.5625, kappa = 0.1875/0.4375.
func ExampleAgreeRaters() {
	const in = `study,rater,category,criterion,answer
A,R1,2,2.1,Y
A,R1,2,2.2,N
B,R1,2,2.1,Y
B,R1,2,2.2,Y
A,R2,2,2.1,Y
A,R2,2,2.2,CT
B,R2,2,2.1,Y
B,R2,2,2.2,Y
`
	apps, _ := mmat.ReadLong(strings.NewReader(in), nil)
	rep, err := mmat.AgreeRaters(apps, "R1", "R2", &mmat.AgreementOptions{Weights: mmat.Linear})
	if err != nil {
		fmt.Println(err)
		return
	}
	o := rep.Overall
	fmt.Printf("%d pairs, %.0f%% agreement, kappa %.3f, linear weighted kappa %.3f\n",
		o.N, o.PercentAgreement, o.Kappa.Value, o.Weighted.Value)
	// Output:
	// 4 pairs, 75% agreement, kappa 0.429, linear weighted kappa 0.600
}

func ExampleWeights_String() {
	fmt.Println(mmat.Unweighted, mmat.Linear, mmat.Quadratic)
	// Output:
	// unweighted linear quadratic
}

func ExampleWeightMatrix() {
	w, _ := mmat.WeightMatrix(3, mmat.Quadratic)
	fmt.Println(w)
	// Output:
	// [[1 0.75 0] [0.75 1 0.75] [0 0.75 1]]
}

// AC1 stays defined where kappa is not: both raters answered Yes to all
// 12 pairs, so the expected agreement of kappa is 1.
func ExampleAC1Table() {
	table := [][]float64{{12, 0, 0}, {0, 0, 0}, {0, 0, 0}}
	k, _ := mmat.KappaTable(table, nil, nil)
	ac1, _ := mmat.AC1Table(table, &mmat.AgreementOptions{Level: 0.90})
	fmt.Printf("kappa %v (%v)\n", k.Value, k.Err != nil)
	fmt.Printf("AC1 %.3f, 90%% CI %.3f to %.3f\n", ac1.Value, ac1.CI.Lower, ac1.CI.Upper)
	// Output:
	// kappa NaN (true)
	// AC1 1.000, 90% CI 1.000 to 1.000
}

func ExampleCoefficient_String() {
	table := [][]float64{{22, 2, 1}, {3, 4, 1}, {1, 1, 5}}
	k, _ := mmat.KappaTable(table, nil, nil)
	fmt.Println("kappa", k)
	small, _ := mmat.KappaTable([][]float64{{1, 2}, {2, 1}}, nil, &mmat.AgreementOptions{Level: 0.9})
	fmt.Println("kappa", small)
	one, _ := mmat.KappaTable([][]float64{{12, 0}, {0, 0}}, nil, nil)
	fmt.Println("kappa", one)
	// Output:
	// kappa 0.57 (95% CI 0.34 to 0.81)
	// kappa −0.33 (90% CI −0.97 to 0.30)
	// kappa undefined
}
