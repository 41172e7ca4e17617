package prisma

// Flow holds the counts of a PRISMA 2020 flow diagram for a new review.
// The JSON names are the data names of the PRISMA2020 R package. A zero
// Flow has every count Unknown.
type Flow struct {
	// Records identified from databases and registers (the box's
	// "Databases (n = )" and "Registers (n = )" lines).
	Databases Count `json:"database_results"`
	Registers Count `json:"register_results"`
	// DatabaseDetail and RegisterDetail give the records per database or
	// register, where the review reports them (the template's footnote
	// asks for them where feasible).
	DatabaseDetail []Source `json:"database_specific_results,omitempty"`
	RegisterDetail []Source `json:"register_specific_results,omitempty"`

	// Records removed before screening: duplicates, records marked as
	// ineligible by automation tools, and records removed for other
	// reasons.
	Duplicates   Count `json:"duplicates"`
	Automation   Count `json:"excluded_automatic"`
	OtherRemoved Count `json:"excluded_other"`

	// Records screened and records excluded at screening.
	Screened        Count `json:"records_screened"`
	RecordsExcluded Count `json:"records_excluded"`

	// Reports sought for retrieval, not retrieved, and assessed for
	// eligibility, from databases and registers.
	Sought       Count `json:"dbr_sought_reports"`
	NotRetrieved Count `json:"dbr_notretrieved_reports"`
	Assessed     Count `json:"dbr_assessed"`
	// Excluded lists the reasons for excluding assessed reports, each
	// with its n (the template's box has no overall n).
	Excluded []Reason `json:"dbr_excluded,omitempty"`

	// Other is the column of records identified via other methods; nil
	// when the review used none (the template without that column).
	Other *OtherMethods `json:"other,omitempty"`

	// Studies included in the review and reports of included studies.
	Studies Count `json:"new_studies"`
	Reports Count `json:"new_reports"`

	// Template keeps the texts of a PRISMA2020 template CSV that differ
	// from those WriteCSV writes (a translated box text, a tooltip, a
	// link), keyed by the row's data name (or its box for the header
	// rows, e.g. "newstud"), so that a file read from the R package is
	// written back with them. The diagram of package plot does not use
	// them.
	Template map[string]TemplateText `json:"template,omitempty"`
}

// TemplateText holds the texts of one row of the PRISMA2020 template CSV.
type TemplateText struct {
	Boxtext  string `json:"boxtext,omitempty"`
	Tooltips string `json:"tooltips,omitempty"`
	URL      string `json:"url,omitempty"`
}

// OtherMethods is the column of a flow for records identified via other
// methods: websites, organisations, citation searching, hand-searching of
// journals, contacting authors ... The template gives it no
// de-duplication or screening boxes: its records go straight to reports
// sought for retrieval.
type OtherMethods struct {
	// Sources are the methods with their records identified ("Websites",
	// "Organisations", "Citation searching" in the template).
	Sources      []Source `json:"sources"`
	Sought       Count    `json:"other_sought_reports"`
	NotRetrieved Count    `json:"other_notretrieved_reports"`
	Assessed     Count    `json:"other_assessed"`
	Excluded     []Reason `json:"other_excluded,omitempty"`
}
