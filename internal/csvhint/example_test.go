package csvhint_test

import (
	"fmt"

	"github.com/tiesproject/ties/internal/csvhint"
)

func ExampleSeparator() {
	fmt.Printf("%q\n", csvhint.Separator([]string{"study;m1;sd1"}, ',', "ReadOptions.Comma"))
	fmt.Printf("%q\n", csvhint.Separator([]string{"id\tvisit"}, ',', ""))
	fmt.Printf("%q\n", csvhint.Separator([]string{"study", "m1"}, ',', "ReadOptions.Comma"))
	// Output:
	// "; a heading holds ';': if the file is separated by semicolons, set ReadOptions.Comma = ';'"
	// "; a heading holds a tab: if the file is separated by tabs, convert it to commas"
	// ""
}
