package mmrm

import (
	"encoding/csv"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/tiesproject/ties/internal/cputime"
)

var writeBench = flag.String("mmrm.writebench", "", "directory to write the benchmark data sets to (for the R timing script)")

// benchScenario is a trial with t visits, AR(0.6) correlation, variances
// rising over visits, 10% dropout per visit depending on the outcome.
func benchScenario(n, t int) Scenario {
	s := Scenario{Subjects: n, BaselineMean: 20, BaselineSD: 5, BaselineSlope: 0.6, Dropout: 0.08, DropoutSlope: 0.5}
	sig := mat.NewSymDense(t, nil)
	for i := 0; i < t; i++ {
		s.Visits = append(s.Visits, fmt.Sprintf("V%02d", i+1))
		s.ControlMean = append(s.ControlMean, 20-0.3*float64(i))
		s.Effect = append(s.Effect, -0.2*float64(i+1))
		for j := 0; j <= i; j++ {
			sig.SetSym(i, j, math.Pow(0.6, float64(i-j))*math.Sqrt((16+float64(i))*(16+float64(j))))
		}
	}
	s.Sigma = sig
	return s
}

func benchData(tb testing.TB, n, t int) *Data {
	d, err := Simulate(benchScenario(n, t), 2026, 1)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func writeCSV(tb testing.TB, fn string, d *Data) {
	f, err := os.Create(fn)
	if err != nil {
		tb.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write([]string{"id", "visit", "arm", "base", "y"})
	for i := range d.Subject {
		y := "NA"
		if !math.IsNaN(d.Outcome[i]) {
			y = strconv.FormatFloat(d.Outcome[i], 'g', 17, 64)
		}
		w.Write([]string{d.Subject[i], d.Visit[i], d.Arm[i], strconv.FormatFloat(d.Baseline[i], 'g', 17, 64), y})
	}
	w.Flush()
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// TestWriteBenchData writes the benchmark data for bench.R when
// -mmrm.writebench is set.
func TestWriteBenchData(t *testing.T) {
	if *writeBench == "" {
		t.Skip("set -mmrm.writebench=DIR")
	}
	writeCSV(t, filepath.Join(*writeBench, "bench_400x3.csv"), benchData(t, 400, 3))
	writeCSV(t, filepath.Join(*writeBench, "bench_1000x10.csv"), benchData(t, 1000, 10))
}

func benchFit(b *testing.B, n, t int, o *Options) {
	d := benchData(b, n, t)
	b.ResetTimer()
	cputime.Bench(b, func() {
		if _, err := Fit(d, o); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkUSREML400x3(b *testing.B)   { benchFit(b, 400, 3, nil) }
func BenchmarkUSREML1000x10(b *testing.B) { benchFit(b, 1000, 10, nil) }
func BenchmarkCSREML400x3(b *testing.B)   { benchFit(b, 400, 3, &Options{Structure: CS}) }
func BenchmarkFEV(b *testing.B) {
	d := readFEV(b)
	b.ResetTimer()
	cputime.Bench(b, func() {
		if _, err := Fit(d, nil); err != nil {
			b.Fatal(err)
		}
	})
}
