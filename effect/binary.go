package effect

import (
	"fmt"
	"math"
)

// Table2x2 is the 2×2 table of a binary outcome (responder, "no longer
// lonely", network improved) in a two-arm trial: the number of participants
// with the event and the number analysed in each arm.
//
// In metafor's notation ai = TreatEvents, bi = TreatN − TreatEvents,
// ci = ControlEvents, di = ControlN − ControlEvents.
type Table2x2 struct {
	TreatEvents, TreatN     int
	ControlEvents, ControlN int
}

// Validate reports whether the table is usable: both arms need at least one
// participant and 0 ≤ events ≤ n.
func (t Table2x2) Validate() error {
	if t.TreatN < 1 {
		return fieldErr("TreatN", t.TreatN, "must be at least 1")
	}
	if t.ControlN < 1 {
		return fieldErr("ControlN", t.ControlN, "must be at least 1")
	}
	if t.TreatEvents < 0 || t.TreatEvents > t.TreatN {
		return fieldErr("TreatEvents", t.TreatEvents, fmt.Sprintf("must lie in [0, TreatN = %d]", t.TreatN))
	}
	if t.ControlEvents < 0 || t.ControlEvents > t.ControlN {
		return fieldErr("ControlEvents", t.ControlEvents, fmt.Sprintf("must lie in [0, ControlN = %d]", t.ControlN))
	}
	return nil
}

// HasZeroCell reports whether any of the four cells is zero, which is when
// the zero-cell correction applies.
func (t Table2x2) HasZeroCell() bool {
	return t.TreatEvents == 0 || t.TreatEvents == t.TreatN ||
		t.ControlEvents == 0 || t.ControlEvents == t.ControlN
}

// cells returns the four cells after the zero-cell policy: 0.5 is added to
// every cell of a table with at least one zero cell, and to no table
// otherwise (metafor escalc's default add = 1/2, to = "only0").
func (t Table2x2) cells() (a, b, c, d float64) {
	a = float64(t.TreatEvents)
	b = float64(t.TreatN - t.TreatEvents)
	c = float64(t.ControlEvents)
	d = float64(t.ControlN - t.ControlEvents)
	if t.HasZeroCell() {
		a, b, c, d = a+0.5, b+0.5, c+0.5, d+0.5
	}
	return a, b, c, d
}

func binaryWaldOnly(o *Options, measure string) error {
	if o != nil && o.CI != DefaultCI && o.CI != Wald {
		return fieldErr("Options.CI", o.CI, "the "+measure+" supports only the Wald interval")
	}
	return nil
}

// OddsRatio returns the log odds ratio (intervention over usual care) with
// the Woolf variance 1/a + 1/b + 1/c + 1/d and a Wald interval on the log
// scale; exponentiate Value and the CI limits to report the odds ratio.
// A table with a zero cell gets 0.5 added to every cell first (see
// Table2x2.HasZeroCell), as metafor's escalc does by default.
//
// Only the Wald interval is available (o.CI must be DefaultCI or Wald).
func OddsRatio(t Table2x2, o *Options) (Estimate, error) {
	if err := o.unused("OddsRatio", useCI); err != nil {
		return Estimate{}, err
	}
	level, err := o.level()
	if err != nil {
		return Estimate{}, err
	}
	if err := t.Validate(); err != nil {
		return Estimate{}, err
	}
	if err := binaryWaldOnly(o, "odds ratio"); err != nil {
		return Estimate{}, err
	}
	a, b, c, d := t.cells()
	return designWald(MeasureLogOR, math.Log(a*d/(b*c)), 1/a+1/b+1/c+1/d, level), nil
}

// RiskRatio returns the log risk ratio (intervention over usual care) with
// the variance 1/a − 1/n1 + 1/c − 1/n2 and a Wald interval on the log scale;
// exponentiate Value and the CI limits to report the risk ratio. The
// zero-cell policy is that of OddsRatio (n1 and n2 grow by 1 with it).
//
// Only the Wald interval is available (o.CI must be DefaultCI or Wald).
func RiskRatio(t Table2x2, o *Options) (Estimate, error) {
	if err := o.unused("RiskRatio", useCI); err != nil {
		return Estimate{}, err
	}
	level, err := o.level()
	if err != nil {
		return Estimate{}, err
	}
	if err := t.Validate(); err != nil {
		return Estimate{}, err
	}
	if err := binaryWaldOnly(o, "risk ratio"); err != nil {
		return Estimate{}, err
	}
	a, b, c, d := t.cells()
	n1, n2 := a+b, c+d
	return designWald(MeasureLogRR, math.Log((a/n1)/(c/n2)), 1/a-1/n1+1/c-1/n2, level), nil
}

// RiskDifference returns p1 − p2 (intervention minus usual care) with the
// variance p1(1−p1)/n1 + p2(1−p2)/n2 (metafor's vtype "LS").
//
// One convention holds for Value and its interval, so that the interval is
// always about the Value it is printed with:
//
//   - The default interval (o.CI DefaultCI or Newcombe) is Newcombe's
//     (1998, method 10) hybrid Wilson score interval, which keeps good
//     coverage near 0 and 1 and needs no zero-cell correction: Value,
//     Variance and the interval all use the raw proportions, also when a
//     cell is zero (10/10 vs 0/20 gives RD 1.00, 95% CI 0.68 to 1.00).
//   - With o.CI = Wald, Value and Variance follow the zero-cell policy of
//     OddsRatio, so they equal metafor's escalc yi and vi (10/10 vs 0/20
//     gives 0.93), and the interval is Value ± z·√Variance, truncated to
//     [−1, 1], the range of a risk difference.
func RiskDifference(t Table2x2, o *Options) (Estimate, error) {
	if err := o.unused("RiskDifference", useCI); err != nil {
		return Estimate{}, err
	}
	level, err := o.level()
	if err != nil {
		return Estimate{}, err
	}
	if err := t.Validate(); err != nil {
		return Estimate{}, err
	}
	method := Newcombe
	if o != nil && o.CI != DefaultCI {
		method = o.CI
	}
	if method != Newcombe && method != Wald {
		return Estimate{}, fieldErr("Options.CI", method, "the risk difference supports Newcombe and Wald intervals")
	}
	if method == Newcombe {
		n1, n2 := float64(t.TreatN), float64(t.ControlN)
		p1, p2 := float64(t.TreatEvents)/n1, float64(t.ControlEvents)/n2
		e := designWald(MeasureRD, p1-p2, p1*(1-p1)/n1+p2*(1-p2)/n2, level)
		e.CI = newcombeInterval(t, level)
		e.CIMethod = Newcombe
		return e, nil
	}
	a, b, c, d := t.cells()
	n1, n2 := a+b, c+d
	p1, p2 := a/n1, c/n2
	e := designWald(MeasureRD, p1-p2, p1*(1-p1)/n1+p2*(1-p2)/n2, level)
	e.CI.Lower = math.Max(e.CI.Lower, -1)
	e.CI.Upper = math.Min(e.CI.Upper, 1)
	return e, nil
}

// wilsonInterval is Wilson's (1927) score interval for x events in n trials.
func wilsonInterval(x, n int, z float64) (lo, hi float64) {
	nf := float64(n)
	p := float64(x) / nf
	z2 := z * z
	den := 1 + z2/nf
	center := (p + z2/(2*nf)) / den
	hw := z / den * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	lo, hi = center-hw, center+hw
	// Exact limits at the boundaries; the arithmetic above can miss them by
	// an ulp.
	if x == 0 {
		lo = 0
	}
	if x == n {
		hi = 1
	}
	return lo, hi
}

// newcombeInterval is Newcombe's (1998) method 10 for p1 − p2: the square-
// and-add combination of the two Wilson intervals.
func newcombeInterval(t Table2x2, level float64) Interval {
	z := designZ(level)
	p1 := float64(t.TreatEvents) / float64(t.TreatN)
	p2 := float64(t.ControlEvents) / float64(t.ControlN)
	l1, u1 := wilsonInterval(t.TreatEvents, t.TreatN, z)
	l2, u2 := wilsonInterval(t.ControlEvents, t.ControlN, z)
	rd := p1 - p2
	return Interval{
		Lower: rd - math.Sqrt((p1-l1)*(p1-l1)+(u2-p2)*(u2-p2)),
		Upper: rd + math.Sqrt((u1-p1)*(u1-p1)+(p2-l2)*(p2-l2)),
		Level: level,
	}
}
