package meta

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// SubgroupResult is the pooled analysis of one subgroup.
type SubgroupResult struct {
	Subgroup string
	// Index lists the positions (in the input) of the subgroup's studies.
	Index []int
	// Result pools the subgroup's studies with the requested method. A
	// subgroup with a single study is pooled as a fixed effect with z
	// inference (its own estimate, tau² = 0), as metafor does for k = 1;
	// Result.Method then says FixedEffect.
	Result Result
}

// SubgroupAnalysis compares subgroups of studies.
type SubgroupAnalysis struct {
	// Subgroups are in order of first appearance in the input.
	Subgroups []SubgroupResult
	// Overall pools all studies, ignoring the subgroups.
	Overall Result
	// QBetween tests equality of the subgroup estimates, each pooled with
	// its own tau² ("separate tau²", as RevMan and R's meta package):
	// QBetween = sum_g (mu_g - mu_w)² / Var(mu_g), with mu_w their
	// inverse-variance weighted mean, on QBetweenDF = G-1 degrees of
	// freedom. It equals metafor's QE of rma(mu_g, Var(mu_g), method="FE").
	QBetween   float64
	QBetweenDF int
	QBetweenP  float64
	// QWithin is the sum of the subgroups' Q statistics, on k-G degrees of
	// freedom: the residual heterogeneity under a fixed-effects model.
	QWithin   float64
	QWithinDF int
	QWithinP  float64
	// QM tests the subgroup moderator in a mixed-effects meta-regression with
	// a common tau² (metafor rma(yi, vi, mods = ~ factor(subgroup)), with the
	// subgroup of the first study as reference). QMDF is G-1. Under
	// Knapp-Hartung QM is metafor's F statistic (QM/(G-1) scaled by s²) and
	// QMDF2 = k-G its denominator degrees of freedom; otherwise QMDF2 is 0
	// and QM is chi-square. Tau2Common is that model's residual tau².
	QM, QMP    float64
	QMDF       int
	QMDF2      int
	Tau2Common float64
}

// Subgroups pools the studies within each Subgroup label, tests for
// differences between subgroups and pools all studies together.
//
// Every study needs a non-empty Subgroup and there must be at least two
// subgroups; otherwise the error wraps ErrSubgroup and names the study.
func Subgroups(studies []Study, o *Options) (SubgroupAnalysis, error) {
	s, err := o.settings()
	if err != nil {
		return SubgroupAnalysis{}, err
	}
	if err := s.fixedUnused(false); err != nil {
		return SubgroupAnalysis{}, err
	}
	c, err := validate(studies)
	if err != nil {
		return SubgroupAnalysis{}, err
	}
	var order []string
	index := map[string][]int{}
	for i, st := range studies {
		if st.Subgroup == "" {
			return SubgroupAnalysis{}, studyErr(i, st, "Subgroup", st.Subgroup, "is empty", ErrSubgroup)
		}
		if _, ok := index[st.Subgroup]; !ok {
			order = append(order, st.Subgroup)
		}
		index[st.Subgroup] = append(index[st.Subgroup], i)
	}
	if len(order) < 2 {
		return SubgroupAnalysis{}, fmt.Errorf("%w: need at least two subgroups, got %d", ErrSubgroup, len(order))
	}
	var a SubgroupAnalysis
	a.Overall, err = pool(studies, c, s)
	if err != nil {
		return SubgroupAnalysis{}, err
	}
	mus := make([]float64, len(order))
	vars := make([]float64, len(order))
	for g, name := range order {
		idx := index[name]
		sub := make([]Study, len(idx))
		for j, i := range idx {
			sub[j] = studies[i]
		}
		sg := s
		if len(idx) == 1 {
			sg.method, sg.kh, sg.adhoc = FixedEffect, false, false
		}
		r, err := pool(sub, c, sg)
		if err != nil {
			return SubgroupAnalysis{}, fmt.Errorf("meta: subgroup %q: %w", name, err)
		}
		a.Subgroups = append(a.Subgroups, SubgroupResult{Subgroup: name, Index: idx, Result: r})
		mus[g], vars[g] = r.Estimate.Value, r.Estimate.Variance
		if len(idx) > 1 {
			a.QWithin += r.Q
			a.QWithinDF += len(idx) - 1
		}
	}
	bm := newModel(mus, vars, nil)
	a.QBetween = math.Max(0, bm.fit(0).rss)
	a.QBetweenDF = len(order) - 1
	a.QBetweenP = chiSqSurvival(a.QBetween, float64(a.QBetweenDF))
	a.QWithinP = chiSqSurvival(a.QWithin, float64(a.QWithinDF))
	if a.QWithinDF == 0 {
		a.QWithinP = math.NaN()
	}
	if err := a.mixed(studies, order, s); err != nil {
		return SubgroupAnalysis{}, err
	}
	return a, nil
}

// mixed fits the meta-regression on subgroup dummies with a common tau².
func (a *SubgroupAnalysis) mixed(studies []Study, order []string, s settings) error {
	k, G := len(studies), len(order)
	a.QM, a.QMP, a.QMDF, a.Tau2Common = math.NaN(), math.NaN(), G-1, math.NaN()
	need := G + 1
	if s.method == FixedEffect {
		need = G
	}
	if k < need || (s.kh && k <= G) {
		return nil // not estimable; the separate-tau² test above still applies
	}
	y := make([]float64, k)
	v := make([]float64, k)
	x := make([][]float64, G)
	for g := 1; g < G; g++ {
		x[g] = make([]float64, k)
	}
	pos := map[string]int{}
	for g, name := range order {
		pos[name] = g
	}
	for i, st := range studies {
		y[i], v[i] = st.Value, st.Variance
		if g := pos[st.Subgroup]; g > 0 {
			x[g][i] = 1
		}
	}
	m := newModel(y, v, x)
	if !m.fullRank() {
		return nil
	}
	est, err := m.estimateTau2(s.method, s)
	if err != nil {
		return err
	}
	f := m.fit(est.tau2)
	if f.singul {
		return nil
	}
	a.Tau2Common = est.tau2
	// Wald test of the G-1 dummy coefficients.
	q := G - 1
	sub := make([]float64, q*q)
	for i := 0; i < q; i++ {
		for j := 0; j < q; j++ {
			sub[i*q+j] = f.a[(i+1)*G+(j+1)]
		}
	}
	inv, ok := invSPD(sub, q)
	if !ok {
		return nil
	}
	qm := quad(inv, f.beta[1:], q)
	if s.kh {
		s2w := f.rss / float64(k-G)
		if s.adhoc && s2w < 1 {
			s2w = 1
		}
		a.QM = qm / float64(q) / s2w
		a.QMDF2 = k - G
		a.QMP = distuv.F{D1: float64(q), D2: float64(k - G)}.Survival(a.QM)
		return nil
	}
	a.QM = qm
	a.QMP = chiSqSurvival(qm, float64(q))
	return nil
}
