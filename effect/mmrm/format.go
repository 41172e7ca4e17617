package mmrm

import (
	"fmt"
	"github.com/tiesproject/ties/internal/numfmt"
	"math"
	"strings"
	"text/tabwriter"
)

// num formats x with d decimals and a Unicode minus, as a paper prints.
func num(x float64, d int) string { return numfmt.Fixed(x, d) }

func pval(p float64) string {
	switch {
	case math.IsNaN(p):
		return "–"
	case p < 0.0001:
		return "<0.0001"
	}
	return fmt.Sprintf("%.4f", p)
}

// String prints the fit as a results table: the model, the LS means per
// arm and visit with their standard errors, and each difference from the
// control with its confidence interval, df and p value, then the joint
// tests; with a mean model other than ArmByVisit, the coefficients with
// their standard errors, df, t and p values; with EstimatesOnly, the
// coefficients with their standard errors and t statistics.
func (r *Result) String() string {
	if r == nil {
		return "<nil>"
	}
	var b strings.Builder
	cov := r.Structure.String()
	if r.ByArm {
		cov += " by arm"
	}
	fmt.Fprintf(&b, "MMRM: %s covariance, %s, %s df", cov, r.Method, r.DF)
	if r.Mean != ArmByVisit {
		fmt.Fprintf(&b, ", %s mean model", r.Mean)
	}
	if r.Cov != ModelBased {
		fmt.Fprintf(&b, ", %s covariance of the coefficients", r.Cov)
	}
	fmt.Fprintf(&b, "; %d subjects, %d outcomes", r.NSubjects, r.NObs)
	if n := len(r.Excluded); n > 0 {
		fmt.Fprintf(&b, ", %d excluded", n)
	}
	fmt.Fprintf(&b, "\n−2 log-likelihood %s, AIC %s, AICc %s, BIC %s; converged in %d iterations\n",
		num(-2*r.LogLik, 2), num(r.AIC, 2), num(r.AICc, 2), num(r.BIC, 2), r.Iterations)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	if r.EstimatesOnly {
		// No inference: the coefficients with their model-based SEs.
		fmt.Fprintln(tw, "Coefficient\tEstimate\tSE\tt")
		for _, c := range r.Coefficients {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.Name, num(c.Estimate, 4), num(c.SE, 4), num(c.T, 2))
		}
		tw.Flush()
		return b.String()
	}
	if r.Mean != ArmByVisit {
		// No LS means: print the coefficients.
		fmt.Fprintln(tw, "Coefficient\tEstimate\tSE\tdf\tt\tp")
		for _, c := range r.Coefficients {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", c.Name, num(c.Estimate, 4), num(c.SE, 4), num(c.DF, 1), num(c.T, 2), pval(c.P))
		}
		tw.Flush()
		return b.String()
	}
	t := len(r.Visits)
	fmt.Fprint(tw, "Visit")
	for _, a := range r.Arms {
		fmt.Fprintf(tw, "\t%s (SE)", a)
	}
	level := fmt.Sprintf("%g%% CI", 100*r.Level)
	for _, a := range r.Arms[1:] {
		fmt.Fprintf(tw, "\t%s − %s (%s)\tdf\tp", a, r.Arms[0], level)
	}
	fmt.Fprintln(tw)
	for v := 0; v < t; v++ {
		fmt.Fprint(tw, r.Visits[v])
		for a := range r.Arms {
			l := r.LSMeans[a*t+v]
			fmt.Fprintf(tw, "\t%s (%s)", num(l.Estimate, 2), num(l.SE, 2))
		}
		for a := 1; a < len(r.Arms); a++ {
			d := r.Differences[(a-1)*t+v]
			fmt.Fprintf(tw, "\t%s (%s to %s)\t%s\t%s", num(d.Estimate, 2), num(d.CI.Lower, 2), num(d.CI.Upper, 2), num(d.DF, 1), pval(d.P))
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	for _, ft := range r.Tests {
		p := "p = " + pval(ft.P)
		if strings.HasPrefix(p, "p = <") {
			p = "p < 0.0001"
		}
		fmt.Fprintf(&b, "%s: F(%g, %s) = %s, %s\n", ft.Name, ft.NumDF, num(ft.DenDF, 1), num(ft.F, 2), p)
	}
	return b.String()
}
