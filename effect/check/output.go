package check

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ResultColumns are the columns WriteCSV appends to the input's columns.
var ResultColumns = []string{
	"effect_verdict", "effect_matches", "effect_closest", "effect_gap", "effect_gross",
	"ci_wald_verdict", "ci_wald_matches", "ci_wald_closest", "ci_wald_gap",
	"ci_exact_verdict", "ci_exact_matches", "ci_exact_closest", "ci_exact_gap",
	"grim1", "grim2", "grimmer1", "grimmer2",
	"p_verdict", "p_computed", "p_decision_error",
	"notes", "error",
}

func findingCells(f Finding) []string {
	var matches []string
	for _, m := range f.Matches {
		matches = append(matches, m.String())
	}
	closest, gap := "", ""
	if f.Verdict == Inconsistent {
		closest, gap = f.Closest.String(), strconv.FormatFloat(f.Gap, 'f', 4, 64)
	}
	v := f.Verdict.String()
	if f.Verdict == NotCheckable && f.Reason != "" {
		v += ": " + f.Reason
	}
	return []string{v, strings.Join(matches, "; "), closest, gap}
}

func grimCell(checked bool, g GRIMResult) string {
	if !checked {
		return ""
	}
	switch g.Verdict {
	case Consistent:
		if !g.Testable {
			return "consistent (not testable: n·items ≥ 10^decimals)"
		}
		return "consistent"
	case Inconsistent:
		return "inconsistent (" + g.Reason + ")"
	}
	if g.Reason != "" {
		return "not checkable: " + g.Reason
	}
	return "not checkable"
}

func pCells(r RowResult) []string {
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
	return []string{v, strconv.FormatFloat(p.P, 'g', 6, 64), de}
}

func resultCells(r RowResult) []string {
	cells := make([]string, 0, len(ResultColumns))
	e := findingCells(r.SMD.Effect)
	gross := ""
	if r.SMD.Effect.Verdict == Inconsistent {
		gross = strconv.FormatBool(r.SMD.Effect.Gross)
	}
	cells = append(cells, e[0], e[1], e[2], e[3], gross)
	cells = append(cells, findingCells(r.SMD.Wald)...)
	cells = append(cells, findingCells(r.SMD.Exact)...)
	cells = append(cells, grimCell(r.grimCheck, r.GRIM[0]), grimCell(r.grimCheck, r.GRIM[1]),
		grimCell(r.grimCheck, r.GRIMMER[0]), grimCell(r.grimCheck, r.GRIMMER[1]))
	cells = append(cells, pCells(r)...)
	cells = append(cells, strings.Join(r.Notes, "; "))
	errText := ""
	if r.Err != nil {
		errText = strings.ReplaceAll(r.Err.Error(), "\n", "; ")
	}
	return append(cells, errText)
}

// WriteCSV writes the input columns of every row followed by
// ResultColumns, one output row per result, in order.
func WriteCSV(w io.Writer, header []string, results []RowResult) error {
	cw := csv.NewWriter(w)
	h := append(append([]string{}, header...), ResultColumns...)
	if err := cw.Write(h); err != nil {
		return err
	}
	for _, r := range results {
		rec := make([]string, len(header), len(header)+len(ResultColumns))
		copy(rec, r.Row.Record) // short records are padded, long ones cut to the header
		if err := cw.Write(append(rec, resultCells(r)...)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteMarkdown writes a table a reviewer can paste: the row number, the
// first input column (usually a study label), and one column per check.
func WriteMarkdown(w io.Writer, header []string, results []RowResult) error {
	label := "row"
	if len(header) > 0 {
		label = mdEscape(header[0])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "| # | %s | Effect size | CI (Wald) | CI (exact) | GRIM / GRIMMER | p value | Notes |\n", label)
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
		pc := pCells(r)
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
			mdEscape(r.SMD.Effect.Summary()), mdEscape(r.SMD.Wald.Summary()), mdEscape(r.SMD.Exact.Summary()),
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
