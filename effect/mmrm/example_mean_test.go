package mmrm_test

import (
	"fmt"
	"log"
	"strconv"
	"strings"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/effect/mmrm"
)

// Potthoff & Roy's (1964) growth data: person, sex, distance (mm) at ages
// 8, 10, 12 and 14.
const growth = `1 F 21.0 20.0 21.5 23.0|2 F 21.0 21.5 24.0 25.5|3 F 20.5 24.0 24.5 26.0|4 F 23.5 24.5 25.0 26.5|
5 F 21.5 23.0 22.5 23.5|6 F 20.0 21.0 21.0 22.5|7 F 21.5 22.5 23.0 25.0|8 F 23.0 23.0 23.5 24.0|
9 F 20.0 21.0 22.0 21.5|10 F 16.5 19.0 19.0 19.5|11 F 24.5 25.0 28.0 28.0|12 M 26.0 25.0 29.0 31.0|
13 M 21.5 22.5 23.0 26.5|14 M 23.0 22.5 24.0 27.5|15 M 25.5 27.5 26.5 27.0|16 M 20.0 23.5 22.5 26.0|
17 M 24.5 25.5 27.0 28.5|18 M 22.0 22.0 24.5 26.5|19 M 24.0 21.5 24.5 25.5|20 M 23.0 20.5 31.0 26.0|
21 M 27.5 28.0 31.0 31.5|22 M 23.0 23.0 23.5 25.0|23 M 21.5 23.5 24.0 28.0|24 M 17.0 24.5 26.0 29.5|
25 M 22.5 25.5 25.5 26.0|26 M 23.0 24.5 26.0 30.0|27 M 22.0 21.5 23.5 25.0`

// A linear growth curve per sex with an unstructured covariance over ages,
// by ML: the PROC MIXED documentation's repeated-measures example
// (model y = Gender Age Gender*Age; repeated / type=un subject=Person),
// with its default between-within df.
// The sex is the "arm" (boys the reference), and age and age × girl are
// covariates the caller computes; Fit reports coefficients, not LS means.
func ExampleFit_growthCurve() {
	d := &mmrm.Data{}
	var age, ageGirl []float64
	for _, person := range strings.Split(strings.ReplaceAll(growth, "\n", ""), "|") {
		f := strings.Fields(person)
		for k, s := range f[2:] {
			y, _ := strconv.ParseFloat(s, 64)
			a := float64(8 + 2*k)
			d.Subject = append(d.Subject, f[0])
			d.Visit = append(d.Visit, strconv.Itoa(8+2*k))
			d.Arm = append(d.Arm, f[1])
			d.Outcome = append(d.Outcome, y)
			age = append(age, a)
			if f[1] == "F" {
				ageGirl = append(ageGirl, a)
			} else {
				ageGirl = append(ageGirl, 0)
			}
		}
	}
	d.Covariates = []effect.Covariate{{Name: "age", Values: age}, {Name: "age:F", Values: ageGirl}}
	r, err := mmrm.Fit(d, &mmrm.Options{Mean: mmrm.Covariates, Method: mmrm.ML, Control: "M", DF: mmrm.BetweenWithin})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(r)
	// Output:
	// MMRM: US covariance, ML, between-within df, covariates mean model; 27 subjects, 108 outcomes
	// −2 log-likelihood 419.48, AIC 447.48, AICc 451.99, BIC 465.62; converged in 3 iterations
	// Coefficient  Estimate  SE      df    t      p
	// (Intercept)  15.8423   0.9356  25.0  16.93  <0.0001
	// arm=F        1.5831    1.4658  25.0  1.08   0.2905
	// age          0.8268    0.0791  25.0  10.45  <0.0001
	// age:F        −0.3504   0.1239  25.0  −2.83  0.0091
}

// The mean of FEV1 over all visits (FEV1 ~ 1), an unstructured
// covariance and REML; Data.Arm may be nil.
func ExampleFit_interceptOnly() {
	d := fev()
	d.Arm, d.Factors = nil, nil
	r, err := mmrm.Fit(d, &mmrm.Options{Mean: mmrm.InterceptOnly})
	if err != nil {
		log.Fatal(err)
	}
	c := r.Coefficients[0]
	fmt.Printf("%s %.4f (SE %.4f, df %.2f); −2 REML log-likelihood %.4f\n", c.Name, c.Estimate, c.SE, c.DF, -2*r.LogLik)
	// Output:
	// (Intercept) 42.8330 (SE 0.3509, df 170.69); −2 REML log-likelihood 3700.9465
}

func ExampleMeanModel_String() {
	fmt.Println(mmrm.ArmByVisit, "|", mmrm.Covariates, "|", mmrm.InterceptOnly)
	// Output:
	// arm × visit | covariates | intercept only
}
