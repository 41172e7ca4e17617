// Package effect computes standardized effect sizes for trials that compare
// an intervention with usual care, with their sampling variances and
// confidence intervals, following the conventions of R's metafor and
// effectsize packages.
//
// # Measures
//
// Two independent arms, from Group summaries (mean, SD with denominator
// n−1, n) or raw scores (FromSamples):
//
//   - CohenD: d = (m1 − m2)/s_p with the df-weighted pooled SD.
//   - HedgesG: g = J(N−2)·d, with Hedges' exact correction J (see J).
//   - GlassDelta: Δ = (m1 − m2)/s2, standardized by usual care.
//   - SMDH: Bonett's heteroscedastic SMD, standardized by √((s1²+s2²)/2).
//   - FromT, FromF, FromP: d (or g) from a reported pooled-variance t,
//     F(1, N−2) or two-sided p; F and p need an explicit sign.
//
// One arm measured twice (pre/post, PrePost with the pre–post correlation):
// Dz, Drm, Dav and DBecker. Conversions: RFromD, DFromR, LogORFromD,
// DFromLogOR; NNTKraemer and NNTFurukawa; conventional labels (Magnitude).
//
// # Trial designs
//
//   - ANCOVA: the baseline-adjusted difference from participant data (least
//     squares by QR, as R's lm), with covariates and stratification factors
//     and two standardized versions; ANCOVAFromMeans and ANCOVAFromT recover
//     an adjusted d from reported values (compute.es equations).
//   - Pre-post-control designs: MorrisPPC2 (Morris 2008) and BeckerPPC.
//   - Cluster-randomized trials: ClusterDT and ClusterDW (Hedges 2007),
//     DesignEffect, EffectiveSampleSize and ClusterICC.
//   - Binary outcomes from a Table2x2: OddsRatio, RiskRatio, RiskDifference
//     (Newcombe interval), NumberNeededToTreat (Altman 1998);
//     TableFromScores and TableFromThreshold build the table from scores;
//     LogisticOR fits the covariate-adjusted odds ratio from participant
//     data (maximum likelihood, as R's glm).
//   - BootstrapCI: percentile, BCa and studentized intervals for any
//     two-sample statistic, seeded and identical on any number of cores.
//
// # Sign convention and orientation
//
// Every estimate is intervention minus usual care (first argument minus
// second), and post minus pre for within-arm measures, as in metafor,
// effectsize and the trial literature. For an outcome where lower scores
// are better (loneliness) a beneficial intervention therefore has a
// negative value. Estimate.Favoring(LowerIsBetter) turns an estimate so
// that positive means "favours the intervention" and marks it Oriented;
// DirectionFor maps a "higher is better" flag to a Direction.
// Nothing in this package drops a sign silently: FromF and FromP require it.
//
// # Vocabulary
//
// These names are shared by every package of ties (measures, check, meta,
// plot and the rest import them from here), so that a result reads the same
// wherever it comes from:
//
//   - Interval{Lower, Upper, Level} is the one confidence interval type.
//   - CIMethod names how an interval was computed: DefaultCI (the
//     measure's documented default), Wald, WaldT, NoncentralT, Newcombe,
//     Bootstrap. Degrees-of-freedom methods are not CI methods.
//   - Direction (UnknownDirection, HigherIsBetter, LowerIsBetter) is the
//     one direction of an outcome scale.
//   - Options.Level is how a confidence level is given (0 means 0.95),
//     never a positional argument or a z value; a nil *Options means the
//     defaults. A function never ignores an Options field silently: a
//     field it cannot use (Correct for CohenD and HedgesG, whose names say
//     whether they are corrected; Variance for the binary measures; a CI
//     method a measure does not define) is an error naming the field.
//   - FieldError is the one positioned error: the physical Line of a file
//     (header = line 1, as encoding/csv counts), the Column heading, the
//     Record (participant, study, subject), the Field, the offending Value,
//     the Reason with what would fix it, and the package sentinel it wraps
//     (Err; nil means ErrInvalidInput). Functions of this package, which do
//     not read files, fill Field, Value and Reason.
//   - A failing call returns the zero Estimate (or zero result), never a
//     half-filled one.
//   - Estimate.String prints what a paper prints, "g = −0.46 (95% CI −0.87
//     to −0.05)", with a Unicode minus sign and ratio measures
//     exponentiated ("OR = 2.25 (95% CI 1.01 to 5.01)"); the result types
//     (NNT, ANCOVAResult, AdjustedSMD, BootstrapResult, ICCEstimate) print
//     in the same style.
//
// # Small-sample correction
//
// CohenD and HedgesG say by their names whether J is applied. For the other
// measures the default is uncorrected (effectsize's default) and
// Options.Correct applies J on the measure's own df, which reproduces
// metafor's escalc (SMD1, SMDH, SMCC, SMCR always apply it). J is computed
// exactly for any df > 1 (JApprox gives the 1 − 3/(4df − 1) approximation
// that compute.es, esc, pingouin and statsmodels use).
//
// # Variances
//
// Options.Variance selects metafor's vtype: LS (default), LS2 or UB, with
// the formulas documented on VarianceMethod, on each constructor and on
// smdVariance. The variance is what inverse-variance pooling uses
// (metafor's vi).
//
// # Confidence intervals
//
// The default for d, g, Glass's Δ and d_z is the exact interval obtained by
// inverting the noncentral t distribution of the test statistic (Steiger &
// Fouladi 1997): for g (and every corrected measure) the bounds for δ are
// multiplied by J, as effectsize does. Glass's Δ uses effectsize's
// Algina–Keselman–Penfield scaling on n2−1 df. SMDH, d_rm, d_av and Becker's
// d default to Wald (estimate ± z·SE); Options.CI = Wald or WaldT is
// available everywhere. The exact limits come from internal/nct: for
// moderate statistics (|t| ≤ 0.75·√(2df), 4 ≤ df ≤ 1e5, level ≤ 0.99) from a
// series in the central moments of the χ-distributed standardizer, summed
// once on the nodes of a trapezoidal rule, with one Halley step per limit
// from a Cornish–Fisher start; else from AS 243 (Lenth 1989) where that
// series is accurate (|ncp| ≤ 35, 3 ≤ df ≤ 1e4); else from internal/nct's
// quadrature, so that large effects in large trials (|ncp| > 37.62, where
// R's pt and gonum switch to a normal approximation) keep full accuracy.
// All three agree with the exact limits to 1e-9.
//
// # Binary outcomes and zero cells
//
// The risk difference keeps one convention for its value and interval: the
// raw proportions with the Newcombe interval (the default), metafor's ½
// zero-cell correction with the Wald interval (truncated to [−1, 1]). The
// NNT is 1/|RD| of that same Estimate, and its limits come from the RD
// interval truncated to [−1, 1], so no NNT is below 1.
//
// # Errors
//
// Invalid input returns an error wrapping ErrInvalidInput (a *FieldError
// naming the field); nothing panics on user data. Invalid means NaN or
// infinite values, n < 2 (n < 3 where J(n−1) or J(n2−1) is needed), SD ≤ 0,
// a level outside (0, 1), a correlation outside (−1, 1), fewer than two
// finite raw values, mismatched pre/post sizes, a missing sign, or a method
// the measure does not define. A failed noncentral t search (which should
// not happen for valid input) wraps ErrNoConvergence.
//
// # Accuracy
//
// The tests compare every formula with R 4.2.2 (metafor 3.8-1, effectsize
// 0.8.3) and, where R's pt is approximate, with an mpmath reference, using
// the goldens and scripts in testdata/golden/effect: 1e-12 relative for
// closed forms and 1e-9 absolute for exact interval bounds. A Monte Carlo
// test checks the coverage of the exact interval for d.
//
// # References
//
//   - Algina, J., Keselman, H. J. & Penfield, R. D. (2006). Confidence
//     intervals for an effect size when variances are not equal. Journal of
//     Modern Applied Statistical Methods 5(1), 2–13.
//   - Algina, J. & Keselman, H. J. (2003). Approximate confidence intervals
//     for effect sizes. Educational and Psychological Measurement 63(4),
//     537–553.
//   - Altman, D. G. (1998). Confidence intervals for the number needed to
//     treat. BMJ 317, 1309–1312.
//   - Becker, B. J. (1988). Synthesizing standardized mean-change measures.
//     British Journal of Mathematical and Statistical Psychology 41, 257–278.
//   - Bonett, D. G. (2008). Confidence intervals for standardized linear
//     contrasts of means. Psychological Methods 13(2), 99–109.
//   - Bonett, D. G. (2009). Meta-analytic interval estimation for
//     standardized and unstandardized mean differences. Psychological
//     Methods 14(3), 225–238.
//   - Borenstein, M. (2009). Effect sizes for continuous data. In H. Cooper,
//     L. V. Hedges & J. C. Valentine (Eds.), The Handbook of Research
//     Synthesis and Meta-Analysis (2nd ed., pp. 221–235). Russell Sage.
//   - Chinn, S. (2000). A simple method for converting an odds ratio to
//     effect size for use in meta-analysis. Statistics in Medicine 19,
//     3127–3131.
//   - Cohen, J. (1988). Statistical Power Analysis for the Behavioral
//     Sciences (2nd ed.). Erlbaum.
//   - Cox, D. R. (1970). The Analysis of Binary Data. Methuen.
//   - Cumming, G. (2012). Understanding the New Statistics. Routledge.
//   - Cumming, G. & Finch, S. (2001). A primer on the understanding, use, and
//     calculation of confidence intervals that are based on central and
//     noncentral distributions. Educational and Psychological Measurement
//     61(4), 532–574.
//   - Furukawa, T. A. (1999). From effect size into number needed to treat.
//     The Lancet 353, 1680.
//   - Furukawa, T. A. & Leucht, S. (2011). How to obtain NNT from Cohen's d:
//     comparison of two methods. PLoS ONE 6(4), e19070.
//   - Gibbons, R. D., Hedeker, D. R. & Davis, J. M. (1993). Estimation of
//     effect size from a series of experiments involving paired
//     comparisons. Journal of Educational Statistics 18(3), 271–279.
//   - Gignac, G. E. & Szodorai, E. T. (2016). Effect size guidelines for
//     individual differences researchers. Personality and Individual
//     Differences 102, 74–78.
//   - Glass, G. V. (1976). Primary, secondary, and meta-analysis of research.
//     Educational Researcher 5(10), 3–8.
//   - Hasselblad, V. & Hedges, L. V. (1995). Meta-analysis of screening and
//     diagnostic tests. Psychological Bulletin 117(1), 167–178.
//   - Hedges, L. V. (1981). Distribution theory for Glass's estimator of
//     effect size and related estimators. Journal of Educational Statistics
//     6(2), 107–128.
//   - Hedges, L. V. (1982). Estimation of effect size from a series of
//     independent experiments. Psychological Bulletin 92(2), 490–499.
//   - Hedges, L. V. (1983). A random effects model for effect sizes.
//     Psychological Bulletin 93(2), 388–395.
//   - Hedges, L. V. (2007). Effect sizes in cluster-randomized designs.
//     Journal of Educational and Behavioral Statistics 32(4), 341–370.
//   - Hedges, L. V. & Olkin, I. (1985). Statistical Methods for
//     Meta-Analysis. Academic Press.
//   - Kraemer, H. C. & Kupfer, D. J. (2006). Size of treatment effects and
//     their importance to clinical research and practice. Biological
//     Psychiatry 59, 990–996.
//   - Lakens, D. (2013). Calculating and reporting effect sizes to facilitate
//     cumulative science: a practical primer for t-tests and ANOVAs.
//     Frontiers in Psychology 4, 863.
//   - Lenth, R. V. (1989). Algorithm AS 243: Cumulative distribution function
//     of the non-central t distribution. Applied Statistics 38(1), 185–189.
//   - Lovakov, A. & Agadullina, E. R. (2021). Empirically derived guidelines
//     for effect size interpretation in social psychology. European Journal
//     of Social Psychology 51(3), 485–504.
//   - Morris, S. B. & DeShon, R. P. (2002). Combining effect size estimates in
//     meta-analysis with repeated measures and independent-groups designs.
//     Psychological Methods 7(1), 105–125.
//   - Morris, S. B. (2008). Estimating effect sizes from
//     pretest-posttest-control group designs. Organizational Research
//     Methods 11(2), 364–386.
//   - Newcombe, R. G. (1998). Interval estimation for the difference between
//     independent proportions: comparison of eleven methods. Statistics in
//     Medicine 17, 873–890.
//   - Rosenthal, R. (1994). Parametric measures of effect size. In H. Cooper &
//     L. V. Hedges (Eds.), The Handbook of Research Synthesis (pp. 231–244).
//     Russell Sage.
//   - Sánchez-Meca, J., Marín-Martínez, F. & Chacón-Moscoso, S. (2003).
//     Effect-size indices for dichotomized outcomes in meta-analysis.
//     Psychological Methods 8(4), 448–467.
//   - Sawilowsky, S. S. (2009). New effect size rules of thumb. Journal of
//     Modern Applied Statistical Methods 8(2), 597–599.
//   - Steiger, J. H. & Fouladi, R. T. (1997). Noncentrality interval
//     estimation and the evaluation of statistical models. In L. L. Harlow,
//     S. A. Mulaik & J. H. Steiger (Eds.), What If There Were No
//     Significance Tests? (pp. 221–257). Erlbaum.
//   - Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor
//     package. Journal of Statistical Software 36(3), 1–48.
package effect
