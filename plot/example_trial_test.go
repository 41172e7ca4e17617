package plot_test

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"

	"github.com/tiesproject/ties/measures"
	"github.com/tiesproject/ties/plot"
)

// exampleTrialUCLA3 scores UCLA-3 in the committed example trial
// (testdata/example, simulated) with the measures package and returns one
// observation per participant and attended visit; a visit whose score is
// invalid (out-of-range codes) or incomplete is NaN, i.e. missing.
func exampleTrialUCLA3(t *testing.T) ([]plot.Observation, *measures.Instrument) {
	t.Helper()
	pf, err := os.Open("../testdata/example/participants.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	prow, err := csv.NewReader(pf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	arm := map[string]string{}
	for _, r := range prow[1:] {
		arm[r[0]] = map[string]string{"intervention": "Supported socialisation", "usual care": "Usual care"}[r[2]]
	}
	in, err := measures.Lookup("ucla-3")
	if err != nil {
		t.Fatal(err)
	}
	cols, err := in.Columns("ucla3_1", "ucla3_2", "ucla3_3")
	if err != nil {
		t.Fatal(err)
	}
	rf, err := os.Open("../testdata/example/responses.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer rf.Close()
	rows, err := measures.ScoreCSV(rf, []*measures.Instrument{in}, &measures.CSVOptions{ID: "participant_id", Keep: []string{"month"}, Columns: cols})
	if err != nil {
		t.Fatal(err)
	}
	var obs []plot.Observation
	for _, r := range rows {
		m, err := strconv.ParseFloat(r.Keep[0], 64)
		if err != nil {
			t.Fatal(err)
		}
		a, ok := arm[r.ID]
		if !ok || a == "" {
			t.Fatalf("line %d: participant %q has no arm", r.Line, r.ID)
		}
		obs = append(obs, plot.Observation{Arm: a, ID: r.ID, Time: m, Value: r.Scores[0].Total})
	}
	return obs, in
}

func TestGoldenTrajectoryExampleTrial(t *testing.T) {
	obs, in := exampleTrialUCLA3(t)
	fig, err := plot.TrajectoryLong(obs, &plot.TrajectoryOptions{
		Outcome:     in.Name,
		Direction:   in.HigherMeans,
		VisitLabels: map[float64]string{0: "Baseline"},
		ArmOrder:    []string{"Supported socialisation", "Usual care"},
	})
	if err != nil {
		t.Fatal(err)
	}
	fig.Notes = append(fig.Notes, "Simulated cluster trial (testdata/example); intervals ignore clustering by care team.")
	checkGolden(t, "trajectory_example", fig, 17*cm, 12*cm)
	if got := fig.Table.Rows[0].Label; got != "Supported socialisation" {
		t.Errorf("first arm %q, want the intervention (ArmOrder)", got)
	}
}
