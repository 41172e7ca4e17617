package mmrm

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/tiesproject/ties/effect"
)

// inference holds the coefficient covariance in use and the rules for the
// degrees of freedom of a contrast.
type inference struct {
	cov *mat.SymDense
	// df1 returns the df of the 1-df contrast l.
	df1 func(l []float64) float64
	// dfq returns the F scale (1 except for Kenward–Roger) and the
	// denominator df of the q-df contrast L.
	dfq func(L *mat.Dense) (scale, df float64, err error)
}

// quadForm returns l'Al.
func quadForm(a mat.Symmetric, l []float64) float64 {
	v := mat.NewVecDense(len(l), l)
	return mat.Inner(v, a, v)
}

// satterthwaiteGrad returns ∂(l'Φl)/∂θ_k = l'ΦQ_kΦl for every k.
func (f *fitted) satterthwaiteGrad(l []float64) []float64 {
	p := len(l)
	u := mat.NewVecDense(p, nil)
	u.MulVec(f.phi, mat.NewVecDense(p, l))
	ur := u.RawVector().Data
	g := make([]float64, f.m.k)
	for k, q := range f.fr.e.q {
		s := 0.0
		for a := 0; a < p; a++ {
			if ur[a] == 0 {
				continue
			}
			row := q[a*p : (a+1)*p]
			t := 0.0
			for b, x := range row {
				t += x * ur[b]
			}
			s += ur[a] * t
		}
		g[k] = s
	}
	return g
}

// satterthwaiteDF is 2(l'Φl)²/(g'Wg).
func (f *fitted) satterthwaiteDF(l []float64) float64 {
	v := quadForm(f.phi, l)
	g := f.satterthwaiteGrad(l)
	den := quadForm(f.w, g)
	if !(den > 0) {
		return math.Inf(1)
	}
	return 2 * v * v / den
}

// multiDF is the multi-df rule of Fai & Cornelius (1996), as SAS and mmrm
// use it: the df of each of the independent 1-df contrasts in the
// eigenbasis of L·cov·L', then E = Σ ν_m/(ν_m − 2) and ν = 2E/(E − q)
// (see faiCornelius).
func (f *fitted) multiDF(L *mat.Dense, cov *mat.SymDense, df1 func([]float64) float64) (float64, float64, error) {
	_, _, df, err := faiCornelius(L, cov, f.beta, df1)
	if err != nil {
		return 0, 0, fmt.Errorf("%w: %v", ErrInvalidInput, err)
	}
	return 1, df, nil
}

// setInference chooses the coefficient covariance and df rule.
func (f *fitted) setInference() error {
	o := f.o
	n := float64(f.m.pr.nobs)
	p := float64(f.m.d.p)
	f.inf.cov = f.phi
	switch o.Cov {
	case ModelBased:
	case CR0, CR2, Jackknife:
		meth := map[CovMethod]sandwichMethod{CR0: cr0, CR2: cr2, Jackknife: jackknife}[o.Cov]
		sw, err := sandwich(f.blocks, f.phi, len(f.m.pr.clusters), meth)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrInvalidInput, err)
		}
		f.inf.cov = sw.covBeta()
		if o.DF == Satterthwaite {
			// Bell & McCaffrey's Satterthwaite df for the sandwich.
			f.inf.df1 = sw.df
			f.inf.dfq = func(L *mat.Dense) (float64, float64, error) {
				_, _, df, err := sw.test(L, f.beta)
				if err != nil {
					return 0, 0, fmt.Errorf("%w: %v", ErrInvalidInput, err)
				}
				return 1, df, nil
			}
			return nil
		}
	}
	switch o.DF {
	case Satterthwaite:
		f.inf.df1 = f.satterthwaiteDF
		f.inf.dfq = func(L *mat.Dense) (float64, float64, error) { return f.multiDF(L, f.phi, f.satterthwaiteDF) }
	case KenwardRoger, KenwardRogerLinear:
		if !f.m.reml {
			return optErr("DF", o.DF, "Kenward–Roger needs REML (Options.Method)")
		}
		kr, err := kenwardRoger(f.blocks, f.phi, f.w, o.DF == KenwardRogerLinear)
		if err != nil {
			return noConv("%v", err)
		}
		f.inf.cov = kr.covBeta()
		f.inf.df1 = func(l []float64) float64 {
			_, df, _, err := kr.test(mat.NewDense(1, len(l), l))
			if err != nil {
				return math.NaN()
			}
			return df
		}
		f.inf.dfq = func(L *mat.Dense) (float64, float64, error) {
			lambda, df, _, err := kr.test(L)
			if err != nil {
				return 0, 0, fmt.Errorf("%w: %v; use Satterthwaite (Options.DF) or more subjects", ErrInvalidInput, err)
			}
			return lambda, df, nil
		}
	case Residual:
		f.inf.df1 = func([]float64) float64 { return n - p }
		f.inf.dfq = func(*mat.Dense) (float64, float64, error) { return 1, n - p, nil }
	case BetweenWithin:
		bw, err := f.betweenWithin()
		if err != nil {
			return err
		}
		f.inf.df1 = bw
		f.inf.dfq = func(L *mat.Dense) (float64, float64, error) {
			q, _ := L.Dims()
			df := math.Inf(1)
			for i := 0; i < q; i++ {
				df = math.Min(df, bw(L.RawRowView(i)))
			}
			return 1, df, nil
		}
	}
	return nil
}

// tStats returns SE, df, t, two-sided p and the t interval for estimate
// est of contrast l.
func (f *fitted) tStats(l []float64, est float64) (se, df, t, p float64, ci effect.Interval, err error) {
	se = math.Sqrt(quadForm(f.inf.cov, l))
	df = f.inf.df1(l)
	if !(df > 0) || !(se > 0) || math.IsInf(se, 0) {
		err = fieldErr(0, "", "", "Options.DF", f.o.DF, fmt.Sprintf("%s degrees of freedom %.4g or standard error %.4g not positive: too few subjects or outcomes for the model; use fewer terms or another df method", f.o.DF, df, se))
		return
	}
	t = est / se
	level := f.o.Level
	ci.Level = level
	td := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}
	if math.IsInf(df, 1) || df > 1e9 {
		td = distuv.StudentsT{Mu: 0, Sigma: 1, Nu: 1e9}
	}
	p = 2 * td.CDF(-math.Abs(t))
	qt := td.Quantile(1 - (1-level)/2)
	ci.Lower, ci.Upper = est-qt*se, est+qt*se
	return
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// lsmeanVector returns the contrast vector of arm a at visit v.
func (f *fitted) lsmeanVector(a, v int) []float64 {
	d := f.m.d
	pr := f.m.pr
	l := make([]float64, d.p)
	l[v] = 1
	if a > 0 {
		l[d.armCol(a, v)] = 1
	}
	// Means over the analysed rows.
	nobs := float64(pr.nobs)
	if d.hasBase {
		s := 0.0
		for _, sd := range pr.subjects {
			s += sd.base * float64(len(sd.visits))
		}
		l[d.baseOff+v] = s / nobs
	}
	for c := 0; c < d.nCov; c++ {
		s := 0.0
		for _, sd := range pr.subjects {
			for _, cv := range sd.cov {
				s += cv[c]
			}
		}
		l[d.covOff+c] = s / nobs
	}
	off := d.facOff
	for _, lv := range d.facLevel {
		for j := 1; j < len(lv); j++ {
			l[off+j-1] = 1 / float64(len(lv))
		}
		off += len(lv) - 1
	}
	return l
}

// infer fills the coefficients, LS means, differences and tests.
func (f *fitted) infer(res *Result) error {
	if f.o.EstimatesOnly {
		f.estimatesOnly(res)
		return nil
	}
	if err := f.setInference(); err != nil {
		return err
	}
	d := f.m.d
	pr := f.m.pr
	for j, nm := range d.names {
		l := make([]float64, d.p)
		l[j] = 1
		est := f.beta[j]
		se, df, t, p, _, err := f.tStats(l, est)
		if err != nil {
			return err
		}
		res.Coefficients = append(res.Coefficients, Coefficient{Name: nm, Estimate: est, SE: se, DF: df, T: t, P: p})
	}
	if d.mean != ArmByVisit {
		// LS means, arm differences per visit and their joint tests are
		// defined by the arm × visit model only.
		return nil
	}
	t := len(pr.visits)
	for a := range pr.arms {
		for v := 0; v < t; v++ {
			l := f.lsmeanVector(a, v)
			est := dot(l, f.beta)
			se, df, _, _, ci, err := f.tStats(l, est)
			if err != nil {
				return err
			}
			res.LSMeans = append(res.LSMeans, LSMean{Arm: pr.arms[a], Visit: pr.visits[v], Estimate: est, SE: se, DF: df, CI: ci})
		}
	}
	sdBase, dfBase := f.baselineSD()
	for a := 1; a < len(pr.arms); a++ {
		for v := 0; v < t; v++ {
			l := make([]float64, d.p)
			l[d.armCol(a, v)] = 1
			est := f.beta[d.armCol(a, v)]
			se, df, tt, p, ci, err := f.tStats(l, est)
			if err != nil {
				return err
			}
			diff := Difference{Arm: pr.arms[a], Visit: pr.visits[v], Estimate: est, SE: se, DF: df, T: tt, P: p, CI: ci}
			diff.SMDResidual = f.smdResidual(est, se, v)
			if d.hasBase {
				diff.SMDBaseline = f.smd(est, se, sdBase, 2*math.Pow(sdBase, 4)/dfBase)
			}
			res.Differences = append(res.Differences, diff)
		}
	}
	// Joint tests.
	na := len(pr.arms) - 1
	all := mat.NewDense(na*t, d.p, nil)
	for a := 1; a <= na; a++ {
		for v := 0; v < t; v++ {
			all.Set((a-1)*t+v, d.armCol(a, v), 1)
		}
	}
	tests := []struct {
		name string
		L    *mat.Dense
	}{{"arm at all visits", all}}
	if t > 1 {
		inter := mat.NewDense(na*(t-1), d.p, nil)
		avg := mat.NewDense(na, d.p, nil)
		for a := 1; a <= na; a++ {
			for v := 1; v < t; v++ {
				r := (a-1)*(t-1) + v - 1
				inter.Set(r, d.armCol(a, v), 1)
				inter.Set(r, d.armCol(a, 0), -1)
			}
			for v := 0; v < t; v++ {
				avg.Set(a-1, d.armCol(a, v), 1/float64(t))
			}
		}
		tests = append(tests, struct {
			name string
			L    *mat.Dense
		}{"arm × visit", inter}, struct {
			name string
			L    *mat.Dense
		}{"arm", avg})
	}
	for _, tc := range tests {
		ft, err := f.fTest(tc.name, tc.L)
		if err != nil {
			return err
		}
		res.Tests = append(res.Tests, ft)
	}
	return nil
}

// fTest is the Wald F test of Lβ = 0.
func (f *fitted) fTest(name string, L *mat.Dense) (FTest, error) {
	q, p := L.Dims()
	lb := mat.NewVecDense(q, nil)
	lb.MulVec(L, mat.NewVecDense(p, f.beta))
	lc := mat.NewDense(q, p, nil)
	lc.Mul(L, f.inf.cov)
	c := mat.NewDense(q, q, nil)
	c.Mul(lc, L.T())
	cs := mat.NewSymDense(q, nil)
	for i := 0; i < q; i++ {
		for j := i; j < q; j++ {
			cs.SetSym(i, j, 0.5*(c.At(i, j)+c.At(j, i)))
		}
	}
	var ch mat.Cholesky
	if !ch.Factorize(cs) {
		return FTest{}, fmt.Errorf("%w: %s test: contrast covariance singular", ErrInvalidInput, name)
	}
	x := mat.NewVecDense(q, nil)
	if err := ch.SolveVecTo(x, lb); err != nil {
		return FTest{}, err
	}
	fv := mat.Dot(x, lb) / float64(q)
	scale, df, err := f.inf.dfq(L)
	if err != nil {
		return FTest{}, err
	}
	fv *= scale
	if !(fv >= 0) || math.IsInf(fv, 0) || !(scale > 0) {
		return FTest{}, fieldErr(0, "", "", "Options.DF", f.o.DF, fmt.Sprintf("%s test: F statistic %.4g (scale %.4g) not computable: too few subjects or outcomes for the model", name, fv, scale))
	}
	pv := math.NaN()
	if df > 0 && !math.IsInf(df, 0) {
		fd := distuv.F{D1: float64(q), D2: df}
		pv = 1 - fd.CDF(fv)
	} else if math.IsInf(df, 1) {
		pv = 1 - distuv.ChiSquared{K: float64(q)}.CDF(fv*float64(q))
	}
	return FTest{Name: name, NumDF: float64(q), DenDF: df, F: fv, P: pv}, nil
}

// baselineSD is the pooled within-arm SD of the analysed subjects'
// baselines and its df.
func (f *fitted) baselineSD() (float64, float64) {
	pr := f.m.pr
	if !f.m.d.hasBase {
		return 0, 0
	}
	na := len(pr.arms)
	sum := make([]float64, na)
	cnt := make([]float64, na)
	for _, s := range pr.subjects {
		sum[s.arm] += s.base
		cnt[s.arm]++
	}
	ss := 0.0
	for _, s := range pr.subjects {
		r := s.base - sum[s.arm]/cnt[s.arm]
		ss += r * r
	}
	df := float64(len(pr.subjects) - na)
	return math.Sqrt(ss / df), df
}

// smd standardizes est (standard error se) by s, whose square has
// variance varS2.
func (f *fitted) smd(est, se, s, varS2 float64) effect.Estimate {
	if !(s > 0) {
		return effect.Estimate{}
	}
	dv := est / s
	v := se*se/(s*s) + dv*dv*varS2/(4*s*s*s*s)
	z := distuv.UnitNormal.Quantile(1 - (1-f.o.Level)/2)
	e := effect.Estimate{Measure: effect.MeasureDAdjusted, Value: dv, Variance: v, CIMethod: effect.Wald}
	e.CI = effect.Interval{Lower: dv - z*math.Sqrt(v), Upper: dv + z*math.Sqrt(v), Level: f.o.Level}
	return e
}

// smdResidual standardizes by the fitted residual SD at visit v (the
// average of the arms' variances with ByArm), with Var(S²) from W.
func (f *fitted) smdResidual(est, se float64, v int) effect.Estimate {
	m := f.m
	grad := make([]float64, m.k)
	s2 := 0.0
	for g := 0; g < m.nGroup; g++ {
		s2 += f.fr.e.sigma[g].At(v, v) / float64(m.nGroup)
		for k := 0; k < m.kg; k++ {
			grad[g*m.kg+k] = f.fr.e.dsigma[g][k].At(v, v) / float64(m.nGroup)
		}
	}
	return f.smd(est, se, math.Sqrt(s2), quadForm(f.w, grad))
}

// estimatesOnly fills the coefficients with their estimates, model-based
// SEs and t statistics, leaving DF and P NaN (Options.EstimatesOnly).
func (f *fitted) estimatesOnly(res *Result) {
	for j, nm := range f.m.d.names {
		est := f.beta[j]
		se := math.Sqrt(f.phi.At(j, j))
		res.Coefficients = append(res.Coefficients, Coefficient{Name: nm, Estimate: est, SE: se, DF: math.NaN(), T: est / se, P: math.NaN()})
	}
}
