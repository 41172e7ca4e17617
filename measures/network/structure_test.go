package network

import (
	"errors"
	"math"
	"strconv"
	"testing"
)

func egoN(n int, ties ...[2]int) *Ego {
	e := &Ego{ID: "E"}
	for i := 0; i < n; i++ {
		e.Alters = append(e.Alters, Alter{ID: strconv.Itoa(i)})
	}
	for _, t := range ties {
		e.Ties = append(e.Ties, Tie{A: t[0], B: t[1], Weight: 1})
	}
	return e
}

func complete(n int) *Ego {
	e := egoN(n)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			e.Ties = append(e.Ties, Tie{A: i, B: j, Weight: 1})
		}
	}
	return e
}

func approx(t *testing.T, what string, got, want float64) {
	t.Helper()
	close(t, what, got, want)
}

// The worked cases of the literature: a path of three alters, a star and
// complete alter graphs.
func TestStructureClosedForms(t *testing.T) {
	s, err := Structural(egoN(3, [2]int{0, 1}, [2]int{1, 2}))
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "path density", s.Density, 2.0/3)
	approx(t, "path density with ego", s.DensityWithEgo, 5.0/6)
	approx(t, "path effective size", s.EffectiveSize, 5.0/3)
	approx(t, "path efficiency", s.Efficiency, 5.0/9)
	approx(t, "path constraint", s.Constraint, 68.0/81)
	if s.Components != 1 || s.Isolates != 0 || s.LargestComponent != 3 {
		t.Errorf("path components %d isolates %d largest %d", s.Components, s.Isolates, s.LargestComponent)
	}
	for n := 1; n <= 70; n++ { // 70 crosses a 64-bit word
		star, _ := Structural(egoN(n))
		approx(t, "star constraint", star.Constraint, 1/float64(n))
		approx(t, "star effective size", star.EffectiveSize, float64(n))
		approx(t, "star efficiency", star.Efficiency, 1)
		if star.Components != n || star.Isolates != n || star.LargestComponent != 1 {
			t.Errorf("star %d: components %d isolates %d", n, star.Components, star.Isolates)
		}
		k, _ := Structural(complete(n))
		fn := float64(n)
		approx(t, "K_n constraint", k.Constraint, (2*fn-1)*(2*fn-1)/(fn*fn*fn))
		approx(t, "K_n effective size", k.EffectiveSize, 1)
		approx(t, "K_n density with ego", k.DensityWithEgo, 1)
		if n >= 2 {
			approx(t, "K_n density", k.Density, 1)
		}
		if k.Components != 1 || k.LargestComponent != n {
			t.Errorf("K_%d: components %d largest %d", n, k.Components, k.LargestComponent)
		}
	}
	// Two components across the word boundary: 0..63 a path, 64..69 a path.
	e := egoN(70)
	for i := 0; i < 69; i++ {
		if i != 63 {
			e.Ties = append(e.Ties, Tie{A: i, B: i + 1})
		}
	}
	s, _ = Structural(e)
	if s.Components != 2 || s.LargestComponent != 64 || s.Isolates != 0 {
		t.Errorf("two paths: components %d largest %d isolates %d", s.Components, s.LargestComponent, s.Isolates)
	}
}

func TestStructureUndefined(t *testing.T) {
	s, err := Structural(egoN(0))
	if err != nil {
		t.Fatal(err)
	}
	if s.Size != 0 || s.Components != 0 || !math.IsNaN(s.Density) || !math.IsNaN(s.Constraint) || len(s.Undefined) != 7 {
		t.Errorf("size 0: %+v", s)
	}
	s, _ = Structural(egoN(1))
	if !math.IsNaN(s.Density) || s.DensityWithEgo != 1 || s.Constraint != 1 {
		t.Errorf("size 1: %+v", s)
	}
	if s.Undefined[0].Measure != "Density" || s.Undefined[0].Reason == "" {
		t.Errorf("size 1 reasons: %+v", s.Undefined)
	}
	// Unweighted ego: weighted density is NaN with a reason, not 0.
	s, _ = Structural(egoN(3, [2]int{0, 1}))
	if !math.IsNaN(s.WeightedDensity) || len(s.Undefined) != 1 || s.Undefined[0].Measure != "WeightedDensity" {
		t.Errorf("unweighted: %v %+v", s.WeightedDensity, s.Undefined)
	}
	e := egoN(3, [2]int{0, 1}, [2]int{1, 2})
	e.Weighted = true
	e.Ties[0].Weight, e.Ties[1].Weight = 0.5, 0.25
	s, _ = Structural(e)
	approx(t, "weighted density", s.WeightedDensity, 0.75/3)
}

func TestStructureCap(t *testing.T) {
	// Ties asked among the first 3 of 5 alters: density over 3 alters.
	e := egoN(5, [2]int{0, 1}, [2]int{1, 2})
	e.Cap = 3
	s, err := Structural(e)
	if err != nil {
		t.Fatal(err)
	}
	if s.Size != 5 || s.TieAlters != 3 || s.Components != 1 || s.Isolates != 0 {
		t.Errorf("cap: %+v", s)
	}
	approx(t, "capped density", s.Density, 2.0/3)
	e.Ties = append(e.Ties, Tie{A: 1, B: 4})
	if _, err := Structural(e); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("tie beyond the cap: err = %v", err)
	}
}

func TestValidateAndClean(t *testing.T) {
	bad := []*Ego{
		egoN(2, [2]int{0, 2}),
		egoN(2, [2]int{1, 1}),
		egoN(2, [2]int{0, 1}, [2]int{1, 0}),
		{ID: "E", Alters: []Alter{{ID: "x"}, {ID: "x"}}},
		{ID: "E", Cap: -1},
	}
	w := egoN(2, [2]int{0, 1})
	w.Weighted, w.Ties[0].Weight = true, 1.5
	bad = append(bad, w)
	for i, e := range bad {
		if _, err := Structural(e); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("case %d: err = %v", i, err)
		}
	}
	e := egoN(3, [2]int{0, 1}, [2]int{1, 0}, [2]int{2, 2}, [2]int{2, 1})
	ties, dropped, err := e.Clean()
	if err != nil || len(ties) != 2 || len(dropped) != 2 || !errors.Is(dropped[0], ErrCleaned) {
		t.Fatalf("Clean: %v %v %v", ties, dropped, err)
	}
	if ties[1].A != 1 || ties[1].B != 2 {
		t.Errorf("Clean should order endpoints: %v", ties[1])
	}
	e.Weighted = true
	e.Ties[1].Weight = 0.5
	if _, _, err := e.Clean(); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("conflicting weights: err = %v", err)
	}
	if _, _, err := egoN(1, [2]int{0, 3}).Clean(); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("unknown alter: err = %v", err)
	}
}
