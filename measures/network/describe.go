package network

// Data is a set of ego networks with their codebook, as ReadCSV returns
// them.
type Data struct {
	Codebook Codebook
	Egos     []Ego
	// Errs holds one entry per ego: nil, or the joined errors of the
	// ego's rejected rows. An ego with a rejected row has no measures,
	// because its network is not the one the respondent reported.
	Errs []error
	// Rejected lists every rejected row in file order, including rows
	// that belong to no ego of the egos file. Each is an
	// *effect.FieldError with the file line.
	Rejected []error
	// Cleaned lists the rows dropped while cleaning (self-loops, a pair
	// listed again), each an *effect.FieldError wrapping ErrCleaned.
	Cleaned []error
}

// Options selects the attribute-based measures of Describe. The nil
// value computes the structural measures only.
type Options struct {
	// Compose lists categorical alter attributes to describe with
	// Compose (shares, diversity, E-I).
	Compose []string
	// Strength names a numeric alter attribute to summarize with
	// TieStrength, counting alters at or above Threshold.
	Strength  string
	Threshold float64
	// Circle names the categorical attribute of a concentric-circle map
	// to count with CountCircles.
	Circle string
}

// Result holds the measures of one ego. Err is non-nil when the ego's
// data are invalid; the other fields are then zero.
type Result struct {
	Ego          string
	Structure    Structure
	Compositions []Composition // one per Options.Compose attribute
	Strength     Strength      // zero when Options.Strength is ""
	Circles      Circles       // zero when Options.Circle is ""
	Err          error
}

// Describe computes every measure for each ego of d, in input order, one
// Result per ego, each with its own error. An Options field that names no
// suitable attribute returns an error wrapping ErrInvalidInput and no
// results.
func Describe(d *Data, o *Options) ([]Result, error) {
	cb := &d.Codebook
	if err := cb.check(); err != nil {
		return nil, err
	}
	var comp []int
	strengthAt, circleAt := -1, -1
	if o != nil {
		for _, name := range o.Compose {
			k := cb.AlterAttribute(name)
			if k < 0 || cb.Alter[k].Kind != Categorical {
				return nil, fieldErr(ErrInvalidInput, "", "Options.Compose", name, "not a categorical alter attribute of the codebook")
			}
			comp = append(comp, k)
		}
		if o.Strength != "" {
			strengthAt = cb.AlterAttribute(o.Strength)
			if strengthAt < 0 || cb.Alter[strengthAt].Kind != Numeric {
				return nil, fieldErr(ErrInvalidInput, "", "Options.Strength", o.Strength, "not a numeric alter attribute of the codebook")
			}
		} else if o.Threshold != 0 {
			return nil, fieldErr(ErrInvalidInput, "", "Options.Threshold", o.Threshold, "set Options.Strength to the attribute it applies to")
		}
		if o.Threshold != o.Threshold {
			return nil, fieldErr(ErrInvalidInput, "", "Options.Threshold", o.Threshold, "must be a number")
		}
		if o.Circle != "" {
			circleAt = cb.AlterAttribute(o.Circle)
			if circleAt < 0 || cb.Alter[circleAt].Kind != Categorical {
				return nil, fieldErr(ErrInvalidInput, "", "Options.Circle", o.Circle, "not a categorical alter attribute of the codebook")
			}
		}
	}
	if d.Errs != nil && len(d.Errs) != len(d.Egos) {
		return nil, fieldErr(ErrInvalidInput, "", "Data.Errs", len(d.Errs), "want nil or one entry per ego")
	}
	out := make([]Result, len(d.Egos))
	var comps []Composition
	if len(comp) > 0 {
		comps = make([]Composition, len(comp)*len(d.Egos))
	}
	// Slabs for the per-ego count and share slices, one allocation each.
	perInts, perFloats := 0, 0
	for _, k := range comp {
		perInts += len(cb.Alter[k].Categories)
		perFloats += 2 * len(cb.Alter[k].Categories)
	}
	if circleAt >= 0 {
		perInts += 2 * len(cb.Alter[circleAt].Categories)
	}
	ints := make([]int, perInts*len(d.Egos))
	floats := make([]float64, perFloats*len(d.Egos))
	sc := newScratch(32)
	for i := range d.Egos {
		e := &d.Egos[i]
		r := &out[i]
		r.Ego = e.ID
		if d.Errs != nil && d.Errs[i] != nil {
			r.Err = d.Errs[i]
			continue
		}
		if err := e.validateValues(cb); err != nil {
			r.Err = err
			continue
		}
		if err := e.validateTies(sc); err != nil {
			r.Err = err
			continue
		}
		structural(e, &r.Structure, sc)
		if len(comp) > 0 {
			r.Compositions = comps[i*len(comp) : (i+1)*len(comp) : (i+1)*len(comp)]
			for j, k := range comp {
				K := len(cb.Alter[k].Categories)
				compose(e, cb, k, &r.Compositions[j], sc, ints[:K:K], floats[:2*K:2*K])
				ints, floats = ints[K:], floats[2*K:]
			}
		}
		if strengthAt >= 0 {
			strength(e, cb, strengthAt, o.Threshold, &r.Strength)
		}
		if circleAt >= 0 {
			K := len(cb.Alter[circleAt].Categories)
			circles(e, cb, circleAt, &r.Circles, ints[:2*K:2*K])
			ints = ints[2*K:]
		}
	}
	return out, nil
}
