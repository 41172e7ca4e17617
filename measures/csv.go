package measures

import (
	"encoding/csv"
	"errors"
	"fmt"
	"github.com/tiesproject/ties/internal/csvhint"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/tiesproject/ties/effect"
)

// CSVOptions describes the layout of a data set for ScoreCSV and WriteCSV,
// so that one value serves to read a file and to write its scores. The nil
// value means the defaults given for each field. ScoreCSV uses every field
// but NA; WriteCSV uses Comma, ID, Keep and NA (Columns, Missing and Score
// describe the input it was scored from).
type CSVOptions struct {
	// Comma is the field delimiter; 0 means ','.
	Comma rune
	// ID is the header of the respondent id column; "" means "id".
	ID string
	// Keep lists further columns copied to the results and the output,
	// e.g. "visit" and "arm" for long data with one row per respondent
	// and visit.
	Keep []string
	// Columns maps CSV headers to item content IDs. Headers not in the
	// map are taken to be content IDs themselves.
	Columns map[string]string
	// Missing lists the cell values (after trimming spaces) read as a
	// missing item; nil means "" and "NA". Add "-99" or similar codes
	// here; an unlisted code is an error, never silently missing.
	Missing []string
	// Score sets the missing-item handling for every instrument; nil
	// means the published keys. Each instrument uses the options that
	// apply to it (MaxMissing does not apply to a total with a conversion
	// table, SubscaleMaxMissing to an instrument without subscales);
	// options that apply to none of the instruments are an error.
	Score *ScoreOptions
	// NA is written for a missing score by WriteCSV; "" means "NA".
	NA string
}

func (o *CSVOptions) comma() rune {
	if o == nil || o.Comma == 0 {
		return ','
	}
	return o.Comma
}

func (o *CSVOptions) id() string {
	if o == nil || o.ID == "" {
		return "id"
	}
	return o.ID
}

func (o *CSVOptions) na() string {
	if o == nil || o.NA == "" {
		return "NA"
	}
	return o.NA
}

func (o *CSVOptions) missing() map[string]bool {
	codes := []string{"", "NA"}
	if o != nil && o.Missing != nil {
		codes = o.Missing
	}
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[strings.TrimSpace(c)] = true
	}
	return m
}

// Row is the result for one CSV record.
type Row struct {
	Line   int      // physical line where the record starts (the header is line 1)
	ID     string   // value of the id column
	Keep   []string // values of CSVOptions.Keep columns
	Scores []Score  // one per instrument, in the order given
	// Errs holds one error per instrument: nil, the joined
	// *effect.FieldError values (ErrNotNumeric, ErrOutOfRange) of the cells
	// that could not be scored, or one wrapping ErrRecord when the record
	// could not be read.
	Errs []error
}

// Err returns the errors of the row joined, or nil.
func (r *Row) Err() error { return errors.Join(r.Errs...) }

type csvPlan struct {
	idCol   int
	keep    []int
	cols    [][]int // per instrument, per item: column index
	headers []string
	comma   rune
}

// columnErr is the error about the header (line 1): what is wrong, the
// headers found, and the separator to try when they look like one field
// holding several.
func (p *csvPlan) columnErr(column, reason string) error {
	return &effect.FieldError{Line: 1, Field: "column", Value: column, Err: ErrColumn,
		Reason: reason + "; the header has " + p.found() + p.separatorHint()}
}

// found lists the headers read, quoted, at most 20.
func (p *csvPlan) found() string {
	const most = 20
	var b strings.Builder
	fmt.Fprintf(&b, "%d column", len(p.headers))
	if len(p.headers) != 1 {
		b.WriteString("s")
	}
	b.WriteString(": ")
	for i, h := range p.headers {
		if i == most {
			fmt.Fprintf(&b, ", … (%d more)", len(p.headers)-most)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(h))
	}
	return b.String()
}

// separatorHint suggests CSVOptions.Comma when a header holds a likely
// separator other than the one in use (a semicolon-separated export read
// with ',' gives one header "id;u1;u2").
func (p *csvPlan) separatorHint() string {
	return csvhint.Separator(p.headers, p.comma, "CSVOptions.Comma")
}

func planCSV(header []string, ins []*Instrument, o *CSVOptions) (*csvPlan, error) {
	p := &csvPlan{headers: header, comma: o.comma()}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		header[i] = h
	}
	pos := map[string]int{}
	for i, h := range header {
		if _, dup := pos[h]; dup {
			return nil, p.columnErr(h, "appears twice")
		}
		pos[h] = i
	}
	find := func(name, what string) (int, error) {
		if i, ok := pos[name]; ok {
			return i, nil
		}
		return 0, p.columnErr(name, "no such "+what+" column")
	}
	var err error
	if p.idCol, err = find(o.id(), "id (CSVOptions.ID)"); err != nil {
		return nil, err
	}
	if o != nil {
		for _, k := range o.Keep {
			i, err := find(k, "CSVOptions.Keep")
			if err != nil {
				return nil, err
			}
			p.keep = append(p.keep, i)
		}
	}
	// Content ID of each column.
	item := map[string]int{}
	for i, h := range header {
		id := h
		if o != nil && o.Columns != nil {
			if m, ok := o.Columns[h]; ok {
				id = m
			}
		}
		if j, dup := item[id]; dup {
			return nil, p.columnErr(h, fmt.Sprintf("maps to item %q, as column %q does", id, header[j]))
		}
		item[id] = i
	}
	if o != nil {
		for h := range o.Columns {
			if _, ok := pos[h]; !ok {
				return nil, p.columnErr(h, "is in CSVOptions.Columns but not in the header")
			}
		}
	}
	for _, in := range ins {
		cols := make([]int, len(in.Items))
		for j, it := range in.Items {
			i, ok := item[it.ID]
			if !ok {
				return nil, p.columnErr(it.ID, fmt.Sprintf("instrument %s needs a column for item %q (name the column so, or map the file's headers to content IDs with CSVOptions.Columns or Instrument.Columns)", in.ID, it.ID))
			}
			cols[j] = i
		}
		p.cols = append(p.cols, cols)
	}
	return p, nil
}

// ScoreCSV reads a wide CSV file (a header row, then one row per
// respondent, or per respondent and visit, with an id column and one
// column per item) and scores every row on every instrument. It returns
// one Row per record, in order; nothing is dropped. A cell that is neither
// a plain decimal number nor a missing code (CSVOptions.Missing; "Inf",
// "NaN", "0x1p1" and "1_0" are not numbers here), or a number that is
// not an allowed code, makes that instrument's score for that row NaN with
// an *effect.FieldError naming the line, column, participant, item and
// value in Row.Errs.
//
// The error return is for problems with the file as a whole: unreadable
// input, an empty file, a header that lacks the id column, a Keep column
// or an item column (ErrColumn).
func ScoreCSV(r io.Reader, ins []*Instrument, o *CSVOptions) ([]Row, error) {
	if len(ins) == 0 {
		return nil, fieldErr("instruments", 0, "at least one instrument is required")
	}
	for i, in := range ins {
		if err := in.loaded(); err != nil {
			var fe *effect.FieldError
			if errors.As(err, &fe) {
				e := *fe
				e.Field = "instruments[" + strconv.Itoa(i) + "]"
				err = &e
			}
			return nil, err
		}
	}
	if o != nil {
		if err := o.Score.appliesTo(ins); err != nil {
			return nil, err
		}
	}
	cr := csv.NewReader(r)
	cr.Comma = o.comma()
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &effect.FieldError{Line: 1, Reason: "empty input: no header line", Err: ErrColumn}
	}
	if err != nil {
		return nil, &effect.FieldError{Line: 1, Reason: "cannot read the header: " + csvReason(err), Err: ErrColumn}
	}
	p, err := planCSV(header, ins, o)
	if err != nil {
		return nil, err
	}
	missing := o.missing()
	var so *ScoreOptions
	if o != nil {
		so = o.Score
	}
	var rows []Row
	resp := make([][]float64, len(ins))
	for i, in := range ins {
		resp[i] = make([]float64, len(in.Items))
	}
	lastLine := 1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		row := Row{Scores: make([]Score, len(ins)), Errs: make([]error, len(ins))}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return rows, fmt.Errorf("measures: reading CSV: %w", err)
			}
			if pe.StartLine <= lastLine {
				// The reader did not advance; stop rather than loop.
				return rows, &effect.FieldError{Line: pe.StartLine, Reason: "cannot read the record: " + pe.Err.Error(), Err: ErrRecord}
			}
			row.Line = pe.StartLine
			lastLine = pe.StartLine
			// The error's line is where reading failed (pe.Line), which
			// for a record spanning lines is not its first line.
			row.fail(&effect.FieldError{Line: pe.Line, Reason: "cannot read the record: " + pe.Err.Error(), Err: ErrRecord})
			rows = append(rows, row)
			continue
		}
		row.Line, _ = cr.FieldPos(0)
		lastLine = row.Line
		if len(rec) != len(p.headers) {
			if p.idCol < len(rec) {
				row.ID = rec[p.idCol]
			}
			row.fail(&effect.FieldError{Line: row.Line, Record: participant(row.ID), Err: ErrRecord,
				Reason: fmt.Sprintf("has %d fields, the header has %d%s", len(rec), len(p.headers), p.separatorHint())})
			rows = append(rows, row)
			continue
		}
		row.ID = rec[p.idCol]
		for _, k := range p.keep {
			row.Keep = append(row.Keep, rec[k])
		}
		for i, in := range ins {
			row.Scores[i], row.Errs[i] = scoreRecord(in, rec, p.cols[i], p.headers, missing, resp[i], row.ID, so.fit(in), cr)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func (r *Row) fail(err error) {
	for i := range r.Errs {
		r.Errs[i] = err
		r.Scores[i] = nanScore()
	}
}

func nanScore() Score {
	return Score{Total: math.NaN(), Raw: math.NaN()}
}

// csvReason is the reason of an encoding/csv error without its own
// position (FieldError gives the line).
func csvReason(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// participant is the Record of an error about a CSV row: "participant
// P012", or "" when the id cell is empty.
func participant(id string) string {
	if id = strings.TrimSpace(id); id == "" {
		return ""
	}
	return "participant " + id
}

// scoreRecord scores one record. Errors name the physical line of the
// offending field (cr.FieldPos), which differs from the record's first line
// when an earlier field of the record spans lines.
func scoreRecord(in *Instrument, rec []string, cols []int, headers []string, missing map[string]bool, x []float64, id string, so *ScoreOptions, cr *csv.Reader) (Score, error) {
	var errs []error
	lineOf := func(col int) int { l, _ := cr.FieldPos(col); return l }
	for j, col := range cols {
		cell := strings.TrimSpace(rec[col])
		if missing[cell] {
			x[j] = math.NaN()
			continue
		}
		v, err := strconv.ParseFloat(cell, 64)
		if err != nil || !plainDecimal(cell) {
			errs = append(errs, &effect.FieldError{Line: lineOf(col), Column: headers[col], Record: participant(id), Field: in.Items[j].ID,
				Value: rec[col], Reason: "response is not numeric (want a plain decimal code, or a missing code listed in CSVOptions.Missing)", Err: ErrNotNumeric})
			continue
		}
		if !in.allowed(j, v) {
			errs = append(errs, &effect.FieldError{Line: lineOf(col), Column: headers[col], Record: participant(id), Field: in.Items[j].ID,
				Value: rec[col], Reason: in.codeReason(j), Err: ErrOutOfRange})
			continue
		}
		x[j] = v
	}
	if errs != nil {
		s := nanScore()
		return s, errors.Join(errs...)
	}
	s, err := in.ScoreWith(x, so)
	if err != nil { // not reached: every code was checked above
		return nanScore(), err
	}
	return s, nil
}

// plainDecimal reports whether s is a plain decimal number: an optional
// sign, digits with at most one point, and an optional exponent. It rules
// out the other forms strconv.ParseFloat accepts (hexadecimal "0x1p1",
// underscores "1_0", "Inf", "NaN"), which in a data file are typos or
// foreign exports, never item codes.
func plainDecimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits, point := 0, false
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point:
			point = true
		default:
			goto exp
		}
	}
exp:
	if digits == 0 {
		return false
	}
	if i == len(s) {
		return true
	}
	if s[i] != 'e' && s[i] != 'E' {
		return false
	}
	i++
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if i == len(s) {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// allowed reports whether x is an allowed code of item j.
func (in *Instrument) allowed(j int, x float64) bool {
	c := in.c
	i := int(x)
	k := i - c.lo[j]
	if float64(i) != x || uint(k) >= uint(c.span[j]) {
		return false
	}
	v := c.tab[c.off[j]+k]
	return v == v
}

// WriteCSV writes scored rows as CSV: the id column, the Keep columns,
// then for each instrument (prefix = instrument id) "<id>_total",
// "<id>_raw" (only with a conversion table), "<id>_band" (only with
// bands), one column per subscale "<id>_<subscale>", "<id>_missing",
// "<id>_prorated", "<id>_nonstandard" (a caller's missing-item opt-in
// produced a score) and "<id>_error". Missing scores are written as
// CSVOptions.NA. Pass the options the rows were read with: WriteCSV uses
// their Comma, ID, Keep and NA.
func WriteCSV(w io.Writer, ins []*Instrument, rows []Row, o *CSVOptions) error {
	cw := csv.NewWriter(w)
	cw.Comma = o.comma()
	na := o.na()
	head := []string{o.id()}
	if o != nil {
		head = append(head, o.Keep...)
	}
	for _, in := range ins {
		p := in.ID + "_"
		head = append(head, p+"total")
		if in.Total.Conversion != nil {
			head = append(head, p+"raw")
		}
		if len(in.Total.Bands) > 0 {
			head = append(head, p+"band")
		}
		for _, s := range in.Subscales {
			head = append(head, p+s.ID)
		}
		head = append(head, p+"missing", p+"prorated", p+"nonstandard", p+"error")
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	num := func(x float64) string {
		if math.IsNaN(x) {
			return na
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	rec := make([]string, 0, len(head))
	for ri, r := range rows {
		if len(r.Scores) != len(ins) || len(r.Errs) != len(ins) {
			return fieldErr(fmt.Sprintf("rows[%d]", ri), len(r.Scores), "want one score and one error per instrument")
		}
		rec = append(rec[:0], r.ID)
		if o != nil {
			for k := range o.Keep {
				v := ""
				if k < len(r.Keep) {
					v = r.Keep[k]
				}
				rec = append(rec, v)
			}
		}
		for i, in := range ins {
			s := r.Scores[i]
			rec = append(rec, num(s.Total))
			if in.Total.Conversion != nil {
				rec = append(rec, num(s.Raw))
			}
			if len(in.Total.Bands) > 0 {
				b := s.Band
				if b == "" {
					b = na
				}
				rec = append(rec, b)
			}
			for j := range in.Subscales {
				v := math.NaN()
				if j < len(s.Subscales) {
					v = s.Subscales[j].Value
				}
				rec = append(rec, num(v))
			}
			e := ""
			if r.Errs[i] != nil {
				e = strings.ReplaceAll(r.Errs[i].Error(), "\n", "; ")
			}
			rec = append(rec, strconv.Itoa(s.Missing), strconv.FormatBool(s.Prorated), strconv.FormatBool(s.NonStandard), e)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
