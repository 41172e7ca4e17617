package effect

import (
	"fmt"
	"math"
)

// ICCEstimate is the one-way analysis-of-variance estimate of the
// intraclass correlation of an outcome within clusters.
type ICCEstimate struct {
	// ICC is (MSB − MSW) / (MSB + (n0 − 1)·MSW). It is negative when the
	// between-cluster mean square is below the within-cluster one; callers
	// that need a design effect usually truncate it at zero.
	ICC float64
	// MSB and MSW are the between- and within-cluster mean squares on
	// Clusters − 1 and N − Clusters degrees of freedom.
	MSB, MSW float64
	// N0 is the adjusted mean cluster size (N − Σ n_j²/N)/(Clusters − 1),
	// which equals the common size when clusters are equal.
	N0 float64
	// N is the number of observations and Clusters the number of clusters.
	N, Clusters int
}

// ClusterICC estimates the intraclass correlation of values grouped by
// cluster labels, by the one-way ANOVA (moment) estimator for unequal
// cluster sizes (Donner 1986, eq. 3.1; Snedecor & Cochran 1989 §13.8):
//
//	ICC = (MSB − MSW) / (MSB + (n0 − 1)·MSW),  n0 = (N − Σ n_j²/N) / (k − 1).
//
// values and clusters must have the same length; every value must be
// finite (drop missing outcomes first). At least two clusters and more
// observations than clusters are needed.
func ClusterICC(values []float64, clusters []string) (ICCEstimate, error) {
	if len(values) != len(clusters) {
		return ICCEstimate{}, fieldErr("clusters", len(clusters), fmt.Sprintf("length differs from values (%d)", len(values)))
	}
	index := map[string]int{}
	var sum, count []float64
	for i, x := range values {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return ICCEstimate{}, fieldErr(fmt.Sprintf("values[%d]", i), x, "must be finite")
		}
		j, ok := index[clusters[i]]
		if !ok {
			j = len(sum)
			index[clusters[i]] = j
			sum = append(sum, 0)
			count = append(count, 0)
		}
		sum[j] += x
		count[j]++
	}
	k, n := len(sum), len(values)
	if k < 2 {
		return ICCEstimate{}, fieldErr("clusters", k, "need at least 2 clusters")
	}
	if n <= k {
		return ICCEstimate{}, fieldErr("values", n, "need more observations than clusters")
	}
	var grand float64
	for _, s := range sum {
		grand += s
	}
	grand /= float64(n)
	var ssb, ssw, sumSq float64
	for j := range sum {
		m := sum[j] / count[j]
		ssb += count[j] * (m - grand) * (m - grand)
		sumSq += count[j] * count[j]
	}
	for i, x := range values {
		j := index[clusters[i]]
		d := x - sum[j]/count[j]
		ssw += d * d
	}
	msb := ssb / float64(k-1)
	msw := ssw / float64(n-k)
	n0 := (float64(n) - sumSq/float64(n)) / float64(k-1)
	den := msb + (n0-1)*msw
	if !(den > 0) {
		return ICCEstimate{}, fieldErr("values", n, "no variation within or between clusters")
	}
	return ICCEstimate{ICC: (msb - msw) / den, MSB: msb, MSW: msw, N0: n0, N: n, Clusters: k}, nil
}
