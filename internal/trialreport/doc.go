// Package trialreport runs the bundled example analysis: from raw item
// responses of a cluster-randomized trial (testdata/example) to a Markdown
// trial report with figures. It is the code behind
//
//	go run ./internal/cmd/example -out out/example
//
// and shows the packages of ties working together:
//
//   - measures scores UCLA-3, De Jong Gierveld 6-item and LSNS-6 from the
//     published keys and reports every invalid item code with its line,
//     column and value;
//   - effect describes each arm at each visit, estimates the intraclass
//     correlation of each outcome within care teams, fits a
//     baseline-adjusted analysis (ANCOVA) at each follow-up with the
//     standardized effect and a cluster-adjusted interval, Hedges' (2007)
//     d_T, a responder analysis (odds ratio, risk ratio, risk difference
//     with Newcombe's interval, NNT) and a cluster bootstrap;
//   - plot draws the trajectories by arm and a forest plot of the
//     standardized effects.
//
// # Methods
//
// Outcomes are totals scored by the published keys without proration, so a
// visit with a missing or invalid item has no total for that instrument.
// The primary analysis at each follow-up is complete-case ANCOVA of the
// follow-up total on arm and the baseline total (participants without a
// baseline total are excluded and counted). Randomization was by care
// team, so the standard error of the adjusted difference is inflated by the
// design effect 1 + (m − 1)·ICC (Donner & Klar 2000), with m the
// size-weighted mean cluster size Σm_j²/Σm_j of the analysed participants
// and the ICC estimated at baseline by the one-way ANOVA estimator
// (truncated at zero); the cluster-adjusted interval uses a t distribution
// on (clusters − 2) degrees of freedom. The standardized effect divides the
// adjusted difference by the pooled within-arm SD of the follow-up outcome;
// its cluster-adjusted variance is DEFF·SE²/S² + d²/(2(n − 2)).
//
// A cluster bootstrap (teams resampled within arm, BCa interval, seeded)
// of the 12-month adjusted difference checks the model-based interval
// without the design-effect approximation.
package trialreport
