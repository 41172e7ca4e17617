package network

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"

	"github.com/tiesproject/ties/internal/cputime"
)

// benchData builds the benchmark set: egos ego networks of 30 alters
// each, every attribute of SimulationCodebook drawn uniformly (3% of
// answers missing), every pair of alters tied with probability 0.3.
func benchData(egos int) *Data {
	const n = 30
	rng := rand.New(rand.NewPCG(2026, 12))
	cb := SimulationCodebook()
	ids := make([]string, n)
	for j := range ids {
		ids[j] = "a" + strconv.Itoa(j+1)
	}
	d := &Data{Codebook: cb, Egos: make([]Ego, egos)}
	k := len(cb.Alter)
	vals := make([]float64, egos*n*k)
	alters := make([]Alter, egos*n)
	for i := range d.Egos {
		e := &d.Egos[i]
		e.ID = "E" + strconv.Itoa(i+1)
		e.Values = []float64{float64(rng.IntN(2))}
		e.Alters = alters[i*n : (i+1)*n : (i+1)*n]
		for j := range e.Alters {
			v := vals[(i*n+j)*k : (i*n+j+1)*k : (i*n+j+1)*k]
			for a, at := range cb.Alter {
				switch {
				case rng.Float64() < 0.03:
					v[a] = math.NaN()
				case at.Kind == Categorical:
					v[a] = float64(rng.IntN(len(at.Categories)))
				case at.Name == "freq":
					v[a] = float64(1 + rng.IntN(5))
				default:
					v[a] = float64(1 + rng.IntN(4))
				}
			}
			e.Alters[j] = Alter{ID: ids[j], Values: v}
		}
		e.Ties = make([]Tie, 0, 160)
		for a := 0; a < n; a++ {
			for b := a + 1; b < n; b++ {
				if rng.Float64() < 0.3 {
					e.Ties = append(e.Ties, Tie{A: a, B: b, Weight: 1})
				}
			}
		}
	}
	return d
}

var (
	benchOnce sync.Once
	bench100k *Data
)

func benchSet() *Data {
	benchOnce.Do(func() { bench100k = benchData(100000) })
	return bench100k
}

var allMeasures = &Options{Compose: []string{"role", "kin", "sex"}, Strength: "freq", Threshold: 4, Circle: "circle"}

// BenchmarkDescribe100k times every measure (structure; composition,
// diversity and E-I of role, kin and sex; tie strength; circles) for
// 100,000 egos with 30 alters each, on one core.
//
// cpu-ns/op is the CPU time of the benchmark's thread; proc-cpu-ns/op adds
// every other thread of the process (the garbage collector's workers), so
// run with -cpu 1 to hold everything on one core.
func BenchmarkDescribe100k(b *testing.B) {
	d := benchSet()
	for _, c := range []struct {
		name string
		o    *Options
	}{{"all", allMeasures}, {"structure", nil}} {
		b.Run(c.name, func(b *testing.B) {
			runtime.GC()
			p0 := cputime.Process()
			cputime.Bench(b, func() {
				if _, err := Describe(d, c.o); err != nil {
					b.Fatal(err)
				}
			})
			b.ReportMetric(float64(cputime.Process()-p0)/float64(b.N), "proc-cpu-ns/op")
		})
	}
}

// TestWriteBenchData writes the benchmark set as CSV for the networkx
// timing script (testdata/bench_networkx.sh) when NETWORK_BENCH_DIR is
// set.
func TestWriteBenchData(t *testing.T) {
	dir := os.Getenv("NETWORK_BENCH_DIR")
	if dir == "" {
		t.Skip("set NETWORK_BENCH_DIR to write the benchmark set")
	}
	d := benchSet()
	create := func(name string) *os.File {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	e, a, ti := create("egos.csv"), create("alters.csv"), create("ties.csv")
	if err := WriteCSV(e, a, ti, d); err != nil {
		t.Fatal(err)
	}
	for _, f := range []*os.File{e, a, ti} {
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
