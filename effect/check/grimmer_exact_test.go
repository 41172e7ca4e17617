package check

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// Mean 1.6 and SD 1.1 from five whole numbers on 1–7 pass the closed-form
// conditions but no data give them: the total must be 8, and the SD needs
// Σy² = 4·SD² + 64/5 in [17.21, 18.09], so 18; but five numbers of 1–7
// summing to 8 are 1,1,1,1,4 (Σy² = 20), 1,1,1,2,3 (16) or 1,1,2,2,2
// (14).
func TestGRIMMERExactIssueCase(t *testing.T) {
	r, err := GRIMMER("1.6", "1.1", 5, 1, ScaleRange{Min: 1, Max: 7, Set: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Verdict != Inconsistent || !r.Exact || r.Reason != "no data set" {
		t.Errorf("mean 1.6, SD 1.1, n = 5 on 1–7: %+v", r)
	}
	// Without the scale only the necessary conditions are tested.
	if r, _ := GRIMMER("1.6", "1.1", 5, 1, ScaleRange{}); r.Verdict != Consistent || r.Exact {
		t.Errorf("unbounded: %+v", r)
	}
}

// multisetSums calls f with (Σy, Σy²) of every multiset of n whole numbers
// in [lo, hi].
func multisetSums(n, lo, hi int, f func(T, Q int64)) {
	var rec func(k, from int, T, Q int64)
	rec = func(k, from int, T, Q int64) {
		if k == 0 {
			f(T, Q)
			return
		}
		for y := from; y <= hi; y++ {
			rec(k-1, y, T+int64(y), Q+int64(y*y))
		}
	}
	rec(n, lo, 0, 0)
}

// TestGRIMMERExactBruteForce enumerates every data set of n whole numbers
// on small scales, marks every (mean, SD) pair it prints at one and two
// decimals (either way of breaking a tie), and requires GRIMMER with the
// scale to agree on every pair of a grid covering the scale, and its
// evidence to print as the pair.
func TestGRIMMERExactBruteForce(t *testing.T) {
	type setup struct {
		lo, hi, items, nmax, dec int
	}
	setups := []setup{
		{1, 7, 1, 12, 1}, {1, 7, 1, 8, 2}, {0, 4, 1, 10, 2}, {1, 5, 2, 6, 2}, {1, 4, 3, 4, 2}, {-3, 3, 1, 8, 1},
	}
	if testing.Short() {
		setups = setups[:1]
	}
	pairs := 0
	for _, su := range setups {
		for n := 2; n <= su.nmax; n++ {
			scale := ScaleRange{Min: su.lo, Max: su.hi, Set: true}
			N := int64(n)
			p10 := int64(math.Pow10(su.dec))
			type pair struct{ m, s int64 }
			seen := map[pair]bool{}
			// Each person's item sum y lies in [items·lo, items·hi]; the
			// score is y/items.
			k := int64(su.items)
			multisetSums(n, su.lo*su.items, su.hi*su.items, func(T, Q int64) {
				// mean = T/(n·k): M with |M/p10 − T/(nk)| ≤ 1/(2·p10).
				for M := floorDiv64(2*T*p10-N*k, 2*N*k) - 1; M <= floorDiv64(2*T*p10+N*k, 2*N*k)+1; M++ {
					if 2*T*p10-N*k > 2*M*N*k || 2*M*N*k > 2*T*p10+N*k {
						continue
					}
					// SD² of scores = (nQ − T²)/(n(n−1)k²); printed Ms with
					// (Ms ∓ ½)/p10 bracketing it.
					num := N*Q - T*T // ≥ 0
					den := N * (N - 1) * k * k
					sd := math.Sqrt(float64(num)/float64(den)) * float64(p10)
					for Ms := int64(sd) - 1; Ms <= int64(sd)+1; Ms++ {
						if Ms < 0 {
							continue
						}
						l, u := big.NewInt(max(2*Ms-1, 0)), big.NewInt(2*Ms+1)
						l.Mul(l, l).Mul(l, big.NewInt(den))
						u.Mul(u, u).Mul(u, big.NewInt(den))
						x := big.NewInt(4 * p10 * p10)
						x.Mul(x, big.NewInt(num))
						if l.Cmp(x) <= 0 && x.Cmp(u) <= 0 {
							seen[pair{M, Ms}] = true
						}
					}
				}
			})
			for M := int64(su.lo)*p10 - 1; M <= int64(su.hi)*p10+1; M++ {
				for Ms := int64(0); Ms <= int64(su.hi-su.lo)*p10*3/4+1; Ms++ {
					x := Number{Mant: M, Decimals: su.dec, Value: float64(M) / float64(p10), Neg: M < 0}
					s := Number{Mant: Ms, Decimals: su.dec, Value: float64(Ms) / float64(p10)}
					r := grimmer(x, s, n, su.items, scale)
					pairs++
					if got, want := r.Verdict == Consistent, seen[pair{M, Ms}]; got != want || (got && !r.Exact) {
						t.Fatalf("scale %d–%d, items %d, n = %d: mean %v SD %v: GRIMMER %v (%s, exact %v), brute force %v",
							su.lo, su.hi, su.items, n, x.Value, s.Value, r.Verdict, r.Reason, r.Exact, want)
					}
					if r.Verdict == Consistent {
						checkSample(t, r.Sample, n, su.items, scale, x, s)
					}
				}
			}
		}
	}
	t.Logf("%d (mean, SD, n) triples agree", pairs)
}

// checkSample verifies GRIMMER's evidence: n scores on the scale, each a
// mean of items whole numbers, whose mean and SD round to the printed ones.
func checkSample(t *testing.T, data []float64, n, items int, scale ScaleRange, x, s Number) {
	t.Helper()
	if len(data) != n {
		t.Fatalf("sample %v: %d values, want %d", data, len(data), n)
	}
	var T, Q int64
	for _, v := range data {
		y := int64(math.Round(v * float64(items)))
		if math.Abs(float64(y)-v*float64(items)) > 1e-9 || y < int64(scale.Min*items) || y > int64(scale.Max*items) {
			t.Fatalf("sample %v: value %v off the scale", data, v)
		}
		T, Q = T+y, Q+y*y
	}
	N, k := float64(n), float64(items)
	mean := float64(T) / (N * k)
	sd := math.Sqrt((N*float64(Q) - float64(T*T)) / (N * (N - 1) * k * k))
	mr, sr := x.Range(), s.Range()
	if !(mean >= mr.Lo-1e-9 && mean <= mr.Hi+1e-9 && sd >= sr.Lo-1e-9 && sd <= sr.Hi+1e-9) {
		t.Fatalf("sample %v: mean %v SD %v do not round to %v, %v", data, mean, sd, x.Value, s.Value)
	}
}

// BenchmarkGRIMMERExact decides pairs on large samples and long scales,
// consistent and not.
func BenchmarkGRIMMERExact(b *testing.B) {
	cases := []struct {
		mean, sd string
		n, items int
		min, max int
	}{
		{"3.47", "1.82", 200, 1, 1, 7}, {"2.03", "0.71", 150, 10, 1, 5}, {"1.02", "0.14", 300, 1, 1, 7},
		{"6.98", "0.14", 300, 1, 1, 7}, {"4.00", "3.00", 100, 1, 1, 7}, {"25.3", "9.8", 500, 1, 0, 60},
	}
	for i := 0; i < b.N; i++ {
		for _, c := range cases {
			if _, err := GRIMMER(c.mean, c.sd, c.n, c.items, ScaleRange{Min: c.min, Max: c.max, Set: true}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestGRIMMERInt64 compares the int64 path with the big.Int one on random
// inputs in the int64 path's domain, with and without a scale.
func TestGRIMMERInt64(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20000; i++ {
		n := 2 + rng.IntN(60)
		items := 1 + rng.IntN(4)
		dec := rng.IntN(3)
		p := math.Pow10(dec)
		lo, hi := rng.IntN(3)-1, 2+rng.IntN(8)
		x := Number{Decimals: dec}
		x.Mant = int64(math.Round((float64(lo) + rng.Float64()*float64(hi-lo)) * p))
		x.Value, x.Neg = float64(x.Mant)/p, x.Mant < 0
		s := Number{Decimals: rng.IntN(3)}
		s.Mant = int64(math.Round(rng.Float64() * float64(hi-lo) / 2 * math.Pow10(s.Decimals)))
		s.Value = float64(s.Mant) / math.Pow10(s.Decimals)
		scale := ScaleRange{}
		if i%2 == 0 {
			scale = ScaleRange{Min: lo, Max: hi, Set: true}
		}
		r := grim(x, n, items)
		if r.Verdict != Consistent {
			continue
		}
		a, ok := grimmer64(s, n, items, scale, r)
		if !ok {
			t.Fatalf("int64 path refused n=%d items=%d", n, items)
		}
		b := grimmerBig(x, s, n, items, scale, r)
		if a.Verdict != b.Verdict || a.Reason != b.Reason || a.Exact != b.Exact || len(a.Sample) != len(b.Sample) {
			t.Fatalf("mean %v SD %v n %d items %d scale %+v: int64 %+v, big %+v", x.Value, s.Value, n, items, scale, a, b)
		}
	}
}
