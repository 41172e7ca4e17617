package check

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// printedCI is a confidence interval as printed: its two ends with their own
// precision.
type printedCI struct {
	Lower, Upper Number
}

// parseCI reads a confidence interval in the forms papers print:
//
//	(-0.18 to 0.80)   [−0.18, 0.80]   -0.18–0.80   (-0.18; 0.80)
//	95% CI: −0.18 to 0.80   (−0,18; 0,80)   0.18 - 0.80   -0.5 – -0.2
//
// Brackets ((), [], {}) and a leading label ("95% CI", "CI", ":") are
// ignored. The ends are split at, in order of preference: the word "to",
// a semicolon, a comma followed by a space, a lone comma (when the ends
// use decimal points), and otherwise the first dash (hyphen, en dash,
// em dash or U+2212) that follows a digit, so that "−0.5–−0.2" reads as
// −0.5 and −0.2. A lower end above the upper end is an error.
func parseCI(s string) (printedCI, error) {
	orig := s
	s = trimSpace(s)
	// Leading label such as "95% CI" or "CI:".
	if i := indexFold(s, "ci"); i >= 0 && i < 12 {
		if pre := strings.TrimFunc(s[:i], func(r rune) bool {
			return isSpace(r) || unicode.IsDigit(r) || r == '%' || r == '.' || r == ','
		}); pre == "" || pre == "(" || pre == "[" {
			s = s[:len(pre)] + s[i+2:]
			s = strings.TrimLeftFunc(s, func(r rune) bool { return isSpace(r) || r == ':' || r == '=' })
		}
	}
	s = trimSpace(s)
	s = strings.TrimLeft(s, "([{")
	s = strings.TrimRight(s, ")]}")
	s = trimSpace(s)
	if s == "" {
		return printedCI{}, parseErr("", orig, "empty")
	}
	a, b, ok := splitRange(s)
	if !ok {
		return printedCI{}, parseErr("", orig, "cannot find the two ends of the interval")
	}
	lo, err := parseNumber(a)
	if err != nil {
		return printedCI{}, parseErr("", orig, "lower end: "+reasonOf(err))
	}
	hi, err := parseNumber(b)
	if err != nil {
		return printedCI{}, parseErr("", orig, "upper end: "+reasonOf(err))
	}
	if lo.Value > hi.Value {
		return printedCI{}, invalidErr("", orig, "lower end above upper end")
	}
	return printedCI{Lower: lo, Upper: hi}, nil
}

// splitRange splits the text of an interval into its two ends.
func splitRange(s string) (string, string, bool) {
	if i := indexFold(s, " to "); i >= 0 {
		return s[:i], s[i+4:], true
	}
	if i := indexFold(s, "to"); i > 0 && indexFold(s[i+2:], "to") < 0 {
		return s[:i], s[i+2:], true
	}
	if strings.Count(s, ";") == 1 {
		i := strings.Index(s, ";")
		return s[:i], s[i+1:], true
	}
	if strings.Count(s, ", ") == 1 {
		i := strings.Index(s, ", ")
		return s[:i], s[i+2:], true
	}
	if strings.Count(s, ",") == 1 && strings.Contains(s, ".") {
		// "0.18,0.80"; without decimal points a lone comma is more likely
		// a decimal comma ("(−0,88") and the text is ambiguous.
		i := strings.Index(s, ",")
		return s[:i], s[i+1:], true
	}
	// First dash after a digit or decimal point (spaces allowed between).
	prevDigit := false
	for i, r := range s {
		if isDash(r) && prevDigit {
			_, size := utf8.DecodeRuneInString(s[i:])
			return s[:i], s[i+size:], true
		}
		if unicode.IsDigit(r) || r == '.' || r == ',' {
			prevDigit = true
		} else if !isSpace(r) {
			prevDigit = false
		}
	}
	return "", "", false
}

// indexFold is strings.Index with ASCII letters compared without case; it
// keeps byte offsets valid in s (strings.ToLower may change lengths).
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		ok := true
		for j := 0; j < len(sub); j++ {
			a, b := s[i+j], sub[j]
			if 'A' <= a && a <= 'Z' {
				a += 'a' - 'A'
			}
			if a != b {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}
