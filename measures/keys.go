package measures

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"strings"
)

// The built-in scoring keys, one JSON file per instrument.
//
//go:embed keys/*.json
var keyFiles embed.FS

// Lookup returns the built-in instrument with the given id (for example
// "ucla-ls3", "djg-6", "lsns-6"). Every call returns a fresh copy. An
// unknown id returns an error wrapping ErrUnknownInstrument.
func Lookup(id string) (*Instrument, error) {
	if !validID(id) {
		return nil, fmt.Errorf("%w: %q", ErrUnknownInstrument, id)
	}
	data, err := keyFiles.ReadFile(path.Join("keys", id+".json"))
	if err != nil {
		return nil, fmt.Errorf("%w: %q (built in: %s)", ErrUnknownInstrument, id, strings.Join(IDs(), ", "))
	}
	in, err := parse(data)
	if err != nil {
		// A built-in key that does not load is a bug in this package.
		panic(fmt.Sprintf("measures: built-in key %s: %v", id, err))
	}
	return in, nil
}

// IDs returns the ids of the built-in instruments in sorted order.
func IDs() []string {
	ents, err := keyFiles.ReadDir("keys")
	if err != nil {
		panic(err)
	}
	var ids []string
	for _, e := range ents {
		if name := e.Name(); strings.HasSuffix(name, ".json") {
			ids = append(ids, strings.TrimSuffix(name, ".json"))
		}
	}
	sort.Strings(ids)
	return ids
}

// All returns fresh copies of every built-in instrument, sorted by id.
func All() []*Instrument {
	var out []*Instrument
	for _, id := range IDs() {
		in, err := Lookup(id)
		if err != nil {
			panic(err)
		}
		out = append(out, in)
	}
	return out
}
