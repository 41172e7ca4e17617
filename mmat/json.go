package mmat

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// jsonRating and jsonAppraisal mirror Rating and Appraisal with the answer
// and category as raw text, so that errors can name the appraisal and
// criterion.
type jsonRating struct {
	Answer  string `json:"answer,omitempty"`
	Comment string `json:"comment,omitempty"`
}

type jsonAppraisal struct {
	Study     string                `json:"study"`
	Rater     string                `json:"rater,omitempty"`
	Category  json.RawMessage       `json:"category,omitempty"`
	Component json.RawMessage       `json:"component,omitempty"`
	Ratings   map[string]jsonRating `json:"ratings,omitempty"`
}

// WriteJSON writes appraisals as a JSON array of objects
//
//	{"study": "Smith 2019", "rater": "AB", "category": 5, "component": 3,
//	 "ratings": {"S1": {"answer": "Yes"}, "1.1": {"answer": "Can't tell", "comment": "..."}}}
//
// indented for review in version control. Zero Ratings are dropped. The
// checks of WriteLong apply, except that the same (study, rater) may appear
// more than once. ReadJSON(WriteJSON(x)) equals x apart from dropped zero
// Ratings.
func WriteJSON(w io.Writer, apps []Appraisal) error {
	if err := checkWritable(apps, true); err != nil {
		return err
	}
	out := make([]jsonAppraisal, len(apps))
	for i := range apps {
		a := &apps[i]
		j := jsonAppraisal{Study: a.Study, Rater: a.Rater}
		if a.Category != 0 {
			j.Category = json.RawMessage(strconv.Itoa(int(a.Category)))
		}
		if a.Component != 0 {
			j.Component = json.RawMessage(strconv.Itoa(int(a.Component)))
		}
		for id, r := range a.Ratings {
			if r == (Rating{}) {
				continue
			}
			if j.Ratings == nil {
				j.Ratings = map[string]jsonRating{}
			}
			j.Ratings[id] = jsonRating{Answer: r.Answer.String(), Comment: r.Comment}
		}
		out[i] = j
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// ReadJSON reads the layout written by WriteJSON: a JSON array of
// appraisal objects. Unknown fields are an error unless
// o.IgnoreUnknownColumns; a missing category is o.Category. "category"
// and "component" may be numbers (1-5) or names accepted by
// ParseCategory; answers are parsed with ParseAnswer plus o.Aliases
// (o.Comma must be 0). Errors name the appraisal's position and field
// path in Column ("[3].ratings.\"2.1\".answer"), the study and rater, the
// criterion and the text; Line is 0. Reading does not apply the MMAT
// rules: call Validate.
func ReadJSON(r io.Reader, o *ReadOptions) ([]Appraisal, error) {
	opt, err := o.orDefault()
	if err != nil {
		return nil, err
	}
	if o != nil && o.Comma != 0 {
		return nil, fieldError(0, "", "", "", "ReadOptions.Comma", string(o.Comma), ErrInvalidInput, "a JSON file has no separator; leave Comma 0")
	}
	dec := json.NewDecoder(r)
	if !opt.IgnoreUnknownColumns {
		dec.DisallowUnknownFields()
	}
	var in []jsonAppraisal
	if err := dec.Decode(&in); err != nil {
		return nil, fieldError(0, "", "", "", "", nil, ErrInvalidInput, err.Error())
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fieldError(0, "", "", "", "", nil, ErrInvalidInput, "unexpected data after the JSON array")
	}
	if in == nil {
		return nil, fieldError(0, "", "", "", "", nil, ErrInvalidInput, "expected a JSON array of appraisals, got null")
	}
	out := make([]Appraisal, len(in))
	el := errList{max: opt.MaxErrors}
apps:
	for i, j := range in {
		loc := func(field, crit, text string, sentinel error, reason string) error {
			name := crit
			if name == "" {
				name = field
			}
			return fieldError(0, fmt.Sprintf("[%d].%s", i, field), j.Study, j.Rater, name, textValue(text), sentinel, reason)
		}
		a := Appraisal{Study: j.Study, Rater: j.Rater}
		if j.Study == "" {
			if el.add(loc("study", "", "", ErrInvalidInput, "empty study identifier")) {
				break
			}
			continue
		}
		var err error
		if a.Category, err = jsonCategory(j.Category); err != nil {
			if el.add(loc("category", "", string(j.Category), ErrInvalidCategory, "")) {
				break
			}
			continue
		}
		if a.Category == 0 {
			a.Category = opt.Category
		}
		if a.Component, err = jsonCategory(j.Component); err != nil {
			if el.add(loc("component", "", string(j.Component), ErrInvalidCategory, "")) {
				break
			}
			continue
		}
		for _, id := range sortedKeys(j.Ratings) {
			jr := j.Ratings[id]
			if _, ok := Lookup(id); !ok {
				if el.add(loc("ratings."+strconv.Quote(id), id, id, ErrUnknownCriterion, "")) {
					break apps
				}
				continue
			}
			ans, err := opt.parseAnswer(jr.Answer)
			if err != nil {
				if el.add(loc("ratings."+strconv.Quote(id)+".answer", id, jr.Answer, ErrInvalidAnswer, "")) {
					break apps
				}
				continue
			}
			if ans != NotRated || jr.Comment != "" {
				a.Set(id, ans, jr.Comment)
			}
		}
		out[i] = a
	}
	if len(el.errs) > 0 {
		return nil, el.err()
	}
	return out, nil
}

func jsonCategory(raw json.RawMessage) (Category, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return 0, nil
	}
	var s string
	if raw[0] == '"' {
		if err := json.Unmarshal(raw, &s); err != nil {
			return 0, err
		}
		return ParseCategory(s)
	}
	n, err := strconv.Atoi(string(raw))
	if err != nil || n < 0 || n > 5 {
		return 0, fieldError(0, "", "", "", "category", string(raw), ErrInvalidCategory, "")
	}
	return Category(n), nil
}

func sortedKeys(m map[string]jsonRating) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sortIDs(ids)
	return ids
}
