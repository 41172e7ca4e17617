package mmat

import (
	"encoding/csv"
	"errors"
	"github.com/tiesproject/ties/internal/csvhint"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Long CSV column names, in the order WriteLong writes them.
var longColumns = []string{"study", "rater", "category", "component", "criterion", "answer", "comment"}

// longReadColumns are the columns ReadLong knows; wideReadColumns the
// non-criterion columns ReadWide knows.
var (
	longReadColumns = []string{"study", "author", "year", "rater", "category", "component", "criterion", "answer", "comment"}
	wideReadColumns = []string{"study", "author", "year", "rater", "category", "component"}
)

// columnAliases maps header cells (lower case, trimmed) to column names.
// "author" and "year" make the study identifier ("Smith 2019") when there
// is no study column, as in the tables reviews publish.
var columnAliases = map[string]string{
	"study": "study", "study_id": "study", "study id": "study", "author_year": "study",
	"author year": "study", "author, year": "study", "reference": "study", "citation": "study",
	"author": "author", "authors": "author", "first author": "author", "first_author": "author",
	"year": "year", "publication year": "year", "pub_year": "year",
	"rater": "rater", "reviewer": "rater",
	"category": "category", "study_category": "category", "study category": "category", "study type": "category",
	"component": "component", "quant_component": "component", "quantitative component": "component",
	"criterion": "criterion", "criterion_id": "criterion", "item": "criterion",
	"question": "criterion", "questions": "criterion", "criteria": "criterion",
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

// csvInput wraps an encoding/csv reader so that errors can name the
// physical line of a field (the header is line 1), as csv.ParseError does.
type csvInput struct {
	cr *csv.Reader
}

func newCSVInput(r io.Reader, comma rune) csvInput {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.FieldsPerRecord = 0
	return csvInput{cr}
}

// line returns the physical line of field j of the record just read.
func (c csvInput) line(rec []string, j int) int {
	if len(rec) == 0 {
		return 0
	}
	if j < 0 || j >= len(rec) {
		j = 0
	}
	l, _ := c.cr.FieldPos(j)
	return l
}

// readError turns an encoding/csv error into the package's error with the
// line encoding/csv reports.
func readError(err error, fallback int) error {
	line, reason := fallback, err.Error()
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		// The error names the line itself; its reason need not repeat it.
		line, reason = pe.Line, pe.Err.Error()
	}
	return fieldError(line, "", "", "", "", nil, ErrInvalidInput, reason)
}

// header maps column names to their index.
type header struct {
	idx  map[string]int
	name []string // original header cells
}

// quoteAll lists header cells for a message: "a", "b", "c".
func quoteAll(cells []string) string {
	q := make([]string, len(cells))
	for i, c := range cells {
		q[i] = strconv.Quote(c)
	}
	return strings.Join(q, ", ")
}

// headerHint lists the header cells found and, when one of them holds a
// ';' (or a tab) that is not the separator, suggests ReadOptions.Comma: the
// usual cause is a file saved with semicolons by a spreadsheet in a
// locale with a decimal comma.
func headerHint(rec []string, o *ReadOptions) string {
	return "the header holds " + quoteAll(rec) + csvhint.Separator(rec, o.Comma, "ReadOptions.Comma")
}

func readHeader(rec []string, allowed []string, extra func(string) bool, o *ReadOptions) (header, error) {
	h := header{idx: map[string]int{}, name: rec}
	ok := map[string]bool{}
	for _, c := range allowed {
		ok[c] = true
	}
	for j, cell := range rec {
		raw := strings.TrimSpace(strings.TrimPrefix(cell, "\uFEFF"))
		name, known := columnAliases[strings.ToLower(strings.Join(strings.Fields(raw), " "))]
		if !known || !ok[name] {
			if extra != nil && extra(raw) {
				name = raw
			} else if o.IgnoreUnknownColumns {
				continue
			} else {
				return h, fieldError(1, cell, "", "", "", nil, ErrInvalidInput,
					"unknown column; "+headerHint(rec, o)+"; known columns: "+strings.Join(allowed, ", ")+
						" (set ReadOptions.IgnoreUnknownColumns to skip others)")
			}
		}
		if _, dup := h.idx[name]; dup {
			return h, fieldError(1, cell, "", "", "", nil, ErrDuplicate, "column appears twice")
		}
		h.idx[name] = j
	}
	_, hasStudy := h.idx["study"]
	_, hasAuthor := h.idx["author"]
	if !hasStudy && !hasAuthor {
		return h, fieldError(1, "study", "", "", "", nil, ErrInvalidInput,
			"required column missing: study (or author and year); "+headerHint(rec, o))
	}
	if _, ok := h.idx["category"]; !ok && o.Category == 0 {
		return h, fieldError(1, "category", "", "", "", nil, ErrInvalidInput,
			"required column missing: category (or set ReadOptions.Category for a table of one category); "+headerHint(rec, o))
	}
	return h, nil
}

// study returns the study identifier of a row: the study column, or
// "Author Year" from the author and year columns.
func (h header) study(rec []string) string {
	if _, ok := h.idx["study"]; ok {
		return h.get(rec, "study")
	}
	author, year := strings.TrimSpace(h.get(rec, "author")), strings.TrimSpace(h.get(rec, "year"))
	if author == "" {
		return ""
	}
	if year == "" {
		return author
	}
	return author + " " + year
}

// studyColumn is the column an error about the study identifier names.
func (h header) studyColumn() string {
	if _, ok := h.idx["study"]; ok {
		return h.col("study")
	}
	return h.col("author")
}

// col returns the header cell of column name as written, or name.
func (h header) col(name string) string {
	if j, ok := h.idx[name]; ok {
		return h.name[j]
	}
	return name
}

// category parses a row's category cell, falling back on
// ReadOptions.Category when the column is absent or the cell is empty.
func (h header) category(rec []string, o *ReadOptions) (Category, string, error) {
	text := h.get(rec, "category")
	c, err := ParseCategory(text)
	if err == nil && c == 0 {
		c = o.Category
	}
	return c, text, err
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

func (h header) index(name string) int {
	if j, ok := h.idx[name]; ok {
		return j
	}
	return 0
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

func (b *builder) get(k key, line int, cat, comp Category, h header, compSet bool) (*Appraisal, error) {
	if i, ok := b.at[k]; ok {
		a := &b.apps[i]
		if a.Category != cat {
			return nil, fieldError(line, h.col("category"), k.study, k.rater, "category", formatCategory(cat), ErrInvalidInput,
				"differs from the category "+formatCategory(a.Category)+" of an earlier row of the same study and rater")
		}
		if compSet && a.Component != comp {
			return nil, fieldError(line, h.col("component"), k.study, k.rater, "component", formatCategory(comp), ErrInvalidInput,
				"differs from the component "+formatCategory(a.Component)+" of an earlier row of the same study and rater")
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
// case-insensitively (aliases: study_id, Author_Year, reviewer, question,
// response, comments, ...). Required: study (or author, with an optional
// year: the study is then "Author Year"), category (unless
// ReadOptions.Category is set), criterion, answer; optional: rater,
// component, comment. Rows with the same (study, rater) form one
// appraisal, in order of first appearance; their category and component
// must agree. A row with an empty criterion only declares the appraisal.
//
// Identifiers and comments are kept verbatim (no trimming). Answers are
// parsed with ParseAnswer plus o.Aliases; criteria must be S1, S2 or
// 1.1-5.5, with or without a "Q" prefix ("Q2.1", "QS1"; case and
// surrounding space ignored). Errors name the physical line of the file
// (the header is line 1), the column, study and rater, criterion and
// offending text; up to o.MaxErrors are joined. Reading does not apply the
// MMAT rules: call Validate.
func ReadLong(r io.Reader, o *ReadOptions) ([]Appraisal, error) {
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
	h, err := readHeader(rec, longReadColumns, nil, &opt)
	if err == nil {
		for _, c := range []string{"criterion", "answer"} {
			if _, ok := h.idx[c]; !ok {
				err = fieldError(1, c, "", "", "", nil, ErrInvalidInput, "required column missing: "+c+"; "+headerHint(rec, &opt))
				break
			}
		}
	}
	if err != nil {
		return nil, err
	}
	var b builder
	el := errList{max: opt.MaxErrors}
	done := map[key]map[string]bool{}
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
		loc := func(col, crit string, text any, sentinel error, reason string) error {
			field := crit
			if field == "" && col != "criterion" && col != "answer" {
				field = col
			}
			return fieldError(in.line(rec, h.index(col)), h.col(col), k.study, k.rater, field, text, sentinel, reason)
		}
		if k.study == "" {
			if el.add(fieldError(in.line(rec, h.index("study")), h.studyColumn(), "", k.rater, "", nil, ErrInvalidInput, "empty study identifier")) {
				break
			}
			continue
		}
		if bad := invalidUTF8(h, rec, "study", "author", "year", "rater", "comment"); bad != "" {
			if el.add(loc(bad, "", nil, ErrInvalidInput, "text is not valid UTF-8")) {
				break
			}
			continue
		}
		cat, text, err := h.category(rec, &opt)
		if err != nil {
			if el.add(loc("category", "", text, ErrInvalidCategory, categoryHint)) {
				break
			}
			continue
		}
		var comp Category
		_, compSet := h.idx["component"]
		if compSet {
			if comp, err = ParseCategory(h.get(rec, "component")); err != nil {
				if el.add(loc("component", "", h.get(rec, "component"), ErrInvalidCategory, categoryHint)) {
					break
				}
				continue
			}
		}
		a, err := b.get(k, in.line(rec, h.index("category")), cat, comp, h, compSet)
		if err != nil {
			if el.add(err) {
				break
			}
			continue
		}
		critText, ansText, comment := h.get(rec, "criterion"), h.get(rec, "answer"), h.get(rec, "comment")
		if strings.TrimSpace(critText) == "" {
			if strings.TrimSpace(ansText) != "" || comment != "" {
				if el.add(loc("criterion", "", nil, ErrUnknownCriterion, "answer or comment without a criterion")) {
					break
				}
			}
			continue
		}
		id, err := parseCriterionID(critText)
		if err != nil {
			if el.add(loc("criterion", critText, nil, ErrUnknownCriterion, "use S1, S2 or 1.1-5.5 (a Q prefix is accepted)")) {
				break
			}
			continue
		}
		ans, err := opt.parseAnswer(ansText)
		if err != nil {
			if el.add(loc("answer", id, ansText, ErrInvalidAnswer, answerHint)) {
				break
			}
			continue
		}
		if done[k] == nil {
			done[k] = map[string]bool{}
		}
		if done[k][id] {
			if el.add(loc("criterion", id, nil, ErrDuplicate, "criterion appears twice for this study and rater")) {
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

// Hints appended to reader errors: what would fix the cell.
const (
	answerHint   = "use Yes, No, Can't tell or a short form (Y, N, CT, +, -, ?); map other spellings with ReadOptions.Aliases"
	categoryHint = "use 1-5 or a name such as Qualitative, RCT, Non-randomized, Descriptive, Mixed methods"
)
