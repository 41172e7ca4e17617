package network_test

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/tiesproject/ties/measures/network"
)

// A small name-generator data set: two egos, one of whom named nobody.
const (
	egosCSV = `ego_id,sex
E1,female
E2,male
`
	altersCSV = `ego_id,alter_id,role,kin,sex,freq,circle
E1,mum,family,yes,female,5,inner
E1,sam,friend,no,male,4,middle
E1,ann,friend,no,female,3,middle
E1,dr,professional,no,NA,1,outer
`
	tiesCSV = `ego_id,alter_a,alter_b
E1,mum,sam
E1,sam,ann
E1,ann,sam
E1,dr,dr
`
)

func codebook() network.Codebook {
	sex := []string{"female", "male"}
	return network.Codebook{
		Alter: []network.Attribute{
			{Name: "role", Categories: []string{"partner", "family", "friend", "neighbour", "colleague", "group member", "professional"}},
			{Name: "kin", Categories: []string{"yes", "no"}},
			{Name: "sex", Categories: sex},
			{Name: "freq", Kind: network.Numeric},
			{Name: "circle", Categories: []string{"inner", "middle", "outer"}},
		},
		Ego: []network.Attribute{{Name: "sex", Categories: sex}},
	}
}

func read() *network.Data {
	d, err := network.ReadCSV(strings.NewReader(egosCSV), strings.NewReader(altersCSV), strings.NewReader(tiesCSV),
		&network.ReadOptions{Codebook: codebook()})
	if err != nil {
		panic(err)
	}
	return d
}

func ExampleReadCSV() {
	d := read()
	for _, e := range d.Egos {
		fmt.Printf("%s: %d alters, %d ties\n", e.ID, len(e.Alters), len(e.Ties))
	}
	for _, c := range d.Cleaned {
		fmt.Println(c)
	}
	// A tie to an alter E1 did not name is rejected with its line.
	bad := tiesCSV + "E1,mum,bob\n"
	d, _ = network.ReadCSV(strings.NewReader(egosCSV), strings.NewReader(altersCSV), strings.NewReader(bad),
		&network.ReadOptions{Codebook: codebook()})
	fmt.Println(d.Rejected[0])
	fmt.Println(d.Errs[0] != nil, d.Errs[1] != nil)
	// Output:
	// E1: 4 alters, 2 ties
	// E2: 0 alters, 0 ties
	// network: ties file, line 4, column "alter_a", ego E1: tie = "ann–sam": pair listed again; kept once
	// network: ties file, line 5, column "alter_b", ego E1: tie = "dr–dr": self-loop dropped
	// network: ties file, line 6, column "alter_b", ego E1: alter = "bob": not an alter this ego named
	// true false
}

func ExampleDescribe() {
	res, err := network.Describe(read(), &network.Options{
		Compose: []string{"sex"}, Strength: "freq", Threshold: 4, Circle: "circle",
	})
	if err != nil {
		panic(err)
	}
	for _, r := range res {
		s := r.Structure
		fmt.Printf("%s: size %d, density %.3f, components %d, constraint %.3f\n",
			r.Ego, s.Size, s.Density, s.Components, s.Constraint)
		c := r.Compositions[0]
		fmt.Printf("  sex: %d valid, %d missing, Blau %.3f, ego–alter E-I %.3f\n", c.Valid, c.Missing, c.Blau, c.EgoAlterEI)
		fmt.Printf("  weekly or more: %d; circles %v\n", r.Strength.AtLeast, r.Circles.Cumulative)
		for _, u := range s.Undefined {
			fmt.Printf("  %s undefined: %s\n", u.Measure, u.Reason)
		}
	}
	// Output:
	// E1: size 4, density 0.333, components 2, constraint 0.535
	//   sex: 3 valid, 1 missing, Blau 0.444, ego–alter E-I -0.333
	//   weekly or more: 2; circles [1 3 4]
	//   WeightedDensity undefined: ties carry no weights
	// E2: size 0, density NaN, components 0, constraint NaN
	//   sex: 0 valid, 0 missing, Blau NaN, ego–alter E-I NaN
	//   weekly or more: 0; circles [0 0 0]
	//   Density undefined: 0 alters: density needs at least 2
	//   WeightedDensity undefined: 0 alters: density needs at least 2
	//   DensityWithEgo undefined: no alters
	//   MeanDegree undefined: no alters
	//   EffectiveSize undefined: no alters
	//   Efficiency undefined: no alters
	//   Constraint undefined: no alters
}

func ExampleStructural() {
	// A path of three alters a–b–c.
	e := &network.Ego{ID: "E", Alters: []network.Alter{{ID: "a"}, {ID: "b"}, {ID: "c"}},
		Ties: []network.Tie{{A: 0, B: 1}, {A: 1, B: 2}}}
	s, err := network.Structural(e)
	if err != nil {
		panic(err)
	}
	fmt.Printf("density %.4f, with ego %.4f\n", s.Density, s.DensityWithEgo)
	fmt.Printf("effective size %.4f, efficiency %.4f, constraint %.6f\n", s.EffectiveSize, s.Efficiency, s.Constraint)
	// Output:
	// density 0.6667, with ego 0.8333
	// effective size 1.6667, efficiency 0.5556, constraint 0.839506
}

func ExampleCompose() {
	cb := &network.Codebook{Alter: []network.Attribute{{Name: "group", Categories: []string{"one", "two", "three"}}}}
	// a and b in group one, c in group two, all three tied.
	e := &network.Ego{ID: "E",
		Alters: []network.Alter{{ID: "a", Values: []float64{0}}, {ID: "b", Values: []float64{0}}, {ID: "c", Values: []float64{1}}},
		Ties:   []network.Tie{{A: 0, B: 1}, {A: 0, B: 2}, {A: 1, B: 2}}}
	c, err := network.Compose(e, cb, "group")
	if err != nil {
		panic(err)
	}
	fmt.Printf("shares %.3f, present %d\n", c.Shares, c.Present)
	fmt.Printf("Shannon %.4f bits, Blau %.4f, IQV %.4f (K = 3)\n", c.Shannon, c.Blau, c.IQV)
	fmt.Printf("alter–alter E-I %.4f, rescaled %.4f\n", c.AlterAlterEI, c.RescaledEI)
	// Output:
	// shares [0.667 0.333 0.000], present 2
	// Shannon 0.9183 bits, Blau 0.4444, IQV 0.6667 (K = 3)
	// alter–alter E-I 0.3333, rescaled 0.0000
}

func ExampleProportionOf() {
	d := read()
	cb := &d.Codebook
	freq := cb.AlterAttribute("freq")
	// Share of alters seen weekly or more often (code 4 or 5).
	p := network.ProportionOf(&d.Egos[0], func(v []float64) (yes, known bool) {
		return v[freq] >= 4, !math.IsNaN(v[freq])
	})
	fmt.Println(p)
	// Output:
	// 2/4 (0.500; 0 missing)
}

func ExampleProportion_String() {
	fmt.Println(network.Proportion{Count: 1, Valid: 3, Missing: 1, Share: 1.0 / 3, ShareAll: 0.25})
	// Output:
	// 1/3 (0.333; 1 missing)
}

func ExampleNonKinNonProfessional() {
	d := read()
	for i := range d.Egos {
		p, err := network.NonKinNonProfessional(&d.Egos[i], &d.Codebook)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s: %v, of all alters %.3f\n", d.Egos[i].ID, p, p.ShareAll)
	}
	// Output:
	// E1: 2/4 (0.500; 0 missing), of all alters 0.500
	// E2: 0/0 (NaN; 0 missing), of all alters NaN
}

func ExampleTieStrength() {
	d := read()
	s, err := network.TieStrength(&d.Egos[0], &d.Codebook, "freq", 4)
	if err != nil {
		panic(err)
	}
	fmt.Printf("mean %.2f over %d alters, %d at 4 or more\n", s.Mean, s.Valid, s.AtLeast)
	// Output:
	// mean 3.25 over 4 alters, 2 at 4 or more
}

func ExampleCountCircles() {
	d := read()
	c, err := network.CountCircles(&d.Egos[0], &d.Codebook, "circle")
	if err != nil {
		panic(err)
	}
	for i, l := range c.Labels {
		fmt.Printf("%s %d (cumulative %d)\n", l, c.Counts[i], c.Cumulative[i])
	}
	// Output:
	// inner 1 (cumulative 1)
	// middle 2 (cumulative 3)
	// outer 1 (cumulative 4)
}

func ExampleEgo_Clean() {
	e := &network.Ego{ID: "E", Alters: []network.Alter{{ID: "a"}, {ID: "b"}},
		Ties: []network.Tie{{A: 0, B: 1}, {A: 1, B: 0}, {A: 1, B: 1}}}
	ties, dropped, err := e.Clean()
	if err != nil {
		panic(err)
	}
	e.Ties = ties
	fmt.Println(len(ties), "tie kept")
	for _, d := range dropped {
		fmt.Println(d)
	}
	// Output:
	// 1 tie kept
	// network: ego E: Ties[1] = {1 0 0}: pair listed again; kept once
	// network: ego E: Ties[2] = {1 1 0}: self-loop dropped
}

func ExampleEgo_Validate() {
	e := &network.Ego{ID: "E", Alters: []network.Alter{{ID: "a"}, {ID: "b"}},
		Ties: []network.Tie{{A: 0, B: 2}}}
	err := e.Validate(nil)
	fmt.Println(err)
	fmt.Println(errors.Is(err, network.ErrInvalidInput))
	// Output:
	// network: ego E: Ties[0] = {0 2 0}: alter index outside 0..1
	// true
}

func ExampleAttribute_Code() {
	a := network.Attribute{Name: "circle", Categories: []string{"inner", "middle", "outer"}}
	v, ok := a.Code("middle")
	fmt.Println(v, ok)
	_, ok = a.Code("centre")
	fmt.Println(ok)
	// Output:
	// 1 true
	// false
}

func ExampleCodebook_AlterAttribute() {
	cb := codebook()
	fmt.Println(cb.AlterAttribute("kin"), cb.AlterAttribute("age"))
	// Output:
	// 1 -1
}

func ExampleCodebook_EgoAttribute() {
	cb := codebook()
	fmt.Println(cb.EgoAttribute("sex"))
	// Output:
	// 0
}

func ExampleKind_String() {
	fmt.Println(network.Categorical, network.Numeric)
	// Output:
	// categorical numeric
}

func ExampleWriteCSV() {
	var alters, ties bytes.Buffer
	if err := network.WriteCSV(nil, &alters, &ties, read()); err != nil {
		panic(err)
	}
	fmt.Print(alters.String(), ties.String())
	// Output:
	// ego_id,alter_id,role,kin,sex,freq,circle
	// E1,mum,family,yes,female,5,inner
	// E1,sam,friend,no,male,4,middle
	// E1,ann,friend,no,female,3,middle
	// E1,dr,professional,no,NA,1,outer
	// ego_id,alter_a,alter_b
	// E1,mum,sam
	// E1,sam,ann
}

func ExampleScoreSNI() {
	// Married; 2 children, both parents and 1 relative in contact every 2
	// weeks; 4 friends; supervises nobody but talks to 7 co-workers; 2
	// neighbours; one group with 12 members talked to.
	a := network.SNIAnswers{Marital: 1, Children: 2, Parents: 3, Relatives: 1, Friends: 4,
		CoWorkers: 7, Neighbors: 2, Groups: []int{12}}
	for _, o := range []*network.SNIOptions{nil, {EmployeeEither: true, CapGroups: true}} {
		s, err := network.ScoreSNI(a, o)
		if err != nil {
			panic(err)
		}
		fmt.Printf("roles %d, people %d (%s)\n", s.Roles, s.People, s.Variant)
	}
	s, _ := network.ScoreSNI(a, &network.SNIOptions{Embedded: network.EmbeddedAtLeast4Unverified})
	fmt.Printf("embedded networks %d (%v)\n", s.Embedded, s.EmbeddedRule)
	// Output:
	// roles 7, people 31 (employee: 9a and 9b both non-zero; groups: raw counts)
	// roles 8, people 26 (employee: 9a or 9b non-zero; groups: each count capped at 7)
	// embedded networks 4 (at least 4 people (family: and at least 3 family roles); unverified)
}

func ExampleEmbeddedRule_String() {
	fmt.Println(network.NoEmbedded)
	fmt.Println(network.EmbeddedMoreThan4Unverified)
	// Output:
	// not scored
	// more than 4 people; unverified
}

func ExampleSimulationCodebook() {
	cb := network.SimulationCodebook()
	for _, a := range cb.Alter {
		fmt.Println(a.Name, a.Kind, a.Categories)
	}
	// Output:
	// role categorical [partner family friend neighbour colleague group member professional]
	// kin categorical [yes no]
	// sex categorical [female male]
	// freq numeric []
	// closeness numeric []
	// circle categorical [inner middle outer]
}

func ExampleNewSimulator() {
	s := network.NewSimulator(1, 10)
	fmt.Println(s.MaxAlters, s.Missing)
	// Output:
	// 10 0.02
}

func ExampleSimulator_Interview() {
	s := network.NewSimulator(7, 10)
	d := &network.Data{Codebook: network.SimulationCodebook()}
	for _, id := range []string{"P1", "P2", "P3"} {
		d.Egos = append(d.Egos, s.Interview(id, 0))
	}
	res, _ := network.Describe(d, nil)
	for _, r := range res {
		fmt.Printf("%s: %d alters, %d ties\n", r.Ego, r.Structure.Size, r.Structure.Ties)
	}
	// Output:
	// P1: 3 alters, 0 ties
	// P2: 5 alters, 7 ties
	// P3: 4 alters, 0 ties
}

func ExampleSimulator_FollowUp() {
	s := network.NewSimulator(7, 10)
	cb := network.SimulationCodebook()
	mean := func(egos []network.Ego) (size, share float64) {
		k := 0
		for i := range egos {
			size += float64(len(egos[i].Alters))
			if p, _ := network.NonKinNonProfessional(&egos[i], &cb); !math.IsNaN(p.Share) {
				share += p.Share
				k++
			}
		}
		return size / float64(len(egos)), share / float64(k)
	}
	// 500 egos per arm; the intervention adds about two social contacts.
	for _, extra := range []float64{0, 2} {
		var base, later []network.Ego
		for i := 0; i < 500; i++ {
			e := s.Interview(fmt.Sprint("P", i), 0)
			base = append(base, e)
			later = append(later, s.FollowUp(e, extra))
		}
		s0, p0 := mean(base)
		s1, p1 := mean(later)
		fmt.Printf("extra %g: size %.1f -> %.1f, non-kin non-professional %.2f -> %.2f\n", extra, s0, s1, p0, p1)
	}
	// Output:
	// extra 0: size 4.0 -> 4.0, non-kin non-professional 0.43 -> 0.43
	// extra 2: size 4.0 -> 6.0, non-kin non-professional 0.41 -> 0.61
}

func ExampleStructure_String() {
	e := &network.Ego{ID: "E", Alters: []network.Alter{{ID: "a"}, {ID: "b"}, {ID: "c"}},
		Ties: []network.Tie{{A: 0, B: 1}, {A: 1, B: 2}}}
	s, _ := network.Structural(e)
	fmt.Println(s)
	// Output:
	// size 3, ties 2, density 0.67, components 1, effective size 1.67, constraint 0.84
}

func ExampleSNIScore_String() {
	s, _ := network.ScoreSNI(network.SNIAnswers{Marital: 1, Friends: 4, Neighbors: 2},
		&network.SNIOptions{Embedded: network.EmbeddedMoreThan4Unverified})
	fmt.Println(s)
	// Output:
	// roles 3, people 7, embedded networks 0 (employee: 9a and 9b both non-zero; groups: raw counts; embedded networks: more than 4 people; unverified)
}
