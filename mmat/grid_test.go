package mmat

import (
	"math"
	"strings"
	"testing"
)

func TestGrid(t *testing.T) {
	t.Parallel()
	apps := workedExamples(t)
	g := NewGrid(apps, nil)
	var ids []string
	for _, c := range g.Criteria {
		ids = append(ids, c.ID)
	}
	// Q1 (1.x), R1 (2.x), N1 (3.x), X1 (4.x), M1 (1.x, 4.x, 5.x): all 27.
	if len(ids) != 27 || ids[0] != "S1" || ids[26] != "5.5" {
		t.Fatalf("columns %v", ids)
	}
	if len(g.Studies) != 5 || g.Studies[4] != "M1" || len(g.Answers) != 5 || len(g.Applies[0]) != 27 {
		t.Fatalf("rows %v", g.Studies)
	}
	// Q1 row: 1.3 = CT (column 4), 2.1 not applicable.
	if g.Answers[0][4] != CantTell || !g.Applies[0][4] || g.Applies[0][7] || g.Answers[0][7] != NotRated {
		t.Errorf("Q1 row %v %v", g.Answers[0], g.Applies[0])
	}
	// X1 (screened out): 4.x apply but are not rated.
	if !g.Applies[3][17] || g.Answers[3][17] != NotRated || g.Answers[3][1] != CantTell {
		t.Errorf("X1 row %v", g.Answers[3])
	}
	g2 := NewGrid(apps[:1], &GridOptions{OmitScreening: true})
	if len(g2.Criteria) != 5 || g2.Criteria[0].ID != "1.1" {
		t.Errorf("one category, no screening: %v", g2.Criteria)
	}
	cc := CountCriteria(apps, nil)
	// 1.1 applies to Q1 and M1: Yes 2.
	if cc[2].Criterion.ID != "1.1" || cc[2].Yes != 2 || cc[2].Rated() != 2 || cc[2].Share(Yes) != 1 {
		t.Errorf("1.1 counts %+v", cc[2])
	}
	// S2: Y, Y, Y, CT, Y.
	if s2 := cc[1]; s2.Yes != 4 || s2.CantTell != 1 || math.Abs(s2.Share(CantTell)-0.2) > 1e-15 {
		t.Errorf("S2 counts %+v", s2)
	}
	// 4.1: X1 not rated, M1 Yes.
	if c := cc[17]; c.Criterion.ID != "4.1" || c.NotRated != 1 || c.Yes != 1 || c.Count(NotRated) != 1 {
		t.Errorf("4.1 counts %+v", c)
	}
	if !math.IsNaN((CriterionCount{}).Share(Yes)) || !math.IsNaN(cc[0].Share(NotRated)) {
		t.Error("Share should be NaN without ratings or for NotRated")
	}
	var sym []string
	for _, a := range Answers() {
		sym = append(sym, a.Symbol()+a.Code())
	}
	if strings.Join(sym, " ") != "+Y ?CT -N" || NotRated.Symbol() != "" || NotRated.Code() != "" {
		t.Errorf("symbols %v", sym)
	}
	if len(NewGrid(nil, nil).Criteria) != 2 {
		t.Error("empty grid keeps the screening columns")
	}
}
