// Package prisma records the counts of a systematic review's PRISMA 2020
// flow diagram (Page et al. 2021), checks that they add up, and moves them
// between JSON, CSV and the template CSV of the PRISMA2020 R package and
// Shiny app (Haddaway et al. 2022). Package plot draws the diagram.
//
// # The flow
//
// A Flow holds the boxes of the template for a new review: records
// identified from databases and registers (optionally per source), records
// removed before screening by reason (duplicates, automation tools, other
// reasons), records screened and excluded, reports sought, not retrieved
// and assessed for eligibility, reports excluded with their reasons, and
// the studies and reports included. Other, when not nil, is the column for
// records identified via other methods (websites, organisations, citation
// searching, hand-searching ...), which the template gives no
// de-duplication or screening boxes.
//
// The unit changes down the diagram: records (titles and abstracts as
// indexed) are identified and screened; reports (documents) are sought
// and assessed; studies, each with one or more reports, are included.
//
// # Unknown counts
//
// A published review rarely reports every box. A Count is either a known
// whole number or Unknown (its zero value), and an unknown count is never
// treated as zero: an identity with an unknown term is "not testable",
// neither passed nor failed, and the diagram prints "n = ?".
//
// # Checks
//
// Check lists every identity the template implies with its outcome
// (holds, fails, not testable) and the numbers. Identities that hold by
// definition, because every item leaves a box by exactly one arrow, are
// errors when they fail (Validate's err): counts are whole numbers >= 0;
// per-source counts sum to their total; records identified = records
// removed before screening + records screened; reports sought = reports
// not retrieved + reports assessed (in each column); records excluded <=
// records screened; reports excluded <= reports assessed; reports assessed
// (both columns) = reports excluded (both columns) + reports of included
// studies. When only some parts of a sum are known, the known parts must
// not exceed the whole. Identities that cross a change of unit only
// usually hold and are warnings: reports sought = records screened −
// records excluded (a record may lead to several reports); studies
// included <= reports of included studies (one report may describe
// several studies); reports sought via other methods <= records identified
// via other methods; and, when reports are not given, studies included <=
// reports assessed − reports excluded. Every message names the box and
// shows the arithmetic.
//
// # Files
//
// WriteJSON and ReadJSON use the R package's data names as keys
// ("database_results", "records_screened", "dbr_excluded", ...), with
// null for an unknown count. WriteCSV and ReadCSV use the R package's
// template CSV (columns data, node, box, description, boxtext, tooltips,
// url, n; one row per count), so that a flow can be moved between ties
// and the R package or its Shiny app in both directions. In that file an
// unknown count is written "?" (the R package strips non-digits and leaves
// the box's number blank); reasons and per-source counts are written as
// "Reason 1, 12; Reason 2, 3", as the R package reads them, and the names
// of up to three other-methods sources go in the boxtext of its
// website_results, organisation_results and citations_results rows. Box
// texts, tooltips and links of the file that differ from ties' defaults
// (a translation, say) are kept in Flow.Template and written back. The R
// package checks no arithmetic; Validate does.
//
// Not covered: the template for updated reviews (previous studies and
// total boxes); the optional split of records excluded by humans and by
// automation tools; extra exits such as ongoing studies.
//
// # References
//
// Page MJ, McKenzie JE, Bossuyt PM, Boutron I, Hoffmann TC, Mulrow CD, et
// al. The PRISMA 2020 statement: an updated guideline for reporting
// systematic reviews. BMJ 2021;372:n71. doi:10.1136/bmj.n71.
//
// Page MJ, Moher D, Bossuyt PM, et al. PRISMA 2020 explanation and
// elaboration: updated guidance and exemplars for reporting systematic
// reviews. BMJ 2021;372:n160. doi:10.1136/bmj.n160.
//
// Haddaway NR, Page MJ, Pritchard CC, McGuinness LA. PRISMA2020: an R
// package and Shiny app for producing PRISMA 2020-compliant flow diagrams,
// with interactivity for optimised digital transparency and Open
// Synthesis. Campbell Syst Rev 2022;18(2):e1230. doi:10.1002/cl2.1230.
//
// Brooks H, Devereux-Fitzgerald A, Richmond L, et al. Exploring the use of
// social network interventions for adults with mental health difficulties:
// a systematic review and narrative synthesis. BMC Psychiatry
// 2023;23:486. doi:10.1186/s12888-023-04881-y (the counts of the
// examples).
package prisma
