package domain

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTextRules(t *testing.T) {
	for _, tc := range []struct {
		v         string
		multiline bool
		ok        bool
	}{
		{"Dmitrij Pieskow", false, true},
		{"tab\there", false, false},
		{"tab\there\nand line\r\n", true, true},
		{"nul\x00", true, false},
		{"bell\a", true, false},
		{"c1\u0085", true, false},
		{"del\x7f", true, false},
		{"bad utf8 \xff", true, false},
		{strings.Repeat("ż", 10), false, true},
		{strings.Repeat("ż", 11), false, false},
	} {
		limit := 100
		if strings.HasPrefix(tc.v, "ż") {
			limit = 10 // characters, not bytes
		}
		err := checkText("f", tc.v, limit, tc.multiline)
		if (err == nil) != tc.ok {
			t.Errorf("checkText(%q, multiline %v) = %v, want ok %v", tc.v, tc.multiline, err, tc.ok)
		}
	}
}

func TestCoordinate(t *testing.T) {
	for v, ok := range map[float64]bool{0: true, 90: true, -90: true, 90.0001: false, math.NaN(): false, math.Inf(1): false, math.Inf(-1): false} {
		if err := Coordinate("lat", &v, 90); (err == nil) != ok {
			t.Errorf("Coordinate(%v) = %v, want ok %v", v, err, ok)
		}
	}
}

// TestSortKeyFitsTheIndex: the longest value any rule allows, in 4-byte
// characters, gives a sort key below Neo4j's 8 KB index key limit.
func TestSortKeyFitsTheIndex(t *testing.T) {
	k := SortKey(strings.Repeat("𝔸", MaxText))
	if utf8.RuneCountInString(k) != SortKeyMax || len(k) > 8000 {
		t.Errorf("sort key of %d characters, %d bytes", utf8.RuneCountInString(k), len(k))
	}
	if SortKey("short") != "short" {
		t.Error("a short key was cut")
	}
}
