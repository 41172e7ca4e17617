package plot_test

import (
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/tiesproject/ties/plot"
)

// FuzzEgoNetwork builds ego networks from arbitrary bytes (indices out of
// range, self-loops, repeated ties, missing roles and circles, empty
// names): EgoNetwork returns an error or a figure that lays out, and
// never panics.
func FuzzEgoNetwork(f *testing.F) {
	f.Add([]byte{3, 2, 4, 0, 0, 1, 1, 2, 2, 0, 1, 1, 2})
	f.Add([]byte{7, 3, 30, 255, 255, 0, 0, 0, 0})
	f.Add([]byte{1, 1, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		next := func() int {
			if len(b) == 0 {
				return 0
			}
			v := int(b[0])
			b = b[1:]
			return v
		}
		d := plot.EgoNetworkData{Ego: "E"}
		for range next() % 9 {
			d.Roles = append(d.Roles, "role")
		}
		for range next() % 5 {
			d.Circles = append(d.Circles, plot.Circle{Name: "c"})
		}
		for range 1 + next()%3 {
			p := plot.EgoPanel{Title: "visit"}
			n := next() % 40
			for j := range n {
				p.Alters = append(p.Alters, plot.EgoAlter{ID: string(rune('a' + j)), Role: next()%9 - 1, Circle: next()%5 - 1})
			}
			for range next() % 20 {
				p.Ties = append(p.Ties, [2]int{next()%41 - 1, next()%41 - 1})
			}
			d.Panels = append(d.Panels, p)
		}
		fig, err := plot.EgoNetwork(d, nil)
		if err != nil {
			return
		}
		_, _ = fig.Layout(8.5*vg.Centimeter, 8*vg.Centimeter)
	})
}
