package mentions

import (
	"github.com/newsgraph/newsgraph/internal/domain"
	"unicode"
)

// token is one word of a text or of an entity name.
type token struct {
	start, end int    // rune offsets [start, end) in the text, including a possessive "'s"
	fold       string // folded form of the word without its possessive "'s"
	upper      bool   // the word starts with an upper-case letter
	acronym    bool   // the word has at least two letters, all upper-case ("USA", "NATO")
}

// tokenize splits rs into words: maximal runs of letters, digits and
// combining marks. An apostrophe between two word runes stays inside the word
// so that "Putin's" and "O'Brien" are single tokens; every other rune
// (space, punctuation, hyphen) separates words, so "Trump-Putin" is two.
func tokenize(rs []rune) []token {
	var toks []token
	for i := 0; i < len(rs); {
		if !isWordRune(rs[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(rs) && (isWordRune(rs[j]) || isApostrophe(rs[j]) && j+1 < len(rs) && isWordRune(rs[j+1])) {
			j++
		}
		toks = append(toks, newToken(rs, i, j))
		i = j
	}
	return toks
}

func newToken(rs []rune, start, end int) token {
	word := rs[start:end]
	// Drop an English possessive so that "Putin's" folds like "Putin".
	if n := len(word); n >= 3 && (word[n-1] == 's' || word[n-1] == 'S') && isApostrophe(word[n-2]) {
		word = word[:n-2]
	}
	letters, uppers := 0, 0
	for _, r := range word {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				uppers++
			}
		}
	}
	return token{
		start:   start,
		end:     end,
		fold:    fold(string(word)),
		upper:   unicode.IsUpper(word[0]) || unicode.IsTitle(word[0]),
		acronym: letters >= 2 && uppers == letters,
	}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// fold is the word rule of every text comparison in newsgraph: lower case,
// no diacritics, apostrophes as ' (domain.FoldWord).
func fold(s string) string { return domain.FoldWord(s) }

// prefixKey is the index key of a folded word: its first three runes (or the
// whole word if shorter). Every inflected form a name word can match shares
// this key, because stems are at least three runes long (see newNameWord).
func prefixKey(f string) string {
	n := 0
	for i := range f {
		if n == 3 {
			return f[:i]
		}
		n++
	}
	return f
}
