package domain

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// letters that Unicode does not decompose into a base letter and a mark.
var foldSpecial = strings.NewReplacer("ł", "l", "Ł", "l", "ø", "o", "Ø", "o", "đ", "d", "Đ", "d", "ß", "ss", "æ", "ae", "œ", "oe")

// Fold returns s lowercased, without diacritics and with runs of
// non-alphanumerics collapsed to one space, so that "Zełenski", "ZELENSKI"
// and "zelenski" compare equal. Names are stored with their folded forms and
// queries are folded the same way.
func Fold(s string) string {
	s = foldSpecial.Replace(s)
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	if out, _, err := transform.String(t, s); err == nil {
		s = out
	}
	s = strings.ToLower(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// SearchKeys returns the distinct folded forms of a name and its aliases.
func SearchKeys(name string, aliases []string) []string {
	seen := map[string]bool{}
	var keys []string
	for _, s := range append([]string{name}, aliases...) {
		if k := Fold(s); k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys
}
