// Package measures scores the questionnaires of social-network, social-support
// and loneliness trials from their published scoring keys, scores whole data
// sets, and computes reliability (Cronbach's alpha) and individual change
// (Jacobson–Truax reliable and clinically significant change).
//
// # Keys are data
//
// An [Instrument] is a scoring key: items keyed by stable content IDs, the
// allowed response codes of each item, per-item recoding (reverse keys,
// De Jong Gierveld's dichotomous scoring, Lubben's count codes), the total
// and subscales with their aggregation (sum or mean), an optional
// raw-to-metric conversion table, bands with explicit interval bounds, the
// direction of the score and the published missing-item rule. Keys carry
// no item wording (copyright): only content IDs, response codes and short
// anchor labels.
//
// The built-in keys are JSON files embedded from measures/keys (one file
// per instrument); [Lookup] returns one by id, [All] and [IDs] list them.
// Users load their own keys from the same schema with [Load].
//
// Every fact in a built-in key is taken from the primary publications cited
// in the key (listed under each instrument below) and kept only where two
// or more independent sources agree (Status Verified). Facts found in a
// single source, or uncertain, are left out, and the key's Notes say so;
// where a numeric coding is a library convention its ResponseSet has
// Status Convention.
//
// # Built-in instruments
//
//	id              instrument                                           score           direction
//	ucla-ls3        UCLA Loneliness Scale v3, 20 items, codes 1-4         sum 20-80       higher = lonelier
//	ucla-3          Three-Item Loneliness Scale (Hughes), codes 1-3       sum 3-9         higher = lonelier
//	ons-loneliness  ONS direct loneliness item, codes 1-5 (convention)    1-5             higher = lonelier
//	djg-11          De Jong Gierveld 11 items, 5-point, dichotomous       count 0-11      higher = lonelier
//	djg-11-3pt      the same, 3-point interview format                    count 0-11      higher = lonelier
//	djg-6           De Jong Gierveld 6 items, 5-point, dichotomous        count 0-6       higher = lonelier
//	djg-6-3pt       the same, 3-point interview format                    count 0-6       higher = lonelier
//	lsns-6          Lubben Social Network Scale 6 items, codes 0-5        sum 0-30        higher = larger network
//	lsns-r          Lubben Social Network Scale revised, 12 items, 0-5    sum 0-60        higher = larger network
//	lsns-18         Lubben Social Network Scale 18 items, codes 0-5       sum 0-90        higher = larger network
//	mspss           Multidimensional Scale of Perceived Social Support    mean 1-7        higher = more support
//	oss-3           Oslo Social Support Scale, 3 items                    sum 3-14        higher = more support
//	sps             Social Provisions Scale, 24 items, codes 1-4          sum 24-96       higher = more support
//	wemwbs          Warwick-Edinburgh Mental Wellbeing Scale, 14 items    sum 14-70       higher = better wellbeing
//	swemwbs         Short WEMWBS, 7 items, metric conversion              metric 7-35     higher = better wellbeing
//
// Details per instrument (full notes in each key's Notes):
//
//   - ucla-ls3: reverse-keyed items 1, 5, 6, 9, 10, 15, 16, 19, 20 (5 − code).
//     Not the 1980 Revised UCLA scale. No developer bands or missing rule.
//     Russell DW (1996) UCLA Loneliness Scale (Version 3): reliability,
//     validity, and factor structure. J Pers Assess 66(1):20–40.
//   - ucla-3: items lack of companionship, left out, isolated; no reverse
//     items; bands [3, 6) not lonely, [6, 9] lonely (a convention, not a
//     validated cut-off). Hughes ME, Waite LJ, Hawkley LC, Cacioppo JT (2004)
//     A short scale for measuring loneliness in large surveys. Res Aging
//     26(6):655–672.
//   - ons-loneliness: the five ONS categories are verified; the codes
//     1 = Never … 5 = Often/always are a library convention (ONS prescribes
//     none). Bands map each code back to its category. Office for National
//     Statistics (2018) Measuring loneliness: guidance for use of the
//     national indicators on surveys.
//   - djg-11, djg-6: dichotomous scoring of the manual, the neutral answer
//     always counts as lonely: emotional (negatively worded) items score 1
//     for "more or less", "yes", "yes!"; social (positively worded) items
//     score 1 for "more or less", "no", "no!". Emotional items are 11-item
//     numbers 2, 3, 5, 6, 9, 10 and social 1, 4, 7, 8, 11; the 6-item form
//     uses 3, 9, 10 and 4, 7, 8. Content IDs carry the 11-item number
//     (djg-03-emptiness, …), so the 6-item form is keyed by content: its
//     item order (here that of Statistics Netherlands) differs between
//     sources. The 5-point codes 1 = no! … 5 = yes! are a library
//     convention; the 3-point codes 1 = no, 2 = more or less, 3 = yes of the
//     -3pt keys follow the manual's syntax (single source). djg-6 total
//     bands: [0, 2) not lonely, [2, 5) moderately lonely, [5, 6] severely
//     lonely. de Jong Gierveld J, Kamphuis F (1985) The development of a
//     Rasch-type loneliness scale. Appl Psychol Meas 9(3):289–299.
//     de Jong Gierveld J, van Tilburg T (2006) A 6-item scale for overall,
//     emotional, and social loneliness. Res Aging 28(5):582–598,
//     doi:10.1177/0164027506289723. de Jong Gierveld J, van Tilburg TG
//     (1999, updated 2022) Manual of the Loneliness Scale, VU Amsterdam,
//     hdl:1871/18954.
//   - lsns-6: family items 1–3, friends items 4–6, every item a count coded
//     0 none … 5 nine or more; total bands [0, 12) at risk of social
//     isolation, [12, 30] not at risk. Lubben J, Blozik E, Gillmann G,
//     Iliffe S, von Renteln Kruse W, Beck JC, Stuck AE (2006) Performance of
//     an abbreviated version of the Lubben Social Network Scale among three
//     European community-dwelling older adult populations. Gerontologist
//     46(4):503–513, doi:10.1093/geront/46.4.503.
//   - lsns-r: family items 1–6, friends (including neighbours) items 7–12,
//     each block asking the same six questions (count seen monthly, contact
//     frequency, count for private matters, count to call on for help, two
//     decision items), every item coded 0–5; total 0–60, subscales 0–30; the
//     LSNS-6 items keep their content IDs, so LSNS-R data also score LSNS-6.
//     No cut-off (none is official). Lubben J, Gironda M (2003) Centrality of
//     social ties to the health and well-being of older adults. In: Berkman
//     B, Harootyan L (eds) Social Work and Health Care in an Aging Society.
//     Springer, 319–350.
//   - lsns-18: family 1–6, neighbours 7–12, friends 13–18, the same six
//     questions per block; total 0–90, three subscales 0–30; no cut-off.
//     Myagmarjav S, Burnette D, Goeddeke F Jr (2019) Comparison of the
//     18-item and 6-item Lubben Social Network Scales with community-dwelling
//     older adults in Mongolia. PLoS One 14(4):e0215523,
//     doi:10.1371/journal.pone.0215523.
//   - mspss: means; significant other 1, 2, 5, 10; family 3, 4, 8, 11;
//     friends 6, 7, 9, 12. Zimet's anchor bands on the total mean as
//     half-open intervals: low [1, 3), moderate [3, 5], high (5, 7]. Zimet
//     GD, Dahlem NW, Zimet SG, Farley GK (1988) The Multidimensional Scale
//     of Perceived Social Support. J Pers Assess 52(1):30–41,
//     doi:10.1207/s15327752jpa5201_2.
//   - oss-3: item 1 coded 1–4, items 2–3 coded 1–5, by option meaning
//     (lowest support = 1); bands [3, 9) poor, [9, 12) moderate, [12, 14]
//     strong. Kocalevent R-D et al. (2018) Social support in the general
//     population: standardization of the Oslo social support scale
//     (OSSS-3). BMC Psychol 6:31, doi:10.1186/s40359-018-0249-9. Dalgard OS
//     et al. (2006) Soc Psychiatry Psychiatr Epidemiol 41(6):444–451.
//   - sps: reverse-keyed items 2, 3, 6, 9, 10, 14, 15, 18, 19, 21, 22, 24;
//     six provisions of four items (attachment, social integration,
//     reassurance of worth, reliable alliance, guidance, opportunity for
//     nurturance). Cutrona CE, Russell DW (1987) The provisions of social
//     relationships and adaptation to stress. In: Jones WH, Perlman D (eds)
//     Advances in Personal Relationships, vol 1. JAI Press, 37–67.
//   - wemwbs: no reverse items. Tennant R et al. (2007) The Warwick-Edinburgh
//     Mental Well-being Scale (WEMWBS): development and UK validation.
//     Health Qual Life Outcomes 5:63, doi:10.1186/1477-7525-5-63.
//   - swemwbs: WEMWBS items 1, 2, 3, 6, 7, 9, 11 (same content IDs, so a
//     WEMWBS data set also scores SWEMWBS); the raw sum is converted with
//     the official table (raw 29 = 26.02), for complete responses only.
//     Stewart-Brown S et al. (2009) Internal construct validity of the
//     WEMWBS: a Rasch analysis. Health Qual Life Outcomes 7:15,
//     doi:10.1186/1477-7525-7-15.
//
// DOIs are recorded only where verified: the DOIs of Russell 1996, Hughes
// et al. 2004, de Jong Gierveld & Kamphuis 1985 and Dalgard et al. 2006 are
// not.
//
// Left out of the built-in keys because independent sources do not agree
// on them or only one was found: the DJG-11 categories (0–2, 3–8, 9–10, 11: single source), the
// DJG-6 subscale bands (manual and Statistics Netherlands disagree), the
// DJG-6 developers' missing-item rule (single source; reproduce it with
// ScoreOptions{MaxMissing: 1, Method: SumAnswered}), the DJG-11
// missing-item rule (not retrieved), the LSNS-6 subscale cut-offs (< 6,
// uncertain), any UCLA v3 bands (none published), the WEMWBS missing-item
// rule (user guide not retrieved), SWEMWBS bands (unofficial).
//
// Instruments not shipped, and why:
//
//   - Campaign to End Loneliness tool: the scoring page of the guidance was
//     not retrieved (item scoring uncertain).
//   - Duke Social Support Index (DSSI-11, DSSI-10, full DSSI): recoding of the
//     social interaction items and item 11's labels uncertain; full-form
//     keys not retrieved.
//   - Resource Generator-UK: subscale membership and scoring of "self"
//     answers not found.
//   - Social Inclusion Scale (Secker): response format, reverse keys and
//     subscale membership not found.
//   - SELSA-S: subscale membership and reverse keys uncertain.
//   - Social Connectedness Scale (SCS, SCS-R): anchor direction and the
//     SCS-R key uncertain.
//   - Social Network Schedule, Cohen and Berkman–Syme social network
//     indices: not questionnaire sums (contact lists and role counts). The
//     subpackage measures/network holds ego-centred network data and
//     measures and scores Cohen's index; the Berkman–Syme index and the
//     Social Network Schedule are not scored there either (see its
//     documentation).
//
// # JSON schema
//
// One JSON object per instrument. Unknown fields are rejected. Validation
// errors wrap [ErrInvalidKey] inside an [*effect.FieldError] whose Field
// is the JSON path, such as "items[3].responses" or "total.bands[1]".
//
//	{
//	  "id":        "ucla-3",              // required; a-z 0-9 - _ .
//	  "name":      "…", "version": "…",  // required text
//	  "citations": [{"text": "…", "doi": "10.…"}],  // at least one; doi optional
//	  "status":    "verified",            // verified | single-source | convention | user
//	  "notes":     ["…"],                 // provenance and caveats
//	  "direction": "higher = lonelier",   // required text: Instrument.HigherMeans
//	  "higher_is_better": false,          // required: Instrument.Direction (effect.HigherIsBetter or LowerIsBetter)
//	  "response_sets": [                  // at least one
//	    {"id": "freq3", "codes": [1, 2, 3],          // strictly increasing integers, span <= 1000
//	     "labels": ["Hardly ever", "…", "…"],        // optional, one per code
//	     "status": "verified"}                        // optional
//	  ],
//	  "recodes": [                        // optional named code -> score maps
//	    {"id": "djg-negative", "map": {"1": 0, "2": 0, "3": 1, "4": 1, "5": 1}, "notes": "…"}
//	  ],
//	  "items": [                          // order = order of Score's responses
//	    {"id": "ucla3-companionship",     // content ID, unique; no commas, quotes, newlines
//	     "number": 1,                     // position on the published form, unique, >= 1
//	     "responses": "freq3",            // a response set id
//	     "reverse": false,                // score as min+max-code of the set
//	     "recode": ""}                    // or a recode id (must map every code of the set)
//	  ],
//	  "total": {                          // required
//	    "aggregation": "sum",             // sum | mean
//	    "items": [],                      // optional subset; empty = all items
//	    "missing": {"max_missing": 1, "method": "prorate", "source": "…"},  // optional published rule
//	    "conversion": {"name": "metric", "table": [[7, 7.0], [8, 9.51], …], "source": "…"},  // optional
//	    "bands": [{"label": "not lonely", "lower": 3, "upper": 6, "bounds": "[)"}, …]
//	  },
//	  "subscales": [{"id": "emotional", "name": "Emotional loneliness", "items": ["…"],
//	                 "aggregation": "sum", "missing": …, "bands": …}]
//	}
//
// Bands: "bounds" is "[)", "[]", "(]" or "()"; lower < upper (equal only
// with "[]"); bands are ascending and contiguous (each upper bound is the
// next lower bound, and exactly one of the two bands contains it) and must
// cover the scale's attainable range, so every score has exactly one band.
// A conversion table must list every integer raw score from the smallest
// to the largest attainable sum, and needs integer item scores. A missing
// rule's max_missing lies between 1 and the number of items minus 1, and a
// scale with a conversion table has no missing rule (the table is
// published for complete responses).
//
// # Scoring and missing items
//
// [Instrument.Score] takes one value per item in the key's item order;
// NaN marks a missing item. A value that is not an allowed code (out of
// range, non-integer, ±Inf) returns an [*effect.FieldError] wrapping
// [ErrOutOfRange] that names the item and lists its allowed codes; codes
// are never clamped. Without a published rule every
// item of a scale is required: a scale with a missing item is NaN (not an
// error), and [Score] reports the number missing. No built-in key carries
// a published rule today, because none is marked verified. Callers may
// opt in with [ScoreOptions] (a maximum number of missing items and the
// method: person-mean proration or the sum over answered items); results
// then carry NonStandard. Prorated and NonStandard are set only when a
// number was produced: a NaN score carries neither, and no prorated Raw.
// A conversion table (the SWEMWBS metric score) applies to complete
// responses only, so asking for proration of such a total is an error.
// Bands are published for whole totals of whole-number items: a prorated
// total between two whole numbers (DJG-6 4.8) gets no band.
//
// [Instrument.ScoreMatrix] is the fast path for many respondents: a flat
// row-major matrix in, flat result arrays out ([Scores]), reused across
// calls, no allocation per respondent (BenchmarkScoreMatrix measures it;
// the README gives the figures).
//
// # Data sets
//
// [ScoreCSV] reads a wide CSV file (an id column and one column per item;
// [CSVOptions] maps CSV headers to content IDs, lists missing codes such as
// "", "NA", "-99", and passes columns such as visit and arm through, so
// long data with one row per participant and visit is scored as is) and
// scores every row on one or more instruments. It returns one [Row] per
// record in order, each with its own errors; nothing is dropped. Cells that
// are not plain decimal numbers ("Inf", "NaN", "0x1p1" and "1_0" are not)
// or not allowed codes are reported as [*effect.FieldError] values naming
// the line, column, participant, item and value; a malformed record as one
// wrapping [ErrRecord]. A header without a needed column is an error that
// lists the headers found and, when one holds a ';', suggests
// CSVOptions.Comma. [WriteCSV] writes the scores.
//
// # Reliability
//
// [Alpha] computes Cronbach's alpha with the Feldt (1965) confidence
// interval and the item analysis of psych::alpha (Revelle): raw and
// standardized alpha, Guttman's lambda 6 (smc), average and median
// inter-item correlation, signal/noise, the asymptotic SE (Duhachek &
// Iacobucci 2004), and per item raw.r, std.r, r.cor, r.drop (the corrected
// item-total correlation), mean, SD and alpha-if-item-deleted. Missing data
// are handled listwise (psych::alpha(na.omit(x))); psych's default pairwise
// covariances differ when data are missing. Values agree with psych 2.2.9
// to 1e-12 relative, Feldt limits included; the goldens and the script
// that made them are in testdata/golden/measures.
//
// Feldt LS (1965) The approximate sampling distribution of Kuder-Richardson
// reliability coefficient twenty. Psychometrika 30:357–370.
//
// # Change
//
// [ReliableChange] computes the Jacobson–Truax reliable change index,
// RCI = (post − pre)/SEdiff with SEdiff = SD·sqrt(2(1 − r)), reliable when
// |RCI| exceeds the normal quantile of ChangeCriteria.Level (1.96 at the
// default 0.95). The direction of a scale is an [effect.Direction]
// (Instrument.Direction). [Norms.Cutoff] gives the cut-offs a (two SDs beyond the
// dysfunctional mean), b (two SDs inside the functional range) and c (the
// SD-weighted point between the means), each respecting the scale's
// direction. [ClassifyChange] and [ClassifyChanges] classify change as
// recovered, improved, unchanged or deteriorated.
//
// Jacobson NS, Truax P (1991) Clinical significance: a statistical approach
// to defining meaningful change in psychotherapy research. J Consult Clin
// Psychol 59(1):12–19.
//
// # Errors
//
// Errors wrap exported sentinels (test with errors.Is): [ErrInvalidInput],
// [ErrInvalidKey] (Field is the JSON path), [ErrUnknownInstrument]
// (with the closest ids suggested), [ErrOutOfRange], [ErrNotNumeric],
// [ErrColumn] and [ErrRecord]. Positioned errors are [*effect.FieldError]
// values, the one positioned error of ties: Line is the physical line of
// the file (header = line 1, as encoding/csv counts), Column the heading
// as written, Record the participant ("participant P012", or "respondent
// 3" in ScoreMatrix), Field the item's content ID or the argument, Value
// the text as given, and Err the sentinel. Nothing panics on user input.
//
// # Vocabulary
//
// ties uses one set of names across its packages: confidence intervals are
// [effect.Interval] (AlphaResult.Feldt), the direction of a scale is an
// [effect.Direction], and every confidence level is an Options-style Level
// field (AlphaOptions.Level, ChangeCriteria.Level; 0 means 0.95), never a
// z value.
package measures
