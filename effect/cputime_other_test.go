//go:build !linux

package effect

import "testing"

func reportCPU(b *testing.B, body func()) {
	for i := 0; i < b.N; i++ {
		body()
	}
}
