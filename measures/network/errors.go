package network

import (
	"errors"

	"github.com/tiesproject/ties/effect"
)

// Sentinel errors. Every error returned by this package wraps one of them;
// test with errors.Is. Positioned errors are *effect.FieldError values
// whose Err is one of these sentinels.
var (
	// ErrInvalidInput is wrapped by errors about values that cannot be
	// used: a tie to an alter the ego did not name, an alter ID given
	// twice for one ego, a category that is not in the codebook, a
	// number that is not a number, an option that names no attribute.
	ErrInvalidInput = errors.New("network: invalid input")

	// ErrColumn is wrapped when a CSV header lacks a required column or
	// names one twice.
	ErrColumn = errors.New("network: CSV column")

	// ErrRecord is wrapped when a CSV record cannot be read (wrong number
	// of fields, bad quoting).
	ErrRecord = errors.New("network: CSV record")

	// ErrCleaned is wrapped by the reports of rows that were dropped or
	// merged while cleaning, not rejected: a self-loop (an alter tied to
	// itself) and a tie listed a second time (A–B and again A–B or B–A
	// with the same weight). The ego's measures are still computed.
	ErrCleaned = errors.New("network: cleaned")
)

func fieldErr(sentinel error, record, field string, value any, reason string) *effect.FieldError {
	return &effect.FieldError{Record: egoRecord(record), Field: field, Value: value, Reason: reason, Err: sentinel}
}

// egoRecord names the ego whose row an error is about.
func egoRecord(id string) string {
	if id == "" {
		return ""
	}
	return "ego " + id
}
