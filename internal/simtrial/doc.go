// Package simtrial makes the small seeded two-arm trials with monotone
// drop-out that the tests, benchmarks and examples of effect/mi and plot
// analyse, so that each trial is written once.
//
// Subject i (0-based) is in the reference arm if i is even and in the other
// arm if odd. Its baseline is BaseMean + BaseSD·z, and at visit v (1-based)
//
//	y[v] = BaseSlope·baseline + Intercept + Carry·y[v−1] + SD·z[v] − Effect·v·treated
//
// with y[0] = 0 and independent standard-normal z. From the second visit on
// a subject still in the trial leaves with probability Drop before each
// visit; that visit and the later ones are missing (NaN) and the visit is
// the first affected by the drop-out. The draws come from one PCG stream in
// a fixed order (baseline, then per visit the outcome and, from the second
// visit while the subject remains, the drop-out), so a Design always gives
// the same trial.
package simtrial
