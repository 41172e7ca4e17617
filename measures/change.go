package measures

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/tiesproject/ties/effect"
)

// z975 is the standard normal 0.975 quantile, the conventional RCI
// criterion "1.96" (Level 0.95).
const z975 = 1.959963984540054

// Population is the mean and SD of a reference population on a scale.
type Population struct {
	Mean, SD float64
}

// Norms are the reference populations for clinically significant change
// (Jacobson & Truax 1991): a dysfunctional (clinical) population and,
// for cut-offs b and c, a functional one.
type Norms struct {
	Dysfunctional Population
	Functional    Population
}

// Cutoff names one of Jacobson & Truax's (1991) cut-offs.
type Cutoff int

const (
	// CutoffA: two SDs beyond the dysfunctional mean, towards functioning.
	CutoffA Cutoff = iota
	// CutoffB: two SDs inside the functional range (from the functional
	// mean towards dysfunction).
	CutoffB
	// CutoffC: the point between the two means weighted by the SDs,
	// (SD_fun·M_dys + SD_dys·M_fun)/(SD_fun + SD_dys); Jacobson & Truax
	// prefer it when the distributions overlap.
	CutoffC
)

// Cutoff returns cut-off c of the norms for a scale of direction dir
// (Instrument.Direction: effect.HigherIsBetter or effect.LowerIsBetter).
// CutoffA uses only the dysfunctional population; B only the functional
// one; C both. An unknown direction, an SD that is not positive and
// finite, or a non-finite mean of a population the cut-off uses returns an
// error wrapping ErrInvalidInput.
func (n Norms) Cutoff(c Cutoff, dir effect.Direction) (float64, error) {
	if err := checkDirection("dir", dir); err != nil {
		return math.NaN(), err
	}
	sign := -1.0
	if dir == effect.HigherIsBetter {
		sign = 1
	}
	check := func(name string, p Population) error {
		if !finite(p.Mean) {
			return fieldErr(name+".Mean", p.Mean, "must be finite")
		}
		if !(p.SD > 0) || math.IsInf(p.SD, 0) {
			return fieldErr(name+".SD", p.SD, "must be positive and finite")
		}
		return nil
	}
	d, f := n.Dysfunctional, n.Functional
	switch c {
	case CutoffA:
		if err := check("Dysfunctional", d); err != nil {
			return math.NaN(), err
		}
		return d.Mean + sign*2*d.SD, nil
	case CutoffB:
		if err := check("Functional", f); err != nil {
			return math.NaN(), err
		}
		return f.Mean - sign*2*f.SD, nil
	case CutoffC:
		if err := check("Dysfunctional", d); err != nil {
			return math.NaN(), err
		}
		if err := check("Functional", f); err != nil {
			return math.NaN(), err
		}
		return (f.SD*d.Mean + d.SD*f.Mean) / (f.SD + d.SD), nil
	}
	return math.NaN(), fieldErr("Cutoff", int(c), "must be CutoffA, CutoffB or CutoffC")
}

// ChangeCategory is Jacobson & Truax's classification of an individual's
// change.
type ChangeCategory int

// Change categories.
const (
	Unchanged    ChangeCategory = iota // change not reliable
	Recovered                          // reliable improvement and the post score is on the functional side of the cut-off
	Improved                           // reliable improvement, post score not past the cut-off
	Deteriorated                       // reliable worsening
)

func (c ChangeCategory) String() string {
	switch c {
	case Recovered:
		return "recovered"
	case Improved:
		return "improved"
	case Deteriorated:
		return "deteriorated"
	}
	return "unchanged"
}

// ChangeCriteria are the quantities that define reliable and clinically
// significant change on one scale.
type ChangeCriteria struct {
	// SD is the standard deviation used for the standard error of
	// measurement, usually the pre-treatment SD of the sample or of the
	// dysfunctional norm group. Must be positive.
	SD float64
	// Reliability of the scale (test–retest or alpha), in [0, 1).
	Reliability float64
	// Direction is the scale's direction (Instrument.Direction):
	// effect.HigherIsBetter or effect.LowerIsBetter; UnknownDirection is
	// an error.
	Direction effect.Direction
	// Cutoff is the clinical cut-off (see Norms.Cutoff). ClassifyChange
	// needs it; ReliableChange does not use it.
	Cutoff float64
	// Level is the two-sided confidence level of the reliable-change
	// criterion: change is reliable when |RCI| exceeds the normal quantile
	// z at (1 + Level)/2. 0 means 0.95, Jacobson & Truax's 1.96.
	Level float64
}

// checkDirection refuses UnknownDirection and undefined values.
func checkDirection(field string, dir effect.Direction) error {
	if dir != effect.HigherIsBetter && dir != effect.LowerIsBetter {
		return fieldErr(field, dir, "must be effect.HigherIsBetter or effect.LowerIsBetter (Instrument.Direction)")
	}
	return nil
}

// critical is the |RCI| above which change is reliable.
func (c *ChangeCriteria) critical() float64 {
	if c.Level == 0 || c.Level == 0.95 {
		return z975
	}
	return distuv.UnitNormal.Quantile((1 + c.Level) / 2)
}

// Change is one individual's change from pre to post.
type Change struct {
	Diff     float64 // post − pre
	SEdiff   float64 // SD·sqrt(2(1 − reliability))
	RCI      float64 // Diff / SEdiff
	Reliable bool    // |RCI| above the criterion of ChangeCriteria.Level
	// Better reports whether the change is in the favourable direction
	// (whether or not it is reliable).
	Better bool
	// Functional reports whether the post score lies strictly beyond the
	// cut-off on the functional side (only set by ClassifyChange).
	Functional bool
	Category   ChangeCategory // only set by ClassifyChange
}

func (c *ChangeCriteria) validate(needCutoff bool) error {
	if c == nil {
		return fieldErr("criteria", "nil", "are required")
	}
	if !(c.SD > 0) || math.IsInf(c.SD, 0) {
		return fieldErr("ChangeCriteria.SD", c.SD, "must be positive and finite")
	}
	if !(c.Reliability >= 0 && c.Reliability < 1) {
		return fieldErr("ChangeCriteria.Reliability", c.Reliability, "must be in [0, 1)")
	}
	if c.Level != 0 && !(c.Level > 0 && c.Level < 1) {
		return fieldErr("ChangeCriteria.Level", c.Level, "must be in (0, 1) (0 means 0.95)")
	}
	if err := checkDirection("ChangeCriteria.Direction", c.Direction); err != nil {
		return err
	}
	if needCutoff && !finite(c.Cutoff) {
		return fieldErr("ChangeCriteria.Cutoff", c.Cutoff, "must be finite")
	}
	return nil
}

// ReliableChange computes the Jacobson–Truax (1991) reliable change index
// RCI = (post − pre) / SEdiff with SEdiff = SD·sqrt(2(1 − r)). Change is
// reliable when |RCI| exceeds the normal quantile of c.Level (1.96 at the
// default 0.95); Better uses
// the scale's direction. NaN or infinite scores return an error wrapping
// ErrInvalidInput.
func ReliableChange(pre, post float64, c *ChangeCriteria) (Change, error) {
	if err := c.validate(false); err != nil {
		return Change{}, err
	}
	return reliableChange(pre, post, c)
}

func reliableChange(pre, post float64, c *ChangeCriteria) (Change, error) {
	if !finite(pre) {
		return Change{}, fieldErr("pre", pre, "must be finite")
	}
	if !finite(post) {
		return Change{}, fieldErr("post", post, "must be finite")
	}
	crit := c.critical()
	var ch Change
	ch.Diff = post - pre
	ch.SEdiff = c.SD * math.Sqrt(2*(1-c.Reliability))
	ch.RCI = ch.Diff / ch.SEdiff
	ch.Reliable = math.Abs(ch.RCI) > crit
	ch.Better = ch.Diff != 0 && (ch.Diff > 0) == (c.Direction == effect.HigherIsBetter)
	return ch, nil
}

// ClassifyChange classifies one individual's change as recovered,
// improved, unchanged or deteriorated (Jacobson & Truax 1991): recovered
// when the change is a reliable improvement and the post score lies
// strictly beyond c.Cutoff on the functional side; improved when it is a
// reliable improvement that does not pass the cut-off; deteriorated when
// it is a reliable worsening; otherwise unchanged. The pre score is not
// required to lie on the dysfunctional side (Functional and the inputs
// let callers apply that stricter rule).
func ClassifyChange(pre, post float64, c *ChangeCriteria) (Change, error) {
	if err := c.validate(true); err != nil {
		return Change{}, err
	}
	return classify(pre, post, c)
}

func classify(pre, post float64, c *ChangeCriteria) (Change, error) {
	ch, err := reliableChange(pre, post, c)
	if err != nil {
		return ch, err
	}
	if c.Direction == effect.HigherIsBetter {
		ch.Functional = post > c.Cutoff
	} else {
		ch.Functional = post < c.Cutoff
	}
	switch {
	case !ch.Reliable:
		ch.Category = Unchanged
	case !ch.Better:
		ch.Category = Deteriorated
	case ch.Functional:
		ch.Category = Recovered
	default:
		ch.Category = Improved
	}
	return ch, nil
}

// ClassifyChanges classifies every (pre[i], post[i]) pair. It returns one
// Change and one error per pair, in order (a pair with a NaN score gets an
// *effect.FieldError whose Record is "pair 4", counted from 1, and a zero
// Change); the final error is for invalid criteria or
// mismatched lengths.
func ClassifyChanges(pre, post []float64, c *ChangeCriteria) ([]Change, []error, error) {
	if err := c.validate(true); err != nil {
		return nil, nil, err
	}
	if len(pre) != len(post) {
		return nil, nil, fieldErr("post", len(post), fmt.Sprintf("want as many scores as pre (%d)", len(pre)))
	}
	out := make([]Change, len(pre))
	errs := make([]error, len(pre))
	for i := range pre {
		ch, err := classify(pre[i], post[i], c)
		var fe *effect.FieldError
		if errors.As(err, &fe) {
			// Name the pair as ScoreMatrix names a respondent: counted
			// from 1.
			e := *fe
			e.Record = "pair " + strconv.Itoa(i+1)
			err = &e
		}
		out[i], errs[i] = ch, err
	}
	return out, errs, nil
}
