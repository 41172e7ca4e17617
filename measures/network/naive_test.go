package network

import (
	"math/rand/v2"
	"testing"
)

// naiveBurt computes Burt's effective size and constraint for ego from the
// general definitions on the ego-inclusive adjacency matrix (node 0 = ego):
// p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki), m_jq = (a_jq + a_qj) / max_k
// (a_jk + a_kj), effective size Σ_j (1 − Σ_{q≠e,j} p_eq m_jq) and
// constraint Σ_j (p_ej + Σ_{q≠e,j} p_eq p_qj)².
func naiveBurt(n int, ties [][2]int) (eff, con float64) {
	N := n + 1
	a := make([][]float64, N)
	for i := range a {
		a[i] = make([]float64, N)
	}
	for j := 1; j < N; j++ {
		a[0][j], a[j][0] = 1, 1
	}
	for _, t := range ties {
		a[t[0]+1][t[1]+1], a[t[1]+1][t[0]+1] = 1, 1
	}
	p := func(i, j int) float64 {
		s := 0.0
		for k := 0; k < N; k++ {
			s += a[i][k] + a[k][i]
		}
		return (a[i][j] + a[j][i]) / s
	}
	m := func(j, q int) float64 {
		mx := 0.0
		for k := 0; k < N; k++ {
			if v := a[j][k] + a[k][j]; v > mx {
				mx = v
			}
		}
		return (a[j][q] + a[q][j]) / mx
	}
	for j := 1; j < N; j++ {
		red, ind := 0.0, 0.0
		for q := 1; q < N; q++ {
			if q == j {
				continue
			}
			red += p(0, q) * m(j, q)
			ind += p(0, q) * p(q, j)
		}
		eff += 1 - red
		x := p(0, j) + ind
		con += x * x
	}
	return eff, con
}

// TestStructureAgainstDefinitions compares the bitset implementation with
// the general formulas on random networks of 1 to 70 alters (crossing the
// 64-bit word boundary) and random densities.
func TestStructureAgainstDefinitions(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 300; trial++ {
		n := 1 + rng.IntN(70)
		dens := rng.Float64()
		var ties [][2]int
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				if rng.Float64() < dens {
					ties = append(ties, [2]int{i, j})
				}
			}
		}
		s, err := Structural(egoN(n, ties...))
		if err != nil {
			t.Fatal(err)
		}
		eff, con := naiveBurt(n, ties)
		approx(t, "effective size", s.EffectiveSize, eff)
		approx(t, "constraint", s.Constraint, con)
		// Components by union-find.
		parent := make([]int, n)
		for i := range parent {
			parent[i] = i
		}
		var find func(int) int
		find = func(i int) int {
			if parent[i] != i {
				parent[i] = find(parent[i])
			}
			return parent[i]
		}
		for _, e := range ties {
			parent[find(e[0])] = find(e[1])
		}
		comps, size, largest := 0, map[int]int{}, 0
		for i := 0; i < n; i++ {
			if find(i) == i {
				comps++
			}
			size[find(i)]++
		}
		for _, v := range size {
			largest = max(largest, v)
		}
		if s.Components != comps || s.LargestComponent != largest {
			t.Errorf("n %d: components %d/%d, largest %d/%d", n, s.Components, comps, s.LargestComponent, largest)
		}
	}
}
