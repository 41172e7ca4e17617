package plot_test

import (
	"io"
	"testing"

	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/tiesproject/ties/plot"
)

func trajectoryFigure(b *testing.B) *plot.Figure {
	fig, err := plot.TrajectoryLong(trialObservations(), &plot.TrajectoryOptions{
		Outcome: "UCLA-3 loneliness score", Direction: "higher = lonelier",
		VisitLabels: map[float64]string{0: "Baseline"}, Participants: true,
	})
	if err != nil {
		b.Fatal(err)
	}
	return fig
}

// BenchmarkTrajectoryPNG renders the trajectory figure (2 arms, 80
// participants with faint lines, 4 visits, numbers assessed) to PNG at
// 17 x 12 cm and 300 dpi (2008 x 1417 pixels), including PNG encoding.
func BenchmarkTrajectoryPNG(b *testing.B) {
	fig := trajectoryFigure(b)
	fig.DPI = 300
	b.ReportAllocs()
	for b.Loop() {
		wt, err := fig.WriterTo(17*cm, 12*cm, "png")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := wt.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrajectorySVG renders the same figure to SVG.
func BenchmarkTrajectorySVG(b *testing.B) {
	fig := trajectoryFigure(b)
	b.ReportAllocs()
	for b.Loop() {
		wt, err := fig.WriterTo(17*cm, 12*cm, "svg")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := wt.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrajectoryBuild summarises the long-format data (mean, SD,
// t interval per arm and visit) and builds the figure, without rendering.
func BenchmarkTrajectoryBuild(b *testing.B) {
	obs := trialObservations()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := plot.TrajectoryLong(obs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrajectoryRaster draws the figure on a 300 dpi raster canvas
// without PNG encoding, to split BenchmarkTrajectoryPNG into its parts.
func BenchmarkTrajectoryRaster(b *testing.B) {
	fig := trajectoryFigure(b)
	b.ReportAllocs()
	for b.Loop() {
		c := vgimg.NewWith(vgimg.UseWH(17*cm, 12*cm), vgimg.UseDPI(300))
		fig.Draw(draw.New(c))
	}
}

// BenchmarkForestLayout lays out the forest plot with long labels (nine
// studies, two diamonds, a prediction interval) at 8.5 × 10 cm, the
// size at which the most text must be fitted: every font size down to
// the floor, each with the estimates on one line and stacked.
func BenchmarkForestLayout(b *testing.B) {
	fig, err := plot.Forest(longForest(), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := fig.Layout(8.5*cm, 10*cm); err != nil {
			b.Fatal(err)
		}
	}
}
