package plot_test

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"testing"
	"time"

	"gonum.org/v1/plot/vg"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/mmat"
	"github.com/tiesproject/ties/plot"
)

// floats reads data as little-endian float64s, so that fuzzing reaches
// NaN, ±Inf, subnormals and huge values.
type floats struct{ b []byte }

func (f *floats) next() float64 {
	if len(f.b) < 8 {
		if len(f.b) == 0 {
			return 0
		}
		v := float64(int8(f.b[0]))
		f.b = f.b[1:]
		return v
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(f.b))
	f.b = f.b[8:]
	return v
}

func (f *floats) small() int {
	if len(f.b) == 0 {
		return 0
	}
	v := int(int8(f.b[0]))
	f.b = f.b[1:]
	return v
}

func seed(vals ...float64) []byte {
	b := make([]byte, 8*len(vals))
	for i, v := range vals {
		binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(v))
	}
	return b
}

// within fails the test if fn does not return in 5 s.
func within(t *testing.T, fn func()) {
	t.Helper()
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		fn()
	}()
	select {
	case p := <-done:
		if p != nil {
			t.Fatalf("panic: %v", p)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("did not finish in 5 s")
	}
}

// render checks the contract of every constructor: an error wraps
// ErrInvalidInput and comes without a figure; a figure renders.
func render(t *testing.T, fig *plot.Figure, err error) {
	t.Helper()
	if err != nil {
		if fig != nil {
			t.Fatalf("figure with error %v", err)
		}
		if !errors.Is(err, plot.ErrInvalidInput) {
			t.Fatalf("error %v does not wrap ErrInvalidInput", err)
		}
		return
	}
	// Rendering must finish without panicking: a hang (an endless tick
	// loop, say) or a panic in gonum/plot fails.
	var rerr error
	within(t, func() {
		wt, err := fig.WriterTo(10*vg.Centimeter, 8*vg.Centimeter, "svg")
		if err == nil {
			_, err = wt.WriteTo(io.Discard)
		}
		rerr = err
	})
	// A figure that cannot fit its size says so (ErrTooSmall, naming the
	// element); any other error is a failure.
	if rerr != nil && !errors.Is(rerr, plot.ErrTooSmall) {
		t.Fatal(rerr)
	}
}

func FuzzTrajectory(f *testing.F) {
	f.Add(seed(0, 6.9, 1.6, 60, 3, 5.9, 1.7, 55, 0, 7, 1.5, 58, 3, math.NaN(), 0, 0))
	f.Add(seed(0, 1, 0, 1, 1e300, -1e300, 1e300, 2, 0, 1, 1, 3, 1e-300, 2, 1, 3))
	f.Add(seed(0, 1, -1, 1, 0, math.Inf(1), 1, 2, 0, 1, 1, 3, 0, 2, 1, 3))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := &floats{data}
		arms := make([]plot.Arm, 2)
		for a := range arms {
			arms[a].Name = string(rune('A' + a))
			for v := 0; v < 2; v++ {
				vis := plot.Visit{Time: in.next(), Mean: in.next(), SD: in.next()}
				vis.N = int(math.Mod(math.Abs(in.next()), 1000))
				arms[a].Visits = append(arms[a].Visits, vis)
			}
		}
		if n := in.small(); n > 0 {
			arms[0].Visits[0].CI = effect.Interval{Lower: in.next(), Upper: in.next(), Level: in.next()}
		}
		dodge := math.Abs(in.next())
		var fig *plot.Figure
		var err error
		within(t, func() { fig, err = plot.Trajectory(arms, &plot.TrajectoryOptions{Dodge: dodge}) })
		render(t, fig, err)
	})
}

func FuzzTrajectoryLong(f *testing.F) {
	f.Add(seed(0, 5, 3, 6, 0, 7, 3, math.NaN(), 0, 4, 12, 3), []byte{0, 0, 1, 1, 2, 3})
	f.Fuzz(func(t *testing.T, data []byte, ids []byte) {
		in := &floats{data}
		var obs []plot.Observation
		for i := 0; len(in.b) > 0 && i < 24; i++ {
			o := plot.Observation{Time: in.next(), Value: in.next(), Arm: "A"}
			if i < len(ids) {
				o.ID = string(rune('a' + ids[i]%8))
				if ids[i]&0x80 != 0 {
					o.Arm = "B"
				}
			}
			obs = append(obs, o)
		}
		fig, err := plot.TrajectoryLong(obs, nil)
		render(t, fig, err)
	})
}

func FuzzForest(f *testing.F) {
	f.Add(seed(-0.3, -0.6, 0.06, 10, 0.1, -0.2, 0.4, 5, -0.2, -0.4, 0, 0.95, -0.5, 0.1), uint8(0))
	f.Add(seed(1e300, -1e300, 1e300, 1e300, 0, 0, 0, 0, 0, 0, 0, 0.95, 0, 0), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		in := &floats{data}
		d := plot.ForestData{Measure: effect.MeasureG}
		if kind&1 != 0 {
			d.Measure = effect.MeasureLogOR
		}
		for i := 0; i < 2; i++ {
			d.Studies = append(d.Studies, plot.ForestStudy{Label: "s", Estimate: in.next(),
				CI: effect.Interval{Lower: in.next(), Upper: in.next(), Level: 0.95}, Weight: in.next()})
		}
		pl := plot.ForestPooled{Label: "p", Estimate: in.next(), CI: effect.Interval{Lower: in.next(), Upper: in.next(), Level: in.next()}}
		if kind&2 != 0 {
			pl.Prediction = effect.Interval{Lower: in.next(), Upper: in.next(), Level: 0.95}
		}
		d.Pooled = []plot.ForestPooled{pl}
		fig, err := plot.Forest(d, &plot.ForestOptions{Direction: effect.Direction(kind >> 6)})
		render(t, fig, err)
	})
}

func FuzzFunnel(f *testing.F) {
	f.Add(seed(-0.3, 0.19, 0.1, 0.2, 0.5, 0.3, -0.1), uint8(4))
	f.Add(seed(1e300, 1e-300, -1e300, 1e300, 0, 1, 0), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, filled uint8) {
		in := &floats{data}
		var d plot.FunnelData
		for i := 0; i < 3; i++ {
			d.Studies = append(d.Studies, plot.FunnelStudy{Estimate: in.next(), SE: in.next(), Filled: filled&(1<<i) != 0})
		}
		if filled&0x80 != 0 {
			c := in.next()
			d.Center = &c
		}
		fig, err := plot.Funnel(d, nil)
		render(t, fig, err)
	})
}

func FuzzAppraisal(f *testing.F) {
	f.Add(uint8(3), uint8(4), []byte{1, 2, 3, 0, 1, 1, 2, 2, 3, 3, 0, 1}, []byte{1, 1, 0, 1})
	f.Add(uint8(1), uint8(1), []byte{9}, []byte{})
	f.Fuzz(func(t *testing.T, ns, nc uint8, answers, applies []byte) {
		n, m := int(ns%12), int(nc%12)
		g := mmat.Grid{}
		for i := 0; i < n; i++ {
			g.Studies = append(g.Studies, fmt.Sprint("Study ", i))
		}
		for j := 0; j < m; j++ {
			g.Criteria = append(g.Criteria, mmat.Criterion{ID: fmt.Sprint("C", j)})
		}
		k := 0
		for i := 0; i < n; i++ {
			var row []mmat.Answer
			var app []bool
			for j := 0; j < m && k < len(answers); j++ {
				row = append(row, mmat.Answer(int8(answers[k])))
				app = append(app, k >= len(applies) || applies[k]&1 == 1)
				k++
			}
			g.Answers = append(g.Answers, row)
			g.Applies = append(g.Applies, app)
		}
		fig, err := plot.TrafficLight(g, nil)
		render(t, fig, err)
		fig, err = plot.AppraisalSummary(g, nil)
		render(t, fig, err)
	})
}

// FuzzForestLabels: any study and pooled labels at any of the journal
// widths lay out without panicking, keep the data panel's third of the
// width and let no text run into other text, or return ErrTooSmall.
func FuzzForestLabels(f *testing.F) {
	f.Add("Cattan, White, Bond and Learmouth 2005: telephone befriending for older adults", "Random effects (REML, Hartung–Knapp)", uint8(0), uint8(10))
	f.Add("Author et al. 2001", "Fixed effect", uint8(1), uint8(8))
	f.Add("x", "Subtotal (REML)", uint8(2), uint8(20))
	f.Fuzz(func(t *testing.T, study, pooled string, width, height uint8) {
		d := forestData()
		d.Studies[0].Label = study
		d.Pooled[0].Label = pooled
		fig, err := plot.Forest(d, nil)
		if err != nil {
			if !errors.Is(err, plot.ErrInvalidInput) {
				t.Fatal(err)
			}
			return
		}
		w := []vg.Length{8.5, 12, 17}[width%3] * vg.Centimeter
		h := vg.Length(4+height%20) * vg.Centimeter
		within(t, func() {
			l, err := fig.Layout(w, h)
			if errors.Is(err, plot.ErrTooSmall) {
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if l.Panel.Size().X < w/3-0.5 {
				t.Fatalf("panel %v of %v", l.Panel.Size().X, w)
			}
			if o := l.Overlaps(0.5); len(o) > 0 {
				t.Fatalf("%q overlaps %q", o[0][0].Text, o[0][1].Text)
			}
		})
	})
}
