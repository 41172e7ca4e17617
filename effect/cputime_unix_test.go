//go:build unix

package effect

import (
	"syscall"
	"time"
)

// processCPU returns the user+system CPU time consumed by the process, so
// that benchmarks can report CPU time per operation next to wall time (the
// shared test machine is often loaded, which inflates wall time only).
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
