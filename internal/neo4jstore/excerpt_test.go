package neo4jstore

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestExcerpt: the passage around the match, cut at words, never empty, never
// without the matched word, also in text without spaces (issue 9).
func TestExcerpt(t *testing.T) {
	long := strings.Repeat("słowo ", 100) + "ujawniono informacje " + strings.Repeat("dalej ", 100)
	for _, tc := range []struct {
		value, stem, want string
	}{
		{"Krótki tekst o Pieskowie.", "pieskow", "Krótki tekst o Pieskowie."},
		{long, "ujawnion", "ujawniono informacje"},
		{strings.Repeat("字", 500) + " Putin " + strings.Repeat("字", 500), "putin", "Putin"},
		{strings.Repeat("x", 300) + "Putinem" + strings.Repeat("y", 300), "putin", "Putinem"},
		{"Putin " + strings.Repeat("a", 400), "putin", "Putin"},
	} {
		got, ok := excerpt(tc.value, []string{tc.stem})
		if !ok || !strings.Contains(got, tc.want) || utf8.RuneCountInString(got) > excerptLen+2+len([]rune(tc.want)) {
			t.Errorf("excerpt(%.40q…, %q) = %q, %v; want a passage with %q", tc.value, tc.stem, got, ok, tc.want)
		}
	}
	if _, ok := excerpt(long, []string{"nieobecne"}); ok {
		t.Error("an excerpt for a stem that is not there")
	}
}

// BenchmarkExcerptLongText: a source's text of a million characters.
func BenchmarkExcerptLongText(b *testing.B) {
	text := strings.Repeat("Do tej pory w tym roku odbyły się dwie oficjalne rozmowy. ", 17000) + "ujawniono informacje"
	for b.Loop() {
		excerpt(text, []string{"ujawnion"})
	}
}
