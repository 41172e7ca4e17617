package measures_test

import (
	"errors"
	"fmt"
	"math"
	"os"
	"strings"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/measures"
)

func ExampleAll() {
	for _, in := range measures.All() {
		if in.Direction == effect.HigherIsBetter {
			fmt.Println(in.ID, "-", in.HigherMeans)
		}
	}
	// Output:
	// lsns-18 - higher = larger social network (lower isolation risk)
	// lsns-6 - higher = larger social network (lower isolation risk)
	// lsns-r - higher = larger social network (lower isolation risk)
	// mspss - higher = more perceived social support
	// oss-3 - higher = stronger social support
	// sps - higher = more perceived social support
	// swemwbs - higher = better mental wellbeing
	// wemwbs - higher = better mental wellbeing
}

func ExampleIDs() {
	fmt.Println(strings.Join(measures.IDs(), " "))
	// Output:
	// djg-11 djg-11-3pt djg-6 djg-6-3pt lsns-18 lsns-6 lsns-r mspss ons-loneliness oss-3 sps swemwbs ucla-3 ucla-ls3 wemwbs
}

func ExampleAlphaResult_String() {
	x := [][]float64{{1, 2, 1, 2}, {2, 2, 3, 2}, {3, 3, 2, 3}, {3, 4, 4, 3}, {4, 3, 4, 4}, {2, 1, 2, math.NaN()}}
	a, err := measures.Alpha(x, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a)
	// Output:
	// α = 0.90 (95% CI 0.58 to 0.99), 4 items, n = 5 (1 with missing items left out)
}

func ExampleBand_Contains() {
	in, _ := measures.Lookup("djg-6")
	for _, b := range in.Total.Bands {
		fmt.Printf("%s %s%g, %g%s contains 2: %v\n", b.Label, b.Bounds[:1], b.Lower, b.Upper, b.Bounds[1:], b.Contains(2))
	}
	// Output:
	// not lonely [0, 2) contains 2: false
	// moderately lonely [2, 5) contains 2: true
	// severely lonely [5, 6] contains 2: false
}

func ExampleChangeCategory_String() {
	for _, c := range []measures.ChangeCategory{measures.Unchanged, measures.Recovered, measures.Improved, measures.Deteriorated} {
		fmt.Println(c)
	}
	// Output:
	// unchanged
	// recovered
	// improved
	// deteriorated
}

func ExampleClassifyChanges() {
	// UCLA-3 (higher = lonelier, 3 to 9): SD 1.8, reliability 0.8, cut-off 6.
	crit := &measures.ChangeCriteria{SD: 1.8, Reliability: 0.8, Direction: effect.LowerIsBetter, Cutoff: 6}
	pre := []float64{8, 8, 7, math.NaN()}
	post := []float64{4, 7, 9, 5}
	changes, errs, err := measures.ClassifyChanges(pre, post, crit)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, ch := range changes {
		if errs[i] != nil {
			fmt.Println(i+1, errs[i])
			continue
		}
		fmt.Printf("%d %+.2f %v\n", i+1, ch.RCI, ch.Category)
	}
	// Output:
	// 1 -3.51 recovered
	// 2 -0.88 unchanged
	// 3 +1.76 unchanged
	// 4 measures: pair 4: pre = NaN: must be finite
}

func ExampleInstrument_Columns() {
	in, _ := measures.Lookup("ucla-3")
	cols, err := in.Columns("u1", "u2", "u3")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cols["u1"], cols["u2"], cols["u3"])
	_, err = in.Columns("u1", "u2")
	fmt.Println(err)
	// Output:
	// ucla3-companionship ucla3-left-out ucla3-isolated
	// measures: names = 2: want one column name per item (3)
}

func ExampleInstrument_Index() {
	in, _ := measures.Lookup("ucla-3")
	fmt.Println(in.Index("ucla3-isolated"), in.Index("no-such-item"))
	// Output:
	// 2 -1
}

func ExampleInstrument_ItemScores() {
	// DJG-6 items are recoded to 0/1 (lonely = 1), so alpha is computed on
	// the item scores, not the raw codes.
	in, _ := measures.Lookup("djg-6")
	s, err := in.ItemScores(nil, []float64{3, 4, 2, 1, 3, math.NaN()})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s)
	// Output:
	// [1 0 1 0 1 NaN]
}

func ExampleInstrument_Range() {
	for _, id := range []string{"ucla-ls3", "djg-6", "swemwbs", "mspss"} {
		in, _ := measures.Lookup(id)
		lo, hi := in.Range()
		fmt.Println(id, lo, hi)
	}
	// Output:
	// ucla-ls3 20 80
	// djg-6 0 6
	// swemwbs 7 35
	// mspss 1 7
}

func ExampleInstrument_ScoreWith() {
	// DJG-6 with one item missing: prorated (person-mean) on request, and
	// flagged as non-standard. 4 of 5 answered items lonely prorate to 4.8,
	// which the published whole-total categories do not band.
	in, _ := measures.Lookup("djg-6")
	o := &measures.ScoreOptions{MaxMissing: 1}
	s, err := in.ScoreWith([]float64{3, 3, 5, 3, math.NaN(), 3}, o)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s)
	// SWEMWBS: the metric conversion needs every item, so the option is
	// refused rather than ignored.
	sw, _ := measures.Lookup("swemwbs")
	_, err = sw.ScoreWith([]float64{4, 4, 4, 4, 4, 4, math.NaN()}, o)
	fmt.Println(errors.Is(err, measures.ErrInvalidInput))
	// Output:
	// total 4.8 (prorated, non-standard missing-item rule, 1 item missing); emotional 3, social NA
	// true
}

func ExampleInstrument_Subscale() {
	in, _ := measures.Lookup("djg-6")
	s := in.Subscale("social")
	fmt.Println(s.Name, s.Items)
	fmt.Println(in.Subscale("none") == nil)
	// Output:
	// Social loneliness [djg-04-rely djg-07-trust djg-08-close]
	// true
}

// An invalid scoring key is an *effect.FieldError naming the key and the
// JSON path of the offending field; it wraps ErrInvalidKey.
func ExampleLoad_invalid() {
	_, err := measures.Load(strings.NewReader(`{"id": "x", "name": "X"}`))
	var fe *effect.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Record, fe.Field)
	}
	fmt.Println(errors.Is(err, measures.ErrInvalidKey))
	fmt.Println(err)
	// Output:
	// scoring key "x" version
	// true
	// measures: scoring key "x": version: must be non-empty text without surrounding spaces
}

func ExampleNorms_Cutoff() {
	// Jacobson & Truax's three cut-offs for a scale where higher is worse.
	norms := measures.Norms{
		Dysfunctional: measures.Population{Mean: 55, SD: 10},
		Functional:    measures.Population{Mean: 35, SD: 8},
	}
	for _, c := range []measures.Cutoff{measures.CutoffA, measures.CutoffB, measures.CutoffC} {
		v, _ := norms.Cutoff(c, effect.LowerIsBetter)
		fmt.Printf("%.2f\n", v)
	}
	_, err := norms.Cutoff(measures.CutoffA, effect.UnknownDirection)
	fmt.Println(err != nil)
	// Output:
	// 35.00
	// 51.00
	// 43.89
	// true
}

func ExampleRow_Err() {
	in, _ := measures.Lookup("ucla-3")
	data := "id,ucla3-companionship,ucla3-left-out,ucla3-isolated\np1,1,x,7\n"
	rows, err := measures.ScoreCSV(strings.NewReader(data), []*measures.Instrument{in}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rows[0].Err())
	// Output:
	// measures: line 2, column "ucla3-left-out", participant p1: ucla3-left-out = "x": response is not numeric (want a plain decimal code, or a missing code listed in CSVOptions.Missing)
	// measures: line 2, column "ucla3-isolated", participant p1: ucla3-isolated = "7": response code not allowed (allowed: 1 to 3)
}

func ExampleScore_String() {
	in, _ := measures.Lookup("djg-6")
	s, _ := in.Score([]float64{3, 4, 2, 1, 3, 4})
	fmt.Println(s)
	s, _ = in.Score([]float64{3, math.NaN(), 2, 1, 3, 4})
	fmt.Println(s)
	// Output:
	// total 4 (moderately lonely); emotional 2, social 2
	// total NA (1 item missing); emotional 2, social NA
}

func ExampleScore_Subscale() {
	in, _ := measures.Lookup("djg-6")
	s, _ := in.Score([]float64{3, 4, 2, 1, 3, 4})
	emo, ok := s.Subscale("emotional")
	fmt.Println(emo.Value, ok)
	_, ok = s.Subscale("none")
	fmt.Println(ok)
	// Output:
	// 2 true
	// false
}

func ExampleWriteCSV() {
	in, _ := measures.Lookup("swemwbs")
	data := "id,wemwbs-01,wemwbs-02,wemwbs-03,wemwbs-06,wemwbs-07,wemwbs-09,wemwbs-11\n" +
		"a,4,4,4,4,4,4,5\n" +
		"b,4,4,4,4,4,4,NA\n"
	ins := []*measures.Instrument{in}
	rows, err := measures.ScoreCSV(strings.NewReader(data), ins, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := measures.WriteCSV(os.Stdout, ins, rows, nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// id,swemwbs_total,swemwbs_raw,swemwbs_missing,swemwbs_prorated,swemwbs_nonstandard,swemwbs_error
	// a,26.02,29,0,false,false,
	// b,NA,NA,1,false,false,
}
