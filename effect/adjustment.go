package effect

import "sort"

// adjustmentColumns builds the design columns of the covariates and of the
// factors' dummy variables over the analysed rows (indices into the
// columns), as ANCOVA and LogisticOR enter them: each covariate linearly,
// each factor by one dummy per level but the first in sorted order (R's
// factor() reference). names are the coefficient names ("age",
// "site=B"), fields the input fields they come from, for error messages.
func adjustmentColumns(rows []int, covariates []Covariate, factors []Factor) (names, fields []string, cols [][]float64) {
	n := len(rows)
	for _, c := range covariates {
		col := make([]float64, n)
		for k, i := range rows {
			col[k] = c.Values[i]
		}
		names = append(names, c.Name)
		fields = append(fields, "Covariates["+c.Name+"]")
		cols = append(cols, col)
	}
	for _, f := range factors {
		seen := map[string]bool{}
		for _, i := range rows {
			seen[f.Levels[i]] = true
		}
		levels := make([]string, 0, len(seen))
		for l := range seen {
			levels = append(levels, l)
		}
		sort.Strings(levels)
		for _, l := range levels[1:] {
			col := make([]float64, n)
			for k, i := range rows {
				if f.Levels[i] == l {
					col[k] = 1
				}
			}
			names = append(names, f.Name+"="+l)
			fields = append(fields, "Factors["+f.Name+"]="+l)
			cols = append(cols, col)
		}
	}
	return names, fields, cols
}
