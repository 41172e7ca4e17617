package network

import (
	"errors"
	"math"
	"testing"
)

func groupEgo(groups []float64, ties ...[2]int) (*Ego, *Codebook) {
	cb := &Codebook{
		Alter: []Attribute{{Name: "g", Categories: []string{"one", "two", "three"}}},
		Ego:   []Attribute{{Name: "g", Categories: []string{"one", "two", "three"}}},
	}
	e := egoN(len(groups), ties...)
	e.Values = []float64{0}
	for i, g := range groups {
		e.Alters[i].Values = []float64{g}
	}
	return e, cb
}

// The example of the E-I index where egor's unrescaled value double counts:
// a, b in group one, c in group two, all three tied: E = 2, I = 1.
func TestEIAgainstEgorQuirk(t *testing.T) {
	e, cb := groupEgo([]float64{0, 0, 1}, [2]int{0, 1}, [2]int{0, 2}, [2]int{1, 2})
	c, err := Compose(e, cb, "g")
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "alter–alter E-I", c.AlterAlterEI, 1.0/3) // egor's EI(rescale = FALSE) gives 0.6
	// Rescaled: between pairs 2, within pairs 1, dE = 1, dI = 1.
	approx(t, "rescaled E-I", c.RescaledEI, 0)
	// Ego in group one: E = 1 (c), I = 2.
	approx(t, "ego–alter E-I", c.EgoAlterEI, -1.0/3)
	approx(t, "Blau", c.Blau, 1-(4.0/9+1.0/9))
	approx(t, "IQV", c.IQV, (1-(4.0/9+1.0/9))*3/2)
	approx(t, "Shannon", c.Shannon, -(2.0/3*math.Log2(2.0/3) + 1.0/3*math.Log2(1.0/3)))
	if c.Present != 2 || c.Valid != 3 || c.Missing != 0 {
		t.Errorf("counts %+v", c)
	}
}

func TestCompositionMissing(t *testing.T) {
	nan := math.NaN()
	// One alter missing: valid shares over 3, all-alter shares over 4; the
	// missing alter's tie is left out of the E-I index.
	e, cb := groupEgo([]float64{0, 1, 1, nan}, [2]int{0, 3}, [2]int{1, 2})
	c, err := Compose(e, cb, "g")
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "share", c.Shares[1], 2.0/3)
	approx(t, "share all", c.SharesAll[1], 2.0/4)
	approx(t, "alter–alter E-I", c.AlterAlterEI, -1)
	if c.Missing != 1 {
		t.Errorf("missing %d", c.Missing)
	}
	// Everything missing: NaN with reasons, never 0.
	e, cb = groupEgo([]float64{nan, nan})
	c, _ = Compose(e, cb, "g")
	if !math.IsNaN(c.Shannon) || !math.IsNaN(c.Blau) || !math.IsNaN(c.IQV) || !math.IsNaN(c.EgoAlterEI) || len(c.Undefined) < 5 {
		t.Errorf("all missing: %+v", c)
	}
	// Ego's own answer missing.
	e, cb = groupEgo([]float64{0, 1})
	e.Values[0] = nan
	c, _ = Compose(e, cb, "g")
	if !math.IsNaN(c.EgoAlterEI) {
		t.Errorf("ego missing: E-I = %v", c.EgoAlterEI)
	}
	// A one-category codebook has no IQV.
	cb1 := &Codebook{Alter: []Attribute{{Name: "g", Categories: []string{"only"}}}}
	e = egoN(2)
	e.Alters[0].Values, e.Alters[1].Values = []float64{0}, []float64{0}
	c, _ = Compose(e, cb1, "g")
	if !math.IsNaN(c.IQV) || c.Blau != 0 {
		t.Errorf("K = 1: %+v", c)
	}
}

func TestComposeErrors(t *testing.T) {
	e, cb := groupEgo([]float64{0, 5})
	if _, err := Compose(e, cb, "g"); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("code outside codebook: %v", err)
	}
	if _, err := Compose(e, cb, "nope"); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("unknown attribute: %v", err)
	}
	if _, err := TieStrength(e, cb, "g", 1); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("strength of a categorical attribute: %v", err)
	}
	if _, err := CountCircles(e, &Codebook{Alter: []Attribute{{Name: "g", Kind: Numeric}}}, "g"); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("circles of a numeric attribute: %v", err)
	}
}

func TestProportionOf(t *testing.T) {
	nan := math.NaN()
	e, _ := groupEgo([]float64{0, 1, nan, 2})
	p := ProportionOf(e, func(v []float64) (bool, bool) { return v[0] != 0, !math.IsNaN(v[0]) })
	if p.Count != 2 || p.Valid != 3 || p.Missing != 1 || p.Share != 2.0/3 || p.ShareAll != 0.5 {
		t.Errorf("%+v", p)
	}
	p = ProportionOf(egoN(0), func([]float64) (bool, bool) { return true, true })
	if !math.IsNaN(p.Share) || !math.IsNaN(p.ShareAll) {
		t.Errorf("no alters: %+v", p)
	}
}
