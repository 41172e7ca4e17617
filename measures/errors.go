package measures

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sentinel errors. Every error returned by this package wraps one of them;
// test with errors.Is.
var (
	// ErrInvalidInput is wrapped by errors about arguments that cannot
	// yield a result: NaN or infinite values where numbers are required,
	// too few respondents, a reliability outside [0, 1), a non-positive SD,
	// mismatched lengths (such as a response vector without one value per
	// item).
	ErrInvalidInput = errors.New("measures: invalid input")

	// ErrInvalidKey is wrapped by errors about an instrument definition
	// (a scoring key) that fails validation. See KeyError.
	ErrInvalidKey = errors.New("measures: invalid scoring key")

	// ErrUnknownInstrument is returned by Lookup for an id that is not built in.
	ErrUnknownInstrument = errors.New("measures: unknown instrument")

	// ErrOutOfRange is wrapped when a response is a number that is not
	// one of the item's allowed codes (including non-integers and ±Inf).
	// Codes are never clamped.
	ErrOutOfRange = errors.New("measures: response code not allowed")

	// ErrNotNumeric is wrapped when a CSV cell is neither a plain decimal
	// number nor one of the configured missing codes. "Inf", "NaN",
	// hexadecimal and underscored forms are not numbers here.
	ErrNotNumeric = errors.New("measures: response is not numeric")

	// ErrColumn is wrapped when a CSV header lacks a required column or
	// names one twice.
	ErrColumn = errors.New("measures: CSV column")

	// ErrRecord is wrapped when a CSV record cannot be read (wrong number
	// of fields, bad quoting).
	ErrRecord = errors.New("measures: CSV record")
)

// KeyError reports an invalid field in an instrument definition. It wraps
// ErrInvalidKey.
type KeyError struct {
	Instrument string // the instrument id, if it was read
	Field      string // JSON path of the offending field, e.g. "items[3].responses"
	Reason     string
}

func (e *KeyError) Error() string {
	if e.Instrument == "" {
		return fmt.Sprintf("measures: invalid scoring key: %s: %s", e.Field, e.Reason)
	}
	return fmt.Sprintf("measures: invalid scoring key %q: %s: %s", e.Instrument, e.Field, e.Reason)
}

// Unwrap returns ErrInvalidKey.
func (e *KeyError) Unwrap() error { return ErrInvalidKey }

// ItemError reports a response that cannot be scored. It names the data
// row (for CSV input), the column, the item's content ID and the value.
// Err is ErrOutOfRange or ErrNotNumeric.
type ItemError struct {
	Row    int    // 1-based line number in the CSV input (header = line 1); 0 outside CSV input
	Column string // CSV header, or "" outside CSV input
	Item   string // content ID of the item
	Index  int    // 0-based position of the item in the instrument
	Value  string // the offending value as given
	Err    error
}

func (e *ItemError) Error() string {
	s := "measures: "
	if e.Row > 0 {
		s += "row " + strconv.Itoa(e.Row) + ": "
	}
	if e.Column != "" && e.Column != e.Item {
		s += "column " + strconv.Quote(e.Column) + " "
	}
	return s + "item " + e.Item + " = " + strconv.Quote(e.Value) + ": " + strings.TrimPrefix(e.Err.Error(), "measures: ")
}

// Unwrap returns the sentinel (ErrOutOfRange or ErrNotNumeric).
func (e *ItemError) Unwrap() error { return e.Err }

// RowError reports a CSV record that could not be read as a whole.
// It wraps ErrRecord.
type RowError struct {
	Row    int // 1-based line number
	Reason string
}

func (e *RowError) Error() string {
	return "measures: row " + strconv.Itoa(e.Row) + ": " + e.Reason
}

// Unwrap returns ErrRecord.
func (e *RowError) Unwrap() error { return ErrRecord }

// FieldError reports an invalid argument of a psychometric function. It
// wraps ErrInvalidInput.
type FieldError struct {
	Field  string
	Value  any
	Reason string
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("measures: %s = %v: %s", e.Field, e.Value, e.Reason)
}

// Unwrap returns ErrInvalidInput.
func (e *FieldError) Unwrap() error { return ErrInvalidInput }

func fieldErr(field string, value any, reason string) error {
	return &FieldError{Field: field, Value: value, Reason: reason}
}
