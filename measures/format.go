package measures

import (
	"fmt"
	"github.com/tiesproject/ties/internal/numfmt"
	"math"
	"strconv"
	"strings"
)

// String prints the score as a results table would: the total with its
// band, the subscales, and how missing items were handled, e.g.
// "total 4 (moderately lonely); emotional 2, social 2" or
// "total 4.8 (prorated, 1 item missing)". A total that could not be
// computed prints as NA.
func (s Score) String() string {
	var b strings.Builder
	b.WriteString("total " + scoreNum(s.Total))
	var notes []string
	if s.Band != "" {
		notes = append(notes, s.Band)
	}
	if s.Prorated {
		notes = append(notes, "prorated")
	}
	if s.NonStandard {
		notes = append(notes, "non-standard missing-item rule")
	}
	if s.Missing == 1 {
		notes = append(notes, "1 item missing")
	} else if s.Missing > 1 {
		notes = append(notes, strconv.Itoa(s.Missing)+" items missing")
	}
	if len(notes) > 0 {
		b.WriteString(" (" + strings.Join(notes, ", ") + ")")
	}
	for i, sub := range s.Subscales {
		if i == 0 {
			b.WriteString("; ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(sub.ID + " " + scoreNum(sub.Value))
		if sub.Band != "" {
			b.WriteString(" (" + sub.Band + ")")
		}
	}
	return b.String()
}

// scoreNum prints a score as briefly as it is exact (4, 4.8, 26.02) with
// a Unicode minus, or NA.
func scoreNum(x float64) string {
	if math.IsNaN(x) {
		return "NA"
	}
	return strings.Replace(strconv.FormatFloat(x, 'g', -1, 64), "-", "−", 1)
}

// String prints alpha as a paper reports it, with its Feldt interval,
// the number of items and of complete respondents:
// "α = 0.91 (95% CI 0.89 to 0.93), 20 items, n = 200".
func (a AlphaResult) String() string {
	// The interval prints as every interval of ties does (effect.Interval).
	s := fmt.Sprintf("α = %s (%s), %d items, n = %d", two(a.Raw), a.Feldt, a.K, a.N)
	if a.Dropped > 0 {
		s += fmt.Sprintf(" (%d with missing items left out)", a.Dropped)
	}
	return s
}

// two prints x with two decimals and a Unicode minus.
func two(x float64) string { return numfmt.Fixed(x, 2) }
