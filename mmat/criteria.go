package mmat

// Criterion is one MMAT 2018 item: a screening question (S1, S2) or a
// core criterion x.y of category x. Meaning is a short paraphrase in this
// package's own words (the MMAT wording is copyrighted; consult the user
// guide, Hong et al. 2018, when appraising). Label is a few words for plot
// axes and table headers.
type Criterion struct {
	ID       string   // "S1", "S2", "1.1" ... "5.5"
	Category Category // 0 for the screening questions
	Label    string
	Meaning  string
}

// Screening reports whether c is one of the two screening questions.
func (c Criterion) Screening() bool { return c.Category == 0 }

// criteria in MMAT order: S1, S2, 1.1 ... 5.5. Paraphrases follow
// the MMAT 2018 user guide (Hong et al. 2018) in this package's own
// words and are deliberately not the tool's wording.
var criteria = []Criterion{
	{"S1", 0, "Clear questions", "The research questions or objectives are stated clearly."},
	{"S2", 0, "Data fit questions", "The data collected allow the questions to be answered."},

	{"1.1", Qualitative, "Approach fits", "A qualitative approach suits the question."},
	{"1.2", Qualitative, "Data collection", "The ways of collecting data are adequate for the question."},
	{"1.3", Qualitative, "Analysis", "Findings are derived from the data by an adequate analysis."},
	{"1.4", Qualitative, "Substantiation", "Interpretations are backed by enough data, e.g. quotations."},
	{"1.5", Qualitative, "Coherence", "Sources, collection, analysis and interpretation hang together."},

	{"2.1", RCT, "Randomization", "The random allocation was done properly."},
	{"2.2", RCT, "Baseline balance", "The groups were comparable at baseline."},
	{"2.3", RCT, "Complete outcomes", "Outcome data are complete or nearly so (threshold agreed by the review team)."},
	{"2.4", RCT, "Blinded assessors", "Outcome assessors did not know the allocation."},
	{"2.5", RCT, "Adherence", "Participants kept to the intervention they were assigned."},

	{"3.1", NonRandomized, "Representative", "Participants represent the target population."},
	{"3.2", NonRandomized, "Measurements", "Outcome and intervention (or exposure) are measured appropriately."},
	{"3.3", NonRandomized, "Complete outcomes", "Outcome data are complete or nearly so (threshold agreed by the review team)."},
	{"3.4", NonRandomized, "Confounders", "Confounding is handled in the design or the analysis."},
	{"3.5", NonRandomized, "As intended", "The intervention was delivered, or the exposure occurred, as intended."},

	{"4.1", Descriptive, "Sampling", "The sampling strategy suits the question."},
	{"4.2", Descriptive, "Representative", "The sample represents the target population."},
	{"4.3", Descriptive, "Measurements", "Measurements are appropriate."},
	{"4.4", Descriptive, "Non-response", "The risk of non-response bias is low."},
	{"4.5", Descriptive, "Analysis", "The statistical analysis suits the question."},

	{"5.1", MixedMethods, "Rationale", "There is a sound reason for a mixed-methods design."},
	{"5.2", MixedMethods, "Integration", "The qualitative and quantitative parts are integrated effectively."},
	{"5.3", MixedMethods, "Interpretation", "What the integration yields is interpreted adequately."},
	{"5.4", MixedMethods, "Divergences", "Disagreements between qualitative and quantitative results are addressed."},
	{"5.5", MixedMethods, "Component quality", "Each part meets the quality criteria of its own tradition."},
}

var criterionIndex = func() map[string]int {
	m := make(map[string]int, len(criteria))
	for i, c := range criteria {
		m[c.ID] = i
	}
	return m
}()

// AllCriteria returns the 27 items (S1, S2, 1.1 ... 5.5) in MMAT order. The
// slice is a copy.
func AllCriteria() []Criterion { return append([]Criterion(nil), criteria...) }

// Lookup returns the criterion with the given identifier ("S1", "2.3").
// Identifiers are exact: no trimming or case folding (use the readers for
// lenient input).
func Lookup(id string) (Criterion, bool) {
	i, ok := criterionIndex[id]
	if !ok {
		return Criterion{}, false
	}
	return criteria[i], true
}

// CategoryCriteria returns the five core criteria of category c in order,
// or nil for an invalid category. The screening questions are not included.
func CategoryCriteria(c Category) []Criterion {
	if !c.Valid() {
		return nil
	}
	start := 2 + 5*(int(c)-1)
	return append([]Criterion(nil), criteria[start:start+5]...)
}

// ScreeningCriteria returns S1 and S2.
func ScreeningCriteria() []Criterion { return append([]Criterion(nil), criteria[:2]...) }

// order returns the position of id in MMAT order, or -1.
func order(id string) int {
	if i, ok := criterionIndex[id]; ok {
		return i
	}
	return -1
}
