package prisma

import (
	"errors"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// TestReadCSVParseErrorLine: a quoting error after a multi-line field names
// the physical line once (header = line 1), in an *effect.FieldError
// wrapping ErrInvalidInput.
func TestReadCSVParseErrorLine(t *testing.T) {
	in := "data,description,n\nduplicates,\"two\nlines\",3\nrecords_screened,a \"b\" c,4\n"
	_, err := ReadCSV(strings.NewReader(in))
	fe := new(effect.FieldError)
	if !errors.Is(err, ErrInvalidInput) || !errors.As(err, &fe) || fe.Line != 4 || strings.Count(err.Error(), "line") != 1 {
		t.Errorf("got %v (line %d); want line 4, named once", err, fe.Line)
	}
}
