package cputime

import (
	"runtime"
	"testing"
)

func TestClocksAdvance(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("thread CPU time is read only on Linux")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	t0, p0 := Thread(), Process()
	x := 0.0
	for i := 0; i < 20_000_000; i++ {
		x += float64(i)
	}
	if x == 0 {
		t.Fatal("unreachable")
	}
	if Thread() <= t0 || Process() <= p0 {
		t.Errorf("CPU clocks did not advance: thread %v -> %v, process %v -> %v", t0, Thread(), p0, Process())
	}
}
