package mmrm

import "gonum.org/v1/gonum/mat"

// block is one analysed subject at the fitted parameters: what the
// small-sample (Kenward–Roger) and empirical (sandwich) covariance
// estimators need. V, Vinv, dV and d2V are shared between subjects with the
// same observed visits and covariance group: read them, never modify them.
type block struct {
	subject string // subject ID as given
	cluster int    // 0-based cluster index (the subject's index without a cluster column)
	group   int    // covariance group (arm level index with separate covariances, else 0)
	visits  []int  // 0-based indices of the observed post-baseline visits, increasing

	X     *mat.Dense // n_i × p rows of the design matrix
	y     []float64  // n_i outcomes
	resid []float64  // n_i residuals y − Xβ̂

	V    *mat.SymDense // n_i × n_i covariance Σ_i(θ̂)
	Vinv *mat.SymDense // its inverse

	// dV[k] is ∂V_i/∂θ_k at θ̂ (a zero matrix, never nil, when θ_k
	// belongs to another group). d2V[k][l] is ∂²V_i/∂θ_k∂θ_l; d2V is nil
	// when Σ is linear in θ (US, CS, TOEP) and an entry may be nil for zero.
	dV  []*mat.SymDense
	d2V [][]*mat.SymDense
}
