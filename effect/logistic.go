package effect

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// BinaryData holds participant-level data for a covariate-adjusted odds
// ratio: one element per randomized participant in every column.
type BinaryData struct {
	// Event is 1 when the participant has the event (for example "not
	// lonely" at 12 months), 0 when not; NaN marks a missing outcome. Rows
	// with a missing outcome are left out and counted in
	// LogisticResult.MissingOutcome.
	Event []float64
	// Arm is 1 for the intervention and 0 for usual care.
	Arm []int
	// Baseline, when not nil, is entered linearly (the baseline score of
	// the outcome's continuous measure, as in a baseline-adjusted
	// responder analysis).
	Baseline []float64
	// Covariates and Factors are optional further adjustment variables.
	Covariates []Covariate
	Factors    []Factor
}

// LogisticResult is a fitted logistic regression of a binary outcome on arm
// and covariates, fitted by maximum likelihood as R's glm(family =
// binomial).
type LogisticResult struct {
	// OR is the adjusted log odds ratio of the arm (intervention versus
	// usual care, conditional on the covariates), with its variance from
	// the inverse observed information and a Wald interval on the log scale
	// (R's confint.default). Estimate.String prints it exponentiated.
	OR Estimate
	// Z and P are the Wald z statistic and its two-sided p value, as in
	// summary(glm(...)).
	Z, P float64
	// Deviance is −2 times the maximized log-likelihood; Iterations counts
	// the Newton steps.
	Deviance   float64
	Iterations int
	// N is the number of analysed rows, NTreat and NControl per arm,
	// Events the number of events; MissingOutcome counts rows left out.
	N, NTreat, NControl, Events, MissingOutcome int
	// Coefficients lists every coefficient (log odds scale) in design
	// order: "(Intercept)", "arm", "baseline", covariates, factor dummies.
	// Coefficient.T holds the Wald z statistic: inference is asymptotic.
	Coefficients []Coefficient
}

// LogisticOR fits the logistic regression logit P(event) = β0 + β1·arm +
// β2·baseline + covariates + factor dummies by Newton–Raphson (identical to
// iteratively reweighted least squares for the canonical link) and returns
// the arm's log odds ratio. The columns are centred and scaled before the
// fit and the coefficients transformed back, so that covariates on large
// scales do not cost accuracy.
//
// Options.Level sets the interval's level; Options.CI may be DefaultCI or
// Wald (the only interval offered). Other Options fields do not apply and
// are an error when set.
//
// Complete or quasi-complete separation (an arm, or a factor level, in which
// everyone or no one has the event) has no finite maximum likelihood
// estimate: it is reported as an ErrInvalidInput naming the column, never
// as a huge odds ratio.
func LogisticOR(d BinaryData, o *Options) (LogisticResult, error) {
	level := 0.95
	if o != nil {
		if o.Level != 0 {
			if !(o.Level > 0 && o.Level < 1) {
				return LogisticResult{}, fieldErr("Options.Level", o.Level, "must lie in (0, 1)")
			}
			level = o.Level
		}
		if o.CI != DefaultCI && o.CI != Wald {
			return LogisticResult{}, fieldErr("Options.CI", o.CI, "LogisticOR offers the Wald interval only")
		}
		if err := o.unused("LogisticOR", useCI); err != nil {
			return LogisticResult{}, err
		}
	}
	n := len(d.Event)
	if n == 0 {
		return LogisticResult{}, fieldErr("Event", n, "no rows")
	}
	if len(d.Arm) != n {
		return LogisticResult{}, fieldErr("Arm", len(d.Arm), fmt.Sprintf("length must equal len(Event) = %d", n))
	}
	if d.Baseline != nil && len(d.Baseline) != n {
		return LogisticResult{}, fieldErr("Baseline", len(d.Baseline), fmt.Sprintf("length must equal len(Event) = %d", n))
	}
	for _, c := range d.Covariates {
		if len(c.Values) != n {
			return LogisticResult{}, fieldErr("Covariates["+c.Name+"]", len(c.Values), fmt.Sprintf("length must equal len(Event) = %d", n))
		}
	}
	for _, f := range d.Factors {
		if len(f.Levels) != n {
			return LogisticResult{}, fieldErr("Factors["+f.Name+"]", len(f.Levels), fmt.Sprintf("length must equal len(Event) = %d", n))
		}
	}

	var res LogisticResult
	var rows []int
	for i := 0; i < n; i++ {
		y := d.Event[i]
		if math.IsNaN(y) {
			res.MissingOutcome++
			continue
		}
		if y != 0 && y != 1 {
			return LogisticResult{}, fieldErr(fmt.Sprintf("Event[%d]", i), y, "must be 0, 1 or NaN (missing)")
		}
		if d.Arm[i] != 0 && d.Arm[i] != 1 {
			return LogisticResult{}, fieldErr(fmt.Sprintf("Arm[%d]", i), d.Arm[i], "must be 1 (intervention) or 0 (usual care)")
		}
		if d.Baseline != nil && !designFinite(d.Baseline[i]) {
			return LogisticResult{}, fieldErr(fmt.Sprintf("Baseline[%d]", i), d.Baseline[i], "missing or infinite in a row with an outcome; drop the row or impute")
		}
		for _, c := range d.Covariates {
			if !designFinite(c.Values[i]) {
				return LogisticResult{}, fieldErr(fmt.Sprintf("Covariates[%s][%d]", c.Name, i), c.Values[i], "missing or infinite in a row with an outcome")
			}
		}
		for _, f := range d.Factors {
			if f.Levels[i] == "" {
				return LogisticResult{}, fieldErr(fmt.Sprintf("Factors[%s][%d]", f.Name, i), f.Levels[i], "missing level in a row with an outcome")
			}
		}
		rows = append(rows, i)
		res.N++
		if d.Arm[i] == 1 {
			res.NTreat++
		} else {
			res.NControl++
		}
		if y == 1 {
			res.Events++
		}
	}
	if res.NTreat == 0 || res.NControl == 0 {
		return LogisticResult{}, fieldErr("Arm", fmt.Sprintf("%d intervention, %d usual care", res.NTreat, res.NControl), "both arms need analysed rows")
	}

	// Design columns, named as ANCOVA names them.
	names := []string{"(Intercept)", "arm"}
	cols := [][]float64{nil, make([]float64, res.N)}
	for k, i := range rows {
		cols[1][k] = float64(d.Arm[i])
	}
	if d.Baseline != nil {
		c := make([]float64, res.N)
		for k, i := range rows {
			c[k] = d.Baseline[i]
		}
		names, cols = append(names, "baseline"), append(cols, c)
	}
	an, _, ac := adjustmentColumns(rows, d.Covariates, d.Factors)
	names, cols = append(names, an...), append(cols, ac...)
	p := len(names)
	if res.N <= p {
		return LogisticResult{}, fieldErr("Event", res.N, fmt.Sprintf("%d analysed rows cannot estimate %d coefficients", res.N, p))
	}

	// Centre and scale every column but the intercept: the fit is done in
	// z = (x − m)/s and the coefficients transformed back.
	mean := make([]float64, p)
	scale := make([]float64, p)
	X := mat.NewDense(res.N, p, nil)
	for k := 0; k < res.N; k++ {
		X.Set(k, 0, 1)
	}
	scale[0] = 1
	for j := 1; j < p; j++ {
		c := cols[j]
		m := 0.0
		for _, v := range c {
			m += v
		}
		m /= float64(len(c))
		ss := 0.0
		for _, v := range c {
			ss += (v - m) * (v - m)
		}
		s := math.Sqrt(ss / float64(len(c)))
		if !(s > 0) {
			return LogisticResult{}, fieldErr(names[j], "constant", "column is constant among the analysed rows; drop it")
		}
		mean[j], scale[j] = m, s
		for k, v := range c {
			X.Set(k, j, (v-m)/s)
		}
	}
	y := make([]float64, res.N)
	for k, i := range rows {
		y[k] = d.Event[i]
	}

	beta, info, dev, iter, err := logisticNewton(X, y)
	if err != nil {
		return LogisticResult{}, err
	}
	res.Iterations, res.Deviance = iter, dev

	// Back-transform: β_j = γ_j/s_j (j ≥ 1), β_0 = γ_0 − Σ γ_j m_j/s_j.
	// With T the matrix of that linear map, Cov(β) = T Cov(γ) Tᵀ.
	var chol mat.Cholesky
	if ok := chol.Factorize(info); !ok {
		return LogisticResult{}, fieldErr("design", names, "information matrix is singular: a column is a linear combination of others")
	}
	var covG mat.SymDense
	if err := chol.InverseTo(&covG); err != nil {
		return LogisticResult{}, fieldErr("design", names, "information matrix is singular: "+err.Error())
	}
	T := mat.NewDense(p, p, nil)
	T.Set(0, 0, 1)
	for j := 1; j < p; j++ {
		T.Set(j, j, 1/scale[j])
		T.Set(0, j, -mean[j]/scale[j])
	}
	b := mat.NewVecDense(p, nil)
	b.MulVec(T, mat.NewVecDense(p, beta))
	var tmp, covB mat.Dense
	tmp.Mul(T, &covG)
	covB.Mul(&tmp, T.T())

	z := distuv.UnitNormal.Quantile(0.5 + level/2)
	res.Coefficients = make([]Coefficient, p)
	for j := 0; j < p; j++ {
		est, se := b.AtVec(j), math.Sqrt(covB.At(j, j))
		zs := est / se
		res.Coefficients[j] = Coefficient{
			Name: names[j], Estimate: est, SE: se, T: zs,
			P: 2 * distuv.UnitNormal.CDF(-math.Abs(zs)),
		}
	}
	arm := res.Coefficients[1]
	if !designFinite(arm.Estimate) || !designFinite(arm.SE) {
		return LogisticResult{}, fieldErr("arm", arm.Estimate, "the fit did not give a finite odds ratio")
	}
	ci := Interval{Lower: arm.Estimate - z*arm.SE, Upper: arm.Estimate + z*arm.SE, Level: level}
	res.OR = Estimate{Measure: MeasureLogOR, Value: arm.Estimate, Variance: arm.SE * arm.SE, CI: ci, CIMethod: Wald}
	res.Z, res.P = arm.T, arm.P
	return res, nil
}

// logisticNewton maximizes the Bernoulli log-likelihood of y on the columns
// of X by Newton's method with step halving. It returns the coefficients,
// the observed (= expected, canonical link) information XᵀWX at the
// optimum, the deviance and the number of iterations. Separation shows as
// fitted probabilities driven to 0 or 1 with coefficients growing without
// bound; it is reported as an error.
func logisticNewton(X *mat.Dense, y []float64) (beta []float64, info *mat.SymDense, dev float64, iter int, err error) {
	n, p := X.Dims()
	beta = make([]float64, p)
	// Start at the intercept-only optimum.
	ybar := 0.0
	for _, v := range y {
		ybar += v
	}
	ybar /= float64(n)
	if ybar == 0 || ybar == 1 {
		return nil, nil, 0, 0, fieldErr("Event", ybar, "every analysed participant has the same outcome: no odds ratio can be estimated")
	}
	beta[0] = math.Log(ybar / (1 - ybar))
	eta := make([]float64, n)
	mu := make([]float64, n)
	devAt := func(b []float64) float64 {
		s := 0.0
		for i := 0; i < n; i++ {
			e := 0.0
			for j := 0; j < p; j++ {
				e += X.At(i, j) * b[j]
			}
			eta[i] = e
			// −2 log-likelihood in a form that does not overflow.
			if y[i] == 1 {
				s += 2 * softplus(-e)
			} else {
				s += 2 * softplus(e)
			}
		}
		return s
	}
	dev = devAt(beta)
	info = mat.NewSymDense(p, nil)
	grad := mat.NewVecDense(p, nil)
	step := mat.NewVecDense(p, nil)
	const maxIter = 100
	for iter = 1; iter <= maxIter; iter++ {
		info.Zero()
		grad.Zero()
		for i := 0; i < n; i++ {
			mu[i] = 1 / (1 + math.Exp(-eta[i]))
			w := mu[i] * (1 - mu[i])
			r := y[i] - mu[i]
			for j := 0; j < p; j++ {
				xij := X.At(i, j)
				grad.SetVec(j, grad.AtVec(j)+xij*r)
				for k := j; k < p; k++ {
					info.SetSym(j, k, info.At(j, k)+w*xij*X.At(i, k))
				}
			}
		}
		var chol mat.Cholesky
		if ok := chol.Factorize(info); !ok {
			return nil, nil, 0, iter, fieldErr("design", "information", "the information matrix became singular: the outcome is (quasi-)separated by a column (an arm or factor level where everyone or no one has the event), or columns are collinear")
		}
		if err := chol.SolveVecTo(step, grad); err != nil {
			return nil, nil, 0, iter, fieldErr("design", "information", "singular information matrix: "+err.Error())
		}
		// Newton decrement gᵀH⁻¹g: when it is this small the full step
		// lands on the optimum to rounding error (quadratic convergence),
		// so take it and stop.
		dec := mat.Dot(grad, step)
		if dec < 1e-16*(1+dev) {
			for j := range beta {
				beta[j] += step.AtVec(j)
			}
			break
		}
		t := 1.0
		trial := make([]float64, p)
		var newDev float64
		for h := 0; h < 60; h++ {
			for j := range trial {
				trial[j] = beta[j] + t*step.AtVec(j)
			}
			newDev = devAt(trial)
			if newDev <= dev+1e-12*(1+dev) {
				break
			}
			t /= 2
		}
		copy(beta, trial)
		dev = newDev
		for _, v := range beta {
			if math.Abs(v) > 30 {
				return nil, nil, 0, iter, fieldErr("design", "separation", "a coefficient grows without bound: the outcome is (quasi-)separated by the arm or a covariate (for example an arm or factor level where everyone or no one has the event); no finite odds ratio exists")
			}
		}
	}
	if iter > maxIter {
		return nil, nil, 0, iter, fmt.Errorf("%w: logistic regression did not converge in %d Newton steps", ErrNoConvergence, maxIter)
	}
	// Information at the final coefficients.
	devAt(beta)
	info.Zero()
	for i := 0; i < n; i++ {
		m := 1 / (1 + math.Exp(-eta[i]))
		w := m * (1 - m)
		for j := 0; j < p; j++ {
			for k := j; k < p; k++ {
				info.SetSym(j, k, info.At(j, k)+w*X.At(i, j)*X.At(i, k))
			}
		}
	}
	return beta, info, dev, iter, nil
}

// softplus returns log(1 + e^x) without overflow.
func softplus(x float64) float64 {
	if x > 0 {
		return x + math.Log1p(math.Exp(-x))
	}
	return math.Log1p(math.Exp(x))
}
