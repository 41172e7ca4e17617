package mi

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// strategyParams returns the mean and covariance of a subject's outcomes
// over all J post-baseline visits under strategy s, when the first visit
// affected by the intercurrent event has 0-based index first (first = J:
// no visit affected). mu and sigma are the subject's own arm's mean
// profile (at its covariates) and covariance, muRef and sigmaRef the
// reference arm's. With one covariance for both arms (sigmaRef equal to
// sigma) every strategy keeps sigma and only the mean changes.
//
// The covariance under JR and CIR joins the two arms as Carpenter, Roger
// and Kenward (2013, §4.3) do: with blocks 1 before the event and 2 after,
//
//	Σ̃₁₁ = Σ₁₁, Σ̃₂₁ = R₂₁R₁₁⁻¹Σ₁₁, Σ̃₂₂ = R₂₂ − R₂₁R₁₁⁻¹(R₁₁ − Σ₁₁)R₁₁⁻¹R₁₂,
//
// R being the reference covariance.
func strategyParams(s Strategy, first int, mu, muRef []float64, sigma, sigmaRef *mat.SymDense) ([]float64, *mat.SymDense, error) {
	J := len(mu)
	if first < 0 || first > J {
		return nil, nil, fmt.Errorf("first affected visit %d outside 0..%d", first, J)
	}
	mean := make([]float64, J)
	copy(mean, mu)
	if s == MAR || first == J && s != CR {
		return mean, sigma, nil
	}
	switch s {
	case CR:
		copy(mean, muRef)
		return mean, sigmaRef, nil
	case LMCF:
		if first == 0 {
			return nil, nil, fieldErr("strategy", "LMCF", "last mean carried forward needs a visit before the event; give a subject whose first visit is affected another strategy (MAR or JR)")
		}
		for j := first; j < J; j++ {
			mean[j] = mu[first-1]
		}
		return mean, sigma, nil
	case JR, CIR:
		if first == 0 {
			copy(mean, muRef)
			return mean, sigmaRef, nil
		}
		for j := first; j < J; j++ {
			if s == JR {
				mean[j] = muRef[j]
			} else {
				mean[j] = mu[first-1] + muRef[j] - muRef[first-1]
			}
		}
		return mean, joinCovariance(first, sigma, sigmaRef), nil
	}
	return nil, nil, fieldErr("strategy", s.String(), "unknown strategy")
}

// joinCovariance is Carpenter, Roger and Kenward's covariance of a subject
// who follows sigma before visit index first and the reference R after.
func joinCovariance(first int, sigma, ref *mat.SymDense) *mat.SymDense {
	J := sigma.SymmetricDim()
	if mat.EqualApprox(sigma, ref, 0) {
		return sigma
	}
	a, b := first, J-first
	sub := func(m *mat.SymDense, r0, r1, c0, c1 int) *mat.Dense {
		d := mat.NewDense(r1-r0, c1-c0, nil)
		for i := r0; i < r1; i++ {
			for j := c0; j < c1; j++ {
				d.Set(i-r0, j-c0, m.At(i, j))
			}
		}
		return d
	}
	S11 := sub(sigma, 0, a, 0, a)
	R11 := sub(ref, 0, a, 0, a)
	R21 := sub(ref, a, J, 0, a)
	R22 := sub(ref, a, J, a, J)
	var R11inv mat.Dense
	if err := R11inv.Inverse(R11); err != nil {
		return ref // cannot happen for a positive definite reference
	}
	var A mat.Dense // R21 R11⁻¹
	A.Mul(R21, &R11inv)
	var S21 mat.Dense
	S21.Mul(&A, S11)
	var D mat.Dense
	D.Sub(R11, S11)
	var t1, t2 mat.Dense
	t1.Mul(&A, &D)
	t2.Mul(&t1, A.T())
	out := mat.NewSymDense(J, nil)
	for i := 0; i < a; i++ {
		for j := 0; j <= i; j++ {
			out.SetSym(i, j, S11.At(i, j))
		}
	}
	for i := 0; i < b; i++ {
		for j := 0; j < a; j++ {
			out.SetSym(a+i, j, S21.At(i, j))
		}
		for j := 0; j <= i; j++ {
			out.SetSym(a+i, a+j, R22.At(i, j)-0.5*(t2.At(i, j)+t2.At(j, i)))
		}
	}
	return out
}

// conditionalMean returns y with each NaN replaced by its conditional mean
// given the observed entries, E(Y? | Y!) = μ? + Σ?!Σ!!⁻¹(Y! − μ!), for Y
// normal with mean mu and covariance sigma. With nothing observed it is μ.
func conditionalMean(y, mu []float64, sigma *mat.SymDense) ([]float64, error) {
	J := len(y)
	var obs, mis []int
	for j, v := range y {
		if math.IsNaN(v) {
			mis = append(mis, j)
		} else {
			obs = append(obs, j)
		}
	}
	out := make([]float64, J)
	copy(out, y)
	if len(mis) == 0 {
		return out, nil
	}
	if len(obs) == 0 {
		for _, j := range mis {
			out[j] = mu[j]
		}
		return out, nil
	}
	Soo := mat.NewSymDense(len(obs), nil)
	for a, i := range obs {
		for b := 0; b <= a; b++ {
			Soo.SetSym(a, b, sigma.At(i, obs[b]))
		}
	}
	var ch mat.Cholesky
	if !ch.Factorize(Soo) {
		return nil, fmt.Errorf("covariance of the observed visits is not positive definite")
	}
	r := mat.NewVecDense(len(obs), nil)
	for a, i := range obs {
		r.SetVec(a, y[i]-mu[i])
	}
	var w mat.VecDense
	if err := ch.SolveVecTo(&w, r); err != nil {
		return nil, err
	}
	for _, j := range mis {
		s := mu[j]
		for a, i := range obs {
			s += sigma.At(j, i) * w.AtVec(a)
		}
		out[j] = s
	}
	return out, nil
}
