package plot

import (
	"math"

	"gonum.org/v1/plot/vg"
)

// maxFigureSide is the largest width or height a figure is laid out at.
const maxFigureSide = 1e4

// FullTextHeight returns the least height, to the millimetre, at which
// the figure drawn width wide shows every label in full: nothing is cut
// short with an ellipsis (long labels wrap onto up to three lines when
// the rows are tall enough, and pooled rows may take their standard
// short names). Use it to size a figure for a journal column: a forest
// plot's rows get taller with the height, and its study labels wrap
// instead of being cut.
//
// When no height shows everything at this width (a label too long for
// three lines of its column), it returns the least height that cuts no
// more labels than the tallest would, and no more of them into their
// first word (a first author's surname). The error wraps ErrTooSmall when the figure
// fits at no height up to 10,000 points, and ErrFormat when width is not
// positive or larger than that.
func (f *Figure) FullTextHeight(width vg.Length) (vg.Length, error) {
	if f == nil || f.Plot == nil {
		return 0, &fieldErrFormat{"figure has no plot"}
	}
	if !(width > 0 && width <= maxFigureSide) {
		return 0, &fieldErrFormat{"width must be positive and at most 10,000 points"}
	}
	// A cut that loses a label's first word (a first author's surname)
	// counts twice.
	cuts := func(h vg.Length) int {
		a, err := f.fit(vg.Rectangle{Max: vg.Point{X: width, Y: h}})
		if err != nil {
			return math.MaxInt
		}
		return len(a.cuts) + a.lost
	}
	mm := vg.Millimeter
	hi := int(math.Floor(float64(maxFigureSide / mm)))
	target := cuts(vg.Length(hi) * mm)
	if target == math.MaxInt {
		_, err := f.fit(vg.Rectangle{Max: vg.Point{X: width, Y: vg.Length(hi) * mm}})
		return 0, err
	}
	// The least height in millimetres that cuts at most target labels
	// (more height never cuts more, as rows only grow).
	lo := 0 // known not to work (or zero)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if cuts(vg.Length(mid)*mm) <= target {
			hi = mid
		} else {
			lo = mid
		}
	}
	return vg.Length(hi) * mm, nil
}
