package mmat

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// benchApps makes n complete appraisals per rater for two raters, with
// answers drawn 70% Yes, 15% Can't tell, 15% No and 85% agreement.
func benchApps(n int) (a, b []Appraisal) {
	r := rand.New(rand.NewPCG(7, 8))
	draw := func() Answer {
		switch u := r.Float64(); {
		case u < 0.7:
			return Yes
		case u < 0.85:
			return CantTell
		}
		return No
	}
	for i := 0; i < n; i++ {
		cat := Category(1 + i%5)
		x := Appraisal{Study: "study " + itoa(i), Rater: "A", Category: cat}
		if cat == MixedMethods {
			x.Component = Category(2 + i%3)
		}
		y := x
		y.Rater = "B"
		for _, cr := range x.Criteria() {
			ans := draw()
			x.Set(cr.ID, ans, "")
			if r.Float64() > 0.85 {
				ans = draw()
			}
			y.Set(cr.ID, ans, "")
		}
		a, b = append(a, x), append(b, y)
	}
	return a, b
}

func BenchmarkKappaTable(b *testing.B) {
	t := [][]float64{{22, 2, 1}, {3, 4, 1}, {1, 1, 5}}
	w, _ := WeightMatrix(3, Quadratic)
	for i := 0; i < b.N; i++ {
		if _, err := KappaTable(t, w, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAgree100(b *testing.B) {
	x, y := benchApps(100)
	o := &AgreementOptions{Weights: Quadratic}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Agree(x, y, o); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSummarizeByType100(b *testing.B) {
	x, _ := benchApps(100)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := SummarizeByType(x, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadLong100(b *testing.B) {
	x, y := benchApps(100)
	var buf bytes.Buffer
	if err := WriteLong(&buf, append(x, y...)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ReadLong(bytes.NewReader(data), nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKappaPsychEquivalent does what one psych::cohen.kappa call does:
// unweighted and quadratic-weighted kappa with SEs and CIs (see
// testdata/golden/mmat/bench.R).
func BenchmarkKappaPsychEquivalent(b *testing.B) {
	t := [][]float64{{22, 2, 1}, {3, 4, 1}, {1, 1, 5}}
	for i := 0; i < b.N; i++ {
		w, _ := WeightMatrix(3, Quadratic)
		if _, err := KappaTable(t, nil, nil); err != nil {
			b.Fatal(err)
		}
		if _, err := KappaTable(t, w, nil); err != nil {
			b.Fatal(err)
		}
	}
}
