package meta

import (
	"fmt"
	"math"
	"sort"

	"github.com/tiesproject/ties/effect"
)

// Side is the side of the funnel plot on which trim-and-fill imputes
// missing studies.
type Side int

// Sides. SideAuto chooses as metafor does: the side opposite to the
// asymmetry, from the sign of the slope in a meta-regression of y_i on
// sqrt(v_i) (slope < 0: studies are missing on the right).
const (
	SideAuto Side = iota
	SideLeft
	SideRight
)

func (s Side) String() string {
	switch s {
	case SideLeft:
		return "left"
	case SideRight:
		return "right"
	}
	return "auto"
}

// K0Estimator selects the estimator of the number of missing studies.
type K0Estimator int

// Estimators of Duval & Tweedie (2000). L0 is the default, as in metafor.
const (
	L0 K0Estimator = iota // k0 = (4 S_r - k(k+1))/(2k-1), S_r the Wilcoxon rank sum
	R0                    // k0 = gamma* - 1, gamma* the length of the rightmost run of ranks
)

// TrimFillOptions are the trim-and-fill settings; nil means L0 and the
// automatic side.
type TrimFillOptions struct {
	Estimator K0Estimator
	Side      Side
}

// TrimFillResult is a trim-and-fill analysis.
type TrimFillResult struct {
	// K0 is the estimated number of missing studies and K0SE its standard
	// error (metafor's se.k0); Side is where they were imputed.
	K0   int
	K0SE float64
	Side Side
	// Filled are the imputed studies (labelled "Filled 1", ...): the K0
	// most extreme studies mirrored about the trimmed estimate, with their
	// variances.
	Filled []Study
	// Result pools the observed and the filled studies; Result.Studies
	// lists the observed studies first, then the filled ones (Filled set).
	Result Result
	// Iterations is the number of trim-and-fill iterations.
	Iterations int
}

// TrimFill applies the trim-and-fill method (Duval & Tweedie 2000a, 2000b)
// as metafor's trimfill(): studies are trimmed and refitted with the
// Options' method until the estimate of k0 is stable, then the k0 most
// extreme studies are mirrored about the trimmed estimate and all studies
// are pooled. It needs k >= 3 studies (metafor accepts two for a fixed
// effect, but with two studies its choice of side fails for every other
// method). A trimmed fit of one study is defined, as in metafor: its
// estimate is that study's value (tau² = 0).
func TrimFill(studies []Study, tf *TrimFillOptions, o *Options) (TrimFillResult, error) {
	s, err := o.settings()
	if err != nil {
		return TrimFillResult{}, err
	}
	if err := s.fixedUnused(true); err != nil {
		return TrimFillResult{}, err
	}
	c, err := validate(studies)
	if err != nil {
		return TrimFillResult{}, err
	}
	var t TrimFillOptions
	if tf != nil {
		t = *tf
	}
	if t.Estimator != L0 && t.Estimator != R0 {
		return TrimFillResult{}, optionErr("TrimFillOptions.Estimator", t.Estimator, "unknown estimator")
	}
	if t.Side < SideAuto || t.Side > SideRight {
		return TrimFillResult{}, optionErr("TrimFillOptions.Side", t.Side, "unknown side")
	}
	k := len(studies)
	if k < 3 {
		return TrimFillResult{}, tooFew(k, 3, "trim-and-fill")
	}
	side := t.Side
	if side == SideAuto {
		y := make([]float64, k)
		v := make([]float64, k)
		sei := make([]float64, k)
		for i, st := range studies {
			y[i], v[i], sei[i] = st.Value, st.Variance, math.Sqrt(st.Variance)
		}
		m := newModel(y, v, [][]float64{nil, sei})
		side = SideLeft // also when all standard errors are equal and the slope is undefined
		if m.fullRank() {
			est, err := m.estimateTau2(s.method, s)
			if err != nil {
				return TrimFillResult{}, err
			}
			if f := m.fit(est.tau2); !f.singul && f.beta[1] < 0 {
				side = SideRight
			}
		}
	}
	// Work on the side "left": flip the sign when studies are missing on the right.
	sign := 1.0
	if side == SideRight {
		sign = -1
	}
	idx := make([]int, k)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return sign*studies[idx[a]].Value < sign*studies[idx[b]].Value })
	y := make([]float64, k)
	v := make([]float64, k)
	for j, i := range idx {
		y[j], v[j] = sign*studies[i].Value, studies[i].Variance
	}
	// Trimmed fits go through the plain pooling path (z inference; the
	// estimate does not depend on Knapp-Hartung).
	st := s
	st.kh, st.adhoc = false, false
	var (
		k0, prev = 0, -1
		se0      float64
		beta     float64
		iter     int
		centered = make([]float64, k)
		order    = make([]int, k)
	)
	fk := float64(k)
	for k0 != prev {
		prev = k0
		iter++
		if iter > s.maxIter {
			return TrimFillResult{}, fmt.Errorf("%w: trim-and-fill after %d iterations", ErrNoConvergence, s.maxIter)
		}
		mt := newModel(y[:k-k0], v[:k-k0], nil)
		est, err := mt.estimateTau2(st.method, st)
		if err != nil {
			return TrimFillResult{}, err
		}
		beta = mt.fit(est.tau2).beta[0]
		for i := range y {
			centered[i] = y[i] - beta
			order[i] = i
		}
		// Ranks of |y - beta|, ties by position (R's ties.method = "first").
		sort.SliceStable(order, func(a, b int) bool { return math.Abs(centered[order[a]]) < math.Abs(centered[order[b]]) })
		var est0 float64
		switch t.Estimator {
		case L0:
			var sr float64
			for r, i := range order {
				if centered[i] > 0 {
					sr += float64(r + 1)
				}
			}
			est0 = (4*sr - fk*(fk+1)) / (2*fk - 1)
			varSr := (fk*(fk+1)*(2*fk+1) + 10*est0*est0*est0 + 27*est0*est0 + 17*est0 -
				18*fk*est0*est0 - 18*fk*est0 + 6*fk*fk*est0) / 24
			se0 = 4 * math.Sqrt(varSr) / (2*fk - 1)
		case R0:
			// gamma* - 1 = k - (largest rank among negative deviations) - 1.
			maxNeg := 0
			for r, i := range order {
				if centered[i] < 0 && r+1 > maxNeg {
					maxNeg = r + 1
				}
			}
			est0 = fk - float64(maxNeg) - 1
			se0 = math.Sqrt(2*math.Max(0, est0) + 2)
		}
		if math.IsNaN(se0) {
			se0 = 0
		}
		se0 = math.Max(0, se0)
		k0 = int(math.Max(0, roundHalfEven(est0)))
		if k0 >= k {
			return TrimFillResult{}, fmt.Errorf("%w: trim-and-fill estimates k0 = %d of %d studies missing, leaving none to fit", ErrTooFewStudies, k0, k)
		}
	}
	res := TrimFillResult{K0: k0, K0SE: se0, Side: side, Iterations: iter}
	all := append([]Study(nil), studies...)
	for j := 0; j < k0; j++ {
		src := k - k0 + j // the k0 largest (flipped) values
		fill := Study{
			Label:    fmt.Sprintf("Filled %d", j+1),
			Estimate: effect.Estimate{Measure: c.measure, Oriented: c.oriented, Value: sign * (2*beta - y[src]), Variance: v[src]},
		}
		res.Filled = append(res.Filled, fill)
		all = append(all, fill)
	}
	r, err := pool(all, c, s)
	if err != nil {
		return TrimFillResult{}, err
	}
	for j := k; j < len(all); j++ {
		r.Studies[j].Filled = true
	}
	res.Result = r
	return res, nil
}

// roundHalfEven rounds as R's round() does (IEC 60559: half to even).
func roundHalfEven(x float64) float64 { return math.RoundToEven(x) }
