package effect

import (
	"math"
	"strconv"
)

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// checkFinite reports a FieldError unless x is a finite number.
func checkFinite(field string, x float64) error {
	if !finite(x) {
		return fieldErr(field, x, "must be a finite number")
	}
	return nil
}

// checkGroup validates one arm's summaries: finite mean, finite positive SD
// and at least minN participants.
func checkGroup(name string, g Group, minN int) error {
	// The field names are built only on error: this runs on every call.
	if !finite(g.Mean) {
		return fieldErr(name+".Mean", g.Mean, "must be a finite number")
	}
	if !finite(g.SD) || !(g.SD > 0) {
		return fieldErr(name+".SD", g.SD, "must be finite and positive")
	}
	if g.N < minN {
		return fieldErr(name+".N", g.N, "must be at least "+strconv.Itoa(minN))
	}
	return nil
}

// checkN validates a sample size.
func checkN(field string, n, minN int) error {
	if n < minN {
		return fieldErr(field, n, "must be at least "+strconv.Itoa(minN))
	}
	return nil
}

// checkSign validates an explicit sign argument (+1 or −1).
func checkSign(sign int) error {
	if sign != 1 && sign != -1 {
		return fieldErr("sign", sign, "must be +1 or −1 (the direction of the effect is not recoverable from the statistic)")
	}
	return nil
}
