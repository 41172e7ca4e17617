package mmrm

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/internal/golden"
)

// sasPR is the Potthoff & Roy (1964) growth data as the SAS/STAT User's
// Guide prints it in the PROC MIXED example "Repeated Measures" (sample
// program MIXEX2): person, gender, distance at ages 8, 10, 12 and 14.
const sasPR = ` 1   F   21.0    20.0    21.5    23.0
 2   F   21.0    21.5    24.0    25.5
 3   F   20.5    24.0    24.5    26.0
 4   F   23.5    24.5    25.0    26.5
 5   F   21.5    23.0    22.5    23.5
 6   F   20.0    21.0    21.0    22.5
 7   F   21.5    22.5    23.0    25.0
 8   F   23.0    23.0    23.5    24.0
 9   F   20.0    21.0    22.0    21.5
10   F   16.5    19.0    19.0    19.5
11   F   24.5    25.0    28.0    28.0
12   M   26.0    25.0    29.0    31.0
13   M   21.5    22.5    23.0    26.5
14   M   23.0    22.5    24.0    27.5
15   M   25.5    27.5    26.5    27.0
16   M   20.0    23.5    22.5    26.0
17   M   24.5    25.5    27.0    28.5
18   M   22.0    22.0    24.5    26.5
19   M   24.0    21.5    24.5    25.5
20   M   23.0    20.5    31.0    26.0
21   M   27.5    28.0    31.0    31.5
22   M   23.0    23.0    23.5    25.0
23   M   21.5    23.5    24.0    28.0
24   M   17.0    24.5    26.0    29.5
25   M   22.5    25.5    25.5    26.0
26   M   23.0    24.5    26.0    30.0
27   M   22.0    21.5    23.5    25.0`

// readGrowth reads nlme's Orthodont as committed beside growth.R and
// returns it as Data for the Covariates model of the SAS example:
// Arm = gender (control M, so "arm=F" is SAS's Gender F), covariates age
// and age × F (SAS's Age*Gender F).
func readGrowth(t testing.TB) *Data {
	t.Helper()
	recs := golden.ReadCSV(t, "../../testdata/golden/mmrm/orthodont.csv")
	d := &Data{}
	var age, ageF []float64
	for _, r := range recs {
		sex := r.String(t, "sex")[:1]
		a := r.Float(t, "age")
		d.Subject = append(d.Subject, r.String(t, "subject"))
		d.Visit = append(d.Visit, strconv.FormatFloat(a, 'f', -1, 64))
		d.Arm = append(d.Arm, sex)
		d.Outcome = append(d.Outcome, r.Float(t, "distance"))
		age = append(age, a)
		f := 0.0
		if sex == "F" {
			f = a
		}
		ageF = append(ageF, f)
	}
	d.Covariates = []effect.Covariate{{Name: "age", Values: age}, {Name: "age:F", Values: ageF}}
	return d
}

// TestGrowthDataIsSAS checks that nlme's Orthodont is the data of the SAS
// example, value by value (girls F01–F11 are SAS persons 1–11 and boys
// M01–M16 persons 12–27, in the order of each sex's IDs).
func TestGrowthDataIsSAS(t *testing.T) {
	d := readGrowth(t)
	var want [][]float64
	var sex []string
	for _, line := range strings.Split(sasPR, "\n") {
		f := strings.Fields(line)
		sex = append(sex, f[1])
		var ys []float64
		for _, s := range f[2:] {
			y, _ := strconv.ParseFloat(s, 64)
			ys = append(ys, y)
		}
		want = append(want, ys)
	}
	if len(d.Outcome) != 4*len(want) {
		t.Fatalf("%d rows, want %d", len(d.Outcome), 4*len(want))
	}
	for i := range want {
		for k := 0; k < 4; k++ {
			r := 4*i + k
			if d.Arm[r] != sex[i] || d.Outcome[r] != want[i][k] || d.Visit[r] != strconv.Itoa(8+2*k) {
				t.Errorf("row %d (%s age %s): %s %v, SAS person %d: %s %v", r, d.Subject[r], d.Visit[r], d.Arm[r], d.Outcome[r], i+1, sex[i], want[i][k])
			}
		}
	}
}

// sasDigits reports whether x agrees with SAS's printed value to its
// printed decimals: within half a unit of the last digit, plus tol units
// for SAS's stopping rule (its last iterate is not the exact optimum).
func sasDigits(x, printed float64, decimals int, tol float64) bool {
	u := math.Pow(10, -float64(decimals))
	return math.Abs(x-printed) <= (0.5+tol)*u
}

// TestPotthoffRoySAS reproduces the PROC MIXED documentation example
// "Repeated Measures" (SAS/STAT User's Guide, The MIXED Procedure, Example
// 2; sample program MIXEX2):
//
//	proc mixed data=pr method=ml covtest;
//	   class Person Gender;
//	   model y = Gender Age Gender*Age / s;
//	   repeated / type=un subject=Person r;
//
// The printed values are those of the documentation's output tables
// (Iteration History, Covariance Parameter Estimates, Fit Statistics,
// Solution for Fixed Effects), read from the screenshots of that output
// in github.com/jsahlmann/mbk, 07_mmrm_mixed_model_repeated_measures/
// img_screenshots, whose program is the documentation's. SAS's default
// df for this model are DDFM=BETWITHIN, 25 for every coefficient (the
// unstructured exception), and so are the p values.
func TestPotthoffRoySAS(t *testing.T) {
	r, err := Fit(readGrowth(t), &Options{Mean: Covariates, Method: ML, Control: "M", DF: BetweenWithin})
	if err != nil {
		t.Fatal(err)
	}
	if r.NSubjects != 27 || r.NObs != 108 {
		t.Errorf("%d subjects, %d outcomes", r.NSubjects, r.NObs)
	}
	// −2 log-likelihood at SAS's last iteration, 419.47704812; ours is the
	// exact optimum, at most a few 1e-8 lower.
	if m2 := -2 * r.LogLik; !(m2 <= 419.47704812+1e-9 && m2 > 419.47704812-5e-8) {
		t.Errorf("−2 log-likelihood %.8f, SAS 419.47704812", m2)
	}
	fit := []struct {
		name      string
		got, want float64
	}{{"−2LL", -2 * r.LogLik, 419.5}, {"AIC", r.AIC, 447.5}, {"AICC", r.AICc, 452.0}, {"BIC", r.BIC, 465.6}}
	for _, f := range fit {
		if !sasDigits(f.got, f.want, 1, 0) {
			t.Errorf("%s %.4f, SAS %.1f", f.name, f.got, f.want)
		}
	}
	// Covariance Parameter Estimates: UN(1,1), UN(2,1), UN(2,2), … in
	// Theta's order, with COVTEST standard errors.
	un := []struct{ est, se float64 }{
		{5.1192, 1.4169}, {2.4409, 0.9835}, {3.9279, 1.0824}, {3.6105, 1.2767}, {2.7175, 1.0740},
		{5.9798, 1.6279}, {2.5222, 1.0649}, {3.0624, 1.0135}, {3.8235, 1.2508}, {4.6180, 1.2573},
	}
	for k, w := range un {
		// UN(4,2): ours 3.062349, SAS prints 3.0624 — SAS's last iterate
		// lies 1e-6 relative from the optimum; allow 0.1 unit.
		if got := r.Theta[k]; !sasDigits(got, w.est, 4, 0.1) {
			t.Errorf("%s = %.6f, SAS %.4f", r.ThetaNames[k], got, w.est)
		}
		if se := math.Sqrt(r.ThetaCov.At(k, k)); !sasDigits(se, w.se, 4, 0.1) {
			t.Errorf("SE %s = %.6f, SAS %.4f", r.ThetaNames[k], se, w.se)
		}
	}
	// Solution for Fixed Effects: estimate, SE (decimals), t value.
	fe := []struct {
		name            string
		est, se, tv, pv float64
		dEst, dSE       int
	}{
		{"(Intercept)", 15.8423, 0.9356, 16.93, 0, 4, 4},
		{"arm=F", 1.5831, 1.4658, 1.08, 0.2904, 4, 4},
		{"age", 0.8268, 0.07911, 10.45, 0, 4, 5},
		{"age:F", -0.3504, 0.1239, -2.83, 0.0091, 4, 4},
	}
	for j, w := range fe {
		c := r.Coefficients[j]
		if c.Name != w.name {
			t.Fatalf("coefficient %d is %q, want %q", j, c.Name, w.name)
		}
		if !sasDigits(c.Estimate, w.est, w.dEst, 0) || !sasDigits(c.SE, w.se, w.dSE, 0) || !sasDigits(c.T, w.tv, 2, 0) || c.DF != 25 {
			t.Errorf("%s: %.6f (SE %.6f, df %g, t %.4f), SAS %v (%v, 25, %v)", c.Name, c.Estimate, c.SE, c.DF, c.T, w.est, w.se, w.tv)
		}
		// Pr > |t|, printed to 4 decimals; 0 here stands for "<.0001". Ours
		// for F is 0.290450, on the rounding boundary: allow 0.1 unit.
		if w.pv == 0 && !(c.P < 0.0001) || w.pv > 0 && !sasDigits(c.P, w.pv, 4, 0.1) {
			t.Errorf("%s: p %.6f, SAS %v", c.Name, c.P, w.pv)
		}
	}
	if r.LSMeans != nil || r.Differences != nil || r.Tests != nil {
		t.Error("LS means, differences or tests reported for the covariates model")
	}
}

// TestFEVInterceptOnlySAS fits FEV1 ~ 1 with an unstructured covariance
// (mmrm's design/SAS/sas_log_simple.txt and sas_log_simple_reml.txt, PROC
// MIXED listings of the public fev_data): the −2 log-likelihood at the
// exact optimum to 1e-9 relative, lower than SAS's last iterate by less
// than 1e-5; SAS's printed fit statistics, SE and rounded Satterthwaite
// df; the intercept within 1e-3, because SAS's last iterate lies 2e-5
// relative from the optimum (its −2LL is 6e-6 above; (Δβ/SE)² accounts
// for it).
func TestFEVInterceptOnlySAS(t *testing.T) {
	d := readFEV(t)
	d.Factors = nil
	for _, tc := range []struct {
		m                      Method
		exact, sasIter         float64
		fit                    [4]float64
		est, se, tv, dfRounded float64
	}{
		{ML, 3700.68706781, 3700.68707570, [4]float64{3700.7, 3722.7, 3723.2, 3759.0}, 42.8367, 0.3499, 122.44, 172},
		{REML, 3700.94647929, 3700.94648570, [4]float64{3700.9, 3720.9, 3721.4, 3753.9}, 42.8338, 0.3509, 122.07, 171},
	} {
		r, err := Fit(d, &Options{Mean: InterceptOnly, Method: tc.m})
		if err != nil {
			t.Fatal(err)
		}
		m2 := -2 * r.LogLik
		if !closeTo(m2, tc.exact, 1e-9, 0) || !(m2 < tc.sasIter && m2 > tc.sasIter-1e-5) {
			t.Errorf("%s: −2LL %.8f, exact %.8f, SAS %.8f", tc.m, m2, tc.exact, tc.sasIter)
		}
		// SAS's BIC counts the 200 subjects of the data set, 3 of them
		// without any FEV1; so does Fit (NSubjects counts the 197 analysed).
		sasBIC := r.BIC
		if r.NSubjects != 197 {
			t.Errorf("%d subjects analysed, want 197", r.NSubjects)
		}
		for i, got := range []float64{m2, r.AIC, r.AICc, sasBIC} {
			if !sasDigits(got, tc.fit[i], 1, 0) {
				t.Errorf("%s: fit statistic %d = %.4f, SAS %.1f", tc.m, i, got, tc.fit[i])
			}
		}
		c := r.Coefficients[0]
		if len(r.Coefficients) != 1 || c.Name != "(Intercept)" {
			t.Fatalf("coefficients %v", r.Coefficients)
		}
		if math.Abs(c.Estimate-tc.est) > 1e-3 || !sasDigits(c.SE, tc.se, 4, 0) || math.Round(c.DF) != tc.dfRounded || math.Abs(c.T-tc.tv) > 0.1 {
			t.Errorf("%s: intercept %.6f SE %.6f df %.4f t %.4f; SAS %v %v %v %v", tc.m, c.Estimate, c.SE, c.DF, c.T, tc.est, tc.se, tc.dfRounded, tc.tv)
		}
		if tc.m == REML && !closeTo(c.DF, 170.690046, 1e-6, 0) {
			t.Errorf("REML Satterthwaite df %.6f, exact 170.690046", c.DF)
		}
	}
}

// TestGrowthGoldenR holds the Covariates and InterceptOnly models to the
// polished R reference (testdata/golden/mmrm/growth.R) at 1e-6 relative:
// log-likelihood, covariance parameters, coefficients, SEs and
// Satterthwaite df, for REML and ML and each structure.
func TestGrowthGoldenR(t *testing.T) {
	recs := golden.ReadCSV(t, "../../testdata/golden/mmrm/growth.csv")
	type key struct{ ds, s, m string }
	type val struct {
		what  string
		index int
		value float64
	}
	groups := map[key][]val{}
	var order []key
	for _, r := range recs {
		k := key{r.String(t, "dataset"), r.String(t, "structure"), r.String(t, "method")}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		v := math.NaN()
		if s := r.String(t, "value"); s != "NA" {
			v = r.Float(t, "value")
		}
		groups[k] = append(groups[k], val{r.String(t, "what"), r.Int(t, "index"), v})
	}
	growth := readGrowth(t)
	fev := readFEV(t)
	fev.Factors = nil
	structs := map[string]Structure{"US": US, "CS": CS, "CSH": CSH, "AR1": AR1, "ARH": ARH, "TOEP": TOEP}
	for _, k := range order {
		t.Run(fmt.Sprintf("%s/%s/%s", k.ds, k.s, k.m), func(t *testing.T) {
			o := &Options{Structure: structs[k.s], Method: REML, DF: Satterthwaite}
			if k.m == "ML" {
				o.Method = ML
			}
			d := growth
			o.Mean, o.Control = Covariates, "M"
			if k.ds == "fev_intercept" {
				d = fev
				o.Mean, o.Control = InterceptOnly, ""
			}
			r, err := Fit(d, o)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range groups[k] {
				if math.IsNaN(v.value) {
					continue // nlme has no Toeplitz structure
				}
				var got float64
				rel := 1e-6
				switch v.what {
				case "loglik":
					got, rel = r.LogLik, 1e-9
				case "nlme_loglik":
					got, rel = r.LogLik, 1e-8 // nlme at tolerance 1e-10: an anchor for the definition
				case "gradnorm":
					continue
				case "theta":
					got = r.Theta[v.index]
				case "beta":
					got = r.Coefficients[v.index].Estimate
				case "se":
					got = r.Coefficients[v.index].SE
				case "df":
					got = r.Coefficients[v.index].DF
				default:
					t.Fatalf("unknown quantity %q", v.what)
				}
				if !closeTo(got, v.value, rel, 1e-9) {
					t.Errorf("%s[%d] = %.10g, R %.10g", v.what, v.index, got, v.value)
				}
			}
		})
	}
}

// TestFEVArmOnlyKenwardRoger fits FEV1 ~ ARMCD with each structure by REML
// through Fit's Covariates model and holds the arm coefficient's
// Kenward–Roger df and SEs (linear and full) to the exact-optimum values
// that accompany SAS's DDFM=KR results for this model (mmrm's
// tests/testthat/test-kenwardroger.R) at 1e-6, and to SAS within its
// stopping rule (1e-6 for CS and AR(1), 4e-4 otherwise).
func TestFEVArmOnlyKenwardRoger(t *testing.T) {
	d := readFEV(t)
	d.Factors = nil
	for _, tc := range []struct {
		s                       Structure
		df, seLin, seFull       float64
		sasDF, sasSE, sasSEFull float64
		sasRel                  float64
	}{
		{US, 160.69062, 0.661300459, 0.661300459, 160.733266, 0.661243823, 0.661243823, 4e-4},
		{CS, 177.038411, 0.796469689, 0.796469689, 177.038486, 0.796469605, 0.796469605, 1e-6},
		{AR1, 188.469519, 0.960580682, 0.958653656, 188.469349, 0.960581423, 0.958654397, 1e-6},
		{ARH, 188.211144, 0.75925458, 0.759038121, 188.225339, 0.759248075, 0.759031610, 4e-4},
		{CSH, 190.667773, 0.674117658, 0.674227188, 190.737701, 0.674038582, 0.674148060, 4e-4},
	} {
		for _, dfm := range []DFMethod{KenwardRogerLinear, KenwardRoger} {
			r, err := Fit(d, &Options{Mean: Covariates, Structure: tc.s, DF: dfm})
			if err != nil {
				t.Fatalf("%v %v: %v", tc.s, dfm, err)
			}
			c := r.Coefficients[1]
			se, sasSE := tc.seLin, tc.sasSE
			if dfm == KenwardRoger {
				se, sasSE = tc.seFull, tc.sasSEFull
			}
			if c.Name != "arm=TRT" || !closeTo(c.DF, tc.df, 1e-6, 0) || !closeTo(c.SE, se, 1e-6, 0) {
				t.Errorf("%v %v: %s SE %.9g df %.8g; exact %.9g, %.8g", tc.s, dfm, c.Name, c.SE, c.DF, se, tc.df)
			}
			if !closeTo(c.DF, tc.sasDF, tc.sasRel, 0) || !closeTo(c.SE, sasSE, tc.sasRel, 0) {
				t.Errorf("%v %v: SE %.9g df %.8g; SAS %.9g, %.8g", tc.s, dfm, c.SE, c.DF, sasSE, tc.sasDF)
			}
		}
	}
}
