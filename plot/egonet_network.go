package plot

import (
	"fmt"
	"math"

	"github.com/tiesproject/ties/measures/network"
)

// EgoNetworkSource says which attributes of measures/network data hold an
// alter's role and circle, and what the circles mean. A nil
// *EgoNetworkSource means the defaults documented on each field.
type EgoNetworkSource struct {
	// Role and Circle name categorical alter attributes of the codebook;
	// "" means "role" and "circle" (the names of
	// network.SimulationCodebook).
	Role, Circle string
	// Meanings, if not nil, holds what each circle meant to the
	// respondent, innermost first, one per category of the circle
	// attribute (for example "so close that it is hard to imagine life
	// without them"). The codebook holds only the circles' names.
	Meanings []string
}

// EgoNetworkFrom builds the input of EgoNetwork from one ego's interviews
// at several visits (the same ego ID in each, for example the baseline and
// 12-month data sets of a trial), with one panel title per interview.
// Every interview must pass network.Ego.Validate (data read by
// network.ReadCSV have been cleaned); an invalid one is returned as its
// error, which names the ego.
func EgoNetworkFrom(cb *network.Codebook, titles []string, egos []*network.Ego, src *EgoNetworkSource) (EgoNetworkData, error) {
	const fig = "ego network"
	var s EgoNetworkSource
	if src != nil {
		s = *src
	}
	if s.Role == "" {
		s.Role = "role"
	}
	if s.Circle == "" {
		s.Circle = "circle"
	}
	if cb == nil {
		return EgoNetworkData{}, inputErr(fig, "codebook", nil, "no codebook")
	}
	if len(egos) == 0 {
		return EgoNetworkData{}, inputErr(fig, "egos", nil, "no interviews; give the ego at one visit or more")
	}
	if len(titles) != len(egos) {
		return EgoNetworkData{}, inputErr(fig, "titles", len(titles), fmt.Sprintf("want one title per interview (%d)", len(egos)))
	}
	attr := func(field, name string) (int, error) {
		k := cb.AlterAttribute(name)
		if k < 0 {
			return -1, inputErr(fig, "EgoNetworkSource."+field, name, "no alter attribute of that name in the codebook")
		}
		if cb.Alter[k].Kind != network.Categorical {
			return -1, inputErr(fig, "EgoNetworkSource."+field, name, "numeric attribute; give a categorical one")
		}
		return k, nil
	}
	role, err := attr("Role", s.Role)
	if err != nil {
		return EgoNetworkData{}, err
	}
	circle, err := attr("Circle", s.Circle)
	if err != nil {
		return EgoNetworkData{}, err
	}
	cats := cb.Alter[circle].Categories
	if s.Meanings != nil && len(s.Meanings) != len(cats) {
		return EgoNetworkData{}, inputErr(fig, "EgoNetworkSource.Meanings", len(s.Meanings),
			fmt.Sprintf("want one meaning per circle (%d: %v)", len(cats), cats))
	}
	d := EgoNetworkData{Roles: append([]string(nil), cb.Alter[role].Categories...)}
	for i, c := range cats {
		d.Circles = append(d.Circles, Circle{Name: c})
		if s.Meanings != nil {
			d.Circles[i].Meaning = s.Meanings[i]
		}
	}
	for i, e := range egos {
		if e == nil {
			return EgoNetworkData{}, inputErr(fig, fmt.Sprintf("egos[%d]", i), nil, "nil interview")
		}
		if i == 0 {
			d.Ego = e.ID
		} else if e.ID != d.Ego {
			return EgoNetworkData{}, inputErr(fig, fmt.Sprintf("egos[%d].ID", i), e.ID, fmt.Sprintf("differs from the first interview's ego %q; one figure shows one participant", d.Ego))
		}
		if err := e.Validate(cb); err != nil {
			return EgoNetworkData{}, fmt.Errorf("plot: ego network panel %d %q: %w", i, titles[i], err)
		}
		p := EgoPanel{Title: titles[i], Alters: make([]EgoAlter, len(e.Alters))}
		for j, a := range e.Alters {
			p.Alters[j] = EgoAlter{ID: a.ID, Role: category(a.Values[role]), Circle: category(a.Values[circle])}
		}
		for _, t := range e.Ties {
			p.Ties = append(p.Ties, [2]int{t.A, t.B})
		}
		d.Panels = append(d.Panels, p)
	}
	return d, nil
}

// category is a validated category code as an index, −1 for missing.
func category(v float64) int {
	if math.IsNaN(v) {
		return -1
	}
	return int(v)
}

// EgoNetworkOf builds the input of EgoNetwork for participant id from
// data sets of the same name generator at several visits (for example the
// baseline and 12-month interviews of a trial, one network.Data each, with
// one panel title each), using the first data set's codebook. A visit at
// which the participant was not interviewed is left out with its title;
// an interview with rejected rows (network.Data.Errs) is an error, because
// its network is not the one the participant reported.
func EgoNetworkOf(id string, titles []string, data []*network.Data, src *EgoNetworkSource) (EgoNetworkData, error) {
	const fig = "ego network"
	if len(data) == 0 {
		return EgoNetworkData{}, inputErr(fig, "data", nil, "no data sets; give one per visit")
	}
	if len(titles) != len(data) {
		return EgoNetworkData{}, inputErr(fig, "titles", len(titles), fmt.Sprintf("want one title per data set (%d)", len(data)))
	}
	var egos []*network.Ego
	var shown []string
	for i, d := range data {
		if d == nil {
			return EgoNetworkData{}, inputErr(fig, fmt.Sprintf("data[%d %q]", i, titles[i]), nil, "nil data set")
		}
		for j := range d.Egos {
			if d.Egos[j].ID != id {
				continue
			}
			if j < len(d.Errs) && d.Errs[j] != nil {
				return EgoNetworkData{}, fmt.Errorf("plot: ego network: ego %s at %q has rejected rows: %w", id, titles[i], d.Errs[j])
			}
			egos = append(egos, &d.Egos[j])
			shown = append(shown, titles[i])
			break
		}
	}
	if len(egos) == 0 {
		return EgoNetworkData{}, inputErr(fig, "id", id, "no interview of this ego in any data set")
	}
	return EgoNetworkFrom(&data[0].Codebook, shown, egos, src)
}
