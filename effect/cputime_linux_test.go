//go:build linux

package effect

import (
	"runtime"
	"syscall"
	"testing"
	"time"
)

// threadCPU returns the CPU time consumed by the calling OS thread
// (getrusage RUSAGE_THREAD), which, unlike wall time, does not grow when
// other processes compete for the cores.
func threadCPU() time.Duration {
	var r syscall.Rusage
	const rusageThread = 1
	if err := syscall.Getrusage(rusageThread, &r); err != nil {
		return 0
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}

// reportCPU runs body b.N times on a locked thread and reports the
// thread's CPU time per operation as the "cpu-ns/op" metric.
func reportCPU(b *testing.B, body func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	c0 := threadCPU()
	for i := 0; i < b.N; i++ {
		body()
	}
	b.ReportMetric(float64(threadCPU()-c0)/float64(b.N), "cpu-ns/op")
}
