package measures

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/tiesproject/ties/effect"
)

// The JSON schema of a scoring key. Field names are documented in doc.go;
// keep the two in step.
type jsonKey struct {
	ID             string         `json:"id"`
	Name           string         `json:"name"`
	Version        string         `json:"version"`
	Citations      []jsonCitation `json:"citations"`
	Status         string         `json:"status"`
	Notes          []string       `json:"notes"`
	Direction      string         `json:"direction"`
	HigherIsBetter *bool          `json:"higher_is_better"`
	ResponseSets   []jsonRespSet  `json:"response_sets"`
	Recodes        []jsonRecode   `json:"recodes"`
	Items          []jsonItem     `json:"items"`
	Total          *jsonScale     `json:"total"`
	Subscales      []jsonScale    `json:"subscales"`
}

type jsonCitation struct {
	Text string `json:"text"`
	DOI  string `json:"doi"`
}

type jsonRespSet struct {
	ID     string   `json:"id"`
	Codes  []int    `json:"codes"`
	Labels []string `json:"labels"`
	Status string   `json:"status"`
}

type jsonRecode struct {
	ID    string             `json:"id"`
	Map   map[string]float64 `json:"map"`
	Notes string             `json:"notes"`
}

type jsonItem struct {
	ID        string `json:"id"`
	Number    int    `json:"number"`
	Responses string `json:"responses"`
	Reverse   bool   `json:"reverse"`
	Recode    string `json:"recode"`
}

type jsonScale struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	Items       []string        `json:"items"`
	Aggregation string          `json:"aggregation"`
	Missing     *jsonMissing    `json:"missing"`
	Conversion  *jsonConversion `json:"conversion"`
	Bands       []jsonBand      `json:"bands"`
}

type jsonMissing struct {
	MaxMissing int    `json:"max_missing"`
	Method     string `json:"method"`
	Source     string `json:"source"`
}

type jsonConversion struct {
	Name   string       `json:"name"`
	Table  [][2]float64 `json:"table"`
	Source string       `json:"source"`
}

type jsonBand struct {
	Label  string   `json:"label"`
	Lower  *float64 `json:"lower"`
	Upper  *float64 `json:"upper"`
	Bounds string   `json:"bounds"`
}

// maxCodeSpan bounds the width of a response set (largest minus smallest
// code) so that recode tables stay small.
const maxCodeSpan = 1000

// Load reads one instrument definition in the JSON schema described in the
// package documentation, validates it and compiles its scoring tables.
// Errors wrap ErrInvalidKey; an *effect.FieldError names the offending
// field as a JSON path.
func Load(r io.Reader) (*Instrument, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("measures: reading scoring key: %w", err)
	}
	return parse(data)
}

func parse(data []byte) (*Instrument, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var k jsonKey
	if err := dec.Decode(&k); err != nil {
		field := "(document)"
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			field = te.Field
		}
		if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			if uq, err := strconv.Unquote(name); err == nil {
				field = uq
			}
		}
		return nil, keyErr("", field, err.Error())
	}
	if dec.More() {
		return nil, keyErr(k.ID, "(document)", "data after the JSON object")
	}
	return build(&k)
}

type keyBuilder struct {
	id  string
	err error
}

func (b *keyBuilder) fail(field, format string, args ...any) {
	if b.err == nil {
		b.err = keyErr(b.id, field, fmt.Sprintf(format, args...))
	}
}

func validID(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

func validText(s string) bool {
	return s != "" && strings.TrimSpace(s) == s
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func build(k *jsonKey) (*Instrument, error) {
	b := &keyBuilder{id: k.ID}
	in := &Instrument{
		ID:          k.ID,
		Name:        k.Name,
		Version:     k.Version,
		Status:      Status(k.Status),
		Notes:       k.Notes,
		HigherMeans: k.Direction,
	}
	if !validID(k.ID) {
		b.fail("id", "must be non-empty and use only a-z, 0-9, '-', '_', '.'")
	}
	if !validText(k.Name) {
		b.fail("name", "must be non-empty text without surrounding spaces")
	}
	if !validText(k.Version) {
		b.fail("version", "must be non-empty text without surrounding spaces")
	}
	switch in.Status {
	case Verified, SingleSource, Convention, UserDefined:
	default:
		b.fail("status", "%q: must be one of verified, single-source, convention, user", k.Status)
	}
	if len(k.Citations) == 0 {
		b.fail("citations", "at least one citation is required")
	}
	for i, c := range k.Citations {
		if !validText(c.Text) {
			b.fail(fmt.Sprintf("citations[%d].text", i), "must be non-empty text")
		}
		if c.DOI != "" && !strings.HasPrefix(c.DOI, "10.") {
			b.fail(fmt.Sprintf("citations[%d].doi", i), "%q: a DOI starts with \"10.\"", c.DOI)
		}
		in.Citations = append(in.Citations, Citation(c))
	}
	if !validText(k.Direction) {
		b.fail("direction", "must say what a higher score means, e.g. \"higher = lonelier\"")
	}
	if k.HigherIsBetter == nil {
		b.fail("higher_is_better", "is required (true or false)")
	} else {
		in.Direction = effect.DirectionFor(*k.HigherIsBetter)
	}

	// Response sets.
	sets := map[string]*ResponseSet{}
	for i, rs := range k.ResponseSets {
		f := fmt.Sprintf("response_sets[%d]", i)
		if !validID(rs.ID) {
			b.fail(f+".id", "%q: must be a non-empty identifier", rs.ID)
		} else if sets[rs.ID] != nil {
			b.fail(f+".id", "%q: duplicate response set", rs.ID)
		}
		if len(rs.Codes) < 1 {
			b.fail(f+".codes", "at least one code is required")
		}
		for j := 1; j < len(rs.Codes); j++ {
			if rs.Codes[j] <= rs.Codes[j-1] {
				b.fail(fmt.Sprintf("%s.codes[%d]", f, j), "codes must be strictly increasing")
			}
		}
		if len(rs.Codes) > 0 && rs.Codes[len(rs.Codes)-1]-rs.Codes[0] > maxCodeSpan {
			b.fail(f+".codes", "codes span more than %d", maxCodeSpan)
		}
		if len(rs.Labels) != 0 && len(rs.Labels) != len(rs.Codes) {
			b.fail(f+".labels", "has %d labels for %d codes", len(rs.Labels), len(rs.Codes))
		}
		st := Status(rs.Status)
		switch st {
		case "", Verified, SingleSource, Convention, UserDefined:
		default:
			b.fail(f+".status", "%q: unknown status", rs.Status)
		}
		in.ResponseSets = append(in.ResponseSets, ResponseSet{ID: rs.ID, Codes: rs.Codes, Labels: rs.Labels, Status: st})
		sets[rs.ID] = &in.ResponseSets[len(in.ResponseSets)-1]
	}
	if len(k.ResponseSets) == 0 {
		b.fail("response_sets", "at least one response set is required")
	}
	// Re-take pointers: append may have moved the backing array.
	for i := range in.ResponseSets {
		sets[in.ResponseSets[i].ID] = &in.ResponseSets[i]
	}

	// Recodes (validated against items' response sets below).
	recodes := map[string]*Recode{}
	for i, rc := range k.Recodes {
		f := fmt.Sprintf("recodes[%d]", i)
		if !validID(rc.ID) {
			b.fail(f+".id", "%q: must be a non-empty identifier", rc.ID)
		} else if _, dup := recodes[rc.ID]; dup {
			b.fail(f+".id", "%q: duplicate recode", rc.ID)
		}
		m := make(map[int]float64, len(rc.Map))
		for s, v := range rc.Map {
			c, err := strconv.Atoi(s)
			if err != nil {
				b.fail(f+".map", "key %q is not an integer code", s)
				continue
			}
			if !finite(v) {
				b.fail(f+".map["+s+"]", "score must be finite")
			}
			m[c] = v
		}
		in.Recodes = append(in.Recodes, Recode{ID: rc.ID, Map: m, Notes: rc.Notes})
		recodes[rc.ID] = nil
	}
	for i := range in.Recodes {
		recodes[in.Recodes[i].ID] = &in.Recodes[i]
	}

	// Items.
	if len(k.Items) == 0 {
		b.fail("items", "at least one item is required")
	}
	itemIdx := map[string]int{}
	numbers := map[int]bool{}
	for i, it := range k.Items {
		f := fmt.Sprintf("items[%d]", i)
		if !validText(it.ID) || strings.ContainsAny(it.ID, ",\"\r\n") {
			b.fail(f+".id", "%q: content ID must be non-empty, without surrounding spaces, commas, quotes or newlines", it.ID)
		} else if _, dup := itemIdx[it.ID]; dup {
			b.fail(f+".id", "%q: duplicate content ID", it.ID)
		}
		itemIdx[it.ID] = i
		if it.Number < 1 {
			b.fail(f+".number", "%d: must be a positive item number", it.Number)
		} else if numbers[it.Number] {
			b.fail(f+".number", "%d: duplicate item number", it.Number)
		}
		numbers[it.Number] = true
		rs := sets[it.Responses]
		if rs == nil {
			b.fail(f+".responses", "%q: no such response set", it.Responses)
		}
		if it.Reverse && it.Recode != "" {
			b.fail(f+".recode", "reverse and recode are exclusive")
		}
		if it.Recode != "" {
			rc := recodes[it.Recode]
			if rc == nil {
				b.fail(f+".recode", "%q: no such recode", it.Recode)
			} else if rs != nil {
				if len(rc.Map) != len(rs.Codes) {
					b.fail(f+".recode", "recode %q maps %d codes; response set %q has %d", it.Recode, len(rc.Map), rs.ID, len(rs.Codes))
				}
				for _, c := range rs.Codes {
					if _, ok := rc.Map[c]; !ok {
						b.fail(f+".recode", "recode %q does not map code %d of response set %q", it.Recode, c, rs.ID)
					}
				}
			}
		}
		in.Items = append(in.Items, Item(it))
	}

	// Scales.
	if k.Total == nil {
		b.fail("total", "is required")
		k.Total = &jsonScale{}
	}
	in.Total = b.scale("total", k.Total, itemIdx, true)
	seen := map[string]bool{"total": true}
	for i := range k.Subscales {
		f := fmt.Sprintf("subscales[%d]", i)
		s := b.scale(f, &k.Subscales[i], itemIdx, false)
		if !validID(s.ID) {
			b.fail(f+".id", "%q: must be a non-empty identifier", s.ID)
		} else if seen[s.ID] {
			b.fail(f+".id", "%q: duplicate or reserved subscale id", s.ID)
		}
		seen[s.ID] = true
		in.Subscales = append(in.Subscales, s)
	}
	if b.err != nil {
		return nil, b.err
	}
	c, err := compile(in)
	if err != nil {
		return nil, err
	}
	in.c = c
	return in, nil
}

func (b *keyBuilder) scale(f string, s *jsonScale, itemIdx map[string]int, total bool) Scale {
	out := Scale{ID: s.ID, Name: s.Name, Items: s.Items, Aggregation: Aggregation(s.Aggregation)}
	if total {
		if s.ID != "" && s.ID != "total" {
			b.fail(f+".id", "%q: the total's id is \"total\" (or omitted)", s.ID)
		}
		out.ID = "total"
		if out.Name == "" {
			out.Name = "Total"
		}
	} else if !validText(s.Name) {
		b.fail(f+".name", "must be non-empty text")
	}
	switch out.Aggregation {
	case Sum, Mean:
	default:
		b.fail(f+".aggregation", "%q: must be \"sum\" or \"mean\"", s.Aggregation)
	}
	if len(s.Items) == 0 && !total {
		b.fail(f+".items", "a subscale needs at least one item")
	}
	dup := map[string]bool{}
	for j, id := range s.Items {
		if _, ok := itemIdx[id]; !ok {
			b.fail(fmt.Sprintf("%s.items[%d]", f, j), "%q: no such item", id)
		}
		if dup[id] {
			b.fail(fmt.Sprintf("%s.items[%d]", f, j), "%q: listed twice", id)
		}
		dup[id] = true
	}
	n := len(s.Items)
	if total && n == 0 {
		n = len(itemIdx)
	}
	if m := s.Missing; m != nil {
		switch MissingMethod(m.Method) {
		case Prorate, SumAnswered:
		default:
			b.fail(f+".missing.method", "%q: must be \"prorate\" or \"sum-answered\"", m.Method)
		}
		if m.MaxMissing < 1 || m.MaxMissing >= n {
			b.fail(f+".missing.max_missing", "%d: must be between 1 and the number of items minus 1 (%d)", m.MaxMissing, n-1)
		}
		if !validText(m.Source) {
			b.fail(f+".missing.source", "a published missing-item rule needs its source")
		}
		out.Missing = &MissingRule{MaxMissing: m.MaxMissing, Method: MissingMethod(m.Method), Source: m.Source}
	}
	if cv := s.Conversion; cv != nil {
		if s.Missing != nil {
			b.fail(f+".missing", "a scale with a conversion table needs every item: the table is published for complete responses")
		}
		if !validText(cv.Name) {
			b.fail(f+".conversion.name", "must be non-empty text")
		}
		if !validText(cv.Source) {
			b.fail(f+".conversion.source", "a conversion table needs its source")
		}
		if out.Aggregation != Sum {
			b.fail(f+".conversion", "a conversion table applies to a sum")
		}
		c := &Conversion{Name: cv.Name, Source: cv.Source}
		for j, row := range cv.Table {
			r := row[0]
			if r != math.Trunc(r) || math.Abs(r) > 1e6 {
				b.fail(fmt.Sprintf("%s.conversion.table[%d][0]", f, j), "%v: raw score must be an integer", r)
				continue
			}
			if !finite(row[1]) {
				b.fail(fmt.Sprintf("%s.conversion.table[%d][1]", f, j), "metric score must be finite")
			}
			if j > 0 && int(r) != c.Raw[j-1]+1 {
				b.fail(fmt.Sprintf("%s.conversion.table[%d][0]", f, j), "raw scores must be consecutive integers")
			}
			c.Raw = append(c.Raw, int(r))
			c.Metric = append(c.Metric, row[1])
		}
		if len(c.Raw) == 0 {
			b.fail(f+".conversion.table", "is empty")
		}
		out.Conversion = c
	}
	for j, bd := range s.Bands {
		g := fmt.Sprintf("%s.bands[%d]", f, j)
		if !validText(bd.Label) {
			b.fail(g+".label", "must be non-empty text")
		}
		if bd.Lower == nil || bd.Upper == nil {
			b.fail(g, "lower and upper are required")
			continue
		}
		switch bd.Bounds {
		case "[)", "[]", "(]", "()":
		default:
			b.fail(g+".bounds", "%q: must be one of \"[)\", \"[]\", \"(]\", \"()\"", bd.Bounds)
			continue
		}
		if !finite(*bd.Lower) || !finite(*bd.Upper) {
			b.fail(g, "bounds must be finite")
		}
		if !(*bd.Lower < *bd.Upper || *bd.Lower == *bd.Upper && bd.Bounds == "[]") {
			b.fail(g, "lower %v must be below upper %v (equal only with \"[]\")", *bd.Lower, *bd.Upper)
		}
		out.Bands = append(out.Bands, Band{Label: bd.Label, Lower: *bd.Lower, Upper: *bd.Upper, Bounds: bd.Bounds})
	}
	for j := 1; j < len(out.Bands); j++ {
		p, q := out.Bands[j-1], out.Bands[j]
		if p.Upper != q.Lower || (p.Bounds[1] == ']') == (q.Bounds[0] == '[') {
			b.fail(fmt.Sprintf("%s.bands[%d]", f, j), "bands must be ascending and contiguous: each upper bound equals the next lower bound, which exactly one of the two bands includes")
		}
	}
	return out
}

// compiled holds the lookup tables that Score uses.
type compiled struct {
	k      int
	lo     []int     // smallest allowed code per item
	off    []int     // offset of the item's table in tab
	span   []int     // table length per item
	tab    []float64 // item score by code-lo; NaN for a code not allowed
	scales []cscale  // [0] is the total
}

type cscale struct {
	idx     []int // item positions
	all     bool  // idx is 0..k-1
	mean    bool
	rule    *MissingRule
	convLo  int
	conv    []float64
	bands   []Band
	rawMin  float64
	rawMax  float64
	min     float64 // attainable range of the reported score
	max     float64
	intItem bool // every item score is an integer
	// wholeBands: the bands apply to whole totals only
	wholeBands bool
}

func compile(in *Instrument) (*compiled, error) {
	c := &compiled{k: len(in.Items)}
	sets := map[string]*ResponseSet{}
	for i := range in.ResponseSets {
		sets[in.ResponseSets[i].ID] = &in.ResponseSets[i]
	}
	recodes := map[string]*Recode{}
	for i := range in.Recodes {
		recodes[in.Recodes[i].ID] = &in.Recodes[i]
	}
	itemMin := make([]float64, c.k)
	itemMax := make([]float64, c.k)
	allInt := make([]bool, c.k)
	for i, it := range in.Items {
		rs := sets[it.Responses]
		lo, hi := rs.Codes[0], rs.Codes[len(rs.Codes)-1]
		c.lo = append(c.lo, lo)
		c.off = append(c.off, len(c.tab))
		c.span = append(c.span, hi-lo+1)
		start := len(c.tab)
		for j := lo; j <= hi; j++ {
			c.tab = append(c.tab, math.NaN())
		}
		itemMin[i], itemMax[i], allInt[i] = math.Inf(1), math.Inf(-1), true
		for _, code := range rs.Codes {
			v := float64(code)
			switch {
			case it.Reverse:
				v = float64(lo + hi - code)
			case it.Recode != "":
				v = recodes[it.Recode].Map[code]
			}
			c.tab[start+code-lo] = v
			itemMin[i] = math.Min(itemMin[i], v)
			itemMax[i] = math.Max(itemMax[i], v)
			allInt[i] = allInt[i] && v == math.Trunc(v)
		}
	}
	idx := map[string]int{}
	for i, it := range in.Items {
		idx[it.ID] = i
	}
	scales := append([]Scale{in.Total}, in.Subscales...)
	for si, s := range scales {
		f := "total"
		if si > 0 {
			f = fmt.Sprintf("subscales[%d]", si-1)
		}
		cs := cscale{mean: s.Aggregation == Mean, rule: s.Missing, bands: s.Bands, intItem: true}
		if len(s.Items) == 0 {
			for i := 0; i < c.k; i++ {
				cs.idx = append(cs.idx, i)
			}
		} else {
			for _, id := range s.Items {
				cs.idx = append(cs.idx, idx[id])
			}
		}
		cs.all = len(cs.idx) == c.k
		for j, i := range cs.idx {
			cs.all = cs.all && i == j
			cs.rawMin += itemMin[i]
			cs.rawMax += itemMax[i]
			cs.intItem = cs.intItem && allInt[i]
		}
		if cs.mean {
			n := float64(len(cs.idx))
			cs.rawMin /= n
			cs.rawMax /= n
		}
		cs.min, cs.max = cs.rawMin, cs.rawMax
		if cv := s.Conversion; cv != nil {
			if !cs.intItem {
				return nil, keyErr(in.ID, f+".conversion", "item scores must be integers for a raw-score conversion")
			}
			lo, hi := int(cs.rawMin), int(cs.rawMax)
			if cv.Raw[0] != lo || cv.Raw[len(cv.Raw)-1] != hi {
				return nil, keyErr(in.ID, f+".conversion.table",
					fmt.Sprintf("must cover raw scores %d to %d exactly; covers %d to %d", lo, hi, cv.Raw[0], cv.Raw[len(cv.Raw)-1]))
			}
			cs.convLo = lo
			cs.conv = cv.Metric
			cs.min, cs.max = math.Inf(1), math.Inf(-1)
			for _, m := range cv.Metric {
				cs.min = math.Min(cs.min, m)
				cs.max = math.Max(cs.max, m)
			}
		}
		// Bands of a sum of whole-number item scores are published for
		// whole totals only (see Score.Band).
		cs.wholeBands = len(cs.bands) > 0 && !cs.mean && cs.intItem && cs.conv == nil
		if len(cs.bands) > 0 {
			first, last := cs.bands[0], cs.bands[len(cs.bands)-1]
			if !first.Contains(cs.min) || !last.Contains(cs.max) {
				return nil, keyErr(in.ID, f+".bands",
					fmt.Sprintf("bands must cover the attainable range [%v, %v]", cs.min, cs.max))
			}
		}
		c.scales = append(c.scales, cs)
	}
	return c, nil
}
