// Package mi is the sensitivity analysis of a trial's missing follow-up
// under reference-based assumptions (ICH E9(R1) estimands): what the result
// means if participants who left did not stay on the intervention's path.
//
// # Reference-based conditional mean imputation
//
// ConditionalMean fits the mixed model for repeated measures of package
// mmrm (REML; unstructured or any other covariance, one or one per arm) to
// the outcomes that are not affected by a non-MAR intercurrent event,
// replaces each subject's missing outcomes by their conditional mean given
// the subject's observed outcomes under the subject's Strategy (MAR, JR,
// CR, CIR or LMCF; Carpenter, Roger & Kenward 2013), analyses each visit by
// ANCOVA of the completed outcome, and gets standard errors by the
// jackknife or the bootstrap (Wolbers et al. 2022). Everything is
// deterministic; under MAR the estimate equals the MMRM's exactly. The
// conditional-mean jackknife targets the frequentist variance, which is
// smaller than the "information-anchored" variance of Rubin's rules after
// Bayesian reference-based imputation (Cro, Carpenter & Kenward 2019).
//
// Delta adds fixed shifts to imputed outcomes; Tipping finds the shift at
// which the conclusion changes (Ratitch, O'Kelly & Tosiello 2013).
//
// # Pooling
//
// The pooling functions are pure: they take the estimates (and, for
// Rubin's rules, the standard errors and complete-data degrees of freedom)
// that some analysis produced, however the imputations were made, in ties
// or elsewhere.
//
//   - Rubin: Rubin's rules with the Barnard–Rubin small-sample degrees of
//     freedom, for M proper imputations (Bayesian or approximate Bayesian
//     draws).
//   - Jackknife: the leave-one-subject-out jackknife of a deterministic
//     estimator, such as conditional mean imputation (Wolbers et al. 2022).
//   - BootstrapNormal and BootstrapPercentile: bootstrap replicates of such
//     an estimator, with a normal or a percentile interval.
//   - VonHippelBartlett: B bootstrap samples each imputed D times (von
//     Hippel & Bartlett 2021).
//
// Every function returns a Pooled result whose conventions follow the R
// package rbmi's pool(): the jackknife and the normal bootstrap use z, Rubin
// and von Hippel–Bartlett use t on their degrees of freedom, and the
// percentile bootstrap reports no standard error. The null value of the p
// value is 0. A one-sided alternative gives the interval that R's t.test
// gives for it ([lower, ∞) for Greater); rbmi's pool() attaches the other
// bound to its one-sided p values, so compare one-sided intervals with care.
//
// # Edge cases of Rubin's rules
//
// With no between-imputation variance (B = 0) the degrees of freedom are the
// observed-data ν_obs, and infinite when the complete-data ν_com is
// infinite; with ν_com infinite and B > 0 they are Rubin's (1987) ν_old; a
// ν_com given as NaN (an analysis without degrees of freedom) means normal
// inference. rbmi computes the same; R's mice differs in these limits
// because it floors the fraction of missing information at 1e-4 (so that it
// reports ν = 48.108 where the formula gives 48.113).
//
// # References
//
//   - Carpenter, J. R., Roger, J. H. & Kenward, M. G. (2013). Analysis of
//     longitudinal trials with protocol deviation: a framework for
//     relevant, accessible assumptions, and inference via multiple
//     imputation. Journal of Biopharmaceutical Statistics 23(6), 1352–1371.
//   - Cro, S., Carpenter, J. R. & Kenward, M. G. (2019). Information-anchored
//     sensitivity analysis: theory and application. Journal of the Royal
//     Statistical Society A 182(2), 623–645.
//   - Ratitch, B., O'Kelly, M. & Tosiello, R. (2013). Missing data in
//     clinical trials: from clinical assumptions to statistical analysis
//     using pattern mixture models. Pharmaceutical Statistics 12(6),
//     337–347.
//   - Barnard, J. & Rubin, D. B. (1999). Small-sample degrees of freedom with
//     multiple imputation. Biometrika 86(4), 948–955.
//   - Little, R. J. A. & Rubin, D. B. (2002). Statistical Analysis with
//     Missing Data (2nd ed.), §5.4. Wiley.
//   - Rubin, D. B. (1987). Multiple Imputation for Nonresponse in Surveys.
//     Wiley.
//   - von Hippel, P. T. & Bartlett, J. W. (2021). Maximum likelihood
//     multiple imputation: faster imputations and consistent standard errors
//     without posterior draws. Statistical Science 36(3), 400–420.
//   - Wolbers, M., Noci, A., Delmar, P., Gower-Page, C., Yiu, S. &
//     Bartlett, J. W. (2022). Standard and reference-based conditional mean
//     imputation. Pharmaceutical Statistics 21(6), 1246–1257.
//   - Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap.
//     Chapman & Hall.
//   - Hyndman, R. J. & Fan, Y. (1996). Sample quantiles in statistical
//     packages. The American Statistician 50(4), 361–365 (type 6).
package mi
