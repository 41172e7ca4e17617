// Package plot draws the figures of a trial report and a systematic
// review on gonum/plot: follow-up trajectories per arm, forest plots,
// funnel plots, MMAT 2018 appraisal traffic lights and summary bars, and
// the PRISMA 2020 flow diagram.
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
// # Layout at journal sizes
//
// A figure measures its text and lays itself out for the size it is
// saved at, so that the data panel keeps a usable share of the page at
// single-column (8.5 cm), 12 cm and double-column (17 cm) widths: at least
// a third of the width for a forest plot and half of the height for a
// trajectory (Figure.MinPanelWidth and MinPanelHeight). Long axis,
// study and key labels wrap onto up to three lines (the key's grid takes
// fewer columns as its labels grow); what still does not fit ends in an
// ellipsis (an SVG keeps the full text in a <title>, and
// Layout.Shortened lists it, a plotter's own cuts such as an ego
// network's panel titles included); the text
// shrinks in half-point steps down to a floor of 7 pt, a smaller size
// being preferred to an ellipsis; tick labels thin out rather than run
// together. When even that fails, Save and WriterTo return an
// *effect.FieldError wrapping ErrTooSmall that names the element that
// does not fit and the smallest size that works: a figure is never drawn
// without its data. Figure.Layout reports the panel, the text size and
// the box of every line of text, which the tests use to check shares and
// overlaps at each width.
//
// A forest plot's labels are fitted in this order: a study label wraps
// when its row is tall enough; then the estimate stacks over its
// interval ("−0.31" over "[−0.68, 0.06]") to give the labels room; only
// then is a label cut, keeping the first author's surname and the year
// ("Cattan… 2005"). A pooled row's label is never cut: it wraps or takes
// its standard short name ("RE model", "FE model", "Subtotal", "PI",
// Cell.Short). Figure.FullTextHeight gives the least height at which a
// figure of a given width shows every label in full; a forest plot in a
// single column usually needs more height than width.
//
// # Figures
//
// Trajectory draws the mean of each arm at each visit with its
// confidence interval, the arms dodged by a fixed distance on the page at
// every visit and joined by lines, and a table of the numbers assessed
// under the x axis, aligned with the visits, each arm's row labelled in
// black beside its line and glyph (the heading, "n assessed" by default,
// is TrajectoryOptions.TableHeading). Its input is per-visit summaries
// (Arm, Visit); TrajectoryLong accepts long-format participant data
// (Observation) and computes the means and t-based intervals with
// SummarizeVisits; each participant's own line is drawn only when
// TrajectoryOptions.Participants asks for it (raw scores stretch the y
// axis and hide the difference between arms). The y label is the
// outcome's name and direction, for example "UCLA-3 loneliness score
// (higher = lonelier)".
//
// Forest draws one row per study (the square's area is proportional to
// its weight) with text columns for the estimate and interval and the
// weight (rounded by the largest-remainder method so that the column adds
// up to 100.0%), a diamond per pooled estimate, the prediction interval,
// the null line, and "Favours intervention" / "Favours usual care" under
// the axis. The sides follow the outcome's effect.Direction
// (ForestOptions.Direction) for estimates of intervention minus usual
// care, and are fixed (intervention above the null) for Oriented
// estimates. A note says what the lines are: the interval each study's
// estimate carries, with its method (ForestStudy.CIMethod). Log odds and
// risk ratios are shown as ratios on a log axis. ForestFromMeta builds
// the input from effect/meta results, carrying their orientation and each
// study's own interval; ForestFromSubgroups builds a subgroup forest plot
// from meta.Subgroups in one call (subgroup headings, a diamond and a
// heterogeneity line per subgroup, the overall diamond and prediction
// interval, and the test for subgroup differences); the null line stops
// at the subgroups' headings and heterogeneity lines, which run across
// the panel.
//
// Funnel draws estimates against standard errors (inverted axis) with
// the pseudo confidence region centred on the pooled estimate, the centre
// line named in the key; studies imputed by trim-and-fill are open
// circles (FunnelFromTrimFill). FunnelOptions.Contours shades the regions
// of two-sided p < 0.01, 0.01-0.05 and 0.05-0.10 around the null, the
// contour-enhanced funnel plot of Peters et al. (2008).
//
// TrafficLight and AppraisalSummary draw an mmat.Grid in the style of
// robvis (McGuinness & Higgins 2021): a grid of circles per study and
// criterion, and one 100% bar per criterion with the shares of Yes, Can't
// tell and No, whose percentages add up to 100. A study screened out (No
// to S1 or S2) is left out of the bars of the criteria it was never asked;
// a bar resting on one or two studies is labelled with counts.
//
// PRISMA draws the PRISMA 2020 flow diagram of a review's search and
// selection (Page et al. 2021) from a mmat/prisma Flow, boxes sized to
// their text and unknown counts printed as "n = ?".
//
// # Conventions
//
//   - Missing values are never drawn as zero. A visit whose mean is NaN
//     is skipped and the arm's line is broken there; its number assessed
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
// Invalid input returns an *effect.FieldError whose Field names the
// figure and the input (for example `forest: Studies[3 "Trial D
// 1999"].SE`); it wraps ErrInvalidInput, which wraps
// effect.ErrInvalidInput. Cases: no arms, studies or criteria; NaN or
// infinite estimates, times or bounds; negative or zero standard errors;
// negative SDs or counts; interval bounds in the wrong order, levels
// outside (0, 1) or differing levels; trajectory intervals that do not
// contain their mean; mismatched lengths; unknown answers or directions;
// duplicate arms or visit times; values spanning a range too wide to
// draw; options that cannot apply (Participants without participants'
// series, a TableHeading with NoTable); meta results that differ in
// orientation. A figure that cannot fit its size returns ErrTooSmall
// (see above). Save and WriterTo return ErrFormat for an unknown
// extension or a non-positive size or DPI.
//
// # Reproducibility
//
// SVG and PNG output is byte-for-byte reproducible (PNG on one
// architecture); the tests compare golden SVGs under testdata byte for
// byte (regenerate with go test ./plot -update, which also rewrites the
// PNGs shown in the README and the gallery under testdata/gallery). PDF
// output carries a creation date.
//
// Two gonum/plot v0.17.0 problems are worked around: bold text in PDF
// (vgpdf registers faces without a style but selects bold ones with
// style "B"; bold text on PDF canvases uses an alias face), and endless
// tick loops of plot.DefaultTicks on infinite ranges (the figures use
// bounded tickers and reject such ranges). Multi-line text is spaced as
// gonum measures it (text.Plain draws lines closer than it measures
// them). EPS is not offered because vgeps writes an invalid first line.
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
// Peters JL, Sutton AJ, Jones DR, Abrams KR, Rushton L (2008).
// Contour-enhanced meta-analysis funnel plots help distinguish
// publication bias from other causes of asymmetry. Journal of Clinical
// Epidemiology 61(10):991-996.
//
// Page MJ, McKenzie JE, Bossuyt PM, et al. (2021). The PRISMA 2020
// statement: an updated guideline for reporting systematic reviews. BMJ
// 372:n71.
//
// Lewis S, Clarke M (2001). Forest plots: trying to see the wood and the
// trees. BMJ 322:1479-1480.
package plot
