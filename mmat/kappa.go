package mmat

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/tiesproject/ties/effect"
)

// Weights selects the agreement weights of a weighted kappa over ordered
// categories. For MMAT answers the order is Yes > Can't tell > No, an
// analyst's assumption rather than part of the tool; weighted kappa is
// therefore opt-in.
type Weights int

const (
	// Unweighted: identity weights (Cohen's kappa). The default.
	Unweighted Weights = iota
	// Linear: w_ij = 1 - |i-j|/(q-1) (vcd "Equal-Spacing", psych w.exp=1).
	Linear
	// Quadratic: w_ij = 1 - (i-j)^2/(q-1)^2 (Fleiss-Cohen; psych's
	// default).
	Quadratic
)

// String returns "unweighted", "linear", "quadratic" or "Weights(n)".
func (w Weights) String() string {
	switch w {
	case Unweighted:
		return "unweighted"
	case Linear:
		return "linear"
	case Quadratic:
		return "quadratic"
	}
	return fmt.Sprintf("Weights(%d)", int(w))
}

// WeightMatrix returns the q×q agreement weights of kind w (q >= 2).
func WeightMatrix(q int, w Weights) ([][]float64, error) {
	if q < 2 {
		return nil, fieldError(0, "", "", "", "q", q, ErrInvalidInput, "need at least 2 categories")
	}
	if w < Unweighted || w > Quadratic {
		return nil, fieldError(0, "", "", "", "weights", w.String(), ErrInvalidInput, "use Unweighted, Linear or Quadratic")
	}
	m := make([][]float64, q)
	for i := range m {
		m[i] = make([]float64, q)
		for j := range m[i] {
			d := math.Abs(float64(i-j)) / float64(q-1)
			switch w {
			case Unweighted:
				if i == j {
					m[i][j] = 1
				}
			case Linear:
				m[i][j] = 1 - d
			case Quadratic:
				m[i][j] = 1 - d*d
			}
		}
	}
	return m, nil
}

// Coefficient is a chance-corrected agreement coefficient with its
// large-sample inference.
type Coefficient struct {
	Value float64
	// SE is the large-sample standard error: for kappa the non-null
	// variance of Fleiss, Cohen & Everitt (1969); for AC1 Gwet's (2008)
	// variance as in irrCAC::gwet.ac1.table (f = 0).
	SE float64
	// SE0 is kappa's standard error under H0: kappa = 0 (FCE 1969), used for
	// Z. NaN for AC1.
	SE0 float64
	// Z = Value/SE0 and P its two-sided normal p-value (NaN for AC1).
	Z, P float64
	// CI is Value ± z·SE for kappa (normal, as psych and vcd) and
	// Value ± t(n-1)·SE for AC1 (as irrCAC), clamped to [-1, 1] as psych and
	// vcd do.
	CI effect.Interval
	// Err is non-nil (wrapping ErrUndefined) when the coefficient is
	// undefined for the data; Value and the rest are then NaN.
	Err error
}

func undefined(reason string, level float64) Coefficient {
	n := math.NaN()
	return Coefficient{Value: n, SE: n, SE0: n, Z: n, P: n, CI: effect.Interval{Lower: n, Upper: n, Level: level},
		Err: fieldError(0, "", "", "", "", nil, ErrUndefined, reason)}
}

// notRequested is the Weighted coefficient of an Agreement when no
// weighting was asked for: NaN, so that it cannot be mistaken for a value.
func notRequested(level float64) Coefficient {
	c := undefined("weighted kappa not requested (AgreementOptions.Weights is Unweighted)", level)
	return c
}

// proportions checks a q×q table of counts and returns proportions and n.
func proportions(table [][]float64) ([][]float64, float64, error) {
	q := len(table)
	if q < 2 {
		return nil, 0, fieldError(0, "", "", "", "table", nil, ErrInvalidInput, "table needs at least 2 categories")
	}
	n := 0.0
	for i, row := range table {
		if len(row) != q {
			return nil, 0, fieldError(0, "", "", "", "table", nil, ErrInvalidInput, fmt.Sprintf("row %d has %d cells, want %d (square table)", i+1, len(row), q))
		}
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				return nil, 0, fieldError(0, "", "", "", fmt.Sprintf("table[%d][%d]", i, j), v, ErrInvalidInput, "must be a finite count >= 0")
			}
			if v != math.Trunc(v) {
				// Proportions (or weighted counts) would make n wrong,
				// and with it every standard error and interval.
				return nil, 0, fieldError(0, "", "", "", fmt.Sprintf("table[%d][%d]", i, j), v, ErrInvalidInput, "must be a whole count (pass counts, not proportions)")
			}
			n += v
		}
	}
	if n <= 0 || math.IsInf(n, 0) {
		return nil, 0, fieldError(0, "", "", "", "table", nil, ErrInvalidInput, "table is empty")
	}
	p := make([][]float64, q)
	for i := range table {
		p[i] = make([]float64, q)
		for j := range table[i] {
			p[i][j] = table[i][j] / n
		}
	}
	return p, n, nil
}

func checkLevel(level float64) (float64, error) {
	if level == 0 {
		return 0.95, nil
	}
	if !(level > 0 && level < 1) {
		return 0, fieldError(0, "", "", "", "AgreementOptions.Level", level, ErrInvalidInput, "must be in (0, 1); 0 means 0.95")
	}
	return level, nil
}

func clamp(x float64) float64 { return math.Max(-1, math.Min(1, x)) }

// KappaTable returns Cohen's (1960) kappa, or the weighted kappa of Cohen
// (1968), for a q×q table of whole counts (rows rater A, columns rater B),
// with the Fleiss, Cohen & Everitt (1969) non-null and null standard
// errors and a normal confidence interval at o.Level (0 means 0.95).
//
// The weights are w, a q×q matrix with entries in [0, 1] and 1 on the
// diagonal, or, when w is nil, those of o.Weights (WeightMatrix; the zero
// value is identity weights, i.e. unweighted kappa). Giving both w and a
// non-zero o.Weights is an error. A nil o means unweighted, 95%.
//
// Special cases: when the expected agreement is 1 (both raters used one
// and the same category throughout) kappa is 0/0; the result then has NaN
// values and Err wrapping ErrUndefined, and the returned error is nil
// (psych prints "no variance" and returns NA). A negative variance from
// rounding is set to 0. Invalid tables, weights or levels return an
// error wrapping ErrInvalidInput.
func KappaTable(table, w [][]float64, o *AgreementOptions) (Coefficient, error) {
	var opt AgreementOptions
	if o != nil {
		opt = *o
	}
	p, n, err := proportions(table)
	if err != nil {
		return Coefficient{}, err
	}
	level, err := checkLevel(opt.Level)
	if err != nil {
		return Coefficient{}, err
	}
	q := len(p)
	if w == nil {
		if w, err = WeightMatrix(q, opt.Weights); err != nil {
			return Coefficient{}, err
		}
	} else if opt.Weights != Unweighted {
		return Coefficient{}, fieldError(0, "", "", "", "AgreementOptions.Weights", opt.Weights.String(), ErrInvalidInput,
			"weights given twice: pass either a weight matrix w or AgreementOptions.Weights")
	}
	if len(w) != q {
		return Coefficient{}, fieldError(0, "", "", "", "w", nil, ErrInvalidInput, fmt.Sprintf("weights have %d rows, want %d", len(w), q))
	}
	for i := range w {
		if len(w[i]) != q {
			return Coefficient{}, fieldError(0, "", "", "", "w", nil, ErrInvalidInput, fmt.Sprintf("weights row %d has %d cells, want %d", i+1, len(w[i]), q))
		}
		for j, v := range w[i] {
			if !(v >= 0 && v <= 1) || (i == j && v != 1) {
				return Coefficient{}, fieldError(0, "", "", "", fmt.Sprintf("w[%d][%d]", i, j), v, ErrInvalidInput, "weights must be in [0, 1], with 1 on the diagonal")
			}
		}
	}
	row := make([]float64, q) // p_i.
	col := make([]float64, q) // p_.j
	for i := range p {
		for j := range p[i] {
			row[i] += p[i][j]
			col[j] += p[i][j]
		}
	}
	var po, pe float64
	for i := range p {
		for j := range p[i] {
			po += w[i][j] * p[i][j]
			pe += w[i][j] * row[i] * col[j]
		}
	}
	if 1-pe < 1e-12 {
		return undefined("expected agreement is 1 (a single category used by both raters): kappa is 0/0", level), nil
	}
	kappa := (po - pe) / (1 - pe)
	// wRow[i] = w̄_i. = Σ_j p_.j w_ij ; wCol[j] = w̄_.j = Σ_i p_i. w_ij.
	wRow := make([]float64, q)
	wCol := make([]float64, q)
	for i := range w {
		for j := range w[i] {
			wRow[i] += col[j] * w[i][j]
			wCol[j] += row[i] * w[i][j]
		}
	}
	var s1, s0 float64
	for i := range p {
		for j := range p[i] {
			d := w[i][j] - (1-kappa)*(wRow[i]+wCol[j])
			s1 += p[i][j] * d * d
			d0 := w[i][j] - (wRow[i] + wCol[j])
			s0 += row[i] * col[j] * d0 * d0
		}
	}
	den := n * (1 - pe) * (1 - pe)
	t := kappa - pe*(1-kappa)
	v := math.Max(0, (s1-t*t)/den)
	v0 := math.Max(0, (s0-pe*pe)/den)
	se, se0 := math.Sqrt(v), math.Sqrt(v0)
	zc := distuv.UnitNormal.Quantile(0.5 + level/2)
	c := Coefficient{Value: kappa, SE: se, SE0: se0,
		CI: effect.Interval{Lower: clamp(kappa - zc*se), Upper: clamp(kappa + zc*se), Level: level}}
	c.Z = kappa / se0
	c.P = 2 * distuv.UnitNormal.Survival(math.Abs(c.Z))
	if se0 == 0 {
		c.Z, c.P = math.NaN(), math.NaN()
	}
	return c, nil
}

// AC1Table returns Gwet's (2008) AC1 for a q×q table of whole counts
// (identity weights) with the variance of irrCAC::gwet.ac1.table (no
// finite-population correction) and a t(n-1) interval at o.Level (0 means
// 0.95), clamped to [-1, 1]. AC1 stays defined when kappa is not: with one
// category used throughout it is 1. SE0, Z and P are NaN. This AC1 is
// unweighted: a non-zero o.Weights is an error. A nil o means 95%.
//
// The number of categories q matters (chance agreement is
// Σ π_k(1-π_k)/(q-1)), so pass the full answer vocabulary, unused
// categories included.
func AC1Table(table [][]float64, o *AgreementOptions) (Coefficient, error) {
	var opt AgreementOptions
	if o != nil {
		opt = *o
	}
	p, n, err := proportions(table)
	if err != nil {
		return Coefficient{}, err
	}
	level, err := checkLevel(opt.Level)
	if err != nil {
		return Coefficient{}, err
	}
	if opt.Weights != Unweighted {
		return Coefficient{}, fieldError(0, "", "", "", "AgreementOptions.Weights", opt.Weights.String(), ErrInvalidInput,
			"AC1Table computes the unweighted AC1; leave Weights zero")
	}
	q := len(p)
	pi := make([]float64, q)
	var po float64
	for i := range p {
		po += p[i][i]
		for j := range p[i] {
			pi[i] += p[i][j] / 2
			pi[j] += p[i][j] / 2
		}
	}
	var pe float64
	for _, v := range pi {
		pe += v * (1 - v)
	}
	pe /= float64(q - 1)
	ac1 := (po - pe) / (1 - pe)
	var s float64
	for k := range p {
		for l := range p[k] {
			d := -2 * (1 - ac1) * (1 - (pi[k]+pi[l])/2) / float64(q-1)
			if k == l {
				d++
			}
			s += p[k][l] * d * d
		}
	}
	t := po - 2*(1-ac1)*pe
	v := math.Max(0, (s-t*t)/(n*(1-pe)*(1-pe)))
	se := math.Sqrt(v)
	nan := math.NaN()
	c := Coefficient{Value: ac1, SE: se, SE0: nan, Z: nan, P: nan}
	if n > 1 {
		tc := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: n - 1}.Quantile(0.5 + level/2)
		c.CI = effect.Interval{Lower: clamp(ac1 - tc*se), Upper: clamp(ac1 + tc*se), Level: level}
	} else {
		c.CI = effect.Interval{Lower: nan, Upper: nan, Level: level}
	}
	return c, nil
}

// String prints the coefficient as a paper does, to two decimals with a
// minus sign (U+2212): "0.57 (95% CI 0.34 to 0.81)", or "undefined" when
// Err is set.
func (c Coefficient) String() string {
	if c.Err != nil || math.IsNaN(c.Value) {
		return "undefined"
	}
	s := signed(c.Value)
	if !math.IsNaN(c.CI.Lower) && !math.IsNaN(c.CI.Upper) {
		s += " (" + c.CI.String() + ")" // effect's interval format
	}
	return s
}

// signed formats x to two decimals with a true minus sign; -0.00 prints
// as 0.00.
func signed(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	if s == "-0.00" {
		return "0.00"
	}
	return strings.Replace(s, "-", "\u2212", 1)
}
