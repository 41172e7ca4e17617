package measures

import (
	"math"
	"strconv"

	"github.com/tiesproject/ties/effect"
)

// Score is the result of scoring one respondent.
type Score struct {
	// Total is the total score (after conversion, if the instrument has a
	// conversion table). It is NaN when it cannot be computed because too
	// many items are missing.
	Total float64
	// Raw is the total before conversion. It equals Total for instruments
	// without a conversion table. A conversion table (SWEMWBS's metric
	// score) is published for complete responses only, so with a missing
	// item both Total and Raw are NaN: no prorated raw score stands in.
	Raw float64
	// Band is the label of the band containing Total, or "" when the total
	// has no bands, is NaN, or is a value the publication does not
	// categorize: bands of a sum of whole-number item scores are defined
	// on whole totals, so a prorated total such as 4.8 on the DJG-6 gets
	// no band (a prorated 5 does).
	Band string
	// Missing is the number of missing items over the whole instrument.
	Missing int
	// Prorated reports that Total is a number computed from incomplete
	// items under a missing-item rule (published, or the caller's opt-in).
	// It is false whenever Total is NaN.
	Prorated bool
	// NonStandard reports that a caller-supplied rule (ScoreOptions)
	// produced the total or a subscale (a number, not NaN), rather than
	// the published key.
	NonStandard bool
	// Subscales holds one entry per subscale of the instrument, in order.
	Subscales []SubscaleScore
}

// SubscaleScore is one subscale's score.
type SubscaleScore struct {
	ID       string
	Value    float64 // NaN when too many of its items are missing
	Band     string  // "" as for Score.Band
	Missing  int
	Prorated bool // Value is a number computed from incomplete items
}

// Subscale returns the score of the subscale with the given id, and
// whether it exists.
func (s Score) Subscale(id string) (SubscaleScore, bool) {
	for _, v := range s.Subscales {
		if v.ID == id {
			return v, true
		}
	}
	return SubscaleScore{}, false
}

// ScoreOptions changes how missing items are handled. The nil value means
// the published key: without a published missing-item rule a scale needs
// every item.
type ScoreOptions struct {
	// MaxMissing > 0 opts in to scoring the total when at most MaxMissing
	// items are missing, by Method. This is non-standard unless it
	// reproduces a published rule: results carry NonStandard. It replaces
	// a published rule of the total. It cannot apply to a total with a
	// conversion table (published for complete responses only): scoring
	// such an instrument with MaxMissing > 0 is an error.
	MaxMissing int
	// SubscaleMaxMissing is the same opt-in for each subscale; it is an
	// error for an instrument without subscales.
	SubscaleMaxMissing int
	// Method is the opt-in missing-item method; the zero value means
	// Prorate (person-mean proration).
	Method MissingMethod
}

// validate checks the options and, when in is not nil, that every option
// set applies to in.
func (o *ScoreOptions) validate(in *Instrument) error {
	if o == nil {
		return nil
	}
	if o.MaxMissing < 0 {
		return fieldErr("ScoreOptions.MaxMissing", o.MaxMissing, "must not be negative")
	}
	if o.SubscaleMaxMissing < 0 {
		return fieldErr("ScoreOptions.SubscaleMaxMissing", o.SubscaleMaxMissing, "must not be negative")
	}
	switch o.Method {
	case "", Prorate, SumAnswered:
	default:
		return fieldErr("ScoreOptions.Method", o.Method, "must be Prorate or SumAnswered")
	}
	if in != nil {
		if o.MaxMissing > 0 && in.c.scales[0].conv != nil {
			return fieldErr("ScoreOptions.MaxMissing", o.MaxMissing, "the "+in.ID+" total's "+in.Total.Conversion.Name+
				" conversion is published for complete responses only; score without MaxMissing")
		}
		if o.SubscaleMaxMissing > 0 && len(in.Subscales) == 0 {
			return fieldErr("ScoreOptions.SubscaleMaxMissing", o.SubscaleMaxMissing, in.ID+" has no subscales")
		}
	}
	return nil
}

// fit returns the options that apply to in: ScoreCSV scores several
// instruments with one set of options, and uses on each the ones it can.
func (o *ScoreOptions) fit(in *Instrument) *ScoreOptions {
	if o == nil {
		return nil
	}
	c := *o
	if in.c.scales[0].conv != nil {
		c.MaxMissing = 0
	}
	if len(in.Subscales) == 0 {
		c.SubscaleMaxMissing = 0
	}
	return &c
}

// appliesTo reports whether the options apply to at least one of the
// instruments, for ScoreCSV, which scores several with one set of
// options; it returns the error of the first instrument otherwise.
func (o *ScoreOptions) appliesTo(ins []*Instrument) error {
	if err := o.validate(nil); err != nil || o == nil {
		return err
	}
	var first error
	for _, in := range ins {
		err := o.validate(in)
		if err == nil {
			return nil
		}
		if first == nil {
			first = err
		}
	}
	return first
}

// Score scores one respondent. responses holds one value per item in the
// order of in.Items; NaN marks a missing item. It is ScoreWith(responses, nil).
func (in *Instrument) Score(responses []float64) (Score, error) {
	return in.ScoreWith(responses, nil)
}

// ScoreWith scores one respondent with options; a nil o means the published
// key.
//
// A response that is not one of the item's allowed codes (a non-integer,
// ±Inf, a code outside the response set) is an error wrapping
// ErrOutOfRange that names the item; it is never clamped. Too many missing
// items are not an error: the affected scale is NaN and Missing counts them.
func (in *Instrument) ScoreWith(responses []float64, o *ScoreOptions) (Score, error) {
	if err := in.loaded(); err != nil {
		return Score{}, err
	}
	if err := o.validate(in); err != nil {
		return Score{}, err
	}
	c := in.c
	if len(responses) != c.k {
		return Score{}, fieldErr("responses", len(responses), "want one response per item ("+strconv.Itoa(c.k)+")")
	}
	var sc Score
	r := rowResult{sub: make([]float64, len(c.scales)-1), subMissing: make([]int, len(c.scales)-1),
		subBand: make([]int, len(c.scales)-1), subPro: make([]bool, len(c.scales)-1)}
	vals := make([]float64, c.k)
	if err := in.scoreRow(responses, vals, &r, o); err != nil {
		return Score{}, err
	}
	sc.Total, sc.Raw, sc.Missing, sc.Prorated, sc.NonStandard = r.total, r.raw, r.missing, r.prorated, r.nonStd
	if r.band >= 0 {
		sc.Band = c.scales[0].bands[r.band].Label
	}
	if n := len(in.Subscales); n > 0 {
		sc.Subscales = make([]SubscaleScore, n)
		for i := range sc.Subscales {
			s := SubscaleScore{ID: in.Subscales[i].ID, Value: r.sub[i], Missing: r.subMissing[i], Prorated: r.subPro[i]}
			if r.subBand[i] >= 0 {
				s.Band = c.scales[i+1].bands[r.subBand[i]].Label
			}
			sc.Subscales[i] = s
		}
	}
	return sc, nil
}

// rowResult receives one row's scores; slices are preallocated by the caller.
type rowResult struct {
	total, raw float64
	band       int
	missing    int
	prorated   bool
	nonStd     bool
	sub        []float64
	subMissing []int
	subBand    []int
	subPro     []bool
}

// scoreRow is the hot path: it recodes the row through the compiled
// tables into vals (NaN = missing) and aggregates every scale. It
// allocates only to report an error.
func (in *Instrument) scoreRow(row, vals []float64, r *rowResult, o *ScoreOptions) error {
	c := in.c
	missing := 0
	for j, x := range row {
		if x != x { // NaN: missing
			vals[j] = x
			missing++
			continue
		}
		// Conversion to int is only trusted when it round-trips, which
		// rejects non-integers, ±Inf and magnitudes beyond int range.
		i := int(x)
		k := i - c.lo[j]
		if float64(i) != x || uint(k) >= uint(c.span[j]) {
			return in.codeErr(j, x)
		}
		v := c.tab[c.off[j]+k]
		if v != v {
			return in.codeErr(j, x)
		}
		vals[j] = v
	}
	r.missing = missing
	t := &c.scales[0]
	var sum float64
	var nmiss int
	if t.all {
		if missing == 0 {
			for _, v := range vals {
				sum += v
			}
		} else {
			sum, nmiss = sumPresent(vals)
		}
	} else {
		for _, i := range t.idx {
			if v := vals[i]; v == v {
				sum += v
			} else {
				nmiss++
			}
		}
	}
	r.raw, r.prorated, r.nonStd = t.aggregate(sum, nmiss, o, true)
	r.total, r.band = t.finish(r.raw, nmiss == 0)
	if nmiss > 0 && r.total != r.total {
		// No number was produced (a conversion needs every item): no
		// prorated raw score and no flags.
		r.raw, r.prorated, r.nonStd = math.NaN(), false, false
	}
	for s := range r.sub {
		cs := &c.scales[s+1]
		sum, nmiss = 0, 0
		for _, i := range cs.idx {
			if v := vals[i]; v == v {
				sum += v
			} else {
				nmiss++
			}
		}
		var ns bool
		var raw float64
		raw, r.subPro[s], ns = cs.aggregate(sum, nmiss, o, false)
		r.sub[s], r.subBand[s] = cs.finish(raw, nmiss == 0)
		if nmiss > 0 && r.sub[s] != r.sub[s] {
			r.subPro[s], ns = false, false
		}
		r.nonStd = r.nonStd || ns
		r.subMissing[s] = nmiss
	}
	return nil
}

func sumPresent(vals []float64) (sum float64, nmiss int) {
	for _, v := range vals {
		if v == v {
			sum += v
		} else {
			nmiss++
		}
	}
	return sum, nmiss
}

// aggregate turns the sum of the answered items into the scale's raw score
// under the applicable missing-item rule.
func (cs *cscale) aggregate(sum float64, nmiss int, o *ScoreOptions, total bool) (raw float64, prorated, nonStd bool) {
	n := len(cs.idx)
	if nmiss == 0 {
		if cs.mean {
			return sum / float64(n), false, false
		}
		return sum, false, false
	}
	max, method := 0, MissingMethod("")
	if cs.rule != nil {
		max, method = cs.rule.MaxMissing, cs.rule.Method
	}
	if o != nil {
		m := o.SubscaleMaxMissing
		if total {
			m = o.MaxMissing
		}
		if m > 0 {
			max, method, nonStd = m, o.Method, true
			if method == "" {
				method = Prorate
			}
		}
	}
	answered := n - nmiss
	if nmiss > max || answered == 0 {
		return math.NaN(), false, false
	}
	switch {
	case cs.mean:
		// The mean of the answered items is the person-mean proration
		// of a mean; sum-answered has no other meaning for a mean.
		return sum / float64(answered), true, nonStd
	case method == SumAnswered:
		return sum, true, nonStd
	default:
		return sum * float64(n) / float64(answered), true, nonStd
	}
}

// finish applies the conversion table and finds the band.
func (cs *cscale) finish(raw float64, complete bool) (score float64, band int) {
	score = raw
	if cs.conv != nil {
		// The published conversion is defined for complete responses only.
		k := int(raw) - cs.convLo
		if !complete || raw != raw || uint(k) >= uint(len(cs.conv)) || float64(int(raw)) != raw {
			return math.NaN(), -1
		}
		score = cs.conv[k]
	}
	return score, cs.band(score)
}

// band finds the band containing x. Bands of a sum of whole-number item
// scores are published for whole totals: a prorated total between two
// whole numbers is not categorized.
func (cs *cscale) band(x float64) int {
	if x != x || (cs.wholeBands && x != math.Trunc(x)) {
		return -1
	}
	for i := range cs.bands {
		if cs.bands[i].Contains(x) {
			return i
		}
	}
	return -1
}

// codeErr is the error about a response that is not an allowed code of
// item j: an *effect.FieldError naming the item and listing the codes.
func (in *Instrument) codeErr(j int, x float64) error {
	return &effect.FieldError{Field: in.Items[j].ID, Value: strconv.FormatFloat(x, 'g', -1, 64),
		Reason: in.codeReason(j), Err: ErrOutOfRange}
}

// codeReason says what is wrong with a response to item j and which codes
// are allowed: "response code not allowed (allowed: 1 to 4)".
func (in *Instrument) codeReason(j int) string {
	c := in.c
	var codes []int
	for k := 0; k < c.span[j]; k++ {
		if v := c.tab[c.off[j]+k]; v == v {
			codes = append(codes, c.lo[j]+k)
		}
	}
	return "response code not allowed (allowed: " + codeList(codes) + ")"
}

// codeList prints consecutive codes as a range ("1 to 4") and others as a
// list ("0, 2, 4").
func codeList(codes []int) string {
	if len(codes) == 0 {
		return "none"
	}
	if codes[len(codes)-1]-codes[0] == len(codes)-1 && len(codes) > 2 {
		return strconv.Itoa(codes[0]) + " to " + strconv.Itoa(codes[len(codes)-1])
	}
	s := strconv.Itoa(codes[0])
	for _, c := range codes[1:] {
		s += ", " + strconv.Itoa(c)
	}
	return s
}

// ItemScores writes the recoded item scores of one respondent into dst
// (reverse keys and recodes applied, NaN kept for missing items), for
// example to compute Alpha on a scale's scored items. dst must have one
// element per item; nil allocates.
func (in *Instrument) ItemScores(dst, responses []float64) ([]float64, error) {
	if err := in.loaded(); err != nil {
		return nil, err
	}
	c := in.c
	if len(responses) != c.k {
		return nil, fieldErr("responses", len(responses), "want one response per item ("+strconv.Itoa(c.k)+")")
	}
	if dst == nil {
		dst = make([]float64, c.k)
	}
	if len(dst) != c.k {
		return nil, fieldErr("dst", len(dst), "want one element per item ("+strconv.Itoa(c.k)+")")
	}
	for j, x := range responses {
		if x != x {
			dst[j] = x
			continue
		}
		if !in.allowed(j, x) {
			return nil, in.codeErr(j, x)
		}
		dst[j] = c.tab[c.off[j]+int(x)-c.lo[j]]
	}
	return dst, nil
}

// loaded reports an Instrument that was not built by Load or Lookup (for
// example a literal &Instrument{}), which has no scoring tables.
func (in *Instrument) loaded() error {
	if in == nil || in.c == nil {
		return keyErr("", "(instrument)", "not loaded: build instruments with Load or Lookup")
	}
	return nil
}
