package mmat

import (
	"strings"
	"testing"
)

// app builds an appraisal from "id=answer" pairs, e.g. "S1=Y S2=Y 1.1=CT".
func app(t testing.TB, study string, cat, comp Category, spec string) Appraisal {
	t.Helper()
	a := Appraisal{Study: study, Category: cat, Component: comp}
	for _, f := range strings.Fields(spec) {
		id, ans, ok := strings.Cut(f, "=")
		if !ok {
			t.Fatalf("bad spec %q", f)
		}
		v, err := ParseAnswer(ans)
		if err != nil {
			t.Fatal(err)
		}
		a.Set(id, v, "")
	}
	return a
}

// Worked examples, one per category.
func workedExamples(t testing.TB) []Appraisal {
	return []Appraisal{
		app(t, "Q1", Qualitative, 0, "S1=Y S2=Y 1.1=Y 1.2=Y 1.3=CT 1.4=N 1.5=Y"),
		app(t, "R1", RCT, 0, "S1=Y S2=Y 2.1=Y 2.2=Y 2.3=Y 2.4=Y 2.5=Y"),
		app(t, "N1", NonRandomized, 0, "S1=Y S2=Y 3.1=Y 3.2=CT 3.3=N 3.4=CT 3.5=CT"),
		app(t, "X1", Descriptive, 0, "S1=N S2=CT"),
		app(t, "M1", MixedMethods, Descriptive, "S1=Y S2=Y 1.1=Y 1.2=Y 1.3=Y 1.4=Y 1.5=CT "+
			"4.1=Y 4.2=Y 4.3=N 4.4=Y 4.5=CT 5.1=Y 5.2=Y 5.3=N 5.4=Y"),
	}
}
