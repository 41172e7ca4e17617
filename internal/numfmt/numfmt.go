// Package numfmt formats numbers as a paper prints them: a fixed number of
// decimals, a true minus sign (U+2212), no "−0.00" for a value that rounds
// to zero, and ∞ for infinities. Every package of ties that prints results
// uses it, so that they all print alike.
package numfmt

import (
	"math"
	"strconv"
)

// Fixed formats x with dec decimals: Fixed(-0.4585, 2) is "−0.46",
// Fixed(-0.001, 2) is "0.00", infinities are "∞" and "−∞", NaN is "NaN".
func Fixed(x float64, dec int) string {
	switch {
	case math.IsInf(x, 1):
		return "∞"
	case math.IsInf(x, -1):
		return "−∞"
	case math.IsNaN(x):
		return "NaN"
	}
	s := strconv.FormatFloat(x, 'f', dec, 64)
	if s[0] != '-' {
		return s
	}
	for _, c := range s[1:] {
		if c != '0' && c != '.' {
			return "−" + s[1:]
		}
	}
	return s[1:] // rounds to zero: no minus sign
}
