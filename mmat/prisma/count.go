package prisma

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// Count is the n of a box: a known whole number or Unknown. The zero value
// is Unknown, so a box nobody filled in is never read as 0.
type Count struct {
	n     int
	known bool
}

// Unknown is a count the review does not report.
var Unknown = Count{}

// N returns the known count n. A negative n is kept so that Validate can
// report it.
func N(n int) Count { return Count{n: n, known: true} }

// Known reports whether the count was given.
func (c Count) Known() bool { return c.known }

// Value returns the count and whether it is known.
func (c Count) Value() (int, bool) { return c.n, c.known }

// String prints a known count with thousands separators ("22,367") and an
// unknown one as "?".
func (c Count) String() string {
	if !c.known {
		return "?"
	}
	return thousands(c.n)
}

// thousands formats n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	var b []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

// MarshalJSON writes a known count as a number and Unknown as null.
func (c Count) MarshalJSON() ([]byte, error) {
	if !c.known {
		return []byte("null"), nil
	}
	return []byte(strconv.Itoa(c.n)), nil
}

// UnmarshalJSON reads a whole number, or null for Unknown.
func (c *Count) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		*c = Unknown
		return nil
	}
	var n int
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*c = N(n)
	return nil
}

// Source is one named source of records with its count: a database
// ("MEDLINE"), a register, or another method ("Citation searching").
type Source struct {
	Name string `json:"name"`
	N    Count  `json:"n"`
}

// Reason is one reason for excluding reports, with the number of reports
// excluded for it.
type Reason struct {
	Reason string `json:"reason"`
	N      Count  `json:"n"`
}

// sum returns the total of counts and whether all of them are known.
func sum(cs ...Count) (int, bool) {
	t, all := 0, true
	for _, c := range cs {
		if c.known {
			t += c.n
		} else {
			all = false
		}
	}
	return t, all
}
