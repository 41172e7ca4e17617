package suggest_test

import (
	"fmt"

	"github.com/tiesproject/ties/internal/suggest"
)

func ExampleDistance() {
	fmt.Println(suggest.Distance("records_screend", "records_screened"))
	fmt.Println(suggest.Distance("kitten", "sitting"))
	fmt.Println(suggest.Distance("", "ucla3"))
	// Output:
	// 1
	// 3
	// 5
}
