package plot_test

import (
	"fmt"
	"io"

	"gonum.org/v1/plot/vg"

	"github.com/tiesproject/ties/mmat/prisma"
	"github.com/tiesproject/ties/plot"
)

// The flow of Brooks et al. (2023, BMC Psychiatry 23:486), the review of
// social network interventions this library grew from, as its text
// reports it: 22,367 records identified from databases, 19,575 after
// de-duplication, 841 full texts assessed, 54 studies (in 54 papers)
// included, and searches by other methods. The boxes it does not report
// are unknown and print "n = ?"; none is derived or invented.
func ExamplePRISMA() {
	f := &prisma.Flow{
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
	if _, err := f.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range []vg.Length{8.5 * vg.Centimeter, 17 * vg.Centimeter} {
		fig, h, err := plot.PRISMA(f, &plot.PRISMAOptions{Width: w})
		if err != nil {
			fmt.Println(err)
			return
		}
		// fig.Save("prisma.pdf", w, h) writes the file; here the SVG is
		// rendered and discarded.
		wt, err := fig.WriterTo(w, h, "svg")
		if err == nil {
			_, err = wt.WriteTo(io.Discard)
		}
		fmt.Printf("%.1f cm wide: %.1f cm tall, %v\n", w/vg.Centimeter, h/vg.Centimeter, err)
	}
	_, _, err := plot.PRISMA(f, &plot.PRISMAOptions{Width: 6 * vg.Centimeter})
	fmt.Println(err)
	// Output:
	// 8.5 cm wide: 15.3 cm tall, <nil>
	// 17.0 cm wide: 10.1 cm tall, <nil>
	// plot: PRISMAOptions.Width = "6.0 cm": does not fit: the longest words of the 4 columns of boxes need 6.2 cm at 7 pt and the columns have 4.0 cm; the smallest width that works is 8.2 cm
}
