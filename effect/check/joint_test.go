package check

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestJointAgainstSampling compares the joint CI checks with a direct
// search: the exact (and Wald) ends are computed at many points of the
// box's t range; whenever some point reproduces both reported ends, the
// check must say consistent, and a CI printed from an interior point must
// always be consistent.
func TestJointAgainstSampling(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const level = 0.95
	alpha := 1 - level
	z := normalQuantile(1 - alpha/2)
	round2 := func(x float64) Range {
		return mustNum(t, strconv.FormatFloat(x, 'f', 2, 64)).Range()
	}
	disagree := 0
	for it := 0; it < 40; it++ {
		n1, n2 := 3+rng.IntN(60), 3+rng.IntN(60)
		N := float64(n1 + n2)
		h := math.Sqrt(float64(n1*n2) / N)
		df := N - 2
		A := 1/float64(n1) + 1/float64(n2)
		d0 := rng.NormFloat64()
		w := []float64{0.02, 0.1}[rng.IntN(2)]
		dr := Range{d0 - w, d0 + w}
		tr := Range{h * dr.Lo, h * dr.Hi}
		exactEnds := func(d float64) (float64, float64) {
			return ncpFor(d*h, df, 1-alpha/2) / h, ncpFor(d*h, df, alpha/2) / h
		}
		waldEnds := func(d float64) (float64, float64) {
			s := z * math.Sqrt(A+d*d/(2*N))
			return d - s, d + s
		}
		for k := 0; k < 6; k++ {
			ds := dr.Lo + rng.Float64()*(dr.Hi-dr.Lo)
			el, eu := exactEnds(ds)
			wl, wu := waldEnds(ds)
			if k > 0 { // perturb one or both ends
				el += float64(rng.IntN(5)-2) * 0.01
				eu += float64(rng.IntN(5)-2) * 0.01
				wl += float64(rng.IntN(5)-2) * 0.01
				wu += float64(rng.IntN(5)-2) * 0.01
			}
			rlE, ruE, rlW, ruW := round2(el), round2(eu), round2(wl), round2(wu)
			gotE := nctJoint(tr, rlE, ruE, 1, h, df, alpha, z, nil)
			if g2 := nctJoint(tr, rlE, ruE, 1, h, df, alpha, z, new(ncpEnds).at(tr, df, 1-alpha)); g2 != gotE {
				t.Errorf("t %v: joint check with inverted ends %v, with CDF comparisons %v", tr, g2, gotE)
			}
			gotW, _ := waldJoint(dr, rlW, ruW, 1, z, A, N)
			foundE, foundW := false, false
			for i := 0; i <= 200; i++ {
				d := dr.Lo + (dr.Hi-dr.Lo)*float64(i)/200
				l, u := exactEnds(d)
				if rlE.Contains(l) && ruE.Contains(u) {
					foundE = true
				}
				l, u = waldEnds(d)
				if rlW.Contains(l) && ruW.Contains(u) {
					foundW = true
				}
			}
			if k == 0 && (!gotE || !gotW) {
				t.Errorf("n %d/%d d %v: CI printed from the box rejected (exact %v, Wald %v)", n1, n2, ds, gotE, gotW)
			}
			if foundE && !gotE || foundW && !gotW {
				t.Errorf("n %d/%d: sampling found a point, check says no (exact %v/%v, Wald %v/%v)", n1, n2, foundE, gotE, foundW, gotW)
			}
			if gotE != foundE || gotW != foundW {
				// The check says yes, the coarse grid missed: the set must
				// show up on a fine grid.
				disagree++
				fine := false
				for i := 0; i <= 20000 && !fine; i++ {
					d := dr.Lo + (dr.Hi-dr.Lo)*float64(i)/20000
					var l, u float64
					if gotE != foundE {
						l, u = exactEnds(d)
						fine = rlE.Contains(l) && ruE.Contains(u)
					} else {
						l, u = waldEnds(d)
						fine = rlW.Contains(l) && ruW.Contains(u)
					}
				}
				if !fine {
					t.Errorf("n %d/%d: check says consistent, no point found on a fine grid", n1, n2)
				}
			}
		}
	}
	t.Logf("%d of 240 cases consistent only between grid points", disagree)
}

// TestWaldClosedForm compares the closed-form Wald check (both ends
// increasing) with the piecewise bisection on random inputs.
func TestWaldClosedForm(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 20000; i++ {
		e0 := rng.NormFloat64()
		er := Range{e0, e0 + rng.Float64()*0.3}
		A, B, z := 0.02+rng.Float64()*0.3, rng.Float64()*0.05, 1.96
		w := z * math.Sqrt(A+B*e0*e0)
		c := e0 + rng.Float64()*0.3
		u := 0.005 * float64(1+rng.IntN(2))
		lo := Range{c - w - u + rng.NormFloat64()*0.02, c - w + u + rng.NormFloat64()*0.02}
		hi := Range{c + w - u + rng.NormFloat64()*0.02, c + w + u + rng.NormFloat64()*0.02}
		if lo.Lo > lo.Hi || hi.Lo > hi.Hi {
			continue
		}
		ok1, g1 := waldJointB(er, lo, hi, 1, z, A, B)
		ok2, g2 := waldPieces(er, widen(lo), widen(hi), 1, z, A, B)
		if ok1 != ok2 || math.Abs(g1-g2) > 1e-9 {
			t.Fatalf("er %v lo %v hi %v A %v B %v: closed form %v %v, pieces %v %v", er, lo, hi, A, B, ok1, g1, ok2, g2)
		}
	}
}
