// Package meta pools effect sizes across studies (meta-analysis) with the
// estimators, tests and intervals of R's metafor package (rma.uni), to many
// digits and in O(k) time per iteration.
//
// Each Study carries a label, an optional subgroup and an effect.Estimate
// whose Value (y_i) and Variance (v_i, the sampling variance) are pooled.
// Pool fits the common-effect or a random-effects model; Subgroups,
// LeaveOneOut, Cumulative, Egger and TrimFill build on it.
//
// # Model and estimators
//
// The random-effects model is y_i = mu + u_i + e_i with Var(e_i) = v_i and
// Var(u_i) = tau². With w_i = 1/(v_i + tau²), mu is estimated by
// sum(w y)/sum(w) with standard error 1/sqrt(sum w). The tau² estimators
// (Method) are:
//
//   - FixedEffect: tau² = 0, inverse-variance weights (the common-effect model).
//   - DerSimonianLaird: max(0, (Q - (k-1))/(sum w - sum w²/sum w)) with w = 1/v
//     (DerSimonian & Laird 1986).
//   - REML and ML: the maximum of the (restricted) likelihood over tau² >= 0
//     (Viechtbauer 2005). The score equation is solved by Newton steps with
//     Fisher scoring as fallback and a bisection safeguard, to a relative
//     tolerance of 1e-10 (Options.Tol). The boundary is handled exactly: when
//     the score at tau² = 0 is not positive, tau² is 0 (metafor's step-halving
//     stops near 1e-6 instead).
//   - PauleMandel: the exact root of the generalized Q equation
//     sum w_i(tau²)(y_i - mu(tau²))² = k-1, or 0 when Q < k-1 (Paule & Mandel
//     1982). EmpiricalBayes (Morris 1983) has the same fixed point and gives the
//     same value; metafor's uniroot tolerance (1.2e-4) makes its PM estimates
//     differ in the 4th digit.
//   - Hedges: metafor's "HE", the unweighted method of moments
//     max(0, s_y² - mean(v)) (Hedges 1983; Hedges & Olkin 1985).
//   - HunterSchmidt: max(0, (Q - k)/sum w) (Hunter & Schmidt 2004).
//   - SidikJonkman: tau0² = sum (y - ybar)²/k, then tau0²·Q_gen(tau0²)/(k-1)
//     (Sidik & Jonkman 2005).
//
// Tau2SE is metafor's standard error of tau² for each method.
//
// All quantities of metafor's matrix formulation (Y'PY, Y'PPY, tr(P),
// tr(PP), with P = W - W X (X'WX)⁻¹ X'W) are computed from sums over the
// studies, so no k×k matrix is formed and each iteration costs O(k), where
// metafor's matrix formulation costs O(k²) memory and more time (the
// README's performance table compares the two).
//
// As in metafor, REML and ML find a root of the score equation; should the
// (restricted) likelihood have several local maxima (rare, small k), the
// one found is the one reached from the DerSimonian-Laird estimate.
//
// # Heterogeneity
//
// Q = sum (y_i - mu_FE)²/v_i is Cochran's statistic with inverse-variance
// weights, on k-1 degrees of freedom, whatever the method. I² and H² are
// metafor's (i2def = "1"), which depend on the tau² estimator:
//
//	I² = 100·tau²/(tau² + s²),  H² = (tau² + s²)/s²,
//	s² = (k-1)·sum(w)/((sum w)² - sum(w²)),  w = 1/v,
//
// the "typical" within-study variance of Higgins & Thompson (2002, eq. 9).
// For DerSimonianLaird with Q > k-1 this equals Higgins' (Q-(k-1))/Q. For
// FixedEffect, I² = max(0, 100·(Q-(k-1))/Q) and H² = Q/(k-1), as in metafor.
//
// Tau2CI, TauCI, I2CI and H2CI are Q-profile intervals (Viechtbauer 2007):
// the bounds solve Q_gen(tau²) = chi²_{k-1} quantiles at 1-α/2 (lower) and
// α/2 (upper), a bound being 0 when Q_gen(0) is below its quantile. Unlike
// metafor's confint(), the upper bound is not capped at max(100, 10·tau²).
//
// # Inference for the pooled effect
//
// By default the CI and test use the normal distribution (metafor
// test = "z"). With KnappHartung the variance is multiplied by
// s² = sum w_i(y_i - mu)²/(k-1) and t(k-1) is used (Hartung & Knapp 2001;
// Knapp & Hartung 2003; Sidik & Jonkman 2002; metafor test = "knha"); AdHoc
// floors s² at 1 (metafor test = "adhoc").
//
// The prediction interval is mu ± crit·sqrt(tau² + SE(mu)²). PredictDefault
// is metafor's predict() default (z, or t(k-1) with Knapp-Hartung);
// PredictZ always uses z; PredictRiley uses t(k-2) as Higgins, Thompson &
// Spiegelhalter (2009) and Riley, Higgins & Deeks (2011) recommend (metafor
// pi.type = "riley").
//
// # Subgroups, sensitivity and small-study effects
//
// Subgroups pools each subgroup with its own tau² and tests the difference
// with Q_between on G-1 degrees of freedom (as RevMan and R's meta package);
// it also reports the mixed-effects moderator test with a common tau²
// (metafor rma(yi, vi, mods = ~ factor(g))). A subgroup of one study is
// pooled as a fixed effect (its own estimate). LeaveOneOut and Cumulative
// refit the model k times (metafor leave1out, cumul), returning one Step per
// study with its own error.
//
// Egger tests funnel-plot asymmetry (Egger et al. 1997) as metafor's
// regtest: RegMixed regresses y_i on sqrt(v_i) in the mixed-effects model
// (the default), RegClassical is the classical weighted regression with a
// free scale (model = "lm"). TrimFill implements Duval & Tweedie's
// trim-and-fill with the L0 (default) or R0 estimator; the side is chosen
// from the sign of the Egger-type slope, as metafor does.
//
// # Orientation and study intervals
//
// An Estimate is intervention minus control unless it is Oriented (turned
// by Estimate.Favoring so that positive favours the intervention). Every
// analysis refuses to mix the two (ErrMixedOrientation, naming the
// studies on each side): an oriented 0.46 and an unoriented −0.49 are the
// same benefit, and pooling them would give about zero. The pooled
// Estimate is Oriented when the studies are, so a forest plot can put
// "favours intervention" on the right side. Each StudyResult carries the
// interval its study's Estimate brought (an exact noncentral-t CI, say)
// with its CIMethod, when it is at the analysis level; otherwise the Wald
// interval Value ± z·SE.
//
// Options an analysis cannot use are refused, not ignored: Tol or MaxIter
// with the fixed-effect method (nothing iterates), Prediction in Egger's
// test, the tau² options in the classical (lm) Egger test. Result.String
// prints a pooled result as a paper does ("g = −0.34 (95% CI −0.53 to
// −0.16), τ² = 0.0074, I² = 14.1%, k = 6").
//
// # Errors
//
// Invalid studies (a non-finite value, a non-finite or non-positive
// variance, a missing subgroup label, mixed measures, oriented mixed with
// unoriented estimates) give an *effect.FieldError whose Record names the
// study ("study 3 (\"Smith 2010\")") and whose Err is ErrInvalidInput,
// ErrSubgroup, ErrMixedMeasures or ErrMixedOrientation; each of these
// wraps effect.ErrInvalidInput. Too few studies for the analysis wrap
// ErrTooFewStudies: at least 1 to pool, 2 for Knapp-Hartung, 3 for
// Egger's test and trim-and-fill. Nothing panics on user data.
//
// # One study
//
// As in metafor, a single study is pooled by every method with tau² = 0:
// the pooled estimate is the study's, Q = 0 with p = 1, I² = 0 and H² = 1
// (not NaN), so that the first step of a cumulative meta-analysis and a
// subgroup of one study are defined. Its tau² standard error and Q-profile
// intervals are NaN, as metafor's confint() stops at k = 1. Knapp-Hartung
// inference needs two studies (metafor falls back to z with a warning;
// ties refuses rather than ignore the option). Trim-and-fill that trims
// down to one study fits that study and imputes about its value.
//
// # References
//
//   - DerSimonian R, Laird N (1986). Meta-analysis in clinical trials.
//     Controlled Clinical Trials 7:177-188.
//   - Duval S, Tweedie R (2000a). Trim and fill: a simple funnel-plot-based
//     method of testing and adjusting for publication bias in meta-analysis.
//     Biometrics 56:455-463. (2000b) A nonparametric "trim and fill" method of
//     accounting for publication bias. JASA 95:89-98.
//   - Egger M, Davey Smith G, Schneider M, Minder C (1997). Bias in
//     meta-analysis detected by a simple, graphical test. BMJ 315:629-634.
//   - Hartung J, Knapp G (2001). On tests of the overall treatment effect in
//     meta-analysis with normally distributed responses. Statistics in
//     Medicine 20:1771-1782.
//   - Hedges LV (1983). A random effects model for effect sizes.
//     Psychological Bulletin 93:388-395.
//   - Higgins JPT, Thompson SG (2002). Quantifying heterogeneity in a
//     meta-analysis. Statistics in Medicine 21:1539-1558.
//   - Higgins JPT, Thompson SG, Spiegelhalter DJ (2009). A re-evaluation of
//     random-effects meta-analysis. JRSS A 172:137-159.
//   - Hunter JE, Schmidt FL (2004). Methods of Meta-Analysis, 2nd ed. Sage.
//   - Knapp G, Hartung J (2003). Improved tests for a random effects
//     meta-regression with a single covariate. Statistics in Medicine
//     22:2693-2710.
//   - Morris CN (1983). Parametric empirical Bayes inference: theory and
//     applications. JASA 78:47-55.
//   - Paule RC, Mandel J (1982). Consensus values and weighting factors.
//     Journal of Research of the National Bureau of Standards 87:377-385.
//   - Riley RD, Higgins JPT, Deeks JJ (2011). Interpretation of random
//     effects meta-analyses. BMJ 342:d549.
//   - Sidik K, Jonkman JN (2002). A simple confidence interval for
//     meta-analysis. Statistics in Medicine 21:3153-3159.
//   - Sidik K, Jonkman JN (2005). Simple heterogeneity variance estimation
//     for meta-analysis. JRSS C 54:367-384.
//   - Viechtbauer W (2005). Bias and efficiency of meta-analytic variance
//     estimators in the random-effects model. JEBS 30:261-293.
//   - Viechtbauer W (2007). Confidence intervals for the amount of
//     heterogeneity in meta-analysis. Statistics in Medicine 26:37-52.
//   - Viechtbauer W (2010). Conducting meta-analyses in R with the metafor
//     package. Journal of Statistical Software 36(3):1-48.
package meta
