package plot

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/tiesproject/ties/effect"
	"github.com/tiesproject/ties/internal/golden"
	"github.com/tiesproject/ties/mmat/prisma"
)

// brooksFlow is the flow of Brooks et al. (2023) as its text reports it;
// see the prisma package's example.
func brooksFlow() *prisma.Flow {
	return &prisma.Flow{
		Databases: prisma.N(22367), Screened: prisma.N(19575), Assessed: prisma.N(841),
		Other: &prisma.OtherMethods{Sources: []prisma.Source{
			{Name: "Reference lists", N: prisma.Unknown},
			{Name: "Hand-searching of journals", N: prisma.Unknown},
			{Name: "Authors contacted", N: prisma.Unknown},
		}},
		Studies: prisma.N(54), Reports: prisma.N(54),
	}
}

// fullFlow is a complete, consistent flow without other methods, with
// per-database counts and long exclusion reasons.
func fullFlow() *prisma.Flow {
	return &prisma.Flow{
		Databases: prisma.N(3100), Registers: prisma.N(250),
		DatabaseDetail: []prisma.Source{{Name: "MEDLINE", N: prisma.N(1200)}, {Name: "Embase", N: prisma.N(1100)}, {Name: "PsycINFO", N: prisma.N(800)}},
		Duplicates:     prisma.N(900), Automation: prisma.N(0), OtherRemoved: prisma.N(12),
		Screened: prisma.N(2438), RecordsExcluded: prisma.N(2301),
		Sought: prisma.N(137), NotRetrieved: prisma.N(6), Assessed: prisma.N(131),
		Excluded: []prisma.Reason{
			{Reason: "Intervention does not target social networks or social connectedness", N: prisma.N(41)},
			{Reason: "Participants without a diagnosis of mental health problems", N: prisma.N(37)},
			{Reason: "Not a primary study (review, protocol, commentary)", N: prisma.N(20)},
			{Reason: "No outcome on social networks", N: prisma.N(10)},
		},
		Studies: prisma.N(19), Reports: prisma.N(23),
	}
}

var prismaWidths = []vg.Length{8.5 * vg.Centimeter, 12 * vg.Centimeter, 17 * vg.Centimeter}

// checkLayout checks what a reader would see: no two boxes overlap, every
// line of text fits inside its box, side labels fit along their bars,
// arrows start and end on box edges, and everything lies inside the
// figure's width and the height PRISMA asked for.
func checkLayout(t *testing.T, name string, L *prismaLayout) {
	t.Helper()
	lineH, pad, _, _, _ := prismaMetrics(L.font)
	sty := prismaText(L.font)
	const eps = 1e-6
	for i, a := range L.boxes {
		r := a.rect
		if r.Min.X < -eps || r.Max.X > L.width+eps || r.Min.Y < -eps || r.Max.Y > L.height+eps {
			t.Errorf("%s: box %q %v outside the %v x %v diagram", name, a.name, r, L.width, L.height)
		}
		for _, b := range L.boxes[i+1:] {
			s := b.rect
			if r.Min.X < s.Max.X-eps && s.Min.X < r.Max.X-eps && r.Min.Y < s.Max.Y-eps && s.Min.Y < r.Max.Y-eps {
				t.Errorf("%s: boxes %q and %q overlap", name, a.name, b.name)
			}
		}
		if a.rotate {
			if need := sty.Width(a.lines[0]) + 2*pad; need > r.Size().Y+eps || lineH > r.Size().X+eps {
				t.Errorf("%s: side label %q needs %v along a %v bar", name, a.name, need, r.Size().Y)
			}
			continue
		}
		for _, ln := range a.lines {
			if w := sty.Width(ln); w > r.Size().X-2*pad+eps {
				t.Errorf("%s: box %q: line %q is %v wide in a box of %v", name, a.name, ln, w, r.Size().X)
			}
		}
		if h := vg.Length(len(a.lines))*lineH + 2*pad; h > r.Size().Y+eps {
			t.Errorf("%s: box %q: %d lines need %v, box is %v tall", name, a.name, len(a.lines), h, r.Size().Y)
		}
		if strings.Contains(strings.Join(a.lines, " "), "NaN") {
			t.Errorf("%s: box %q prints NaN", name, a.name)
		}
	}
	onEdge := func(p vg.Point) bool {
		for _, b := range L.boxes {
			r := b.rect
			inX, inY := p.X >= r.Min.X-eps && p.X <= r.Max.X+eps, p.Y >= r.Min.Y-eps && p.Y <= r.Max.Y+eps
			if inX && inY && (abs(p.X-r.Min.X) < eps || abs(p.X-r.Max.X) < eps || abs(p.Y-r.Min.Y) < eps || abs(p.Y-r.Max.Y) < eps) {
				return true
			}
		}
		return false
	}
	for _, a := range L.arrows {
		if !onEdge(a[0]) || !onEdge(a[len(a)-1]) {
			t.Errorf("%s: arrow %v does not join two boxes", name, a)
		}
		if len(a) == 2 && a[0] == a[1] {
			t.Errorf("%s: zero-length arrow at %v", name, a[0])
		}
	}
}

func abs(x vg.Length) vg.Length {
	if x < 0 {
		return -x
	}
	return x
}

func TestPRISMALayout(t *testing.T) {
	t.Parallel()
	flows := map[string]*prisma.Flow{"brooks": brooksFlow(), "full": fullFlow(), "zero": {}}
	for name, f := range flows {
		for _, w := range prismaWidths {
			for _, notes := range []bool{false, true} {
				o := &PRISMAOptions{Width: w, Footnotes: notes}
				fig, pp, h, err := newPRISMA(f, o)
				label := fmt.Sprintf("%s %.1f cm footnotes %v", name, w/vg.Centimeter, notes)
				if err != nil {
					t.Errorf("%s: %v", label, err)
					continue
				}
				L := pp.layout
				checkLayout(t, label, L)
				if h > 22*vg.Centimeter || h < L.height {
					t.Errorf("%s: height %v for a diagram of %v", label, h, L.height)
				}
				if L.font < prismaMinFont {
					t.Errorf("%s: font %v below 7 pt", label, L.font)
				}
				// What is drawn is what was tested: the plotter lays out
				// the same diagram on the canvas Save gives it.
				var buf bytes.Buffer
				wt, err := fig.WriterTo(w, h, "svg")
				if err != nil {
					t.Fatal(err)
				}
				if _, err := wt.WriteTo(&buf); err != nil {
					t.Fatal(err)
				}
				svg := buf.String()
				for _, want := range []string{"Identification", "Screening", "Included"} {
					if !strings.Contains(svg, want) {
						t.Errorf("%s: SVG lacks %q", label, want)
					}
				}
			}
		}
	}
}

// TestPRISMATooNarrow: a width where the words cannot fit returns an
// error naming the box and the smallest width, and that width works.
func TestPRISMATooNarrow(t *testing.T) {
	t.Parallel()
	_, _, err := PRISMA(brooksFlow(), &PRISMAOptions{Width: 5 * vg.Centimeter})
	var fe *effect.FieldError
	if !errors.Is(err, ErrTooSmall) || !errors.As(err, &fe) || !strings.Contains(err.Error(), "the smallest width that works is") {
		t.Fatalf("5 cm: %v", err)
	}
	msg := err.Error()
	i := strings.Index(msg, "works is ")
	var smallest float64
	if _, err := fmt.Sscanf(msg[i+len("works is "):], "%f cm", &smallest); err != nil {
		t.Fatalf("cannot read the smallest width from %q", msg)
	}
	if _, _, err := PRISMA(brooksFlow(), &PRISMAOptions{Width: vg.Length(smallest) * vg.Centimeter}); err != nil {
		t.Errorf("the smallest width %v cm does not work: %v", smallest, err)
	}
	if _, _, err := PRISMA(brooksFlow(), &PRISMAOptions{Width: vg.Length(smallest-0.1) * vg.Centimeter}); err == nil {
		t.Errorf("%v cm works although %v cm was said to be the smallest", smallest-0.1, smallest)
	}
	// A page too short for the diagram.
	if _, _, err := PRISMA(fullFlow(), &PRISMAOptions{Width: 8.5 * vg.Centimeter, MaxHeight: 8 * vg.Centimeter}); !errors.Is(err, ErrTooSmall) ||
		!strings.Contains(err.Error(), "MaxHeight") {
		t.Errorf("too tall: %v", err)
	}
	for _, o := range []*PRISMAOptions{{FontSize: 5}, {Width: -1}, {MaxHeight: -3}} {
		if _, _, err := PRISMA(brooksFlow(), o); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%+v: %v", o, err)
		}
	}
	if _, _, err := PRISMA(nil, nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("nil flow: %v", err)
	}
}

// TestPRISMAGallery writes the gallery figures (go test ./plot -run
// PRISMAGallery -update) and checks that every format renders.
func TestPRISMAGallery(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("testdata", "gallery")
	for _, c := range []struct {
		name string
		f    *prisma.Flow
	}{{"prisma_brooks", brooksFlow()}, {"prisma_full", fullFlow()}} {
		for _, w := range []vg.Length{8.5 * vg.Centimeter, 17 * vg.Centimeter} {
			fig, h, err := PRISMA(c.f, &PRISMAOptions{Width: w})
			if err != nil {
				t.Fatal(err)
			}
			for _, format := range []string{"png", "svg", "pdf"} {
				wt, err := fig.WriterTo(w, h, format)
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if _, err := wt.WriteTo(&buf); err != nil {
					t.Fatalf("%s %s: %v", c.name, format, err)
				}
				if buf.Len() < 1000 {
					t.Errorf("%s %s: only %d bytes", c.name, format, buf.Len())
				}
				if *golden.Update && format != "pdf" {
					path := filepath.Join(dir, fmt.Sprintf("%s_%gcm.%s", c.name, float64(w/vg.Centimeter), format))
					if err := os.MkdirAll(dir, 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
}

// TestPRISMARandom draws random flows (unknown counts, long and many
// reasons, with and without other methods) at the three column widths:
// each either fits, with every layout check passing, or is refused with
// ErrTooSmall; nothing panics.
func TestPRISMARandom(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	words := strings.Fields("intervention population outcome design not a primary study wrong comparator language duplicate publication " +
		"conference abstract only full text unavailable social network mental health diagnosis protocol")
	text := func(n int) string {
		s := make([]string, n)
		for i := range s {
			s[i] = words[r.IntN(len(words))]
		}
		return strings.Join(s, " ")
	}
	count := func() prisma.Count {
		if r.IntN(3) == 0 {
			return prisma.Unknown
		}
		return prisma.N(r.IntN(1_000_000))
	}
	drawn, refused := 0, 0
	for i := 0; i < 40; i++ {
		f := &prisma.Flow{Databases: count(), Registers: count(), Duplicates: count(), Automation: count(), OtherRemoved: count(),
			Screened: count(), RecordsExcluded: count(), Sought: count(), NotRetrieved: count(), Assessed: count(),
			Studies: count(), Reports: count()}
		for j := r.IntN(8); j > 0; j-- {
			f.Excluded = append(f.Excluded, prisma.Reason{Reason: text(1 + r.IntN(12)), N: count()})
		}
		for j := r.IntN(5); j > 0; j-- {
			f.DatabaseDetail = append(f.DatabaseDetail, prisma.Source{Name: text(1 + r.IntN(3)), N: count()})
		}
		if r.IntN(2) == 0 {
			f.Other = &prisma.OtherMethods{Sought: count(), NotRetrieved: count(), Assessed: count()}
			for j := r.IntN(4); j > 0; j-- {
				f.Other.Sources = append(f.Other.Sources, prisma.Source{Name: text(1 + r.IntN(4)), N: count()})
			}
			for j := r.IntN(4); j > 0; j-- {
				f.Other.Excluded = append(f.Other.Excluded, prisma.Reason{Reason: text(1 + r.IntN(6)), N: count()})
			}
		}
		for _, w := range prismaWidths {
			_, pp, _, err := newPRISMA(f, &PRISMAOptions{Width: w})
			if err != nil {
				if !errors.Is(err, ErrTooSmall) {
					t.Errorf("flow %d at %v: %v", i, w, err)
				}
				refused++
				continue
			}
			drawn++
			checkLayout(t, fmt.Sprintf("random flow %d at %.1f cm", i, w/vg.Centimeter), pp.layout)
		}
	}
	t.Logf("%d diagrams drawn and checked, %d refused", drawn, refused)
	if drawn < refused {
		t.Errorf("only %d of %d random flows fit", drawn, drawn+refused)
	}
}
