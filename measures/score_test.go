package measures

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

var nan = math.NaN()

// fitOptions drops the options that cannot apply to in (which ScoreWith
// refuses): the total's MaxMissing for a total with a conversion table,
// SubscaleMaxMissing without subscales.
func fitOptions(in *Instrument, o *ScoreOptions) *ScoreOptions { return o.fit(in) }

func lookup(t testing.TB, id string) *Instrument {
	t.Helper()
	in, err := Lookup(id)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func same(a, b float64) bool {
	return a == b || math.IsNaN(a) && math.IsNaN(b) || math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(b))
}

func rep(x float64, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = x
	}
	return v
}

// scoreCase is a hand-worked response vector and its expected scores.
type scoreCase struct {
	name    string
	resp    []float64
	opts    *ScoreOptions
	total   float64
	band    string
	missing int
	sub     map[string]float64
	pro     bool
}

func runCases(t *testing.T, id string, cases []scoreCase) {
	t.Helper()
	in := lookup(t, id)
	for _, c := range cases {
		s, err := in.ScoreWith(c.resp, c.opts)
		if err != nil {
			t.Errorf("%s %s: %v", id, c.name, err)
			continue
		}
		if !same(s.Total, c.total) || s.Band != c.band || s.Missing != c.missing || s.Prorated != c.pro {
			t.Errorf("%s %s: got total %v band %q missing %d prorated %v; want %v %q %d %v",
				id, c.name, s.Total, s.Band, s.Missing, s.Prorated, c.total, c.band, c.missing, c.pro)
		}
		for k, want := range c.sub {
			got, ok := s.Subscale(k)
			if !ok || !same(got.Value, want) {
				t.Errorf("%s %s: subscale %s = %v, want %v", id, c.name, k, got.Value, want)
			}
		}
	}
}

// checkOutOfRange asserts that each bad code at each position is an
// *effect.FieldError wrapping ErrOutOfRange naming the item.
func checkOutOfRange(t *testing.T, id string, valid []float64, bad ...float64) {
	t.Helper()
	in := lookup(t, id)
	for j := range in.Items {
		for _, b := range bad {
			x := slices.Clone(valid)
			x[j] = b
			_, err := in.Score(x)
			var ie *effect.FieldError
			if !errors.Is(err, ErrOutOfRange) || !errors.As(err, &ie) || ie.Field != in.Items[j].ID || !strings.Contains(ie.Reason, "allowed") {
				t.Errorf("%s item %d code %v: err = %v, want ErrOutOfRange naming %s", id, j, b, err, in.Items[j].ID)
			}
		}
	}
	if _, err := in.Score(valid[:len(valid)-1]); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("%s: short vector: err = %v", id, err)
	}
}

// checkEveryItem starts from the vector with the lowest score (base) and
// moves one item at a time to the code given by hi(j); the total must rise
// by step. This exercises the direction of every item, reverse or not.
func checkEveryItem(t *testing.T, id string, base []float64, baseTotal float64, hi func(j int) float64, step float64) {
	t.Helper()
	in := lookup(t, id)
	s, err := in.Score(base)
	if err != nil || !same(s.Total, baseTotal) {
		t.Fatalf("%s base: %v %v, want %v", id, s.Total, err, baseTotal)
	}
	for j := range in.Items {
		x := slices.Clone(base)
		x[j] = hi(j)
		s, err := in.Score(x)
		if err != nil || !same(s.Total, baseTotal+step) {
			t.Errorf("%s item %d (%s) = %v: total %v (%v), want %v", id, j+1, in.Items[j].ID, x[j], s.Total, err, baseTotal+step)
		}
	}
}

func in1(j int, set ...int) bool { return slices.Contains(set, j) }

func TestUCLALS3(t *testing.T) {
	// Reverse-keyed items of UCLA v3 (Russell 1996), written out
	// independently of the key file: 1, 5, 6, 9, 10, 15, 16, 19, 20.
	rev := []int{1, 5, 6, 9, 10, 15, 16, 19, 20}
	least := make([]float64, 20) // least lonely answer to every item
	for j := range least {
		least[j] = 1
		if in1(j+1, rev...) {
			least[j] = 4
		}
	}
	checkEveryItem(t, "ucla-ls3", least, 20, func(j int) float64 {
		if in1(j+1, rev...) {
			return 1
		}
		return 4
	}, 3)
	runCases(t, "ucla-ls3", []scoreCase{
		// All 1: 9 reversed items score 4, 11 others score 1: 36 + 11 = 47.
		{name: "all 1", resp: rep(1, 20), total: 47},
		// All 4: 9×1 + 11×4 = 53.
		{name: "all 4", resp: rep(4, 20), total: 53},
		{name: "one missing", resp: append(rep(2, 19), nan), total: nan, missing: 1},
		// Non-standard opt-in, item 20 (reversed) missing: 8 answered
		// reversed items score 3, 11 others score 2: 46 × 20/19.
		{name: "prorate", resp: append(rep(2, 19), nan), opts: &ScoreOptions{MaxMissing: 2}, total: 46.0 * 20 / 19, missing: 1, pro: true},
	})
	checkOutOfRange(t, "ucla-ls3", rep(2, 20), 0, 5, 2.5, math.Inf(1), math.Inf(-1), -1, 1e300)
}

func TestUCLA3(t *testing.T) {
	checkEveryItem(t, "ucla-3", rep(1, 3), 3, func(int) float64 { return 3 }, 2)
	runCases(t, "ucla-3", []scoreCase{
		{name: "min", resp: []float64{1, 1, 1}, total: 3, band: "not lonely"},
		{name: "edge below", resp: []float64{2, 2, 1}, total: 5, band: "not lonely"},
		{name: "edge", resp: []float64{2, 2, 2}, total: 6, band: "lonely"},
		{name: "max", resp: []float64{3, 3, 3}, total: 9, band: "lonely"},
		{name: "missing", resp: []float64{3, nan, 3}, total: nan, missing: 1},
	})
	checkOutOfRange(t, "ucla-3", []float64{2, 2, 2}, 0, 4, 1.5)
}

func TestONS(t *testing.T) {
	labels := []string{"never", "hardly ever", "occasionally", "some of the time", "often/always"}
	var cases []scoreCase
	for c := 1; c <= 5; c++ {
		cases = append(cases, scoreCase{name: labels[c-1], resp: []float64{float64(c)}, total: float64(c), band: labels[c-1]})
	}
	cases = append(cases, scoreCase{name: "missing", resp: []float64{nan}, total: nan, missing: 1})
	runCases(t, "ons-loneliness", cases)
	checkOutOfRange(t, "ons-loneliness", []float64{3}, 0, 6)
}

// DJG 5-point convention: 1 no!, 2 no, 3 more or less, 4 yes, 5 yes!.
// Emotional (negatively worded) items are lonely at 3-5, social
// (positively worded) items at 1-3: the neutral answer is always lonely.
func TestDJG11(t *testing.T) {
	emo := []int{2, 3, 5, 6, 9, 10}
	least := make([]float64, 11)
	for j := range least {
		least[j] = 5
		if in1(j+1, emo...) {
			least[j] = 1
		}
	}
	// Every item's neutral answer counts as lonely.
	checkEveryItem(t, "djg-11", least, 0, func(int) float64 { return 3 }, 1)
	// The nearest non-neutral answers are not lonely.
	checkEveryItem(t, "djg-11", least, 0, func(j int) float64 {
		if in1(j+1, emo...) {
			return 2
		}
		return 4
	}, 0)
	runCases(t, "djg-11", []scoreCase{
		{name: "all neutral", resp: rep(3, 11), total: 11, sub: map[string]float64{"emotional": 6, "social": 5}},
		{name: "all no!", resp: rep(1, 11), total: 5, sub: map[string]float64{"emotional": 0, "social": 5}},
		{name: "all yes!", resp: rep(5, 11), total: 6, sub: map[string]float64{"emotional": 6, "social": 0}},
		{name: "missing social", resp: append(slices.Clone(least[:10]), nan), total: nan, missing: 1,
			sub: map[string]float64{"emotional": 0, "social": nan}},
	})
	checkOutOfRange(t, "djg-11", rep(3, 11), 0, 6)

	// 3-point interview coding of the manual: 1 no, 2 more or less, 3 yes.
	least3 := make([]float64, 11)
	for j := range least3 {
		least3[j] = 3
		if in1(j+1, emo...) {
			least3[j] = 1
		}
	}
	checkEveryItem(t, "djg-11-3pt", least3, 0, func(int) float64 { return 2 }, 1)
	runCases(t, "djg-11-3pt", []scoreCase{
		{name: "all yes", resp: rep(3, 11), total: 6, sub: map[string]float64{"emotional": 6, "social": 0}},
	})
	checkOutOfRange(t, "djg-11-3pt", rep(2, 11), 0, 4)
}

func TestDJG6(t *testing.T) {
	in := lookup(t, "djg-6")
	// Order (CBS): emptiness E, rely S, trust S, miss people E, close S, rejected E.
	want := []string{"djg-03-emptiness", "djg-04-rely", "djg-07-trust", "djg-09-miss-people", "djg-08-close", "djg-10-rejected"}
	for j, id := range want {
		if in.Items[j].ID != id {
			t.Errorf("item %d = %s, want %s", j+1, in.Items[j].ID, id)
		}
	}
	least := []float64{1, 5, 5, 1, 5, 1}
	checkEveryItem(t, "djg-6", least, 0, func(int) float64 { return 3 }, 1)
	lonely := func(n int) []float64 { // first n items answered lonely (neutral)
		x := slices.Clone(least)
		for j := 0; j < n; j++ {
			x[j] = 3
		}
		return x
	}
	runCases(t, "djg-6", []scoreCase{
		{name: "0", resp: lonely(0), total: 0, band: "not lonely", sub: map[string]float64{"emotional": 0, "social": 0}},
		{name: "1", resp: lonely(1), total: 1, band: "not lonely", sub: map[string]float64{"emotional": 1, "social": 0}},
		{name: "2", resp: lonely(2), total: 2, band: "moderately lonely"},
		{name: "4", resp: lonely(4), total: 4, band: "moderately lonely", sub: map[string]float64{"emotional": 2, "social": 2}},
		{name: "5", resp: lonely(5), total: 5, band: "severely lonely"},
		{name: "6", resp: lonely(6), total: 6, band: "severely lonely", sub: map[string]float64{"emotional": 3, "social": 3}},
		// Default: complete data required.
		{name: "missing", resp: []float64{3, nan, 5, 1, 5, 1}, total: nan, missing: 1,
			sub: map[string]float64{"emotional": 1, "social": nan}},
		// The developers' syntax (opt-in): at most 1 missing, count over
		// the answered items, no rescaling; subscales stay complete-case.
		{name: "developer rule", resp: []float64{3, nan, 5, 1, 5, 1}, opts: &ScoreOptions{MaxMissing: 1, Method: SumAnswered},
			total: 1, band: "not lonely", missing: 1, pro: true, sub: map[string]float64{"emotional": 1, "social": nan}},
		{name: "developer rule, 2 missing", resp: []float64{3, nan, nan, 1, 5, 1}, opts: &ScoreOptions{MaxMissing: 1, Method: SumAnswered},
			total: nan, missing: 2},
		// Prorated 4 of 5 answered to 4.8: the published categories are
		// defined on whole totals (0-1, 2-4, 5-6), so no band.
		{name: "prorated 4.8", resp: []float64{3, 3, 5, 3, nan, 3}, opts: &ScoreOptions{MaxMissing: 1},
			total: 4.8, missing: 1, pro: true},
		// Prorated 5 of 5 answered to 6: a whole total, banded.
		{name: "prorated 6", resp: []float64{3, 3, 3, 3, nan, 3}, opts: &ScoreOptions{MaxMissing: 1},
			total: 6, band: "severely lonely", missing: 1, pro: true},
	})
	s, _ := in.ScoreWith([]float64{3, nan, 5, 1, 5, 1}, &ScoreOptions{MaxMissing: 1, Method: SumAnswered})
	if !s.NonStandard {
		t.Error("caller rule not flagged NonStandard")
	}
	checkOutOfRange(t, "djg-6", least, 0, 6, 3.5)
	checkEveryItem(t, "djg-6-3pt", []float64{1, 3, 3, 1, 3, 1}, 0, func(int) float64 { return 2 }, 1)
}

func TestLSNS6(t *testing.T) {
	checkEveryItem(t, "lsns-6", rep(0, 6), 0, func(int) float64 { return 5 }, 5)
	runCases(t, "lsns-6", []scoreCase{
		{name: "11", resp: []float64{2, 2, 2, 2, 2, 1}, total: 11, band: "at risk of social isolation",
			sub: map[string]float64{"family": 6, "friends": 5}},
		{name: "12", resp: []float64{0, 0, 0, 4, 4, 4}, total: 12, band: "not at risk",
			sub: map[string]float64{"family": 0, "friends": 12}},
		{name: "0", resp: rep(0, 6), total: 0, band: "at risk of social isolation"},
		{name: "30", resp: rep(5, 6), total: 30, band: "not at risk", sub: map[string]float64{"family": 15, "friends": 15}},
		{name: "missing", resp: []float64{1, 1, 1, nan, 1, 1}, total: nan, missing: 1,
			sub: map[string]float64{"family": 3, "friends": nan}},
	})
	checkOutOfRange(t, "lsns-6", rep(2, 6), -1, 6, 0.5)
}

func TestMSPSS(t *testing.T) {
	checkEveryItem(t, "mspss", rep(1, 12), 1, func(int) float64 { return 7 }, 0.5)
	x := rep(3, 12)
	x[0] = 2 // 35/12 = 2.9167: just below the moderate band
	y := rep(5, 12)
	y[11] = 6 // 61/12 = 5.083: just above the moderate band
	runCases(t, "mspss", []scoreCase{
		{name: "1", resp: rep(1, 12), total: 1, band: "low"},
		{name: "below 3", resp: x, total: 35.0 / 12, band: "low",
			sub: map[string]float64{"significant-other": 2.75, "family": 3, "friends": 3}},
		{name: "3", resp: rep(3, 12), total: 3, band: "moderate"},
		{name: "5", resp: rep(5, 12), total: 5, band: "moderate"},
		{name: "above 5", resp: y, total: 61.0 / 12, band: "high",
			sub: map[string]float64{"significant-other": 5, "family": 5, "friends": 5.25}},
		{name: "7", resp: rep(7, 12), total: 7, band: "high"},
		// Subscale items: significant other 1,2,5,10; family 3,4,8,11; friends 6,7,9,12.
		{name: "subscales", resp: []float64{7, 7, 1, 1, 7, 4, 4, 1, 4, 7, 1, 4}, total: 4, band: "moderate",
			sub: map[string]float64{"significant-other": 7, "family": 1, "friends": 4}},
		{name: "missing", resp: append(rep(4, 11), nan), total: nan, missing: 1,
			sub: map[string]float64{"significant-other": 4, "family": 4, "friends": nan}},
		// Opt-in proration of a mean is the mean of the answered items.
		{name: "opt-in", resp: append(rep(4, 11), nan), opts: &ScoreOptions{MaxMissing: 1, SubscaleMaxMissing: 1}, total: 4, band: "moderate", missing: 1, pro: true,
			sub: map[string]float64{"friends": 4}},
	})
	checkOutOfRange(t, "mspss", rep(4, 12), 0, 8)
}

func TestOSS3(t *testing.T) {
	runCases(t, "oss-3", []scoreCase{
		{name: "3", resp: []float64{1, 1, 1}, total: 3, band: "poor"},
		{name: "8", resp: []float64{4, 2, 2}, total: 8, band: "poor"},
		{name: "9", resp: []float64{4, 3, 2}, total: 9, band: "moderate"},
		{name: "11", resp: []float64{4, 4, 3}, total: 11, band: "moderate"},
		{name: "12", resp: []float64{4, 4, 4}, total: 12, band: "strong"},
		{name: "14", resp: []float64{4, 5, 5}, total: 14, band: "strong"},
		{name: "missing", resp: []float64{4, nan, 5}, total: nan, missing: 1},
	})
	// No reverse items: each item's top code adds its range to the minimum.
	runCases(t, "oss-3", []scoreCase{
		{name: "item 1 top", resp: []float64{4, 1, 1}, total: 6, band: "poor"},
		{name: "item 2 top", resp: []float64{1, 5, 1}, total: 7, band: "poor"},
		{name: "item 3 top", resp: []float64{1, 1, 5}, total: 7, band: "poor"},
	})
	in := lookup(t, "oss-3")
	// Item 1 has four options only: 5 is out of range there but not for items 2-3.
	if _, err := in.Score([]float64{5, 1, 1}); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("item 1 = 5: %v", err)
	}
	checkOutOfRange(t, "oss-3", []float64{2, 2, 2}, 0, 6)
}

func TestSPS(t *testing.T) {
	// Reverse-keyed items of the SPS-24 (Cutrona & Russell 1987), written
	// out independently of the key file.
	rev := []int{2, 3, 6, 9, 10, 14, 15, 18, 19, 21, 22, 24}
	least := make([]float64, 24)
	for j := range least {
		least[j] = 1
		if in1(j+1, rev...) {
			least[j] = 4
		}
	}
	checkEveryItem(t, "sps", least, 24, func(j int) float64 {
		if in1(j+1, rev...) {
			return 1
		}
		return 4
	}, 3)
	subs := map[string][]int{
		"attachment": {2, 11, 17, 21}, "social-integration": {5, 8, 14, 22}, "reassurance-of-worth": {6, 9, 13, 20},
		"reliable-alliance": {1, 10, 18, 23}, "guidance": {3, 12, 16, 19}, "opportunity-for-nurturance": {4, 7, 15, 24},
	}
	in := lookup(t, "sps")
	for name, items := range subs {
		// Raise only this provision's items to the most support: 16 for it, 4 for the rest.
		x := slices.Clone(least)
		for _, i := range items {
			if in1(i, rev...) {
				x[i-1] = 1
			} else {
				x[i-1] = 4
			}
		}
		s, err := in.Score(x)
		if err != nil || s.Total != 36 {
			t.Fatalf("%s: %v %v", name, s.Total, err)
		}
		for _, v := range s.Subscales {
			want := 4.0
			if v.ID == name {
				want = 16
			}
			if v.Value != want {
				t.Errorf("raising %s: subscale %s = %v, want %v", name, v.ID, v.Value, want)
			}
		}
	}
	runCases(t, "sps", []scoreCase{
		{name: "missing", resp: append(slices.Clone(least[:23]), nan), total: nan, missing: 1,
			sub: map[string]float64{"attachment": 4, "opportunity-for-nurturance": nan}},
	})
	checkOutOfRange(t, "sps", rep(2, 24), 0, 5)
}

func TestWEMWBS(t *testing.T) {
	checkEveryItem(t, "wemwbs", rep(1, 14), 14, func(int) float64 { return 5 }, 4)
	runCases(t, "wemwbs", []scoreCase{
		{name: "max", resp: rep(5, 14), total: 70},
		{name: "missing", resp: append(rep(3, 13), nan), total: nan, missing: 1},
	})
	checkOutOfRange(t, "wemwbs", rep(3, 14), 0, 6)
}

func TestSWEMWBS(t *testing.T) {
	in := lookup(t, "swemwbs")
	// The official conversion table (Stewart-Brown et al. 2009; the
	// SWEMWBS user guide's raw-to-metric table).
	table := map[int]float64{7: 7.00, 8: 9.51, 9: 11.25, 10: 12.40, 11: 13.33, 12: 14.08, 13: 14.75, 14: 15.32,
		15: 15.84, 16: 16.36, 17: 16.88, 18: 17.43, 19: 17.98, 20: 18.59, 21: 19.25, 22: 19.98, 23: 20.73,
		24: 21.54, 25: 22.35, 26: 23.21, 27: 24.11, 28: 25.03, 29: 26.02, 30: 27.03, 31: 28.13, 32: 29.31,
		33: 30.70, 34: 32.55, 35: 35.00}
	for raw := 7; raw <= 35; raw++ {
		x := rep(1, 7)
		for r := raw - 7; r > 0; {
			for j := range x {
				if r > 0 && x[j] < 5 {
					x[j]++
					r--
				}
			}
		}
		s, err := in.Score(x)
		if err != nil || s.Raw != float64(raw) || s.Total != table[raw] {
			t.Errorf("raw %d: got raw %v metric %v (%v), want %v", raw, s.Raw, s.Total, err, table[raw])
		}
	}
	want := []string{"wemwbs-01", "wemwbs-02", "wemwbs-03", "wemwbs-06", "wemwbs-07", "wemwbs-09", "wemwbs-11"}
	for j, id := range want {
		if in.Items[j].ID != id {
			t.Errorf("item %d = %s, want %s", j+1, in.Items[j].ID, id)
		}
	}
	runCases(t, "swemwbs", []scoreCase{
		{name: "missing", resp: append(rep(4, 6), nan), total: nan, missing: 1},
	})
	// With a missing item there is no metric total, and no prorated raw
	// score or flag pretends otherwise.
	s, err := in.Score(append(rep(4, 6), nan))
	if err != nil || !math.IsNaN(s.Total) || !math.IsNaN(s.Raw) || s.Prorated || s.NonStandard || s.Band != "" {
		t.Errorf("missing item: %+v %v", s, err)
	}
	// The missing-item option cannot apply to the metric total: refused,
	// not ignored.
	if _, err := in.ScoreWith(append(rep(4, 6), nan), &ScoreOptions{MaxMissing: 1}); !errors.Is(err, ErrInvalidInput) ||
		!strings.Contains(err.Error(), "MaxMissing") {
		t.Errorf("opt-in proration: err = %v", err)
	}
	var dst Scores
	if err := in.ScoreMatrix(&dst, append(rep(4, 6), nan), &ScoreOptions{MaxMissing: 1}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("ScoreMatrix opt-in proration: err = %v", err)
	}
	checkOutOfRange(t, "swemwbs", rep(3, 7), 0, 6)
}

// TestReverseMirror: reversing every response (code → lo + hi − code) of a
// scale whose items are all scored by reversal or identity maps the total
// to min + max − total.
func TestReverseMirror(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, id := range []string{"ucla-ls3", "sps", "ucla-3", "wemwbs", "lsns-6", "mspss", "swemwbs"} {
		in := lookup(t, id)
		lo, hi := in.c.scales[0].rawMin, in.c.scales[0].rawMax
		for trial := 0; trial < 500; trial++ {
			x := make([]float64, len(in.Items))
			y := make([]float64, len(in.Items))
			for j := range x {
				codes := in.ResponseSets[0].Codes
				c := codes[rng.IntN(len(codes))]
				x[j] = float64(c)
				y[j] = float64(codes[0] + codes[len(codes)-1] - c)
			}
			a, err1 := in.Score(x)
			b, err2 := in.Score(y)
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			if !same(a.Raw+b.Raw, lo+hi) {
				t.Fatalf("%s: raw %v + mirrored %v != %v", id, a.Raw, b.Raw, lo+hi)
			}
		}
	}
}

func TestScoreMatrixMatchesScore(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, in := range All() {
		const n = 200
		k := len(in.Items)
		x := make([]float64, n*k)
		for i := range x {
			set := in.ResponseSets[0]
			for _, rs := range in.ResponseSets {
				if rs.ID == in.Items[i%k].Responses {
					set = rs
				}
			}
			switch rng.IntN(40) {
			case 0:
				x[i] = nan
			case 1:
				x[i] = 99 // out of range
			default:
				x[i] = float64(set.Codes[rng.IntN(len(set.Codes))])
			}
		}
		var dst Scores
		o := fitOptions(in, &ScoreOptions{MaxMissing: 1, SubscaleMaxMissing: 1})
		if err := in.ScoreMatrix(&dst, x, o); err != nil {
			t.Fatal(err)
		}
		if dst.N != n {
			t.Fatalf("%s: N = %d", in.ID, dst.N)
		}
		m := len(in.Subscales)
		for i := 0; i < n; i++ {
			s, err := in.ScoreWith(x[i*k:(i+1)*k], o)
			if (err != nil) != (dst.Err[i] != nil) {
				t.Fatalf("%s row %d: errors differ: %v / %v", in.ID, i, err, dst.Err[i])
			}
			if err != nil {
				var ie *effect.FieldError
				if !errors.As(dst.Err[i], &ie) || ie.Record != "respondent "+strconv.Itoa(i+1) || ie.Line != 0 {
					t.Fatalf("%s row %d: %v", in.ID, i, dst.Err[i])
				}
				continue
			}
			band := ""
			if dst.Band[i] >= 0 {
				band = in.Total.Bands[dst.Band[i]].Label
			}
			if !same(s.Total, dst.Total[i]) || !same(s.Raw, dst.Raw[i]) || s.Band != band || s.Missing != dst.Missing[i] || s.Prorated != dst.Prorated[i] {
				t.Fatalf("%s row %d: %+v vs matrix", in.ID, i, s)
			}
			for j := 0; j < m; j++ {
				if !same(s.Subscales[j].Value, dst.Subscales[i*m+j]) {
					t.Fatalf("%s row %d subscale %d", in.ID, i, j)
				}
			}
		}
	}
	in := lookup(t, "ucla-3")
	if err := in.ScoreMatrix(&Scores{}, []float64{1, 2}, nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("ragged matrix: %v", err)
	}
}

func TestItemScores(t *testing.T) {
	in := lookup(t, "ucla-ls3")
	got, err := in.ItemScores(nil, append(rep(1, 19), nan))
	if err != nil {
		t.Fatal(err)
	}
	if got[0] != 4 || got[1] != 1 || !math.IsNaN(got[19]) {
		t.Errorf("got %v", got)
	}
	if _, err := in.ItemScores(nil, rep(9, 20)); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("out of range: %v", err)
	}
	if _, err := in.ItemScores(make([]float64, 3), rep(1, 20)); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("short dst: %v", err)
	}
}
