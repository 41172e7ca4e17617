package network

import (
	"math"
	"math/rand/v2"
	"strconv"
)

// Simulated name-generator data use the codebook of SimulationCodebook.
// Role categories, in order; roles 0 and 1 are kin.
var simRoles = []string{"partner", "family", "friend", "neighbour", "colleague", "group member", "professional"}

// Cumulative probabilities of the roles of a newly named alter.
var simRoleCum = []float64{0.06, 0.40, 0.62, 0.70, 0.76, 0.84, 1}

// SimulationCodebook returns the codebook of the simulated name-generator
// data: role (partner, family, friend, neighbour, colleague, group member,
// professional), kin (yes, no), contact frequency "freq" (numeric: 1 less
// than monthly, 2 monthly, 3 a few times a month, 4 weekly, 5 daily),
// closeness (numeric 1–4, 4 = very close) and circle (inner, middle,
// outer) for alters; sex (female, male) for alters and egos.
func SimulationCodebook() Codebook {
	sex := []string{"female", "male"}
	return Codebook{
		Alter: []Attribute{
			{Name: "role", Categories: append([]string(nil), simRoles...)},
			{Name: "kin", Categories: []string{"yes", "no"}},
			{Name: "sex", Categories: sex},
			{Name: "freq", Kind: Numeric},
			{Name: "closeness", Kind: Numeric},
			{Name: "circle", Categories: []string{"inner", "middle", "outer"}},
		},
		Ego: []Attribute{{Name: "sex", Categories: sex}},
	}
}

// Positions of the simulated attributes in SimulationCodebook.
const (
	simRole = iota
	simKin
	simSex
	simFreq
	simCloseness
	simCircle
)

// Simulator draws name-generator interviews: an ego names up to MaxAlters
// people and says, for each, their relationship role, whether they are kin,
// their sex, how often they are in contact, how close they are and on
// which circle of a concentric-circle map they belong, and which of them
// know each other. The model is deliberately simple and is meant for
// examples and tests, not as a model of real networks:
//
//   - the number named is Poisson with mean 4·exp(0.35·latent), at most
//     MaxAlters, where latent is the caller's person-level network
//     propensity (standard normal in the example trial);
//   - roles are drawn with probabilities partner 0.06, family 0.34, friend
//     0.22, neighbour 0.08, colleague 0.06, group member 0.08,
//     professional 0.16 (at most one partner); kin means partner or family;
//   - contact frequency is 5 for a partner and otherwise a role-dependent
//     level plus noise, rounded into 1–5; closeness follows frequency
//     with noise, rounded into 1–4; the circle is inner for closeness 4,
//     middle for 3 and outer below;
//   - two alters know each other with probability 0.7 if both are kin,
//     0.1 if either is a professional, 0.45 if they share a non-kin role
//     and 0.2 otherwise;
//   - each answer except the role is missing with probability Missing.
//
// A follow-up interview keeps each earlier alter with probability 0.75
// and adds new ones (see FollowUp).
type Simulator struct {
	MaxAlters int     // the name generator's cap ("up to 10 people")
	Missing   float64 // probability that an answer is missing
	rng       *rand.Rand
}

// NewSimulator returns a simulator with a cap of maxAlters, answers
// missing with probability 0.02, and a random stream seeded by seed.
func NewSimulator(seed uint64, maxAlters int) *Simulator {
	return &Simulator{MaxAlters: maxAlters, Missing: 0.02, rng: rand.New(rand.NewPCG(seed, 0x6e6574776f726b))}
}

// Interview simulates one ego's baseline interview.
func (s *Simulator) Interview(id string, latent float64) Ego {
	e := Ego{ID: id, Values: []float64{s.maybe(float64(s.rng.IntN(2)))}}
	n := s.poisson(4 * math.Exp(0.35*latent))
	for j := 0; j < n && j < s.MaxAlters; j++ {
		s.addAlter(&e, -1)
	}
	s.drawTies(&e, 0)
	return e
}

// FollowUp simulates a later interview of the same ego: each alter of
// prev stays with probability 0.75 (keeping its answers and its ties to
// other staying alters), and Poisson(1 + extra) new alters are named, at
// most MaxAlters in all. extra > 0 models an intervention that helps
// people meet others: its new alters are friends, neighbours or group
// members, never kin or professionals. Ties of new alters are drawn as at
// baseline.
func (s *Simulator) FollowUp(prev Ego, extra float64) Ego {
	e := Ego{ID: prev.ID, Values: append([]float64(nil), prev.Values...)}
	pos := make([]int, len(prev.Alters))
	for j, a := range prev.Alters {
		pos[j] = -1
		if s.rng.Float64() < 0.75 {
			pos[j] = len(e.Alters)
			e.Alters = append(e.Alters, Alter{ID: a.ID, Values: append([]float64(nil), a.Values...)})
		}
	}
	for _, t := range prev.Ties {
		if pos[t.A] >= 0 && pos[t.B] >= 0 {
			e.Ties = append(e.Ties, Tie{A: pos[t.A], B: pos[t.B], Weight: 1})
		}
	}
	kept := len(e.Alters)
	next := len(prev.Alters)
	for k := s.poisson(1); k > 0 && len(e.Alters) < s.MaxAlters; k-- {
		s.addAlterID(&e, -1, next)
		next++
	}
	if extra > 0 {
		social := []int{2, 3, 5} // friend, neighbour, group member
		for k := s.poisson(extra); k > 0 && len(e.Alters) < s.MaxAlters; k-- {
			s.addAlterID(&e, social[s.rng.IntN(len(social))], next)
			next++
		}
	}
	s.drawTies(&e, kept)
	return e
}

func (s *Simulator) poisson(mean float64) int {
	// Knuth's method; the means here are small.
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= s.rng.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

func (s *Simulator) maybe(v float64) float64 {
	if s.rng.Float64() < s.Missing {
		return math.NaN()
	}
	return v
}

func (s *Simulator) addAlter(e *Ego, role int) {
	s.addAlterID(e, role, len(e.Alters))
}

// addAlterID adds an alter named "a<k+1>" with the given role (−1 = draw).
func (s *Simulator) addAlterID(e *Ego, role, k int) {
	if role < 0 {
		u := s.rng.Float64()
		for role = 0; u > simRoleCum[role]; role++ {
		}
		if role == 0 {
			for _, a := range e.Alters {
				if a.Values[simRole] == 0 {
					role = 1 // at most one partner
				}
			}
		}
	}
	kin := 1.0
	if role <= 1 {
		kin = 0
	}
	level := []float64{5, 3.6, 3.2, 3, 3.4, 2.8, 2.4}[role]
	freq := 5.0
	if role != 0 {
		freq = clamp(math.Round(level+0.9*s.rng.NormFloat64()), 1, 5)
	}
	closeness := clamp(math.Round(freq-1+0.8*s.rng.NormFloat64()), 1, 4)
	if role == 0 {
		closeness = 4
	}
	circle := 2.0
	switch closeness {
	case 4:
		circle = 0
	case 3:
		circle = 1
	}
	e.Alters = append(e.Alters, Alter{ID: "a" + strconv.Itoa(k+1), Values: []float64{
		float64(role), s.maybe(kin), s.maybe(float64(s.rng.IntN(2))), s.maybe(freq), s.maybe(closeness), s.maybe(circle),
	}})
}

// drawTies draws ties between every pair that involves an alter at
// position from or later.
func (s *Simulator) drawTies(e *Ego, from int) {
	for j := from; j < len(e.Alters); j++ {
		for i := 0; i < j; i++ {
			ri, rj := int(e.Alters[i].Values[simRole]), int(e.Alters[j].Values[simRole])
			p := 0.2
			switch {
			case ri <= 1 && rj <= 1:
				p = 0.7
			case ri == 6 || rj == 6:
				p = 0.1
			case ri == rj:
				p = 0.45
			}
			if s.rng.Float64() < p {
				e.Ties = append(e.Ties, Tie{A: i, B: j, Weight: 1})
			}
		}
	}
}

func clamp(x, lo, hi float64) float64 {
	return math.Max(lo, math.Min(hi, x))
}

// NonKinNonProfessional returns the share of an ego's alters who are
// neither kin nor professionals, for data with the codebook of
// SimulationCodebook (or any codebook with a "kin" attribute whose
// category "no" means non-kin and a "role" attribute with a category
// "professional"). An alter counts as known when both answers are
// recorded, or when one of them already rules it out.
func NonKinNonProfessional(e *Ego, cb *Codebook) (Proportion, error) {
	kin, role := cb.AlterAttribute("kin"), cb.AlterAttribute("role")
	if kin < 0 || role < 0 {
		return Proportion{}, fieldErr(ErrInvalidInput, e.ID, "codebook", nil, "needs alter attributes \"kin\" and \"role\"")
	}
	no, ok1 := cb.Alter[kin].Code("no")
	prof, ok2 := cb.Alter[role].Code("professional")
	if !ok1 || !ok2 {
		return Proportion{}, fieldErr(ErrInvalidInput, e.ID, "codebook", nil, "needs category \"no\" of kin and \"professional\" of role")
	}
	if err := e.Validate(cb); err != nil {
		return Proportion{}, err
	}
	return ProportionOf(e, func(v []float64) (bool, bool) {
		k, r := v[kin], v[role]
		switch {
		case !math.IsNaN(k) && k != no, !math.IsNaN(r) && r == prof:
			return false, true
		case math.IsNaN(k) || math.IsNaN(r):
			return false, false
		}
		return true, true
	}), nil
}
