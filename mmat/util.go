package mmat

import (
	"errors"
	"math"
	"strconv"
)

func nan() float64 { return math.NaN() }

// joinErrs joins errors (errors.Join keeps errors.Is working on each).
func joinErrs(errs []error) error { return errors.Join(errs...) }

func itoa(i int) string { return strconv.Itoa(i) }
