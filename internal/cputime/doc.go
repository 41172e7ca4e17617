// Package cputime measures CPU time for the benchmarks of ties. The
// project's machines are shared and often oversubscribed, which inflates
// wall time but not the CPU time a computation uses, so benchmarks report
// both. Where the operating system offers no such clock the functions
// return 0 and the metrics read 0.
package cputime

import (
	"runtime"
	"testing"
)

// Bench runs body b.N times on a locked OS thread and reports the thread's
// CPU time per operation as the "cpu-ns/op" metric.
func Bench(b *testing.B, body func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	c0 := Thread()
	for i := 0; i < b.N; i++ {
		body()
	}
	b.ReportMetric(float64(Thread()-c0)/float64(b.N), "cpu-ns/op")
}
