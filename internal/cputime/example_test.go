package cputime_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/tiesproject/ties/internal/cputime"
)

func ExampleThread() {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	t0 := cputime.Thread()
	s := 0.0
	for i := 0; i < 1000000; i++ {
		s += float64(i)
	}
	// On systems without a thread clock both readings are 0.
	fmt.Println(cputime.Thread() >= t0, s > 0)
	// Output:
	// true true
}

func ExampleProcess() {
	fmt.Println(cputime.Process() >= 0)
	// Output:
	// true
}

func ExampleBench() {
	r := testing.Benchmark(func(b *testing.B) {
		cputime.Bench(b, func() { _ = fmt.Sprint(42) })
	})
	_, ok := r.Extra["cpu-ns/op"]
	fmt.Println(r.N > 0, ok)
	// Output:
	// true true
}
