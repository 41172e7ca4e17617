// Package csvhint words the hint that every CSV reader of ties adds when a
// file's header cannot be matched: a heading that holds a semicolon, a tab
// or a vertical bar usually means the file was saved with that separator
// (spreadsheets in locales with a decimal comma save with ';') and read
// with another.
package csvhint

import "strings"

var separators = []struct {
	r                 rune
	holds, by, quoted string
}{
	{';', "';'", "semicolons", "';'"},
	{'\t', "a tab", "tabs", `'\t'`},
	{'|', "'|'", "vertical bars", "'|'"},
}

// Separator returns "" or a hint such as "; a heading holds ';': if the
// file is separated by semicolons, set ReadOptions.Comma = ';'" for the
// first heading that holds a separator other than comma, the one in use.
// option names the reader's separator setting; "" means the reader has
// none, and the hint says to convert the file to commas.
func Separator(headings []string, comma rune, option string) string {
	for _, s := range separators {
		if s.r == comma {
			continue
		}
		for _, h := range headings {
			if strings.ContainsRune(h, s.r) {
				fix := "set " + option + " = " + s.quoted
				if option == "" {
					fix = "convert it to commas"
				}
				return "; a heading holds " + s.holds + ": if the file is separated by " + s.by + ", " + fix
			}
		}
	}
	return ""
}
