package plot_test

import (
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"

	"gonum.org/v1/plot/vg"

	"github.com/tiesproject/ties/internal/exampledata"
	"github.com/tiesproject/ties/measures/network"
	"github.com/tiesproject/ties/plot"
)

// The figure of one participant of the bundled example trial, found by ID
// in the baseline and 12-month name-generator data.
func ExampleEgoNetworkOf() {
	c := exampledata.DefaultConfig()
	tr, err := exampledata.Generate(c)
	if err != nil {
		log.Fatal(err)
	}
	nets, err := exampledata.GenerateNetworks(tr, c)
	if err != nil {
		log.Fatal(err)
	}
	d, err := plot.EgoNetworkOf("P051", []string{"Baseline", "12 months"}, nets.Data, nil)
	if err != nil {
		log.Fatal(err)
	}
	fig, err := plot.EgoNetwork(d, &plot.EgoNetworkOptions{Title: "Participant " + d.Ego})
	if err != nil {
		log.Fatal(err)
	}
	_, err = fig.Layout(8.5*vg.Centimeter, 8*vg.Centimeter)
	fmt.Println(len(d.Panels), "panels; fits at 8.5 × 8 cm:", err == nil)
	// Output:
	// 2 panels; fits at 8.5 × 8 cm: true
}

// One participant's personal network at baseline and 12 months, typed in
// by hand: the circles' meaning is data, and the figure holds in a single
// journal column.
func ExampleEgoNetwork() {
	d := plot.EgoNetworkData{
		Ego:   "P012",
		Roles: []string{"partner", "family", "friend", "professional"},
		Circles: []plot.Circle{
			{Name: "inner", Meaning: "so close that it is hard to imagine life without them"},
			{Name: "middle", Meaning: "not quite that close but still important"},
			{Name: "outer", Meaning: "close enough to be important"},
		},
		Panels: []plot.EgoPanel{
			{Title: "Baseline",
				Alters: []plot.EgoAlter{{ID: "a1", Role: 0, Circle: 0}, {ID: "a2", Role: 1, Circle: 1}, {ID: "a3", Role: 3, Circle: 2}},
				Ties:   [][2]int{{0, 1}}},
			{Title: "12 months",
				Alters: []plot.EgoAlter{{ID: "a1", Role: 0, Circle: 0}, {ID: "a2", Role: 1, Circle: 1}, {ID: "a4", Role: 2, Circle: 1}, {ID: "a5", Role: -1, Circle: 2}},
				Ties:   [][2]int{{0, 1}, {1, 2}}},
		},
	}
	fig, err := plot.EgoNetwork(d, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, k := range fig.Key {
		fmt.Println("key:", k.Label)
	}
	fmt.Println(fig.Notes[0])
	l, err := fig.Layout(8.5*vg.Centimeter, 8*vg.Centimeter)
	fmt.Printf("8.5 × 8 cm: text %.1f pt, error %v\n", l.FontSize, err)
	// Output:
	// key: Ego
	// key: partner
	// key: family
	// key: friend
	// key: professional
	// key: role not recorded
	// key: know each other
	// Circles, from the centre: inner (so close that it is hard to imagine life without them); middle (not quite that close but still important); outer (close enough to be important).
	// 8.5 × 8 cm: text 9.0 pt, error <nil>
}

// The ego network of participant P051 of the bundled example trial, from
// the simulated name-generator interviews at baseline and 12 months.
func ExampleEgoNetworkFrom() {
	c := exampledata.DefaultConfig()
	tr, err := exampledata.Generate(c)
	if err != nil {
		log.Fatal(err)
	}
	nets, err := exampledata.GenerateNetworks(tr, c)
	if err != nil {
		log.Fatal(err)
	}
	var egos []*network.Ego
	for _, d := range nets.Data {
		for i := range d.Egos {
			if d.Egos[i].ID == "P051" {
				egos = append(egos, &d.Egos[i])
			}
		}
	}
	cb := nets.Data[0].Codebook
	d, err := plot.EgoNetworkFrom(&cb, []string{"Baseline", "12 months"}, egos, &plot.EgoNetworkSource{
		Meanings: []string{"hard to imagine life without", "very important", "important"},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range d.Panels {
		fmt.Printf("%s: %d alters, %d ties\n", p.Title, len(p.Alters), len(p.Ties))
	}
	fig, err := plot.EgoNetwork(d, nil)
	if err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "egonet")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	fmt.Println(fig.Save(filepath.Join(dir, "P051.png"), 8.5*vg.Centimeter, 8*vg.Centimeter))
	// Output:
	// Baseline: 9 alters, 11 ties
	// 12 months: 10 alters, 15 ties
	// <nil>
}

// The arms' mean network size over visits is a trajectory: network sizes
// from measures/network, as long-format observations, into
// plot.TrajectoryLong. It holds in a single column.
func Example_networkSize() {
	obs, err := networkSizes()
	if err != nil {
		log.Fatal(err)
	}
	fig, err := plot.TrajectoryLong(obs, &plot.TrajectoryOptions{
		Outcome:     "Network size (people named, up to 10)",
		Direction:   "higher = larger network",
		VisitLabels: map[float64]string{0: "Baseline"},
		ArmOrder:    []string{exampledata.Intervention},
	})
	if err != nil {
		log.Fatal(err)
	}
	l, err := fig.Layout(8.5*vg.Centimeter, 7*vg.Centimeter)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("8.5 × 7 cm: panel at least half the height:", l.Panel.Size().Y >= l.Height/2)
	fmt.Println("overlapping texts:", len(l.Overlaps(0.5)))
	// Output:
	// 8.5 × 7 cm: panel at least half the height: true
	// overlapping texts: 0
}

// networkSizes are the sizes of the example trial's name-generator
// networks (measures/network's Structure.Size) as long-format
// observations at months 0 and 12; an interview with invalid rows has no
// size (NaN), not a size of 0.
func networkSizes() ([]plot.Observation, error) {
	c := exampledata.DefaultConfig()
	tr, err := exampledata.Generate(c)
	if err != nil {
		return nil, err
	}
	nets, err := exampledata.GenerateNetworks(tr, c)
	if err != nil {
		return nil, err
	}
	arm := map[string]string{}
	for _, p := range tr.Participants {
		arm[p.ID] = p.Arm
	}
	var obs []plot.Observation
	for i, month := range nets.Months {
		res, err := network.Describe(nets.Data[i], nil)
		if err != nil {
			return nil, err
		}
		for _, r := range res {
			size := math.NaN()
			if r.Err == nil {
				size = float64(r.Structure.Size)
			}
			obs = append(obs, plot.Observation{Arm: arm[r.Ego], ID: r.Ego, Time: float64(month), Value: size})
		}
	}
	return obs, nil
}
