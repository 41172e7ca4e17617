package measures_test

import (
	"fmt"
	"log"
	"math"
	"os"
	"strings"

	"github.com/tiesproject/ties/measures"
)

func ExampleLookup() {
	in, err := measures.Lookup("djg-6")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(in.Name, "-", in.Version)
	fmt.Println(in.HigherMeans)
	for _, it := range in.Items {
		fmt.Println(it.Number, it.ID, it.Recode)
	}
	fmt.Println(in.Citations[0].DOI)
	// Output:
	// De Jong Gierveld Loneliness Scale, short form - 6 items, 5-point written format, dichotomous scoring
	// higher = lonelier
	// 1 djg-03-emptiness djg-negative
	// 2 djg-04-rely djg-positive
	// 3 djg-07-trust djg-positive
	// 4 djg-09-miss-people djg-negative
	// 5 djg-08-close djg-positive
	// 6 djg-10-rejected djg-negative
	// 10.1177/0164027506289723
}

func ExampleInstrument_Score() {
	in, _ := measures.Lookup("djg-6")
	// 5-point codes: 1 no!, 2 no, 3 more or less, 4 yes, 5 yes!.
	// The neutral answer counts as lonely on every item.
	s, err := in.Score([]float64{3, 4, 2, 1, 3, 4})
	if err != nil {
		log.Fatal(err)
	}
	emo, _ := s.Subscale("emotional")
	soc, _ := s.Subscale("social")
	fmt.Println(s.Total, s.Band, emo.Value, soc.Value)

	// A missing item: complete data are required by default...
	s, _ = in.Score([]float64{3, math.NaN(), 2, 1, 3, 4})
	fmt.Println(s.Total, s.Missing)
	// ...or opt in to the developers' syntax (at most one missing item,
	// count over the answered items), flagged as non-standard.
	s, _ = in.ScoreWith([]float64{3, math.NaN(), 2, 1, 3, 4}, &measures.ScoreOptions{MaxMissing: 1, Method: measures.SumAnswered})
	fmt.Println(s.Total, s.Prorated, s.NonStandard)

	// Codes are never clamped.
	_, err = in.Score([]float64{3, 4, 2, 1, 3, 6})
	fmt.Println(err)
	// Output:
	// 4 moderately lonely 2 2
	// NaN 1
	// 4 true true
	// measures: djg-10-rejected = "6": response code not allowed (allowed: 1 to 5)
}

func ExampleScoreCSV() {
	// Long data: one row per participant and visit, items under the
	// trial's own column names.
	data := `pid,visit,u1,u2,u3
p01,0,2,3,2
p01,1,1,2,1
p02,0,3,-99,3
p02,1,3,4,3
`
	ucla3, _ := measures.Lookup("ucla-3")
	o := &measures.CSVOptions{
		ID:      "pid",
		Keep:    []string{"visit"},
		Missing: []string{"", "NA", "-99"},
		Columns: map[string]string{"u1": "ucla3-companionship", "u2": "ucla3-left-out", "u3": "ucla3-isolated"},
	}
	ins := []*measures.Instrument{ucla3}
	rows, err := measures.ScoreCSV(strings.NewReader(data), ins, o)
	if err != nil {
		log.Fatal(err)
	}
	if err := measures.WriteCSV(os.Stdout, ins, rows, o); err != nil {
		log.Fatal(err)
	}
	// Output:
	// pid,visit,ucla-3_total,ucla-3_band,ucla-3_missing,ucla-3_prorated,ucla-3_nonstandard,ucla-3_error
	// p01,0,7,lonely,0,false,false,
	// p01,1,4,not lonely,0,false,false,
	// p02,0,NA,NA,1,false,false,
	// p02,1,NA,NA,0,false,false,"measures: line 5, column ""u2"", participant p02: ucla3-left-out = ""4"": response code not allowed (allowed: 1 to 3)"
}

func ExampleAlpha() {
	// Scored items (reverse keys already applied, see ItemScores) of six
	// respondents on a four-item scale.
	x := [][]float64{
		{1, 2, 1, 2},
		{2, 2, 3, 2},
		{3, 3, 2, 3},
		{3, 4, 4, 3},
		{4, 3, 4, 4},
		{2, 1, 2, math.NaN()}, // dropped listwise
	}
	a, err := measures.Alpha(x, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("alpha %.3f, 95%% Feldt CI [%.3f, %.3f], n = %d (%d dropped)\n", a.Raw, a.Feldt.Lower, a.Feldt.Upper, a.N, a.Dropped)
	for j, it := range a.Items {
		fmt.Printf("item %d: r.drop %.3f, alpha if deleted %.3f\n", j+1, it.RDrop, it.IfDeleted.Raw)
	}
	// psych::alpha on the five complete rows gives the same values.

	// Output:
	// alpha 0.899, 95% Feldt CI [0.583, 0.988], n = 5 (1 dropped)
	// item 1: r.drop 0.908, alpha if deleted 0.816
	// item 2: r.drop 0.709, alpha if deleted 0.897
	// item 3: r.drop 0.756, alpha if deleted 0.896
	// item 4: r.drop 0.831, alpha if deleted 0.862
}

func ExampleClassifyChange() {
	// UCLA-LS3 (higher = lonelier): SD 10, reliability 0.9. Norms:
	// clinical 55 (SD 10), general population 35 (SD 8): cut-off c.
	in, _ := measures.Lookup("ucla-ls3")
	norms := measures.Norms{
		Dysfunctional: measures.Population{Mean: 55, SD: 10},
		Functional:    measures.Population{Mean: 35, SD: 8},
	}
	c, _ := norms.Cutoff(measures.CutoffC, in.Direction)
	crit := &measures.ChangeCriteria{SD: 10, Reliability: 0.9, Direction: in.Direction, Cutoff: c}
	fmt.Printf("cut-off c = %.2f\n", c)
	for _, p := range [][2]float64{{60, 40}, {60, 50}, {60, 55}, {50, 62}} {
		ch, _ := measures.ClassifyChange(p[0], p[1], crit)
		fmt.Printf("%v -> %v: RCI %+.2f %v\n", p[0], p[1], ch.RCI, ch.Category)
	}
	// Output:
	// cut-off c = 43.89
	// 60 -> 40: RCI -4.47 recovered
	// 60 -> 50: RCI -2.24 improved
	// 60 -> 55: RCI -1.12 unchanged
	// 50 -> 62: RCI +2.68 deteriorated
}

func ExampleLoad() {
	key := `{
  "id": "my-scale", "name": "My scale", "version": "v1",
  "citations": [{"text": "A. Author. My scale. 2026."}],
  "status": "user", "direction": "higher = lonelier", "higher_is_better": false,
  "response_sets": [{"id": "agree", "codes": [1, 2, 3, 4]}],
  "items": [
    {"id": "my-1", "number": 1, "responses": "agree"},
    {"id": "my-2", "number": 2, "responses": "agree", "reverse": true}
  ],
  "total": {"aggregation": "sum", "bands": [
    {"label": "low", "lower": 2, "upper": 5, "bounds": "[)"},
    {"label": "high", "lower": 5, "upper": 8, "bounds": "[]"}
  ]}
}`
	in, err := measures.Load(strings.NewReader(key))
	if err != nil {
		log.Fatal(err)
	}
	s, _ := in.Score([]float64{4, 2})
	fmt.Println(s.Total, s.Band)

	_, err = measures.Load(strings.NewReader(strings.Replace(key, `"[)"`, `"[]"`, 1)))
	fmt.Println(err)
	// Output:
	// 7 high
	// measures: scoring key "my-scale": total.bands[1]: bands must be ascending and contiguous: each upper bound equals the next lower bound, which exactly one of the two bands includes
}

func ExampleInstrument_ScoreMatrix() {
	in, _ := measures.Lookup("lsns-6")
	responses := []float64{ // three respondents, six items each
		2, 2, 2, 2, 2, 1,
		0, 0, 0, 4, 4, 4,
		1, 1, 9, 1, 1, 1,
	}
	var s measures.Scores
	if err := in.ScoreMatrix(&s, responses, nil); err != nil {
		log.Fatal(err)
	}
	for i := 0; i < s.N; i++ {
		if s.Err[i] != nil {
			fmt.Println(i+1, s.Err[i])
			continue
		}
		fmt.Println(i+1, s.Total[i], in.Total.Bands[s.Band[i]].Label)
	}
	// Output:
	// 1 11 at risk of social isolation
	// 2 12 not at risk
	// 3 measures: respondent 3: lsns-family-help = "9": response code not allowed (allowed: 0 to 5)
}

func ExampleReliableChange() {
	// LSNS-6 (higher = larger network): SD 6, test-retest reliability 0.8.
	lsns, _ := measures.Lookup("lsns-6")
	crit := &measures.ChangeCriteria{SD: 6, Reliability: 0.8, Direction: lsns.Direction}
	ch, err := measures.ReliableChange(9, 17, crit)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("SEdiff %.3f, RCI %.2f, reliable %v, better %v\n", ch.SEdiff, ch.RCI, ch.Reliable, ch.Better)
	// Output:
	// SEdiff 3.795, RCI 2.11, reliable true, better true
}
