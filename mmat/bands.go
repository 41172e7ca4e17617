package mmat

import "math"

// Band is one class of a Bands scale: percentages at or above Min (and
// below the next band's Min) get Label.
type Band struct {
	Min   float64
	Label string
}

// Bands turns a StudySummary.PercentMet into a label as some reviews
// report it. None of these scales is MMAT 2018 guidance: the guide
// discourages overall scores (Hong et al. 2018). Each carries the citation
// of the convention so that a report can state where it comes from.
type Bands struct {
	Name     string
	Citation string
	Bands    []Band // ascending Min; the first Min should be 0
}

// Stars gives one star per 20 percentage points met, i.e. one star per
// criterion met for a five-criterion category ("*" ... "*****"; 0% is
// "0"). For a mixed-methods percentage under MixedAll (e.g. 66.7%) the
// count rounds down.
var Stars = Bands{
	Name: "Stars (one per criterion met)",
	Citation: "Star ratings come from the MMAT 2011 scoring proposal (Pluye P, et al. Proposal: a mixed methods " +
		"appraisal tool for systematic mixed studies reviews, 2011; * to ****, e.g. Syst Rev 2021, " +
		"doi:10.1186/s13643-021-01586-9, Table 5); one star per criterion met is the common adaptation to the " +
		"five 2018 criteria. Not endorsed by MMAT 2018 (Hong et al. 2018).",
	Bands: []Band{{0, "0"}, {20, "*"}, {40, "**"}, {60, "***"}, {80, "****"}, {100, "*****"}},
}

// ThreeLevel labels below 60% Low (with five criteria: <= 40%), 60-79%
// Moderate and >= 80% High. Such bands
// appear in reviews but no primary source for them was verified; use them
// only when the review protocol fixed them in advance.
var ThreeLevel = Bands{
	Name: "Low / Moderate / High",
	Citation: "Review convention (<=40% low, 60% moderate, >=80% high of MMAT criteria met), not MMAT guidance; " +
		"no primary source verified. The percentage itself follows the 'MMAT criteria " +
		"satisfied' column of e.g. J Adv Nurs 2022;78(11):3587-3606, doi:10.1111/jan.15387, Table 3.",
	Bands: []Band{{0, "Low"}, {60, "Moderate"}, {80, "High"}},
}

// Label returns the label of the band containing percent. A NaN percentage
// (screened-out or invalid study) returns ErrUndefined; a percentage
// outside [0, 100] or below the first band returns ErrInvalidInput.
func (b Bands) Label(percent float64) (string, error) {
	if math.IsNaN(percent) {
		return "", fieldError(0, "", "", "", "", nil, ErrUndefined, "no percentage (study screened out or invalid)")
	}
	if percent < 0 || percent > 100 || len(b.Bands) == 0 || percent < b.Bands[0].Min {
		return "", fieldError(0, "", "", "", "percent", percent, ErrInvalidInput, "percentage outside the bands")
	}
	// Tolerance so that 3/5*100 = 60.00000000000001 and 59.999... both land
	// where a reader expects.
	const eps = 1e-9
	label := b.Bands[0].Label
	for _, band := range b.Bands {
		if percent+eps >= band.Min {
			label = band.Label
		}
	}
	return label, nil
}
