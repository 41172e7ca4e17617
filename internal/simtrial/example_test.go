package simtrial_test

import (
	"fmt"

	"github.com/tiesproject/ties/internal/simtrial"
)

func ExampleGenerate() {
	d, left := simtrial.Generate(simtrial.Design{
		N: 4, Seed: [2]uint64{1, 2}, ID: "S%d", IDStart: 1,
		Reference: "control", Other: "treat", Visits: []string{"V1", "V2"},
		BaseMean: 10, BaseSD: 2, BaseSlope: 0.5, Intercept: 1, SD: 1,
		Effect: 1, Drop: 0.5,
	})
	fmt.Println(len(d.Outcome), "rows;", len(left), "left")
	fmt.Println(d.Subject[:4], d.Arm[2:4])
	// Output:
	// 8 rows; 2 left
	// [S1 S1 S2 S2] [treat treat]
}

func ExampleBefriending() {
	d, left := simtrial.Befriending()
	fmt.Println(len(d.Outcome), "rows;", len(left), "left; first:", left[0])
	// Output:
	// 120 rows; 9 left; first: {P01 6}
}
