// Package check verifies the effect sizes, confidence intervals, means, SDs
// and p values that papers report, taking into account that every printed
// number was rounded.
//
// Reviewers extracting trials for a meta-analysis need to know whether a
// reported d or g (and its CI) follows from the paper's own means, SDs and
// sample sizes; Gøtzsche et al. (2007) could not reproduce at least one
// trial's SMD within 0.1 in 37% of 27 meta-analyses. The checks here take
// the numbers as printed (strings), so that the number of decimals is
// known.
//
// # Printed numbers
//
// ParseNumber reads "52.33", "−0.18" (U+2212), "–0.18" (en dash as a
// minus), "0,31" (decimal comma), ".036", "d = 0.45" (a label is
// skipped); SMDInput.CI takes the usual forms of an interval ("(-0.18 to
// 0.80)", "[−0.18, 0.80]", "−0.18–0.80", "(−0,18; 0,80)"); P takes APA
// test results ("t(28) = 2.20, p = .036"). A number printed with k
// decimals stands for the closed range value ± ½·10⁻ᵏ, its rounding range
// (a Range; not a confidence interval, which in ties is effect.Interval);
// closed, so that both ways of breaking a tie at 5 (and rounding to even)
// are covered. The rounding box of a row is the product of its inputs'
// rounding ranges (sample sizes are exact).
//
// # What "consistent" means
//
// A reported effect size is consistent under a convention when some point
// of the rounding box yields, under that convention, a value inside the
// reported value's rounding interval. The conventions (Conventions) are:
// d with the pooled SD (denominator N − 2), Hedges' g with the exact J and
// with the approximation 1 − 3/(4(N−2) − 1), Glass's Δ with the control
// arm's SD and with the intervention arm's, d with the average SD
// √((s1² + s2²)/2); each also with the sign flipped (control minus
// intervention) and with the printed "SD" read as a standard error
// (SD = SE·√n). The verdict is Consistent, listing every convention that
// reproduces the value; Inconsistent, naming the convention that comes
// closest and the gap between its range and the reported rounding range,
// on the scale of the reported value (flagged Gross when the gap is ≥ 0.1,
// Options.GrossGap); or NotCheckable, saying which input is missing or
// unreadable. Whatever the verdict, a finding also gives the gap against
// the convention the paper's label names (SMDInput.Measure: d, g or Δ;
// for a CI, the closest of its intervals) and the plain |recomputed −
// reported| at the printed values, the measure Gøtzsche et al. (2007) used
// (under the labelled measure, or Hedges' g with the approximate J that
// RevMan uses when there is no label; see Finding).
//
// The interval of values a convention yields over the box is computed
// exactly, not by sampling. Every convention has the form c·Δ/S, where
// Δ = m1 − m2 depends only on the means and S only on the SDs (and c on n
// alone). Over the box, Δ ranges over exactly [m1lo − m2hi, m1hi − m2lo];
// S is continuous and nondecreasing in each SD (the pooled SD
// √(((n1−1)s1² + (n2−1)s2²)/(N−2)), the average SD and a single arm's SD
// all are), so S ranges over exactly [S(sd lower ends), S(sd upper ends)],
// and S > 0 because a positive printed SD has a positive lower end. Δ and
// S vary independently, Δ/S is increasing in Δ and, for fixed Δ, monotone
// in S with the sign of −Δ; so the extremes of Δ/S are at the ends of the
// two ranges: min = Δlo/Shi if Δlo ≥ 0 else Δlo/Slo, max = Δhi/Slo if
// Δhi ≥ 0 else Δhi/Shi. No search of the box is needed (tests compare
// with brute-force search over a grid of the box and with R).
//
// A reported CI is consistent under a convention and an interval method
// when some point of the box gives both ends inside the rounding intervals
// of the reported ends at once (not end by end). The methods
// (effect.CIMethod, and for Wald a WaldVariance) are: Wald, estimate ±
// z·√(1/n1 + 1/n2 + est²/(2N)) (for d the usual interval, for g metafor's
// default "LS" variance); Wald LS2 for g, J times the Wald interval of d
// (metafor "LS2", compute.es); the shortcut many papers use, estimate ±
// z·√(1/n1 + 1/n2) with no d² term (every convention); and the exact
// noncentral-t
// interval for d (Steiger & Fouladi 1997; MBESS), times J for g
// (effectsize); the intervals of Glass's Δ and of d with the average SD
// are described below. Since every one of these d and g intervals is a
// function of d alone (n fixed), the set of d that reproduce both ends is an
// intersection of preimages of intervals, computed exactly on pieces where
// the ends are monotone (see ci.go). The Wald and noncentral-t verdicts are
// reported separately; an inconsistent CI names the closest convention and
// the larger of its two ends' gaps (for the noncentral-t interval, the gap
// is computed for the d or g convention closest under Wald). When that gap
// is 0, each end is reachable from some point of the box but no point
// gives both; the finding says exactly that (Finding.Separately) rather
// than "gap 0".
//
// For the noncentral-t interval: λ_L(t) and λ_U(t) are increasing in t, so
// the t whose lower end rounds to the reported lower end form an interval
// whose ends are noncentral-t quantiles, and whether such intervals meet
// reduces to comparing the interval's ends at the two ends of the box's t
// range with the reported ends (t ≤ Q_p(λ) iff λ_p(t) ≤ λ), and
// occasionally one quantile. A convention far from the reported CI is
// excluded first with the normal approximation of Abramowitz & Stegun
// 26.7.10 and an error bound that the tests verify against the exact ends
// (1 ≤ df ≤ 1e6, |t| ≤ 200, levels 0.5 to 0.999); the decision itself
// rests on the exact interval.
//
// Comparisons allow a relative 1e-9 for floating-point error. The
// noncentral t distribution is internal/nct's fast path (its CDF to 2e-12,
// its interval ends to 1e-9, both tested there against 50-digit
// references; comparisons with inverted ends allow that 1e-9). Gaps are on
// the scale of the reported value (d, g or Δ alike).
//
// NotCheckable means an input the check needs is missing (an empty field)
// or could not be read; the reason names the fields. The three parts of a
// comparison, the arms' summaries, the effect size and the CI, are read
// separately: an unreadable CI leaves the effect size checked, and an
// unreadable effect size the CI. A field that is present but unreadable,
// n < 2 or an SD ≤ 0 is an error: an *effect.FieldError naming the field
// (and, from ReadCSV, the file line, header = 1, the column as written and
// the row's study label), wrapping ErrUnparseable or ErrInvalidInput.
//
// # CIs of Glass's Δ and of d with the average SD
//
// Their intervals depend on the ratio of the SDs, not on the estimate
// alone:
//
//   - Glass's Δ, Wald: Δ ± z·√(1/n1 + 1/n2 + Δ²/(2n_k)), metafor's SMD1
//     variance with the uncorrected Δ (effect.GlassDelta with CI: Wald;
//     n_k is the standardizing arm's size). This one is a function of Δ
//     alone and is checked exactly, like d.
//   - Glass's Δ, exact: the Algina, Keselman & Penfield (2006) interval of
//     effectsize's glass_delta (effect.GlassDelta's default): with
//     h = 1/n_k + (s_o/s_k)²/n_o, t = Δ/√h on n_k − 1 df, ends √h·λ_L,U(t).
//   - d with the average SD, Wald: est ± z·√v with Bonett's (2008, eq. 8)
//     variance, effect.SMDH's (uncorrected, LS). The noncentral-t interval
//     effect.SMDH gives on request (effectsize's Welch-based one) is not
//     checked.
//
// "Consistent" means the same as for d: a point of the box (means and SDs
// each in their rounding interval, n exact) gives both ends within
// rounding. The box reduces exactly to one dimension: the means enter only
// through Δ = m1 − m2, and once the ratio r = s_o/s_k is fixed, the range
// of the estimate over the rest of the box is an exact interval and the
// ends are monotone in the estimate, so whether some point with that r
// reproduces both ends is decided exactly (closed-form inverses of the
// Wald ends; noncentral-t CDF comparisons for the exact ends, as for d).
// The ratio is searched: 17 evenly spaced values of r across its range
// plus the two kinks of the estimate's range, then golden-section
// refinement (30 steps) around the best one. For d with the average SD the
// search maximizes the Wald slack (the length of the set of estimates
// that reproduce both ends at that r), in closed form. For Glass's exact
// interval it maximizes the same slack for a model of the exact ends (the
// normal approximation of Abramowitz & Stegun 26.7.10, shifted by its
// error, computed from the exact CDF, at a calibration point) and decides
// exactly at the model's best point; up to three rounds, recalibrating at
// the last best point. Ratios are not examined further when the model
// falls short of the reported ends by more than half a rounding unit
// after recalibration (or, with at least 20 df, by two units before it);
// otherwise the 17 grid points are decided exactly, and with fewer than
// 10 df (where the model can be far off) 65 evenly spaced ratios too.
// The refinement is skipped when the guide on the grid is below 0 by more
// than twice its largest step between neighbouring points. Outside the
// domain of the tested approximation bound (|t| > 200, or a level outside
// 0.5 to 0.999) the exact interval of Glass's Δ is decided at the centre
// ratio only, because the CDF is slow there. The sign-flipped and
// SE-as-SD variants are checked as for d. So a Consistent verdict rests
// on a point found and decided exactly, and is certain;
// Inconsistent is as good as the search. Tests compare it with a
// brute-force 11×11×11 grid over (Δ, s1, s2) on 8,000 random boxes (four
// seeds of TIES_BRUTE_BOXES=2000 in ciratio_test.go: 1 or 2 decimals, 2 to
// 83 per arm, one box in eight with 2 to 6 per arm, levels 0.9, 0.95 and
// 0.99, every variant; 32,000 CIs, of which the grid reproduced about
// 18,600), and with R's 9×9×9 grid: the search never called inconsistent
// a CI that the grid reproduced. Before the search, conventions far from
// the reported CI are excluded by bounds that hold over the whole box
// (interval arithmetic on the Wald form; the tested error bound of the
// approximation for the exact interval, over the box and then per ratio). For these conventions, a Wald gap
// is the larger of the two ends' distances from the reported intervals
// over the search grid (an upper bound on the gap over the whole box); no
// exact gap is computed for them.
//
// # GRIM and GRIMMER
//
// GRIM (Brown & Heathers 2017) asks whether a mean of n scores, each the
// average of k whole-number item responses (k = 1 for sum scores), can
// round to the printed mean; GRIMMER
// (Anaya 2016; Allard 2018) asks the same of the mean and SD together.
// Both run in exact integer arithmetic on the printed digits. GRIMMER
// tries every whole-number total T consistent with the mean and asks for a
// whole-number sum of squares Q with the right SD range, at least the
// minimum possible for T, at most the scale's maximum when a range is
// given, and of the same parity as T. The minimum and the scale maximum
// go beyond A-GRIMMER (scrutiny 1.0 added a scale bound too); they only
// reject values that no whole-number data can give.
//
// The known GRIMMER false positive: scrutiny 0.6.1 (A-GRIMMER) flags some
// value sets that real data produce, such as mean 0.03, SD 0.18, n = 200
// (seven 1s and 193 0s: mean 0.035, SD 0.184) and mean 7.67, SD 0, n = 2,
// 3 items. The causes are floating-point comparisons at the rounding
// bounds and using only the one total round(mean·n) (here 6, when 7 also
// rounds to 0.03). Because this package uses integers throughout and every
// GRIM-consistent total, it accepts both; the parity test itself (test 3)
// is a theorem (y² ≡ y mod 2), so its verdicts stand once the candidates
// are right (e.g. mean 3.44, SD 2.47, n = 18 is truly impossible).
//
// # p values
//
// P checks a reported p against t, F, z, r or χ² and its df in the manner
// of statcheck (Nuijten et al. 2016): the statistic is widened to its
// rounding interval, giving a range of p; "=", "<" and ">" are honoured,
// one-sided p is recognised, and decision errors (reported and computed p
// on different sides of α) are flagged for inconsistent results.
//
// # Batch
//
// ReadCSV reads a CSV of extracted rows (columns in ReadCSV's
// documentation; other columns are carried through; Row.Line is the
// physical line of the file, header = 1), CheckRows checks each row, and
// WriteCSV and WriteMarkdown write one verdict row per input row, in
// order, each with its own error; WriteCSV keeps the input's delimiter and
// decimal mark. Notes flag a reported label that no
// reproducing convention carries, an effect size and CI that reproduce
// under different conventions, an effect that reproduces only as Glass's Δ
// or d with the average SD while the CI matches no checked interval,
// |d| > 2 (SEs
// printed as SDs?) and a p printed as zero.
//
// # References
//
//   - Algina J, Keselman HJ, Penfield RD (2006). Confidence intervals for
//     an effect size when variances are not equal. J Mod Appl Stat Methods
//     5:2–13.
//   - Allard A (2018). Analytic-GRIMMER: a new way of testing the
//     possibility of standard deviations. Blog post.
//   - Anaya J (2016). The GRIMMER test. PeerJ Preprints 4:e2400v1.
//   - Bonett DG (2008). Confidence intervals for standardized linear
//     contrasts of means. Psychol Methods 13:99–109.
//   - Brown NJL, Heathers JAJ (2017). The GRIM test. Soc Psychol Pers Sci
//     8:363–369.
//   - Heathers JA, Anaya J, van der Zee T, Brown NJL (2018). Recovering
//     data from summary statistics: Sample Parameter Reconstruction via
//     Iterative TEchniques (SPRITE). PeerJ Preprints 6:e26968v1.
//   - Gøtzsche PC, Hróbjartsson A, Marić K, Tendal B (2007). Data
//     extraction errors in meta-analyses that use standardized mean
//     differences. JAMA 298:430–437.
//   - Hedges LV (1981). Distribution theory for Glass's estimator of effect
//     size and related estimators. J Educ Stat 6:107–128.
//   - Nuijten MB, Hartgerink CHJ, van Assen MALM, Epskamp S, Wicherts JM
//     (2016). The prevalence of statistical reporting errors in psychology
//     (1985–2013). Behav Res Methods 48:1205–1226.
//   - Wilner JG, Wood JG, Simons DJ (2018). Complete recovery of values
//     in Diophantine systems (CORVIDS). PsyArXiv, doi:10.31234/osf.io/a4m6p.
//   - Steiger JH, Fouladi RT (1997). Noncentrality interval estimation and
//     the evaluation of statistical models. In: What If There Were No
//     Significance Tests? Erlbaum.
package check
