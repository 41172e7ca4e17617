package effect

import (
	"fmt"
	"math"
)

// NNTDirection says whether a number needed to treat counts participants
// treated per extra one helped (benefit) or per extra one harmed (harm).
type NNTDirection int

// NNT directions.
const (
	NNTBenefit NNTDirection = iota // NNTB
	NNTHarm                        // NNTH
)

// String returns "NNTB" or "NNTH".
func (d NNTDirection) String() string {
	switch d {
	case NNTBenefit:
		return "NNTB"
	case NNTHarm:
		return "NNTH"
	}
	return fmt.Sprintf("NNTDirection(%d)", int(d))
}

// NNT is a number needed to treat with its confidence interval in Altman's
// (1998) convention.
//
// When the interval for the risk difference excludes zero, the NNT interval
// is [Lower, Upper] in the same Direction as the point estimate. When it
// includes zero (Crosses is true), the NNT interval is not an interval of
// finite numbers but the two rays "NNTB ≥ BenefitLimit" and
// "NNTH ≥ HarmLimit" joined through infinity, reported as
// "NNTB BenefitLimit to ∞ to NNTH HarmLimit"; Lower and Upper are then NaN.
type NNT struct {
	// Value is 1/|RD|, +Inf when the risk difference is zero.
	Value     float64
	Direction NNTDirection
	Level     float64

	Lower, Upper float64 // when !Crosses

	Crosses                 bool
	BenefitLimit, HarmLimit float64 // when Crosses

	// RD is the risk difference (intervention minus usual care) the NNT
	// was derived from, with the interval used.
	RD Estimate
}

// String formats the NNT as Altman recommends, for example
// "NNTB 5.0 (95% CI NNTB 2.9 to 18.6)" or
// "NNTB 10.0 (95% CI NNTH 38.7 to ∞ to NNTB 4.5)".
func (n NNT) String() string {
	pct := fmt.Sprintf("%g%%", 100*n.Level)
	if n.Crosses {
		// Altman lists the limit on the side of the lower RD bound first.
		return fmt.Sprintf("%s %.1f (%s CI %s to ∞ to %s)", n.Direction, n.Value, pct,
			fmt.Sprintf("NNTH %.1f", n.HarmLimit), fmt.Sprintf("NNTB %.1f", n.BenefitLimit))
	}
	return fmt.Sprintf("%s %.1f (%s CI %s %.1f to %.1f)", n.Direction, n.Value, pct, n.Direction, n.Lower, n.Upper)
}

// NumberNeededToTreat returns the number needed to treat for the table:
// 1/|p1 − p2| with the interval obtained by inverting the limits of the
// risk-difference interval (Altman 1998). eventIsBenefit says whether the
// counted event is desirable ("no longer lonely": true) or not ("still
// lonely", relapse: false); it decides which sign of the risk difference is
// a benefit.
//
// The risk difference, its interval method (Newcombe by default, Wald with
// o.CI = Wald) and the zero-cell convention are those of RiskDifference,
// and the NNT is derived from that Estimate alone, so that
// 1/|RD.Value| = Value always. The RD interval is truncated to [−1, 1]
// before it is inverted, so that no NNT limit is below 1 (a risk
// difference cannot exceed 1 in size).
func NumberNeededToTreat(t Table2x2, eventIsBenefit bool, o *Options) (NNT, error) {
	rd, err := RiskDifference(t, o)
	if err != nil {
		return NNT{}, err
	}
	value := rd.Value
	// b is the risk difference expressed as benefit: positive = helps.
	sign := 1.0
	if !eventIsBenefit {
		sign = -1
	}
	b := sign * value
	lo := sign * math.Max(-1, math.Min(1, rd.CI.Lower))
	hi := sign * math.Max(-1, math.Min(1, rd.CI.Upper))
	if lo > hi {
		lo, hi = hi, lo
	}
	n := NNT{Value: 1 / math.Abs(b), Level: rd.CI.Level, RD: rd, Direction: NNTBenefit}
	if b < 0 {
		n.Direction = NNTHarm
	}
	switch {
	case lo > 0: // entirely benefit
		n.Lower, n.Upper = 1/hi, 1/lo
	case hi < 0: // entirely harm
		n.Lower, n.Upper = 1/-lo, 1/-hi
	default:
		n.Crosses = true
		n.Lower, n.Upper = math.NaN(), math.NaN()
		n.BenefitLimit = 1 / hi // +Inf when hi == 0
		n.HarmLimit = 1 / -lo
	}
	return n, nil
}
