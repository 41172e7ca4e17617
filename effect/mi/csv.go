package mi

import (
	"encoding/csv"
	"errors"
	"fmt"
	"github.com/tiesproject/ties/internal/csvhint"
	"io"
	"strings"

	"github.com/tiesproject/ties/effect"
)

// EventColumns names the columns of an intercurrent-event file.
type EventColumns struct {
	Subject, Visit, Strategy string
}

// ReadEvents reads intercurrent events from a CSV file with a header row,
// one row per subject with an event: the subject, the first visit affected
// and the strategy (as ParseStrategy reads it: "JR", "jump to reference",
// ...). Blank lines are skipped. An error names the physical line (header =
// line 1), the column and the subject; a missing column lists the headers
// found.
func ReadEvents(r io.Reader, cols EventColumns) ([]Event, error) {
	if cols.Subject == "" || cols.Visit == "" || cols.Strategy == "" {
		return nil, fieldErr("EventColumns", cols, "name the Subject, Visit and Strategy columns")
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &effect.FieldError{Line: 1, Reason: "empty file: expected a header row", Err: ErrInvalidInput}
		}
		return nil, &effect.FieldError{Line: 1, Reason: err.Error(), Err: ErrInvalidInput}
	}
	pos := map[string]int{}
	for i, h := range header {
		pos[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	idx := [3]int{}
	for k, name := range []string{cols.Subject, cols.Visit, cols.Strategy} {
		i, ok := pos[name]
		if !ok {
			reason := fmt.Sprintf("no column %q; the header has %q", name, header)
			reason += csvhint.Separator(header, ',', "")
			return nil, &effect.FieldError{Line: 1, Column: name, Reason: reason, Err: ErrInvalidInput}
		}
		idx[k] = i
	}
	var out []Event
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			return nil, &effect.FieldError{Line: line, Reason: err.Error(), Err: ErrInvalidInput}
		}
		line, _ := cr.FieldPos(0)
		get := func(k int) string {
			if idx[k] < len(rec) {
				return strings.TrimSpace(rec[idx[k]])
			}
			return ""
		}
		sub, visit, st := get(0), get(1), get(2)
		if sub == "" {
			return nil, &effect.FieldError{Line: line, Column: cols.Subject, Reason: "missing subject", Err: ErrInvalidInput}
		}
		if visit == "" {
			return nil, &effect.FieldError{Line: line, Column: cols.Visit, Record: "subject " + sub, Reason: "missing visit: give the first visit affected by the event", Err: ErrInvalidInput}
		}
		s, err := ParseStrategy(st)
		if err != nil {
			return nil, &effect.FieldError{Line: line, Column: cols.Strategy, Record: "subject " + sub, Field: "strategy", Value: st,
				Reason: "unknown strategy: use MAR, JR, CR, CIR or LMCF", Err: ErrInvalidInput}
		}
		out = append(out, Event{Subject: sub, Visit: visit, Strategy: s})
	}
}
