// Package mentions finds known entities in news text (Polish and English) by
// name and alias, tolerating case, diacritics and inflection.
//
// Matching works on words (see tokenize) compared in folded form: lower-case,
// without diacritics, without an English possessive "'s". A name word matches
// a text word when
//
//   - they are equal after folding, or
//   - the text word is the name word's stem followed by one of a fixed list of
//     Polish case endings (see endings). The stem is the folded name word
//     without a final vowel (a, e, i, o, u, y), or the whole word when it ends
//     in a consonant: "Putin" → "Putinem", "Rosja" → "Rosji"/"Rosję",
//     "Biały" → "Białego", "Dom" → "Domu", "Kijów" → "Kijowem", or
//   - the text word is the stem with a common consonant alternation followed
//     by "e" (locative/dative): "Ameryka" → "Ameryce", "Praga" → "Pradze".
//
// To keep false positives down:
//
//   - a name word shorter than three letters, or whose stem would be, matches
//     only exactly ("US", "Xi");
//   - an all-capitals name word (an acronym, "USA") matches only an
//     all-capitals text word with the same letters;
//   - a capitalised name word matches only a capitalised text word, so "do
//     domu" never matches "Biały Dom" and "kremlowskim" never matches "Kreml".
//     Lower-case name words ("agencja Bloomberga", "of") match in any case;
//   - the words of a multi-word name must be separated in the text by white
//     space only, optionally with one "." (initials) or "-".
//
// Demonyms and adjectives are not names: "Rosjanie" and "rosyjski" do not
// match Russia ("anie" is not an ending, and "rosyjski" does not start with
// the stem "rosj").
//
// Overlapping matches are resolved longest first, so "Władimirem Putinem" is
// one mention of Putin and "Washington Post" is the newspaper rather than the
// alias "Washington" of the White House. Equal-length matches of the same
// words prefer exact (uninflected) matches, then the earlier entity in the
// input, then the earlier name of that entity.
package mentions

import (
	"github.com/newsgraph/newsgraph/internal/domain"
	"slices"
	"strings"
)

// Entity is a known entity to look for.
type Entity struct {
	// ID identifies the entity; it is copied to Mention.EntityID.
	ID string
	// Names holds the entity's name first, then its aliases. All are matched
	// the same way.
	Names []string
}

// Mention is one entity found in a text.
type Mention struct {
	// EntityID is the ID of the matched Entity.
	EntityID string
	// Count is the number of occurrences, len(Offsets).
	Count int
	// Offsets holds the rune offset (not byte offset) of the start of each
	// occurrence in the text, ascending.
	Offsets []int
	// Forms holds the distinct surface forms seen, in order of first
	// appearance, e.g. ["Putinem", "Putina"]. A form is the text from the
	// start of the first matched word to the end of the last, so it may
	// contain spaces or punctuation ("Donald J. Trump").
	Forms []string
}

// Suggestion is a capitalised name in the text that matched no entity.
type Suggestion struct {
	// Text is the name as written in the text.
	Text string
	// Count is the number of occurrences, len(Offsets).
	Count int
	// Offsets holds the rune offset of each occurrence's start, ascending.
	Offsets []int
}

// Find returns the mentions of entities in text, ordered by first offset, and
// the capitalised names it could not link (see the package documentation for
// how names are matched, and suggest for how unlinked names are found).
// Mentions of entities sharing an ID are merged. Find is deterministic and
// safe for concurrent use.
func Find(text string, entities []Entity) (mentions []Mention, unlinked []Suggestion) {
	rs := []rune(text)
	toks := tokenize(rs)
	pats, index := compile(entities)

	cands := candidates(rs, toks, pats, index)
	// Longest first; then leftmost; then exact over inflected; then input order.
	slices.SortFunc(cands, func(a, b candidate) int {
		if a.n != b.n {
			return b.n - a.n
		}
		if a.start != b.start {
			return a.start - b.start
		}
		if a.exact != b.exact {
			return b.exact - a.exact
		}
		return a.pat - b.pat
	})
	used := make([]bool, len(toks))
	var chosen []candidate
	for _, c := range cands {
		if slices.Contains(used[c.start:c.start+c.n], true) {
			continue
		}
		for i := c.start; i < c.start+c.n; i++ {
			used[i] = true
		}
		chosen = append(chosen, c)
	}
	slices.SortFunc(chosen, func(a, b candidate) int { return a.start - b.start })

	byID := map[string]int{}
	for _, c := range chosen {
		id := pats[c.pat].id
		k, ok := byID[id]
		if !ok {
			k = len(mentions)
			byID[id] = k
			mentions = append(mentions, Mention{EntityID: id})
		}
		m := &mentions[k]
		m.Offsets = append(m.Offsets, toks[c.start].start)
		m.Count++
		form := string(rs[toks[c.start].start:toks[c.start+c.n-1].end])
		if !slices.Contains(m.Forms, form) {
			m.Forms = append(m.Forms, form)
		}
	}
	return mentions, suggest(rs, toks, used)
}

// endings are the folded word endings (Polish noun and adjective case
// endings; ą and ę fold to a and e) accepted after a name word's stem. The
// empty ending lets a consonant-final name match itself.
var endings = func() map[string]bool {
	m := map[string]bool{"": true}
	for _, e := range domain.PolishEndings {
		m[e] = true
	}
	return m
}()

// alternations are stem-final consonant changes before the locative/dative
// ending "e" ("Ameryka" → "Ameryce", "Praga" → "Pradze", "Kreta" → "Krecie"),
// longest suffix first. All strings are folded (ś → s).
var alternations = []struct{ from, to string }{
	{"ch", "sz"}, {"st", "sci"},
	{"k", "c"}, {"g", "dz"}, {"r", "rz"}, {"t", "ci"}, {"d", "dzi"},
}

// nameWord is one word of an entity name, prepared for matching.
type nameWord struct {
	fold    string
	stem    string   // "" when only an exact match is allowed
	alts    []string // alternated stems, each followed only by "e"
	upper   bool     // capitalised: the text word must be too
	acronym bool     // all capitals: the text word must be too, and equal
}

func newNameWord(t token) nameWord {
	w := nameWord{fold: t.fold, upper: t.upper, acronym: t.acronym}
	if w.acronym {
		return w
	}
	stem := []rune(t.fold)
	if n := len(stem); n > 0 && strings.ContainsRune("aeiouy", stem[n-1]) {
		stem = stem[:n-1]
	}
	// Short stems would let "Ua" or "Xi" swallow unrelated words.
	if len(stem) < 3 {
		return w
	}
	w.stem = string(stem)
	for _, a := range alternations {
		// Keep the first three runes intact so prefixKey still finds the word.
		if base, ok := strings.CutSuffix(w.stem, a.from); ok && len([]rune(base)) >= 3 {
			w.alts = append(w.alts, base+a.to)
			break
		}
	}
	return w
}

// match reports whether the text word t is a form of w, and whether it is an
// exact (uninflected) one.
func (w nameWord) match(t token) (ok, exact bool) {
	if w.acronym {
		return t.acronym && t.fold == w.fold, true
	}
	if w.upper && !t.upper {
		return false, false
	}
	if t.fold == w.fold {
		return true, true
	}
	if w.stem == "" {
		return false, false
	}
	if rest, ok := strings.CutPrefix(t.fold, w.stem); ok && endings[rest] {
		return true, false
	}
	for _, a := range w.alts {
		if t.fold == a+"e" {
			return true, false
		}
	}
	return false, false
}

// pattern is one name of one entity, as a sequence of words.
type pattern struct {
	id    string
	words []nameWord
}

// compile turns every name of every entity into a pattern, in input order,
// and indexes the patterns by the prefixKey of their first word.
func compile(entities []Entity) ([]pattern, map[string][]int) {
	var pats []pattern
	index := map[string][]int{}
	for _, e := range entities {
		for _, name := range e.Names {
			toks := tokenize([]rune(name))
			if len(toks) == 0 {
				continue
			}
			p := pattern{id: e.ID}
			for _, t := range toks {
				p.words = append(p.words, newNameWord(t))
			}
			key := prefixKey(p.words[0].fold)
			index[key] = append(index[key], len(pats))
			pats = append(pats, p)
		}
	}
	return pats, index
}

// candidate is a match of pattern pat on the n text words from start.
type candidate struct {
	start, n int
	pat      int
	exact    int // how many of the words matched exactly
}

// candidates lists every match of every pattern anywhere in the text,
// overlapping ones included.
func candidates(rs []rune, toks []token, pats []pattern, index map[string][]int) []candidate {
	var cands []candidate
	for i, t := range toks {
	patterns:
		for _, pi := range index[prefixKey(t.fold)] {
			p := pats[pi]
			if i+len(p.words) > len(toks) {
				continue
			}
			c := candidate{start: i, n: len(p.words), pat: pi}
			for k, w := range p.words {
				if k > 0 && !joins(rs[toks[i+k-1].end:toks[i+k].start]) {
					continue patterns
				}
				ok, exact := w.match(toks[i+k])
				if !ok {
					continue patterns
				}
				if exact {
					c.exact++
				}
			}
			cands = append(cands, c)
		}
	}
	return cands
}

// joins reports whether gap, the text between two words, may separate words
// of one name: white space with at most one line break, and at most one "."
// or "-" ("Donald J. Trump", "Bielsko-Biała", a name wrapped across lines).
// Anything else, such as a comma or a paragraph break, ends the name.
func joins(gap []rune) bool {
	marks, lines := 0, 0
	for _, r := range gap {
		switch r {
		case '.', '-':
			marks++
		case '\n':
			lines++
		case ' ', '\t', '\r', '\u00a0':
		default:
			return false
		}
	}
	return marks <= 1 && lines <= 1
}
