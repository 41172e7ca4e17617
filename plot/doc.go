// Package plot draws the figures of a trial report and a systematic
// review on gonum/plot: follow-up trajectories per arm, forest plots,
// funnel plots and MMAT 2018 appraisal traffic lights and summary bars.
//
// Each constructor validates its input, returns a *Figure and never
// panics on user data. A Figure holds the gonum *plot.Plot (titles, axes,
// ticks and fonts stay adjustable) and the furniture around it: text
// columns aligned with the plot's rows, a table aligned with its x axis,
// "favours" labels, a key and notes. Save picks the format from the file
// extension (.svg, .png, .pdf, .jpg, .tif); sizes are vg lengths, so
//
//	fig.Save("trajectory.png", 17*vg.Centimeter, 12*vg.Centimeter)
//
// writes a 300 dpi PNG (Figure.DPI changes the resolution).
//
// # Figures
//
// Trajectory draws the mean of each arm at each visit with its
// confidence interval, arms dodged horizontally and joined by lines, and
// the numbers at risk under the x axis aligned with the visits. Its input
// is per-visit summaries (Arm, Visit); TrajectoryLong accepts long-format
// participant data (Observation), computes the means and t-based
// intervals with SummariseVisits and adds a faint line per participant.
// The y label is the outcome's name and direction, for example the Name
// and Direction of a measures.Instrument: "UCLA-3 loneliness score
// (higher = lonelier)".
//
// Forest draws one row per study (the square's area is proportional to
// its weight) with text columns for the estimate, interval and weight,
// a diamond per pooled estimate, the prediction interval, the null line,
// and "favours intervention" / "favours usual care" under the axis on the
// sides given by Benefit. BenefitFor derives the side from an
// instrument's HigherIsBetter flag: with the effect package's convention
// (intervention minus usual care), a loneliness scale favours the
// intervention below the null. Log odds and risk ratios are shown as
// ratios on a log axis. ForestFromMeta builds the input from
// effect/meta results.
//
// Funnel draws estimates against standard errors (inverted axis) with
// the pseudo confidence region centred on the pooled estimate; studies
// imputed by trim-and-fill are open circles (FunnelFromTrimFill).
//
// TrafficLight and AppraisalSummary draw an mmat.Grid in the style of
// robvis (McGuinness & Higgins 2021): a grid of circles per study and
// criterion, and one 100% bar per criterion with the shares of Yes, Can't
// tell and No.
//
// # Conventions
//
//   - Missing values are never drawn as zero. A visit whose mean is NaN
//     is skipped and the arm's line is broken there; its number at risk
//     is printed as given. A participant's NaN value breaks that
//     participant's line.
//   - Colours come from the colour-blind-safe palette of Okabe & Ito
//     (2008), and every colour has a second cue: arms differ in glyph and
//     line dash, appraisal answers carry symbols (+ Yes, ? Can't tell,
//     − No).
//   - Text uses the Liberation Sans font shipped with gonum/plot, set per
//     plot; plot.DefaultFont and font.DefaultCache are not modified.
//   - Numbers use a true minus sign (U+2212).
//
// # Errors
//
// Invalid input returns an *InputError naming the figure, the field and
// the row (for example `Studies[3 "Trial D 1999"].SE`); it wraps
// ErrInvalidInput and effect.ErrInvalidInput. Cases: no arms, studies or
// criteria; NaN or infinite estimates, times or bounds; negative or zero
// standard errors; negative SDs or counts; interval bounds in the wrong
// order, levels outside (0, 1) or differing levels; trajectory intervals
// that do not contain their mean;
// mismatched lengths; unknown answers; duplicate arms or visit times;
// values spanning a range too wide to draw. Save and WriterTo return
// ErrFormat for an unknown extension or a non-positive size or DPI.
//
// # Reproducibility
//
// SVG and PNG output is byte-for-byte reproducible (PNG on one
// architecture); the tests compare golden SVGs under testdata byte for
// byte (regenerate with go test ./plot -regen, which also rewrites the
// PNGs shown in the README). PDF output carries a creation date.
//
// Two gonum/plot v0.17.0 problems are worked around: bold text in PDF
// (vgpdf registers faces without a style but selects bold ones with
// style "B"; bold text on PDF canvases uses an alias face), and endless
// tick loops of plot.DefaultTicks on infinite ranges (the figures use
// bounded tickers and reject such ranges). EPS is not offered because
// vgeps writes an invalid first line.
//
// # References
//
// McGuinness LA, Higgins JPT (2021). Risk-of-bias VISualization (robvis):
// an R package and Shiny web app for visualizing risk-of-bias
// assessments. Research Synthesis Methods 12(1):55-61.
//
// Hong QN, Pluye P, Fàbregues S, et al. (2018). Mixed Methods Appraisal
// Tool (MMAT), version 2018. Registration of Copyright #1148552,
// Canadian Intellectual Property Office.
//
// Okabe M, Ito K (2008). Color Universal Design (CUD): how to make
// figures and presentations that are friendly to colorblind people.
// https://jfly.uni-koeln.de/color/
//
// Sterne JAC, Egger M (2001). Funnel plots for detecting bias in
// meta-analysis: guidelines on choice of axis. Journal of Clinical
// Epidemiology 54(10):1046-1055.
//
// Duval S, Tweedie R (2000). Trim and fill: a simple funnel-plot-based
// method of testing and adjusting for publication bias in meta-analysis.
// Biometrics 56(2):455-463.
//
// Lewis S, Clarke M (2001). Forest plots: trying to see the wood and the
// trees. BMJ 322:1479-1480.
package plot
