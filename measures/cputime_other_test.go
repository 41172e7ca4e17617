//go:build !unix

package measures

func cpuSeconds() float64 { return 0 }
