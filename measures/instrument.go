package measures

import (
	"math"
	"strconv"

	"github.com/tiesproject/ties/effect"
)

// Instrument is a published scoring key: which items a questionnaire has,
// which response codes each item allows, how codes are recoded, how items
// are aggregated into a total and subscales, how totals are banded and how
// missing items are handled. It is data: built-in instruments are read from
// embedded JSON files (see Lookup) and users can load their own with Load.
//
// An Instrument holds item content IDs and response codes, never item
// wording.
//
// Treat an Instrument as read-only: Score uses tables compiled by Load, so
// changing exported fields afterwards does not change scoring. Build a
// modified key with Load instead. Lookup returns a fresh copy on every call.
type Instrument struct {
	ID        string     // stable identifier, e.g. "ucla-ls3"
	Name      string     // e.g. "UCLA Loneliness Scale"
	Version   string     // e.g. "Version 3 (Russell 1996), 20 items"
	Citations []Citation // first entry is the primary citation
	Status    Status     // verification status of the key as a whole
	Notes     []string   // provenance, conventions and caveats

	// HigherMeans says in words what a higher score means, e.g.
	// "higher = lonelier", "higher = more support" (JSON key "direction").
	HigherMeans string
	// Direction is effect.HigherIsBetter when a higher score is the
	// favourable outcome (more support, better wellbeing) and
	// effect.LowerIsBetter otherwise (JSON key "higher_is_better", true or
	// false). Change classification and the orientation of effect sizes
	// (effect.Estimate.Favoring) use it.
	Direction effect.Direction

	ResponseSets []ResponseSet
	Recodes      []Recode
	Items        []Item
	Total        Scale
	Subscales    []Scale

	c *compiled
}

// Status records how well a key (or a fact in it) is supported by sources.
type Status string

// Verification statuses used in keys.
const (
	// Verified: two or more independent sources agree.
	Verified Status = "verified"
	// SingleSource: one source seen, not contradicted.
	SingleSource Status = "single-source"
	// Convention: a coding chosen by this library where the source
	// prescribes none (labelled in Notes).
	Convention Status = "convention"
	// UserDefined: a key loaded by a user; the library makes no claim.
	UserDefined Status = "user"
)

// Citation is a bibliographic reference. DOI is given only where it is
// verified; unverified DOIs are left out.
type Citation struct {
	Text string
	DOI  string
}

// ResponseSet is a set of allowed integer response codes with optional
// anchor labels (short labels such as "Never", not item wording).
type ResponseSet struct {
	ID     string
	Codes  []int
	Labels []string // empty, or one label per code
	Status Status   // Convention when the numeric coding is a library convention
}

// Recode maps each allowed code of a response set to an item score.
// De Jong Gierveld's dichotomous scoring (the neutral answer counts as
// lonely) is expressed as a Recode.
type Recode struct {
	ID    string
	Map   map[int]float64
	Notes string
}

// Item is one questionnaire item, keyed by a stable content ID.
type Item struct {
	ID        string // content ID, e.g. "djg-emptiness"; never item text
	Number    int    // 1-based position in the published form of this version
	Responses string // ID of the item's ResponseSet
	Reverse   bool   // score as min+max-code of the response set
	Recode    string // ID of a Recode; exclusive with Reverse
}

// Aggregation says how item scores are combined into a scale score.
type Aggregation string

// Aggregations.
const (
	Sum  Aggregation = "sum"
	Mean Aggregation = "mean"
)

// Scale is the total or a subscale: which items it aggregates, how,
// how it handles missing items, its optional conversion table and bands.
type Scale struct {
	ID          string      // "total" for the total
	Name        string      // e.g. "Emotional loneliness"
	Items       []string    // content IDs; for the total, empty means all items
	Aggregation Aggregation // Sum or Mean
	Missing     *MissingRule
	Conversion  *Conversion
	Bands       []Band
}

// MissingMethod is how a scale score is formed from incomplete items.
type MissingMethod string

// Missing-item methods.
const (
	// Prorate: person-mean proration. A sum is scaled to the full number of
	// items (sum of answered × items / answered); a mean is the mean of
	// the answered items.
	Prorate MissingMethod = "prorate"
	// SumAnswered: the aggregate over the answered items without
	// rescaling (De Jong Gierveld's syntax for the 6-item scale).
	SumAnswered MissingMethod = "sum-answered"
)

// MissingRule is a published missing-item rule: the scale score is
// computed when at most MaxMissing items are missing, by Method. Without a
// rule every item is required.
type MissingRule struct {
	MaxMissing int
	Method     MissingMethod
	Source     string
}

// Conversion maps an integer raw score to a published metric score
// (SWEMWBS). It is defined only for complete responses.
type Conversion struct {
	Name   string // e.g. "metric"
	Raw    []int
	Metric []float64
	Source string
}

// Band is a labelled score interval with explicit bounds. Bounds is one of
// "[)", "[]", "(]", "()": whether Lower and Upper belong to the band.
type Band struct {
	Label  string
	Lower  float64
	Upper  float64
	Bounds string
}

// Contains reports whether x lies in the band.
func (b Band) Contains(x float64) bool {
	lo := x > b.Lower || (x == b.Lower && b.Bounds[0] == '[')
	hi := x < b.Upper || (x == b.Upper && b.Bounds[1] == ']')
	return lo && hi
}

// Index returns the position of the item with the given content ID, or -1.
func (in *Instrument) Index(contentID string) int {
	for i, it := range in.Items {
		if it.ID == contentID {
			return i
		}
	}
	return -1
}

// Subscale returns the subscale with the given ID, or nil.
func (in *Instrument) Subscale(id string) *Scale {
	for i := range in.Subscales {
		if in.Subscales[i].ID == id {
			return &in.Subscales[i]
		}
	}
	return nil
}

// Range returns the smallest and largest attainable total score (after
// conversion, if any) for complete responses; proration stays within it,
// a SumAnswered total over fewer items can fall below it.
func (in *Instrument) Range() (min, max float64) {
	if in.loaded() != nil {
		return math.NaN(), math.NaN()
	}
	s := &in.c.scales[0]
	return s.min, s.max
}

// Columns maps data-set column names, given in the instrument's item
// order, to the items' content IDs, for CSVOptions.Columns: for example
// djg6.Columns("djg6_1", …, "djg6_6") for a file whose DJG-6 columns
// follow this key's item order. It returns an error wrapping
// ErrInvalidInput unless there is one distinct name per item.
func (in *Instrument) Columns(names ...string) (map[string]string, error) {
	if len(names) != len(in.Items) {
		return nil, fieldErr("names", len(names), "want one column name per item ("+strconv.Itoa(len(in.Items))+")")
	}
	m := make(map[string]string, len(names))
	for j, n := range names {
		if _, dup := m[n]; dup {
			return nil, fieldErr("names", n, "duplicate column name")
		}
		m[n] = in.Items[j].ID
	}
	return m, nil
}
