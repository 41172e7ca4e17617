package check

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
)

// Row is one extracted row of a batch: the printed fields by column, and
// the original record so that every column can be carried through.
type Row struct {
	Line   int      // 1-based data row (the header is not counted)
	Record []string // the fields as read, in the header's order
	Err    error    // a record-level problem (such as a wrong field count)

	SMD                SMDInput
	Items              string // items averaged into each score (1 for sum scores); GRIM/GRIMMER on both arms
	ScaleMin, ScaleMax string // range of one item's response (of the total when Items is 1)
	Test, Tails        string // APA test result and "1"/"2" (or "one"/"two")
	Measure            string // the label the paper gave the effect size
}

// Table is a CSV of extracted rows.
type Table struct {
	Header []string
	Rows   []Row
}

// columnAliases maps header names (lower case) to the columns ReadCSV uses.
var columnAliases = map[string]string{
	"m1": "m1", "sd1": "sd1", "n1": "n1", "m2": "m2", "sd2": "sd2", "n2": "n2",
	"effect": "effect", "d": "effect", "g": "effect", "smd": "effect", "es": "effect",
	"ci": "ci", "ci_lower": "ci_lower", "ci_upper": "ci_upper", "level": "level",
	"measure": "measure", "items": "items", "scale_min": "scale_min", "scale_max": "scale_max",
	"test": "test", "tails": "tails",
}

// ReadCSV reads a table of extracted rows with a header line. Header names
// are matched case-insensitively after trimming spaces (aliases in
// parentheses); every column is optional, and whatever a check needs and
// does not find makes that check NotCheckable. Other columns are carried
// through to the output.
//
//	m1, sd1, n1              intervention arm's mean, SD and n, as printed
//	m2, sd2, n2              control arm's
//	effect (d, g, smd, es)   the reported standardized mean difference
//	ci                       the reported CI as printed (any form ParseCI reads), or
//	ci_lower, ci_upper       its two ends
//	level                    the CI level: "95", "95%" or "0.95" (default Options.Level)
//	measure                  the label the paper used ("d", "g", "Glass"); a note says
//	                         when no reproducing convention carries it
//	items                    number of items averaged into each person's score (1 for
//	                         sum scores such as a UCLA-3 total): runs GRIM and GRIMMER
//	                         on both arms' means and SDs
//	scale_min, scale_max     range of one item response, or of the total when items
//	                         is 1 (optional, GRIMMER)
//	test                     an APA result, "t(28) = 2.20, p = .036"
//	tails                    "1" or "2" ("one", "two"); empty means not stated
//
// The delimiter is a comma, or a semicolon or tab when the header line
// has one of those and no comma (spreadsheets in locales with decimal
// commas write semicolons). A record with the wrong number of fields keeps
// its place with Row.Err set; only an unreadable header (or a column given twice) or an I/O error
// fails the whole read. A UTF-8 byte-order mark is ignored.
func ReadCSV(r io.Reader) (*Table, error) {
	br := bufio.NewReader(r)
	cr := csv.NewReader(br)
	cr.Comma = sniffDelimiter(br)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, fmt.Errorf("%w: no header line", ErrUnparseable)
		}
		return nil, fmt.Errorf("%w: header: %v", ErrUnparseable, err)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	col := map[string]int{}
	for i, h := range header {
		k := strings.ToLower(trimSpace(h))
		if canon, ok := columnAliases[k]; ok {
			if _, dup := col[canon]; dup {
				return nil, fmt.Errorf("%w: header: column %q given twice", ErrUnparseable, canon)
			}
			col[canon] = i
		}
	}
	t := &Table{Header: header}
	for line := 1; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		row := Row{Line: line, Record: rec}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return t, err
			}
			row.Err = &FieldError{Row: line, Field: "record", Reason: pe.Err.Error(), Err: ErrUnparseable}
			t.Rows = append(t.Rows, row)
			continue
		}
		if len(rec) != len(header) {
			row.Err = &FieldError{Row: line, Field: "record", Text: strings.Join(rec, ","),
				Reason: fmt.Sprintf("%d fields, header has %d", len(rec), len(header)), Err: ErrUnparseable}
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
		}
		row.Items, row.ScaleMin, row.ScaleMax = get("items"), get("scale_min"), get("scale_max")
		row.Test, row.Tails, row.Measure = get("test"), get("tails"), get("measure")
		if lv := get("level"); trimSpace(lv) != "" {
			x, err := parseNumber(strings.TrimSuffix(trimSpace(lv), "%"))
			switch {
			case err != nil:
				row.Err = errors.Join(row.Err, rowErr(withField(err, "level"), line))
			case x.Value > 1 && x.Value < 100:
				row.SMD.Level = x.Value / 100
			case x.Value > 0 && x.Value < 1:
				row.SMD.Level = x.Value
			default:
				row.Err = errors.Join(row.Err, &FieldError{Row: line, Field: "level", Text: lv, Reason: "must lie in (0, 1) or (1, 100)", Err: ErrInvalidInput})
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

func rowErr(err error, line int) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		c := *fe
		c.Row = line
		return &c
	}
	return err
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
		errs = append(errs, rowErr(err, row.Line))
		return "error in " + fieldOf(err)
	}
	// Effect size and CI.
	if p, err := parseSMD(row.SMD, o); err != nil {
		r := fail(err)
		res.SMD.Effect = Finding{Reason: r}
		res.SMD.Wald, res.SMD.Exact = res.SMD.Effect, res.SMD.Effect
	} else {
		res.SMD = checkSMD(p, o)
		if note := labelNote(row.Measure, res.SMD.Effect); note != "" {
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
		items, err := ParseCount(row.Items)
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
		r, err := ParseResult(row.Test)
		if err == nil {
			r.Tails, err = parseTails(row.Tails)
		}
		if err == nil {
			res.P, err = P(r, o)
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
	n, err := ParseCount(a.N)
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
	var fe *FieldError
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

// labelNote says when the paper's label names a measure that none of the
// reproducing conventions is.
func labelNote(label string, f Finding) string {
	l := strings.ToLower(trimSpace(label))
	if l == "" || f.Verdict != Consistent {
		return ""
	}
	var want []Standardizer
	switch {
	case strings.Contains(l, "glass") || strings.Contains(l, "delta") || strings.Contains(l, "δ"):
		want = []Standardizer{GlassControl, GlassTreat}
	case strings.Contains(l, "g"):
		want = []Standardizer{ExactG, ApproxG}
	case strings.Contains(l, "d") || strings.Contains(l, "smd"):
		want = []Standardizer{PooledD, AverageD}
	default:
		return ""
	}
	for _, m := range f.Matches {
		for _, w := range want {
			if m.Convention.Standardizer == w {
				return ""
			}
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
