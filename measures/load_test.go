package measures

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

const minimalKey = `{
  "id": "my-scale", "name": "My scale", "version": "v1",
  "citations": [{"text": "Me. My scale. 2026.", "doi": "10.1000/x"}],
  "status": "user", "direction": "higher = lonelier", "higher_is_better": false,
  "response_sets": [{"id": "r", "codes": [1, 2, 3]}],
  "items": [{"id": "a", "number": 1, "responses": "r"}, {"id": "b", "number": 2, "responses": "r", "reverse": true}],
  "total": {"aggregation": "sum", "bands": [{"label": "low", "lower": 2, "upper": 4, "bounds": "[)"}, {"label": "high", "lower": 4, "upper": 6, "bounds": "[]"}]}
}`

func TestLoadMinimal(t *testing.T) {
	in, err := Load(strings.NewReader(minimalKey))
	if err != nil {
		t.Fatal(err)
	}
	s, err := in.Score([]float64{3, 1})
	if err != nil || s.Total != 6 || s.Band != "high" {
		t.Errorf("%+v %v", s, err)
	}
	if lo, hi := in.Range(); lo != 2 || hi != 6 {
		t.Errorf("range %v %v", lo, hi)
	}
	if in.Index("b") != 1 || in.Index("zz") != -1 || in.Subscale("x") != nil {
		t.Error("Index/Subscale")
	}
}

// TestLoadErrors edits the minimal key and checks that validation names
// the offending field.
func TestLoadErrors(t *testing.T) {
	cases := []struct {
		edit  func(m map[string]any)
		field string
	}{
		{func(m map[string]any) { m["id"] = "Bad Id" }, "id"},
		{func(m map[string]any) { m["name"] = "" }, "name"},
		{func(m map[string]any) { m["version"] = " v" }, "version"},
		{func(m map[string]any) { m["status"] = "sure" }, "status"},
		{func(m map[string]any) { m["citations"] = []any{} }, "citations"},
		{func(m map[string]any) { m["citations"] = []any{map[string]any{"text": "x", "doi": "doi:1"}} }, "citations[0].doi"},
		{func(m map[string]any) { m["direction"] = "" }, "direction"},
		{func(m map[string]any) { delete(m, "higher_is_better") }, "higher_is_better"},
		{func(m map[string]any) { m["response_sets"] = []any{} }, "response_sets"},
		{func(m map[string]any) { rs(m)["codes"] = []any{1, 1} }, "response_sets[0].codes[1]"},
		{func(m map[string]any) { rs(m)["codes"] = []any{} }, "response_sets[0].codes"},
		{func(m map[string]any) { rs(m)["codes"] = []any{0, 5000} }, "response_sets[0].codes"},
		{func(m map[string]any) { rs(m)["labels"] = []any{"x"} }, "response_sets[0].labels"},
		{func(m map[string]any) { item(m, 1)["responses"] = "nope" }, "items[1].responses"},
		{func(m map[string]any) { item(m, 1)["id"] = "a" }, "items[1].id"},
		{func(m map[string]any) { item(m, 1)["id"] = "a,b" }, "items[1].id"},
		{func(m map[string]any) { item(m, 1)["number"] = 1 }, "items[1].number"},
		{func(m map[string]any) { item(m, 0)["number"] = 0 }, "items[0].number"},
		{func(m map[string]any) { item(m, 1)["recode"] = "x" }, "items[1].recode"},
		{func(m map[string]any) { item(m, 0)["recode"] = "x" }, "items[0].recode"},
		{func(m map[string]any) {
			m["recodes"] = []any{map[string]any{"id": "x", "map": map[string]any{"1": 0, "2": 1}}}
			item(m, 0)["recode"] = "x"
		}, "items[0].recode"},
		{func(m map[string]any) {
			m["recodes"] = []any{map[string]any{"id": "x", "map": map[string]any{"one": 0}}}
		}, "recodes[0].map"},
		{func(m map[string]any) { m["items"] = []any{} }, "items"},
		{func(m map[string]any) { delete(m, "total") }, "total"},
		{func(m map[string]any) { total(m)["aggregation"] = "median" }, "total.aggregation"},
		{func(m map[string]any) { total(m)["items"] = []any{"a", "a"} }, "total.items[1]"},
		{func(m map[string]any) { total(m)["items"] = []any{"zz"} }, "total.items[0]"},
		{func(m map[string]any) {
			total(m)["missing"] = map[string]any{"max_missing": 1, "method": "guess", "source": "x"}
		}, "total.missing.method"},
		{func(m map[string]any) {
			total(m)["missing"] = map[string]any{"max_missing": 2, "method": "prorate", "source": "x"}
		}, "total.missing.max_missing"},
		{func(m map[string]any) { total(m)["missing"] = map[string]any{"max_missing": 1, "method": "prorate"} }, "total.missing.source"},
		{func(m map[string]any) { band(m, 0)["bounds"] = "[[" }, "total.bands[0].bounds"},
		{func(m map[string]any) { band(m, 0)["label"] = "" }, "total.bands[0].label"},
		{func(m map[string]any) { delete(band(m, 0), "upper") }, "total.bands[0]"},
		{func(m map[string]any) { band(m, 0)["upper"] = 2 }, "total.bands[0]"},
		{func(m map[string]any) { band(m, 0)["bounds"] = "[]" }, "total.bands[1]"}, // 4 in both bands
		{func(m map[string]any) { band(m, 1)["lower"] = 4.5 }, "total.bands[1]"},   // gap
		{func(m map[string]any) { band(m, 1)["upper"] = 5 }, "total.bands"},        // 6 not covered
		{func(m map[string]any) { band(m, 0)["bounds"] = "()" }, "total.bands"},    // 2 not covered
		{func(m map[string]any) {
			m["subscales"] = []any{map[string]any{"id": "total", "name": "T", "items": []any{"a"}, "aggregation": "sum"}}
		}, "subscales[0].id"},
		{func(m map[string]any) {
			m["subscales"] = []any{map[string]any{"id": "s", "name": "S", "aggregation": "sum"}}
		}, "subscales[0].items"},
		{func(m map[string]any) {
			m["subscales"] = []any{map[string]any{"id": "s", "items": []any{"a"}, "aggregation": "sum"}}
		}, "subscales[0].name"},
		{func(m map[string]any) {
			total(m)["conversion"] = map[string]any{"name": "m", "source": "s", "table": []any{[]any{2, 1}, []any{3, 2}}}
		}, "total.conversion.table"},
		{func(m map[string]any) {
			total(m)["conversion"] = map[string]any{"name": "m", "source": "s", "table": []any{[]any{2, 1}, []any{4, 2}}}
		}, "total.conversion.table[1][0]"},
		{func(m map[string]any) { m["wording"] = "item text" }, "wording"},
		{func(m map[string]any) { m["items"] = "x" }, "items"},
	}
	for i, c := range cases {
		var m map[string]any
		if err := json.Unmarshal([]byte(minimalKey), &m); err != nil {
			t.Fatal(err)
		}
		c.edit(m)
		data, _ := json.Marshal(m)
		_, err := Load(strings.NewReader(string(data)))
		var ke *effect.FieldError
		if !errors.Is(err, ErrInvalidKey) || !errors.As(err, &ke) || ke.Field != c.field {
			t.Errorf("case %d: err = %v, want field %q", i, err, c.field)
		}
	}
	for _, s := range []string{"", "{", "[]", minimalKey + "{}", "null"} {
		if _, err := Load(strings.NewReader(s)); !errors.Is(err, ErrInvalidKey) {
			t.Errorf("%q: %v", s, err)
		}
	}
}

func rs(m map[string]any) map[string]any { return m["response_sets"].([]any)[0].(map[string]any) }
func item(m map[string]any, i int) map[string]any {
	return m["items"].([]any)[i].(map[string]any)
}
func total(m map[string]any) map[string]any { return m["total"].(map[string]any) }
func band(m map[string]any, i int) map[string]any {
	return total(m)["bands"].([]any)[i].(map[string]any)
}

func TestBuiltIn(t *testing.T) {
	want := []string{"djg-11", "djg-11-3pt", "djg-6", "djg-6-3pt", "lsns-18", "lsns-6", "lsns-r", "mspss", "ons-loneliness", "oss-3",
		"sps", "swemwbs", "ucla-3", "ucla-ls3", "wemwbs"}
	ids := IDs()
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("IDs() = %v", ids)
	}
	all := All()
	if len(all) != len(want) {
		t.Fatal(len(all))
	}
	for _, in := range all {
		if in.HigherMeans == "" || len(in.Citations) == 0 || in.Name == "" || in.Version == "" || len(in.Notes) == 0 {
			t.Errorf("%s: incomplete metadata", in.ID)
		}
		lonelier := strings.Contains(in.HigherMeans, "lonelier")
		if lonelier != (in.Direction == effect.LowerIsBetter) || in.Direction == effect.UnknownDirection {
			t.Errorf("%s: direction %q vs Direction %v", in.ID, in.HigherMeans, in.Direction)
		}
	}
	a, _ := Lookup("ucla-3")
	a.Items[0].ID = "changed"
	b, _ := Lookup("ucla-3")
	if b.Items[0].ID != "ucla3-companionship" {
		t.Error("Lookup does not return a fresh copy")
	}
	for _, id := range []string{"ucla", "", "../keys/ucla-3", "ucla-3/", "sw"} {
		if _, err := Lookup(id); !errors.Is(err, ErrUnknownInstrument) || !strings.Contains(err.Error(), "built in: djg-11") {
			t.Errorf("%q: %v", id, err)
		}
	}
	// Case and surrounding spaces do not matter.
	for _, id := range []string{"UCLA-3", " Ucla-3 ", "ucla-3\n"} {
		if in, err := Lookup(id); err != nil || in.ID != "ucla-3" {
			t.Errorf("%q: %v", id, err)
		}
	}
	// Near misses get a suggestion.
	for id, want := range map[string]string{"ucla3": `did you mean "ucla-3"?`, "UCLA_LS3": `did you mean "ucla-ls3"?`,
		"djg6": `did you mean "djg-6"?`, "lsns6": `"lsns-6"`, "swemwbs7": `"swemwbs"`, "mspps": `"mspss"`,
		"ucla": `"ucla-3"`} {
		_, err := Lookup(id)
		if !errors.Is(err, ErrUnknownInstrument) || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %s", id, err, want)
		}
	}
	// Ranges of the published scores.
	ranges := map[string][2]float64{"ucla-ls3": {20, 80}, "ucla-3": {3, 9}, "djg-11": {0, 11}, "djg-6": {0, 6}, "lsns-6": {0, 30}, "lsns-r": {0, 60}, "lsns-18": {0, 90},
		"mspss": {1, 7}, "oss-3": {3, 14}, "sps": {24, 96}, "wemwbs": {14, 70}, "swemwbs": {7, 35}, "ons-loneliness": {1, 5}}
	for id, r := range ranges {
		in, _ := Lookup(id)
		if lo, hi := in.Range(); lo != r[0] || hi != r[1] {
			t.Errorf("%s: range [%v, %v], want %v", id, lo, hi, r)
		}
	}
}

// TestPublishedMissingRule exercises a key that carries published
// missing-item rules (none of the built-in keys does yet).
func TestPublishedMissingRule(t *testing.T) {
	key := `{
  "id": "rule", "name": "Rule", "version": "v1", "citations": [{"text": "T."}],
  "status": "user", "direction": "higher = more support", "higher_is_better": true,
  "response_sets": [{"id": "r", "codes": [0, 1, 2, 3]}],
  "items": [{"id": "a", "number": 1, "responses": "r"}, {"id": "b", "number": 2, "responses": "r"},
            {"id": "c", "number": 3, "responses": "r"}, {"id": "d", "number": 4, "responses": "r"}],
  "total": {"aggregation": "sum", "missing": {"max_missing": 1, "method": "prorate", "source": "Manual p. 3"}},
  "subscales": [{"id": "s", "name": "S", "items": ["a", "b", "c"], "aggregation": "sum",
                 "missing": {"max_missing": 1, "method": "sum-answered", "source": "Manual p. 4"},
                 "bands": [{"label": "low", "lower": 0, "upper": 4, "bounds": "[]"}, {"label": "high", "lower": 4, "upper": 9, "bounds": "(]"}]}]
}`
	in, err := Load(strings.NewReader(key))
	if err != nil {
		t.Fatal(err)
	}
	s, err := in.Score([]float64{3, 2, nan, 3})
	if err != nil {
		t.Fatal(err)
	}
	// Total: 8 over 3 answered items, prorated to 4 items: 32/3.
	sub, _ := s.Subscale("s")
	if !same(s.Total, 32.0/3) || !s.Prorated || s.NonStandard || sub.Value != 5 || !sub.Prorated || sub.Band != "high" || sub.Missing != 1 {
		t.Errorf("%+v", s)
	}
	s, _ = in.Score([]float64{1, 2, 1, 0})
	if sub, _ := s.Subscale("s"); s.Total != 4 || s.Prorated || sub.Band != "low" {
		t.Errorf("%+v", s)
	}
	s, _ = in.Score([]float64{nan, nan, 1, 0})
	if sub, _ := s.Subscale("s"); !math.IsNaN(s.Total) || !math.IsNaN(sub.Value) || sub.Band != "" || s.Missing != 2 {
		t.Errorf("%+v", s)
	}
	// A caller's opt-in replaces the published rule and is flagged.
	s, _ = in.ScoreWith([]float64{nan, nan, 1, 0}, &ScoreOptions{MaxMissing: 2})
	if s.Total != 2 || !s.NonStandard {
		t.Errorf("%+v", s)
	}
}

func TestNotLoaded(t *testing.T) {
	var in Instrument
	if _, err := in.Score([]float64{1}); !errors.Is(err, ErrInvalidKey) {
		t.Errorf("Score: %v", err)
	}
	if err := in.ScoreMatrix(&Scores{}, []float64{1}, nil); !errors.Is(err, ErrInvalidKey) {
		t.Errorf("ScoreMatrix: %v", err)
	}
	if _, err := in.ItemScores(nil, []float64{1}); !errors.Is(err, ErrInvalidKey) {
		t.Errorf("ItemScores: %v", err)
	}
	if lo, _ := in.Range(); !math.IsNaN(lo) {
		t.Error("Range")
	}
	u, _ := Lookup("ucla-3")
	if err := u.ScoreMatrix(nil, []float64{1, 1, 1}, nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("nil dst: %v", err)
	}
}

func TestScoreOptionsValidation(t *testing.T) {
	u, _ := Lookup("ucla-3")
	for _, o := range []*ScoreOptions{{MaxMissing: -1}, {SubscaleMaxMissing: -2}, {Method: "impute"}} {
		if _, err := u.ScoreWith([]float64{1, 1, 1}, o); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%+v: %v", o, err)
		}
		if err := u.ScoreMatrix(&Scores{}, []float64{1, 1, 1}, o); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%+v: %v", o, err)
		}
		data := "id,ucla3-companionship,ucla3-left-out,ucla3-isolated\na,1,1,1\n"
		if _, err := ScoreCSV(strings.NewReader(data), []*Instrument{u}, &CSVOptions{Score: o}); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%+v: %v", o, err)
		}
	}
}
