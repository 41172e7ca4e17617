package effect

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrInvalidInput is wrapped by every error caused by input that cannot
// yield an estimate: NaN or infinite values, n < 2, SD <= 0, a level
// outside (0, 1), empty or mismatched samples. Test with errors.Is.
var ErrInvalidInput = errors.New("effect: invalid input")

// ErrNoConvergence is wrapped when a numerical search (such as the
// inversion of the noncentral t distribution) cannot reach its tolerance.
var ErrNoConvergence = errors.New("effect: no convergence")

// FieldError is the one positioned error of ties: every package reports
// invalid input with it, so that a caller can locate the problem the same
// way whether it came from a function argument or a line of a CSV file.
//
// Line is the physical line of the file, the header being line 1, as
// encoding/csv's ParseError.Line counts; it is 0 when the input did not come
// from a file. Err is the sentinel the error wraps (for example
// measures.ErrInvalidInput); nil means ErrInvalidInput.
type FieldError struct {
	File   string // which input, when a reader takes several ("alters", "ties" or a file name); "" otherwise
	Line   int    // physical line of the file (header = 1); 0 if not from a file
	Column string // column heading as written in the file; "" if not from a file
	Record string // whose row: participant, study, subject or ego ID; "" if none
	Field  string // the field, item or criterion, e.g. "treat.SD", "ucla3-left-out", "2.3"
	Value  any    // the offending value, or the text as given
	Reason string // what is wrong and, where it helps, what would fix it
	Err    error  // the sentinel wrapped; nil means ErrInvalidInput
}

// Error prints the location first and the reason last, prefixed by the
// package of the sentinel: `measures: line 7, column "u2", participant
// P012: ucla3-left-out = "4": response code not allowed`, or, from a reader
// of several files, `network: ties file, line 612, ...`.
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString(e.prefix())
	var loc []string
	if e.File != "" {
		loc = append(loc, e.File)
	}
	if e.Line > 0 {
		loc = append(loc, "line "+strconv.Itoa(e.Line))
	}
	if e.Column != "" {
		loc = append(loc, "column "+strconv.Quote(e.Column))
	}
	if e.Record != "" {
		loc = append(loc, e.Record)
	}
	if len(loc) > 0 {
		b.WriteString(strings.Join(loc, ", "))
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		if e.Value != nil {
			switch v := e.Value.(type) {
			case string:
				b.WriteString(" = " + strconv.Quote(v))
			default:
				fmt.Fprintf(&b, " = %v", v)
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// prefix is the package part of the sentinel's message ("measures: "), so
// that the error says which package refused the input.
func (e *FieldError) prefix() string {
	msg := e.Unwrap().Error()
	if i := strings.Index(msg, ": "); i > 0 {
		return msg[:i+2]
	}
	return ""
}

// Unwrap returns the sentinel the error wraps (ErrInvalidInput when Err is
// nil), so that errors.Is works with each package's own sentinel.
func (e *FieldError) Unwrap() error {
	if e.Err == nil {
		return ErrInvalidInput
	}
	return e.Err
}

func fieldErr(field string, value any, reason string) error {
	return &FieldError{Field: field, Value: value, Reason: reason}
}
