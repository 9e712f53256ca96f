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
func Fold(s string) string { return foldWith(newFoldTransformer(), s) }

// Folder returns Fold with one transformer reused from call to call, for
// folding many short strings in one goroutine.
func Folder() func(string) string {
	t := newFoldTransformer()
	return func(s string) string { return foldWith(t, s) }
}

func newFoldTransformer() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

func foldWith(t transform.Transformer, s string) string {
	s = foldSpecial.Replace(s)
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

// polishEndings are stripped from words so that one form finds the others:
// "Putinem" and "Putina" both become putin, "Zełenskiego" zelensk. Search
// and the list filters' name use the same rule.
var polishEndings = []string{"owie", "ami", "ach", "ego", "emu", "iej", "owi", "ych", "ich", "em", "om", "ie", "ii", "ej", "ym", "im", "a", "e", "i", "u", "y", "o"}

// Stem strips one Polish ending from a folded word, keeping at least four
// letters.
func Stem(word string) string {
	for _, end := range polishEndings {
		if strings.HasSuffix(word, end) && len(word)-len(end) >= 4 {
			return strings.TrimSuffix(word, end)
		}
	}
	return word
}

// NameWords folds s and stems each word: what a name filter looks for in a
// node's search keys ("Trumpa" → [trump]). Nil when s has no word.
func NameWords(s string) []string {
	words := strings.Fields(Fold(s))
	if len(words) == 0 {
		return nil
	}
	for i, w := range words {
		words[i] = Stem(w)
	}
	return words
}
