package measures

import (
	"errors"
	"strconv"

	"github.com/tiesproject/ties/effect"
)

// Sentinel errors. Every error returned by this package wraps one of them;
// test with errors.Is. Errors about a response, a CSV cell or record, or an
// argument are *effect.FieldError values (the one positioned error of
// ties) whose Err is the sentinel: Line is the physical line of the file
// (header = line 1), Column the heading as written, Record the participant
// ("participant P012") or respondent, Field the item's content ID or the
// argument's name, Value the offending text or value.
var (
	// ErrInvalidInput is wrapped by errors about arguments that cannot
	// yield a result: NaN or infinite values where numbers are required,
	// too few respondents, a reliability outside [0, 1), a non-positive SD,
	// mismatched lengths (such as a response vector without one value per
	// item).
	ErrInvalidInput = errors.New("measures: invalid input")

	// ErrInvalidKey is wrapped by errors about an instrument definition
	// (a scoring key) that fails validation, inside an *effect.FieldError
	// whose Field is the JSON path of the offending field.
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

// keyErr is the error about field (a JSON path such as
// "items[3].responses") of the scoring key of instrument id: an
// *effect.FieldError wrapping ErrInvalidKey, whose Record names the key
// (`scoring key "ucla-3"`, or "scoring key" before the id is known).
func keyErr(id, field, reason string) error {
	rec := "scoring key"
	if id != "" {
		rec += " " + strconv.Quote(id)
	}
	return &effect.FieldError{Record: rec, Field: field, Reason: reason, Err: ErrInvalidKey}
}

// fieldErr is the error about an argument of a function (not a file):
// an *effect.FieldError wrapping ErrInvalidInput.
func fieldErr(field string, value any, reason string) error {
	return &effect.FieldError{Field: field, Value: value, Reason: reason, Err: ErrInvalidInput}
}
