package effect

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Covariate is a numeric column entered linearly into an ANCOVA (age, a
// second baseline measure).
type Covariate struct {
	Name   string
	Values []float64
}

// Factor is a categorical column (a stratification factor such as site)
// entered as dummy variables. Its levels are sorted as strings and the
// first is the reference, as R's factor() does; the empty string marks a
// missing value.
type Factor struct {
	Name   string
	Levels []string
}

// ANCOVAData holds participant-level trial data for a baseline-adjusted
// analysis: one element per randomized participant in every column.
type ANCOVAData struct {
	// Outcome is the follow-up score; NaN marks a missing outcome. Such
	// rows are excluded (complete-case ANCOVA) and counted in
	// ANCOVAResult.MissingOutcome.
	Outcome []float64
	// Arm is 1 for the intervention and 0 for usual care.
	Arm []int
	// Baseline is the outcome measured before randomization.
	Baseline []float64
	// Covariates and Factors are optional further adjustment variables.
	Covariates []Covariate
	Factors    []Factor
}

// Coefficient is one regression coefficient of the fitted ANCOVA.
type Coefficient struct {
	Name               string
	Estimate, SE, T, P float64
}

// ANCOVAResult is a fitted baseline-adjusted analysis of a two-arm trial.
type ANCOVAResult struct {
	// Difference is the adjusted mean difference (intervention minus
	// usual care), the arm coefficient, with its standard error, t
	// statistic, residual degrees of freedom, two-sided p value and t
	// interval. These equal R's summary(lm(...)) and confint().
	Difference, SE, T, DF, P float64
	CI                       Interval

	// DFollowUp is Difference divided by SDFollowUp, the pooled within-arm
	// SD of the (unadjusted) follow-up outcome; DBaseline divides by
	// SDBaseline, the pooled within-arm SD of the baseline. Both are
	// computed over the analysed rows. Their variance is
	// SE²/S² + d²/(2(n − 2)) (the first term the uncertainty of the
	// adjusted difference, the second that of the standardizer, which has
	// n − 2 degrees of freedom) and their interval is Wald (z). Neither is
	// corrected for small-sample bias.
	DFollowUp, DBaseline   Estimate
	SDFollowUp, SDBaseline float64

	// ResidualSD is the root mean square error of the model.
	ResidualSD float64
	// N is the number of analysed rows, NTreat and NControl per arm;
	// MissingOutcome counts the rows excluded for a missing outcome.
	N, NTreat, NControl, MissingOutcome int
	// Coefficients lists every model coefficient in design-matrix order:
	// "(Intercept)", "arm", "baseline", the covariates, then one
	// "factor=level" dummy per non-reference level.
	Coefficients []Coefficient
}

// ANCOVA fits the follow-up outcome on the arm and the baseline (plus any
// covariates and factors) by least squares, using a Householder QR
// decomposition of the design matrix (gonum mat) after centring and
// scaling its columns, and returns the adjusted
// mean difference and its standardized versions. Adjusting for the baseline
// is the usual primary analysis of a trial with a baseline measure (Vickers
// & Altman 2001; EMA 2015 guideline on adjustment for baseline covariates).
//
// Rows with a missing (NaN) outcome are excluded and counted. A NaN or
// infinite value in the Baseline, a covariate or a factor of an analysed
// row is an error naming the column and row; so is an Arm code other than
// 0 or 1, mismatched column lengths, fewer than two analysed participants
// in an arm, and a rank-deficient design (a column that is a linear
// combination of earlier ones, such as a constant covariate or a factor
// level that coincides with an arm), which names the offending column.
// Rank is judged as R's lm does: a column is dropped by R when its
// remaining norm after the earlier columns falls below 1e-7 of its norm;
// here that is an error, because an ANCOVA whose adjustment silently
// changes is not what the protocol specified.
//
// o.Level sets the interval level (default 0.95); o.CI must be DefaultCI.
func ANCOVA(d ANCOVAData, o *Options) (ANCOVAResult, error) {
	if err := o.unused("ANCOVA", useCI); err != nil {
		return ANCOVAResult{}, err
	}
	level, err := o.level()
	if err != nil {
		return ANCOVAResult{}, err
	}
	if o != nil && o.CI != DefaultCI {
		return ANCOVAResult{}, fieldErr("Options.CI", o.CI, "ANCOVA uses t intervals for the difference and Wald intervals for the standardized effects; leave CI as DefaultCI")
	}
	n := len(d.Outcome)
	if n == 0 {
		return ANCOVAResult{}, fieldErr("Outcome", n, "no rows")
	}
	if len(d.Arm) != n {
		return ANCOVAResult{}, fieldErr("Arm", len(d.Arm), fmt.Sprintf("length must equal len(Outcome) = %d", n))
	}
	if len(d.Baseline) != n {
		return ANCOVAResult{}, fieldErr("Baseline", len(d.Baseline), fmt.Sprintf("length must equal len(Outcome) = %d", n))
	}
	for _, c := range d.Covariates {
		if len(c.Values) != n {
			return ANCOVAResult{}, fieldErr("Covariates["+c.Name+"]", len(c.Values), fmt.Sprintf("length must equal len(Outcome) = %d", n))
		}
	}
	for _, f := range d.Factors {
		if len(f.Levels) != n {
			return ANCOVAResult{}, fieldErr("Factors["+f.Name+"]", len(f.Levels), fmt.Sprintf("length must equal len(Outcome) = %d", n))
		}
	}

	// Select the analysed rows and validate them.
	var rows []int
	res := ANCOVAResult{}
	for i := 0; i < n; i++ {
		if a := d.Arm[i]; a != 0 && a != 1 {
			return ANCOVAResult{}, fieldErr(fmt.Sprintf("Arm[%d]", i), a, "must be 0 (usual care) or 1 (intervention)")
		}
		y := d.Outcome[i]
		if math.IsNaN(y) {
			res.MissingOutcome++
			continue
		}
		if math.IsInf(y, 0) {
			return ANCOVAResult{}, fieldErr(fmt.Sprintf("Outcome[%d]", i), y, "must be finite or NaN (missing)")
		}
		if !designFinite(d.Baseline[i]) {
			return ANCOVAResult{}, fieldErr(fmt.Sprintf("Baseline[%d]", i), d.Baseline[i], "missing or infinite baseline in an analysed row")
		}
		for _, c := range d.Covariates {
			if !designFinite(c.Values[i]) {
				return ANCOVAResult{}, fieldErr(fmt.Sprintf("Covariates[%s][%d]", c.Name, i), c.Values[i], "missing or infinite value in an analysed row")
			}
		}
		for _, f := range d.Factors {
			if f.Levels[i] == "" {
				return ANCOVAResult{}, fieldErr(fmt.Sprintf("Factors[%s][%d]", f.Name, i), f.Levels[i], "missing level in an analysed row")
			}
		}
		rows = append(rows, i)
		if d.Arm[i] == 1 {
			res.NTreat++
		} else {
			res.NControl++
		}
	}
	if res.NTreat < 2 {
		return ANCOVAResult{}, fieldErr("Arm", res.NTreat, "fewer than 2 analysed participants in the intervention arm")
	}
	if res.NControl < 2 {
		return ANCOVAResult{}, fieldErr("Arm", res.NControl, "fewer than 2 analysed participants in the usual-care arm")
	}
	res.N = len(rows)

	// Design matrix columns.
	names := []string{"(Intercept)", "arm", "baseline"}
	fields := []string{"(Intercept)", "Arm", "Baseline"}
	cols := [][]float64{make([]float64, res.N), make([]float64, res.N), make([]float64, res.N)}
	y := make([]float64, res.N)
	for k, i := range rows {
		cols[0][k] = 1
		cols[1][k] = float64(d.Arm[i])
		cols[2][k] = d.Baseline[i]
		y[k] = d.Outcome[i]
	}
	an, af, ac := adjustmentColumns(rows, d.Covariates, d.Factors)
	names, fields, cols = append(names, an...), append(fields, af...), append(cols, ac...)
	p := len(cols)
	if res.N <= p {
		return ANCOVAResult{}, fieldErr("Outcome", res.N, fmt.Sprintf("%d analysed rows cannot fit %d coefficients with residual degrees of freedom", res.N, p))
	}
	// Centre every column but the intercept at its mean and scale it to
	// unit norm before the QR decomposition, so that a covariate far from
	// zero (a baseline of 1e8 ± 10) does not make the design ill-conditioned:
	// the fitted model is the same, and the coefficients are mapped back
	// below. A column whose centred norm is zero is constant, hence
	// collinear with the intercept. The outcome is centred too.
	X := mat.NewDense(res.N, p, nil)
	means := make([]float64, p)
	scales := make([]float64, p)
	means[0], scales[0] = 0, 1
	X.SetCol(0, cols[0])
	for j := 1; j < p; j++ {
		col := cols[j]
		m := 0.0
		for _, v := range col {
			m += v
		}
		m /= float64(res.N)
		c := make([]float64, res.N)
		big := 0.0
		for k, v := range col {
			c[k] = v - m
			big = math.Max(big, math.Abs(c[k]))
		}
		// Scale by the largest deviation first so that the norm cannot
		// overflow, then to unit norm.
		nrm := 0.0
		if big > 0 {
			for _, v := range c {
				nrm += (v / big) * (v / big)
			}
			nrm = big * math.Sqrt(nrm)
		}
		if !(nrm > 0) || math.IsInf(nrm, 0) {
			return ANCOVAResult{}, fieldErr(fields[j], names[j], "rank-deficient design: column is constant, so it is collinear with the intercept")
		}
		for k := range c {
			c[k] /= nrm
		}
		means[j], scales[j] = m, nrm
		X.SetCol(j, c)
	}
	yMean := 0.0
	for _, v := range y {
		yMean += v
	}
	yMean /= float64(res.N)
	yc := make([]float64, res.N)
	for k, v := range y {
		yc[k] = v - yMean
	}

	var qr mat.QR
	qr.Factorize(X)
	var Rd mat.Dense
	qr.RTo(&Rd)
	R := mat.NewTriDense(p, mat.Upper, nil)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			R.SetTri(i, j, Rd.At(i, j))
		}
	}
	// Rank as R's lm judges it (tolerance 1e-7), on columns of norm 1 (the
	// intercept has norm √n).
	for j := 0; j < p; j++ {
		nj := 1.0
		if j == 0 {
			nj = math.Sqrt(float64(res.N))
		}
		if math.Abs(R.At(j, j)) <= 1e-7*nj {
			return ANCOVAResult{}, fieldErr(fields[j], names[j], "rank-deficient design: column is a linear combination of earlier columns")
		}
	}
	var betaS mat.VecDense
	if err := qr.SolveVecTo(&betaS, false, mat.NewVecDense(res.N, yc)); err != nil {
		return ANCOVAResult{}, fieldErr("design", names, "least-squares solve failed: "+err.Error())
	}
	var fitted mat.VecDense
	fitted.MulVec(X, &betaS)
	rss := 0.0
	for k := range yc {
		r := yc[k] - fitted.AtVec(k)
		rss += r * r
	}
	df := float64(res.N - p)
	sigma2 := rss / df
	// An (essentially) perfect fit leaves no residual variance to test
	// against; R's summary.lm warns and returns NaN t values here.
	if sdY := pooledSDByArm(yc, cols[1]); !(math.Sqrt(sigma2) > 1e-10*sdY) {
		return ANCOVAResult{}, fieldErr("Outcome", math.Sqrt(sigma2), "essentially perfect fit (residual SD 0): no inference possible")
	}
	var Rinv mat.TriDense
	if err := Rinv.InverseTri(R); err != nil {
		return ANCOVAResult{}, fieldErr("design", names, "ill-conditioned design: "+err.Error())
	}
	tdist := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}
	// Back to the original columns: β_j = β'_j/s_j for j ≥ 1 and
	// β_0 = β'_0 + ȳ − Σ_j m_j β_j. Each is aᵀβ' for a vector a, with
	// Var = σ²‖aᵀR⁻¹‖², since (X'ᵀX')⁻¹ = R⁻¹R⁻ᵀ.
	res.Coefficients = make([]Coefficient, p)
	a := make([]float64, p)
	for j := 0; j < p; j++ {
		for i := range a {
			a[i] = 0
		}
		var b float64
		if j == 0 {
			a[0] = 1
			b = betaS.AtVec(0) + yMean
			for i := 1; i < p; i++ {
				a[i] = -means[i] / scales[i]
				b += a[i] * betaS.AtVec(i)
			}
		} else {
			a[j] = 1 / scales[j]
			b = betaS.AtVec(j) / scales[j]
		}
		s := 0.0
		for k := 0; k < p; k++ {
			v := 0.0
			for i := 0; i <= k; i++ {
				v += a[i] * Rinv.At(i, k)
			}
			s += v * v
		}
		se := math.Sqrt(sigma2 * s)
		t := b / se
		res.Coefficients[j] = Coefficient{Name: names[j], Estimate: b, SE: se, T: t, P: 2 * tdist.Survival(math.Abs(t))}
	}
	arm := res.Coefficients[1]
	res.Difference, res.SE, res.T, res.DF, res.P = arm.Estimate, arm.SE, arm.T, df, arm.P
	tc := designT(level, df)
	res.CI = Interval{Lower: arm.Estimate - tc*arm.SE, Upper: arm.Estimate + tc*arm.SE, Level: level}
	res.ResidualSD = math.Sqrt(sigma2)

	res.SDFollowUp = pooledSDByArm(y, cols[1])
	res.SDBaseline = pooledSDByArm(cols[2], cols[1])
	nm2 := float64(res.N - 2)
	std := func(s float64) Estimate {
		dv := res.Difference / s
		e := designWald(MeasureDAdjusted, dv, res.SE*res.SE/(s*s)+dv*dv/(2*nm2), level)
		return e
	}
	if res.SDFollowUp > 0 {
		res.DFollowUp = std(res.SDFollowUp)
	} else {
		return ANCOVAResult{}, fieldErr("Outcome", 0.0, "pooled within-arm SD of the follow-up is zero")
	}
	res.DBaseline = std(res.SDBaseline) // baseline SD > 0: otherwise the design is rank-deficient
	for _, e := range []Estimate{res.DFollowUp, res.DBaseline} {
		if _, err := designCheckResult(e); err != nil {
			return ANCOVAResult{}, err
		}
	}
	if !designFinite(res.Difference) || !designFinite(res.SE) || !designFinite(res.ResidualSD) {
		return ANCOVAResult{}, fieldErr("inputs", res.Difference, "values too extreme: the fit overflows")
	}
	return res, nil
}

// pooledSDByArm is the pooled within-arm standard deviation of x, arm
// holding 1 (intervention) or 0 (usual care); two-pass for accuracy.
func pooledSDByArm(x, arm []float64) float64 {
	var sum [2]float64
	var cnt [2]int
	for k, v := range x {
		a := int(arm[k])
		sum[a] += v
		cnt[a]++
	}
	m := [2]float64{sum[0] / float64(cnt[0]), sum[1] / float64(cnt[1])}
	ss := 0.0
	for k, v := range x {
		dv := v - m[int(arm[k])]
		ss += dv * dv
	}
	return math.Sqrt(ss / float64(cnt[0]+cnt[1]-2))
}

// MeanDifference returns the adjusted mean difference as an Estimate
// (Measure MeasureMD, variance SE², t interval with CIMethod WaldT and the
// residual degrees of freedom), for reporting or pooling.
func (r ANCOVAResult) MeanDifference() Estimate {
	return Estimate{Measure: MeasureMD, Value: r.Difference, Variance: r.SE * r.SE, CI: r.CI, CIMethod: WaldT, DF: r.DF}
}
