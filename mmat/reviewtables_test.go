package mmat

import (
	"errors"
	"strings"
	"testing"

	"github.com/tiesproject/ties/effect"
)

// TestSymbolsRoundTrip writes a grid with the package's own symbols
// (Answer.Symbol: "+", "-", "?") and reads it back: every No must survive
// (the dash was once read as "not rated").
func TestSymbolsRoundTrip(t *testing.T) {
	t.Parallel()
	apps := workedExamples(t)
	g := NewGrid(apps, nil)
	var b strings.Builder
	b.WriteString("study,category,component")
	for _, c := range g.Criteria {
		b.WriteString("," + c.ID)
	}
	b.WriteString("\n")
	for i, a := range apps {
		b.WriteString(a.Study + "," + formatCategory(a.Category) + "," + formatCategory(a.Component))
		for j := range g.Criteria {
			b.WriteString("," + g.Answers[i][j].Symbol())
		}
		b.WriteString("\n")
	}
	back, err := ReadWide(strings.NewReader(b.String()), nil)
	if err != nil {
		t.Fatal(err)
	}
	nos := 0
	for i := range apps {
		for id, r := range apps[i].Ratings {
			if got := back[i].Answer(id); got != r.Answer {
				t.Errorf("%s %s: %v read back as %v", apps[i].Study, id, r.Answer, got)
			}
			if r.Answer == No {
				nos++
			}
		}
		if len(back[i].Ratings) != len(apps[i].Ratings) {
			t.Errorf("%s: %d ratings read back, want %d", apps[i].Study, len(back[i].Ratings), len(apps[i].Ratings))
		}
	}
	if nos < 3 {
		t.Fatalf("the examples hold %d No answers; the test needs some", nos)
	}
	for _, a := range []Answer{Yes, No, CantTell, NotRated} {
		if got, err := ParseAnswer(a.Symbol()); err != nil || got != a {
			t.Errorf("ParseAnswer(%q) = %v, %v; want %v", a.Symbol(), got, err, a)
		}
	}
}

// TestCategoryHeadings checks the headings reviews print above their
// per-type tables.
func TestCategoryHeadings(t *testing.T) {
	t.Parallel()
	good := map[string]Category{
		"Qualitative studies": Qualitative, "qualitative study": Qualitative, "Qualitative": Qualitative,
		"Randomised controlled trials": RCT, "Randomized controlled trials": RCT, "RCTs": RCT, "RCT": RCT,
		"Quantitative randomised controlled trials": RCT, "randomised trial": RCT,
		"Non-randomised studies": NonRandomized, "non-randomised": NonRandomized, "Quantitative non-randomized studies": NonRandomized,
		"Non randomized": NonRandomized, "Nonrandomised": NonRandomized,
		"Quantitative descriptive studies": Descriptive, "Descriptive studies": Descriptive,
		"Mixed methods studies": MixedMethods, "Mixed-methods studies": MixedMethods, "mixed methods": MixedMethods,
		" 5 ": MixedMethods,
	}
	for s, want := range good {
		if got, err := ParseCategory(s); err != nil || got != want {
			t.Errorf("ParseCategory(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"Quantitative", "studies", "Cohort studies", "6", "RCTss", "Randomised controlled trialz"} {
		if _, err := ParseCategory(s); !errors.Is(err, ErrInvalidCategory) {
			t.Errorf("ParseCategory(%q) error = %v; want ErrInvalidCategory", s, err)
		}
	}
}

// TestPerCategoryTable reads a review's table of one study type: Author
// and Year columns, "Q2.1" headers, symbols, no category column.
func TestPerCategoryTable(t *testing.T) {
	t.Parallel()
	const in = "Author,Year,Q2.1,Q2.2,Q2.3,Q2.4,Q2.5\n" +
		"Smith,2019,+,+,-,?,+\n" +
		"Jones,2021,+,-,+,+,+\n"
	if _, err := ReadWide(strings.NewReader(in), nil); !errors.Is(err, ErrInvalidInput) ||
		!strings.Contains(err.Error(), "ReadOptions.Category") {
		t.Errorf("no category: %v", err)
	}
	apps, err := ReadWide(strings.NewReader(in), &ReadOptions{Category: RCT})
	if err != nil {
		t.Fatal(err)
	}
	if len(apps) != 2 || apps[0].Study != "Smith 2019" || apps[0].Category != RCT || apps[0].Answer("2.3") != No ||
		apps[0].Answer("2.4") != CantTell || apps[1].Study != "Jones 2021" || apps[1].Answer("2.2") != No {
		t.Errorf("per-category table: %+v", apps)
	}
	if _, err := ReadWide(strings.NewReader(in), &ReadOptions{Category: 9}); !errors.Is(err, ErrInvalidCategory) {
		t.Errorf("invalid ReadOptions.Category: %v", err)
	}
	// A category cell, when present, wins over the default.
	apps, err = ReadWide(strings.NewReader("Author,Year,Category,S1\nLee,2020,Qualitative studies,Y\nKim,2018,,N\n"),
		&ReadOptions{Category: RCT})
	if err != nil || apps[0].Category != Qualitative || apps[1].Category != RCT {
		t.Errorf("category cell and default: %v %+v", err, apps)
	}
	// The long layout: "Question" header and "Q2.1"-style criteria.
	const long = "Author,Year,Rater,Question,Answer\n" +
		"Smith,2019,AB,QS1,Yes\n" +
		"Smith,2019,AB,Q2.1,-\n" +
		"Smith,2019,AB,q2.2 ,+\n"
	apps, err = ReadLong(strings.NewReader(long), &ReadOptions{Category: RCT})
	if err != nil || len(apps) != 1 || apps[0].Study != "Smith 2019" || apps[0].Answer("S1") != Yes ||
		apps[0].Answer("2.1") != No || apps[0].Answer("2.2") != Yes {
		t.Errorf("long with Q names: %v %+v", err, apps)
	}
	apps, err = ReadJSON(strings.NewReader(`[{"study":"A","ratings":{"1.1":{"answer":"Y"}}}]`), &ReadOptions{Category: Qualitative})
	if err != nil || apps[0].Category != Qualitative {
		t.Errorf("JSON default category: %v %+v", err, apps)
	}
	if _, err := ReadJSON(strings.NewReader(`[]`), &ReadOptions{Comma: ';'}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("JSON with a separator: %v", err)
	}
}

// TestHeaderMessages checks that an unknown column lists the headers
// found and suggests the separator when a header holds ';'.
func TestHeaderMessages(t *testing.T) {
	t.Parallel()
	_, err := ReadLong(strings.NewReader("study;category;criterion;answer\ns;2;2.1;Y\n"), nil)
	msg := err.Error()
	for _, s := range []string{"line 1", `"study;category;criterion;answer"`, "set ReadOptions.Comma = ';'"} {
		if !strings.Contains(msg, s) {
			t.Errorf("message %q lacks %q", msg, s)
		}
	}
	_, err = ReadWide(strings.NewReader("study,category,S1,coment\n"), nil)
	msg = err.Error()
	for _, s := range []string{`column "coment"`, `the header holds "study", "category", "S1", "coment"`, "IgnoreUnknownColumns"} {
		if !strings.Contains(msg, s) {
			t.Errorf("message %q lacks %q", msg, s)
		}
	}
	if strings.Contains(msg, "Comma") {
		t.Errorf("message %q suggests a separator without a ';' in the header", msg)
	}
	// The same file read with the right separator.
	if _, err := ReadLong(strings.NewReader("study;category;criterion;answer\ns;2;2.1;Y\n"), &ReadOptions{Comma: ';'}); err != nil {
		t.Error(err)
	}
}

// TestPhysicalLines checks that errors name the physical line of the file
// (header = 1), not the record number, when a quoted comment spans lines.
func TestPhysicalLines(t *testing.T) {
	t.Parallel()
	const in = "study,category,criterion,answer,comment\n" +
		"A,2,2.1,Y,\"two\nlines\"\n" +
		"A,2,2.2,Partial,\n"
	_, err := ReadLong(strings.NewReader(in), nil)
	var e *effect.FieldError
	if !errors.As(err, &e) || e.Line != 4 || e.Column != "answer" {
		t.Errorf("got %v; want line 4, column answer", err)
	}
	const wide = "study,category,S1 comment,S1\n" +
		"A,2,\"x\ny\nz\",Y\n" +
		"B,2,,Perhaps\n"
	_, err = ReadWide(strings.NewReader(wide), nil)
	if !errors.As(err, &e) || e.Line != 5 || e.Column != "S1" || e.Record != "study B" {
		t.Errorf("got %v; want line 5, column S1, study B", err)
	}
}

// TestDerived55Warning checks that the 5.5 warning says which answer
// differs and why.
func TestDerived55Warning(t *testing.T) {
	t.Parallel()
	a := app(t, "M", MixedMethods, RCT, "S1=Y S2=Y 1.1=Y 1.2=Y 1.3=Y 1.4=N 1.5=Y 2.1=Y 2.2=Y 2.3=N 2.4=Y 2.5=Y "+
		"5.1=Y 5.2=Y 5.3=Y 5.4=Y 5.5=Y")
	warn, err := a.Validate(&ValidateOptions{Derive55: true})
	if err != nil || len(warn) != 1 || !errors.Is(warn[0], ErrDerived55) {
		t.Fatalf("warnings %v, err %v", warn, err)
	}
	msg := warn[0].Error()
	for _, s := range []string{`5.5 = "Yes"`, "hand rating Yes, derived No because 1.4 No, 2.3 No", "the derived No is used"} {
		if !strings.Contains(msg, s) {
			t.Errorf("message %q lacks %q", msg, s)
		}
	}
	a.Set("1.4", CantTell, "")
	a.Set("2.3", Yes, "")
	warn, _ = a.Validate(&ValidateOptions{Derive55: true})
	if len(warn) != 1 || !strings.Contains(warn[0].Error(), "derived Can't tell because 1.4 Can't tell") {
		t.Errorf("can't tell: %v", warn)
	}
}
