package network

import (
	"fmt"
	"math"
	"strconv"
)

// Kind says how the values of an attribute are read.
type Kind int

const (
	// Categorical values are categories of a codebook, stored as the
	// index of the category in Attribute.Categories.
	Categorical Kind = iota
	// Numeric values are numbers (a contact-frequency code, a closeness
	// rating, an age).
	Numeric
)

// String returns "categorical" or "numeric".
func (k Kind) String() string {
	switch k {
	case Categorical:
		return "categorical"
	case Numeric:
		return "numeric"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Attribute describes one alter or ego attribute: its column heading, its
// kind and, for a categorical attribute, its codebook. The codebook lists
// every category the question allowed, answered or not, because the index
// of qualitative variation depends on the number of possible categories;
// for an ordered attribute such as the circle of a concentric-circle map
// the categories are listed in order, innermost first.
type Attribute struct {
	Name       string
	Kind       Kind
	Categories []string
}

// Code returns the stored value of a category: its index in Categories.
// ok is false when the attribute is not categorical or the category is
// not in the codebook.
func (a Attribute) Code(category string) (code float64, ok bool) {
	if a.Kind != Categorical {
		return math.NaN(), false
	}
	for i, c := range a.Categories {
		if c == category {
			return float64(i), true
		}
	}
	return math.NaN(), false
}

// Codebook lists the attributes of alters and of egos. Alter.Values and
// Ego.Values hold one value per attribute, in this order.
type Codebook struct {
	Alter []Attribute
	Ego   []Attribute
}

// check reports a codebook that cannot be read unambiguously.
func (c *Codebook) check() error {
	for _, as := range []struct {
		field string
		list  []Attribute
	}{{"Codebook.Alter", c.Alter}, {"Codebook.Ego", c.Ego}} {
		names := map[string]bool{}
		for _, a := range as.list {
			switch {
			case a.Name == "":
				return fieldErr(ErrInvalidInput, "", as.field, a.Name, "attribute without a name")
			case names[a.Name]:
				return fieldErr(ErrInvalidInput, "", as.field, a.Name, "attribute named twice")
			case a.Kind != Categorical && a.Kind != Numeric:
				return fieldErr(ErrInvalidInput, "", as.field, a.Name, "unknown attribute kind")
			case a.Kind == Categorical && len(a.Categories) == 0:
				return fieldErr(ErrInvalidInput, "", as.field, a.Name, "a categorical attribute needs its categories (the codebook)")
			case a.Kind == Numeric && len(a.Categories) > 0:
				return fieldErr(ErrInvalidInput, "", as.field, a.Name, "a numeric attribute has no categories")
			}
			names[a.Name] = true
			cats := map[string]bool{}
			for _, cat := range a.Categories {
				if cats[cat] {
					return fieldErr(ErrInvalidInput, "", as.field, a.Name, "category "+strconv.Quote(cat)+" listed twice")
				}
				cats[cat] = true
			}
		}
	}
	return nil
}

// AlterAttribute returns the position of the alter attribute with the
// given name, or -1.
func (c *Codebook) AlterAttribute(name string) int {
	return find(c.Alter, name)
}

// EgoAttribute returns the position of the ego attribute with the given
// name, or -1.
func (c *Codebook) EgoAttribute(name string) int {
	return find(c.Ego, name)
}

func find(as []Attribute, name string) int {
	for i, a := range as {
		if a.Name == name {
			return i
		}
	}
	return -1
}

// Missing is the stored value of a missing attribute (NaN). Test with
// math.IsNaN.
var Missing = math.NaN()

// Alter is one person an ego named.
type Alter struct {
	ID string
	// Values holds one value per Codebook.Alter attribute: the category
	// index for a categorical attribute, the number for a numeric one,
	// NaN when the answer is missing.
	Values []float64
}

// Tie is an undirected alter–alter tie between Alters[A] and Alters[B] of
// one ego.
type Tie struct {
	A, B int
	// Weight is the tie's strength in [0, 1]; it is read only when
	// Ego.Weighted is true.
	Weight float64
}

// Ego is one respondent's personal network.
type Ego struct {
	ID     string
	Values []float64 // one per Codebook.Ego attribute; NaN = missing
	Alters []Alter
	Ties   []Tie
	// Weighted says that Tie.Weight holds tie strengths; when false the
	// weighted density is not computed (NaN with a reason).
	Weighted bool
	// Cap is the name-generator cap when alter–alter ties were asked only
	// among the first Cap alters (egor's max.netsize); 0 means ties were
	// asked among all alters. Structural measures use the first
	// min(len(Alters), Cap) alters.
	Cap int
}

// Validate checks that every tie joins two different alters of the ego,
// that no pair is listed twice, that weights lie in [0, 1] when the ego
// is weighted, that ties stay among the first Cap alters, that no alter
// ID is given twice and that every ego and alter has one value per
// attribute of the codebook (nil means no attributes are checked). Run
// Clean first to drop self-loops and repeated ties. The error wraps
// ErrInvalidInput.
func (e *Ego) Validate(cb *Codebook) error {
	if err := e.validateValues(cb); err != nil {
		return err
	}
	return e.validateTies(newScratch(len(e.Alters)))
}

func (e *Ego) validateValues(cb *Codebook) error {
	if e.Cap < 0 {
		return fieldErr(ErrInvalidInput, e.ID, "Cap", e.Cap, "must be 0 (no cap) or positive")
	}
	if cb != nil {
		if len(e.Values) != len(cb.Ego) {
			return fieldErr(ErrInvalidInput, e.ID, "Values", len(e.Values), fmt.Sprintf("want one value per ego attribute (%d)", len(cb.Ego)))
		}
		for i, v := range e.Values {
			if err := checkValue(cb.Ego[i], v); err != nil {
				return fieldErr(ErrInvalidInput, e.ID, cb.Ego[i].Name, v, err.Error())
			}
		}
		for j := range e.Alters {
			a := &e.Alters[j]
			if len(a.Values) != len(cb.Alter) {
				return fieldErr(ErrInvalidInput, e.ID, "Alters["+strconv.Itoa(j)+"].Values", len(a.Values),
					fmt.Sprintf("want one value per alter attribute (%d)", len(cb.Alter)))
			}
			for i, v := range a.Values {
				if quickValid(&cb.Alter[i], v) {
					continue
				}
				if err := checkValue(cb.Alter[i], v); err != nil {
					return fieldErr(ErrInvalidInput, e.ID, "alter "+a.ID+": "+cb.Alter[i].Name, v, err.Error())
				}
			}
		}
	}
	return nil
}

// validateTies checks alter IDs and ties, leaving the adjacency matrix and
// degrees of the first tieAlters() alters in sc.
func (e *Ego) validateTies(sc *scratch) error {
	n := len(e.Alters)
	if dup := sc.duplicateID(e.Alters); dup >= 0 {
		return fieldErr(ErrInvalidInput, e.ID, "alter", e.Alters[dup].ID, "alter ID given twice for this ego")
	}
	m := e.tieAlters()
	sc.grow(m)
	adj, deg := sc.adj, sc.deg
	for k, t := range e.Ties {
		var reason string
		switch {
		case t.A < 0 || t.A >= n || t.B < 0 || t.B >= n:
			reason = fmt.Sprintf("alter index outside 0..%d", n-1)
		case t.A == t.B:
			reason = "self-loop; run Clean to drop it"
		case t.A >= m || t.B >= m:
			reason = fmt.Sprintf("ties were asked only among the first %d alters (Cap)", m)
		case adj.has(t.A, t.B):
			reason = "pair listed twice; run Clean to merge it"
		case e.Weighted && !(t.Weight >= 0 && t.Weight <= 1):
			return fieldErr(ErrInvalidInput, e.ID, "Ties["+strconv.Itoa(k)+"].Weight", t.Weight, "weights must lie in [0, 1]")
		}
		if reason != "" {
			return fieldErr(ErrInvalidInput, e.ID, "Ties["+strconv.Itoa(k)+"]", t, reason)
		}
		adj.set(t.A, t.B)
		deg[t.A]++
		deg[t.B]++
	}
	return nil
}

// quickValid is the common case of checkValue without the error: a
// category index in range or a finite number.
func quickValid(a *Attribute, v float64) bool {
	if a.Kind == Categorical {
		return v >= 0 && v < float64(len(a.Categories)) && v == float64(int(v))
	}
	return a.Kind == Numeric && v-v == 0 // finite
}

func checkValue(a Attribute, v float64) error {
	if math.IsNaN(v) {
		return nil
	}
	switch a.Kind {
	case Categorical:
		if v != math.Trunc(v) || v < 0 || int(v) >= len(a.Categories) {
			return fmt.Errorf("not a category index of the codebook (0..%d)", len(a.Categories)-1)
		}
	case Numeric:
		if math.IsInf(v, 0) {
			return fmt.Errorf("infinite")
		}
	default:
		return fmt.Errorf("attribute has unknown kind %v", a.Kind)
	}
	return nil
}

// tieAlters is the number of alters among whom ties were asked.
func (e *Ego) tieAlters() int {
	n := len(e.Alters)
	if e.Cap > 0 && e.Cap < n {
		return e.Cap
	}
	return n
}

// Clean returns the ego's ties with self-loops dropped and each pair kept
// once (A–B and B–A are one undirected tie; the first listing is kept, A
// < B after cleaning), together with a report of each dropped tie. A
// repeated pair whose weight differs from the first listing is not
// merged: it is returned as an error wrapping ErrInvalidInput, because no
// published rule says which weight to keep. Ties whose endpoints are not
// alters of the ego are errors too. Reports wrap ErrCleaned.
func (e *Ego) Clean() (ties []Tie, dropped []error, err error) {
	n := len(e.Alters)
	first := make(map[[2]int]int, len(e.Ties))
	ties = make([]Tie, 0, len(e.Ties))
	for k, t := range e.Ties {
		f := "Ties[" + strconv.Itoa(k) + "]"
		if t.A < 0 || t.A >= n || t.B < 0 || t.B >= n {
			return nil, dropped, fieldErr(ErrInvalidInput, e.ID, f, t, fmt.Sprintf("alter index outside 0..%d", n-1))
		}
		if t.A == t.B {
			dropped = append(dropped, fieldErr(ErrCleaned, e.ID, f, t, "self-loop dropped"))
			continue
		}
		orig := t
		if t.A > t.B {
			t.A, t.B = t.B, t.A
		}
		key := [2]int{t.A, t.B}
		if j, ok := first[key]; ok {
			if e.Weighted && ties[j].Weight != t.Weight {
				return nil, dropped, fieldErr(ErrInvalidInput, e.ID, f, orig,
					fmt.Sprintf("pair listed again with weight %v after %v; give one weight per pair", t.Weight, ties[j].Weight))
			}
			dropped = append(dropped, fieldErr(ErrCleaned, e.ID, f, orig, "pair listed again; kept once"))
			continue
		}
		first[key] = len(ties)
		ties = append(ties, t)
	}
	return ties, dropped, nil
}
