package exampledata

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
)

// Visits are the assessment times in months since randomization.
var Visits = []int{0, 3, 6, 12}

// Arm labels used in the generated data.
const (
	Intervention = "intervention"
	UsualCare    = "usual care"
)

// Item column names in the generated response file, in the order they are
// written. DJG-6 items follow the Statistics Netherlands (CBS) order:
// emptiness (E), rely on (S), trust (S), miss people (E), close (S),
// rejected (E). The analysis maps these headers to the instruments' content
// IDs, as a user maps their own data-collection headers.
var (
	UCLA3Columns = []string{"ucla3_1", "ucla3_2", "ucla3_3"}
	DJG6Columns  = []string{"djg6_1", "djg6_2", "djg6_3", "djg6_4", "djg6_5", "djg6_6"}
	LSNS6Columns = []string{"lsns6_1", "lsns6_2", "lsns6_3", "lsns6_4", "lsns6_5", "lsns6_6"}
)

// djg6Emotional marks the DJG-6 columns (CBS order) that are emotional,
// negatively worded items; the others are social, positively worded.
var djg6Emotional = []bool{true, false, false, true, false, true}

// Config sets the size and the simulated effects of the example trial.
// The zero value is not useful; start from DefaultConfig.
type Config struct {
	Seed          uint64
	Teams         int     // care teams (clusters), half randomized to each arm
	Participants  int     // total number randomized; team sizes vary about ±40% around the mean
	TeamSD        float64 // SD of the team effect on latent loneliness
	PersonSD      float64 // SD of the person effect
	NoiseSD       float64 // SD of visit-level noise
	Effect        []float64
	DropoutSlope  float64 // log-odds of dropout per latent SD of baseline loneliness
	MissingItem   float64 // probability that an item response is blank
	InvalidCodes  int     // number of cells given a code no instrument allows
	NetworkEffect float64 // intervention shift of latent network size at follow-up
}

// DefaultConfig returns the configuration of the bundled example trial.
func DefaultConfig() Config {
	return Config{
		Seed:          20261122,
		Teams:         24,
		Participants:  240,
		TeamSD:        0.25,
		PersonSD:      0.85,
		NoiseSD:       0.5,
		Effect:        []float64{0, -0.3, -0.45, -0.4},
		DropoutSlope:  0.6,
		MissingItem:   0.01,
		InvalidCodes:  6,
		NetworkEffect: 0.3,
	}
}

// Participant is one randomized person.
type Participant struct {
	ID   string
	Team string
	Arm  string
}

// Response is one participant's visit: item responses as the cells of a CSV
// file ("" for a blank item).
type Response struct {
	ID    string
	Month int
	UCLA3 []string
	DJG6  []string
	LSNS6 []string
}

// Trial is the generated example: participants and their visits (visits
// after dropout are absent).
type Trial struct {
	Participants []Participant
	Responses    []Response
	// Invalid lists the cells that were given invalid codes, as
	// "participant/month/column=value", for the documentation.
	Invalid []string
}

// Generate simulates the example trial.
func Generate(c Config) (Trial, error) {
	if c.Teams < 2 || c.Teams%2 != 0 {
		return Trial{}, fmt.Errorf("exampledata: Teams = %d: need an even number >= 2", c.Teams)
	}
	if c.Participants < 2*c.Teams {
		return Trial{}, fmt.Errorf("exampledata: Participants = %d: need at least 2 per team", c.Participants)
	}
	if len(c.Effect) != len(Visits) {
		return Trial{}, fmt.Errorf("exampledata: Effect has %d values, want one per visit (%d)", len(c.Effect), len(Visits))
	}
	rng := rand.New(rand.NewPCG(c.Seed, 0x7469657321))
	var tr Trial

	// Randomize teams 1:1 by a seeded permutation.
	perm := rng.Perm(c.Teams)
	armOf := make([]string, c.Teams)
	for k, t := range perm {
		if k < c.Teams/2 {
			armOf[t] = Intervention
		} else {
			armOf[t] = UsualCare
		}
	}

	// Secular improvement in both arms (regression to the mean and
	// contact with services).
	time := []float64{0, -0.08, -0.12, -0.15}
	const mu = 0.4 // the population is lonelier than the general public
	id := 0
	sizes := teamSizes(rng, c.Teams, c.Participants)
	for t := 0; t < c.Teams; t++ {
		size := sizes[t]
		u := c.TeamSD * rng.NormFloat64()
		team := fmt.Sprintf("T%02d", t+1)
		treated := 0.0
		if armOf[t] == Intervention {
			treated = 1
		}
		for j := 0; j < size; j++ {
			id++
			pid := fmt.Sprintf("P%03d", id)
			tr.Participants = append(tr.Participants, Participant{ID: pid, Team: team, Arm: armOf[t]})
			b := c.PersonSD * rng.NormFloat64()
			// Network size is negatively related to loneliness.
			net0 := -0.5*(u+b) + 0.8*rng.NormFloat64()
			var baseline float64
			for v, month := range Visits {
				z := mu + u + b + time[v] + c.Effect[v]*treated + c.NoiseSD*rng.NormFloat64()
				if v == 0 {
					baseline = z
				} else {
					// Monotone dropout before this visit, more likely for
					// lonelier participants at baseline.
					p := 1 / (1 + math.Exp(-(-2.6 + c.DropoutSlope*baseline)))
					if rng.Float64() < p {
						break
					}
				}
				net := net0 - 0.3*(z-baseline) + 0.35*rng.NormFloat64()
				if v > 0 {
					net += c.NetworkEffect * treated
				}
				r := Response{ID: pid, Month: month}
				r.UCLA3 = items(rng, len(UCLA3Columns), c.MissingItem, func() string {
					return strconv.Itoa(ordinal(z+0.6*rng.NormFloat64(), []float64{-0.2, 0.9}) + 1)
				})
				k := 0
				r.DJG6 = items(rng, len(DJG6Columns), c.MissingItem, func() string {
					x := z + 0.8*rng.NormFloat64()
					emotional := djg6Emotional[k]
					k++
					// Codes 1..5 = "no!", "no", "more or less", "yes", "yes!"
					// (the measures package's convention). A lonely person
					// says yes to emotional items and no to social ones.
					cat := ordinal(x, []float64{-1.2, -0.3, 0.3, 1.2}) // 0 = least lonely
					if emotional {
						return strconv.Itoa(cat + 1)
					}
					return strconv.Itoa(5 - cat)
				})
				k = 0
				r.LSNS6 = items(rng, len(LSNS6Columns), c.MissingItem, func() string {
					x := net + 0.7*rng.NormFloat64()
					if k < 3 { // family ties are a little more plentiful
						x += 0.3
					}
					k++
					return strconv.Itoa(ordinal(x, []float64{-1.6, -0.9, -0.3, 0.4, 1.3}))
				})
				tr.Responses = append(tr.Responses, r)
			}
		}
	}

	// A handful of invalid codes, as data entry produces them.
	bad := []string{"4", "7", "0", "6", "x", "99", "-1"}
	for n := 0; n < c.InvalidCodes; n++ {
		r := &tr.Responses[rng.IntN(len(tr.Responses))]
		code := bad[rng.IntN(len(bad))]
		var col string
		switch rng.IntN(3) {
		case 0:
			j := rng.IntN(len(r.UCLA3))
			r.UCLA3[j], col = code, UCLA3Columns[j]
		case 1:
			j := rng.IntN(len(r.DJG6))
			if code == "4" {
				code = "8" // 4 is a valid DJG-6 code
			}
			r.DJG6[j], col = code, DJG6Columns[j]
		default:
			j := rng.IntN(len(r.LSNS6))
			if code == "4" || code == "0" {
				code = "6" // valid LSNS-6 codes
			}
			r.LSNS6[j], col = code, LSNS6Columns[j]
		}
		tr.Invalid = append(tr.Invalid, fmt.Sprintf("%s/%d/%s=%s", r.ID, r.Month, col, code))
	}
	return tr, nil
}

// teamSizes draws cluster sizes that vary about ±40% around the mean and
// add up to total exactly.
func teamSizes(rng *rand.Rand, teams, total int) []int {
	mean := float64(total) / float64(teams)
	sizes := make([]int, teams)
	sum := 0
	for t := range sizes {
		sizes[t] = max(2, int(math.Round(mean*(1+0.4*(2*rng.Float64()-1)))))
		sum += sizes[t]
	}
	for sum != total {
		t := rng.IntN(teams)
		switch {
		case sum < total:
			sizes[t]++
			sum++
		case sizes[t] > 2:
			sizes[t]--
			sum--
		}
	}
	return sizes
}

// items draws k item responses, each blank with probability miss.
func items(rng *rand.Rand, k int, miss float64, draw func() string) []string {
	out := make([]string, k)
	for j := range out {
		v := draw() // draw even when blanked so that the stream stays aligned
		if rng.Float64() >= miss {
			out[j] = v
		}
	}
	return out
}

// ordinal returns the number of cut points below x.
func ordinal(x float64, cuts []float64) int {
	n := 0
	for _, c := range cuts {
		if x > c {
			n++
		}
	}
	return n
}
