package mentions

import (
	"slices"
	"strings"
)

// stopWords are folded function words that are capitalised only because they
// start a sentence or a heading; they are dropped from the start of a run so
// that "W Moskwie" suggests "Moskwie", not "W Moskwie". "The" is deliberately
// absent: it often belongs to the name ("The Guardian").
var stopWords = map[string]bool{
	// Polish prepositions and conjunctions.
	"w": true, "we": true, "z": true, "ze": true, "i": true, "a": true,
	"o": true, "u": true, "do": true, "na": true, "po": true, "od": true,
	"za": true, "dla": true, "przed": true, "przez": true, "pod": true,
	"nad": true, "ale": true, "oraz": true,
	// English ones.
	"in": true, "on": true, "at": true, "of": true, "for": true,
	"from": true, "by": true, "with": true, "and": true, "but": true,
	"if": true,
}

// suggest finds the capitalised names in the text that are not part of any
// mention (used marks the words taken by mentions). It is a heuristic:
//
//   - a run is a maximal sequence of capitalised words not used by a mention
//     and separated only by spaces or a single "-"; line breaks, punctuation
//     and mentions end it;
//   - stopWords are dropped from the start of a run;
//   - a run is kept if it does not start a sentence (the text, a line, or
//     what follows ".", "!", "?", "…" or ":"), or if it has at least two
//     words, or if it is the whole of a quotation (a title such as "War");
//   - a single sentence-initial word is otherwise taken for a common word
//     ("Rozmowy", "Słuchajcie"), unless the same text is kept elsewhere in
//     the text, in which case that occurrence counts too.
//
// So a name seen only once, as a single word at a sentence start, is missed,
// and a capitalised common word before a name at a sentence start is kept
// with it ("Dziennikarz Reuters" when Reuters is unknown). Suggestions are
// grouped by exact text and ordered by first offset.
func suggest(rs []rune, toks []token, used []bool) []Suggestion {
	type run struct {
		text  string
		start int
		weak  bool // a lone sentence-initial word
	}
	var runs []run
	for i := 0; i < len(toks); {
		if used[i] || !toks[i].upper {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && !used[j] && toks[j].upper && continuesRun(rs[toks[j-1].end:toks[j].start]) {
			j++
		}
		first := i
		for first < j && stopWords[toks[first].fold] {
			first++
		}
		if first < j {
			r := run{
				text:  string(rs[toks[first].start:toks[j-1].end]),
				start: toks[first].start,
			}
			if j-first == 1 && first == i && startsSentence(rs, toks, i) && !quoted(rs, toks, i, j) {
				r.weak = true
			}
			runs = append(runs, r)
		}
		i = j
	}

	strong := map[string]bool{}
	for _, r := range runs {
		if !r.weak {
			strong[r.text] = true
		}
	}
	var out []Suggestion
	byText := map[string]int{}
	for _, r := range runs {
		if !strong[r.text] {
			continue
		}
		k, ok := byText[r.text]
		if !ok {
			k = len(out)
			byText[r.text] = k
			out = append(out, Suggestion{Text: r.text})
		}
		out[k].Offsets = append(out[k].Offsets, r.start)
		out[k].Count++
	}
	// Runs are produced in text order, so offsets are ascending and the
	// suggestions are already ordered by first offset.
	return out
}

// continuesRun reports whether gap, the text between two capitalised words,
// keeps them in one name: spaces only, or a single hyphen ("Bielsko-Biała").
func continuesRun(gap []rune) bool {
	if string(gap) == "-" {
		return true
	}
	return strings.Trim(string(gap), " \t\u00a0") == ""
}

// startsSentence reports whether word i begins the text, a line or a sentence.
func startsSentence(rs []rune, toks []token, i int) bool {
	if i == 0 {
		return true
	}
	return slices.ContainsFunc(rs[toks[i-1].end:toks[i].start], func(r rune) bool {
		return strings.ContainsRune(".!?…:\n", r)
	})
}

// quoted reports whether words [i, j) are exactly the content of a quotation,
// like the book title in `pt. "War" doniósł`.
func quoted(rs []rune, toks []token, i, j int) bool {
	const quotes = "\"'„“”«»‘’"
	b := toks[i].start - 1
	for b >= 0 && rs[b] == ' ' {
		b--
	}
	a := toks[j-1].end
	return b >= 0 && a < len(rs) &&
		strings.ContainsRune(quotes, rs[b]) && strings.ContainsRune(quotes, rs[a])
}
