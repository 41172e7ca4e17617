package plot

import (
	"image/color"
	"strings"
	"sync"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// prismaHandler measures and draws the text of the PRISMA diagram. It is
// its own font cache (Liberation Sans, shipped with gonum/plot), so the
// diagram's layout does not depend on other figures' settings.
var prismaHandler = text.Plain{Fonts: font.NewCache(liberation.Collection())}

var prismaFace = font.Font{Typeface: "Liberation", Variant: "Sans"}

// prismaText returns the text style of the diagram at size points.
func prismaText(size vg.Length) draw.TextStyle {
	return draw.TextStyle{
		Color:   color.Black,
		Font:    font.From(prismaFace, size),
		XAlign:  draw.XLeft,
		YAlign:  draw.YTop,
		Handler: prismaHandler,
	}
}

// nbsp joins the words of "(n = 1,234)" so that wrapping keeps the count
// together; prismaWrap turns it back into a space. It is a private-use
// character, not U+00A0, which strings.Fields treats as a space.
const nbsp = '\uE000'

// keepCount replaces the spaces inside "(n = ...)" by nbsp.
func keepCount(s string) string {
	i := strings.Index(s, "(n = ")
	if i < 0 {
		return s
	}
	j := strings.Index(s[i:], ")")
	if j < 0 {
		return s
	}
	return s[:i] + strings.ReplaceAll(s[i:i+j+1], " ", string(nbsp)) + s[i+j+1:]
}

// prismaWrap breaks s into lines no wider than width. It returns the
// first word that is wider than width on its own ("" if none). Words are
// measured once each and a line's width is the sum of its words and
// spaces, with 1% to spare for kerning across word boundaries.
func prismaWrap(s string, sty draw.TextStyle, width vg.Length) (lines []string, tooWide string) {
	words := strings.Fields(keepCount(s))
	unjoin := func(w string) string { return strings.ReplaceAll(w, string(nbsp), " ") }
	space := textWidth(sty, " ")
	var cur string
	var curW vg.Length
	for _, w := range words {
		ww := textWidth(sty, unjoin(w))
		if ww*1.01 > width && tooWide == "" {
			tooWide = unjoin(w)
		}
		if cur == "" {
			cur, curW = w, ww
			continue
		}
		if next := curW + space + ww; next*1.01 <= width {
			cur, curW = cur+" "+w, next
			continue
		}
		lines = append(lines, unjoin(cur))
		cur, curW = w, ww
	}
	if cur != "" {
		lines = append(lines, unjoin(cur))
	}
	return lines, tooWide
}

// widthKey identifies a measured word.
type widthKey struct {
	size vg.Length
	s    string
}

// widths caches word widths: the layout wraps the same words many times
// while it shares the width between columns.
var widths sync.Map

func textWidth(sty draw.TextStyle, s string) vg.Length {
	k := widthKey{sty.Font.Size, s}
	if w, ok := widths.Load(k); ok {
		return w.(vg.Length)
	}
	w := sty.Width(s)
	widths.Store(k, w)
	return w
}
