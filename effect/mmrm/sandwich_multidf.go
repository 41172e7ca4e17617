package mmrm

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// faiCornelius returns the F statistic, numerator df and denominator df of
// the test of Lβ = 0 under the covariance cov of β̂, combining 1-df
// Satterthwaite approximations as Fai and Cornelius (1996) do (and SAS
// PROC MIXED and the R package mmrm after them): L is rotated by the
// eigenvectors of LΣL' into q = rank(LΣL') independent rows c_m with
// variances λ_m; F = Σ_m (c_m'β̂)²/λ_m / q; with ν_m = df1(c_m) and
// E = Σ_m ν_m/(ν_m − 2), the denominator df is 2E/(E − q). As mmrm: equal
// ν_m give their common value, and any ν_m ≤ 2 gives 2. df1 is the 1-df
// approximation in use (model-based Satterthwaite or an empirical
// covariance's Bell–McCaffrey df).
func faiCornelius(l *mat.Dense, cov *mat.SymDense, beta []float64, df1 func(c []float64) float64) (f float64, numDF int, denDF float64, err error) {
	q, p := l.Dims()
	if p != cov.SymmetricDim() || len(beta) != p {
		return 0, 0, 0, fmt.Errorf("%w: contrast has %d columns, the model %d coefficients", errSandwich, p, len(beta))
	}
	var lc, lcl mat.Dense
	lc.Mul(l, cov)
	lcl.Mul(&lc, l.T())
	var es mat.EigenSym
	if !es.Factorize(krSymPart(&lcl), true) {
		return 0, 0, 0, fmt.Errorf("%w: eigen-decomposition of LΣL' failed", errSandwich)
	}
	vals := es.Values(nil) // ascending
	var vecs mat.Dense
	es.VectorsTo(&vecs)
	top := vals[q-1]
	tol := math.Max(math.Sqrt(2.220446049250313e-16)*top, 0)
	b := mat.NewVecDense(p, beta)
	var nus []float64
	var sumT2 float64
	row := make([]float64, p)
	for m := q - 1; m >= 0 && vals[m] > tol; m-- {
		// c_m = v_m'L.
		for j := 0; j < p; j++ {
			var s float64
			for i := 0; i < q; i++ {
				s += vecs.At(i, m) * l.At(i, j)
			}
			row[j] = s
		}
		est := mat.Dot(mat.NewVecDense(p, row), b)
		sumT2 += est * est / vals[m]
		nus = append(nus, df1(row))
	}
	numDF = len(nus)
	if numDF == 0 {
		return 0, 0, 0, fmt.Errorf("%w: LΣL' is zero: the contrast estimates nothing", errSandwich)
	}
	return sumT2 / float64(numDF), numDF, faiCorneliusCombine(nus), nil
}

// faiCorneliusCombine is Fai and Cornelius's combination of the 1-df ν_m, with mmrm's
// rules for equal ν_m and for ν_m ≤ 2.
func faiCorneliusCombine(nus []float64) float64 {
	if len(nus) == 1 {
		return nus[0]
	}
	equal := true
	for i, v := range nus[1:] {
		if math.Abs(v-nus[i]) >= math.Sqrt(2.220446049250313e-16) {
			equal = false
		}
	}
	if equal {
		var s float64
		for _, v := range nus {
			s += v
		}
		return s / float64(len(nus))
	}
	var e float64
	for _, v := range nus {
		if v <= 2 {
			return 2
		}
		e += v / (v - 2)
	}
	return 2 * e / (e - float64(len(nus)))
}

// test returns the F statistic and its numerator and denominator df for
// Lβ = 0 under the empirical covariance, by faiCornelius with the
// Bell–McCaffrey 1-df approximation, as mmrm does for its empirical
// covariances.
func (s *sandwichFit) test(l *mat.Dense, beta []float64) (f float64, numDF int, denDF float64, err error) {
	return faiCornelius(l, s.cov, beta, s.df)
}
