package effect

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// rdH returns the constant h of the r ↔ d conversion: h = m/n1 + m/n2 with
// m = n1 + n2 − 2 (metafor, effectsize d_to_r(n1, n2), pingouin), or 4 when
// both sizes are 0 (equal, large groups; effectsize's default).
func rdH(n1, n2 int) (float64, error) {
	if n1 == 0 && n2 == 0 {
		return 4, nil
	}
	if err := checkN("n1", n1, 2); err != nil {
		return 0, err
	}
	if err := checkN("n2", n2, 2); err != nil {
		return 0, err
	}
	m := float64(n1 + n2 - 2)
	return m/float64(n1) + m/float64(n2), nil
}

func checkEstimate(e Estimate) error {
	if err := checkFinite("Value", e.Value); err != nil {
		return err
	}
	if !finite(e.Variance) || e.Variance < 0 {
		return fieldErr("Options.Variance", e.Variance, "must be finite and non-negative")
	}
	return nil
}

// mapEstimate applies a strictly increasing transformation f with
// derivative df to an estimate: the value and CI bounds are transformed
// (so an exact interval stays exact), the variance by the delta method.
func mapEstimate(e Estimate, m Measure, f, df func(float64) float64) Estimate {
	out := e
	out.Measure = m
	out.Value = f(e.Value)
	g := df(e.Value)
	out.Variance = g * g * e.Variance
	if e.CI.Level != 0 {
		out.CI.Lower, out.CI.Upper = f(e.CI.Lower), f(e.CI.Upper)
	}
	return out
}

// RFromD converts a standardized mean difference to the point-biserial
// correlation,
//
//	r = d/√(d² + h),  h = m/n1 + m/n2,  m = n1 + n2 − 2
//
// (Rosenthal 1994; metafor; effectsize d_to_r(d, n1, n2)); with n1 = n2 = 0,
// h = 4 (equal, large groups: r = d/√(d² + 4), effectsize's default). The
// variance follows by the delta method, v_r = (h/(d² + h)^{3/2})²·v_d, and
// the CI bounds are converted (the map is increasing), so an exact d
// interval yields an exact r interval. Measure becomes MeasureR.
func RFromD(e Estimate, n1, n2 int) (Estimate, error) {
	h, err := rdH(n1, n2)
	if err != nil {
		return Estimate{}, err
	}
	if err := checkEstimate(e); err != nil {
		return Estimate{}, err
	}
	f := func(d float64) float64 {
		if math.IsInf(d, 0) {
			return math.Copysign(1, d)
		}
		return d / math.Sqrt(d*d+h)
	}
	df := func(d float64) float64 { q := d*d + h; return h / (q * math.Sqrt(q)) }
	return mapEstimate(e, MeasureR, f, df), nil
}

// DFromR converts a point-biserial correlation to a standardized mean
// difference, the inverse of RFromD:
//
//	d = √h·r/√(1 − r²),  v_d = (√h/(1 − r²)^{3/2})²·v_r,
//
// with h as in RFromD (h = 4 when n1 = n2 = 0: d = 2r/√(1 − r²), effectsize
// r_to_d). The value must lie in (−1, 1). Measure becomes MeasureD.
func DFromR(e Estimate, n1, n2 int) (Estimate, error) {
	h, err := rdH(n1, n2)
	if err != nil {
		return Estimate{}, err
	}
	if err := checkEstimate(e); err != nil {
		return Estimate{}, err
	}
	if !(e.Value > -1 && e.Value < 1) {
		return Estimate{}, fieldErr("Value", e.Value, "a correlation must lie in (−1, 1)")
	}
	sh := math.Sqrt(h)
	f := func(r float64) float64 {
		if r <= -1 || r >= 1 {
			return math.Copysign(math.Inf(1), r)
		}
		return sh * r / math.Sqrt(1-r*r)
	}
	df := func(r float64) float64 { q := 1 - r*r; return sh / (q * math.Sqrt(q)) }
	return mapEstimate(e, MeasureD, f, df), nil
}

// ORConversion selects the link between a log odds ratio and a
// standardized mean difference.
type ORConversion int

// OR conversions.
const (
	// Logistic assumes a logistic latent variable: d = ln(OR)·√3/π
	// (Hasselblad & Hedges 1995; Chinn 2000; metafor OR2DL/D2ORL,
	// effectsize oddsratio_to_d, compute.es, esc).
	Logistic ORConversion = iota
	// Cox uses d = ln(OR)/1.65 (Cox 1970; Sánchez-Meca et al. 2003),
	// metafor's OR2DN/D2ORN normal-based conversion.
	Cox
)

func (c ORConversion) factor() (float64, error) {
	switch c {
	case Logistic:
		return math.Sqrt(3) / math.Pi, nil
	case Cox:
		return 1 / 1.65, nil
	}
	return 0, fieldErr("conversion", c, "unknown odds-ratio conversion")
}

// DFromLogOR converts a log odds ratio to a standardized mean difference,
// d = k·ln(OR) and v_d = k²·v, k = √3/π (Logistic) or 1/1.65 (Cox); the CI
// bounds are scaled alike. Measure becomes MeasureD.
func DFromLogOR(e Estimate, c ORConversion) (Estimate, error) {
	k, err := c.factor()
	if err != nil {
		return Estimate{}, err
	}
	if err := checkEstimate(e); err != nil {
		return Estimate{}, err
	}
	return mapEstimate(e, MeasureD, func(x float64) float64 { return k * x }, func(float64) float64 { return k }), nil
}

// LogORFromD converts a standardized mean difference to a log odds ratio,
// ln(OR) = d/k and v = v_d/k², k as in DFromLogOR (metafor D2ORL uses
// π/√3, D2ORN 1.65). The CI bounds are scaled alike. Measure becomes
// MeasureLogOR.
func LogORFromD(e Estimate, c ORConversion) (Estimate, error) {
	k, err := c.factor()
	if err != nil {
		return Estimate{}, err
	}
	if err := checkEstimate(e); err != nil {
		return Estimate{}, err
	}
	return mapEstimate(e, MeasureLogOR, func(x float64) float64 { return x / k }, func(float64) float64 { return 1 / k }), nil
}

// NNTKraemer returns the number needed to treat implied by d under
// Kraemer & Kupfer (2006): NNT = 1/(2·Φ(d/√2) − 1) = 1/(2·AUC − 1), the
// reciprocal of the success-rate difference. Negative d gives a negative
// value (number needed to harm); d = 0 gives +Inf. For outcomes where
// lower is better, orient d first (Favoring).
func NNTKraemer(d float64) (float64, error) {
	if err := checkFinite("d", d); err != nil {
		return math.NaN(), err
	}
	if d == 0 {
		return math.Inf(1), nil
	}
	// 2Φ(x) − 1 = erf(x/√2) with x = d/√2: erf(d/2).
	return 1 / math.Erf(d/2), nil
}

// NNTFurukawa returns the number needed to treat implied by d and the
// control event rate cer, the proportion of control participants with the
// beneficial event, assuming normal outcomes with a common SD (Furukawa
// 1999; Furukawa & Leucht 2011):
//
//	NNT = 1/(Φ(d + Φ⁻¹(cer)) − cer),
//
// as compute.es (1/(pnorm(d − qnorm(1 − cer)) − cer)). Negative d gives a
// negative value (number needed to harm); d = 0 gives +Inf. cer must lie
// in (0, 1).
func NNTFurukawa(d, cer float64) (float64, error) {
	if err := checkFinite("d", d); err != nil {
		return math.NaN(), err
	}
	if !(cer > 0 && cer < 1) {
		return math.NaN(), fieldErr("cer", cer, "must lie in (0, 1)")
	}
	if d == 0 {
		return math.Inf(1), nil
	}
	z := distuv.UnitNormal.Quantile(cer)
	return 1 / (distuv.UnitNormal.CDF(d+z) - cer), nil
}
