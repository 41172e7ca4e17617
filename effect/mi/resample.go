package mi

import "math/rand/v2"

// bootstrapSamples draws B bootstrap samples of the analysed subjects,
// stratified by arm (each arm keeps its size), as rbmi does. Sample r uses
// its own PCG stream seeded by (seed, r), so the samples do not depend on
// how many run at once.
func (tr *trial) bootstrapSamples(B int, seed uint64) [][]int {
	var byArm [2][]int
	for i, s := range tr.subjects {
		byArm[s.arm] = append(byArm[s.arm], i)
	}
	out := make([][]int, B)
	for r := range out {
		rng := rand.New(rand.NewPCG(seed, uint64(r)))
		s := make([]int, 0, len(tr.subjects))
		for _, idx := range byArm {
			for range idx {
				s = append(s, idx[rng.IntN(len(idx))])
			}
		}
		out[r] = s
	}
	return out
}
