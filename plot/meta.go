package plot

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/effect/meta"
)

// ForestFromMeta builds the data of a forest plot from one or more
// pooled analyses of the same studies (for example a fixed-effect and a
// random-effects fit): the study rows and weights come from the last
// result, one diamond from each result in order, the prediction interval
// from each random-effects result, and a note with the heterogeneity
// statistics of the last result. Studies imputed by trim-and-fill are
// left out (show them in a funnel plot).
//
// Each study row shows the interval the study's own Estimate carries
// (meta.StudyResult.CI, exact when the estimate has an exact interval),
// and the figure's note names its method. The orientation of the results
// (Estimate.Oriented: positive favours the intervention) is carried into
// ForestData.Oriented; results that differ in orientation are an error.
func ForestFromMeta(results ...meta.Result) (ForestData, error) {
	const fig = "forest"
	if len(results) == 0 {
		return ForestData{}, inputErr(fig, "results", nil, "no meta-analysis results")
	}
	last := results[len(results)-1]
	for i, r := range results {
		if len(r.Studies) != len(last.Studies) {
			return ForestData{}, inputErr(fig, fmt.Sprintf("results[%d].Studies", i), len(r.Studies), fmt.Sprintf("differs from the %d studies of the last result", len(last.Studies)))
		}
		if r.Estimate.Oriented != last.Estimate.Oriented {
			return ForestData{}, inputErr(fig, fmt.Sprintf("results[%d].Estimate.Oriented", i), r.Estimate.Oriented,
				fmt.Sprintf("differs from the last result (%v): oriented and unoriented estimates favour the intervention on different sides", last.Estimate.Oriented))
		}
		for k := range r.Studies {
			if r.Studies[k].Label != last.Studies[k].Label {
				return ForestData{}, inputErr(fig, fmt.Sprintf("results[%d].Studies[%d].Label", i, k), r.Studies[k].Label, fmt.Sprintf("differs from %q in the last result", last.Studies[k].Label))
			}
		}
	}
	d := ForestData{Measure: last.Estimate.Measure, Oriented: last.Estimate.Oriented}
	for _, s := range last.Studies {
		if s.Filled {
			continue
		}
		d.Studies = append(d.Studies, ForestStudy{Label: s.Label, Estimate: s.Value, CI: s.CI, CIMethod: s.CIMethod, Weight: s.Weight})
	}
	for _, r := range results {
		pl := ForestPooled{Label: pooledLabel(r), Estimate: r.Estimate.Value, CI: r.Estimate.CI}
		if r.Method != meta.FixedEffect {
			pl.Prediction = r.Prediction
		}
		d.Pooled = append(d.Pooled, pl)
	}
	d.Notes = append(d.Notes, heterogeneityNote(last))
	return d, nil
}

// ForestFromSubgroups builds the data of a subgroup forest plot from the
// result of meta.Subgroups in one call: a heading per subgroup (in the
// analysis' order), its studies with their own intervals and their share
// of the overall weight, a diamond per subgroup with its heterogeneity
// line, the overall diamond and prediction interval, and a note with the
// overall heterogeneity and the test for subgroup differences
// (Q_between, df, p).
func ForestFromSubgroups(a meta.SubgroupAnalysis) (ForestData, error) {
	const fig = "forest"
	if len(a.Subgroups) == 0 {
		return ForestData{}, inputErr(fig, "Subgroups", nil, "no subgroups (use meta.Subgroups)")
	}
	all := a.Overall
	d := ForestData{Measure: all.Estimate.Measure, Oriented: all.Estimate.Oriented}
	for g, sg := range a.Subgroups {
		r := sg.Result
		if r.Estimate.Oriented != all.Estimate.Oriented {
			return ForestData{}, inputErr(fig, fmt.Sprintf("Subgroups[%d %q].Result.Estimate.Oriented", g, sg.Subgroup), r.Estimate.Oriented, "differs from the overall result")
		}
		for _, k := range sg.Index {
			if k < 0 || k >= len(all.Studies) {
				return ForestData{}, inputErr(fig, fmt.Sprintf("Subgroups[%d %q].Index", g, sg.Subgroup), k, fmt.Sprintf("outside the %d studies of the overall result", len(all.Studies)))
			}
			s := all.Studies[k]
			d.Studies = append(d.Studies, ForestStudy{Label: s.Label, Estimate: s.Value, CI: s.CI, CIMethod: s.CIMethod, Weight: s.Weight, Subgroup: sg.Subgroup})
		}
		lbl := "Subtotal"
		if r.Method != meta.FixedEffect {
			lbl += " (" + r.Method.String() + ")"
		}
		d.Subgroups = append(d.Subgroups, ForestSubgroup{
			Name:          sg.Subgroup,
			Pooled:        ForestPooled{Label: lbl, Estimate: r.Estimate.Value, CI: r.Estimate.CI},
			Heterogeneity: heterogeneityNote(r),
		})
	}
	lbl := "Overall (fixed effect)"
	if all.Method != meta.FixedEffect {
		lbl = "Overall (" + strings.TrimSuffix(strings.TrimPrefix(pooledLabel(all), "Random effects ("), ")") + ")"
	}
	pl := ForestPooled{Label: lbl, Estimate: all.Estimate.Value, CI: all.Estimate.CI}
	if all.Method != meta.FixedEffect {
		pl.Prediction = all.Prediction
	}
	d.Pooled = []ForestPooled{pl}
	d.Notes = append(d.Notes, "Overall h"+heterogeneityNote(all)[1:],
		fmt.Sprintf("Test for subgroup differences: Q_between = %.2f (df = %d, p %s)", a.QBetween, a.QBetweenDF, pValue(a.QBetweenP)))
	return d, nil
}

func pooledLabel(r meta.Result) string {
	if r.Method == meta.FixedEffect {
		return "Fixed effect"
	}
	s := "Random effects (" + r.Method.String()
	if r.Estimate.CIMethod == effect.WaldT {
		s += ", Hartung–Knapp"
	}
	return s + ")"
}

func heterogeneityNote(r meta.Result) string {
	s := "Heterogeneity: "
	if r.Method != meta.FixedEffect && finite(r.Tau2) {
		s += "τ² = " + strconv.FormatFloat(r.Tau2, 'f', 3, 64) + ", "
	}
	s += fmt.Sprintf("I² = %.0f%%, Q = %.2f (df = %d, p %s)", r.I2, r.Q, r.QDF, pValue(r.QP))
	return s
}

// pValue formats p as "= 0.26" or "< 0.001".
func pValue(p float64) string {
	switch {
	case math.IsNaN(p):
		return "= NA"
	case p < 0.001:
		return "< 0.001"
	case p < 0.01:
		return "= " + strconv.FormatFloat(p, 'f', 3, 64)
	}
	return "= " + strconv.FormatFloat(p, 'f', 2, 64)
}

// FunnelFromMeta builds the data of a funnel plot from a pooled analysis,
// centred on its pooled estimate.
func FunnelFromMeta(r meta.Result) FunnelData {
	d := FunnelData{Measure: r.Estimate.Measure}
	for _, s := range r.Studies {
		d.Studies = append(d.Studies, FunnelStudy{Label: s.Label, Estimate: s.Value, SE: math.Sqrt(s.Variance), Filled: s.Filled})
	}
	c := r.Estimate.Value
	d.Center = &c
	d.CenterLabel = "fixed-effect estimate"
	if r.Method != meta.FixedEffect {
		d.CenterLabel = "random effects (" + r.Method.String() + ")"
	}
	return d
}

// FunnelFromTrimFill builds the data of a funnel plot from a trim-and-fill
// analysis: the observed studies, the imputed ones as open circles, and
// the funnel centred on the estimate pooled over both, as metafor's
// funnel() of a trimfill() result.
func FunnelFromTrimFill(tf meta.TrimFillResult) FunnelData {
	return FunnelFromMeta(tf.Result)
}
