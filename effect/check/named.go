package check

import (
	"math"
	"slices"

	"github.com/tiesproject/ties/effect"
)

// namedCI adds to the CI findings the gap against the convention the
// row's label names (unflipped, SDs read as SDs; the closest of its
// variants and interval variances), and the plain difference between the
// interval recomputed at the printed summaries and the printed ends.
func namedCI(b box, p smdParsed, wald, exact *Finding) {
	wald.Diff, exact.Diff = math.NaN(), math.NaN()
	want := labelStandardizers(p.measure)
	n1, n2 := float64(b.n1), float64(b.n2)
	N := n1 + n2
	A := 1/n1 + 1/n2
	h := math.Sqrt(n1 * n2 / N)
	df := N - 2
	alpha := 1 - p.level
	z := normalQuantile(1 - alpha/2)
	rl, ru := p.lower, p.upper
	has := func(f *Finding, m Match) bool { return slices.Contains(f.Matches, m) }

	// Gaps against the named conventions.
	if want != nil {
		wbest, ebest := math.Inf(1), math.Inf(1)
		var wm, em Match
		for _, s := range want {
			c := Convention{Standardizer: s}
			j, ok := b.correction(s)
			if !ok {
				continue
			}
			dr := b.dRange(s, false)
			type cand struct {
				m   Match
				gap float64
			}
			var cs []cand
			var g float64
			switch s {
			case PooledD, ExactG, ApproxG:
				_, g = waldJoint(Range{j * dr.Lo, j * dr.Hi}, rl, ru, 1, z, A, N)
				cs = append(cs, cand{Match{Convention: c, Method: effect.Wald}, g})
				if s != PooledD {
					_, g = waldJoint(dr, rl, ru, j, z, A, N)
					cs = append(cs, cand{Match{Convention: c, Method: effect.Wald, Variance: LS2}, g})
				}
				m := Match{Convention: c, Method: effect.NoncentralT}
				eg := 0.0
				if !has(exact, m) {
					tr := Range{h * dr.Lo, h * dr.Hi}
					eg = nctGap(rl, ru, j, h, z, new(ncpEnds).at(tr, df, p.level))
				}
				if eg < ebest {
					ebest, em = eg, m
				}
			case GlassControl, GlassTreat:
				nk := n2
				if s == GlassTreat {
					nk = n1
				}
				_, g = waldJoint(dr, rl, ru, 1, z, A, nk)
				cs = append(cs, cand{Match{Convention: c, Method: effect.Wald}, g})
			case AverageD:
				rb, _, _ := b.ratioBoxFor(c)
				_, g = averageWald(rb, n1, n2, rl, ru, z, math.Inf(1))
				cs = append(cs, cand{Match{Convention: c, Method: effect.Wald}, g})
			}
			// The shortcut last: among equal gaps the estimate's own
			// variance is named.
			_, g = waldJointB(Range{j * dr.Lo, j * dr.Hi}, rl, ru, 1, z, A, 0)
			cs = append(cs, cand{Match{Convention: c, Method: effect.Wald, Variance: Shortcut}, g})
			for _, cd := range cs {
				g := cd.gap
				if has(wald, cd.m) {
					g = 0
				}
				if g < wbest {
					wbest, wm = g, cd.m
				}
			}
		}
		if wald.Verdict != NotCheckable && !math.IsInf(wbest, 1) {
			wald.Named, wald.NamedGap, wald.HaveNamed = wm, wbest, true
		}
		if exact.Verdict != NotCheckable && !math.IsInf(ebest, 1) {
			exact.Named, exact.NamedGap, exact.HaveNamed = em, ebest, true
		}
	}

	// The plain difference at the printed summaries, under the first
	// named d or g convention (Hedges' g with the approximate J without a
	// label), Wald with the estimate's own variance and noncentral t (the
	// latter only for a labelled d or g: it costs an inversion).
	s := ApproxG
	if want != nil {
		s = want[0]
	}
	mid := func(r Range) float64 { return 0.5 * (r.Lo + r.Hi) }
	e, ok := b.atPrinted(s)
	if !ok || math.IsNaN(e) || math.IsInf(e, 0) {
		return
	}
	var B float64
	switch s {
	case PooledD, ExactG, ApproxG:
		B = 1 / (2 * N)
	case GlassControl:
		B = 1 / (2 * n2)
	case GlassTreat:
		B = 1 / (2 * n1)
	default:
		return
	}
	w := z * math.Sqrt(A+B*e*e)
	if wald.Verdict != NotCheckable {
		wald.Diff = max(math.Abs(e-w-mid(rl)), math.Abs(e+w-mid(ru)))
	}
	if exact.Verdict != NotCheckable && B == 1/(2*N) && want != nil {
		j, _ := b.correction(s)
		lo, hi := ncpInterval(e/j*h, df, p.level)
		exact.Diff = max(math.Abs(j*lo/h-mid(rl)), math.Abs(j*hi/h-mid(ru)))
	}
}
