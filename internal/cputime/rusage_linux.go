//go:build linux

package cputime

import (
	"syscall"
	"time"
)

// Thread returns the CPU time (user + system) used by the calling OS
// thread; lock the goroutine to its thread around a measurement.
func Thread() time.Duration { return rusage(syscall.RUSAGE_THREAD) }
