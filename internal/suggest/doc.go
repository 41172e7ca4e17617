// Package suggest finds what a mistyped name was probably meant to be, so
// that an error about an unknown name can offer the closest known one. It
// measures closeness by the edit distance of Levenshtein (1966): the
// fewest insertions, deletions and substitutions turning one string into
// the other, computed by the dynamic programme of Wagner and Fischer
// (1974).
//
// References:
//
// Levenshtein VI (1966). Binary codes capable of correcting deletions,
// insertions, and reversals. Soviet Physics Doklady 10(8):707–710.
//
// Wagner RA, Fischer MJ (1974). The string-to-string correction problem.
// Journal of the ACM 21(1):168–173. doi:10.1145/321796.321811
package suggest
