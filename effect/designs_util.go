package effect

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Helpers shared by the design-specific estimators (ANCOVA, pre-post-control,
// cluster trials, binary outcomes, bootstrap). Their names carry a "design"
// prefix so that they cannot collide with the two-arm helpers in the same
// package.

// designZ returns the two-sided standard normal critical value for level.
func designZ(level float64) float64 {
	return distuv.UnitNormal.Quantile(1 - (1-level)/2)
}

// designT returns the two-sided Student t critical value for level on df
// degrees of freedom.
func designT(level, df float64) float64 {
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(1 - (1-level)/2)
}

// designWald builds an estimate with a z-based Wald interval.
func designWald(m Measure, value, variance, level float64) Estimate {
	hw := designZ(level) * math.Sqrt(variance)
	return Estimate{
		Measure:  m,
		Value:    value,
		Variance: variance,
		CI:       Interval{Lower: value - hw, Upper: value + hw, Level: level},
		CIMethod: Wald,
	}
}

func designFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// designCheckFinite returns a FieldError when x is NaN or infinite.
func designCheckFinite(field string, x float64) error {
	if !designFinite(x) {
		return fieldErr(field, x, "must be finite")
	}
	return nil
}

// designCheckPositive returns a FieldError unless x is finite and > 0.
func designCheckPositive(field string, x float64) error {
	if !designFinite(x) || x <= 0 {
		return fieldErr(field, x, "must be finite and positive")
	}
	return nil
}

// designCheckCorrelation returns a FieldError unless -1 < r < 1.
func designCheckCorrelation(field string, r float64) error {
	if !(r > -1 && r < 1) {
		return fieldErr(field, r, "must lie in (-1, 1)")
	}
	return nil
}

// designPooledSD pools two SDs with weights w1 and w2 (their degrees of
// freedom), scaling by the larger SD so that tiny or huge SDs neither
// underflow nor overflow when squared.
func designPooledSD(s1, w1, s2, w2 float64) float64 {
	s := math.Max(s1, s2)
	a, b := s1/s, s2/s
	return s * math.Sqrt((w1*a*a+w2*b*b)/(w1+w2))
}

// designCheckResult rejects an estimate whose value, variance or interval
// is not finite, which happens only when extreme inputs overflow.
func designCheckResult(e Estimate) (Estimate, error) {
	if !designFinite(e.Value) || !designFinite(e.Variance) || !designFinite(e.CI.Lower) || !designFinite(e.CI.Upper) {
		return Estimate{}, fieldErr("inputs", e.Value, "values too extreme: the estimate or its variance overflows")
	}
	return e, nil
}
