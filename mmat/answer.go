package mmat

import (
	"strconv"
	"strings"
)

// Answer is a response to a screening question or criterion. The zero
// value NotRated means no answer was given (for example after a failed
// screening); it is never one of the MMAT's responses.
type Answer int

// The MMAT responses, plus NotRated.
const (
	NotRated Answer = iota
	Yes
	No
	CantTell
)

// Answers returns the three MMAT responses in the order used by tables,
// plots and weighted kappa: Yes, Can't tell, No.
func Answers() []Answer { return []Answer{Yes, CantTell, No} }

// Valid reports whether a is Yes, No or CantTell.
func (a Answer) Valid() bool { return a >= Yes && a <= CantTell }

// String returns "Yes", "No", "Can't tell", "" for NotRated, or
// "Answer(n)" for an invalid value.
func (a Answer) String() string {
	switch a {
	case NotRated:
		return ""
	case Yes:
		return "Yes"
	case No:
		return "No"
	case CantTell:
		return "Can't tell"
	}
	return "Answer(" + strconv.Itoa(int(a)) + ")"
}

// Code returns the short code reviews print in grids: "Y", "N", "CT", or
// "" for NotRated.
func (a Answer) Code() string {
	switch a {
	case Yes:
		return "Y"
	case No:
		return "N"
	case CantTell:
		return "CT"
	}
	return ""
}

// Symbol returns the symbol used in traffic-light grids, in the style of
// robvis (McGuinness & Higgins 2021): "+" Yes, "-" No, "?" Can't tell, ""
// NotRated. ParseAnswer reads these symbols back, so a grid saved with them
// keeps every answer.
func (a Answer) Symbol() string {
	switch a {
	case Yes:
		return "+"
	case No:
		return "-"
	case CantTell:
		return "?"
	}
	return ""
}

// MarshalText encodes a as String(); invalid values are an error.
func (a Answer) MarshalText() ([]byte, error) {
	if a != NotRated && !a.Valid() {
		return nil, fieldError(0, "", "", "", "answer", a.String(), ErrInvalidAnswer, "not Yes, No, Can't tell or not rated")
	}
	return []byte(a.String()), nil
}

// UnmarshalText decodes with ParseAnswer.
func (a *Answer) UnmarshalText(b []byte) error {
	v, err := ParseAnswer(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// answerAliases: every accepted spelling, after normalize. The list is
// explicit on purpose: robvis guesses from first letters and turns "NI"
// into "Not applicable"; here an unknown text is an error. "Partial" is
// deliberately absent (not an MMAT response). The grid symbols of Symbol
// ("+", "-", "?") are answers, so "-" means No, never "not rated"; a
// minus sign (U+2212) is read as "-" too.
var answerAliases = map[string]Answer{
	"y": Yes, "yes": Yes,
	"n": No, "no": No,
	"ct": CantTell, "c/t": CantTell, "can't tell": CantTell, "cant tell": CantTell,
	"cannot tell": CantTell, "can not tell": CantTell, "unclear": CantTell,
	"u": CantTell, "uc": CantTell, "?": CantTell, "can't say": CantTell,
	"cannot say": CantTell, "don't know": CantTell, "unable to determine": CantTell,
	"+": Yes, "-": No, "\u2212": No,
	"": NotRated, "na": NotRated, "n/a": NotRated,
	"not rated": NotRated, "not applicable": NotRated, "not appraised": NotRated,
}

// normalize folds case, trims and collapses white space, and maps the
// apostrophe look-alikes (U+2019, U+2018, U+02BC, U+00B4, U+0060, U+2032)
// to "'".
func normalize(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u2019', '\u2018', '\u02BC', '\u00B4', '`', '\u2032':
			return '\''
		}
		return r
	}, s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// ParseAnswer parses the spellings reviewers use:
//
//	Yes:        "Y", "Yes", "+"
//	No:         "N", "No", "-" (or the minus sign U+2212)
//	Can't tell: "CT", "C/T", "Can't tell", "Cant tell", "Cannot tell",
//	            "Can not tell", "Unclear", "U", "UC", "?", "Can't say",
//	            "Cannot say", "Don't know", "Unable to determine"
//	NotRated:   "", "NA", "N/A", "Not rated", "Not applicable",
//	            "Not appraised"
//
// Case, surrounding and repeated white space and apostrophe variants
// (’ ‘ ʼ ´ ` ′) are ignored. "+", "-" and "?" are the symbols of
// Answer.Symbol, so "-" is No (a dash for "not rated" must be mapped
// explicitly). Any other text, including "Partial" and the en dash "–",
// returns an *effect.FieldError wrapping ErrInvalidAnswer; there is no
// first-letter guessing. To accept another spelling, map it explicitly
// (ReadOptions.Aliases).
func ParseAnswer(s string) (Answer, error) {
	if a, ok := answerAliases[normalize(s)]; ok {
		return a, nil
	}
	return NotRated, fieldError(0, "", "", "", "answer", s, ErrInvalidAnswer,
		"use Yes, No or Can't tell, or map the spelling with ReadOptions.Aliases")
}
