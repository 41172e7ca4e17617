package measures

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/tiesproject/ties/effect"
)

// AlphaOptions configures Alpha. The nil value means Level 0.95.
type AlphaOptions struct {
	// Level is the confidence level of the Feldt interval, in (0, 1);
	// 0 means 0.95.
	Level float64
}

// AlphaResult holds Cronbach's alpha and the item analysis of psych::alpha
// (Revelle), computed from the complete rows.
type AlphaResult struct {
	N       int // complete rows used
	Dropped int // rows dropped listwise because an item was missing (NaN)
	K       int // number of items

	Raw      float64 // raw_alpha: from the covariance matrix
	Std      float64 // std.alpha: from the correlation matrix
	G6       float64 // G6(smc): Guttman's lambda 6 from squared multiple correlations
	AverageR float64 // average_r: mean inter-item correlation
	SN       float64 // S/N: signal/noise ratio K·r/(1−r)
	ASE      float64 // ase: asymptotic SE of raw alpha (Duhachek & Iacobucci 2004)
	Mean     float64 // mean of the respondents' item means
	SD       float64 // SD of the respondents' item means
	MedianR  float64 // median_r: median inter-item correlation
	VarR     float64 // var.r: variance of the inter-item correlations

	// Feldt is the Feldt (1965) confidence interval for Raw:
	// 1 − (1 − alpha)·F quantiles with N−1 and (N−1)(K−1) df, as
	// psych::alpha.ci.
	Feldt effect.Interval

	Items []AlphaItem
}

// AlphaItem is the analysis of one item.
type AlphaItem struct {
	RawR  float64 // raw.r: correlation of the item with the total (item included)
	StdR  float64 // std.r: raw.r if all items were standardized
	RCor  float64 // r.cor: item-total correlation corrected for item overlap and reliability (smc on the diagonal)
	RDrop float64 // r.drop: corrected item-total correlation (item excluded from the total)
	Mean  float64
	SD    float64
	// IfDeleted is the scale's alpha with this item removed; all NaN when
	// K = 2.
	IfDeleted AlphaIfDeleted
}

// AlphaIfDeleted is psych::alpha's alpha.drop row for one item.
type AlphaIfDeleted struct {
	Raw, Std, G6, AverageR, SN float64
	SE                         float64 // "alpha se"; NaN when N <= K
	VarR, MedianR              float64
}

// Alpha computes Cronbach's alpha, its Feldt confidence interval and the
// item statistics of psych::alpha for items (rows are respondents,
// columns items; use ItemScores first so that reverse-keyed items are
// reversed).
//
// Missing values (NaN) are handled listwise: a row with any NaN is
// dropped (counted in Dropped) and every statistic is computed from the
// same complete rows. This equals psych::alpha(na.omit(x)); psych's
// default, pairwise covariances, gives different values when data are
// missing.
//
// Special cases: fewer than 2 items, fewer than 2 complete rows, ragged
// rows, ±Inf, or an item with zero variance in the complete rows return an
// error wrapping ErrInvalidInput.
func Alpha(items [][]float64, o *AlphaOptions) (AlphaResult, error) {
	level := 0.95
	if o != nil && o.Level != 0 {
		level = o.Level
	}
	if !(level > 0 && level < 1) {
		return AlphaResult{}, fieldErr("AlphaOptions.Level", level, "must be in (0, 1)")
	}
	if len(items) == 0 {
		return AlphaResult{}, fieldErr("items", 0, "no rows")
	}
	k := len(items[0])
	if k < 2 {
		return AlphaResult{}, fieldErr("items[0]", k, "need at least 2 items")
	}
	var rows [][]float64
	dropped := 0
	for i, r := range items {
		if len(r) != k {
			return AlphaResult{}, fieldErr(fmt.Sprintf("items[%d]", i), len(r), fmt.Sprintf("want %d items like row 0", k))
		}
		complete := true
		for j, x := range r {
			if math.IsInf(x, 0) {
				return AlphaResult{}, fieldErr(fmt.Sprintf("items[%d][%d]", i, j), x, "must be finite (NaN marks missing)")
			}
			complete = complete && x == x
		}
		if complete {
			rows = append(rows, r)
		} else {
			dropped++
		}
	}
	n := len(rows)
	if n < 2 {
		return AlphaResult{}, fieldErr("items", n, "need at least 2 complete rows")
	}
	res := AlphaResult{N: n, Dropped: dropped, K: k}

	// Item means and the covariance matrix (n−1 denominator), two-pass.
	means := make([]float64, k)
	for _, r := range rows {
		for j, x := range r {
			means[j] += x
		}
	}
	for j := range means {
		means[j] /= float64(n)
	}
	C := make([]float64, k*k)
	for _, r := range rows {
		for a := 0; a < k; a++ {
			da := r[a] - means[a]
			for b := a; b < k; b++ {
				C[a*k+b] += da * (r[b] - means[b])
			}
		}
	}
	for a := 0; a < k; a++ {
		for b := a; b < k; b++ {
			C[a*k+b] /= float64(n - 1)
			C[b*k+a] = C[a*k+b]
		}
		if !(C[a*k+a] > 0) {
			return AlphaResult{}, fieldErr(fmt.Sprintf("items[*][%d]", a), C[a*k+a], "item has zero variance in the complete rows")
		}
	}
	R := make([]float64, k*k)
	for a := 0; a < k; a++ {
		for b := 0; b < k; b++ {
			R[a*k+b] = C[a*k+b] / math.Sqrt(C[a*k+a]*C[b*k+b])
		}
	}
	all := make([]int, k)
	for j := range all {
		all[j] = j
	}
	t := alpha1(C, R, k, all, n)
	res.Raw, res.Std, res.G6, res.AverageR, res.SN = t.Raw, t.Std, t.G6, t.AverageR, t.SN
	res.ASE, res.MedianR, res.VarR = math.Sqrt(t.q/float64(n)), t.MedianR, t.VarR

	// Total = each respondent's mean item score (psych's default).
	tot := make([]float64, n)
	for i, r := range rows {
		var s float64
		for _, x := range r {
			s += x
		}
		tot[i] = s / float64(k)
	}
	res.Mean, res.SD = meanSD(tot)

	// Feldt interval.
	df1, df2 := float64(n-1), float64((n-1)*(k-1))
	f := distuv.F{D1: df1, D2: df2}
	p := 1 - level
	res.Feldt = effect.Interval{
		Lower: 1 - (1-res.Raw)*f.Quantile(1-p/2),
		Upper: 1 - (1-res.Raw)*f.Quantile(p/2),
		Level: level,
	}

	// Item statistics.
	smcR := smc(R, k, all)
	var sumR, sumRC float64
	colR := make([]float64, k)
	colRC := make([]float64, k)
	colC := make([]float64, k)
	var sumC float64
	for a := 0; a < k; a++ {
		for b := 0; b < k; b++ {
			v := R[a*k+b]
			colR[b] += v
			sumR += v
			if a == b {
				v = smcR[a]
			}
			colRC[b] += v
			sumRC += v
			colC[b] += C[a*k+b]
			sumC += C[a*k+b]
		}
	}
	res.Items = make([]AlphaItem, k)
	rest := make([]int, 0, k-1)
	for j := 0; j < k; j++ {
		it := &res.Items[j]
		col := make([]float64, n)
		for i, r := range rows {
			col[i] = r[j]
		}
		it.Mean, it.SD = meanSD(col)
		it.RawR = corr(tot, col)
		it.StdR = colR[j] / math.Sqrt(sumR)
		it.RCor = colRC[j] / math.Sqrt(sumRC)
		cjj := C[j*k+j]
		vDrop := sumC - 2*colC[j] + cjj
		it.RDrop = (colC[j] - cjj) / math.Sqrt(cjj*vDrop)
		if k == 2 {
			nan := math.NaN()
			it.IfDeleted = AlphaIfDeleted{nan, nan, nan, nan, nan, nan, nan, nan}
			continue
		}
		rest = rest[:0]
		for b := 0; b < k; b++ {
			if b != j {
				rest = append(rest, b)
			}
		}
		d := alpha1(C, R, k, rest, n)
		it.IfDeleted = AlphaIfDeleted{Raw: d.Raw, Std: d.Std, G6: d.G6, AverageR: d.AverageR, SN: d.SN,
			SE: math.NaN(), VarR: d.VarR, MedianR: d.MedianR}
		if n > k {
			it.IfDeleted.SE = math.Sqrt(d.q / float64(n))
		}
	}
	return res, nil
}

type alphaStats struct {
	Raw, Std, G6, AverageR, SN, VarR, MedianR float64
	q                                         float64 // Duhachek–Iacobucci Q
}

// alpha1 is psych's internal alpha.1 on the submatrix of C and R given by idx.
func alpha1(C, R []float64, k int, idx []int, n int) alphaStats {
	m := len(idx)
	fm := float64(m)
	var trC, sumC, sumR, trCC, sumCC float64
	for _, a := range idx {
		trC += C[a*k+a]
		for _, b := range idx {
			sumC += C[a*k+b]
			sumR += R[a*k+b]
			trCC += C[a*k+b] * C[a*k+b] // tr(C·C) for symmetric C
			// sum of all entries of C·C = sum_b (sum_a C[a,b])^2, below.
		}
	}
	for _, b := range idx {
		var s float64
		for _, a := range idx {
			s += C[a*k+b]
		}
		sumCC += s * s
	}
	var st alphaStats
	st.Raw = (1 - trC/sumC) * fm / (fm - 1)
	st.Std = (1 - fm/sumR) * fm / (fm - 1)
	var sumSMC float64
	for _, v := range smc(R, k, idx) {
		sumSMC += v
	}
	st.G6 = 1 - (fm-sumSMC)/sumR
	st.AverageR = (sumR - fm) / (fm * (fm - 1))
	st.SN = fm * st.AverageR / (1 - st.AverageR)
	var lower []float64
	for x, a := range idx {
		for _, b := range idx[x+1:] {
			lower = append(lower, R[a*k+b])
		}
	}
	_, sd := meanSD(lower)
	st.VarR = sd * sd
	if len(lower) < 2 {
		st.VarR = math.NaN()
	}
	st.MedianR = median(lower)
	st.q = (2 * fm * fm / ((fm - 1) * (fm - 1) * sumC * sumC * sumC)) * (sumC*(trCC+trC*trC) - 2*trC*sumCC)
	return st
}

// smc returns the squared multiple correlations of the submatrix idx of R,
// 1 − 1/diag(R⁻¹), using the Moore–Penrose inverse as psych's Pinv does and
// clamping to [0, 1] as psych::smc does.
func smc(R []float64, k int, idx []int) []float64 {
	m := len(idx)
	out := make([]float64, m)
	if m == 1 {
		// A single variable has no predictors: 1 − 1/1 = 0, as psych.
		return out
	}
	a := mat.NewDense(m, m, nil)
	for x, i := range idx {
		for y, j := range idx {
			a.Set(x, y, R[i*k+j])
		}
	}
	var svd mat.SVD
	if !svd.Factorize(a, mat.SVDFull) {
		for i := range out {
			out[i] = math.NaN()
		}
		return out
	}
	s := svd.Values(nil)
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	tol := math.Sqrt(2.220446049250313e-16) * s[0]
	for x := 0; x < m; x++ {
		// diag(V diag(1/s) Uᵀ)[x] = Σ_i V[x,i] U[x,i] / s_i over s_i > tol.
		var d float64
		for i := 0; i < m; i++ {
			if s[i] > tol {
				d += v.At(x, i) * u.At(x, i) / s[i]
			}
		}
		out[x] = 1 - 1/d
		if out[x] > 1 {
			out[x] = 1
		}
		if out[x] < 0 {
			out[x] = 0
		}
	}
	return out
}

func meanSD(x []float64) (mean, sd float64) {
	n := float64(len(x))
	for _, v := range x {
		mean += v
	}
	mean /= n
	var ss float64
	for _, v := range x {
		ss += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(ss / (n - 1))
}

func corr(x, y []float64) float64 {
	mx, sx := meanSD(x)
	my, sy := meanSD(y)
	var s float64
	for i := range x {
		s += (x[i] - mx) * (y[i] - my)
	}
	return s / (float64(len(x)-1) * sx * sy)
}

func median(x []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	h := len(s) / 2
	if len(s)%2 == 1 {
		return s[h]
	}
	return (s[h-1] + s[h]) / 2
}
