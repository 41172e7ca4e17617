//go:build unix

package measures

import "syscall"

// cpuSeconds returns the user+system CPU time of this process, so that
// benchmarks on a shared machine can also report throughput per CPU
// second, which other processes' load does not dilute.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
