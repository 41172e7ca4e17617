// Package network reads ego-centred ("personal") network data from name
// generators and computes the measures of network size, structure,
// composition and diversity that social-network trials use as outcomes,
// and scores Cohen's Social Network Index.
//
// # Data
//
// An [Ego] is one respondent: the alters they named, each with typed
// attributes (relationship role, kin, sex, contact frequency, closeness,
// the circle of a concentric-circle map), and the undirected alter–alter
// ties they reported. A [Codebook] lists the attributes; a categorical
// attribute carries every category the question allowed, because the
// index of qualitative variation depends on the number of possible
// categories, not on those observed. Missing answers are NaN.
//
// [ReadCSV] reads the layout of egor and most network studies: an egos
// file, an alters file keyed by ego and alter ID, and a ties file of alter
// pairs with an optional weight in [0, 1]. Every problem is reported with
// its physical file line (header = line 1) as an *effect.FieldError. A
// tie to an alter the ego did not name, an alter named twice, a category
// outside the codebook and a weight outside [0, 1] reject the row and mark
// the ego, whose measures are then not computed; a self-loop is dropped and
// a pair listed twice (A–B and B–A) is one tie, both reported; an ego who
// named nobody stays with size 0. A name-generator cap (ties asked only
// among the first k alters, egor's max.netsize) is recorded in Ego.Cap and
// used in the density's denominator.
//
// # Measures
//
// [Describe] returns one [Result] per ego, in input order, each with its
// own error. A measure that cannot be computed is NaN and its reason is
// listed in Undefined (a network of one alter has no density), never a
// silent 0.
//
//   - [Structural]: size; density ego excluded T/(n(n−1)/2), ego included
//     (T+n)/((n+1)n/2) and weighted Σw/(n(n−1)/2); mean degree 2T/n;
//     components, isolates and the largest component among the alters;
//     Burt's (1992) effective size n − 2T/n (Borgatti 1997), efficiency
//     and aggregate constraint Σ_j (p_ej + Σ_q p_eq p_qj)², treating the
//     ego network as undirected and unweighted with ego tied to every
//     alter.
//   - [Compose]: counts and shares of a categorical attribute over the
//     alters who answered (valid denominator) and over all alters (egor's
//     composition()), with the count of missing answers; the number of
//     categories present, Shannon entropy in bits, Blau's (1977) index
//     1 − Σp² and the IQV Blau·K/(K−1) with K from the codebook (Agresti and
//     Agresti 1978); Krackhardt and Stern's (1988) E-I index (E−I)/(E+I)
//     ego–alter, alter–alter and rescaled by the between- and
//     within-category densities. Alters with a missing answer are left out
//     of E, I and the pair counts. The unrescaled alter–alter index counts
//     each tie once (R's egor 1.25.10 counts between-group ties twice and
//     returns (2E−I)/(2E+I)).
//   - [ProportionOf] and [NonKinNonProfessional]: the share of alters
//     meeting a condition on several attributes.
//   - [TieStrength]: mean of a numeric rating and the count at or above a
//     threshold (for example contact weekly or more often).
//   - [CountCircles]: alters per circle of a concentric-circle map and
//     cumulative counts (inner; inner and middle; all), the circles being
//     the ordered categories of an attribute, so their meaning is data.
//
// # Instruments
//
// [ScoreSNI] scores Cohen's Social Network Index (Cohen, Doyle, Skoner,
// Rabin and Gwaltney 1997): the number of high-contact roles (0–12) and
// the number of people in the network. Its scoring instructions read
// "not 0 for both items" for the employee role; the literal reading (both
// supervised and other co-workers non-zero) is the default and the other
// (either) an option, and the scores carry a Variant label saying which
// was used, as for the option of capping each group count at 7. The number
// of embedded networks has two incompatible rule sets in circulation and
// the official sheet was not seen, so it is computed only under an
// explicitly named, unverified [EmbeddedRule].
//
// Not scored, and why:
//
//   - Berkman–Syme Social Network Index (Berkman and Syme 1979): the
//     weighting table that combines marital status, contacts with friends
//     and relatives, and church and group membership into levels I–IV was
//     not retrieved, and several later variants circulate under the same
//     name; the data fit the ego tables and the counts here.
//   - Social Network Schedule (Dunn, O'Driscoll, Dayson, Wills and Leff
//     1990): the schedule's manual, with its exact definitions of the
//     counts, was not retrieved. Its contact lists fit [Ego] (alters with
//     relationship type, frequency and friend or confidant flags) and its
//     counts and proportions are [Compose] and [ProportionOf] results.
//   - GENIE or personal-community network types: they are clusters of a
//     particular sample, not a rule that scores one person.
//
// The Lubben LSNS-R and LSNS-18 are item sums and live in the parent
// package's keys (ids "lsns-r" and "lsns-18").
//
// # Simulated data
//
// [Simulator] draws name-generator interviews (up to a cap of alters with
// role, kin, sex, contact frequency, closeness, circle and alter–alter
// ties) at baseline and follow-up, for examples and tests.
//
// # References
//
// Agresti A, Agresti BF (1978) Statistical analysis of qualitative
// variation. Sociol Methodol 9:204–237, doi:10.2307/270810.
//
// Berkman LF, Syme SL (1979) Social networks, host resistance, and
// mortality: a nine-year follow-up study of Alameda County residents. Am J
// Epidemiol 109(2):186–204.
//
// Blau PM (1977) Inequality and Heterogeneity. Free Press, New York.
//
// Borgatti SP (1997) Structural holes: unpacking Burt's redundancy
// measures. Connections 20(1):35–38.
//
// Burt RS (1992) Structural Holes: The Social Structure of Competition.
// Harvard University Press, Cambridge MA.
//
// Cohen S, Doyle WJ, Skoner DP, Rabin BS, Gwaltney JM Jr (1997) Social
// ties and susceptibility to the common cold. JAMA 277(24):1940–1944.
//
// Dunn M, O'Driscoll C, Dayson D, Wills W, Leff J (1990) The TAPS Project.
// 4: An observational study of the social life of long-stay patients. Br J
// Psychiatry 157:842–848.
//
// Krackhardt D, Stern RN (1988) Informal networks and organizational
// crises: an experimental simulation. Soc Psychol Q 51(2):123–140.
//
// Perry BL, Pescosolido BA, Borgatti SP (2018) Egocentric Network
// Analysis: Foundations, Methods, and Models. Cambridge University Press,
// doi:10.1017/9781316443255.
package network
