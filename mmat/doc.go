// Package mmat records, validates, summarises and cross-checks study
// appraisals made with the Mixed Methods Appraisal Tool (MMAT), version
// 2018 (Hong et al. 2018), the checklist systematic reviews of
// social-network, befriending and peer-support interventions use for
// qualitative, randomized, non-randomized, descriptive and mixed-methods
// studies.
//
// # Model
//
// An Appraisal is one rater's appraisal of one study: a Category (1
// Qualitative, 2 RCT, 3 NonRandomized, 4 Descriptive, 5 MixedMethods), the
// two screening questions S1 and S2, and the five core criteria of the
// category (x.1-x.5), each with an Answer (Yes, No, CantTell) and a free-text
// comment. A mixed-methods study is appraised on 5.1-5.5, on 1.1-1.5 for its
// qualitative part and on the criteria of one quantitative category chosen
// by the reviewer (Appraisal.Component), 15 criteria in all. NotRated (the
// zero Answer) marks a criterion left blank and is never an MMAT response.
//
// Criterion.Meaning and Criterion.Label are short paraphrases in this
// package's own words, enough to label a table or plot. They are not the
// tool's wording, which is copyrighted (registration #1148552): appraise
// with the MMAT user guide in hand.
//
// # Answers
//
// ParseAnswer accepts the spellings reviewers use (Y, Yes, N, No, CT, Can't
// tell, Cannot tell, Unclear, U, UC, ...) and the grid symbols of
// Answer.Symbol ("+" Yes, "-" No, "?" Can't tell, so that a grid saved with
// them reads back unchanged), ignoring case, spacing and apostrophe
// variants such as U+2019, and rejects everything else with an error that
// names the text (readers add the line, column, study, rater and
// criterion). There is no first-letter guessing: robvis, for example, turns
// "NI" into "Not applicable". "Partial" is not an MMAT response; map it
// explicitly with ReadOptions.Aliases if a review protocol says so.
//
// # Validation
//
// Appraisal.Validate applies the guide's rules: a known category (and, for
// mixed methods, a quantitative component), no criteria from another
// category, S1 and S2 answered, and every criterion of the category
// answered. A No or Can't tell on S1 or S2 means the paper may not be an
// empirical study and "further appraisal may not be feasible or
// appropriate": such a study is ScreenedOut ("not appraisable further"), its
// criteria become optional, and criteria it does carry produce warnings,
// not errors. ValidateOptions.ScreeningOptional accepts tables without
// screening rows; ValidateOptions.Derive55 derives 5.5 from the component
// ratings (Yes if all Yes, No if any No, else Can't tell), one
// implementation choice among several. Each function has its own options
// type holding only the fields it uses (ValidateOptions, SummaryOptions,
// TypeSummaryOptions, ReadOptions, GridOptions, AgreementOptions,
// MarkdownOptions); the summaries' options repeat the two validation
// fields.
//
// # Summaries are descriptive
//
// The MMAT user guide discourages calculating an overall score and asks
// for the rating of each criterion to be presented. Summarize nonetheless
// counts criteria met, not met and can't tell per study, with the
// percentage met ("Can't tell" counts as not met, as in every published
// format), because reviews report it; present it beside the criterion grid
// (NewGrid), not instead of it. For mixed-methods studies the percentage is
// the lowest of the three blocks by default (the guide: the quality of a
// mixed-methods study cannot exceed that of its weakest component), or over
// all 15 criteria (SummaryOptions.MixedScore). Bands (Stars, ThreeLevel, or a
// review's own) turn a percentage into a label and carry the citation of
// their convention; neither is MMAT guidance.
//
// SummarizeByType gives the per-study-type table of a review's "summary of
// quality assessments": number of studies, screened-out studies, per-
// criterion counts and the main weaknesses (criteria most often No or Can't
// tell, ordered); WriteMarkdown renders it. Select with a Rule (AtMostNotMet,
// MinPercentMet or any func) picks the studies for a sensitivity analysis,
// which the guide prefers to excluding low-quality studies.
//
// # Agreement between raters
//
// Agree matches two raters' appraisals by study and compares answers per
// (study, criterion) pair, per criterion and pooled, over the fixed
// vocabulary Yes, Can't tell, No (unused answers keep their rows; pairs where
// either rater left the criterion blank are counted as Excluded). It
// reports percent agreement; Cohen's (1960) kappa with the large-sample
// standard error of Fleiss, Cohen & Everitt (1969), the null standard error
// and z test, and a normal confidence interval; on request a weighted kappa
// (Cohen 1968) with linear or quadratic weights over the order Yes > Can't
// tell > No (an analyst's assumption, not part of the tool); and Gwet's
// (2008) AC1 with the variance of irrCAC::gwet.ac1.table and a t(n-1)
// interval. AC1 is offered because MMAT ratings are heavily skewed towards
// Yes, where kappa can be low or negative despite high agreement (the kappa
// paradox). Intervals are clamped to [-1, 1], as psych and vcd do.
// KappaTable and AC1Table work on any square table of counts, with any
// weights; the confidence level is AgreementOptions.Level (0 means 0.95).
// Agreement.Weighted is NaN, with an Err saying so, unless a weighting was
// requested.
//
// Special cases: when both raters used a single category throughout, the
// expected agreement is 1 and kappa is 0/0; the Coefficient then holds NaN
// and Err wraps ErrUndefined (psych prints "no variance"), while AC1 is 1.
// With no pair rated by both, every coefficient is NaN with ErrUndefined. A
// negative variance from rounding is set to 0. Nothing panics.
//
// The values are checked against psych::cohen.kappa (R 4.2.2, psych 2.2.9)
// and direct transcriptions of the FCE and Gwet formulas
// (testdata/golden/mmat/gen.R). psych 2.2.9 (and about 1.8-2.2.x) reports a
// wrong standard error for weighted kappa with non-identity weights (a row
// sum where FCE needs a column sum; fixed in psych 2.3.3). This package
// follows FCE 1969, which vcd::Kappa, irrCAC and psych >= 2.3.3 agree
// with; on the MMAT-style example of the tests psych 2.2.9 gives SE 0.0713
// where the correct value is 0.1225.
//
// # Files
//
// Three interchange formats, each written and read back without loss
// (a property test checks write-then-read equality on random data):
//
//   - long CSV (WriteLong, ReadLong): one row per study, rater and
//     criterion, columns study, rater, category, component, criterion,
//     answer, comment;
//   - wide CSV (WriteWide, ReadWide): one row per appraisal, one answer
//     column per criterion ("S1", "2.3") and "<id> comment" columns;
//   - JSON (WriteJSON, ReadJSON): an array of Appraisal objects.
//
// Readers match headers case-insensitively (with aliases such as
// Author_Year, Study_Category, Question, reviewer, response; "Author" and
// "Year" columns make the study identifier "Author Year"), accept the
// category headings reviews print ("Randomised controlled trials",
// "Qualitative studies", "RCTs"), read a table of one study type with
// ReadOptions.Category, keep identifiers and comments verbatim, and report
// every problem with the physical line of the file (the header is line 1,
// as encoding/csv counts), column, study, rater, criterion and text. A
// reader that meets an unknown column lists the headers it found and, when
// one holds a ';', suggests ReadOptions.Comma. Zero Ratings (no answer,
// no comment) are not stored. encoding/csv turns "\r\n" inside a quoted
// comment into "\n"; that is the only normalisation. Reading does not
// apply the MMAT rules: call Validate.
//
// For robvis' Generic template or Critiplot, map Yes to "Low", Can't tell to
// "Some concerns" (Critiplot: "Moderate") and No to "High"; keep "Not
// applicable" for NotRated (McGuinness & Higgins 2021).
//
// # Plots
//
// NewGrid lays appraisals out as a study-by-criterion grid (answers, and
// whether each criterion applies) for a traffic-light plot, and
// CountCriteria gives per-criterion counts and shares for a summary bar;
// package plot draws both.
//
// # Errors
//
// Every error wraps one of the sentinels (ErrInvalidAnswer,
// ErrUnknownCriterion, ErrInvalidCategory, ErrWrongCategory,
// ErrMissingAnswer, ErrDuplicate, ErrInvalidInput, ErrUndefined; warnings
// ErrNotAppraisable and ErrDerived55), usually inside an
// *effect.FieldError, the one positioned error of the module: Line (file
// line, header = 1), Column (as written in the file), Record ("study Smith
// 2019, rater AB"), Field (the criterion, e.g. "2.3", or "category"),
// Value (the text as given) and Reason (what is wrong and what would fix
// it). Several problems are joined with errors.Join, so errors.Is and
// errors.As work on each.
//
// # References
//
// Hong QN, Pluye P, Fàbregues S, Bartlett G, Boardman F, Cargo M, Dagenais
// P, Gagnon M-P, Griffiths F, Nicolau B, O'Cathain A, Rousseau M-C, Vedel I.
// Mixed Methods Appraisal Tool (MMAT), version 2018. User guide. Registration
// of Copyright #1148552, Canadian Intellectual Property Office, Industry
// Canada; 2018.
//
// Hong QN, Fàbregues S, Bartlett G, et al. The Mixed Methods Appraisal Tool
// (MMAT) version 2018 for information professionals and researchers. Educ
// Inf 2018;34(4):285-291. doi:10.3233/EFI-180221.
//
// Hong QN, Gonzalez-Reyes A, Pluye P. Improving the usefulness of a tool for
// appraising the quality of qualitative, quantitative and mixed methods
// studies, the Mixed Methods Appraisal Tool (MMAT). J Eval Clin Pract
// 2018;24(3):459-467.
//
// Pluye P, Robert E, Cargo M, et al. Proposal: a mixed methods appraisal
// tool for systematic mixed studies reviews. 2011 (the MMAT 2011 version
// and its star scoring).
//
// Cohen J. A coefficient of agreement for nominal scales. Educ Psychol Meas
// 1960;20(1):37-46.
//
// Cohen J. Weighted kappa: nominal scale agreement with provision for
// scaled disagreement or partial credit. Psychol Bull 1968;70(4):213-220.
//
// Fleiss JL, Cohen J, Everitt BS. Large sample standard errors of kappa and
// weighted kappa. Psychol Bull 1969;72(5):323-327.
//
// Gwet KL. Computing inter-rater reliability and its variance in the
// presence of high agreement. Br J Math Stat Psychol 2008;61(1):29-48.
//
// McGuinness LA, Higgins JPT. Risk-of-bias VISualization (robvis): an R
// package and Shiny web app for visualizing risk-of-bias assessments. Res
// Synth Methods 2021;12(1):55-61. doi:10.1002/jrsm.1411.
//
// Revelle W. psych: Procedures for Psychological, Psychometric, and
// Personality Research. R package (cohen.kappa).
package mmat
