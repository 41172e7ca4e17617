// Package nct implements the noncentral t distribution: its lower and upper
// tail probabilities (CDF, Survival), quantiles (Quantile), and the exact
// confidence interval for the noncentrality parameter (NCPInterval) that
// underlies the exact ("noncentral t") confidence intervals for
// standardized mean differences (Steiger & Fouladi 1997; Cumming & Finch
// 2001).
//
// # Definition
//
// T = (Z + δ)/sqrt(V/ν), with Z ~ N(0, 1) and V ~ χ²_ν independent; ν = df > 0
// need not be an integer, and δ = ncp must be finite. NaN is returned for a
// NaN argument, df <= 0 or an infinite ncp; df = +Inf gives the normal
// limit.
//
// # Method
//
// Both tails come from the exact mixture representation
//
//	P(T <= t) = E[Φ(t·S - δ)],  P(T > t) = E[Φ(δ - t·S)],  S = sqrt(V/ν),
//
// integrated by the trapezoidal rule on the whole line in w = log(V/ν). The
// integrand is positive, smooth and unimodal, and the trapezoidal rule
// converges geometrically for it (Trefethen & Weideman 2014):
//
//   - The χ² density is written as C(k)·exp(-k(e^w - 1 - w)), k = ν/2, with
//     C(k) from Stirling's series (Loader 2000), so nothing cancels even at
//     ν = 1e7; z = t·e^{w/2} - δ is formed with expm1 near w = 0.
//   - The rule is centred on the mode (safeguarded Newton). The step is the
//     smallest of three a-priori limits: one for the χ² factor, from the
//     decay of its Fourier transform |Γ(k+iω)|/Γ(k); one for the peak, from
//     its curvature and skewness; and one for a sharp step of Φ at
//     e^{w/2} = δ/t, calibrated against the reference. A comparison with
//     the rule at twice the step guards against a missed feature.
//   - Where the left tail of the χ² density is long (df < 1, or a tiny step
//     forced by large |δ|) and Φ is saturated there, the rest of that tail
//     is added with a Euler–Maclaurin end correction and a rule in log
//     distance, so the work stays bounded.
//   - No tail is ever computed as 1 minus the other, so probabilities down
//     to the underflow limit keep their relative accuracy.
//
// R's pt and gonum's distuv.NoncentralT use AS 243 (Lenth 1989), which sums
// the Poisson-weighted incomplete-beta series and, for |δ| > 37.62 (R also
// for ν > 4e5), switches to the normal approximation of Abramowitz & Stegun
// 26.7.10. Measured against the reference below, R 4.2.2 gives
// pt(-1000, 1, 38) = 0.133 where the true value is 6.1e-321 (approximation
// region) and even pt(-40, 1e5, -37) = 9.3e-13 where the true value is
// 1.40e-3 (nominally exact region); where AS 243 works well (|δ| <= 10,
// ν <= 1000) it agrees with the reference to 7.5e-13 absolute, so its small
// tails have few correct digits. Benton & Krishnamoorthy (2003)
// sum the same series outward from the Poisson mode.
//
// NCPInterval solves P(T <= t | δ) = 1 - α/2 (through Survival) and
// P(T <= t | δ) = α/2 by Halley's method on the log probability, with the
// first and second δ-derivatives summed on the same quadrature nodes. It
// starts from a Cornish–Fisher expansion of Y = t·S - Z (T <= t exactly
// when Y >= δ) with the exact moments of the chi distribution, which is
// typically within 1e-8 (ν ≈ 100) to 1e-5 of the limit, so that one or two
// tail evaluations per limit suffice; internal/root's bracketing Brent
// method is the fallback.
//
// # Accuracy
//
// Against a 25-digit mpmath reference (testdata/golden/nct/gen_nct.py:
// adaptive Gauss–Legendre and tanh-sinh quadrature in s = sqrt(V/ν),
// checked against closed forms and R's pt by check_vs_R.R) on 4284 points, t in
// ±{0, 0.1, 1, 2.2, 5, 10, 40, 100, 1000}, ν in {1, 2, 3, 5, 10, 30, 100,
// 1e3, ..., 1e7}, δ in ±{0, 0.5, 2, 5, 20, 37, 38, 50, 100, 300, 1000}, the
// largest relative errors of CDF and Survival where the reference exceeds
// 1e-300 are (see TestGoldenGrid):
//
//	region                                   tails > 1e-10   tails 1e-300..1e-10
//	|δ| <= 37.62, ν <= 4e5 (AS 243's range)   1.0e-14         2.6e-13
//	|δ| > 37.62, ν <= 4e5                     2.9e-15         2.3e-13
//	ν > 4e5                                   3.9e-15         2.2e-13
//	t = 0 (Φ(-δ))                             2.4e-15         9.8e-14
//
// The errors in small tails reflect their conditioning: a relative change
// ε in t or δ moves a tail near 1e-300 by about 700ε relative. NCPInterval
// matches limits found by mpmath root finding to 2e-16 relative (17
// intervals, including t = 40 on 200 df).
//
// For 0 < ν < 1 the method is the same and CDF + Survival = 1 to about
// 1e-15 where checked (the fuzz test allows 1e-12), but no reference was
// computed there; run time grows like 1/ν for small ν. Beyond |t|, |ncp| = 1e4 the step of Φ can fall inside
// the bulk of the χ² distribution and need more than 2^20 nodes (for
// example t = ncp = 1e5 with ν <= 30); CDF then returns NaN rather than an
// inaccurate value.
//
// # References
//
//   - R. V. Lenth (1989). Algorithm AS 243: Cumulative distribution function
//     of the non-central t distribution. Applied Statistics 38(1), 185–189.
//   - D. Benton and K. Krishnamoorthy (2003). Computing discrete mixtures of
//     continuous distributions: noncentral chisquare, noncentral t and the
//     distribution of the square of the sample multiple correlation
//     coefficient. Computational Statistics & Data Analysis 43(2), 249–267.
//   - C. Loader (2000). Fast and accurate computation of binomial
//     probabilities. (Saddle-point forms of Poisson and Gamma densities.)
//   - L. N. Trefethen and J. A. C. Weideman (2014). The exponentially
//     convergent trapezoidal rule. SIAM Review 56(3), 385–458.
//   - J. H. Steiger and R. T. Fouladi (1997). Noncentrality interval
//     estimation and the evaluation of statistical models. In Harlow,
//     Mulaik & Steiger (eds.), What If There Were No Significance Tests?
//     Erlbaum.
//   - G. Cumming and S. Finch (2001). A primer on the understanding, use,
//     and calculation of confidence intervals that are based on central and
//     noncentral distributions. Educational and Psychological Measurement
//     61(4), 532–574.
//   - M. Abramowitz and I. A. Stegun (1964). Handbook of Mathematical
//     Functions, 26.7.10.
//   - R. P. Brent (1973). Algorithms for Minimization without Derivatives.
//     Prentice-Hall.
package nct
