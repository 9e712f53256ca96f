package domain

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/unicode/norm"
)

// letters that Unicode does not decompose into a base letter and a mark,
// and typographic apostrophes.
var foldSpecial = strings.NewReplacer("ł", "l", "Ł", "l", "ø", "o", "Ø", "o", "đ", "d", "Đ", "d", "ı", "i",
	"ß", "ss", "æ", "ae", "œ", "oe", "’", "'", "ʼ", "'")

// stripMarks removes the combining marks canonical decomposition leaves; it
// is stateless, so one value serves every goroutine.
var stripMarks = runes.Remove(runes.In(unicode.Mn))

// FoldWord returns one word lowercased and without diacritics
// ("Zełenskiego" → "zelenskiego"), keeping its apostrophes (as '). It is the
// letter rule of Fold, and what mention linking compares words with.
func FoldWord(s string) string {
	s = norm.NFC.String(stripMarks.String(norm.NFD.String(foldSpecial.Replace(s))))
	return strings.ToLower(s)
}

// Fold returns s lowercased, without diacritics and with runs of
// non-alphanumerics collapsed to one space, so that "Zełenski", "ZELENSKI"
// and "zelenski" compare equal. Names are stored with their folded forms and
// queries are folded the same way. Search, the list filters and mention
// linking all fold through FoldWord.
func Fold(s string) string {
	s = FoldWord(s)
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

// PolishEndings are the folded case endings of Polish nouns and adjectives
// (ą and ę fold to a and e), longest first: search strips one from a query
// word, and mention linking accepts one after a name word's stem.
var PolishEndings = []string{"owie", "iego", "iemu", "ami", "ach", "ego", "emu", "iej", "owi", "ych", "ich", "iem",
	"em", "om", "ie", "ii", "iu", "ow", "mi", "ej", "ym", "im", "a", "e", "i", "u", "y", "o"}

// Stem strips one Polish ending from a folded word, keeping at least four
// letters, so that one form finds the others: "Putinem" and "Putina" both
// become putin, "Zełenskiego" zelensk. Search and the list filters' name use
// it.
func Stem(word string) string {
	for _, end := range PolishEndings {
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
