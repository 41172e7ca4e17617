package network

import (
	"fmt"
	"math"
)

// Composition describes one categorical alter attribute of an ego
// network: counts and shares per codebook category, diversity and the
// E-I indices. Shares, diversity and E-I use the alters whose answer is
// recorded (the valid denominator); SharesAll divides by every alter, as
// egor's composition() does. A measure that cannot be computed is NaN
// and has an entry in Undefined.
type Composition struct {
	Attribute  string
	Categories []string  // the codebook
	Counts     []int     // alters per category
	Valid      int       // alters with the attribute recorded
	Missing    int       // alters without it
	Shares     []float64 // Counts / Valid
	SharesAll  []float64 // Counts / (Valid + Missing)

	Present int     // categories present among the alters
	Shannon float64 // Σ p log2(1/p), in bits
	Blau    float64 // 1 − Σ p²
	IQV     float64 // Blau · K/(K−1), K = len(Categories)

	// EgoAlterEI is (E − I)/(E + I) with E the alters whose category
	// differs from ego's and I those sharing it (Krackhardt and Stern
	// 1988); it needs an ego attribute of the same name.
	EgoAlterEI float64
	// AlterAlterEI is (E − I)/(E + I) over alter–alter ties, E joining
	// different categories and I the same; ties with a missing end are
	// left out.
	AlterAlterEI float64
	// RescaledEI replaces E and I by the between- and within-category
	// densities among the valid alters.
	RescaledEI float64

	Undefined []Undefined
}

func (c *Composition) undefined(measure, reason string) {
	c.Undefined = append(c.Undefined, Undefined{measure, reason})
}

// Compose describes the categorical alter attribute attr of one ego
// network. The ego and its ties must be valid for the codebook (see
// Ego.Validate). Structural measures follow Ego.Cap; composition uses
// every alter, and the alter–alter E-I indices use the alters among whom
// ties were asked.
func Compose(e *Ego, cb *Codebook, attr string) (Composition, error) {
	k := cb.AlterAttribute(attr)
	if k < 0 {
		return Composition{}, fieldErr(ErrInvalidInput, e.ID, "attr", attr, "no alter attribute of that name in the codebook")
	}
	if cb.Alter[k].Kind != Categorical {
		return Composition{}, fieldErr(ErrInvalidInput, e.ID, "attr", attr, "attribute is numeric; composition needs a categorical attribute")
	}
	if err := e.Validate(cb); err != nil {
		return Composition{}, err
	}
	var c Composition
	compose(e, cb, k, &c, newScratch(0), nil, nil)
	return c, nil
}

// compose fills c; counts (len K) and shares (len 2K) are zeroed buffers
// that c keeps, or nil to allocate.
func compose(e *Ego, cb *Codebook, k int, c *Composition, sc *scratch, counts []int, shares []float64) {
	a := cb.Alter[k]
	K := len(a.Categories)
	c.Attribute, c.Categories = a.Name, a.Categories
	if counts == nil {
		counts, shares = make([]int, K), make([]float64, 2*K)
	}
	c.Counts = counts
	if cap(sc.codes) < len(e.Alters) {
		sc.codes = make([]int32, len(e.Alters))
	}
	codes := sc.codes[:len(e.Alters)]
	for j := range e.Alters {
		v := e.Alters[j].Values[k]
		if math.IsNaN(v) {
			c.Missing++
			codes[j] = -1
			continue
		}
		codes[j] = int32(v)
		c.Counts[int(v)]++
		c.Valid++
	}
	n := len(e.Alters)
	c.Shares, c.SharesAll = shares[:K:K], shares[K:2*K:2*K]
	nan := math.NaN()
	for i, x := range c.Counts {
		c.Shares[i] = float64(x) / float64(c.Valid) // NaN when Valid = 0
		c.SharesAll[i] = float64(x) / float64(n)
		if x > 0 {
			c.Present++
		}
	}
	if n == 0 {
		c.undefined("SharesAll", "no alters")
	}
	if c.Valid == 0 {
		c.Shannon, c.Blau, c.IQV = nan, nan, nan
		reason := "no alter has the attribute recorded"
		c.undefined("Shares", reason)
		c.undefined("Shannon", reason)
		c.undefined("Blau", reason)
		c.undefined("IQV", reason)
	} else {
		sumSq := 0.0
		for _, p := range c.Shares {
			if p > 0 {
				c.Shannon -= p * math.Log2(p)
				sumSq += p * p
			}
		}
		c.Blau = 1 - sumSq
		if K < 2 {
			c.IQV = nan
			c.undefined("IQV", "the codebook has fewer than 2 categories")
		} else {
			c.IQV = c.Blau * float64(K) / float64(K-1)
		}
	}

	// Ego–alter E-I.
	c.EgoAlterEI = nan
	switch j := cb.EgoAttribute(a.Name); {
	case j < 0:
		c.undefined("EgoAlterEI", "no ego attribute of the same name")
	case cb.Ego[j].Kind != Categorical || !sameCategories(cb.Ego[j].Categories, a.Categories):
		c.undefined("EgoAlterEI", "the ego attribute's codebook differs from the alters'")
	case math.IsNaN(e.Values[j]):
		c.undefined("EgoAlterEI", "ego's own answer is missing")
	case c.Valid == 0:
		c.undefined("EgoAlterEI", "no alter has the attribute recorded")
	default:
		I := c.Counts[int(e.Values[j])]
		E := c.Valid - I
		c.EgoAlterEI = float64(E-I) / float64(E+I)
	}

	// Alter–alter E-I, raw and rescaled, over the alters whose ties were
	// asked.
	m := e.tieAlters()
	// Branch-free counting: the tie loop is the hot spot of Describe.
	I, both := 0, 0
	for _, t := range e.Ties {
		x, y := codes[t.A], codes[t.B]
		if x|y < 0 {
			continue // a missing end
		}
		both++
		I += b2i(x == y)
	}
	E := both - I
	if E+I == 0 {
		c.AlterAlterEI = nan
		c.undefined("AlterAlterEI", "no tie between two alters with the attribute recorded")
	} else {
		c.AlterAlterEI = float64(E-I) / float64(E+I)
	}
	counts = c.Counts
	if m < n {
		counts = make([]int, K)
		for _, al := range e.Alters[:m] {
			if v := al.Values[k]; !math.IsNaN(v) {
				counts[int(v)]++
			}
		}
	}
	nv := 0
	for _, x := range counts {
		nv += x
	}
	between, within := 0.0, 0.0
	for _, x := range counts {
		g := float64(x)
		between += g * float64(nv-x) / 2
		within += g * (g - 1) / 2
	}
	c.RescaledEI = nan
	switch {
	case between == 0:
		c.undefined("RescaledEI", "no pair of alters in different categories")
	case within == 0:
		c.undefined("RescaledEI", "no pair of alters in the same category")
	default:
		dE, dI := float64(E)/between, float64(I)/within
		if dE+dI == 0 {
			c.undefined("RescaledEI", "no tie between two alters with the attribute recorded")
		} else {
			c.RescaledEI = (dE - dI) / (dE + dI)
		}
	}
}

func sameCategories(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// share returns count/valid and count/all (NaN for a zero denominator).
func share(count, valid, all int) (share, shareAll float64) {
	return float64(count) / float64(valid), float64(count) / float64(all)
}

// Proportion is the share of alters that meet a condition.
type Proportion struct {
	Count    int     // alters that meet it
	Valid    int     // alters whose answers decide it
	Missing  int     // alters whose answers are missing
	Share    float64 // Count / Valid; NaN when Valid = 0
	ShareAll float64 // Count / all alters; NaN for an ego with no alters
}

// String prints the proportion as "3/5 (0.600; 1 missing)".
func (p Proportion) String() string {
	return fmt.Sprintf("%d/%d (%.3f; %d missing)", p.Count, p.Valid, p.Share, p.Missing)
}

// ProportionOf returns the share of the ego's alters that meet a
// condition. meets reports for one alter's Values whether it meets the
// condition and whether the answers needed to decide it are recorded
// (known = false counts the alter as missing). For example "non-kin and
// not a professional" is decided when kin and role are both recorded, or
// when either alone already rules the alter out.
func ProportionOf(e *Ego, meets func(values []float64) (yes, known bool)) Proportion {
	var p Proportion
	for _, a := range e.Alters {
		yes, known := meets(a.Values)
		switch {
		case !known:
			p.Missing++
		case yes:
			p.Count++
			p.Valid++
		default:
			p.Valid++
		}
	}
	p.Share, p.ShareAll = share(p.Count, p.Valid, len(e.Alters))
	return p
}
