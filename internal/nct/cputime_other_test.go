//go:build !linux

package nct

import "testing"

func cpuBench(b *testing.B, f func()) {
	for i := 0; i < b.N; i++ {
		f()
	}
}
