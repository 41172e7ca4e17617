package simtrial

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/tiesproject/ties/effect/mmrm"
)

// Design describes a simulated trial; see the package documentation for
// the model.
type Design struct {
	N         int       // subjects
	Seed      [2]uint64 // PCG seeds
	ID        string    // fmt format of a subject's identifier, given IDStart + i
	IDStart   int
	Reference string   // arm of even-numbered subjects
	Other     string   // arm of odd-numbered subjects
	Visits    []string // post-baseline visits, in order
	BaseMean  float64
	BaseSD    float64
	BaseSlope float64
	Intercept float64
	Carry     float64 // coefficient of the previous visit's outcome
	SD        float64
	Effect    float64 // fall per visit in the other arm
	Drop      float64 // chance of leaving before each visit after the first
}

// Dropout is a subject who left and the first visit missed.
type Dropout struct {
	Subject, Visit string
}

// Generate returns the trial in long format, one row per subject and visit
// (missing outcomes NaN), and its drop-outs in subject order.
func Generate(g Design) (*mmrm.Data, []Dropout) {
	rng := rand.New(rand.NewPCG(g.Seed[0], g.Seed[1]))
	d := &mmrm.Data{}
	var out []Dropout
	for i := range g.N {
		id := fmt.Sprintf(g.ID, g.IDStart+i)
		arm := g.Reference
		if i%2 == 1 {
			arm = g.Other
		}
		base := g.BaseMean + g.BaseSD*rng.NormFloat64()
		prev := 0.0
		dropped := false
		for v, visit := range g.Visits {
			y := g.BaseSlope*base + g.Intercept + g.Carry*prev + g.SD*rng.NormFloat64()
			if arm == g.Other {
				y -= g.Effect * float64(v+1)
			}
			prev = y
			if !dropped && v > 0 && rng.Float64() < g.Drop {
				dropped = true
				out = append(out, Dropout{Subject: id, Visit: visit})
			}
			if dropped {
				y = math.NaN()
			}
			d.Subject = append(d.Subject, id)
			d.Visit = append(d.Visit, visit)
			d.Arm = append(d.Arm, arm)
			d.Outcome = append(d.Outcome, y)
			d.Baseline = append(d.Baseline, base)
		}
	}
	return d, out
}

// Befriending is the trial of effect/mi's and plot's examples: 40
// participants, loneliness at 3, 6 and 12 months, befriending versus usual
// care, some leaving after 3 or 6 months.
func Befriending() (*mmrm.Data, []Dropout) {
	return Generate(Design{
		N: 40, Seed: [2]uint64{2026, 12}, ID: "P%02d", IDStart: 1,
		Reference: "usual care", Other: "befriending", Visits: []string{"3", "6", "12"},
		BaseMean: 6, BaseSD: 1.5, BaseSlope: 0.7, Intercept: 1.5, SD: 1,
		Effect: 0.4, Drop: 0.15,
	})
}
