package network

import "math"

// Strength summarizes a numeric alter attribute that rates the ego–alter
// tie, such as closeness (1–4) or a contact-frequency code: its mean over
// the alters with a rating and the number of alters at or above a
// threshold (for example "weekly or more often").
type Strength struct {
	Attribute string
	Threshold float64
	Mean      float64 // mean over Valid alters; NaN when Valid = 0
	AtLeast   int     // alters whose value is ≥ Threshold
	Valid     int
	Missing   int
	Undefined []Undefined
}

// TieStrength summarizes the numeric alter attribute attr of one ego
// network, counting the alters whose value is at least threshold.
func TieStrength(e *Ego, cb *Codebook, attr string, threshold float64) (Strength, error) {
	k := cb.AlterAttribute(attr)
	if k < 0 {
		return Strength{}, fieldErr(ErrInvalidInput, e.ID, "attr", attr, "no alter attribute of that name in the codebook")
	}
	if cb.Alter[k].Kind != Numeric {
		return Strength{}, fieldErr(ErrInvalidInput, e.ID, "attr", attr, "attribute is categorical; tie strength needs a numeric rating")
	}
	if math.IsNaN(threshold) {
		return Strength{}, fieldErr(ErrInvalidInput, e.ID, "threshold", threshold, "must be a number")
	}
	if err := e.Validate(cb); err != nil {
		return Strength{}, err
	}
	var s Strength
	strength(e, cb, k, threshold, &s)
	return s, nil
}

func strength(e *Ego, cb *Codebook, k int, threshold float64, s *Strength) {
	s.Attribute, s.Threshold = cb.Alter[k].Name, threshold
	sum := 0.0
	for _, a := range e.Alters {
		v := a.Values[k]
		if math.IsNaN(v) {
			s.Missing++
			continue
		}
		s.Valid++
		sum += v
		if v >= threshold {
			s.AtLeast++
		}
	}
	s.Mean = sum / float64(s.Valid)
	if s.Valid == 0 {
		s.Undefined = append(s.Undefined, Undefined{"Mean", "no alter has a rating"})
	}
}
