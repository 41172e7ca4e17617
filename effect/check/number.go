package check

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Number is a number as it was printed: its value and the precision that
// the number of printed decimals implies.
//
// A number printed with k decimals stands for every real value that rounds
// to it, the closed interval Value ± ½·10⁻ᵏ (see Range). The interval is
// closed so that both round-half-up and round-half-down (and half-even)
// reporting are covered.
type Number struct {
	Text     string  // the text as given
	Value    float64 // the printed value (correctly rounded to float64)
	Mant     int64   // the printed digits as an integer, with the sign: "−0.18" has Mant −18
	Decimals int     // digits after the decimal separator (less the exponent, for 1.2e-3)
	Neg      bool    // printed with a minus sign (kept for "−0.00")
}

// unit returns the rounding unit 10^−Decimals.
func (x Number) unit() float64 { return math.Pow10(-x.Decimals) }

// bounds returns the closed interval of real values that round to x at its
// printed precision. A negative zero ("−0.00") stands for [−½·10⁻ᵏ, 0].
func (x Number) bounds() (lo, hi float64) {
	h := 0.5 * x.unit()
	lo, hi = x.Value-h, x.Value+h
	if x.Mant == 0 && x.Neg {
		hi = 0
	}
	return lo, hi
}

// Range returns the closed range of real values that round to x at its
// printed precision. A negative zero ("−0.00") stands for [−½·10⁻ᵏ, 0].
func (x Number) Range() Range {
	lo, hi := x.bounds()
	return Range{lo, hi}
}

// Range is a closed range of real numbers [Lo, Hi]: the values a printed
// number stands for, or the values a convention yields over a rounding
// box. It is not a confidence interval (that is effect.Interval).
// Infinite ends mean the range is unbounded on that side.
type Range struct{ Lo, Hi float64 }

// Contains reports whether v lies in the range.
func (iv Range) Contains(v float64) bool { return iv.Lo <= v && v <= iv.Hi }

// Gap returns the distance between two ranges, 0 when they overlap.
func (iv Range) Gap(o Range) float64 {
	g := max(o.Lo-iv.Hi, iv.Lo-o.Hi)
	if g > 0 {
		return g
	}
	return 0
}

func (iv Range) neg() Range { return Range{-iv.Hi, -iv.Lo} }

// isMinus reports whether r is printed as a minus sign: hyphen-minus,
// U+2212 minus, U+2010/U+2011 hyphens, U+2013 en dash and U+FE63/U+FF0D.
// An en dash counts as a minus only where a sign can stand (at the start
// of a number); between two numbers it separates them (see parseCI).
func isMinus(r rune) bool {
	switch r {
	case '-', '\u2212', '\u2010', '\u2011', '\u2013', '\ufe63', '\uff0d':
		return true
	}
	return false
}

// isDash reports whether r can separate the two ends of a printed range.
func isDash(r rune) bool { return isMinus(r) || r == '\u2014' }

// isSpace reports spaces, including no-break and thin spaces that
// typesetting puts into numbers.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', '\u2009', '\u202f', '\u2007', '\u200a':
		return true
	}
	return false
}

func trimSpace(s string) string { return strings.TrimFunc(s, isSpace) }

// ParseNumber reads a number as printed in a paper: an optional sign
// (hyphen-minus, U+2212 minus, en dash or plus), digits with at most one
// decimal separator, and an optional exponent ("1.2e-4"). Spaces around
// the number are ignored.
//
// Separators: a lone comma is a decimal comma ("0,31" is 0.31, and so is
// "1,234" — write "1234" or "1 234" for a count). When both a point and a
// comma appear, the last one is the decimal separator and the other must
// group thousands ("1,234.5", "1.234,5"). Thousands may also be grouped
// with spaces ("1 234.5").
//
// Leading decimal points (".036") are accepted, as APA style prints p
// values. A label before the number, ending in "=" or ":", is skipped
// ("d = 0.45", "Hedges' g: −0.46"). NaN, infinities, percentages and
// empty text are errors wrapping ErrUnparseable.
func ParseNumber(s string) (Number, error) {
	x, err := parseNumber(s)
	if err != nil {
		return Number{}, err
	}
	return x, nil
}

func parseNumber(s string) (Number, error) {
	if x, ok := parsePlain(s); ok {
		return x, nil
	}
	return parseGeneral(s)
}

// parseGeneral is parseNumber for every form.
func parseGeneral(s string) (Number, error) {
	orig := s
	s = trimSpace(stripLabel(s))
	if s == "" {
		return Number{}, parseErr("", orig, "empty")
	}
	neg := false
	r, size := utf8.DecodeRuneInString(s)
	if isMinus(r) {
		neg = true
		s = trimSpace(s[size:])
	} else if r == '+' {
		s = trimSpace(s[size:])
	}
	// Exponent.
	exp := 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		es := s[i+1:]
		s = s[:i]
		if es != "" && (es[0] == '+') {
			es = es[1:]
		} else if r, size := utf8.DecodeRuneInString(es); isMinus(r) {
			es = "-" + es[size:]
		}
		e, err := strconv.Atoi(es)
		if err != nil || len(es) == 0 || e > 300 || e < -300 {
			return Number{}, parseErr("", orig, "bad exponent")
		}
		exp = e
	}
	// Decide the decimal separator.
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	var dec rune
	switch {
	case dots == 0 && commas == 0:
	case dots == 1 && commas == 0:
		dec = '.'
	case dots == 0 && commas == 1:
		dec = ','
	case dots >= 1 && commas >= 1:
		if strings.LastIndex(s, ".") > strings.LastIndex(s, ",") {
			dec = '.'
		} else {
			dec = ','
		}
		if strings.Count(s, string(dec)) != 1 {
			return Number{}, parseErr("", orig, "ambiguous decimal separators")
		}
	case commas == 0 && dots > 1:
		return Number{}, parseErr("", orig, "more than one decimal point")
	default: // several commas, no point: thousands grouping of an integer
	}
	intPart, fracPart := s, ""
	if dec != 0 {
		i := strings.IndexRune(s, dec)
		intPart, fracPart = s[:i], s[i+1:]
	}
	// Thousands separators in the integer part: the non-decimal one of
	// ',' '.' or spaces, in groups of three.
	digits, ok := ungroup(intPart)
	if !ok {
		return Number{}, parseErr("", orig, "not a number")
	}
	for _, c := range fracPart {
		if c < '0' || c > '9' {
			return Number{}, parseErr("", orig, "not a number")
		}
	}
	if digits == "" && fracPart == "" {
		return Number{}, parseErr("", orig, "no digits")
	}
	all := strings.TrimLeft(digits+fracPart, "0")
	if len(all) > 18 {
		return Number{}, parseErr("", orig, "more than 18 significant digits")
	}
	var mant int64
	if all != "" {
		m, err := strconv.ParseInt(all, 10, 64)
		if err != nil {
			return Number{}, parseErr("", orig, "not a number")
		}
		mant = m
	}
	if neg {
		mant = -mant
	}
	decimals := len(fracPart) - exp
	v, err := strconv.ParseFloat(strconv.FormatInt(mant, 10)+"e"+strconv.Itoa(-decimals), 64)
	if err != nil || math.IsInf(v, 0) {
		return Number{}, parseErr("", orig, "out of range")
	}
	if neg && mant == 0 {
		v = math.Copysign(0, -1)
	}
	return Number{Text: orig, Value: v, Mant: mant, Decimals: decimals, Neg: neg}, nil
}

// parsePlain is parseNumber's fast path for the common plain form
// "[-]digits[.digits]" (ASCII, no spaces, at most 18 digits): no
// allocation.
func parsePlain(s string) (Number, bool) {
	i, neg := 0, false
	if len(s) > 0 && s[0] == '-' {
		i, neg = 1, true
	}
	var mant int64
	digits, decimals, seenDot, sig := 0, 0, false, 0
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
			if mant != 0 || c != '0' {
				sig++
			}
			mant = mant*10 + int64(c-'0')
			if seenDot {
				decimals++
			}
		case c == '.' && !seenDot:
			seenDot = true
		default:
			return Number{}, false
		}
	}
	if digits == 0 || sig > 18 {
		return Number{}, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return Number{}, false
	}
	if neg {
		mant = -mant
	}
	return Number{Text: s, Value: v, Mant: mant, Decimals: decimals, Neg: neg}, true
}

// stripLabel removes a label such as "d =" or "Hedges' g:" before a
// number: text up to the last '=' or ':' when it holds a letter.
func stripLabel(s string) string {
	i := strings.LastIndexAny(s, "=:")
	if i < 0 {
		return s
	}
	if strings.IndexFunc(s[:i], unicode.IsLetter) < 0 {
		return s
	}
	return s[i+1:]
}

// ungroup removes thousands separators (',', '.', spaces) from an integer
// part, checking that groups after the first have three digits.
func ungroup(s string) (string, bool) {
	if s == "" {
		return "", true
	}
	var b strings.Builder
	group := -1 // digits in the current group after a separator; -1 before any
	lead := 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			b.WriteRune(c)
			if group >= 0 {
				group++
			} else {
				lead++
			}
		case c == ',' || c == '.' || isSpace(c) || c == '\'':
			if (group >= 0 && group != 3) || (group < 0 && (lead == 0 || lead > 3)) {
				return "", false
			}
			group = 0
		default:
			return "", false
		}
	}
	if group >= 0 && group != 3 {
		return "", false
	}
	return b.String(), true
}

// parseCount reads a whole number such as a sample size: digits, with
// optional thousands grouping ("1,234", "1 234"); a printed fraction must
// be zero ("45.0"). Signs are not accepted.
func parseCount(s string) (int, error) {
	orig := s
	s = trimSpace(s)
	if s == "" {
		return 0, parseErr("", orig, "empty")
	}
	if digits, ok := ungroup(s); ok && digits != "" {
		if len(digits) > 12 {
			return 0, parseErr("", orig, "too large")
		}
		n, err := strconv.Atoi(digits)
		if err == nil {
			return n, nil
		}
	}
	x, err := parseNumber(s)
	if err != nil || x.Neg || x.Value != math.Trunc(x.Value) || x.Value > 1e12 {
		return 0, parseErr("", orig, "not a whole number")
	}
	return int(x.Value), nil
}
