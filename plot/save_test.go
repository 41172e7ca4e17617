package plot_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/plot"
)

// allFigures builds one figure of each kind.
func allFigures(t *testing.T) map[string]*plot.Figure {
	t.Helper()
	figs := map[string]*plot.Figure{}
	add := func(name string, f *plot.Figure, err error) {
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		figs[name] = f
	}
	f, err := plot.TrajectoryLong(trialObservations(), nil)
	add("trajectory", f, err)
	f, err = plot.Forest(forestData(), &plot.ForestOptions{Direction: effect.LowerIsBetter})
	add("forest", f, err)
	f, err = plot.Funnel(funnelData(), nil)
	add("funnel", f, err)
	f, err = plot.TrafficLight(appraisalGrid(), nil)
	add("traffic", f, err)
	f, err = plot.AppraisalSummary(appraisalGrid(), nil)
	add("summary", f, err)
	return figs
}

// TestSaveFormats saves every figure in every format (bold text in PDF
// needs a workaround, see style.go) and checks the file signatures.
func TestSaveFormats(t *testing.T) {
	dir := t.TempDir()
	magic := map[string]string{".svg": "<?xml", ".png": "\x89PNG", ".pdf": "%PDF", ".jpg": "\xff\xd8", ".tif": "II*"}
	for name, fig := range allFigures(t) {
		fig.DPI = 30 // keep the raster formats quick
		for ext, m := range magic {
			path := filepath.Join(dir, name+ext)
			if err := fig.Save(path, 12*cm, 9*cm); err != nil {
				t.Errorf("%s: %v", path, err)
				continue
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b, []byte(m)) {
				t.Errorf("%s starts with %q, want %q", path, b[:min(8, len(b))], m)
			}
		}
	}
}

// TestDeterministic renders each figure twice, in SVG and PNG, and
// expects identical bytes.
func TestDeterministic(t *testing.T) {
	figs1, figs2 := allFigures(t), allFigures(t)
	for name := range figs1 {
		for _, format := range []string{"svg", "png"} {
			var out [2]bytes.Buffer
			for i, f := range []*plot.Figure{figs1[name], figs2[name]} {
				f.DPI = 40
				wt, err := f.WriterTo(10*cm, 8*cm, format)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := wt.WriteTo(&out[i]); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
				t.Errorf("%s %s: two renderings differ", name, format)
			}
		}
	}
}
