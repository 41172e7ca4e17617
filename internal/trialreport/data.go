package trialreport

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/measures"
)

// Outcome is one scored instrument of the example trial and the columns of
// responses.csv that hold its items, in the key's item order.
type Outcome struct {
	ID      string // instrument id, e.g. "ucla-3"
	Columns []string
}

// Outcomes are the instruments of the bundled example trial.
var Outcomes = []Outcome{
	{"ucla-3", []string{"ucla3_1", "ucla3_2", "ucla3_3"}},
	// The djg-6 key lists its items in the Statistics Netherlands order,
	// which is the order of the example's columns.
	{"djg-6", []string{"djg6_1", "djg6_2", "djg6_3", "djg6_4", "djg6_5", "djg6_6"}},
	{"lsns-6", []string{"lsns6_1", "lsns6_2", "lsns6_3", "lsns6_4", "lsns6_5", "lsns6_6"}},
}

// Participant is one randomized person.
type Participant struct {
	ID, Team string
	Treated  bool
}

// InvalidCell is a response the published key does not allow, as the
// analysis reports it.
type InvalidCell struct {
	Line          int // line of responses.csv
	Participant   string
	Month         int
	Instrument    string
	Column, Value string
	Err           error
}

// Trial is the scored example trial.
type Trial struct {
	Participants []Participant
	Index        map[string]int // participant id -> position
	Months       []int
	Instruments  []*measures.Instrument
	// Scores[k][i][v] is instrument k's total for participant i at
	// Months[v]; NaN when the visit was missed or the total could not be
	// computed (missing or invalid items).
	Scores [][][]float64
	// Bands[k][i][v] is the band label of that total ("" when none).
	Bands [][][]string
	// Visits counts the rows of responses.csv; MissingItems[k] counts the
	// visits whose instrument-k total is missing because items were blank.
	Visits       int
	MissingItems []int
	Invalid      []InvalidCell
}

// Load reads participants.csv and responses.csv from dir and scores every
// visit on every outcome instrument.
func Load(dir string) (*Trial, error) {
	tr := &Trial{Index: map[string]int{}}
	if err := tr.readParticipants(filepath.Join(dir, "participants.csv")); err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dir, "responses.csv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cols := map[string]string{}
	for _, o := range Outcomes {
		in, err := measures.Lookup(o.ID)
		if err != nil {
			return nil, err
		}
		m, err := in.Columns(o.Columns...)
		if err != nil {
			return nil, fmt.Errorf("trialreport: %s: %w", o.ID, err)
		}
		for k, v := range m {
			cols[k] = v
		}
		tr.Instruments = append(tr.Instruments, in)
	}
	rows, err := measures.ScoreCSV(f, tr.Instruments, &measures.CSVOptions{
		ID: "participant_id", Keep: []string{"month"}, Columns: cols,
	})
	if err != nil {
		return nil, fmt.Errorf("trialreport: scoring responses.csv: %w", err)
	}
	return tr, tr.collect(rows)
}

func (tr *Trial) readParticipants(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return fmt.Errorf("trialreport: %s: %w", path, err)
	}
	want := []string{"participant_id", "team", "arm"}
	for i, h := range want {
		if i >= len(head) || head[i] != h {
			return fmt.Errorf("trialreport: %s: header %v, want %v", path, head, want)
		}
	}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("trialreport: %s: %w", path, err)
		}
		var treated bool
		switch rec[2] {
		case "intervention":
			treated = true
		case "usual care":
		default:
			return fmt.Errorf("trialreport: %s line %d: arm %q is neither \"intervention\" nor \"usual care\"", path, line, rec[2])
		}
		if _, dup := tr.Index[rec[0]]; dup {
			return fmt.Errorf("trialreport: %s line %d: participant %q listed twice", path, line, rec[0])
		}
		tr.Index[rec[0]] = len(tr.Participants)
		tr.Participants = append(tr.Participants, Participant{ID: rec[0], Team: rec[1], Treated: treated})
	}
	if len(tr.Participants) == 0 {
		return fmt.Errorf("trialreport: %s: no participants", path)
	}
	return nil
}

// collect arranges the scored rows by participant and visit, keeping every
// invalid cell for the report.
func (tr *Trial) collect(rows []measures.Row) error {
	months := map[int]bool{}
	for _, r := range rows {
		if len(r.Keep) == 0 {
			// ScoreCSV could not read the record (wrong number of
			// fields, a broken quote): the same error for every
			// instrument, and no month to file it under.
			return fmt.Errorf("trialreport: responses.csv: %w", r.Errs[0])
		}
		m, err := strconv.Atoi(r.Keep[0])
		if err != nil {
			return fmt.Errorf("trialreport: responses.csv line %d: month %q is not a whole number", r.Line, r.Keep[0])
		}
		months[m] = true
	}
	for m := range months {
		tr.Months = append(tr.Months, m)
	}
	sort.Ints(tr.Months)
	pos := map[int]int{}
	for v, m := range tr.Months {
		pos[m] = v
	}
	k, n, nv := len(tr.Instruments), len(tr.Participants), len(tr.Months)
	tr.Scores = make([][][]float64, k)
	tr.Bands = make([][][]string, k)
	tr.MissingItems = make([]int, k)
	for j := range tr.Scores {
		tr.Scores[j] = make([][]float64, n)
		tr.Bands[j] = make([][]string, n)
		for i := range tr.Scores[j] {
			tr.Scores[j][i] = make([]float64, nv)
			for v := range tr.Scores[j][i] {
				tr.Scores[j][i][v] = math.NaN()
			}
			tr.Bands[j][i] = make([]string, nv)
		}
	}
	tr.Visits = len(rows)
	seen := map[[2]int]int{} // (participant, visit) -> line
	for _, r := range rows {
		i, ok := tr.Index[r.ID]
		if !ok {
			return fmt.Errorf("trialreport: responses.csv line %d: participant %q is not in participants.csv", r.Line, r.ID)
		}
		m, _ := strconv.Atoi(r.Keep[0])
		v := pos[m]
		if first, dup := seen[[2]int{i, v}]; dup {
			return fmt.Errorf("trialreport: responses.csv line %d: participant %q month %d already has a row (line %d)", r.Line, r.ID, m, first)
		}
		seen[[2]int{i, v}] = r.Line
		for j := range tr.Instruments {
			if err := r.Errs[j]; err != nil {
				tr.Invalid = append(tr.Invalid, invalidCells(r, m, tr.Instruments[j].ID, err)...)
				continue
			}
			s := r.Scores[j]
			if math.IsNaN(s.Total) && s.Missing > 0 {
				tr.MissingItems[j]++
			}
			tr.Scores[j][i][v] = s.Total
			tr.Bands[j][i][v] = s.Band
		}
	}
	return nil
}

// invalidCells unpacks a row error into one entry per offending cell.
func invalidCells(r measures.Row, month int, instrument string, err error) []InvalidCell {
	var out []InvalidCell
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	for _, e := range errs {
		c := InvalidCell{Line: r.Line, Participant: r.ID, Month: month, Instrument: instrument, Err: e}
		var ie *effect.FieldError
		if errors.As(e, &ie) {
			c.Column = ie.Column
			c.Value, _ = ie.Value.(string)
		}
		out = append(out, c)
	}
	return out
}
