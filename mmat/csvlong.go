package mmat

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// Long CSV column names, in the order WriteLong writes them.
var longColumns = []string{"study", "rater", "category", "component", "criterion", "answer", "comment"}

var columnAliases = map[string]string{
	"study": "study", "study_id": "study", "study id": "study", "author_year": "study",
	"rater": "rater", "reviewer": "rater",
	"category": "category", "study_category": "category", "study category": "category", "study type": "category",
	"component": "component", "quant_component": "component", "quantitative component": "component",
	"criterion": "criterion", "criterion_id": "criterion", "item": "criterion",
	"answer": "answer", "response": "answer", "rating": "answer",
	"comment": "comment", "comments": "comment",
}

// WriteLong writes appraisals as CSV with one row per (study, rater,
// criterion): columns study, rater, category, component, criterion,
// answer, comment. Criteria are written in MMAT order; an appraisal with no
// ratings gets one row with an empty criterion so that it is not lost.
// Zero Ratings (no answer, no comment) carry nothing and are not written.
//
// Appraisals that ReadLong could not give back are an error: an empty study
// identifier, invalid UTF-8, category or component outside 0-5, an unknown
// criterion or an invalid answer value, or the same (study, rater) twice.
// ReadLong(WriteLong(x)) equals x apart from dropped zero Ratings, except
// that encoding/csv turns "\r\n" inside a comment into "\n".
func WriteLong(w io.Writer, apps []Appraisal) error {
	if err := checkWritable(apps, false); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(longColumns); err != nil {
		return err
	}
	for i := range apps {
		a := &apps[i]
		head := []string{a.Study, a.Rater, formatCategory(a.Category), formatCategory(a.Component)}
		n := 0
		for _, id := range a.ratedIDs() {
			r := a.Ratings[id]
			if r == (Rating{}) {
				continue
			}
			n++
			if err := cw.Write(append(head[:4:4], id, r.Answer.String(), r.Comment)); err != nil {
				return err
			}
		}
		if n == 0 {
			if err := cw.Write(append(head[:4:4], "", "", "")); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// header maps column names to their index.
type header struct {
	idx  map[string]int
	name []string // original header cells
}

func readHeader(rec []string, allowed []string, required []string, extra func(string) bool, o *ReadOptions) (header, error) {
	h := header{idx: map[string]int{}, name: rec}
	ok := map[string]bool{}
	for _, c := range allowed {
		ok[c] = true
	}
	for j, cell := range rec {
		raw := strings.TrimSpace(strings.TrimPrefix(cell, "\uFEFF"))
		name, known := columnAliases[strings.ToLower(raw)]
		if !known || !ok[name] {
			if extra != nil && extra(raw) {
				name = raw
			} else if o.IgnoreUnknownColumns {
				continue
			} else {
				return h, &Error{Row: 1, Column: cell, Text: cell, Reason: "unknown column", Err: ErrInvalidInput}
			}
		}
		if _, dup := h.idx[name]; dup {
			return h, &Error{Row: 1, Column: cell, Reason: "column appears twice", Err: ErrDuplicate}
		}
		h.idx[name] = j
	}
	for _, c := range required {
		if _, ok := h.idx[c]; !ok {
			return h, &Error{Row: 1, Column: c, Reason: "required column missing", Err: ErrInvalidInput}
		}
	}
	return h, nil
}

// invalidUTF8 returns the first of the named columns whose cell is not
// valid UTF-8 (a writer could not reproduce it), or "".
func invalidUTF8(h header, rec []string, names ...string) string {
	for _, n := range names {
		if !utf8.ValidString(h.get(rec, n)) {
			return n
		}
	}
	return ""
}

func (h header) get(rec []string, name string) string {
	if j, ok := h.idx[name]; ok && j < len(rec) {
		return rec[j]
	}
	return ""
}

// errList collects row errors up to a cap.
type errList struct {
	errs []error
	max  int
}

func (e *errList) add(err error) bool {
	e.errs = append(e.errs, err)
	return len(e.errs) >= e.max
}

func (e *errList) err() error { return errors.Join(e.errs...) }

// builder assembles appraisals keyed by (study, rater) in first-seen order.
type builder struct {
	apps []Appraisal
	at   map[key]int
}

func (b *builder) get(k key, row int, cat, comp Category, h header, catSet, compSet bool) (*Appraisal, error) {
	if i, ok := b.at[k]; ok {
		a := &b.apps[i]
		if catSet && a.Category != cat {
			return nil, &Error{Row: row, Column: h.name[h.idx["category"]], Study: k.study, Rater: k.rater,
				Reason: "category differs from an earlier row of the same study and rater", Err: ErrInvalidInput}
		}
		if compSet && a.Component != comp {
			return nil, &Error{Row: row, Column: h.name[h.idx["component"]], Study: k.study, Rater: k.rater,
				Reason: "component differs from an earlier row of the same study and rater", Err: ErrInvalidInput}
		}
		return a, nil
	}
	if b.at == nil {
		b.at = map[key]int{}
	}
	b.at[k] = len(b.apps)
	b.apps = append(b.apps, Appraisal{Study: k.study, Rater: k.rater, Category: cat, Component: comp})
	return &b.apps[len(b.apps)-1], nil
}

// ReadLong reads the long CSV layout written by WriteLong. The header row
// is required; columns may come in any order and are matched
// case-insensitively (aliases: study_id, Author_Year, reviewer, response,
// comments, ...). Required: study, category, criterion, answer; optional:
// rater, component, comment. Rows with the same (study, rater) form one
// appraisal, in order of first appearance; their category and component
// must agree. A row with an empty criterion only declares the appraisal.
//
// Identifiers and comments are kept verbatim (no trimming). Answers are
// parsed with ParseAnswer plus o.Aliases; criteria must be S1, S2 or
// 1.1-5.5 (case and surrounding space ignored). Errors name the row (the
// header is row 1), column, study, rater, criterion and offending text;
// up to o.MaxErrors are joined. Reading does not apply the MMAT rules: call
// Validate.
func ReadLong(r io.Reader, o *ReadOptions) ([]Appraisal, error) {
	opt := o.orDefault()
	cr := csv.NewReader(r)
	cr.Comma = opt.Comma
	cr.FieldsPerRecord = 0
	rec, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, &Error{Row: 1, Reason: "no header row", Err: ErrInvalidInput}
		}
		return nil, &Error{Row: 1, Reason: err.Error(), Err: ErrInvalidInput}
	}
	h, err := readHeader(rec, longColumns, []string{"study", "category", "criterion", "answer"}, nil, &opt)
	if err != nil {
		return nil, err
	}
	var b builder
	el := errList{max: opt.MaxErrors}
	done := map[key]map[string]bool{}
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			el.add(&Error{Row: row, Reason: err.Error(), Err: ErrInvalidInput})
			break
		}
		k := key{h.get(rec, "study"), h.get(rec, "rater")}
		loc := func(col, crit, text string, sentinel error, reason string) error {
			return &Error{Row: row, Column: h.name[h.idx[col]], Study: k.study, Rater: k.rater, Criterion: crit, Text: text, Reason: reason, Err: sentinel}
		}
		if k.study == "" {
			if el.add(loc("study", "", "", ErrInvalidInput, "empty study identifier")) {
				break
			}
			continue
		}
		if bad := invalidUTF8(h, rec, "study", "rater", "comment"); bad != "" {
			if el.add(loc(bad, "", "", ErrInvalidInput, "text is not valid UTF-8")) {
				break
			}
			continue
		}
		cat, err := parseCategoryCell(h.get(rec, "category"))
		if err != nil {
			if el.add(loc("category", "", h.get(rec, "category"), ErrInvalidCategory, "")) {
				break
			}
			continue
		}
		var comp Category
		_, compSet := h.idx["component"]
		if compSet {
			if comp, err = parseCategoryCell(h.get(rec, "component")); err != nil {
				if el.add(loc("component", "", h.get(rec, "component"), ErrInvalidCategory, "")) {
					break
				}
				continue
			}
		}
		a, err := b.get(k, row, cat, comp, h, true, compSet)
		if err != nil {
			if el.add(err) {
				break
			}
			continue
		}
		critText, ansText, comment := h.get(rec, "criterion"), h.get(rec, "answer"), h.get(rec, "comment")
		if strings.TrimSpace(critText) == "" {
			if strings.TrimSpace(ansText) != "" || comment != "" {
				if el.add(loc("criterion", "", "", ErrUnknownCriterion, "answer or comment without a criterion")) {
					break
				}
			}
			continue
		}
		id, err := parseCriterionID(critText)
		if err != nil {
			if el.add(loc("criterion", critText, critText, ErrUnknownCriterion, "")) {
				break
			}
			continue
		}
		ans, err := opt.parseAnswer(ansText)
		if err != nil {
			if el.add(loc("answer", id, ansText, ErrInvalidAnswer, "")) {
				break
			}
			continue
		}
		if done[k] == nil {
			done[k] = map[string]bool{}
		}
		if done[k][id] {
			if el.add(loc("criterion", id, critText, ErrDuplicate, "criterion appears twice for this study and rater")) {
				break
			}
			continue
		}
		done[k][id] = true
		if ans != NotRated || comment != "" {
			a.Set(id, ans, comment)
		}
	}
	if len(el.errs) > 0 {
		return nil, el.err()
	}
	return b.apps, nil
}
