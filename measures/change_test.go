package measures

import (
	"errors"
	"math"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/internal/golden"
)

// TestChangeGolden checks SEdiff, RCI and the cut-offs a, b, c against
// values written by gen.R from the formulas of Jacobson & Truax (1991).
func TestChangeGolden(t *testing.T) {
	for _, r := range golden.ReadCSV(t, filepath.Join(goldenDir, "change_golden.csv")) {
		g := func(name string) float64 { return r.Float(t, name) }
		hb, err := strconv.ParseBool(r.String(t, "higher_better"))
		if err != nil {
			t.Fatalf("%s: %v", r.Where(), err)
		}
		dir := effect.DirectionFor(hb)
		norms := Norms{Dysfunctional: Population{g("mdys"), g("sddys")}, Functional: Population{g("mfun"), g("sdfun")}}
		crit := &ChangeCriteria{SD: g("sd"), Reliability: g("r"), Direction: dir}
		ch, err := ReliableChange(g("pre"), g("post"), crit)
		if err != nil {
			t.Fatal(err)
		}
		if !same(ch.SEdiff, g("sediff")) || !same(ch.RCI, g("rci")) {
			t.Errorf("%v: SEdiff %v RCI %v, want %v %v", r, ch.SEdiff, ch.RCI, g("sediff"), g("rci"))
		}
		for _, c := range []struct {
			cut  Cutoff
			name string
		}{{CutoffA, "a"}, {CutoffB, "b"}, {CutoffC, "c"}} {
			v, err := norms.Cutoff(c.cut, dir)
			if err != nil || !same(v, g(c.name)) {
				t.Errorf("%v: cutoff %s = %v (%v), want %v", r, c.name, v, err, g(c.name))
			}
		}
	}
}

func TestClassifyChange(t *testing.T) {
	// Loneliness-like scale (higher = worse): SD 10, r = .9, SEdiff =
	// 10·sqrt(0.2) = 4.472, so |diff| > 8.765 is reliable; cut-off 45.
	lonely := &ChangeCriteria{SD: 10, Reliability: 0.9, Cutoff: 45, Direction: effect.LowerIsBetter}
	// Support-like scale (higher = better), same numbers, cut-off 45.
	support := &ChangeCriteria{SD: 10, Reliability: 0.9, Cutoff: 45, Direction: effect.HigherIsBetter}
	cases := []struct {
		c         *ChangeCriteria
		pre, post float64
		want      ChangeCategory
	}{
		{lonely, 60, 40, Recovered},     // −20, below cut-off
		{lonely, 60, 50, Improved},      // −10 reliable, still above 45
		{lonely, 60, 52, Unchanged},     // −8 not reliable
		{lonely, 60, 70, Deteriorated},  // +10
		{lonely, 54, 45, Improved},      // −9 reliable; 45 is not strictly past the cut-off
		{lonely, 53.8, 45, Improved},    // −8.8 is just reliable (> 8.765); 45 still not past
		{support, 30, 50, Recovered},    // +20 past 45
		{support, 30, 40, Improved},     // +10
		{support, 50, 40, Deteriorated}, // −10 is worse when higher is better
		{support, 40, 44, Unchanged},
	}
	for i, c := range cases {
		ch, err := ClassifyChange(c.pre, c.post, c.c)
		if err != nil {
			t.Fatal(err)
		}
		if ch.Category != c.want {
			t.Errorf("case %d (%v→%v): %v (RCI %.4f), want %v", i, c.pre, c.post, ch.Category, ch.RCI, c.want)
		}
	}
	// The critical value is a strict bound.
	ch, _ := ReliableChange(0, 1.959963984540054*math.Sqrt(2*(1-0.5)), &ChangeCriteria{SD: 1, Reliability: 0.5, Direction: effect.LowerIsBetter})
	if ch.Reliable {
		t.Errorf("|RCI| = critical counted as reliable (RCI %v)", ch.RCI)
	}
	// Level 0.90: the criterion is qnorm(0.95) = 1.644853626951472 (R).
	c90 := &ChangeCriteria{SD: 1, Reliability: 0.5, Direction: effect.LowerIsBetter, Level: 0.9}
	if ch, _ := ReliableChange(0, 1.6448536269514*math.Sqrt(2*(1-0.5)), c90); ch.Reliable {
		t.Errorf("Level 0.9: RCI %v just below 1.6449 counted as reliable", ch.RCI)
	}
	if ch, _ := ReliableChange(0, 1.6448536269515*math.Sqrt(2*(1-0.5)), c90); !ch.Reliable {
		t.Errorf("Level 0.9: RCI %v just above 1.6449 not reliable", ch.RCI)
	}
	if Recovered.String() != "recovered" || Unchanged.String() != "unchanged" || Improved.String() != "improved" || Deteriorated.String() != "deteriorated" {
		t.Error("category names")
	}
}

func TestChangeErrors(t *testing.T) {
	ok := ChangeCriteria{SD: 10, Reliability: 0.8, Cutoff: 20, Direction: effect.LowerIsBetter}
	bad := []ChangeCriteria{
		{SD: 0, Reliability: 0.8, Cutoff: 1}, {SD: -1, Reliability: 0.8}, {SD: math.NaN(), Reliability: 0.8},
		{SD: math.Inf(1), Reliability: 0.8}, {SD: 1, Reliability: 1}, {SD: 1, Reliability: -0.1},
		{SD: 1, Reliability: math.NaN()}, {SD: 1, Reliability: 0.5, Level: -1}, {SD: 1, Reliability: 0.5, Level: 1},
		{SD: 1, Reliability: 0.5, Cutoff: 1}, // no Direction
	}
	for i := range bad[:len(bad)-1] {
		bad[i].Direction = effect.LowerIsBetter
	}
	for i, c := range bad {
		if _, err := ClassifyChange(1, 2, &c); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("criteria %d: %v", i, err)
		}
	}
	if _, err := ClassifyChange(1, 2, nil); !errors.Is(err, ErrInvalidInput) {
		t.Error("nil criteria")
	}
	noCut := ok
	noCut.Cutoff = math.NaN()
	if _, err := ClassifyChange(1, 2, &noCut); !errors.Is(err, ErrInvalidInput) {
		t.Error("NaN cutoff accepted")
	}
	if _, err := ReliableChange(1, 2, &noCut); err != nil {
		t.Errorf("ReliableChange needs no cutoff: %v", err)
	}
	for _, p := range [][2]float64{{math.NaN(), 1}, {1, math.NaN()}, {math.Inf(1), 1}} {
		if _, err := ClassifyChange(p[0], p[1], &ok); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%v: %v", p, err)
		}
	}
	chs, errs, err := ClassifyChanges([]float64{30, math.NaN(), 30}, []float64{10, 10, 29}, &ok)
	if err != nil || len(chs) != 3 || errs[0] != nil || errs[1] == nil || errs[2] != nil || chs[0].Category != Recovered || chs[2].Category != Unchanged {
		t.Errorf("ClassifyChanges: %v %v %v", chs, errs, err)
	}
	// The bad pair is named counting from 1, in an *effect.FieldError
	// wrapping ErrInvalidInput.
	if fe := new(effect.FieldError); !errors.As(errs[1], &fe) || fe.Record != "pair 2" || fe.Field != "pre" || !errors.Is(errs[1], ErrInvalidInput) {
		t.Errorf("pair error %v", errs[1])
	}
	if _, _, err := ClassifyChanges([]float64{1}, nil, &ok); !errors.Is(err, ErrInvalidInput) {
		t.Error("length mismatch")
	}
	for _, n := range []Norms{{}, {Dysfunctional: Population{1, 0}}, {Dysfunctional: Population{math.NaN(), 1}}} {
		if _, err := n.Cutoff(CutoffA, effect.HigherIsBetter); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("norms %v: %v", n, err)
		}
	}
	if _, err := (Norms{Dysfunctional: Population{1, 1}}).Cutoff(CutoffC, effect.HigherIsBetter); !errors.Is(err, ErrInvalidInput) {
		t.Error("cut-off c without functional norms")
	}
	if _, err := (Norms{Dysfunctional: Population{1, 1}}).Cutoff(Cutoff(7), effect.HigherIsBetter); !errors.Is(err, ErrInvalidInput) {
		t.Error("unknown cut-off")
	}
	if _, err := (Norms{Dysfunctional: Population{1, 1}}).Cutoff(CutoffA, effect.UnknownDirection); !errors.Is(err, ErrInvalidInput) {
		t.Error("unknown direction")
	}
}
