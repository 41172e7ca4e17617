package mmat

import (
	"strconv"
	"strings"
)

// Category is an MMAT 2018 study-design category, numbered as in the tool.
// The zero value means "not set" and is invalid in an appraisal.
type Category int

// The five MMAT 2018 categories.
const (
	Qualitative   Category = 1 // qualitative studies
	RCT           Category = 2 // quantitative randomized controlled trials
	NonRandomized Category = 3 // quantitative non-randomized studies
	Descriptive   Category = 4 // quantitative descriptive studies
	MixedMethods  Category = 5 // mixed methods studies
)

// Categories returns the five categories in MMAT order.
func Categories() []Category {
	return []Category{Qualitative, RCT, NonRandomized, Descriptive, MixedMethods}
}

var categoryNames = [...]string{
	"",
	"Qualitative",
	"Quantitative randomized controlled trials",
	"Quantitative non-randomized",
	"Quantitative descriptive",
	"Mixed methods",
}

var categoryShort = [...]string{"", "Qualitative", "RCT", "Non-randomized", "Descriptive", "Mixed methods"}

// Valid reports whether c is one of the five categories.
func (c Category) Valid() bool { return c >= Qualitative && c <= MixedMethods }

// Quantitative reports whether c is a quantitative category (2, 3 or 4),
// i.e. a valid component of a mixed-methods study.
func (c Category) Quantitative() bool { return c >= RCT && c <= Descriptive }

// String returns the category name used by the MMAT 2018
// ("Quantitative randomized controlled trials"), or "Category(n)" for an
// invalid value.
func (c Category) String() string {
	if c.Valid() {
		return categoryNames[c]
	}
	return "Category(" + strconv.Itoa(int(c)) + ")"
}

// Short returns a short name for tables and plot labels ("RCT",
// "Non-randomized"), or String() for an invalid value.
func (c Category) Short() string {
	if c.Valid() {
		return categoryShort[c]
	}
	return c.String()
}

// categoryAliases maps normalized spellings (see categoryKey) to
// categories. Explicit list: no prefix or first-letter matching.
var categoryAliases = map[string]Category{
	"1": Qualitative, "qualitative": Qualitative, "qual": Qualitative, "qualitative research": Qualitative,
	"2": RCT, "rct": RCT, "randomized": RCT, "randomized controlled trial": RCT, "randomized controlled": RCT,
	"randomized trial": RCT, "randomized control trial": RCT,
	"3": NonRandomized, "non randomized": NonRandomized, "nonrandomized": NonRandomized,
	"non randomized trial": NonRandomized, "non randomized controlled trial": NonRandomized,
	"4": Descriptive, "descriptive": Descriptive,
	"5": MixedMethods, "mixed methods": MixedMethods, "mixed": MixedMethods, "mixed method": MixedMethods,
}

var categoryFold = strings.NewReplacer("-", " ", "_", " ", "randomis", "randomiz", "\u2010", " ", "\u2011", " ")

// categoryKey folds the spellings of a category heading onto one key:
// case and white space, hyphens ("non-randomised", "mixed-methods"),
// British -ise- spellings, plurals ("studies", "trials", "RCTs") and the
// "quantitative" qualifier ("Quantitative descriptive studies").
func categoryKey(s string) string {
	if len(s) == 1 && s[0] >= '0' && s[0] <= '9' {
		return s // the usual cell: a category number
	}
	s = strings.ToLower(s)
	s = categoryFold.Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimPrefix(s, "quantitative ")
	for _, suf := range []string{" studies", " study", " designs", " design"} {
		s = strings.TrimSuffix(s, suf)
	}
	switch {
	case strings.HasSuffix(s, " trials"):
		s = strings.TrimSuffix(s, "s")
	case s == "rcts":
		s = "rct"
	}
	return s
}

// ParseCategory parses a category from its number ("2"), its MMAT name
// ("Quantitative randomized controlled trials"), its short name ("RCT",
// "Non-randomized", "Mixed methods") or the headings reviews use for their
// per-type tables: plurals ("Qualitative studies", "Mixed methods
// studies", "RCTs"), British spellings ("Randomised controlled trials",
// "non-randomised"), with or without "Quantitative". Case, hyphens and
// spacing are ignored. The empty string gives 0 with no error (not set).
// Anything else returns an error wrapping ErrInvalidCategory.
func ParseCategory(s string) (Category, error) {
	k := categoryKey(s)
	if k == "" {
		return 0, nil
	}
	if c, ok := categoryAliases[k]; ok {
		return c, nil
	}
	return 0, fieldError(0, "", "", "", "category", s, ErrInvalidCategory, categoryHint)
}
