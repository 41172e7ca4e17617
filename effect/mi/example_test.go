package mi_test

import (
	"fmt"
	"strings"

	"github.com/tiesproject/ties/effect/mi"
	"github.com/tiesproject/ties/effect/mmrm"
	"github.com/tiesproject/ties/internal/simtrial"
)

// Five imputations of a trial's 12-month difference, each analysed by an
// ANCOVA with 97 residual degrees of freedom. (R: mice::pool.scalar gives
// the same estimate, SE, df and fraction of missing information.)
func ExampleRubin() {
	est := []float64{-1.21, -1.48, -0.95, -1.12, -1.40}
	se := []float64{0.50, 0.52, 0.49, 0.51, 0.50}
	p, err := mi.Rubin(est, se, 97, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.3f (SE %.3f), df %.1f, fraction of missing information %.3f\n", p.Estimate, p.SE, p.DF, p.FMI)
	fmt.Println(p)
	// Output:
	// -1.232 (SE 0.556), df 48.5, fraction of missing information 0.209
	// −1.23 (SE 0.56, 95% CI −2.35 to −0.11, p = 0.031, df 48.5; Rubin's rules (Barnard–Rubin df))
}

// rbmi's test vector: the estimate on the full data first, then the
// leave-one-out estimates.
func ExampleJackknife() {
	p, err := mi.Jackknife(7, []float64{3, 4, 5, 3, 3, 9}, &mi.Options{Level: 0.90})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("SE %.4f, 90%% CI %.4f to %.4f\n", p.SE, p.CI.Lower, p.CI.Upper)
	// Output:
	// SE 4.7871, 90% CI -0.8741 to 14.8741
}

func ExampleBootstrapNormal() {
	p, err := mi.BootstrapNormal(0.40, []float64{0.31, 0.52, 0.44, 0.12, 0.39, 0.61, 0.28, 0.47}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p)
	// Output:
	// 0.40 (SE 0.15, 95% CI 0.10 to 0.70, p = 0.009; bootstrap (normal))
}

func ExampleBootstrapPercentile() {
	p, err := mi.BootstrapPercentile(0.40, []float64{0.31, 0.52, 0.44, -0.12, 0.39, 0.61, 0.28, 0.47}, &mi.Options{Level: 0.80})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("80%% CI %.3f to %.3f, p = %.3f\n", p.CI.Lower, p.CI.Upper, p.P)
	// Output:
	// 80% CI -0.120 to 0.610, p = 0.289
}

// Three bootstrap samples, each imputed twice (bootstrap-major order).
func ExampleVonHippelBartlett() {
	p, err := mi.VonHippelBartlett([]float64{1.1, 1.3, 2.0, 1.8, 0.7, 0.6}, 2, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.3f (SE %.3f, df %.0f)\n", p.Estimate, p.SE, p.DF)
	// Output:
	// 1.250 (SE 0.718, df 3)
}

func ExamplePooled_String() {
	p, _ := mi.Jackknife(2.126, []float64{2.1, 2.2, 2.0, 2.15, 2.12}, nil)
	fmt.Println(p.String())
	// Output:
	// 2.13 (SE 0.13, 95% CI 1.87 to 2.39, p < 0.001; jackknife)
}

func ExampleAlternative_String() {
	fmt.Println(mi.TwoSided, mi.Less, mi.Greater)
	// Output:
	// two-sided less greater
}

func ExampleMethod_String() {
	fmt.Println(mi.MethodJackknife)
	// Output:
	// jackknife
}

func ExampleParseStrategy() {
	s, err := mi.ParseStrategy("jump to reference")
	fmt.Println(s, err)
	_, err = mi.ParseStrategy("J2R")
	fmt.Println(err)
	// Output:
	// JR <nil>
	// mi: strategy = "J2R": unknown strategy: use MAR, JR, CR, CIR or LMCF
}

func ExampleStrategy_String() {
	fmt.Println(mi.MAR, mi.JR, mi.CR, mi.CIR, mi.LMCF)
	// Output:
	// MAR JR CR CIR LMCF
}

// exampleTrial is a small two-arm trial: 40 participants, loneliness at 3,
// 6 and 12 months, some leaving after 3 or 6 months (jump to reference).
func exampleTrial() (*mmrm.Data, []mi.Event) {
	d, left := simtrial.Befriending()
	events := make([]mi.Event, len(left))
	for i, l := range left {
		events[i] = mi.Event{Subject: l.Subject, Visit: l.Visit, Strategy: mi.JR}
	}
	return d, events
}

// Jump to reference: participants of the befriending arm who left are
// imputed as if they had received usual care from then on.
func ExampleConditionalMean() {
	d, events := exampleTrial()
	r, err := mi.ConditionalMean(d, events, &mi.CondMeanOptions{Reference: "usual care"})
	if err != nil {
		fmt.Println(err)
		return
	}
	last := r.Visits[len(r.Visits)-1]
	fmt.Printf("%d events; at %s months, %s − %s: %s\n", len(events), last.Visit, r.Other, r.Reference, last.Difference)
	// Output:
	// 9 events; at 12 months, befriending − usual care: −1.02 (SE 0.35, 95% CI −1.71 to −0.34, p = 0.003; jackknife)
}

// How much worse would the imputed outcomes of the befriending arm have to
// be before the 12-month difference is no longer significant?
func ExampleTipping() {
	d, events := exampleTrial()
	tp, err := mi.Tipping(d, events, &mi.CondMeanOptions{Reference: "usual care"}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("δ = %.2f points on the loneliness scale\n", tp.Delta)
	// Output:
	// δ = 0.81 points on the loneliness scale
}

func ExampleTippingPoint_String() {
	tp := &mi.TippingPoint{Found: true, Delta: 0, Visit: "12"}
	fmt.Println(tp)
	// Output:
	// the interval at 12 includes 0 without any shift
}

func ExampleInference_String() {
	fmt.Println(mi.JackknifeInference, mi.BootstrapInference)
	// Output:
	// jackknife bootstrap
}

func ExampleReadEvents() {
	in := "id,first_visit,strategy\nP01,6,JR\nP02,3,copy reference\n"
	ev, err := mi.ReadEvents(strings.NewReader(in), mi.EventColumns{Subject: "id", Visit: "first_visit", Strategy: "strategy"})
	fmt.Println(ev, err)
	// Output:
	// [{P01 6 JR} {P02 3 CR}] <nil>
}
