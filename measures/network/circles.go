package network

import "math"

// Circles counts the alters placed on each circle of a concentric-circle
// ("personal community") map. The circles are the categories of a
// categorical attribute's codebook, innermost first, so their meaning
// (for example importance: inner = hard to imagine life without) is data,
// not code. Cumulative[i] counts the alters on circles 0..i.
type Circles struct {
	Attribute  string
	Labels     []string
	Counts     []int
	Cumulative []int
	Missing    int // alters not placed on any circle
}

// CountCircles counts one ego's alters per circle of the categorical
// attribute attr.
func CountCircles(e *Ego, cb *Codebook, attr string) (Circles, error) {
	k := cb.AlterAttribute(attr)
	if k < 0 {
		return Circles{}, fieldErr(ErrInvalidInput, e.ID, "attr", attr, "no alter attribute of that name in the codebook")
	}
	if cb.Alter[k].Kind != Categorical {
		return Circles{}, fieldErr(ErrInvalidInput, e.ID, "attr", attr, "attribute is numeric; circles are the categories of a categorical attribute")
	}
	if err := e.Validate(cb); err != nil {
		return Circles{}, err
	}
	var c Circles
	circles(e, cb, k, &c, nil)
	return c, nil
}

// circles fills c; buf is a zeroed buffer of length 2K that c keeps, or
// nil to allocate.
func circles(e *Ego, cb *Codebook, k int, c *Circles, buf []int) {
	a := cb.Alter[k]
	K := len(a.Categories)
	c.Attribute, c.Labels = a.Name, a.Categories
	if buf == nil {
		buf = make([]int, 2*K)
	}
	c.Counts, c.Cumulative = buf[:K:K], buf[K:]
	for _, al := range e.Alters {
		if v := al.Values[k]; math.IsNaN(v) {
			c.Missing++
		} else {
			c.Counts[int(v)]++
		}
	}
	run := 0
	for i, x := range c.Counts {
		run += x
		c.Cumulative[i] = run
	}
}
