package check

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// ResultColumns returns the headings of the columns WriteCSV appends to
// the input's columns, in order.
func ResultColumns() []string { return slices.Clone(resultColumns) }

var resultColumns = []string{
	"effect_verdict", "effect_matches", "effect_closest", "effect_gap", "effect_gross",
	"effect_named", "effect_named_gap", "effect_diff",
	"ci_wald_verdict", "ci_wald_matches", "ci_wald_closest", "ci_wald_gap",
	"ci_wald_named", "ci_wald_named_gap", "ci_wald_diff",
	"ci_exact_verdict", "ci_exact_matches", "ci_exact_closest", "ci_exact_gap",
	"ci_exact_named", "ci_exact_named_gap", "ci_exact_diff",
	"grim1", "grim2", "grimmer1", "grimmer2",
	"p_verdict", "p_computed", "p_decision_error",
	"notes", "error",
}

// numFormat writes the numbers of the output cells, with the decimal
// mark of the input.
type numFormat struct{ comma bool }

func (nf numFormat) f(x float64, prec int) string {
	s := strconv.FormatFloat(x, 'g', prec, 64)
	if nf.comma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func findingCells(f Finding, nf numFormat) []string {
	var matches []string
	for _, m := range f.Matches {
		matches = append(matches, m.String())
	}
	closest, gap := "", ""
	if f.Verdict == Inconsistent {
		closest, gap = f.Closest.String(), nf.f(f.Gap, 3)
		if f.Separately {
			gap = "each end alone, not both"
		}
	}
	v := f.Verdict.String()
	if f.Verdict == NotCheckable && f.Reason != "" {
		v += ": " + f.Reason
	}
	return []string{v, strings.Join(matches, "; "), closest, gap}
}

// namedCells are the labelled convention, its gap and the plain
// difference.
func namedCells(f Finding, nf numFormat) []string {
	named, ngap, diff := "", "", ""
	if f.HaveNamed {
		named, ngap = f.Named.String(), nf.f(f.NamedGap, 3)
	}
	if f.Verdict != NotCheckable && !math.IsNaN(f.Diff) {
		diff = nf.f(f.Diff, 3)
	}
	return []string{named, ngap, diff}
}

func grimCell(checked bool, g GRIMResult) string {
	if !checked {
		return ""
	}
	switch g.Verdict {
	case Consistent:
		switch {
		case g.Exact:
			return "consistent (exact)"
		case g.Reason != "":
			return "consistent (" + g.Reason + ")"
		case !g.Testable:
			return "consistent (not testable: n·items ≥ 10^decimals)"
		}
		return "consistent"
	case Inconsistent:
		if g.Exact {
			return "inconsistent (" + g.Reason + "; exact)"
		}
		return "inconsistent (" + g.Reason + ")"
	}
	if g.Reason != "" {
		return "not checkable: " + g.Reason
	}
	return "not checkable"
}

func pCells(r RowResult, nf numFormat) []string {
	if !r.HaveP {
		return []string{"", "", ""}
	}
	p := r.P
	v := p.Verdict.String()
	if p.Verdict == NotCheckable {
		v += ": " + p.Reason
		return []string{v, "", ""}
	}
	if p.OneSided {
		v += " (one-sided)"
	}
	de := ""
	if p.Verdict == Inconsistent {
		de = strconv.FormatBool(p.DecisionError)
	}
	return []string{v, nf.f(p.P, 6), de}
}

func resultCells(r RowResult, nf numFormat) []string {
	cells := make([]string, 0, len(resultColumns))
	ef := r.SMD.Effect
	e := findingCells(ef, nf)
	gross := ""
	if ef.Verdict == Inconsistent {
		gross = strconv.FormatBool(ef.Gross)
	}
	cells = append(cells, e[0], e[1], e[2], e[3], gross)
	cells = append(cells, namedCells(ef, nf)...)
	cells = append(cells, findingCells(r.SMD.Wald, nf)...)
	cells = append(cells, namedCells(r.SMD.Wald, nf)...)
	cells = append(cells, findingCells(r.SMD.Exact, nf)...)
	cells = append(cells, namedCells(r.SMD.Exact, nf)...)
	cells = append(cells, grimCell(r.grimCheck, r.GRIM[0]), grimCell(r.grimCheck, r.GRIM[1]),
		grimCell(r.grimCheck, r.GRIMMER[0]), grimCell(r.grimCheck, r.GRIMMER[1]))
	cells = append(cells, pCells(r, nf)...)
	cells = append(cells, strings.Join(r.Notes, "; "))
	errText := ""
	if r.Err != nil {
		errText = strings.ReplaceAll(r.Err.Error(), "\n", "; ")
	}
	return append(cells, errText)
}

// WriteCSV writes the input columns of every row followed by the columns
// ResultColumns names, one output row per result, in order. It writes with
// the table's delimiter (Table.Comma), and writes its own numbers with a
// decimal comma when the table's numbers have one.
func WriteCSV(w io.Writer, t *Table, results []RowResult) error {
	header := t.Header
	cw := csv.NewWriter(w)
	if t.Comma != 0 {
		cw.Comma = t.Comma
	}
	h := append(append([]string{}, header...), resultColumns...)
	if err := cw.Write(h); err != nil {
		return err
	}
	for _, r := range results {
		rec := make([]string, len(header), len(header)+len(resultColumns))
		copy(rec, r.Row.Record) // short records are padded, long ones cut to the header
		if err := cw.Write(append(rec, resultCells(r, numFormat{t.DecimalComma})...)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteMarkdown writes a table a reviewer can paste: the line of the row
// in the input file, the first input column (usually a study label), and
// one column per check. Numbers are written with the table's decimal mark.
func WriteMarkdown(w io.Writer, t *Table, results []RowResult) error {
	header := t.Header
	nf := numFormat{t.DecimalComma}
	label := "row"
	if len(header) > 0 {
		label = mdEscape(header[0])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "| Line | %s | Effect size | CI (Wald) | CI (exact) | GRIM / GRIMMER | p value | Notes |\n", label)
	b.WriteString("|---|---|---|---|---|---|---|---|\n")
	for _, r := range results {
		first := ""
		if len(r.Row.Record) > 0 {
			first = r.Row.Record[0]
		}
		var grim []string
		if r.grimCheck {
			for k := range 2 {
				grim = append(grim, fmt.Sprintf("arm %d: %s / %s", k+1, short(grimCell(true, r.GRIM[k])), short(grimCell(true, r.GRIMMER[k]))))
			}
		}
		pc := pCells(r, nf)
		p := pc[0]
		if pc[1] != "" {
			p += " (computed p = " + pc[1] + ")"
		}
		if pc[2] == "true" {
			p += ", decision error"
		}
		notes := strings.Join(r.Notes, "; ")
		if r.Err != nil {
			notes = strings.TrimPrefix(strings.Join([]string{notes, "error: " + strings.ReplaceAll(r.Err.Error(), "\n", "; ")}, "; "), "; ")
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s | %s | %s |\n", r.Row.Line, mdEscape(first),
			mdEscape(effectCell(r.SMD.Effect, nf)), mdEscape(r.SMD.Wald.String()), mdEscape(r.SMD.Exact.String()),
			mdEscape(strings.Join(grim, "; ")), mdEscape(p), mdEscape(notes))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func short(s string) string {
	return strings.TrimSuffix(s, " (not testable: n·items ≥ 10^decimals)")
}

func mdEscape(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.ReplaceAll(s, "|", `\|`)
}

// effectCell is the Markdown cell of an effect-size finding: the verdict,
// the gap against the labelled convention when that one does not
// reproduce the value, and for an inconsistent value the plain difference.
func effectCell(f Finding, nf numFormat) string {
	s := f.String()
	if f.Verdict == NotCheckable {
		return s
	}
	if f.HaveNamed && f.NamedGap > 0 {
		s += "; as labelled, " + f.Named.String() + ": gap " + nf.f(f.NamedGap, 3)
	}
	if f.Verdict == Inconsistent && !math.IsNaN(f.Diff) {
		s += "; |recomputed − reported| " + nf.f(f.Diff, 3)
	}
	return s
}
