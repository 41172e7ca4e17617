// Package mmrm fits the mixed model for repeated measures (MMRM), the
// primary analysis of a randomized trial's follow-up under ICH E9(R1): the
// outcome at every post-baseline visit in one marginal linear model, arm ×
// visit + baseline × visit + covariates, with a covariance matrix over the
// visits of a subject and no random effects (Mallinckrodt, Lane & Schnell
// 2008; Cnaan, Laird & Slasor 1997). Under missing at random the
// likelihood-based estimates are valid with monotone or intermittent
// dropout, so subjects contribute every visit they attended.
//
// # Model and estimation
//
// Fit takes long-format Data (one row per subject and visit; ReadCSV reads
// it from a file) and fits by restricted maximum likelihood (Patterson &
// Thompson 1971), the default, or maximum likelihood. The covariance
// structures are those of SAS PROC MIXED (Wolfinger 1996): unstructured,
// compound symmetry, AR(1), Toeplitz and first-order ante-dependence, each
// homogeneous or heterogeneous, optionally separately by arm. The
// log-likelihood is maximized by Newton–Raphson (Jennrich & Schluchter
// 1986; Lindstrom & Bates 1988) with the analytic gradient and observed
// Hessian, falling back to Fisher scoring for a step where the observed
// information is not positive definite, from the empirical covariance of
// least-squares residuals, until the gradient norm is below 1e-8. The
// likelihood depends on the data only through sums of cross products
// within each missingness pattern, so an iteration costs the same for 100
// or 10,000 subjects. The REML log-likelihood is
//
//	−½[(N−p)·log 2π + Σᵢ log|Σᵢ| + log|X'V⁻¹X| + r'V⁻¹r],
//
// as SAS, nlme and mmrm; AIC, AICc and BIC follow SAS (θ only for REML,
// BIC over the number of subjects).
//
// Options.Mean replaces the trial model by a plain regression with the
// same covariance machinery: an intercept, the arm main effect and the
// covariates and factors row by row (Covariates), or an intercept alone
// (InterceptOnly) — the marginal growth-curve models of Jennrich &
// Schluchter (1986), such as Potthoff & Roy's (1964) growth data with a
// line per sex. There is no formula language: interactions and
// polynomial time are columns the caller computes. These models have
// coefficients, their covariance and df, the covariance over visits and
// the fit statistics, but no LS means, per-visit differences or joint
// tests, which the arm × visit cells define.
//
// # Inference
//
// LS means (Searle, Speed & Milliken 1980) per arm and visit are taken at
// the mean baseline and covariates of the analysed rows with equal weights
// over factor levels, as SAS LSMEANS and emmeans; the difference of each
// arm from the control at each visit has a t interval whose degrees of
// freedom are Satterthwaite's (1946) by default, computed from the inverse
// observed information of θ̂ as SAS and mmrm do; F tests use Fai &
// Cornelius (1996). Kenward & Roger (1997) adjust the covariance of the
// coefficients and the df (full, or without second derivatives of Σ as SAS
// KR(LINEAR)); residual and between-within (Schluchter & Elashoff 1990) df
// are available. The empirical covariance of the coefficients (Liang &
// Zeger 1986), its bias-reduced form CR2 (Bell & McCaffrey 2002) and the
// jackknife are computed by subject or by a cluster column (Data.Cluster), with
// Bell & McCaffrey's Satterthwaite df, the analysis
// of a cluster-randomized trial's follow-up.
//
// ML standard errors use (X'V̂⁻¹X)⁻¹ without the N/(N−p) inflation that
// nlme::gls applies.
//
// # Identities
//
// With one post-baseline visit the model is the baseline-adjusted
// regression and reproduces effect.ANCOVA. With monotone dropout and an
// unstructured covariance the first-visit difference has n₁ − 3
// Satterthwaite df. Kenward–Roger and Satterthwaite df agree for 1-df
// contrasts.
//
// References
//
//   - Bell RM, McCaffrey DF (2002). Bias reduction in standard errors for linear regression with multi-stage samples. Survey Methodology 28:169–181.
//   - Cnaan A, Laird NM, Slasor P (1997). Using the general linear mixed model to analyse unbalanced repeated measures and longitudinal data. Stat Med 16:2349–2380.
//   - Fai AH-T, Cornelius PL (1996). Approximate F-tests of multiple degree of freedom hypotheses in generalized least squares analyses of unbalanced split-plot experiments. J Stat Comput Simul 54:363–378.
//   - Jennrich RI, Schluchter MD (1986). Unbalanced repeated-measures models with structured covariance matrices. Biometrics 42:805–820.
//   - Kenward MG, Roger JH (1997). Small sample inference for fixed effects from restricted maximum likelihood. Biometrics 53:983–997.
//   - Liang K-Y, Zeger SL (1986). Longitudinal data analysis using generalized linear models. Biometrika 73:13–22.
//   - Lindstrom MJ, Bates DM (1988). Newton–Raphson and EM algorithms for linear mixed-effects models for repeated-measures data. JASA 83:1014–1022.
//   - Mallinckrodt CH, Lane PW, Schnell D, Peng Y, Mancuso JP (2008). Recommendations for the primary analysis of continuous endpoints in longitudinal clinical trials. Drug Inf J 42:303–319.
//   - Patterson HD, Thompson R (1971). Recovery of inter-block information when block sizes are unequal. Biometrika 58:545–554.
//   - Potthoff RF, Roy SN (1964). A generalized multivariate analysis of variance model useful especially for growth curve problems. Biometrika 51:313–326.
//   - Pustejovsky JE, Tipton E (2018). Small-sample methods for cluster-robust variance estimation and hypothesis testing in fixed effects models. J Bus Econ Stat 36:672–683.
//   - Satterthwaite FE (1946). An approximate distribution of estimates of variance components. Biometrics Bull 2:110–114.
//   - Schluchter MD, Elashoff JD (1990). Small-sample adjustments to tests with unbalanced repeated measures assuming several covariance structures. J Stat Comput Simul 37:69–87.
//   - Searle SR, Speed FM, Milliken GA (1980). Population marginal means in the linear model: an alternative to least squares means. Am Stat 34:216–221.
//   - Wolfinger RD (1996). Heterogeneous variance–covariance structures for repeated measures. J Agric Biol Environ Stat 1:205–230.
package mmrm
