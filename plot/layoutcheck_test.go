package plot_test

import (
	"testing"

	"github.com/tiesproject/ties/plot"
)

// checkTextPlaced reports text that overlaps other text (by more than half
// a point) or lies off the page (by more than half a point).
func checkTextPlaced(t testing.TB, what string, l *plot.Layout) {
	t.Helper()
	for _, o := range l.Overlaps(0.5) {
		t.Errorf("%s: %q overlaps %q", what, o[0].Text, o[1].Text)
	}
	for _, tb := range l.Texts {
		if tb.Box.Min.X < -0.5 || tb.Box.Min.Y < -0.5 || tb.Box.Max.X > l.Width+0.5 || tb.Box.Max.Y > l.Height+0.5 {
			t.Errorf("%s: %q off the page: %v", what, tb.Text, tb.Box)
		}
	}
}

// checkPanel reports a data panel smaller than minW × minH of the figure
// or text below the 7 pt floor, then checks the text's placement.
func checkPanel(t testing.TB, what string, l *plot.Layout, minW, minH float64) {
	t.Helper()
	sw := float64(l.Panel.Size().X / l.Width)
	sh := float64(l.Panel.Size().Y / l.Height)
	if sw < minW-0.005 || sh < minH-0.005 {
		t.Errorf("%s: panel share %.2f × %.2f, want at least %.2f × %.2f", what, sw, sh, minW, minH)
	}
	if l.FontSize < 7 {
		t.Errorf("%s: text %.1f pt, below the 7 pt floor", what, l.FontSize)
	}
	checkTextPlaced(t, what, l)
}
