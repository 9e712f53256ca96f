package domain

import (
	"fmt"
	"math"
	"unicode"
	"unicode/utf8"
)

// Field limits, in characters (Unicode code points). The schema's input
// descriptions state them; every write path (API, dataset, import) checks
// them through the kinds' Validate methods before Neo4j sees a value.
//
// Stored sort keys are derived from names, titles and summaries and sit in
// range indexes, whose keys Neo4j caps at about 8 KB; the store truncates
// them (SortKeyMax) so that no length allowed here can reach that cap.
const (
	MaxName        = 500     // a name, an alias, a title
	MaxAliases     = 100     // aliases of one entity
	MaxCode        = 100     // a language tag, a country code, a Wikidata id, a fact's role or side
	MaxURL         = 2048    // a URL
	MaxCue         = 500     // a reporting phrase
	MaxSummary     = 2000    // an English summary
	MaxDescription = 5000    // a description, a negotiation's topic
	MaxText        = 20000   // a claim's text, a quote
	MaxSourceText  = 1000000 // the full text of a source
)

// SortKeyMax is the length, in characters, to which stored sort keys are cut:
// at most 4 bytes a character, well below Neo4j's index key limit.
const SortKeyMax = 1000

// Control characters other than tab, line feed and carriage return are
// rejected everywhere; those three only in multi-line fields (texts, quotes,
// summaries, descriptions). Names, titles, codes and cues are one line.

// Line checks a one-line string field: at most max characters, valid UTF-8,
// no control character.
func Line(field, v string, max int) error { return checkText(field, v, max, false) }

// Paragraphs checks a multi-line string field: at most max characters, valid
// UTF-8, no control character but tab, line feed and carriage return.
func Paragraphs(field, v string, max int) error { return checkText(field, v, max, true) }

func checkText(field, v string, max int, multiline bool) error {
	if !utf8.ValidString(v) {
		return Invalid(field, "%s is not valid UTF-8", field)
	}
	n := 0
	for i, r := range v {
		n++
		if unicode.IsControl(r) && !(multiline && (r == '\t' || r == '\n' || r == '\r')) {
			what := "a control character"
			if r == '\t' || r == '\n' || r == '\r' {
				what = "a tab or line break"
			}
			return &Error{Code: EINVALID, Field: field,
				Message:    fmt.Sprintf("%s contains %s (U+%04X) at byte %d; remove it", field, what, r, i),
				Extensions: map[string]any{"character": fmt.Sprintf("U+%04X", r), "offset": i}}
		}
	}
	if n > max {
		return &Error{Code: EINVALID, Field: field,
			Message:    fmt.Sprintf("%s is %d characters long; at most %d are allowed", field, n, max),
			Extensions: map[string]any{"length": n, "max": max}}
	}
	return nil
}

func optLine(field string, v *string, max int) error {
	if v == nil {
		return nil
	}
	return Line(field, *v, max)
}

// Coordinate checks an optional latitude or longitude: a finite number
// within ±limit degrees.
func Coordinate(field string, v *float64, limit float64) error {
	if v == nil {
		return nil
	}
	switch {
	case math.IsNaN(*v) || math.IsInf(*v, 0):
		return Invalid(field, "%s must be a finite number, not %v", field, *v)
	case *v < -limit || *v > limit:
		return &Error{Code: EINVALID, Field: field,
			Message:    fmt.Sprintf("%s %v is outside -%v..%v degrees", field, *v, limit, limit),
			Extensions: map[string]any{"min": -limit, "max": limit}}
	}
	return nil
}

// SortKey cuts a folded sort key to SortKeyMax characters.
func SortKey(folded string) string {
	n := 0
	for i := range folded {
		if n == SortKeyMax {
			return folded[:i]
		}
		n++
	}
	return folded
}
