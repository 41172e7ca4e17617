package mmrm

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Structure is a covariance structure over the post-baseline visits of a
// subject. The parameters θ are those of SAS PROC MIXED's REPEATED
// statement (Wolfinger 1996), in the order listed for each constant; they
// determine the full Kenward–Roger adjustment and the covariance of θ̂.
type Structure int

// Covariance structures. t is the number of post-baseline visits; AR1 and
// the Toeplitz and ante-dependence structures use the visit index, so they
// assume equally spaced (or at least equally correlated) visits.
const (
	US    Structure = iota // unstructured: σ_ij, i ≥ j, row by row (t(t+1)/2 parameters)
	CS                     // compound symmetry: (σ₁, σ²), Σ = σ₁J + σ²I
	CSH                    // heterogeneous CS: (σ₁², …, σ_t², ρ)
	AR1                    // first-order autoregressive: (σ², ρ), Σ_ij = σ²ρ^|i−j|
	ARH                    // heterogeneous AR(1): (σ₁², …, σ_t², ρ)
	TOEP                   // Toeplitz: covariances by lag (τ₀, …, τ_{t−1})
	TOEPH                  // heterogeneous Toeplitz: (σ₁², …, σ_t², ρ₁, …, ρ_{t−1})
	AD                     // homogeneous first-order ante-dependence: (σ², ρ₁, …, ρ_{t−1})
	ADH                    // heterogeneous ante-dependence, SAS ANTE(1): (σ₁², …, σ_t², ρ₁, …, ρ_{t−1})
)

var structureNames = [...]string{US: "US", CS: "CS", CSH: "CSH", AR1: "AR1", ARH: "ARH", TOEP: "TOEP", TOEPH: "TOEPH", AD: "AD", ADH: "ADH"}

// String returns the structure's short name, as mmrm and SAS write it.
func (s Structure) String() string {
	if s < 0 || int(s) >= len(structureNames) {
		return fmt.Sprintf("Structure(%d)", int(s))
	}
	return structureNames[s]
}

// NumParams returns the number of covariance parameters of the structure
// over t visits.
func (s Structure) NumParams(t int) int {
	switch s {
	case US:
		return t * (t + 1) / 2
	case CS, AR1:
		return 2
	case CSH, ARH:
		return t + 1
	case TOEP, AD:
		return t
	case TOEPH, ADH:
		return 2*t - 1
	}
	return 0
}

func (s Structure) valid() bool { return s >= US && s <= ADH }

// heterogeneous reports whether the structure has one variance per visit.
func (s Structure) heterogeneous() bool {
	return s == CSH || s == ARH || s == TOEPH || s == ADH
}

// corrFamily is the correlation part of the variance–correlation
// structures: R(ρ) with unit diagonal.
type corrFamily int

const (
	corrCS corrFamily = iota
	corrAR1
	corrToep
	corrAD
)

func (s Structure) family() corrFamily {
	switch s {
	case CSH:
		return corrCS
	case AR1, ARH:
		return corrAR1
	case TOEPH:
		return corrToep
	}
	return corrAD
}

func (f corrFamily) nrho(t int) int {
	if f == corrCS || f == corrAR1 {
		return 1
	}
	return t - 1
}

// corr returns R_ij(ρ) for i < j.
func (f corrFamily) corr(rho []float64, i, j int) float64 {
	switch f {
	case corrCS:
		return rho[0]
	case corrAR1:
		return math.Pow(rho[0], float64(j-i))
	case corrToep:
		return rho[j-i-1]
	}
	r := 1.0
	for k := i; k < j; k++ {
		r *= rho[k]
	}
	return r
}

// dcorr returns ∂R_ij/∂ρ_m for i < j.
func (f corrFamily) dcorr(rho []float64, i, j, m int) float64 {
	switch f {
	case corrCS:
		return 1
	case corrAR1:
		d := float64(j - i)
		return d * math.Pow(rho[0], d-1)
	case corrToep:
		if j-i-1 == m {
			return 1
		}
		return 0
	}
	if m < i || m >= j {
		return 0
	}
	r := 1.0
	for k := i; k < j; k++ {
		if k != m {
			r *= rho[k]
		}
	}
	return r
}

// d2corr returns ∂²R_ij/∂ρ_m∂ρ_n for i < j.
func (f corrFamily) d2corr(rho []float64, i, j, m, n int) float64 {
	switch f {
	case corrAR1:
		d := float64(j - i)
		if d < 2 {
			return 0
		}
		return d * (d - 1) * math.Pow(rho[0], d-2)
	case corrAD:
		if m == n || m < i || m >= j || n < i || n >= j {
			return 0
		}
		r := 1.0
		for k := i; k < j; k++ {
			if k != m && k != n {
				r *= rho[k]
			}
		}
		return r
	}
	return 0
}

// covModel evaluates one group's t×t covariance matrix and its first and
// second derivatives with respect to that group's θ.
type covModel struct {
	s Structure
	t int
}

func (c covModel) npar() int { return c.s.NumParams(c.t) }

// linear reports whether Σ is linear in θ (second derivatives vanish).
func (c covModel) linear() bool { return c.s == US || c.s == CS || c.s == TOEP }

// usIndex returns the position of σ_ij (i ≥ j) in the US parameter vector.
func usIndex(i, j int) int {
	if i < j {
		i, j = j, i
	}
	return i*(i+1)/2 + j
}

// sigma fills s (t×t) with Σ(θ).
func (c covModel) sigma(th []float64, s *mat.SymDense) {
	t := c.t
	switch c.s {
	case US:
		for i := 0; i < t; i++ {
			for j := 0; j <= i; j++ {
				s.SetSym(i, j, th[usIndex(i, j)])
			}
		}
		return
	case CS:
		for i := 0; i < t; i++ {
			for j := 0; j <= i; j++ {
				v := th[0]
				if i == j {
					v += th[1]
				}
				s.SetSym(i, j, v)
			}
		}
		return
	case TOEP:
		for i := 0; i < t; i++ {
			for j := 0; j <= i; j++ {
				s.SetSym(i, j, th[i-j])
			}
		}
		return
	}
	sd, rho := c.split(th)
	f := c.s.family()
	for i := 0; i < t; i++ {
		s.SetSym(i, i, sd[i]*sd[i])
		for j := i + 1; j < t; j++ {
			s.SetSym(i, j, sd[i]*sd[j]*f.corr(rho, i, j))
		}
	}
}

// split returns the standard deviation per visit and the correlation
// parameters of a variance–correlation structure.
func (c covModel) split(th []float64) (sd, rho []float64) {
	sd = make([]float64, c.t)
	if c.s.heterogeneous() {
		for i := range sd {
			sd[i] = math.Sqrt(th[i])
		}
		return sd, th[c.t:]
	}
	for i := range sd {
		sd[i] = math.Sqrt(th[0])
	}
	return sd, th[1:]
}

// nVar is the number of variance parameters that lead θ in a
// variance–correlation structure: one per visit when heterogeneous.
func (c covModel) nVar() int {
	if c.s.heterogeneous() {
		return c.t
	}
	return 1
}

// feasible reports whether θ lies in the parameter space apart from the
// positive definiteness of Σ, which the caller checks by factorizing.
func (c covModel) feasible(th []float64) bool {
	for _, v := range th {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	switch c.s {
	case US:
		for i := 0; i < c.t; i++ {
			if th[usIndex(i, i)] <= 0 {
				return false
			}
		}
		return true
	case CS:
		return th[1] > 0
	case TOEP:
		return th[0] > 0
	}
	nv := c.nVar()
	for _, v := range th[:nv] {
		if v <= 0 {
			return false
		}
	}
	for _, r := range th[nv:] {
		if !(r > -1 && r < 1) {
			return false
		}
	}
	return true
}

// deriv fills d[k] (t×t, preallocated) with ∂Σ/∂θ_k.
func (c covModel) deriv(th []float64, d []*mat.SymDense) {
	t := c.t
	for _, m := range d {
		m.Zero()
	}
	switch c.s {
	case US:
		for i := 0; i < t; i++ {
			for j := 0; j <= i; j++ {
				d[usIndex(i, j)].SetSym(i, j, 1)
			}
		}
		return
	case CS:
		for i := 0; i < t; i++ {
			for j := 0; j <= i; j++ {
				d[0].SetSym(i, j, 1)
			}
			d[1].SetSym(i, i, 1)
		}
		return
	case TOEP:
		for i := 0; i < t; i++ {
			for j := 0; j <= i; j++ {
				d[i-j].SetSym(i, j, 1)
			}
		}
		return
	}
	sd, rho := c.split(th)
	f := c.s.family()
	het := c.s.heterogeneous()
	nv := c.nVar()
	for i := 0; i < t; i++ {
		if het {
			d[i].SetSym(i, i, 1)
		} else {
			d[0].SetSym(i, i, 1)
		}
		for j := i + 1; j < t; j++ {
			r := f.corr(rho, i, j)
			if het {
				// ∂(s_i s_j)/∂v_i = s_j/(2 s_i).
				d[i].SetSym(i, j, r*sd[j]/(2*sd[i]))
				d[j].SetSym(i, j, r*sd[i]/(2*sd[j]))
			} else {
				d[0].SetSym(i, j, r)
			}
			for m := 0; m < f.nrho(t); m++ {
				d[nv+m].SetSym(i, j, sd[i]*sd[j]*f.dcorr(rho, i, j, m))
			}
		}
	}
}

// deriv2 fills d2[k][l] (t×t, preallocated, symmetric in k and l) with
// ∂²Σ/∂θ_k∂θ_l. It does nothing for linear structures.
func (c covModel) deriv2(th []float64, d2 [][]*mat.SymDense) {
	if c.linear() {
		return
	}
	t := c.t
	for _, row := range d2 {
		for _, m := range row {
			m.Zero()
		}
	}
	sd, rho := c.split(th)
	f := c.s.family()
	het := c.s.heterogeneous()
	nv := c.nVar()
	nr := f.nrho(t)
	add := func(k, l, i, j int, v float64) {
		d2[k][l].SetSym(i, j, d2[k][l].At(i, j)+v)
		if k != l {
			d2[l][k].SetSym(i, j, d2[l][k].At(i, j)+v)
		}
	}
	for i := 0; i < t; i++ {
		for j := i + 1; j < t; j++ {
			r := f.corr(rho, i, j)
			if het {
				si, sj := sd[i], sd[j]
				// s_i s_j = sqrt(v_i v_j).
				add(i, i, i, j, -r*sj/(4*si*si*si))
				add(j, j, i, j, -r*si/(4*sj*sj*sj))
				add(i, j, i, j, r/(4*si*sj))
				for m := 0; m < nr; m++ {
					dr := f.dcorr(rho, i, j, m)
					add(i, nv+m, i, j, dr*sj/(2*si))
					add(j, nv+m, i, j, dr*si/(2*sj))
				}
			} else {
				for m := 0; m < nr; m++ {
					add(0, nv+m, i, j, f.dcorr(rho, i, j, m))
				}
			}
			for m := 0; m < nr; m++ {
				for n := m; n < nr; n++ {
					add(nv+m, nv+n, i, j, sd[i]*sd[j]*f.d2corr(rho, i, j, m, n))
				}
			}
		}
	}
}

// start returns θ matching the empirical covariance s as closely as the
// structure allows: variances from the diagonal and correlations averaged
// by lag or taken between adjacent visits.
func (c covModel) start(s *mat.SymDense) []float64 {
	t := c.t
	th := make([]float64, c.npar())
	v := make([]float64, t)
	mv := 0.0
	for i := range v {
		v[i] = s.At(i, i)
		mv += v[i] / float64(t)
	}
	corr := func(i, j int) float64 { return s.At(i, j) / math.Sqrt(v[i]*v[j]) }
	lagCorr := func(d int) float64 {
		if d >= t {
			return 0
		}
		m := 0.0
		for i := 0; i+d < t; i++ {
			m += corr(i, i+d)
		}
		return m / float64(t-d)
	}
	meanCorr := func() float64 {
		if t < 2 {
			return 0
		}
		m, n := 0.0, 0
		for i := 0; i < t; i++ {
			for j := i + 1; j < t; j++ {
				m += corr(i, j)
				n++
			}
		}
		return m / float64(n)
	}
	clamp := func(r float64) float64 { return math.Max(-0.9, math.Min(0.9, r)) }
	switch c.s {
	case US:
		for i := 0; i < t; i++ {
			for j := 0; j <= i; j++ {
				th[usIndex(i, j)] = s.At(i, j)
			}
		}
	case CS:
		r := math.Max(0, meanCorr())
		th[0], th[1] = r*mv, (1-r)*mv
	case TOEP:
		for d := 0; d < t; d++ {
			th[d] = lagCorr(d) * mv
		}
	default:
		nv := 1
		if c.s.heterogeneous() {
			nv = t
			copy(th, v)
		} else {
			th[0] = mv
		}
		switch c.s.family() {
		case corrCS:
			th[nv] = clamp(meanCorr())
		case corrAR1:
			th[nv] = clamp(lagCorr(1))
		case corrToep:
			for d := 1; d < t; d++ {
				th[nv+d-1] = clamp(lagCorr(d))
			}
		case corrAD:
			for k := 0; k+1 < t; k++ {
				th[nv+k] = clamp(corr(k, k+1))
			}
		}
	}
	return th
}

// names returns the parameter names, with visit labels.
func (c covModel) names(visits []string) []string {
	t := c.t
	out := make([]string, 0, c.npar())
	vars := func() {
		for i := 0; i < t; i++ {
			out = append(out, "var("+visits[i]+")")
		}
	}
	switch c.s {
	case US:
		for i := 0; i < t; i++ {
			for j := 0; j <= i; j++ {
				out = append(out, "cov("+visits[i]+","+visits[j]+")")
			}
		}
	case CS:
		out = append(out, "cov", "residual")
	case TOEP:
		for d := 0; d < t; d++ {
			out = append(out, fmt.Sprintf("cov(lag %d)", d))
		}
	case CSH:
		vars()
		out = append(out, "rho")
	case AR1:
		out = append(out, "var", "rho")
	case ARH:
		vars()
		out = append(out, "rho")
	case TOEPH:
		vars()
		for d := 1; d < t; d++ {
			out = append(out, fmt.Sprintf("rho(lag %d)", d))
		}
	case AD:
		out = append(out, "var")
		for k := 0; k+1 < t; k++ {
			out = append(out, "rho("+visits[k]+","+visits[k+1]+")")
		}
	case ADH:
		vars()
		for k := 0; k+1 < t; k++ {
			out = append(out, "rho("+visits[k]+","+visits[k+1]+")")
		}
	}
	return out
}
