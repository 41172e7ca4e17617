package prisma

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/internal/suggest"
)

// WriteCSV writes f as the template CSV of the PRISMA2020 R package
// (columns data, node, box, description, boxtext, tooltips, url, n; one row
// per count, in the template's order), which the package's PRISMA_data
// and its Shiny app read. The box texts are the official wording for a
// new review (the package's defaults use the wording for updated
// reviews), unless f.Template holds others. Unknown counts are written "?"; the rows of the previous-
// studies and total boxes, which a new review does not use, and the
// other-methods rows when f.Other is nil, have an empty n. Reasons and
// per-source counts are written "Name, n; Name, n". The names of the
// other-methods sources go in the boxtext of the website_results,
// organisation_results and citations_results rows, so at most three
// sources can be written; more is an error (use WriteJSON). Names holding
// ',' or ';' cannot be written either, as the R format splits on them.
// ReadCSV(WriteCSV(f)) equals f.
func WriteCSV(w io.Writer, f *Flow) error {
	n := map[string]string{
		"database_results":          f.Databases.csv(),
		"register_results":          f.Registers.csv(),
		"duplicates":                f.Duplicates.csv(),
		"excluded_automatic":        f.Automation.csv(),
		"excluded_other":            f.OtherRemoved.csv(),
		"records_screened":          f.Screened.csv(),
		"records_excluded":          f.RecordsExcluded.csv(),
		"dbr_sought_reports":        f.Sought.csv(),
		"dbr_notretrieved_reports":  f.NotRetrieved.csv(),
		"dbr_assessed":              f.Assessed.csv(),
		"new_studies":               f.Studies.csv(),
		"new_reports":               f.Reports.csv(),
		"identification":            "0",
		"screening":                 "0",
		"included":                  "0",
		"database_specific_results": "",
		"register_specific_results": "",
		"dbr_excluded":              "",
	}
	var err error
	if n["database_specific_results"], err = listCSV("database_specific_results", sourcePairs(f.DatabaseDetail)); err != nil {
		return err
	}
	if n["register_specific_results"], err = listCSV("register_specific_results", sourcePairs(f.RegisterDetail)); err != nil {
		return err
	}
	if n["dbr_excluded"], err = listCSV("dbr_excluded", reasonPairs(f.Excluded)); err != nil {
		return err
	}
	boxtext := map[string]string{}
	if o := f.Other; o != nil {
		if len(o.Sources) > len(otherSourceRows) {
			return &effect.FieldError{Field: "other sources", Value: len(o.Sources), Err: ErrInvalidInput,
				Reason: fmt.Sprintf("the PRISMA2020 template has rows for %d other-methods sources; merge sources or use WriteJSON", len(otherSourceRows))}
		}
		for i, s := range o.Sources {
			if strings.ContainsAny(s.Name, ",;") || strings.TrimSpace(s.Name) == "" {
				return &effect.FieldError{Field: "other sources", Value: s.Name, Err: ErrInvalidInput,
					Reason: "a source name must be non-empty and hold no ',' or ';' in the PRISMA2020 template"}
			}
			boxtext[otherSourceRows[i]] = s.Name
			n[otherSourceRows[i]] = s.N.csv()
		}
		n["other_sought_reports"] = o.Sought.csv()
		n["other_notretrieved_reports"] = o.NotRetrieved.csv()
		n["other_assessed"] = o.Assessed.csv()
		if n["other_excluded"], err = listCSV("other_excluded", reasonPairs(o.Excluded)); err != nil {
			return err
		}
		if n["other_excluded"] == "" {
			// An empty list must still mark the column as used.
			n["other_excluded"] = "?"
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(templateColumns); err != nil {
		return err
	}
	for _, t := range template {
		bt, tt, url := t.boxtext, t.tooltips, t.url
		if x, ok := f.Template[t.key()]; ok {
			bt, tt, url = x.Boxtext, x.Tooltips, x.URL
		}
		if s, ok := boxtext[t.data]; ok {
			bt = s
		}
		cell := n[t.data]
		if t.data == "NA" {
			cell = "0"
		}
		if err := cw.Write([]string{t.data, t.node, t.box, t.description, bt, tt, url, cell}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csv returns the n cell of a count: digits, or "?" when unknown.
func (c Count) csv() string {
	if !c.known {
		return "?"
	}
	return strconv.Itoa(c.n)
}

type pair struct {
	name string
	n    Count
}

func sourcePairs(ss []Source) []pair {
	p := make([]pair, len(ss))
	for i, s := range ss {
		p[i] = pair{s.Name, s.N}
	}
	return p
}

func reasonPairs(rs []Reason) []pair {
	p := make([]pair, len(rs))
	for i, r := range rs {
		p[i] = pair{r.Reason, r.N}
	}
	return p
}

// listCSV writes "Name, n; Name, n" as the R package reads it (split on
// ';', the count after the last ',').
func listCSV(data string, ps []pair) (string, error) {
	parts := make([]string, len(ps))
	for i, p := range ps {
		if strings.ContainsRune(p.name, ';') || strings.TrimSpace(p.name) == "" || strings.TrimSpace(p.name) != p.name {
			return "", &effect.FieldError{Record: data, Field: data, Value: p.name, Err: ErrInvalidInput,
				Reason: "a name in a list must be non-empty, without ';' or surrounding space, to be written in the PRISMA2020 template"}
		}
		parts[i] = p.name + ", " + p.n.csv()
	}
	return strings.Join(parts, "; "), nil
}

// ignored are template rows ReadCSV reads but a new review's flow does
// not hold: they must be blank or 0.
var ignored = map[string]string{
	"previous_studies": "previous studies (updated reviews are not supported)",
	"previous_reports": "previous reports (updated reviews are not supported)",
	"total_studies":    "total studies (updated reviews are not supported)",
	"total_reports":    "total reports (updated reviews are not supported)",
	"total_studies_ma": "studies in meta-analysis (not a PRISMA 2020 box)",
	"total_reports_ma": "reports in meta-analysis (not a PRISMA 2020 box)",
	"identification":   "", "screening": "", "included": "", "NA": "", "": "",
}

// ReadCSV reads a flow from the PRISMA2020 R package's template CSV, as
// the package ships it, as its Shiny app downloads it, or as WriteCSV
// writes it. The header must name the columns data and n; node, box,
// description, boxtext, tooltips and url may be present (only the boxtext
// of the other-methods source rows is used: it names the source). In n,
// thousands separators are allowed, and a blank, "NA" or "?" is an unknown
// count; lists are "Name, n; Name, n". The other-methods column is read
// when any of its rows has a non-blank n (0 included); blank them all for
// a review without other methods. The rows of updated reviews (previous
// and total studies) and of the package's meta-analysis box must be blank
// or 0: a flow for a new review has no such boxes. Errors name the
// physical line (header = 1), the column, the data name and the box.
// Reading does not check the arithmetic: call Validate.
func ReadCSV(r io.Reader) (*Flow, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, &effect.FieldError{Line: 1, Reason: "no header row", Err: ErrInvalidInput}
		}
		return nil, csvErr(err)
	}
	col := map[string]int{}
	known := map[string]bool{}
	for _, c := range templateColumns {
		known[c] = true
	}
	for j, h := range head {
		k := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))
		if !known[k] {
			return nil, &effect.FieldError{Line: 1, Column: h, Err: ErrInvalidInput,
				Reason: "unknown column; " + headerHint(head) + "; the template's columns are " + strings.Join(templateColumns, ", ")}
		}
		if _, dup := col[k]; dup {
			return nil, &effect.FieldError{Line: 1, Column: h, Err: ErrInvalidInput, Reason: "column appears twice"}
		}
		col[k] = j
	}
	for _, c := range []string{"data", "n"} {
		if _, ok := col[c]; !ok {
			return nil, &effect.FieldError{Line: 1, Column: c, Err: ErrInvalidInput,
				Reason: "required column missing; " + headerHint(head)}
		}
	}
	var f Flow
	var other OtherMethods
	usedOther := false
	seen := map[string]int{}
	var errs []error
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, csvErr(err))
			break
		}
		get := func(c string) string {
			if j, ok := col[c]; ok && j < len(rec) {
				return rec[j]
			}
			return ""
		}
		line := func(c string) int {
			j, ok := col[c]
			if !ok || j >= len(rec) {
				j = 0
			}
			l, _ := cr.FieldPos(j)
			return l
		}
		data := strings.TrimSpace(get("data"))
		nText := strings.TrimSpace(get("n"))
		if err := keepTemplate(&f, data, get("box"), get("boxtext"), get("tooltips"), get("url"), col); err != nil {
			errs = append(errs, &effect.FieldError{Line: line("data"), Column: head[col["data"]], Record: data, Value: data,
				Field: "data", Err: ErrInvalidInput, Reason: err.Error()})
			continue
		}
		fail := func(reason string) {
			errs = append(errs, &effect.FieldError{Line: line("n"), Column: head[col["n"]], Record: data, Field: boxOf(data),
				Value: get("n"), Reason: reason, Err: ErrInvalidInput})
		}
		if why, ok := ignored[data]; ok {
			if why != "" {
				if c, err := parseCount(nText); err != nil || (c.known && c.n != 0) {
					fail("must be blank or 0: " + why)
				}
			}
			continue
		}
		if first, dup := seen[data]; dup {
			fail(fmt.Sprintf("data name appears twice (first on line %d)", first))
			continue
		}
		seen[data] = line("data")
		switch data {
		case "database_specific_results", "register_specific_results", "dbr_excluded", "other_excluded":
			ps, err := parseList(nText)
			if err != nil {
				fail(err.Error())
				continue
			}
			switch data {
			case "database_specific_results":
				f.DatabaseDetail = toSources(ps)
			case "register_specific_results":
				f.RegisterDetail = toSources(ps)
			case "dbr_excluded":
				f.Excluded = toReasons(ps)
			case "other_excluded":
				other.Excluded = toReasons(ps)
				usedOther = usedOther || nText != ""
			}
			continue
		}
		c, err := parseCount(nText)
		if err != nil {
			fail(err.Error())
			continue
		}
		switch data {
		case "website_results", "organisation_results", "citations_results":
			if nText != "" && !strings.EqualFold(nText, "NA") {
				name := strings.TrimSpace(get("boxtext"))
				if name == "" || strings.EqualFold(name, "NA") {
					name = defaultBoxtext(data)
				}
				other.Sources = append(other.Sources, Source{Name: name, N: c})
				usedOther = true
			}
			continue
		case "other_sought_reports", "other_notretrieved_reports", "other_assessed":
			if nText != "" && !strings.EqualFold(nText, "NA") {
				usedOther = true
			}
		}
		p := f.count(data, &other)
		if p == nil {
			errs = append(errs, &effect.FieldError{Line: line("data"), Column: head[col["data"]], Record: data, Value: data,
				Field: "data", Err: ErrInvalidInput, Reason: "unknown data name" + didYouMean(data) + "; the template's names are " + dataNames()})
			continue
		}
		*p = c
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if usedOther {
		f.Other = &other
	}
	return &f, nil
}

// count returns the field of f (or of other) named by a data name.
func (f *Flow) count(data string, other *OtherMethods) *Count {
	switch data {
	case "database_results":
		return &f.Databases
	case "register_results":
		return &f.Registers
	case "duplicates":
		return &f.Duplicates
	case "excluded_automatic":
		return &f.Automation
	case "excluded_other":
		return &f.OtherRemoved
	case "records_screened":
		return &f.Screened
	case "records_excluded":
		return &f.RecordsExcluded
	case "dbr_sought_reports":
		return &f.Sought
	case "dbr_notretrieved_reports":
		return &f.NotRetrieved
	case "dbr_assessed":
		return &f.Assessed
	case "new_studies":
		return &f.Studies
	case "new_reports":
		return &f.Reports
	case "other_sought_reports":
		return &other.Sought
	case "other_notretrieved_reports":
		return &other.NotRetrieved
	case "other_assessed":
		return &other.Assessed
	}
	return nil
}

func dataNames() string {
	var s []string
	for _, t := range template {
		if t.data != "NA" {
			s = append(s, t.data)
		}
	}
	return strings.Join(s, ", ")
}

func defaultBoxtext(data string) string {
	for _, t := range template {
		if t.data == data {
			return t.boxtext
		}
	}
	return data
}

// boxOf names the box of a data name for messages.
func boxOf(data string) string {
	for _, t := range template {
		if t.data == data {
			return t.description
		}
	}
	return ""
}

// parseCount reads an n cell: digits with optional thousands separators
// (',' or spaces); "", "NA" and "?" are Unknown.
func parseCount(s string) (Count, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "?" || strings.EqualFold(s, "NA") {
		return Unknown, nil
	}
	digits := strings.NewReplacer(",", "", " ", "", "\u00a0", "", "\u202f", "").Replace(s)
	if digits == "" {
		return Unknown, fmt.Errorf("not a count")
	}
	for _, r := range digits {
		if r < '0' || r > '9' {
			return Unknown, fmt.Errorf("not a whole number >= 0 (write digits, or ? for an unknown count)")
		}
	}
	v, err := strconv.Atoi(digits)
	if err != nil {
		return Unknown, fmt.Errorf("count too large")
	}
	return N(v), nil
}

// parseList reads "Name, n; Name, n": items split on ';', the count after
// the last ','. Empty items are skipped. A list of the template's
// placeholders ("Reason1, xxx; Reason2, xxx") is empty.
func parseList(s string) ([]pair, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "?" || strings.EqualFold(s, "NA") {
		return nil, nil
	}
	var ps []pair
	placeholders := 0
	for _, item := range strings.Split(s, ";") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		i := strings.LastIndex(item, ",")
		if i < 0 {
			return nil, fmt.Errorf("item %q has no count: write \"Name, n\" items separated by ';'", item)
		}
		name := strings.TrimSpace(item[:i])
		if name == "" {
			return nil, fmt.Errorf("item %q has no name", item)
		}
		if strings.EqualFold(strings.TrimSpace(item[i+1:]), "xxx") {
			placeholders++
			continue
		}
		c, err := parseCount(item[i+1:])
		if err != nil {
			return nil, fmt.Errorf("item %q: %v", item, err)
		}
		ps = append(ps, pair{name, c})
	}
	if placeholders > 0 && len(ps) > 0 {
		return nil, fmt.Errorf("mixes counts with the template's placeholder xxx: replace every xxx")
	}
	return ps, nil
}

func toSources(ps []pair) []Source {
	var s []Source
	for _, p := range ps {
		s = append(s, Source{p.name, p.n})
	}
	return s
}

func toReasons(ps []pair) []Reason {
	var r []Reason
	for _, p := range ps {
		r = append(r, Reason{p.name, p.n})
	}
	return r
}

func csvErr(err error) error {
	line, reason := 0, err.Error()
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		// The error names the line itself; its reason need not repeat it.
		line, reason = pe.Line, pe.Err.Error()
	}
	return &effect.FieldError{Line: line, Reason: reason, Err: ErrInvalidInput}
}

// headerHint lists the header cells and suggests the separator when one
// holds ';' (the file was saved by a spreadsheet with ';' as separator).
func headerHint(head []string) string {
	q := make([]string, len(head))
	for i, h := range head {
		q[i] = strconv.Quote(h)
	}
	s := "the header holds " + strings.Join(q, ", ")
	for _, h := range head {
		if strings.ContainsRune(h, ';') {
			return s + "; it contains ';': save the file with ',' as the separator, as the PRISMA2020 template is"
		}
	}
	return s
}

// keepTemplate records the texts of a template row that differ from what
// WriteCSV would write, so that they survive a round trip. The boxtext of
// the other-methods source rows is the source's name and is not kept
// here.
func keepTemplate(f *Flow, data, box, boxtext, tooltips, url string, col map[string]int) error {
	key := data
	if data == "NA" || data == "" {
		key = strings.TrimSpace(box)
	}
	var t *templateRow
	for i := range template {
		if template[i].key() == key {
			t = &template[i]
			break
		}
	}
	if t == nil {
		if data == "NA" || data == "" {
			return fmt.Errorf("a row without a data name must name one of the template's boxes (prevstud, newstud, othstud) in its box column")
		}
		return nil // unknown data names are reported by the caller
	}
	x := TemplateText{Boxtext: t.boxtext, Tooltips: t.tooltips, URL: t.url}
	if _, ok := col["boxtext"]; ok && !isSourceRow(data) {
		x.Boxtext = boxtext
	}
	if _, ok := col["tooltips"]; ok {
		x.Tooltips = tooltips
	}
	if _, ok := col["url"]; ok {
		x.URL = url
	}
	if x != (TemplateText{Boxtext: t.boxtext, Tooltips: t.tooltips, URL: t.url}) {
		if f.Template == nil {
			f.Template = map[string]TemplateText{}
		}
		if _, dup := f.Template[key]; dup {
			return fmt.Errorf("row %q appears twice", key)
		}
		f.Template[key] = x
	}
	return nil
}

func isSourceRow(data string) bool {
	for _, s := range otherSourceRows {
		if s == data {
			return true
		}
	}
	return false
}

// didYouMean returns `; did you mean "records_screened"?` for a data name
// within two edits of a template name, or "".
func didYouMean(data string) string {
	best, bestD := "", 3
	for _, t := range template {
		if t.data == "NA" {
			continue
		}
		if d := suggest.Distance(strings.ToLower(data), t.data); d < bestD {
			best, bestD = t.data, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}
