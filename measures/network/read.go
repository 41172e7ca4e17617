package network

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/tiesproject/ties/effect"
)

// ReadOptions configures ReadCSV. The nil value reads the default column
// names with no attributes, no weights and no cap.
type ReadOptions struct {
	// Comma is the field delimiter; 0 means ','.
	Comma rune
	// Column headings; "" means the default given.
	EgoID   string // "ego_id", in every file
	AlterID string // "alter_id", in the alters file
	Source  string // "alter_a", in the ties file
	Target  string // "alter_b", in the ties file
	// Weight is the heading of the tie-weight column (values in [0, 1]);
	// "" means the ties carry no weights.
	Weight string
	// Codebook names the attribute columns: Codebook.Alter in the alters
	// file, Codebook.Ego in the egos file. Other columns are ignored.
	Codebook Codebook
	// Missing lists the cell values (after trimming spaces) read as a
	// missing answer; nil means "" and "NA".
	Missing []string
	// Cap is the name-generator cap when alter–alter ties were asked only
	// among the first Cap alters of each ego (in file order); 0 means no
	// cap. A tie to a later alter is rejected.
	Cap int
}

func (o *ReadOptions) col(get func(*ReadOptions) string, def string) string {
	if o == nil || get(o) == "" {
		return def
	}
	return get(o)
}

// ReadCSV reads ego networks from CSV files: an egos file (one row per
// respondent, which may be nil), an alters file (one row per person
// named) and a ties file (one row per alter–alter tie, which may be nil
// when no ties were asked). Every file has a header line. Egos keep the
// order of the egos file; without one they are the egos of the alters
// file in order of first appearance (an ego who named nobody then cannot
// appear, so pass the egos file whenever one exists).
//
// Rows are checked one by one and problems are reported with the
// physical line of the file (header = line 1). A tie to an alter the ego
// did not name, an alter ID given twice, a category not in the codebook,
// a cell that is not a number where one is needed, or a tie weight
// outside [0, 1] rejects the row: it is listed in Data.Rejected, and its
// ego, whose network is then not the one reported, gets an error in
// Data.Errs. A self-loop is dropped and a pair listed again (A–B after
// A–B or B–A, with the same weight) is kept once; both are listed in
// Data.Cleaned. The returned error is non-nil only when a file cannot be
// read at all (a missing column, broken quoting); it wraps ErrColumn or
// ErrRecord.
func ReadCSV(egos, alters, ties io.Reader, o *ReadOptions) (*Data, error) {
	rd := reader{
		o:       o,
		egoID:   o.col(func(o *ReadOptions) string { return o.EgoID }, "ego_id"),
		alterID: o.col(func(o *ReadOptions) string { return o.AlterID }, "alter_id"),
		source:  o.col(func(o *ReadOptions) string { return o.Source }, "alter_a"),
		target:  o.col(func(o *ReadOptions) string { return o.Target }, "alter_b"),
		weight:  o.col(func(o *ReadOptions) string { return o.Weight }, ""),
		missing: map[string]bool{"": true, "NA": true},
		index:   map[string]int{},
		d:       &Data{},
	}
	if o != nil {
		if o.Cap < 0 {
			return nil, fieldErr(ErrInvalidInput, "", "ReadOptions.Cap", o.Cap, "must be 0 (no cap) or positive")
		}
		if o.Missing != nil {
			rd.missing = map[string]bool{}
			for _, m := range o.Missing {
				rd.missing[strings.TrimSpace(m)] = true
			}
		}
		rd.d.Codebook = Codebook{Alter: append([]Attribute(nil), o.Codebook.Alter...), Ego: append([]Attribute(nil), o.Codebook.Ego...)}
		if err := o.Codebook.check(); err != nil {
			return nil, err
		}
	}
	if egos != nil {
		if err := rd.readEgos(egos); err != nil {
			return nil, err
		}
	} else if len(rd.d.Codebook.Ego) > 0 {
		return nil, fieldErr(ErrInvalidInput, "", "ReadOptions.Codebook.Ego", len(rd.d.Codebook.Ego), "ego attributes need an egos file")
	}
	if alters == nil {
		return nil, fieldErr(ErrInvalidInput, "", "alters", nil, "the alters file is required")
	}
	if err := rd.readAlters(alters, egos == nil); err != nil {
		return nil, err
	}
	if ties != nil {
		if err := rd.readTies(ties); err != nil {
			return nil, err
		}
	}
	d := rd.d
	d.Errs = make([]error, len(d.Egos))
	for i, errs := range rd.egoErrs {
		if len(errs) > 0 {
			d.Errs[i] = errors.Join(errs...)
		}
	}
	return d, nil
}

type reader struct {
	o                                      *ReadOptions
	egoID, alterID, source, target, weight string
	missing                                map[string]bool
	index                                  map[string]int   // ego ID -> position
	alterIndex                             []map[string]int // per ego: alter ID -> position
	tieSeen                                []map[[2]int]int // per ego: pair -> tie position
	egoErrs                                [][]error
	d                                      *Data
	file                                   string // the file being read, named in row errors
}

// csvFile wraps one CSV input and its header.
type csvFile struct {
	name string
	r    *csv.Reader
	cols map[string]int
	head []string
}

func (rd *reader) open(name string, src io.Reader, required []string) (*csvFile, error) {
	r := csv.NewReader(src)
	if rd.o != nil && rd.o.Comma != 0 {
		r.Comma = rd.o.Comma
	}
	r.ReuseRecord = true
	head, err := r.Read()
	if err != nil {
		if err == io.EOF {
			return nil, fieldErr(ErrColumn, "", name, "", "empty file: want a header line")
		}
		return nil, &effect.FieldError{File: name + " file", Line: 1, Field: name, Reason: err.Error(), Err: ErrRecord}
	}
	rd.file = name + " file"
	f := &csvFile{name: name, r: r, cols: map[string]int{}, head: append([]string(nil), head...)}
	for i, h := range f.head {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		f.head[i] = h
		if _, dup := f.cols[h]; dup {
			return nil, &effect.FieldError{File: name + " file", Line: 1, Column: h, Field: name, Value: h, Reason: "column named twice", Err: ErrColumn}
		}
		f.cols[h] = i
	}
	for _, c := range required {
		if _, ok := f.cols[c]; !ok {
			return nil, &effect.FieldError{File: name + " file", Line: 1, Column: c, Field: name, Value: c,
				Reason: "column missing from the header (have: " + strings.Join(f.head, ", ") + ")", Err: ErrColumn}
		}
	}
	r.FieldsPerRecord = len(f.head)
	return f, nil
}

// eachRow opens src as the named file, checks the required columns and
// calls row for every record in order, with its physical line; recErr is
// set for a record with the wrong number of fields. It returns the
// first error that stops reading the file.
func (rd *reader) eachRow(name string, src io.Reader, required []string, row func(f *csvFile, rec []string, line int, recErr error)) error {
	f, err := rd.open(name, src, required)
	if err != nil {
		return err
	}
	for {
		rec, line, recErr, err := f.next()
		if err != nil {
			return err
		}
		if rec == nil {
			return nil
		}
		row(f, rec, line, recErr)
	}
}

// next returns the next record and its line; rec is nil at the end. A
// record with the wrong number of fields is returned with recErr set.
func (f *csvFile) next() (rec []string, line int, recErr error, err error) {
	rec, err = f.r.Read()
	if err == io.EOF {
		return nil, 0, nil, nil
	}
	var pe *csv.ParseError
	if err != nil {
		if errors.As(err, &pe) && errors.Is(err, csv.ErrFieldCount) && rec != nil {
			line, _ = f.r.FieldPos(0)
			return rec, line, &effect.FieldError{File: f.name + " file", Line: line, Field: f.name, Value: len(rec),
				Reason: fmt.Sprintf("record has %d fields, the header %d", len(rec), len(f.head)), Err: ErrRecord}, nil
		}
		l := 0
		if pe != nil {
			l = pe.StartLine
		}
		return nil, 0, nil, &effect.FieldError{File: f.name + " file", Line: l, Field: f.name, Reason: err.Error(), Err: ErrRecord}
	}
	line, _ = f.r.FieldPos(0)
	return rec, line, nil, nil
}

func (f *csvFile) cell(rec []string, col string) string {
	i := f.cols[col]
	if i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// reject records a rejected row; ego < 0 means the row belongs to no
// known ego.
func (rd *reader) reject(ego int, err error) {
	rd.d.Rejected = append(rd.d.Rejected, err)
	if ego >= 0 {
		rd.egoErrs[ego] = append(rd.egoErrs[ego], err)
	}
}

// knownEgo is i when the lookup that gave it found the ego, else −1 (no
// known ego), as reject takes it.
func knownEgo(i int, ok bool) int {
	if ok {
		return i
	}
	return -1
}

func (rd *reader) addEgo(id string) int {
	i := len(rd.d.Egos)
	rd.index[id] = i
	rd.d.Egos = append(rd.d.Egos, Ego{ID: id, Weighted: rd.weight != "", Cap: rd.capValue()})
	rd.alterIndex = append(rd.alterIndex, map[string]int{})
	rd.tieSeen = append(rd.tieSeen, nil)
	rd.egoErrs = append(rd.egoErrs, nil)
	return i
}

func (rd *reader) capValue() int {
	if rd.o == nil {
		return 0
	}
	return rd.o.Cap
}

// posErr is an error in a row of the file being read (rd.file).
func (rd *reader) posErr(sentinel error, line int, col, record, field string, value any, reason string) *effect.FieldError {
	return &effect.FieldError{File: rd.file, Line: line, Column: col, Record: egoRecord(record), Field: field, Value: value, Reason: reason, Err: sentinel}
}

// values parses the attribute cells of one row; a bad cell becomes NaN
// and an error.
func (rd *reader) values(f *csvFile, rec []string, line int, record string, attrs []Attribute) ([]float64, []error) {
	vals := make([]float64, len(attrs))
	var errs []error
	for i, a := range attrs {
		s := f.cell(rec, a.Name)
		if rd.missing[s] {
			vals[i] = math.NaN()
			continue
		}
		switch a.Kind {
		case Categorical:
			v, ok := a.Code(s)
			if !ok {
				errs = append(errs, rd.posErr(ErrInvalidInput, line, a.Name, record, a.Name, s,
					"not a category of the codebook ("+strings.Join(a.Categories, ", ")+") nor a missing code"))
			}
			vals[i] = v
		case Numeric:
			v, ok := parseNumber(s)
			if !ok {
				errs = append(errs, rd.posErr(ErrInvalidInput, line, a.Name, record, a.Name, s, "not a number nor a missing code"))
				v = math.NaN()
			}
			vals[i] = v
		}
	}
	return vals, errs
}

// parseNumber accepts plain decimal numbers only ("Inf", "NaN", hex and
// underscores are not numbers here).
func parseNumber(s string) (float64, bool) {
	if s == "" || strings.IndexFunc(s, func(r rune) bool { return !strings.ContainsRune("0123456789+-.eE", r) }) >= 0 {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

func (rd *reader) readEgos(src io.Reader) error {
	req := []string{rd.egoID}
	for _, a := range rd.d.Codebook.Ego {
		req = append(req, a.Name)
	}
	return rd.eachRow("egos", src, req, func(f *csvFile, rec []string, line int, recErr error) {
		id := f.cell(rec, rd.egoID)
		if recErr != nil {
			if i, ok := rd.index[id]; ok {
				rd.reject(i, recErr)
			} else if id != "" {
				rd.reject(rd.addEgo(id), recErr)
			} else {
				rd.reject(-1, recErr)
			}
			return
		}
		if id == "" || rd.missing[id] {
			rd.reject(-1, rd.posErr(ErrInvalidInput, line, rd.egoID, "", "ego ID", id, "ego ID is blank"))
			return
		}
		if i, dup := rd.index[id]; dup {
			rd.reject(i, rd.posErr(ErrInvalidInput, line, rd.egoID, id, "ego ID", id,
				"ego listed twice in the egos file; keep one row per respondent"))
			return
		}
		i := rd.addEgo(id)
		vals, errs := rd.values(f, rec, line, id, rd.d.Codebook.Ego)
		rd.d.Egos[i].Values = vals
		for _, e := range errs {
			rd.reject(i, e)
		}
	})
}

func (rd *reader) readAlters(src io.Reader, create bool) error {
	req := []string{rd.egoID, rd.alterID}
	for _, a := range rd.d.Codebook.Alter {
		req = append(req, a.Name)
	}
	return rd.eachRow("alters", src, req, func(f *csvFile, rec []string, line int, recErr error) {
		id := f.cell(rec, rd.egoID)
		i, ok := rd.index[id]
		if !ok && create && id != "" && !rd.missing[id] {
			i, ok = rd.addEgo(id), true
		}
		if recErr != nil {
			rd.reject(knownEgo(i, ok), recErr)
			return
		}
		if !ok {
			rd.reject(-1, rd.posErr(ErrInvalidInput, line, rd.egoID, id, "ego ID", id, "ego not in the egos file; add the respondent there or correct the ID"))
			return
		}
		aid := f.cell(rec, rd.alterID)
		e := &rd.d.Egos[i]
		if aid == "" || rd.missing[aid] {
			rd.reject(i, rd.posErr(ErrInvalidInput, line, rd.alterID, id, "alter ID", aid, "alter ID is blank"))
			return
		}
		if _, dup := rd.alterIndex[i][aid]; dup {
			rd.reject(i, rd.posErr(ErrInvalidInput, line, rd.alterID, id, "alter ID", aid, "alter named twice by this ego; alter IDs must be unique within an ego"))
			return
		}
		vals, errs := rd.values(f, rec, line, id, rd.d.Codebook.Alter)
		for _, err := range errs {
			rd.reject(i, err)
		}
		rd.alterIndex[i][aid] = len(e.Alters)
		e.Alters = append(e.Alters, Alter{ID: aid, Values: vals})
	})
}

func (rd *reader) readTies(src io.Reader) error {
	req := []string{rd.egoID, rd.source, rd.target}
	if rd.weight != "" {
		req = append(req, rd.weight)
	}
	return rd.eachRow("ties", src, req, func(f *csvFile, rec []string, line int, recErr error) {
		id := f.cell(rec, rd.egoID)
		i, ok := rd.index[id]
		if recErr != nil {
			rd.reject(knownEgo(i, ok), recErr)
			return
		}
		if !ok {
			rd.reject(-1, rd.posErr(ErrInvalidInput, line, rd.egoID, id, "ego ID", id, "ego has no row in the egos or alters file"))
			return
		}
		e := &rd.d.Egos[i]
		src, tgt := f.cell(rec, rd.source), f.cell(rec, rd.target)
		a, okA := rd.alterIndex[i][src]
		b, okB := rd.alterIndex[i][tgt]
		if !okA {
			rd.reject(i, rd.posErr(ErrInvalidInput, line, rd.source, id, "alter", src, "not an alter this ego named"))
			return
		}
		if !okB {
			rd.reject(i, rd.posErr(ErrInvalidInput, line, rd.target, id, "alter", tgt, "not an alter this ego named"))
			return
		}
		w := 1.0
		if rd.weight != "" {
			s := f.cell(rec, rd.weight)
			v, okW := parseNumber(s)
			if !okW || v < 0 || v > 1 {
				rd.reject(i, rd.posErr(ErrInvalidInput, line, rd.weight, id, "weight", s, "tie weight must be a number in [0, 1]"))
				return
			}
			w = v
		}
		if a == b {
			rd.d.Cleaned = append(rd.d.Cleaned, rd.posErr(ErrCleaned, line, rd.target, id, "tie", src+"–"+tgt, "self-loop dropped"))
			return
		}
		if c := e.Cap; c > 0 && (a >= c || b >= c) {
			rd.reject(i, rd.posErr(ErrInvalidInput, line, rd.source, id, "tie", src+"–"+tgt,
				fmt.Sprintf("ties were asked only among the first %d alters (Cap)", c)))
			return
		}
		if a > b {
			a, b = b, a
		}
		if rd.tieSeen[i] == nil {
			rd.tieSeen[i] = map[[2]int]int{}
		}
		key := [2]int{a, b}
		if k, dup := rd.tieSeen[i][key]; dup {
			if e.Ties[k].Weight != w {
				rd.reject(i, rd.posErr(ErrInvalidInput, line, rd.weight, id, "tie", src+"–"+tgt,
					fmt.Sprintf("pair listed again with weight %v after %v; give one weight per pair", w, e.Ties[k].Weight)))
				return
			}
			rd.d.Cleaned = append(rd.d.Cleaned, rd.posErr(ErrCleaned, line, rd.source, id, "tie", src+"–"+tgt, "pair listed again; kept once"))
			return
		}
		rd.tieSeen[i][key] = len(e.Ties)
		e.Ties = append(e.Ties, Tie{A: a, B: b, Weight: w})
	})
}
