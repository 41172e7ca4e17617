package mmrm_test

import (
	"fmt"
	"log"
	"math"
	"os"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/tiesproject/ties/effect/mmrm"
)

// fev reads the public fev_data example (200 subjects, 4 visits) shipped
// with the R package mmrm.
func fev() *mmrm.Data {
	f, err := os.Open("testdata/fev_data.csv")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	d, err := mmrm.ReadCSV(f, mmrm.Columns{Subject: "USUBJID", Visit: "AVISIT", Arm: "ARMCD", Outcome: "FEV1", Factors: []string{"RACE", "SEX"}})
	if err != nil {
		log.Fatal(err)
	}
	return d
}

// The primary analysis: unstructured covariance, REML, Satterthwaite df.
func ExampleFit() {
	r, err := mmrm.Fit(fev(), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range r.Differences {
		fmt.Printf("%s %s − %s: %.4f (SE %.4f, df %.1f)\n", d.Visit, d.Arm, r.Arms[0], d.Estimate, d.SE, d.DF)
	}
	// Output:
	// VIS1 TRT − PBO: 3.7744 (SE 1.0742, df 145.5)
	// VIS2 TRT − PBO: 3.7323 (SE 0.8589, df 145.3)
	// VIS3 TRT − PBO: 3.0806 (SE 0.6896, df 130.9)
	// VIS4 TRT − PBO: 4.3985 (SE 1.6806, df 133.4)
}

// Kenward–Roger inference and the pre-specified fallback sequence.
func ExampleFit_kenwardRoger() {
	r, err := mmrm.Fit(fev(), &mmrm.Options{DF: mmrm.KenwardRogerLinear, Fallback: mmrm.DefaultFallback})
	if err != nil {
		log.Fatal(err)
	}
	d := r.Differences[3]
	fmt.Printf("%v used; %s: %.3f (95%% CI %.3f to %.3f)\n", r.Structure, d.Visit, d.Estimate, d.CI.Lower, d.CI.Upper)
	// Output:
	// US used; VIS4: 4.399 (95% CI 1.049 to 7.748)
}

func ExampleReadCSV() {
	csv := `id,visit,arm,base,ucla
P1,3m,usual care,6,5
P1,6m,usual care,6,NA
P2,3m,befriending,7,5
P2,6m,befriending,7,4
`
	d, err := mmrm.ReadCSV(strings.NewReader(csv), mmrm.Columns{Subject: "id", Visit: "visit", Arm: "arm", Outcome: "ucla", Baseline: "base"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Subject, d.Visit, d.Line, math.IsNaN(d.Outcome[1]))
	// Output: [P1 P1 P2 P2] [3m 6m 3m 6m] [2 3 4 5] true
}

func ExampleResult_String() {
	r, err := mmrm.Fit(fev(), nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(r)
	// Output:
	// MMRM: US covariance, REML, Satterthwaite df; 197 subjects, 537 outcomes, 3 excluded
	// −2 log-likelihood 3386.45, AIC 3406.45, AICc 3406.88, BIC 3439.43; converged in 4 iterations
	// Visit  PBO (SE)      TRT (SE)      TRT − PBO (95% CI)   df     p
	// VIS1   33.33 (0.76)  37.11 (0.76)  3.77 (1.65 to 5.90)  145.5  0.0006
	// VIS2   38.17 (0.61)  41.90 (0.60)  3.73 (2.03 to 5.43)  145.3  <0.0001
	// VIS3   43.67 (0.46)  46.75 (0.51)  3.08 (1.72 to 4.44)  130.9  <0.0001
	// VIS4   48.39 (1.19)  52.78 (1.19)  4.40 (1.07 to 7.72)  133.4  0.0099
	// arm at all visits: F(4, 139.6) = 10.35, p < 0.0001
	// arm × visit: F(3, 147.9) = 0.26, p = 0.8555
	// arm: F(1, 168.5) = 31.67, p < 0.0001
}

func ExampleStructure_String() {
	fmt.Println(mmrm.US, mmrm.ADH, mmrm.TOEPH)
	// Output: US ADH TOEPH
}

func ExampleStructure_NumParams() {
	fmt.Println(mmrm.US.NumParams(4), mmrm.CS.NumParams(4), mmrm.ADH.NumParams(4))
	// Output: 10 2 7
}

func ExampleMethod_String() {
	fmt.Println(mmrm.REML, mmrm.ML)
	// Output: REML ML
}

func ExampleDFMethod_String() {
	fmt.Println(mmrm.Satterthwaite, "|", mmrm.KenwardRogerLinear)
	// Output: Satterthwaite | Kenward-Roger (linear)
}

func ExampleCovMethod_String() {
	fmt.Println(mmrm.ModelBased, mmrm.CR2)
	// Output: model-based CR2
}

// A power calculation: 200 simulated trials of 150 per arm, fitted in
// parallel; the result does not depend on the number of workers.
func ExampleStudy() {
	sigma := mat.NewSymDense(3, []float64{
		16, 9.6, 5.8,
		9.6, 16, 9.6,
		5.8, 9.6, 16,
	})
	s := mmrm.Scenario{
		Subjects: 300, Visits: []string{"3m", "6m", "12m"},
		ControlMean: []float64{20, 20, 20}, Effect: []float64{-1, -1.5, -1.5}, Sigma: sigma,
		BaselineMean: 20, BaselineSD: 5, BaselineSlope: 0.6, Dropout: 0.1, DropoutSlope: 0.5,
	}
	res, err := mmrm.Study(s, 200, 1, nil, 0)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("power at 12 months %.2f, coverage %.2f, failed fits %d\n", res.Reject[2], res.Coverage[2], res.Failed)
	// Output: power at 12 months 0.90, coverage 0.95, failed fits 0
}

func ExampleSimulate() {
	s := mmrm.Scenario{
		Subjects: 4, Visits: []string{"3m", "6m"},
		ControlMean: []float64{20, 20}, Effect: []float64{-1, -1},
		Sigma:        mat.NewSymDense(2, []float64{16, 8, 8, 16}),
		BaselineMean: 20, BaselineSD: 5, BaselineSlope: 0.6,
	}
	d, err := mmrm.Simulate(s, 1, 0)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(d.Subject), d.Subject[:2], d.Arm[2])
	// Output: 8 [S00001 S00001] intervention
}

// LS means with their intervals, as a trajectory figure draws them.
func ExampleResult_LSMean() {
	r, err := mmrm.Fit(fev(), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range r.Visits {
		l, _ := r.LSMean("TRT", v)
		fmt.Printf("%s %.2f (%.2f to %.2f)\n", v, l.Estimate, l.CI.Lower, l.CI.Upper)
	}
	// Output:
	// VIS1 37.11 (35.60 to 38.61)
	// VIS2 41.90 (40.71 to 43.09)
	// VIS3 46.75 (45.75 to 47.76)
	// VIS4 52.78 (50.43 to 55.13)
}

// The standardized difference at the last visit, ready for a forest plot
// or a meta-analysis.
func ExampleResult_Difference() {
	r, err := mmrm.Fit(fev(), nil)
	if err != nil {
		log.Fatal(err)
	}
	d, _ := r.Difference("TRT", "VIS4")
	s := d.SMDResidual
	fmt.Printf("d = %.2f (95%% CI %.2f to %.2f)\n", s.Value, s.CI.Lower, s.CI.Upper)
	// Output: d = 0.45 (95% CI 0.11 to 0.79)
}

// The estimates alone, without LS means, tests or degrees of freedom: for
// the many refits of a jackknife or bootstrap.
func ExampleFit_estimatesOnly() {
	r, err := mmrm.Fit(fev(), &mmrm.Options{EstimatesOnly: true})
	if err != nil {
		log.Fatal(err)
	}
	c := r.Coefficients[7] // arm=TRT:visit=VIS4
	fmt.Printf("%s: %.4f (SE %.4f); LS means %v; −2 log-likelihood %.2f\n", c.Name, c.Estimate, c.SE, r.LSMeans, -2*r.LogLik)
	// Output:
	// arm=TRT:visit=VIS4: 4.3985 (SE 1.6806); LS means []; −2 log-likelihood 3386.45
}

// A warm start from an earlier fit's θ: the refit converges in fewer
// iterations to the same optimum.
func ExampleFit_warmStart() {
	d := fev()
	cold, err := mmrm.Fit(d, &mmrm.Options{EstimatesOnly: true})
	if err != nil {
		log.Fatal(err)
	}
	warm, err := mmrm.Fit(d, &mmrm.Options{EstimatesOnly: true, Start: cold.Theta})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d → %d iterations; −2 log-likelihood %.4f and %.4f\n", cold.Iterations, warm.Iterations, -2*cold.LogLik, -2*warm.LogLik)
	// Output:
	// 4 → 0 iterations; −2 log-likelihood 3386.4499 and 3386.4499
}
