package exampledata

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/tiesproject/ties/measures/network"
)

// NetworkMonths are the visits at which the example trial's name generator
// ("name up to 10 people ...") was asked.
var NetworkMonths = []int{0, 12}

// MaxNetworkAlters is the name generator's cap.
const MaxNetworkAlters = 10

// NetworkFiles returns the names of the egos, alters and ties files of the
// name-generator interview at a month, as written by Networks.Write.
func NetworkFiles(month int) (egos, alters, ties string) {
	p := fmt.Sprintf("network-m%02d-", month)
	return p + "egos.csv", p + "alters.csv", p + "ties.csv"
}

// Networks holds the simulated name-generator interviews of the example
// trial, one data set per month of NetworkMonths, with the codebook of
// network.SimulationCodebook. Egos are the participants seen at that
// visit, in participant order.
type Networks struct {
	Months []int
	Data   []*network.Data
	// Messy lists the rows deliberately made invalid or untidy in the
	// written files, as "month/participant: what", for the documentation:
	// the analysis must report them.
	Messy []string
}

// GenerateNetworks simulates the name-generator interviews of a generated
// trial with network.Simulator: a participant's latent network propensity
// is the standardized mean of their baseline LSNS-6 codes, so the two
// network measures agree; at 12 months every alter stays with probability
// 0.75, about one new alter is named, and participants of the intervention
// arm name on average 2·NetworkEffect more friends, neighbours or group
// members. Only participants with a 12-month visit have a 12-month
// interview.
func GenerateNetworks(tr Trial, c Config) (*Networks, error) {
	sim := network.NewSimulator(c.Seed^0x6e6574, MaxNetworkAlters)
	base := &network.Data{Codebook: network.SimulationCodebook()}
	later := &network.Data{Codebook: network.SimulationCodebook()}
	lsns := map[string]float64{}
	seen12 := map[string]bool{}
	for _, r := range tr.Responses {
		if r.Month == 0 {
			sum, k := 0.0, 0
			for _, s := range r.LSNS6 {
				if v, err := strconv.Atoi(s); err == nil && v >= 0 && v <= 5 {
					sum += float64(v)
					k++
				}
			}
			if k > 0 {
				lsns[r.ID] = sum / float64(k)
			}
		}
		if r.Month == 12 {
			seen12[r.ID] = true
		}
	}
	mean, sd := meanSD(lsns)
	for _, p := range tr.Participants {
		v, ok := lsns[p.ID]
		if !ok {
			continue
		}
		e := sim.Interview(p.ID, (v-mean)/sd)
		base.Egos = append(base.Egos, e)
		if seen12[p.ID] {
			extra := 0.0
			if p.Arm == Intervention {
				extra = 2 * c.NetworkEffect
			}
			later.Egos = append(later.Egos, sim.FollowUp(e, extra))
		}
	}
	if len(base.Egos) == 0 {
		return nil, fmt.Errorf("exampledata: no participant has a baseline LSNS-6")
	}
	return &Networks{Months: NetworkMonths, Data: []*network.Data{base, later}}, nil
}

func meanSD(m map[string]float64) (mean, sd float64) {
	for _, v := range m {
		mean += v
	}
	mean /= float64(len(m))
	for _, v := range m {
		sd += (v - mean) * (v - mean)
	}
	sd = math.Sqrt(sd / float64(len(m)-1))
	if !(sd > 0) {
		sd = 1
	}
	return mean, sd
}

// Write writes the egos, alters and ties files of every month into dir
// (names from NetworkFiles) and adds a few untidy rows that data entry
// produces, listed in n.Messy: at baseline a tie listed a second time in
// reverse and a self-loop (both cleaned and reported by network.ReadCSV),
// a tie to an alter the participant did not name and an alter whose role
// is not in the codebook (both rejected, and the participant's network
// measures left out with the reason).
func (n *Networks) Write(dir string, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, 0x6d657373))
	n.Messy = nil
	for i, d := range n.Data {
		var eb, ab, tb bytes.Buffer
		if err := network.WriteCSV(&eb, &ab, &tb, d); err != nil {
			return err
		}
		if n.Months[i] == 0 {
			n.mess(d, &ab, &tb, rng)
		}
		ef, af, tf := NetworkFiles(n.Months[i])
		for _, f := range []struct {
			name string
			b    *bytes.Buffer
		}{{ef, &eb}, {af, &ab}, {tf, &tb}} {
			if err := os.WriteFile(filepath.Join(dir, f.name), f.b.Bytes(), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// mess appends the untidy rows to the baseline alters and ties files.
func (n *Networks) mess(d *network.Data, alters, ties *bytes.Buffer, rng *rand.Rand) {
	var withTies, withAlters []int
	for i, e := range d.Egos {
		if len(e.Ties) > 0 {
			withTies = append(withTies, i)
		}
		if len(e.Alters) > 0 && len(e.Alters) < MaxNetworkAlters {
			withAlters = append(withAlters, i)
		}
	}
	if len(withTies) < 2 || len(withAlters) < 2 {
		return
	}
	pick := func(from []int) *network.Ego { return &d.Egos[from[rng.IntN(len(from))]] }
	e := pick(withTies)
	t := e.Ties[rng.IntN(len(e.Ties))]
	fmt.Fprintf(ties, "%s,%s,%s\n", e.ID, e.Alters[t.B].ID, e.Alters[t.A].ID)
	n.Messy = append(n.Messy, fmt.Sprintf("0/%s: tie %s–%s listed again in reverse (cleaned)", e.ID, e.Alters[t.B].ID, e.Alters[t.A].ID))
	e = pick(withAlters)
	a := e.Alters[rng.IntN(len(e.Alters))].ID
	fmt.Fprintf(ties, "%s,%s,%s\n", e.ID, a, a)
	n.Messy = append(n.Messy, fmt.Sprintf("0/%s: self-loop %s–%s (dropped)", e.ID, a, a))
	e = pick(withTies)
	a = e.Alters[0].ID
	fmt.Fprintf(ties, "%s,%s,a99\n", e.ID, a)
	n.Messy = append(n.Messy, fmt.Sprintf("0/%s: tie %s–a99 to an alter not named (rejected)", e.ID, a))
	e = pick(withAlters)
	id := "a" + strconv.Itoa(len(e.Alters)+50)
	fmt.Fprintf(alters, "%s,%s,cousin,yes,female,4,3,middle\n", e.ID, id)
	n.Messy = append(n.Messy, fmt.Sprintf("0/%s: alter %s with role \"cousin\", not in the codebook (rejected)", e.ID, id))
}

// ReadNetworks reads the name-generator files that Networks.Write wrote
// into dir, one data set per month of NetworkMonths, with the codebook of
// network.SimulationCodebook. Each data set lists its rejected and cleaned
// rows (with file lines) and the egos whose measures must be left out.
func ReadNetworks(dir string) ([]*network.Data, error) {
	cb := network.SimulationCodebook()
	var out []*network.Data
	for _, month := range NetworkMonths {
		names := [3]string{}
		names[0], names[1], names[2] = NetworkFiles(month)
		var files [3]*os.File
		for i, name := range names {
			f, err := os.Open(filepath.Join(dir, name))
			if err != nil {
				for _, g := range files[:i] {
					g.Close()
				}
				return nil, err
			}
			files[i] = f
		}
		d, err := network.ReadCSV(files[0], files[1], files[2], &network.ReadOptions{Codebook: cb})
		for _, f := range files {
			f.Close()
		}
		if err != nil {
			return nil, fmt.Errorf("exampledata: month %d: %w", month, err)
		}
		out = append(out, d)
	}
	return out, nil
}
