package network

import (
	"fmt"
	"strconv"
	"strings"
)

// SNIMissing marks an unanswered item of SNIAnswers.
const SNIMissing = -1

// SNIAnswers holds the answers to the scored items of Cohen's Social
// Network Index (Cohen et al. 1997), numbered as on the form. Counts are
// coded 0–7, 7 meaning "7 or more"; an item skipped because its gate
// question was answered no (not employed, no religious group, no classes,
// no volunteering, no groups) is 0. SNIMissing marks an item not
// answered.
type SNIAnswers struct {
	Marital    int   // item 1: 1 married or living as married, 2–5 other
	Children   int   // item 2a: children in contact every 2 weeks
	Parents    int   // item 3a: 0 neither, 1 mother, 2 father, 3 both
	InLaws     int   // item 4a: partner's parents, coded as item 3a
	Relatives  int   // item 5a: other close relatives in contact
	Friends    int   // item 6a: close friends in contact
	Religious  int   // item 7a: religious-group members talked to
	Students   int   // item 8a: fellow students or teachers talked to
	Supervised int   // item 9a: people supervised at work talked to
	CoWorkers  int   // item 9b: other people at work talked to
	Neighbors  int   // item 10: neighbours visited or talked to
	Volunteers int   // item 11a: fellow volunteers talked to
	Groups     []int // item 12: members talked to, one count per group (raw counts)
}

// EmbeddedRule selects the rule for the number of embedded networks.
// Neither rule has been checked against the official scoring sheet; both
// are offered only as explicitly named, unverified variants.
type EmbeddedRule int

const (
	// NoEmbedded leaves the number of embedded networks out (the
	// default).
	NoEmbedded EmbeddedRule = iota
	// EmbeddedAtLeast4Unverified counts a domain with at least 4
	// high-contact people; the family domain also needs at least 3 of
	// the 5 family roles. Work is items 9a + 9b, groups the sum over
	// groups.
	EmbeddedAtLeast4Unverified
	// EmbeddedMoreThan4Unverified counts a domain with more than 4
	// high-contact people, with no role condition for the family.
	EmbeddedMoreThan4Unverified
)

// String names the rule.
func (r EmbeddedRule) String() string {
	switch r {
	case NoEmbedded:
		return "not scored"
	case EmbeddedAtLeast4Unverified:
		return "at least 4 people (family: and at least 3 family roles); unverified"
	case EmbeddedMoreThan4Unverified:
		return "more than 4 people; unverified"
	}
	return "EmbeddedRule(" + strconv.Itoa(int(r)) + ")"
}

// SNIOptions selects the scoring variants of ScoreSNI. The nil value is
// the default: the literal employee rule, raw group counts, no
// zero-filling, no embedded networks.
type SNIOptions struct {
	// EmployeeEither gives the employee role when either item 9a or 9b
	// is non-zero. The default gives it only when both are ("not 0 for
	// both items", read literally).
	EmployeeEither bool
	// CapGroups scores each group count of item 12 as at most 7, like the
	// 0–7 format of the other items, against over-reporting of large
	// groups. The default sums the raw counts.
	CapGroups bool
	// ZeroFill scores unanswered items as 0. The default returns an
	// error naming the first unanswered item, since no missing-data rule
	// is published.
	ZeroFill bool
	// Embedded selects an unverified rule for the number of embedded
	// networks; the default leaves it out.
	Embedded EmbeddedRule
}

// SNIScore holds the scores of one respondent.
type SNIScore struct {
	// Roles is the number of high-contact roles, 0–12 ("network
	// diversity").
	Roles int
	// People is the number of people in the network (high-contact
	// people summed over the roles).
	People int
	// Embedded is the number of embedded networks, 0–8, under
	// EmbeddedRule; −1 when not scored.
	Embedded     int
	EmbeddedRule EmbeddedRule
	// Variant labels the scoring rules used, e.g. "employee: 9a and 9b
	// both non-zero; groups: raw counts".
	Variant string
}

// sniItem is one count item: its form number, answer and allowed maximum.
type sniItem struct {
	name string
	v    *int
	max  int
}

// ScoreSNI scores Cohen's Social Network Index: the number of
// high-contact roles (one point each for spouse, parent, child,
// child-in-law, close relative, close friend, religious-group member,
// student, employee, neighbour, volunteer and group member) and the
// number of people in the network (spouse 1, parents and partner's
// parents 0, 1 or 2 people from codes 0, 1–2 and 3, every other item its
// count, work 9a + 9b, groups the sum over groups). An answer outside its
// codes returns an error wrapping ErrInvalidInput.
func ScoreSNI(a SNIAnswers, o *SNIOptions) (SNIScore, error) {
	var opt SNIOptions
	if o != nil {
		opt = *o
	}
	if opt.Embedded < NoEmbedded || opt.Embedded > EmbeddedMoreThan4Unverified {
		return SNIScore{}, fieldErr(ErrInvalidInput, "", "SNIOptions.Embedded", opt.Embedded, "unknown rule")
	}
	items := []sniItem{
		{"1", &a.Marital, 5}, {"2a", &a.Children, 7}, {"3a", &a.Parents, 3}, {"4a", &a.InLaws, 3},
		{"5a", &a.Relatives, 7}, {"6a", &a.Friends, 7}, {"7a", &a.Religious, 7}, {"8a", &a.Students, 7},
		{"9a", &a.Supervised, 7}, {"9b", &a.CoWorkers, 7}, {"10", &a.Neighbors, 7}, {"11a", &a.Volunteers, 7},
	}
	for _, it := range items {
		v := *it.v
		lo := 0
		if it.name == "1" {
			lo = 1
		}
		switch {
		case v == SNIMissing && opt.ZeroFill:
			*it.v = 0
		case v == SNIMissing:
			return SNIScore{}, fieldErr(ErrInvalidInput, "", "item "+it.name, v, "not answered; set SNIOptions.ZeroFill to score it as 0")
		case v < lo || v > it.max:
			return SNIScore{}, fieldErr(ErrInvalidInput, "", "item "+it.name, v, fmt.Sprintf("codes are %d–%d", lo, it.max))
		}
	}
	groups := 0
	groupRole := false
	for g, v := range a.Groups {
		switch {
		case v == SNIMissing && opt.ZeroFill:
			v = 0
		case v == SNIMissing:
			return SNIScore{}, fieldErr(ErrInvalidInput, "", "item 12, group "+strconv.Itoa(g+1), v, "not answered; set SNIOptions.ZeroFill to score it as 0")
		case v < 0:
			return SNIScore{}, fieldErr(ErrInvalidInput, "", "item 12, group "+strconv.Itoa(g+1), v, "a count of people cannot be negative")
		}
		if opt.CapGroups && v > 7 {
			v = 7
		}
		groups += v
		if v > 0 {
			groupRole = true
		}
	}
	spouse := b2i(a.Marital == 1)
	employee := a.Supervised != 0 && a.CoWorkers != 0
	if opt.EmployeeEither {
		employee = a.Supervised != 0 || a.CoWorkers != 0
	}
	familyRoles := spouse + b2i(a.Children > 0) + b2i(a.Parents != 0) + b2i(a.InLaws != 0) + b2i(a.Relatives > 0)
	s := SNIScore{
		Roles: familyRoles + b2i(a.Friends > 0) + b2i(a.Religious > 0) + b2i(a.Students > 0) +
			b2i(employee) + b2i(a.Neighbors > 0) + b2i(a.Volunteers > 0) + b2i(groupRole),
		Embedded:     -1,
		EmbeddedRule: opt.Embedded,
	}
	family := spouse + a.Children + parentCount(a.Parents) + parentCount(a.InLaws) + a.Relatives
	work := a.Supervised + a.CoWorkers
	s.People = family + a.Friends + a.Religious + a.Students + work + a.Neighbors + a.Volunteers + groups
	domains := []int{a.Friends, a.Religious, a.Students, work, a.Neighbors, a.Volunteers, groups}
	switch opt.Embedded {
	case EmbeddedAtLeast4Unverified:
		s.Embedded = b2i(familyRoles >= 3 && family >= 4)
		for _, x := range domains {
			s.Embedded += b2i(x >= 4)
		}
	case EmbeddedMoreThan4Unverified:
		s.Embedded = b2i(family > 4)
		for _, x := range domains {
			s.Embedded += b2i(x > 4)
		}
	}
	var v []string
	if opt.EmployeeEither {
		v = append(v, "employee: 9a or 9b non-zero")
	} else {
		v = append(v, "employee: 9a and 9b both non-zero")
	}
	if opt.CapGroups {
		v = append(v, "groups: each count capped at 7")
	} else {
		v = append(v, "groups: raw counts")
	}
	if opt.ZeroFill {
		v = append(v, "unanswered items scored 0")
	}
	if opt.Embedded != NoEmbedded {
		v = append(v, "embedded networks: "+opt.Embedded.String())
	}
	s.Variant = strings.Join(v, "; ")
	return s, nil
}

// parentCount turns a parents code (0 neither, 1 mother, 2 father,
// 3 both) into a number of people.
func parentCount(code int) int {
	switch code {
	case 1, 2:
		return 1
	case 3:
		return 2
	}
	return 0
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// String prints the scores with the rules used: "roles 7, people 31
// (employee: 9a and 9b both non-zero; groups: raw counts)".
func (s SNIScore) String() string {
	out := fmt.Sprintf("roles %d, people %d", s.Roles, s.People)
	if s.EmbeddedRule != NoEmbedded {
		out += fmt.Sprintf(", embedded networks %d", s.Embedded)
	}
	return out + " (" + s.Variant + ")"
}
