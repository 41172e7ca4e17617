package mmat

import (
	"bytes"
	"errors"
	"testing"
)

func typeFixture(t *testing.T) []Appraisal {
	return []Appraisal{
		app(t, "R1", RCT, 0, "S1=Y S2=Y 2.1=Y 2.2=Y 2.3=N 2.4=N 2.5=Y"),
		app(t, "R2", RCT, 0, "S1=Y S2=Y 2.1=Y 2.2=CT 2.3=N 2.4=CT 2.5=Y"),
		app(t, "R3", RCT, 0, "S1=Y S2=Y 2.1=CT 2.2=Y 2.3=Y 2.4=N 2.5=Y"),
		app(t, "R4", RCT, 0, "S1=N S2=Y"),
		app(t, "Q1", Qualitative, 0, "S1=Y S2=Y 1.1=Y 1.2=Y 1.3=Y 1.4=Y 1.5=Y"),
		app(t, "M1", MixedMethods, Descriptive, "S1=Y S2=Y 1.1=Y 1.2=Y 1.3=Y 1.4=Y 1.5=CT "+
			"4.1=Y 4.2=Y 4.3=N 4.4=Y 4.5=CT 5.1=Y 5.2=Y 5.3=N 5.4=Y 5.5=N"),
	}
}

func TestSummarizeByType(t *testing.T) {
	t.Parallel()
	ts, err := SummarizeByType(typeFixture(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 3 || ts[0].Category != Qualitative || ts[1].Category != RCT || ts[2].Category != MixedMethods {
		t.Fatalf("categories %+v", ts)
	}
	r := ts[1]
	if len(r.Studies) != 3 || len(r.ScreenedOut) != 1 || r.ScreenedOut[0] != "R4" {
		t.Errorf("RCT studies %v screened out %v", r.Studies, r.ScreenedOut)
	}
	// 2.4: 2 No + 1 CT = 3; 2.3: 2 No = 2; 2.2: 1 CT; 2.1: 1 CT (MMAT order breaks the tie).
	wantIDs := []string{"2.4", "2.3", "2.1", "2.2"}
	if len(r.Weaknesses) != len(wantIDs) {
		t.Fatalf("weaknesses %+v", r.Weaknesses)
	}
	for i, id := range wantIDs {
		if r.Weaknesses[i].Criterion.ID != id {
			t.Errorf("weakness %d = %s; want %s", i, r.Weaknesses[i].Criterion.ID, id)
		}
	}
	if len(r.Criteria) != 7 || r.Criteria[0].Criterion.ID != "S1" || r.Criteria[0].Yes != 3 {
		t.Errorf("RCT criteria %+v", r.Criteria)
	}
	if m := ts[2]; len(m.Criteria) != 17 || len(m.Weaknesses) != 5 || m.Weaknesses[0].Criterion.ID != "4.3" {
		t.Errorf("MM summary %+v", m)
	}
	if q := ts[0]; len(q.Weaknesses) != 0 {
		t.Errorf("Q weaknesses %+v", q.Weaknesses)
	}
	// Including screened-out studies: R4 counted, its criteria NotRated.
	ts2, _ := SummarizeByType(typeFixture(t), &TypeSummaryOptions{IncludeScreenedOut: true})
	if r := ts2[1]; len(r.Studies) != 4 || r.Criteria[2].NotRated != 1 || r.Criteria[0].No != 1 {
		t.Errorf("IncludeScreenedOut: %+v", r)
	}

	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, ts, nil); err != nil {
		t.Fatal(err)
	}
	want := "| Study type | Studies | Screened out | Main weaknesses (criteria not met or can't tell) |\n" +
		"|---|---:|---:|---|\n" +
		"| Qualitative | 1 | 0 | none |\n" +
		"| Quantitative randomized controlled trials | 3 | 1 | 2.4 Blinded assessors: 2 No, 1 Can't tell of 3; 2.3 Complete outcomes: 2 No of 3; 2.1 Randomization: 1 Can't tell of 3 |\n" +
		"| Mixed methods | 1 | 0 | 4.3 Measurements: 1 No of 1; 5.3 Interpretation: 1 No of 1; 5.5 Component quality: 1 No of 1 |\n"
	if buf.String() != want {
		t.Errorf("markdown:\n%s\nwant:\n%s", buf.String(), want)
	}
	buf.Reset()
	_ = WriteMarkdown(&buf, ts[:1], &MarkdownOptions{ListStudies: true, MaxWeaknesses: -1})
	if want := "| Study type | Studies | Study IDs | Screened out | Main weaknesses (criteria not met or can't tell) |\n|---|---:|---|---:|---|\n| Qualitative | 1 | Q1 | 0 | none |\n"; buf.String() != want {
		t.Errorf("markdown with IDs:\n%s", buf.String())
	}

	dup := append(typeFixture(t), app(t, "R1", RCT, 0, "S1=Y S2=Y 2.1=Y 2.2=Y 2.3=N 2.4=N 2.5=Y"))
	if _, err := SummarizeByType(dup, nil); !errors.Is(err, ErrDuplicate) {
		t.Errorf("duplicate: %v", err)
	}
	bad := append(typeFixture(t), app(t, "B", RCT, 0, "S1=Y S2=Y 2.1=Y"))
	if _, err := SummarizeByType(bad, nil); !errors.Is(err, ErrMissingAnswer) {
		t.Errorf("invalid: %v", err)
	}
}

func TestMarkdownEscape(t *testing.T) {
	t.Parallel()
	if got := mdEscape("a|b\nc"); got != `a\|b c` {
		t.Errorf("mdEscape = %q", got)
	}
}
