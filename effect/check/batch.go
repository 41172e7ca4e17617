package check

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"github.com/tiesproject/ties/internal/csvhint"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tiesproject/ties/effect"
)

// Row is one extracted row of a batch: the printed fields by column, and
// the original record so that every column can be carried through.
type Row struct {
	Line   int      // physical line of the file where the record starts, the header being line 1
	Record []string // the fields as read, in the header's order
	Err    error    // a record-level problem (such as a wrong field count or an unreadable level)

	SMD                SMDInput
	Level              float64 // the CI's level from the level column; 0 means Options.Level
	Items              string  // items averaged into each score (1 for sum scores); GRIM/GRIMMER on both arms
	ScaleMin, ScaleMax string  // range of one item's response (of the total when Items is 1)
	Test, Tails        string  // APA test result and "1"/"2" (or "one"/"two")

	header []string       // the file's header, to name columns in errors
	col    map[string]int // canonical column name -> index in Record
}

// Table is a CSV of extracted rows.
type Table struct {
	Header []string
	Rows   []Row
	// Comma is the field delimiter the file used, and DecimalComma is
	// true when its numbers use a decimal comma ("0,31"); WriteCSV writes
	// the same.
	Comma        rune
	DecimalComma bool
	// Unread lists the headings ReadCSV does not read (carried through to
	// the output unchanged), so that a misspelt column is noticed.
	Unread []string
}

// ReadOptions holds optional settings of ReadCSV. A nil *ReadOptions
// means the defaults.
type ReadOptions struct {
	// Comma is the field delimiter; 0 means: a comma, or a semicolon or
	// tab when the header line has one of those and no comma.
	Comma rune
}

// columnAliases maps header names (lower case) to the columns ReadCSV uses.
var columnAliases = map[string]string{
	"m1": "m1", "sd1": "sd1", "n1": "n1", "m2": "m2", "sd2": "sd2", "n2": "n2",
	"effect": "effect", "d": "effect", "g": "effect", "smd": "effect", "es": "effect",
	"ci": "ci", "ci_lower": "ci_lower", "ci_upper": "ci_upper", "level": "level",
	"measure": "measure", "items": "items", "scale_min": "scale_min", "scale_max": "scale_max",
	"test": "test", "tails": "tails",
}

// knownColumns lists the canonical columns in the order ReadCSV documents
// them, for messages.
const knownColumns = "m1, sd1, n1, m2, sd2, n2, effect (d, g, smd, es), ci, ci_lower, ci_upper, level, measure, items, scale_min, scale_max, test, tails"

// ReadCSV reads a table of extracted rows with a header line. Header names
// are matched case-insensitively after trimming spaces (aliases in
// parentheses); every column is optional, and whatever a check needs and
// does not find makes that check NotCheckable. Other columns are carried
// through to the output.
//
//	m1, sd1, n1              intervention arm's mean, SD and n, as printed
//	m2, sd2, n2              control arm's
//	effect (d, g, smd, es)   the reported standardized mean difference
//	ci                       the reported CI as printed ("(-0.18 to 0.80)",
//	                         "[−0,18; 0,80]", "−0.5–−0.2"), or
//	ci_lower, ci_upper       its two ends
//	level                    the CI level: "95", "95%" or "0.95" (default Options.Level)
//	measure                  the label the paper used ("d", "g", "Glass"): the
//	                         findings give the gap against the convention it
//	                         names, and a note says when no reproducing
//	                         convention carries it
//	items                    number of items averaged into each person's score (1 for
//	                         sum scores such as a UCLA-3 total): runs GRIM and GRIMMER
//	                         on both arms' means and SDs
//	scale_min, scale_max     range of one item response, or of the total when items
//	                         is 1 (optional; makes GRIMMER exact)
//	test                     an APA result, "t(28) = 2.20, p = .036"
//	tails                    "1" or "2" ("one", "two"); empty means not stated
//
// The delimiter is ReadOptions.Comma, by default a comma, or a semicolon
// or tab when the header line has one of those and no comma (spreadsheets
// in locales with decimal commas write semicolons). Row.Line is the
// physical line of the file, the header being line 1. A record with the
// wrong number of fields keeps its place with Row.Err set. The whole read
// fails only on an I/O error, an unreadable header, a column given twice,
// or a header with none of the columns above (the error lists the
// headings found, and suggests ReadOptions.Comma when one holds a
// semicolon). A UTF-8 byte-order mark is ignored.
func ReadCSV(r io.Reader, o *ReadOptions) (*Table, error) {
	br := bufio.NewReader(r)
	cr := csv.NewReader(br)
	if o != nil && o.Comma != 0 {
		cr.Comma = o.Comma
	} else {
		cr.Comma = sniffDelimiter(br)
	}
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, &effect.FieldError{Line: 1, Field: "header", Reason: "no header line", Err: ErrUnparseable}
		}
		return nil, &effect.FieldError{Line: 1, Field: "header", Reason: err.Error(), Err: ErrUnparseable}
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	col := map[string]int{}
	for i, h := range header {
		k := strings.ToLower(trimSpace(h))
		if canon, ok := columnAliases[k]; ok {
			if j, dup := col[canon]; dup {
				return nil, &effect.FieldError{Line: 1, Column: h, Field: "header", Value: canon,
					Reason: fmt.Sprintf("column %q given twice (also as %q); headings found: %s", canon, header[j], quoteAll(header)),
					Err:    ErrUnparseable}
			}
			col[canon] = i
		}
	}
	if len(col) == 0 {
		reason := "no column that ReadCSV reads (" + knownColumns + "); headings found: " + quoteAll(header) +
			csvhint.Separator(header, cr.Comma, "ReadOptions.Comma")
		return nil, &effect.FieldError{Line: 1, Field: "header", Reason: reason, Err: ErrUnparseable}
	}
	t := &Table{Header: header, Comma: cr.Comma}
	for _, h := range header {
		if _, ok := columnAliases[strings.ToLower(trimSpace(h))]; !ok {
			t.Unread = append(t.Unread, h)
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line := 0
		if len(rec) > 0 {
			line, _ = cr.FieldPos(0)
		}
		row := Row{Line: line, Record: rec, header: header, col: col}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return t, err
			}
			row.Line = pe.StartLine
			row.Err = &effect.FieldError{Line: pe.StartLine, Field: "record", Reason: pe.Err.Error(), Err: ErrUnparseable}
			t.Rows = append(t.Rows, row)
			continue
		}
		if len(rec) != len(header) {
			row.Err = &effect.FieldError{Line: line, Record: row.record(), Field: "record", Value: strings.Join(rec, string(cr.Comma)),
				Reason: fmt.Sprintf("%d fields, the header has %d", len(rec), len(header)), Err: ErrUnparseable}
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		row.SMD = SMDInput{
			Treat:   Arm{Mean: get("m1"), SD: get("sd1"), N: get("n1")},
			Control: Arm{Mean: get("m2"), SD: get("sd2"), N: get("n2")},
			Effect:  get("effect"), CI: get("ci"), CILower: get("ci_lower"), CIUpper: get("ci_upper"),
			Measure: get("measure"),
		}
		row.Items, row.ScaleMin, row.ScaleMax = get("items"), get("scale_min"), get("scale_max")
		row.Test, row.Tails = get("test"), get("tails")
		if lv := get("level"); trimSpace(lv) != "" {
			x, err := parseNumber(strings.TrimSuffix(trimSpace(lv), "%"))
			switch {
			case err != nil:
				row.Err = errors.Join(row.Err, row.locate(withField(err, "level")))
			case x.Value > 1 && x.Value < 100:
				row.Level = x.Value / 100
			case x.Value > 0 && x.Value < 1:
				row.Level = x.Value
			default:
				row.Err = errors.Join(row.Err, row.locate(invalidErr("level", lv, "must lie in (0, 1) or (1, 100)")))
			}
		}
		if !t.DecimalComma && t.Comma != ',' {
			for _, c := range [...]string{"m1", "sd1", "m2", "sd2", "effect", "ci_lower", "ci_upper"} {
				if v := get(c); strings.Count(v, ",") == 1 && !strings.Contains(v, ".") {
					t.DecimalComma = true
				}
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// record returns the row's label for errors: its first field when the
// first column is not one ReadCSV checks (a study label).
func (r Row) record() string {
	if len(r.Record) == 0 || len(r.header) == 0 {
		return ""
	}
	if _, known := columnAliases[strings.ToLower(trimSpace(r.header[0]))]; known {
		return ""
	}
	return trimSpace(r.Record[0])
}

// locate adds the row's line, column heading and label to a positioned
// error.
func (r Row) locate(err error) error {
	var fe *effect.FieldError
	if !errors.As(err, &fe) {
		return err
	}
	c := *fe
	c.Line = r.Line
	c.Record = r.record()
	if i, ok := r.col[c.Field]; ok && i < len(r.header) {
		c.Column = r.header[i]
	}
	return &c
}

// RowResult holds every verdict on one row.
type RowResult struct {
	Row       Row
	SMD       SMDResult
	GRIM      [2]GRIMResult // means of the intervention and control arms
	GRIMMER   [2]GRIMResult // means with SDs
	P         PCheck
	HaveP     bool
	Notes     []string
	Err       error // every problem with the row's fields, joined; nil if none
	grimCheck bool
}

// CheckRows checks every row and returns one result per row, in order. A
// row's unreadable fields are reported in its Err; the checks that do not
// need those fields still run. Rows are checked in parallel.
func CheckRows(rows []Row, o *Options) []RowResult {
	out := make([]RowResult, len(rows))
	workers := runtime.GOMAXPROCS(0)
	if workers > len(rows)/64+1 {
		workers = len(rows)/64 + 1
	}
	var wg sync.WaitGroup
	chunk := (len(rows) + workers - 1) / max(workers, 1)
	for w := 0; w < workers; w++ {
		lo, hi := w*chunk, min((w+1)*chunk, len(rows))
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				out[i] = CheckRow(rows[i], o)
			}
		}()
	}
	wg.Wait()
	return out
}

// CheckRow checks one row (see CheckRows).
func CheckRow(row Row, o *Options) RowResult {
	res := RowResult{Row: row}
	var errs []error
	if row.Err != nil {
		errs = append(errs, row.Err)
	}
	fail := func(err error) string {
		errs = append(errs, row.locate(err))
		return "error in " + fieldOf(err)
	}
	if err := o.validate(); err != nil {
		// Options are the caller's, not the row's: every check of the
		// row reports them.
		r := "error in " + fieldOf(err)
		res.SMD.Effect, res.SMD.Wald, res.SMD.Exact = Finding{Reason: r}, Finding{Reason: r}, Finding{Reason: r}
		res.Err = errors.Join(row.Err, err)
		return res
	}
	if row.Level != 0 {
		lo := Options{}
		if o != nil {
			lo = *o
		}
		lo.Level = row.Level
		o = &lo
	}
	// Effect size and CI: each is checked unless its own fields (or the
	// arms' summaries) are unreadable.
	{
		p := parseSMD(row.SMD, o)
		for _, err := range []error{p.boxErr, p.effectErr, p.ciErr} {
			if err != nil {
				if j, ok := err.(interface{ Unwrap() []error }); ok {
					for _, e := range j.Unwrap() {
						fail(e)
					}
				} else {
					fail(err)
				}
			}
		}
		res.SMD = checkSMD(p, o)
		if note := labelNote(row.SMD.Measure, res.SMD.Effect); note != "" {
			res.Notes = append(res.Notes, note)
		}
		if note := conventionNote(res.SMD); note != "" {
			res.Notes = append(res.Notes, note)
		}
		if largeD(res.SMD) {
			res.Notes = append(res.Notes, "|d| > 2: check whether SEs were printed as SDs")
		}
	}
	// GRIM and GRIMMER.
	if trimSpace(row.Items) != "" {
		res.grimCheck = true
		items, err := parseCount(row.Items)
		if err == nil && items < 1 {
			err = invalidErr("items", row.Items, "must be at least 1")
		}
		var scale ScaleRange
		if err == nil && (trimSpace(row.ScaleMin) != "" || trimSpace(row.ScaleMax) != "") {
			scale, err = parseScale(row.ScaleMin, row.ScaleMax)
		}
		if err != nil {
			r := fail(withField(err, fieldOr(err, "items")))
			for k := range 2 {
				res.GRIM[k], res.GRIMMER[k] = GRIMResult{Reason: r}, GRIMResult{Reason: r}
			}
		} else {
			arms := [2]Arm{row.SMD.Treat, row.SMD.Control}
			for k, a := range arms {
				res.GRIM[k], res.GRIMMER[k] = grimArm(a, k+1, items, scale, fail)
			}
		}
	}
	// p value.
	if trimSpace(row.Test) != "" {
		res.HaveP = true
		r, err := parseResult(row.Test)
		if err == nil {
			r.Tails, err = parseTails(row.Tails)
		}
		if err == nil {
			res.P, err = checkP(r, o)
		}
		if err != nil {
			res.P = PCheck{Reason: fail(withField(err, fieldOr(err, "test")))}
		}
		if res.P.Reason != "" && res.P.Verdict != NotCheckable {
			res.Notes = append(res.Notes, res.P.Reason)
		}
	}
	res.Err = errors.Join(errs...)
	return res
}

func grimArm(a Arm, k, items int, scale ScaleRange, fail func(error) string) (GRIMResult, GRIMResult) {
	mf, sf, nf := fmt.Sprintf("m%d", k), fmt.Sprintf("sd%d", k), fmt.Sprintf("n%d", k)
	if trimSpace(a.Mean) == "" || trimSpace(a.N) == "" {
		miss := GRIMResult{Reason: "missing " + missingOf([][2]string{{mf, a.Mean}, {nf, a.N}})}
		return miss, miss
	}
	n, err := parseCount(a.N)
	if err != nil {
		r := fail(withField(err, nf))
		return GRIMResult{Reason: r}, GRIMResult{Reason: r}
	}
	g, err := GRIM(a.Mean, n, items)
	if err != nil {
		r := fail(withField(err, fieldOr(err, mf)))
		return GRIMResult{Reason: r}, GRIMResult{Reason: r}
	}
	if trimSpace(a.SD) == "" {
		return g, GRIMResult{Reason: "missing " + sf}
	}
	gm, err := GRIMMER(a.Mean, a.SD, n, items, scale)
	if err != nil {
		f := fieldOf(err)
		switch f {
		case "mean":
			f = mf
		case "sd":
			f = sf
		case "n":
			f = nf
		}
		return g, GRIMResult{Reason: fail(withField(err, f))}
	}
	return g, gm
}

func missingOf(fs [][2]string) string {
	var m []string
	for _, f := range fs {
		if trimSpace(f[1]) == "" {
			m = append(m, f[0])
		}
	}
	return strings.Join(m, ", ")
}

func parseScale(lo, hi string) (ScaleRange, error) {
	var s ScaleRange
	for i, t := range []string{lo, hi} {
		name := [...]string{"scale_min", "scale_max"}[i]
		x, err := parseNumber(t)
		if err != nil {
			return s, withField(err, name)
		}
		if x.Value != float64(int64(x.Value)) || x.Value > 1e9 || x.Value < -1e9 {
			return s, invalidErr(name, t, "must be a whole number")
		}
		if i == 0 {
			s.Min = int(x.Value)
		} else {
			s.Max = int(x.Value)
		}
	}
	if s.Min > s.Max {
		return s, invalidErr("scale_min", lo, "above scale_max")
	}
	s.Set = true
	return s, nil
}

func parseTails(s string) (int, error) {
	switch strings.ToLower(trimSpace(s)) {
	case "":
		return 0, nil
	case "1", "one", "one-sided", "one-tailed":
		return 1, nil
	case "2", "two", "two-sided", "two-tailed":
		return 2, nil
	}
	return 0, invalidErr("tails", s, `must be "1" or "2"`)
}

func fieldOf(err error) string {
	var fe *effect.FieldError
	if errors.As(err, &fe) && fe.Field != "" {
		return fe.Field
	}
	return "row"
}

func fieldOr(err error, def string) string {
	if f := fieldOf(err); f != "row" {
		return f
	}
	return def
}

// labelStandardizers returns the standardizers a paper's label names:
// Glass's Δ, g or d; nil when the label names none of them.
func labelStandardizers(label string) []Standardizer {
	l := strings.ToLower(trimSpace(label))
	switch {
	case l == "":
		return nil
	case strings.Contains(l, "glass") || strings.Contains(l, "delta") || strings.Contains(l, "δ"):
		return []Standardizer{GlassControl, GlassTreat}
	case strings.Contains(l, "g"):
		return []Standardizer{ExactG, ApproxG}
	case strings.Contains(l, "d") || strings.Contains(l, "smd"):
		return []Standardizer{PooledD, AverageD}
	}
	return nil
}

// labelNote says when the paper's label names a measure that none of the
// reproducing conventions is.
func labelNote(label string, f Finding) string {
	want := labelStandardizers(label)
	if want == nil || f.Verdict != Consistent {
		return ""
	}
	for _, m := range f.Matches {
		if slices.Contains(want, m.Convention.Standardizer) {
			return ""
		}
	}
	return fmt.Sprintf("reported as %q but reproduced only as %s", trimSpace(label), f.Matches[0].Convention)
}

func largeD(r SMDResult) bool {
	for _, cr := range r.Ranges {
		if cr.Convention == (Convention{}) {
			return cr.Range.Lo > 2 || cr.Range.Hi < -2
		}
	}
	return false
}

// conventionNote says when the effect size and its CI are each consistent
// but under no common convention.
func conventionNote(r SMDResult) string {
	if r.Effect.Verdict != Consistent {
		return ""
	}
	if r.Wald.Verdict == Inconsistent && r.Exact.Verdict == Inconsistent {
		for _, m := range r.Effect.Matches {
			switch m.Convention.Standardizer {
			case PooledD, ExactG, ApproxG:
				return ""
			}
		}
		return "effect size reproduces only as Glass's delta or d with the average SD, and the CI under no checked interval"
	}
	if r.Wald.Verdict != Consistent && r.Exact.Verdict != Consistent {
		return ""
	}
	for _, e := range r.Effect.Matches {
		for _, f := range [...]Finding{r.Wald, r.Exact} {
			for _, m := range f.Matches {
				if m.Convention == e.Convention {
					return ""
				}
			}
		}
	}
	return "effect size and CI reproduce under different conventions"
}

// sniffDelimiter looks at the header line: ';' or '\t' when it has one of
// them and no comma, else ','.
func sniffDelimiter(br *bufio.Reader) rune {
	line, _ := br.Peek(4096)
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	if bytes.IndexByte(line, ',') >= 0 {
		return ','
	}
	switch {
	case bytes.IndexByte(line, ';') >= 0:
		return ';'
	case bytes.IndexByte(line, '\t') >= 0:
		return '\t'
	}
	return ','
}
