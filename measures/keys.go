package measures

import (
	"embed"
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/tiesproject/ties/internal/suggest"
)

// The built-in scoring keys, one JSON file per instrument.
//
//go:embed keys/*.json
var keyFiles embed.FS

// Lookup returns the built-in instrument with the given id (for example
// "ucla-ls3", "djg-6", "lsns-6"), matched regardless of case and
// surrounding spaces ("UCLA-LS3" finds "ucla-ls3"). Every call returns a
// fresh copy. An unknown id returns an error wrapping
// ErrUnknownInstrument that suggests the closest built-in ids ("ucla3":
// did you mean "ucla-3"?) and lists them all.
func Lookup(id string) (*Instrument, error) {
	key := strings.ToLower(strings.TrimSpace(id))
	var data []byte
	err := errors.New("invalid id")
	if validID(key) {
		data, err = keyFiles.ReadFile(path.Join("keys", key+".json"))
	}
	if err != nil {
		hint := ""
		if s := closestIDs(key, IDs()); len(s) > 0 {
			hint = " did you mean " + strings.Join(quoteAll(s), " or ") + "?"
		}
		return nil, fmt.Errorf("%w: %q;%s built in: %s", ErrUnknownInstrument, id, hint, strings.Join(IDs(), ", "))
	}
	in, err := parse(data)
	if err != nil {
		// A built-in key that does not load is a bug in this package.
		panic(fmt.Sprintf("measures: built-in key %s: %v", id, err))
	}
	return in, nil
}

// closestIDs returns the ids that id was probably meant to be: those equal
// to it once case and punctuation are ignored ("ucla3", "UCLA_3" for
// "ucla-3"), else those within two edits of it on that footing.
func closestIDs(id string, ids []string) []string {
	c := canonical(id)
	if c == "" {
		return nil
	}
	var exact, near []string
	for _, k := range ids {
		ck := canonical(k)
		switch {
		case ck == c:
			exact = append(exact, k)
		case suggest.Distance(ck, c) <= 2:
			near = append(near, k)
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return near
}

// canonical keeps the lower-case letters and digits of s.
func canonical(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
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
