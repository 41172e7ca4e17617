package plot

import (
	"math"
	"testing"
)

// TestMeanSegments: a missing visit (NaN mean) or a visit time the arm
// lacks breaks the line; nothing is drawn at zero.
func TestMeanSegments(t *testing.T) {
	pts := []visitPoint{
		{t: 0, mean: 7, observed: true}, {t: 3, mean: 6, observed: true},
		{t: 6, mean: math.NaN()}, {t: 12, mean: 5, observed: true}, {t: 18, mean: 5.5, observed: true},
	}
	segs := meanSegments(pts, []float64{0, 3, 6, 9, 12, 18}, 0.1)
	if len(segs) != 2 || len(segs[0]) != 2 || len(segs[1]) != 2 {
		t.Fatalf("segments %v, want [0 3] and [12 18]", segs)
	}
	if segs[0][0].X != 0.1 || segs[1][0].X != 12.1 || segs[1][1].Y != 5.5 {
		t.Errorf("segments %v", segs)
	}
	for _, s := range segs {
		for _, p := range s {
			if p.Y == 0 {
				t.Errorf("point drawn at zero: %v", segs)
			}
		}
	}
	// A time only other arms have also breaks the line.
	if segs := meanSegments(pts[:2], []float64{0, 1, 3}, 0); len(segs) != 0 {
		t.Errorf("segments across a missing scheduled visit: %v", segs)
	}
}

func TestRoundShares(t *testing.T) {
	for _, c := range []struct {
		p    []float64
		want []string
	}{
		{[]float64{0.875, 0.125}, []string{"88%", "12%"}},
		{[]float64{0.75, 0.125, 0.125}, []string{"75%", "12.5%", "12.5%"}},    // equal shares print equal
		{[]float64{1.0 / 3, 1.0 / 3, 1.0 / 3}, []string{"34%", "33%", "33%"}}, // no precision prints thirds equal and adds up
		{[]float64{4.0 / 6, 1.0 / 6, 1.0 / 6}, []string{"67%", "17%", "16%"}},
		{[]float64{4.0 / 7, 2.0 / 7, 1.0 / 7}, []string{"57%", "29%", "14%"}},
		{[]float64{1}, []string{"100%"}},
	} {
		sh := make([]share, len(c.p))
		for i, p := range c.p {
			sh[i].p = p
		}
		roundShares(sh)
		sum := 0
		for i := range sh {
			sum += sh[i].tenth
			if sh[i].label() != c.want[i] {
				t.Errorf("%v: share %d = %s, want %s", c.p, i, sh[i].label(), c.want[i])
			}
		}
		if sum != 1000 {
			t.Errorf("%v: shares add up to %d tenths", c.p, sum)
		}
	}
}

func TestNiceTicks(t *testing.T) {
	labels := func(lo, hi float64) []string {
		var out []string
		for _, tk := range (niceTicks{}).Ticks(lo, hi) {
			if tk.Label != "" {
				out = append(out, tk.Label)
			}
		}
		return out
	}
	for _, c := range []struct {
		lo, hi float64
		want   string
	}{
		{-1.4, 0.6, "−1.0 −0.5 0.0 0.5"},
		{0, 0.39, "0.0 0.1 0.2 0.3"},
		{2.8, 9.2, "4 6 8"},
		{0, 1, "0.0 0.2 0.4 0.6 0.8 1.0"},
		{-1e308, 1e308, "-1e+308 1e+308"}, // infinite span: the ends only
		{1e17, 1e17 + 16, "1e+17 1e+17"},  // step lost in rounding
		{5, 5, "5 5"},
	} {
		got := labels(c.lo, c.hi)
		if s := join(got); s != c.want {
			t.Errorf("ticks(%v, %v) = %q, want %q", c.lo, c.hi, s, c.want)
		}
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

func TestNum(t *testing.T) {
	for _, c := range []struct {
		x    float64
		dec  int
		want string
	}{{-0.314, 2, "−0.31"}, {-0.001, 2, "0.00"}, {0.5, 1, "0.5"}, {-12, 0, "−12"}} {
		if got := num(c.x, c.dec); got != c.want {
			t.Errorf("num(%v, %d) = %q, want %q", c.x, c.dec, got, c.want)
		}
	}
}
