package prisma

import (
	"encoding/json"
	"io"

	"github.com/tiesproject/ties/effect"
)

// WriteJSON writes f as one indented JSON object whose keys are the data
// names of the PRISMA2020 R package ("database_results",
// "records_screened", ...); an unknown count is null. Reasons and sources
// are arrays of {"reason"|"name", "n"} objects; the other-methods column,
// when used, is the object "other". ReadJSON(WriteJSON(f)) equals f.
func WriteJSON(w io.Writer, f *Flow) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(f)
}

// ReadJSON reads the layout of WriteJSON. Unknown keys are an error (a
// misspelt key would otherwise leave its box unknown without a word); a
// missing key or null is an unknown count. Reading does not check the
// arithmetic: call Validate.
func ReadJSON(r io.Reader) (*Flow, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var f Flow
	if err := dec.Decode(&f); err != nil {
		return nil, &effect.FieldError{Reason: err.Error(), Err: ErrInvalidInput}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &effect.FieldError{Reason: "unexpected data after the JSON object", Err: ErrInvalidInput}
	}
	// An empty list or object means the same as an absent one, which is
	// how WriteJSON writes it (omitempty): keep one representation so that
	// ReadJSON(WriteJSON(f)) equals f.
	if len(f.DatabaseDetail) == 0 {
		f.DatabaseDetail = nil
	}
	if len(f.RegisterDetail) == 0 {
		f.RegisterDetail = nil
	}
	if len(f.Excluded) == 0 {
		f.Excluded = nil
	}
	if len(f.Template) == 0 {
		f.Template = nil
	}
	if f.Other != nil && len(f.Other.Excluded) == 0 {
		f.Other.Excluded = nil
	}
	return &f, nil
}
