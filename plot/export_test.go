package plot_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/tiesproject/ties/internal/golden"
)

const goldenDir = "../testdata/golden/plot"

// TestExportObservations writes the synthetic long-format trial used by
// the trajectory tests to testdata/golden/plot/observations.csv, the input
// of gen.R. It only runs with -update.
func TestExportObservations(t *testing.T) {
	if !*golden.Update {
		t.Skip("run with -update to rewrite observations.csv")
	}
	f, err := os.Create(filepath.Join(goldenDir, "observations.csv"))
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	_ = w.Write([]string{"arm", "id", "time", "value"})
	for _, o := range trialObservations() {
		v := "NA"
		if o.Value == o.Value {
			v = strconv.FormatFloat(o.Value, 'g', -1, 64)
		}
		_ = w.Write([]string{o.Arm, o.ID, strconv.FormatFloat(o.Time, 'g', -1, 64), v})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
