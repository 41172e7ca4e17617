package plot

import (
	"bytes"
	"fmt"
	"html"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// DefaultDPI is the resolution of raster output (PNG, JPEG, TIFF) when
// Figure.DPI is zero: the usual minimum for journal figures.
const DefaultDPI = 300

// Figure is a gonum plot with the furniture a publication figure needs
// around it: text columns aligned with its rows (the study labels and
// numbers of a forest plot), a table aligned with its x axis (numbers at
// risk), "favours" labels under the axis, a key and notes. Every part is
// an exported field, so a caller can change titles, axis ranges, ticks,
// fonts or wording after a constructor has built the figure and before it
// is saved.
//
// The parts are stacked from top to bottom: Plot (with its own title and
// axes), Favors, Table, Key, Notes. Left and Right columns sit beside
// the plot's data area.
//
// A figure lays itself out for the size it is drawn at: it measures its
// text, wraps long labels (axis, study and key labels onto up to three
// lines), shortens with an ellipsis what still does not fit (an SVG keeps
// the full text in a <title>), and reduces the font size down to a floor
// of 7 pt, so that the data panel keeps at least MinPanelWidth of the
// width and MinPanelHeight of the height. When even that fails, Save,
// WriterTo and Layout return an error wrapping ErrTooSmall that names the
// element that does not fit and the smallest size that works.
type Figure struct {
	// Plot is the main panel.
	Plot *plot.Plot

	// Left and Right are text columns beside the plot, outermost first
	// on the left and innermost first on the right.
	Left, Right []Column

	// Table, if not nil, is drawn under the plot with its columns
	// centred on x positions of the plot (numbers assessed per visit).
	Table *Table

	// Favors, if not nil, labels the two sides of a null value under
	// the x axis.
	Favors *Favors

	// Key lists legend entries drawn in a row under the figure.
	Key []KeyEntry

	// Notes are lines of small print under everything else.
	Notes []string

	// Text is the style of columns, table, favours labels, key and notes.
	Text draw.TextStyle

	// DPI is the resolution of raster formats; zero means DefaultDPI.
	DPI int

	// MinPanelWidth and MinPanelHeight are the least shares of the
	// figure's width and height (in (0, 1)) that the data panel must
	// keep; zero means 1/4. The constructors set them: a forest plot
	// keeps a third of the width, a trajectory half of the height.
	MinPanelWidth, MinPanelHeight float64

	// fits, if not nil, is a plotter's own check of the data panel laid
	// out at the given rectangle, with the tick-label style (scaled with
	// the rest of the text): it names what does not fit and which
	// dimension is short, or returns "" when everything has room. The
	// layout treats a failure like a panel below its share (EgoNetwork: a
	// circle holding more alters than its markers have room for).
	fits func(panel vg.Rectangle, sty draw.TextStyle) (element string, width, height bool)

	// shortened, if not nil, lists the texts a plotter cuts short itself
	// when drawn in the given data panel with the tick-label style, in
	// drawing order (EgoNetwork's panel titles), so that Layout.Shortened
	// and the SVG <title>s hold them as they hold cut labels.
	shortened func(panel vg.Rectangle, sty draw.TextStyle) []Shortening
}

// Column is a column of text aligned with rows of the plot.
type Column struct {
	Cells []Cell
	// XAlign places the text within the column: draw.XLeft,
	// draw.XCenter or draw.XRight.
	XAlign draw.XAlignment
}

// Cell is one piece of text in a Column, vertically centred on Y, a
// position in the data coordinates of the plot's y axis.
type Cell struct {
	Y    float64
	Text string
	Bold bool
	// Span lets the text run on across the figure (a row with nothing
	// drawn in the panel or the other columns, such as a subgroup's
	// heading or heterogeneity line); it does not widen the column.
	Span bool
	// Short lists shorter forms of Text, longest first, used before
	// anything is cut. A cell of a left column shows the first of Text
	// and Short that fits its width on the lines its row allows ("RE
	// model" for "Random effects (REML)"), and is cut with an ellipsis
	// only when none does. The cells of the right columns change form
	// together, all to their first short form, then all to their second,
	// when that lets the left columns show more in full (a forest plot's
	// estimate stacked over its interval); a form may hold a line break.
	// A caller who changes Text changes or clears Short with it.
	Short []string
}

// Table is a grid of text under the plot whose columns are centred on X,
// positions in the data coordinates of the plot's x axis.
type Table struct {
	Title string
	X     []float64
	Rows  []TableRow
}

// TableRow is one labelled row of a Table; Cells has one entry per X.
type TableRow struct {
	Label string
	// Color is the colour of the label; nil means the text colour. The
	// trajectory leaves it nil and identifies the arm by Thumb instead,
	// since a light arm colour is hard to read as text.
	Color color.Color
	// Thumb, if not nil, is drawn left of the label (an arm's line and
	// glyph, as in the key).
	Thumb plot.Thumbnailer
	Cells []string
}

// Favors labels the sides of the null value At (in x data coordinates):
// Left is drawn to its left and Right to its right.
type Favors struct {
	At          float64
	Left, Right string
}

// KeyEntry is one entry of a figure's key: a thumbnail (any gonum
// plotter that implements plot.Thumbnailer) and its label.
type KeyEntry struct {
	Label string
	Thumb plot.Thumbnailer
}

// Save writes the figure to path. The format follows the extension:
// .svg, .png, .pdf, .jpg/.jpeg or .tif/.tiff. (EPS is not offered:
// gonum/plot v0.17.0 writes "%%!PS-Adobe" as the first line, which is not
// a valid PostScript header.) Width and height are
// vg lengths, so 17*vg.Centimeter or 6*vg.Inch both work.
//
// SVG and PNG output is byte-for-byte reproducible (PNG on one
// architecture); PDF carries a creation date.
func (f *Figure) Save(path string, width, height vg.Length) (err error) {
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	wt, err := f.WriterTo(width, height, format)
	if err != nil {
		return err
	}
	// Render in memory first so that a failure leaves no partial file.
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o666)
}

// WriterTo renders the figure in the named format ("svg", "png", "pdf",
// "jpg", "jpeg", "tif", "tiff") and returns it ready to be written.
func (f *Figure) WriterTo(width, height vg.Length, format string) (io.WriterTo, error) {
	if !(width > 0 && height > 0) || width > 1e4 || height > 1e4 {
		return nil, fmt.Errorf("%w: size %v x %v", ErrFormat, width, height)
	}
	if f == nil || f.Plot == nil {
		return nil, fmt.Errorf("%w: figure has no plot", ErrFormat)
	}
	dpi := f.DPI
	if dpi == 0 {
		dpi = DefaultDPI
	}
	if dpi < 0 || dpi > 2400 {
		return nil, fmt.Errorf("%w: DPI %d", ErrFormat, f.DPI)
	}
	fitted, err := f.fit(vg.Rectangle{Max: vg.Point{X: width, Y: height}})
	if err != nil {
		return nil, err
	}
	var c vg.CanvasWriterTo
	switch format {
	case "svg":
		c = vgsvg.NewWith(vgsvg.UseWH(width, height))
	case "pdf":
		c = vgpdf.New(width, height)
	case "png", "jpg", "jpeg", "tif", "tiff":
		img := vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(dpi),
			vgimg.UseBackgroundColor(color.White))
		switch format {
		case "png":
			c = vgimg.PngCanvas{Canvas: img}
		case "jpg", "jpeg":
			c = vgimg.JpegCanvas{Canvas: img}
		default:
			c = vgimg.TiffCanvas{Canvas: img}
		}
	default:
		return nil, fmt.Errorf("%w: format %q", ErrFormat, format)
	}
	fitted.render(draw.New(c), nil)
	if format == "svg" && len(fitted.titles) > 0 {
		return svgTitles{c, fitted.titles}, nil
	}
	return c, nil
}

// svgTitles adds the full text of shortened labels (cut with an
// ellipsis or shown in a short form) to an SVG as <title> elements,
// which viewers show as a tooltip and screen readers read.
type svgTitles struct {
	c    vg.CanvasWriterTo
	cuts []Shortening // in drawing order
}

func (s svgTitles) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	if _, err := s.c.WriteTo(&buf); err != nil {
		return 0, err
	}
	b := buf.Bytes()
	// The n-th text drawn as a given shortened string gets the n-th full
	// text recorded for it.
	from := map[string]int{}
	var out bytes.Buffer
	type edit struct {
		at   int
		text string
	}
	var edits []edit
	for _, c := range s.cuts {
		old := []byte(">" + html.EscapeString(c.Shown) + "</text>")
		i := bytes.Index(b[from[c.Shown]:], old)
		if i < 0 {
			continue
		}
		at := from[c.Shown] + i + 1
		from[c.Shown] = at
		edits = append(edits, edit{at, "<title>" + html.EscapeString(c.Full) + "</title>"})
	}
	slices.SortFunc(edits, func(x, y edit) int { return x.at - y.at })
	last := 0
	for _, e := range edits {
		out.Write(b[last:e.at])
		out.WriteString(e.text)
		last = e.at
	}
	out.Write(b[last:])
	n, err := w.Write(out.Bytes())
	return int64(n), err
}
