package plot_test

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/tiesproject/ties/plot"
)

// longRole is a role label as a codebook may spell it, far wider than a
// single journal column; longKey is another, which TestLongKeyLabels
// puts in every figure's key.
const (
	longRole = "professional (doctor, nurse, social worker, home help or therapist) paid to help"
	longKey  = "health or social care worker (general practitioner, district nurse, social worker, home carer or therapist) employed to support the participant"
)

// TestLongKeyLabels gives every figure kind a long key label (its middle
// entry's, or an entry of its own when it has no key) and lays it out at
// 8.5 cm: the key wraps the label onto at most three lines, shrinking the
// text before it cuts anything; every line of text lies inside the page
// and no text overlaps other text. A label too long even for three lines
// at 7 pt ends in an ellipsis, recorded in Layout.Shortened with its full
// text. Where the key's lines leave the data panel less than its share,
// Layout returns ErrTooSmall with a size that works, and the checks are
// made at that size.
func TestLongKeyLabels(t *testing.T) {
	cases := append(append(figureCases(), egoCases(t)...), tippingCases(t)...)
	const w = 8.5
	for _, fc := range cases {
		for _, label := range []string{longKey, strings.Repeat(longKey+"; ", 4)} {
			label = strings.TrimSuffix(label, "; ")
			fig, err := fc.build()
			if err != nil {
				t.Fatalf("%s: %v", fc.name, err)
			}
			if len(fig.Key) == 0 {
				fig.Key = append(fig.Key, plot.KeyEntry{Label: label})
			} else {
				fig.Key[len(fig.Key)/2].Label = label
			}
			h := fc.height(w)
			name := fc.name
			if label != longKey {
				name += " (longer)"
			}
			l, err := fig.Layout(w*cm, vg.Length(h)*cm)
			if errors.Is(err, plot.ErrTooSmall) {
				// The key's lines leave the panel less than its share:
				// the error says how large the figure must be, and that
				// size works.
				var bw, bh float64
				msg := err.Error()
				i := strings.Index(msg, "about ")
				if i < 0 {
					t.Fatalf("%s: no smallest size in %q", name, msg)
				}
				if _, e := fmt.Sscanf(msg[i:], "about %f × %f cm", &bw, &bh); e != nil {
					t.Fatalf("%s: cannot read the smallest size in %q: %v", name, msg, e)
				}
				t.Logf("%s at %.1f × %.1f cm: too small, works at %.1f × %.1f cm", name, w, h, bw, bh)
				h = bh + 0.05
				l, err = fig.Layout(vg.Length(bw+0.05)*cm, vg.Length(h)*cm)
			}
			if err != nil {
				t.Errorf("%s at %.1f × %.1f cm: %v", name, w, h, err)
				continue
			}
			for _, o := range l.Overlaps(0.5) {
				t.Errorf("%s: %q overlaps %q", name, o[0].Text, o[1].Text)
			}
			for _, tb := range l.Texts {
				if tb.Box.Min.X < -0.5 || tb.Box.Min.Y < -0.5 || tb.Box.Max.X > l.Width+0.5 || tb.Box.Max.Y > l.Height+0.5 {
					t.Errorf("%s: %q off the %.1f × %.1f pt page: %v", name, tb.Text, l.Width, l.Height, tb.Box)
				}
			}
			if l.FontSize < 7 {
				t.Errorf("%s: text %.1f pt, below the floor", name, l.FontSize)
			}
			// The label's lines as drawn, in order.
			others := map[string]bool{}
			for _, e := range fig.Key {
				others[e.Label] = e.Label != label
			}
			var lines []string
			for _, tb := range l.Texts {
				if strings.Contains(label, strings.TrimSuffix(tb.Text, "…")) && len(tb.Text) > 8 && !others[tb.Text] {
					lines = append(lines, tb.Text)
				}
			}
			cut := false
			for _, s := range l.Shortened {
				if s.Full == label {
					cut = true
				}
			}
			switch {
			case len(lines) == 0:
				t.Errorf("%s: the key label is not drawn", name)
			case len(lines) > 3:
				t.Errorf("%s: the key label takes %d lines, want at most 3: %q", name, len(lines), lines)
			case label == longKey && (cut || strings.Join(lines, " ") != label):
				t.Errorf("%s: the label is not shown in full on %d lines: %q", name, len(lines), lines)
			case label != longKey && !cut:
				t.Errorf("%s: the label is cut to %q but Layout.Shortened does not say so", name, lines)
			}
			t.Logf("%-22s %.1f pt, key label on %d lines, cut %v", name, l.FontSize, len(lines), cut)
		}
	}
}

// TestKeyTooSmall: a key that leaves the data panel no room is refused
// with ErrTooSmall, and the best effort Draw would make keeps the key's
// text inside the page (its collapsed data panel may not).
func TestKeyTooSmall(t *testing.T) {
	fig, err := plot.Funnel(funnelData(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 12; i++ {
		fig.Key = append(fig.Key, plot.KeyEntry{Label: longRole})
	}
	l, err := fig.Layout(8.5*cm, 6*cm)
	if !errors.Is(err, plot.ErrTooSmall) {
		t.Fatalf("twelve long key labels at 8.5 × 6 cm: %v, want ErrTooSmall", err)
	}
	for _, tb := range l.Texts {
		if !strings.Contains(longRole, strings.TrimSuffix(tb.Text, "…")) {
			continue
		}
		if tb.Box.Min.X < -0.5 || tb.Box.Max.X > l.Width+0.5 {
			t.Errorf("%q off the page: %v", tb.Text, tb.Box)
		}
	}
}

// TestKeyLabelsRandom runs FuzzKeyLabels' checks over random labels
// (words of random length, runs without spaces, line breaks) on every
// figure kind with a key: the fuzzer explores slowly here, so this covers
// the ground every run.
func TestKeyLabelsRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 1))
	word := func() string {
		b := make([]rune, 1+r.IntN(14))
		for i := range b {
			b[i] = rune('a' + r.IntN(26))
		}
		if r.IntN(20) == 0 {
			return strings.Repeat("W", 40+r.IntN(80))
		}
		return string(b)
	}
	label := func() string {
		ws := make([]string, r.IntN(40))
		for i := range ws {
			ws[i] = word()
			if r.IntN(30) == 0 {
				ws[i] += "\n"
			}
		}
		return strings.Join(ws, " ")
	}
	cases := append(append(figureCases(), egoCases(t)...), tippingCases(t)...)
	fits, refused := 0, 0
	for i := 0; i < 150; i++ {
		fc := cases[r.IntN(len(cases))]
		fig, err := fc.build()
		if err != nil {
			t.Fatal(err)
		}
		for j := r.IntN(3); j >= 0; j-- {
			if len(fig.Key) > 0 && r.IntN(2) == 0 {
				fig.Key[r.IntN(len(fig.Key))].Label = label()
			} else {
				fig.Key = append(fig.Key, plot.KeyEntry{Label: label()})
			}
		}
		w := widths[r.IntN(len(widths))]
		h := fc.height(w) * (0.8 + 0.6*r.Float64())
		l, err := fig.Layout(vg.Length(w)*cm, vg.Length(h)*cm)
		if errors.Is(err, plot.ErrTooSmall) {
			refused++
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", fc.name, err)
		}
		fits++
		checkTextPlaced(t, fmt.Sprintf("%s at %.1f × %.1f cm", fc.name, w, h), l)
	}
	t.Logf("%d figures fit and were checked, %d refused with ErrTooSmall", fits, refused)
}

// FuzzKeyLabels: any key labels at any of the journal widths lay out
// without panicking; a figure that fits keeps every text on the page and
// apart from other text, or the layout returns ErrTooSmall.
func FuzzKeyLabels(f *testing.F) {
	f.Add(longKey, "Observed studies", uint8(0), uint8(8))
	f.Add(strings.Repeat("Wortwortwortwort", 12), "", uint8(1), uint8(4))
	f.Add("a b c d e f g h i j k l m n o p q r s t u v w x y z", longRole, uint8(2), uint8(12))
	f.Fuzz(func(t *testing.T, first, second string, width, height uint8) {
		fig, err := plot.Funnel(funnelData(), nil)
		if err != nil {
			t.Fatal(err)
		}
		fig.Key[0].Label = first
		fig.Key = append(fig.Key, plot.KeyEntry{Label: second})
		w := []vg.Length{8.5, 12, 17}[width%3] * cm
		h := vg.Length(4+height%16) * cm
		l, err := fig.Layout(w, h)
		if errors.Is(err, plot.ErrTooSmall) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if o := l.Overlaps(0.5); len(o) > 0 {
			t.Fatalf("%q overlaps %q", o[0][0].Text, o[0][1].Text)
		}
		for _, tb := range l.Texts {
			if tb.Box.Min.X < -0.5 || tb.Box.Min.Y < -0.5 || tb.Box.Max.X > l.Width+0.5 || tb.Box.Max.Y > l.Height+0.5 {
				t.Fatalf("%q off the page: %v", tb.Text, tb.Box)
			}
		}
	})
}

// TestKeyLabelSVGTitle: a key label cut with an ellipsis keeps its full
// text in the SVG, as a <title> of the line that ends in "…".
func TestKeyLabelSVGTitle(t *testing.T) {
	fig, err := plot.Funnel(funnelData(), nil)
	if err != nil {
		t.Fatal(err)
	}
	long := strings.TrimSuffix(strings.Repeat(longKey+"; ", 4), "; ")
	fig.Key[1].Label = long
	l, err := fig.Layout(8.5*cm, 9*cm)
	if err != nil {
		t.Fatal(err)
	}
	var shown string
	for _, s := range l.Shortened {
		if s.Full == long {
			shown = s.Shown
		}
	}
	if !strings.HasSuffix(shown, "…") {
		t.Fatalf("the key label is not recorded as cut: %q", l.Shortened)
	}
	wt, err := fig.WriterTo(8.5*cm, 9*cm, "svg")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if want := "<title>" + html.EscapeString(long) + "</title>" + html.EscapeString(shown) + "</text>"; !strings.Contains(buf.String(), want) {
		t.Errorf("the SVG lacks %q", want)
	}
}
