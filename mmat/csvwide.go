package mmat

import (
	"encoding/csv"
	"io"
	"strings"
	"unicode/utf8"
)

// WriteWide writes appraisals as CSV with one row per appraisal: columns
// study, rater, category, component, then one answer column per criterion
// ("S1", "S2", then every criterion that applies to or is answered in at
// least one appraisal, in MMAT order), then a "<id> comment" column for
// every criterion that carries at least one comment. Empty cells mean not
// rated. The layout is the per-study grid reviews publish; for robvis'
// Generic template or Critiplot, rename the answer values as documented in
// package docs.
//
// The same checks as WriteLong apply, and ReadWide(WriteWide(x)) equals x
// apart from dropped zero Ratings and "\r\n" in comments.
func WriteWide(w io.Writer, apps []Appraisal) error {
	if err := checkWritable(apps, false); err != nil {
		return err
	}
	used := make([]bool, len(criteria))
	commented := make([]bool, len(criteria))
	used[0], used[1] = true, true
	for i := range apps {
		for _, cr := range apps[i].Criteria() {
			used[order(cr.ID)] = true
		}
		for id, r := range apps[i].Ratings {
			k := order(id)
			if r.Answer != NotRated {
				used[k] = true
			}
			if r.Comment != "" {
				commented[k] = true
			}
		}
	}
	head := append([]string(nil), longColumns[:4]...)
	var ansCols, comCols []string
	for k, u := range used {
		if u {
			ansCols = append(ansCols, criteria[k].ID)
		}
	}
	for k, c := range commented {
		if c {
			comCols = append(comCols, criteria[k].ID)
		}
	}
	head = append(head, ansCols...)
	for _, id := range comCols {
		head = append(head, id+" comment")
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(head); err != nil {
		return err
	}
	for i := range apps {
		a := &apps[i]
		rec := []string{a.Study, a.Rater, formatCategory(a.Category), formatCategory(a.Component)}
		for _, id := range ansCols {
			rec = append(rec, a.Answer(id).String())
		}
		for _, id := range comCols {
			rec = append(rec, a.Ratings[id].Comment)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// wideColumn recognises criterion answer columns ("2.3", "S1", "Q2.3",
// "QS1") and comment columns ("2.3 comment", "2.3_comment", "comment 2.3").
// It returns the criterion ID and whether it is a comment column.
func wideColumn(name string) (id string, comment, ok bool) {
	s := strings.ToUpper(strings.TrimSpace(name))
	for _, suf := range []string{" COMMENTS", "_COMMENTS", " COMMENT", "_COMMENT"} {
		if strings.HasSuffix(s, suf) {
			s, comment = strings.TrimSpace(strings.TrimSuffix(s, suf)), true
			break
		}
	}
	if !comment {
		for _, pre := range []string{"COMMENT ", "COMMENT_", "COMMENTS "} {
			if strings.HasPrefix(s, pre) {
				s, comment = strings.TrimSpace(strings.TrimPrefix(s, pre)), true
				break
			}
		}
	}
	if _, found := Lookup(s); found {
		return s, comment, true
	}
	if t := strings.TrimPrefix(s, "Q"); t != s {
		if _, found := Lookup(t); found {
			return t, comment, true
		}
	}
	return "", false, false
}

// ReadWide reads the wide layout written by WriteWide (one row per
// appraisal), and the per-category tables reviews publish. Required
// columns: study (or author, with an optional year: the study is then
// "Author Year") and category (unless ReadOptions.Category is set, as for
// a table of one study type); optional: rater, component, answer columns
// named by criterion ("S1", "2.3"; a "Q" prefix as in "QS1" or "Q2.3" is
// accepted) and comment columns ("2.3 comment", "2.3_comment",
// "comment 2.3"). Empty answer cells mean not rated; "+", "-" and "?" are
// read as Yes, No and Can't tell. The same (study, rater) twice is an
// ErrDuplicate error. Errors name the physical line of the file (header =
// line 1), column, study and rater, criterion and text. Reading does not
// apply the MMAT rules: call Validate.
func ReadWide(r io.Reader, o *ReadOptions) ([]Appraisal, error) {
	opt, err := o.orDefault()
	if err != nil {
		return nil, err
	}
	in := newCSVInput(r, opt.Comma)
	rec, err := in.cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, fieldError(1, "", "", "", "", nil, ErrInvalidInput, "no header row")
		}
		return nil, readError(err, 1)
	}
	isCrit := func(s string) bool { _, _, ok := wideColumn(s); return ok }
	h, err := readHeader(rec, wideReadColumns, isCrit, &opt)
	if err != nil {
		return nil, err
	}
	type col struct {
		j       int
		id      string
		comment bool
	}
	var cols []col
	seenCol := map[string]bool{}
	for j, cell := range rec {
		id, comment, ok := wideColumn(strings.TrimPrefix(cell, "\uFEFF"))
		if !ok {
			continue
		}
		if _, isMeta := columnAliases[strings.ToLower(strings.TrimSpace(cell))]; isMeta {
			continue
		}
		k := id
		if comment {
			k += " comment"
		}
		if seenCol[k] {
			return nil, fieldError(1, cell, "", "", id, nil, ErrDuplicate, "criterion column appears twice")
		}
		seenCol[k] = true
		cols = append(cols, col{j, id, comment})
	}
	var out []Appraisal
	seen := map[key]int{}
	el := errList{max: opt.MaxErrors}
rows:
	for {
		rec, err := in.cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			el.add(readError(err, 0))
			break
		}
		k := key{h.study(rec), h.get(rec, "rater")}
		loc := func(j int, field string, text any, sentinel error, reason string) error {
			return fieldError(in.line(rec, j), h.name[j], k.study, k.rater, field, text, sentinel, reason)
		}
		if k.study == "" {
			if el.add(fieldError(in.line(rec, h.index("study")), h.studyColumn(), "", k.rater, "", nil, ErrInvalidInput, "empty study identifier")) {
				break
			}
			continue
		}
		if bad := invalidUTF8(h, rec, "study", "author", "year", "rater"); bad != "" {
			if el.add(loc(h.index(bad), bad, nil, ErrInvalidInput, "text is not valid UTF-8")) {
				break
			}
			continue
		}
		line := in.line(rec, 0)
		if first, dup := seen[k]; dup {
			if el.add(fieldError(line, h.studyColumn(), k.study, k.rater, "", nil, ErrDuplicate, "same study and rater as line "+itoa(first))) {
				break
			}
			continue
		}
		seen[k] = line
		a := Appraisal{Study: k.study, Rater: k.rater}
		var text string
		if a.Category, text, err = h.category(rec, &opt); err != nil {
			if el.add(loc(h.index("category"), "category", text, ErrInvalidCategory, categoryHint)) {
				break
			}
			continue
		}
		if a.Component, err = ParseCategory(h.get(rec, "component")); err != nil {
			if el.add(loc(h.index("component"), "component", h.get(rec, "component"), ErrInvalidCategory, categoryHint)) {
				break
			}
			continue
		}
		for _, c := range cols {
			v := ""
			if c.j < len(rec) {
				v = rec[c.j]
			}
			r := a.Ratings[c.id]
			if c.comment {
				if !utf8.ValidString(v) {
					if el.add(loc(c.j, c.id, nil, ErrInvalidInput, "text is not valid UTF-8")) {
						break rows
					}
					continue rows
				}
				r.Comment = v
			} else {
				ans, err := opt.parseAnswer(v)
				if err != nil {
					if el.add(loc(c.j, c.id, v, ErrInvalidAnswer, answerHint)) {
						break rows
					}
					continue rows
				}
				r.Answer = ans
			}
			if r != (Rating{}) {
				a.Set(c.id, r.Answer, r.Comment)
			}
		}
		out = append(out, a)
	}
	if len(el.errs) > 0 {
		return nil, el.err()
	}
	return out, nil
}
