package plot_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/internal/exampledata"
	"github.com/tiesproject/ties/internal/golden"
	"github.com/tiesproject/ties/measures/network"
	"github.com/tiesproject/ties/plot"
)

// circleMeanings are the usual wording of the hierarchical mapping
// technique's circles (Antonucci 1986), long enough to wrap at 8.5 cm.
var circleMeanings = []string{
	"people so close that it is hard to imagine life without them",
	"people not quite that close but still very important",
	"people close enough to be important but not yet named",
}

// exampleEgo returns participant P051 of the bundled example trial at
// baseline and 12 months (9 and 10 alters, many ties).
func exampleEgo(t testing.TB) (network.Codebook, []*network.Ego) {
	t.Helper()
	c := exampledata.DefaultConfig()
	tr, err := exampledata.Generate(c)
	if err != nil {
		t.Fatal(err)
	}
	nets, err := exampledata.GenerateNetworks(tr, c)
	if err != nil {
		t.Fatal(err)
	}
	var egos []*network.Ego
	for _, d := range nets.Data {
		for i := range d.Egos {
			if d.Egos[i].ID == "P051" {
				egos = append(egos, &d.Egos[i])
			}
		}
	}
	if len(egos) != 2 {
		t.Fatalf("P051 has %d interviews, want 2", len(egos))
	}
	return nets.Data[0].Codebook, egos
}

func exampleEgoData(t testing.TB, titles ...string) plot.EgoNetworkData {
	t.Helper()
	cb, egos := exampleEgo(t)
	if len(titles) == 0 {
		titles = []string{"Baseline", "12 months"}
	}
	d, err := plot.EgoNetworkFrom(&cb, titles, egos, &plot.EgoNetworkSource{Meanings: circleMeanings})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// egoCases are the ego-network figures checked at each width: the
// example participant, and the same with long panel titles, a missing
// role, a long role label and an alter not placed on a circle.
func egoCases(t testing.TB) []figureCase {
	long := func() (*plot.Figure, error) {
		d := exampleEgoData(t, "Baseline interview before randomization", "Twelve months after randomization (end of befriending)")
		d.Panels[0].Alters[0].Role = -1
		d.Panels[1].Alters[1].Circle = -1
		// A role spelled out as a codebook may spell it (the key wraps it).
		d.Panels[1].Alters[2].Role = len(d.Roles) - 1
		d.Roles[len(d.Roles)-1] = longRole
		return plot.EgoNetwork(d, &plot.EgoNetworkOptions{Title: "Participant P051: personal network"})
	}
	h := func(w float64) float64 { return map[float64]float64{8.5: 8, 12: 8.5, 17: 9.5}[w] }
	return []figureCase{
		{name: "egonet", minW: 0.75, minH: 0.4, height: h,
			build: func() (*plot.Figure, error) { return plot.EgoNetwork(exampleEgoData(t), nil) }},
		{name: "egonet_long", minW: 0.75, minH: 0.4, height: h, build: long},
		// The arms' mean network size over visits is a trajectory.
		{name: "egonet_size", minW: 0.5, minH: 0.5, height: trajectoryHeight,
			build: func() (*plot.Figure, error) {
				obs, err := networkSizes()
				if err != nil {
					return nil, err
				}
				return plot.TrajectoryLong(obs, &plot.TrajectoryOptions{
					Outcome: "Network size (people named in the name generator, up to 10)", Direction: "higher = larger network",
					VisitLabels: map[float64]string{0: "Baseline"}, ArmOrder: []string{exampledata.Intervention},
				})
			}},
	}
}

// TestEgoNetworkLayout: at 8.5, 12 and 17 cm the panel keeps its share,
// no text overlaps other text, text stays on the page and in its panel,
// and the maps' markers sit inside the panel and apart (the internal test
// checks positions).
func TestEgoNetworkLayout(t *testing.T) {
	checkLayouts(t, egoCases(t))
}

// checkLayouts lays out each case at each width and checks the panel's
// share, the font floor, overlaps and that text stays on the page.
func checkLayouts(t *testing.T, cases []figureCase) {
	t.Helper()
	for _, fc := range cases {
		for _, w := range widths {
			h := fc.height(w)
			fig, err := fc.build()
			if err != nil {
				t.Fatalf("%s: %v", fc.name, err)
			}
			l, err := fig.Layout(vg.Length(w)*cm, vg.Length(h)*cm)
			if err != nil {
				t.Errorf("%s at %.1f × %.1f cm: %v", fc.name, w, h, err)
				continue
			}
			sw := float64(l.Panel.Size().X / l.Width)
			sh := float64(l.Panel.Size().Y / l.Height)
			t.Logf("%-16s %4.1f × %4.1f cm: panel %3.0f%% of width, %3.0f%% of height, text %.1f pt, %d shortened",
				fc.name, w, h, 100*sw, 100*sh, l.FontSize, len(l.Shortened))
			checkPanel(t, fmt.Sprintf("%s at %.1f cm", fc.name, w), l, fc.minW, fc.minH)
		}
	}
}

// TestEgoNetworkTooSmall: a figure that cannot keep its maps is an error
// naming the element and the smallest size that works.
func TestEgoNetworkTooSmall(t *testing.T) {
	fig, err := plot.EgoNetwork(exampleEgoData(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = fig.WriterTo(8.5*cm, 3*cm, "svg")
	if !errors.Is(err, plot.ErrTooSmall) {
		t.Fatalf("8.5 × 3 cm: err = %v, want ErrTooSmall", err)
	}
	var fe *effect.FieldError
	if !errors.As(err, &fe) || fe.Field == "" {
		t.Fatalf("error %v is not a FieldError naming the element", err)
	}
	t.Log(err)
}

func TestEgoNetworkErrors(t *testing.T) {
	good := func() plot.EgoNetworkData { return exampleEgoData(t) }
	cases := []struct {
		name string
		edit func(*plot.EgoNetworkData)
	}{
		{"no panels", func(d *plot.EgoNetworkData) { d.Panels = nil }},
		{"no circles", func(d *plot.EgoNetworkData) { d.Circles = nil }},
		{"empty circle", func(d *plot.EgoNetworkData) { d.Circles[1].Name = " " }},
		{"empty role", func(d *plot.EgoNetworkData) { d.Roles[2] = "" }},
		{"too many roles", func(d *plot.EgoNetworkData) { d.Roles = append(d.Roles, "a", "b") }},
		{"role index", func(d *plot.EgoNetworkData) { d.Panels[1].Alters[2].Role = 7 }},
		{"circle index", func(d *plot.EgoNetworkData) { d.Panels[0].Alters[0].Circle = -2 }},
		{"tie index", func(d *plot.EgoNetworkData) { d.Panels[0].Ties[0][1] = 99 }},
		{"self-loop", func(d *plot.EgoNetworkData) { d.Panels[0].Ties[0][1] = d.Panels[0].Ties[0][0] }},
		{"reversed duplicate", func(d *plot.EgoNetworkData) {
			t0 := d.Panels[0].Ties[0]
			d.Panels[0].Ties = append(d.Panels[0].Ties, [2]int{t0[1], t0[0]})
		}},
		{"duplicate alter", func(d *plot.EgoNetworkData) { d.Panels[0].Alters[1].ID = d.Panels[0].Alters[0].ID }},
	}
	for _, c := range cases {
		d := good()
		c.edit(&d)
		_, err := plot.EgoNetwork(d, nil)
		var fe *effect.FieldError
		if !errors.Is(err, plot.ErrInvalidInput) || !errors.As(err, &fe) {
			t.Errorf("%s: err = %v, want a FieldError wrapping ErrInvalidInput", c.name, err)
			continue
		}
		t.Logf("%s: %v", c.name, err)
	}
}

func TestEgoNetworkFromErrors(t *testing.T) {
	cb, egos := exampleEgo(t)
	titles := []string{"Baseline", "12 months"}
	other := *egos[1]
	other.ID = "P999"
	bad := *egos[0]
	bad.Ties = append([]network.Tie(nil), bad.Ties...)
	bad.Ties = append(bad.Ties, network.Tie{A: 0, B: 0})
	numeric := &plot.EgoNetworkSource{Role: "freq"}
	cases := []struct {
		name   string
		cb     *network.Codebook
		titles []string
		egos   []*network.Ego
		src    *plot.EgoNetworkSource
		is     error
	}{
		{"no codebook", nil, titles, egos, nil, plot.ErrInvalidInput},
		{"no egos", &cb, nil, nil, nil, plot.ErrInvalidInput},
		{"titles", &cb, titles[:1], egos, nil, plot.ErrInvalidInput},
		{"unknown attribute", &cb, titles, egos, &plot.EgoNetworkSource{Circle: "ring"}, plot.ErrInvalidInput},
		{"numeric attribute", &cb, titles, egos, numeric, plot.ErrInvalidInput},
		{"meanings", &cb, titles, egos, &plot.EgoNetworkSource{Meanings: []string{"close"}}, plot.ErrInvalidInput},
		{"two egos", &cb, titles, []*network.Ego{egos[0], &other}, nil, plot.ErrInvalidInput},
		{"nil ego", &cb, titles, []*network.Ego{egos[0], nil}, nil, plot.ErrInvalidInput},
		{"self-loop", &cb, titles, []*network.Ego{&bad, egos[1]}, nil, network.ErrInvalidInput},
	}
	for _, c := range cases {
		_, err := plot.EgoNetworkFrom(c.cb, c.titles, c.egos, c.src)
		if !errors.Is(err, c.is) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.is)
			continue
		}
		t.Logf("%s: %v", c.name, err)
	}
}

// TestEgoNetworkGallery writes plot/testdata/gallery/egonet_*.png with
// -update (the 12 cm versions go to the temporary directory, to be looked
// at).
func TestEgoNetworkGallery(t *testing.T) {
	writeGallery(t, egoCases(t))
}

func writeGallery(t *testing.T, cases []figureCase) {
	t.Helper()
	if !*golden.Update {
		t.Skip("run with -update to rewrite the gallery")
	}
	dir := filepath.Join("testdata", "gallery")
	tmp := filepath.Join(os.TempDir(), "ties-plot-gallery")
	for _, d := range []string{dir, tmp} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, fc := range cases {
		for _, w := range widths {
			fig, err := fc.build()
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(dir, fmt.Sprintf("%s_%gcm.png", fc.name, w))
			if w == 12 {
				name = filepath.Join(tmp, fmt.Sprintf("%s_%gcm.png", fc.name, w))
			}
			fig.DPI = 150
			if err := fig.Save(name, vg.Length(w)*cm, vg.Length(fc.height(w))*cm); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
}

func TestEgoNetworkOf(t *testing.T) {
	c := exampledata.DefaultConfig()
	tr, err := exampledata.Generate(c)
	if err != nil {
		t.Fatal(err)
	}
	nets, err := exampledata.GenerateNetworks(tr, c)
	if err != nil {
		t.Fatal(err)
	}
	titles := []string{"Baseline", "12 months"}
	// A participant seen at baseline only gets one panel.
	later := map[string]bool{}
	for _, e := range nets.Data[1].Egos {
		later[e.ID] = true
	}
	var once string
	for _, e := range nets.Data[0].Egos {
		if !later[e.ID] {
			once = e.ID
			break
		}
	}
	d, err := plot.EgoNetworkOf(once, titles, nets.Data, nil)
	if err != nil || len(d.Panels) != 1 || d.Panels[0].Title != "Baseline" {
		t.Errorf("%s: %d panels, err %v; want the baseline panel only", once, len(d.Panels), err)
	}
	// Rejected rows, unknown IDs and mismatched titles are errors.
	bad := *nets.Data[0]
	bad.Errs = make([]error, len(bad.Egos))
	bad.Errs[0] = errors.New("line 7: tie to an alter not named")
	if _, err := plot.EgoNetworkOf(bad.Egos[0].ID, titles, []*network.Data{&bad, nets.Data[1]}, nil); err == nil {
		t.Error("rejected rows: no error")
	}
	for name, call := range map[string]func() error{
		"unknown id": func() error { _, err := plot.EgoNetworkOf("nobody", titles, nets.Data, nil); return err },
		"titles":     func() error { _, err := plot.EgoNetworkOf("P051", titles[:1], nets.Data, nil); return err },
		"no data":    func() error { _, err := plot.EgoNetworkOf("P051", nil, nil, nil); return err },
		"nil data":   func() error { _, err := plot.EgoNetworkOf("P051", titles, []*network.Data{nil, nil}, nil); return err },
	} {
		if err := call(); !errors.Is(err, plot.ErrInvalidInput) {
			t.Errorf("%s: err = %v, want ErrInvalidInput", name, err)
		}
	}
}
