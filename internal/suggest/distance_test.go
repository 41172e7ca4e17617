package suggest

import "testing"

// TestDistance checks textbook values (kitten–sitting = 3), symmetry, and
// agreement with the defining recursion (naive, below) on every pair.
func TestDistance(t *testing.T) {
	words := []string{"", "a", "ab", "ba", "kitten", "sitting", "flaw", "lawn", "ucla3", "ucla-3", "swls", "records_screened"}
	for _, a := range words {
		for _, b := range words {
			want := naive(a, b)
			if got := Distance(a, b); got != want {
				t.Errorf("Distance(%q, %q) = %d, want %d", a, b, got, want)
			}
			if Distance(a, b) != Distance(b, a) {
				t.Errorf("Distance(%q, %q) not symmetric", a, b)
			}
		}
	}
	for _, c := range []struct {
		a, b string
		want int
	}{{"kitten", "sitting", 3}, {"flaw", "lawn", 2}, {"", "abc", 3}, {"abc", "abc", 0}} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// naive is the defining recursion, exponential but independent of the
// dynamic programme.
func naive(a, b string) int {
	switch {
	case a == "":
		return len(b)
	case b == "":
		return len(a)
	case a[0] == b[0]:
		return naive(a[1:], b[1:])
	}
	return 1 + min(naive(a[1:], b), naive(a, b[1:]), naive(a[1:], b[1:]))
}
