package effect

import (
	"fmt"
	"math"
)

// ClusterSD says which standard deviation a cluster-randomized trial
// reports for its arms.
type ClusterSD int

// Kinds of SD.
const (
	// TotalSD is the ordinary SD of the participants' outcomes in the arm,
	// ignoring clusters (pooled over arms with N − 2 degrees of freedom).
	TotalSD ClusterSD = iota
	// WithinClusterSD is the pooled SD of outcomes around their cluster
	// means in the arm (pooled over arms with N − M degrees of freedom),
	// the residual SD of a random-intercept model.
	WithinClusterSD
)

// ClusterArm summarises one arm of a cluster-randomized trial: the mean
// over participants, the arm's SD (of the kind ClusterTrial.SD says) and the
// number of participants in each cluster.
type ClusterArm struct {
	Mean         float64
	SD           float64
	ClusterSizes []int
}

// EqualClusters returns the cluster sizes of an arm with m clusters of n
// participants each, for ClusterArm.ClusterSizes.
func EqualClusters(m, n int) []int {
	if m < 0 {
		m = 0
	}
	s := make([]int, m)
	for i := range s {
		s[i] = n
	}
	return s
}

// ClusterTrial is the summary of a two-arm cluster-randomized trial
// (intervention minus usual care) with the intraclass correlation of the
// outcome, for ClusterDT and ClusterDW.
type ClusterTrial struct {
	Treat, Control ClusterArm
	// ICC is the intraclass correlation ρ = σ²_B / (σ²_B + σ²_W), in
	// [0, 1): from the trial itself or, as is common, an external estimate.
	ICC float64
	// SD says whether Treat.SD and Control.SD are total or within-cluster
	// SDs; the zero value is TotalSD.
	SD ClusterSD
}

// clusterMoments holds the sums over clusters that the estimators need.
type clusterMoments struct {
	nE, nC, N, M float64 // participants per arm, total, clusters
	nTilde       float64 // size entering E[S_T²]: 2(ñ − 1) = Σ_a Σn²/N_a − 2
	nTildeU      float64 // size entering Var(Ȳ_E − Ȳ_C)
	q            float64 // Σ_a tr((AΣ)²)/σ⁴ without the (1−ρ)² (N−2) term, see clusterVarT
	s2E, s2C     float64
	s3E, s3C     float64
}

func (c ClusterTrial) validate() (clusterMoments, error) {
	var m clusterMoments
	if err := designCheckFinite("Treat.Mean", c.Treat.Mean); err != nil {
		return m, err
	}
	if err := designCheckFinite("Control.Mean", c.Control.Mean); err != nil {
		return m, err
	}
	if err := designCheckPositive("Treat.SD", c.Treat.SD); err != nil {
		return m, err
	}
	if err := designCheckPositive("Control.SD", c.Control.SD); err != nil {
		return m, err
	}
	if !(c.ICC >= 0 && c.ICC < 1) {
		return m, fieldErr("ICC", c.ICC, "must lie in [0, 1)")
	}
	if c.SD != TotalSD && c.SD != WithinClusterSD {
		return m, fieldErr("SD", c.SD, "unknown kind of SD")
	}
	sums := func(arm string, sizes []int) (n, s2, s3 float64, err error) {
		if len(sizes) == 0 {
			return 0, 0, 0, fieldErr(arm+".ClusterSizes", len(sizes), "no clusters")
		}
		for i, k := range sizes {
			if k < 1 {
				return 0, 0, 0, fieldErr(fmt.Sprintf("%s.ClusterSizes[%d]", arm, i), k, "must be at least 1")
			}
			f := float64(k)
			n += f
			s2 += f * f
			s3 += f * f * f
		}
		if n < 2 {
			return 0, 0, 0, fieldErr(arm+".ClusterSizes", sizes, "arm needs at least 2 participants")
		}
		return n, s2, s3, nil
	}
	var err error
	if m.nE, m.s2E, m.s3E, err = sums("Treat", c.Treat.ClusterSizes); err != nil {
		return m, err
	}
	if m.nC, m.s2C, m.s3C, err = sums("Control", c.Control.ClusterSizes); err != nil {
		return m, err
	}
	m.N = m.nE + m.nC
	m.M = float64(len(c.Treat.ClusterSizes) + len(c.Control.ClusterSizes))
	if c.SD == WithinClusterSD && m.N-m.M < 1 {
		return m, fieldErr("ClusterSizes", m.N-m.M, "a within-cluster SD needs a cluster with at least 2 participants")
	}
	m.nTilde = (m.s2E/m.nE + m.s2C/m.nC) / 2
	m.nTildeU = m.nC*m.s2E/(m.nE*m.N) + m.nE*m.s2C/(m.nC*m.N)
	arm := func(n, s2, s3 float64) (lin, quad float64) {
		return n - s2/n, s2 - 2*s3/n + s2*s2/(n*n)
	}
	linE, quadE := arm(m.nE, m.s2E, m.s3E)
	linC, quadC := arm(m.nC, m.s2C, m.s3C)
	rho := c.ICC
	m.q = 2*rho*(1-rho)*(linE+linC) + rho*rho*(quadE+quadC)
	return m, nil
}

// pooled returns the pooled SD of the arms: with N − 2 degrees of freedom
// for total SDs, N − M for within-cluster SDs.
func (c ClusterTrial) pooled(m clusterMoments) float64 {
	if c.SD == WithinClusterSD {
		kE := m.nE - float64(len(c.Treat.ClusterSizes))
		kC := m.nC - float64(len(c.Control.ClusterSizes))
		return designPooledSD(c.Treat.SD, kE, c.Control.SD, kC)
	}
	return designPooledSD(c.Treat.SD, m.nE-1, c.Control.SD, m.nC-1)
}

// ClusterDT returns Hedges' (2007) d_T for a cluster-randomized trial, the
// mean difference standardized by the total SD σ_T = √(σ²_B + σ²_W), which
// is comparable with the d of an individually randomized trial, with its
// sampling variance and a Wald (z) interval (Measure MeasureDCluster).
//
// From total SDs (Hedges 2007, eqs. 15 and 16 for equal cluster sizes n):
//
//	d_T = (Ȳ_E − Ȳ_C)/S_T · √(1 − 2(n − 1)ρ/(N − 2)),
//	V(d_T) = (N/(N_E N_C))(1 + (n − 1)ρ)
//	       + d_T² [(N − 2)(1 − ρ)² + n(N − 2n)ρ² + 2(N − 2n)ρ(1 − ρ)]
//	         / [2(N − 2)((N − 2) − 2(n − 1)ρ)].
//
// For unequal cluster sizes the same moment argument gives the same
// formulas with n replaced by ñ = (Σ_E n_i²/N_E + Σ_C n_i²/N_C)/2 in the
// bias factor and the denominator, by ñ_U = N_C Σ_E n_i²/(N_E N) +
// N_E Σ_C n_i²/(N_C N) in the first term (the exact variance of the mean
// difference), and with the bracket replaced by the exact
// Σ_arms tr((AΣ)²)/σ⁴ of the within-arm sums of squares:
// (N − 2)(1 − ρ)² + 2ρ(1 − ρ) Σ_a (N_a − Σn²/N_a)
// + ρ² Σ_a (Σn² − 2Σn³/N_a + (Σn²)²/N_a²). All three reduce to eq. 15–16
// when the sizes are equal. For unequal sizes this exact-moment form is
// not Hedges' (2007) own approximation (his §4 substitutes a single
// average cluster size); on realistic unequal sizes the bias factors
// differ by up to about 0.3%, and a simulation test (TestClusterSimulation)
// confirms the exact form's variance and coverage.
//
// From within-cluster SDs (S_W, N − M degrees of freedom):
//
//	d_T = (Ȳ_E − Ȳ_C)/S_W · √(1 − ρ),
//	V(d_T) = (N/(N_E N_C))(1 + (ñ_U − 1)ρ) + d_T²/(2(N − M)).
//
// The ICC is treated as known. Nothing is corrected for small-sample bias
// beyond the factor above (the WWC's further ω correction is not applied).
func ClusterDT(c ClusterTrial, o *Options) (Estimate, error) {
	if err := o.unused("ClusterDT", useCI); err != nil {
		return Estimate{}, err
	}
	level, m, err := clusterPrep(c, o)
	if err != nil {
		return Estimate{}, err
	}
	d, v := clusterDT(c, m)
	return designCheckResult(designWald(MeasureDCluster, d, v, level))
}

// ClusterDW returns Hedges' (2007) d_W, the mean difference standardized
// by the within-cluster SD σ_W, with its sampling variance and a Wald (z)
// interval (Measure MeasureDW). d_W is larger than d_T by 1/√(1 − ρ) and is
// not comparable with the d of individually randomized trials; prefer
// ClusterDT for meta-analysis.
//
// From within-cluster SDs:
//
//	d_W = (Ȳ_E − Ȳ_C)/S_W,
//	V(d_W) = (N/(N_E N_C)) (1 + (ñ_U − 1)ρ)/(1 − ρ) + d_W²/(2(N − M)),
//
// the first term being Var(Ȳ_E − Ȳ_C)/σ²_W and the second the variance
// contribution of S_W², a σ²_W χ²_{N−M}/(N − M) variable independent of
// the means (ñ_U as in ClusterDT; n for equal sizes). From total SDs,
// d_W = d_T/√(1 − ρ) and V(d_W) = V(d_T)/(1 − ρ).
func ClusterDW(c ClusterTrial, o *Options) (Estimate, error) {
	if err := o.unused("ClusterDW", useCI); err != nil {
		return Estimate{}, err
	}
	level, m, err := clusterPrep(c, o)
	if err != nil {
		return Estimate{}, err
	}
	rho := c.ICC
	var d, v float64
	if c.SD == WithinClusterSD {
		d = (c.Treat.Mean - c.Control.Mean) / c.pooled(m)
		v = m.N/(m.nE*m.nC)*(1+(m.nTildeU-1)*rho)/(1-rho) + d*d/(2*(m.N-m.M))
	} else {
		dT, vT := clusterDT(c, m)
		d, v = dT/math.Sqrt(1-rho), vT/(1-rho)
	}
	return designCheckResult(designWald(MeasureDW, d, v, level))
}

func clusterPrep(c ClusterTrial, o *Options) (float64, clusterMoments, error) {
	level, err := o.level()
	if err != nil {
		return 0, clusterMoments{}, err
	}
	if o != nil && o.CI != DefaultCI && o.CI != Wald {
		return 0, clusterMoments{}, fieldErr("Options.CI", o.CI, "cluster-trial effect sizes support only the Wald interval")
	}
	m, err := c.validate()
	if err != nil {
		return 0, m, err
	}
	return level, m, nil
}

// clusterDT computes d_T and V(d_T) (see ClusterDT).
func clusterDT(c ClusterTrial, m clusterMoments) (d, v float64) {
	rho := c.ICC
	diff := c.Treat.Mean - c.Control.Mean
	first := m.N / (m.nE * m.nC) * (1 + (m.nTildeU-1)*rho)
	if c.SD == WithinClusterSD {
		d = diff / c.pooled(m) * math.Sqrt(1-rho)
		return d, first + d*d/(2*(m.N-m.M))
	}
	// k = E[S_T²](N − 2)/σ²_T = (1 − ρ)(N − 2) + ρ Σ_a (N_a − Σn²/N_a) > 0.
	k := (m.N - 2) - 2*(m.nTilde-1)*rho
	d = diff / c.pooled(m) * math.Sqrt(k/(m.N-2))
	q := (m.N-2)*(1-rho)*(1-rho) + m.q
	return d, first + d*d*q/(2*(m.N-2)*k)
}

// DesignEffect returns the design effect of cluster sampling for a mean,
// 1 + (Σn_i²/Σn_i − 1)ρ, the factor by which clustering inflates the
// variance of an arm's mean over simple random sampling. For equal cluster
// sizes n it is the familiar 1 + (n − 1)ρ (Kish 1965; Donner & Klar 2000);
// for unequal sizes it equals Eldridge, Ashby & Kerry's (2006)
// 1 + ((CV² + 1)m̄ − 1)ρ with CV the coefficient of variation of the
// cluster sizes using the population SD (divisor k).
func DesignEffect(clusterSizes []int, icc float64) (float64, error) {
	if len(clusterSizes) == 0 {
		return 0, fieldErr("clusterSizes", 0, "no clusters")
	}
	if !(icc >= 0 && icc < 1) {
		return 0, fieldErr("icc", icc, "must lie in [0, 1)")
	}
	var n, s2 float64
	for i, k := range clusterSizes {
		if k < 1 {
			return 0, fieldErr(fmt.Sprintf("clusterSizes[%d]", i), k, "must be at least 1")
		}
		n += float64(k)
		s2 += float64(k) * float64(k)
	}
	return 1 + (s2/n-1)*icc, nil
}

// EffectiveSampleSize returns the number of independent participants
// carrying the same information as the clustered sample: Σn_i divided by
// DesignEffect(clusterSizes, icc).
func EffectiveSampleSize(clusterSizes []int, icc float64) (float64, error) {
	deff, err := DesignEffect(clusterSizes, icc)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, k := range clusterSizes {
		n += k
	}
	return float64(n) / deff, nil
}
