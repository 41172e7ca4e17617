package golden_test

import (
	"fmt"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

// exampleT stands in for the *testing.T of a test: it prints what a test
// would report. (An Example has no *testing.T; embedding testing.TB
// satisfies the interface and the methods below are the ones golden
// calls.)
type exampleT struct{ testing.TB }

func (exampleT) Helper() {}

func (exampleT) Errorf(format string, args ...any) { fmt.Printf("FAIL: "+format+"\n", args...) }

func (exampleT) Fatalf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }

func ExampleReadCSV() {
	var t exampleT // in a test: the test's *testing.T
	for _, rec := range golden.ReadCSV(t, "testdata/example.csv") {
		fmt.Println(rec.Line, rec.String(t, "measure"), rec.Float(t, "value"), rec.Int(t, "n"))
	}
	// Output:
	// 3 g -0.4567 40
	// 4 OR NaN 120
}

func ExampleRecord_String() {
	var t exampleT
	rec := golden.ReadCSV(t, "testdata/example.csv")[0]
	fmt.Printf("%q\n", rec.String(t, "measure"))
	// Output:
	// "g"
}

func ExampleRecord_Float() {
	var t exampleT
	recs := golden.ReadCSV(t, "testdata/example.csv")
	// R's NA is read as NaN.
	fmt.Println(recs[0].Float(t, "value"), recs[1].Float(t, "value"))
	// Output:
	// -0.4567 NaN
}

func ExampleRecord_Int() {
	var t exampleT
	rec := golden.ReadCSV(t, "testdata/example.csv")[1]
	fmt.Println(rec.Int(t, "n"))
	// Output:
	// 120
}

func ExampleRecord_Has() {
	var t exampleT
	rec := golden.ReadCSV(t, "testdata/example.csv")[0]
	fmt.Println(rec.Has("value"), rec.Has("se"))
	// Output:
	// true false
}

func ExampleRecord_Where() {
	var t exampleT
	rec := golden.ReadCSV(t, "testdata/example.csv")[1]
	fmt.Println(rec.Where())
	// Output:
	// testdata/example.csv:4
}

func ExampleEqual() {
	// Either tolerance suffices: 1e-9 apart is within rel 1e-8 of 1, and
	// 0.004 apart is within abs 0.005.
	fmt.Println(golden.Equal(1+1e-9, 1, 1e-8, 0), golden.Equal(0.104, 0.1, 0, 0.005), golden.Equal(0.11, 0.1, 1e-8, 0.005))
	// Output:
	// true true false
}

func ExampleClose() {
	var t exampleT
	rec := golden.ReadCSV(t, "testdata/example.csv")[0]
	golden.Close(t, rec.Where()+" g", -0.45671, rec.Float(t, "value"), 1e-6, 0)
	golden.Close(t, rec.Where()+" g", -0.45670000001, rec.Float(t, "value"), 1e-6, 0)
	// Output:
	// FAIL: testdata/example.csv:3 g: got -0.45671, want -0.45669999999999999 (abs diff 1e-05, rel 2.19e-05; tol rel 1e-06 abs 0)
}
