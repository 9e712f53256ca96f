package peerbench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// canon returns the canonical form of a GraphQL answer's data (or of the
// Cypher floor's row, as JSON), so that answers of the three systems compare
// by value:
//   - a connection that only selects nodes ({"nodes": [...]}) becomes its list;
//   - a single related object becomes a one-item list (the peer and newsgraph
//     differ in which relationships are lists: a lookup by id answers a list
//     in the peer);
//   - every list is sorted by the canonical JSON of its items, so that order
//     does not matter (the items themselves must be the same: see queries.go).
func canon(v any) any {
	switch x := v.(type) {
	case map[string]any:
		if n, ok := x["nodes"]; ok && len(x) == 1 {
			return canon(n)
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			c := canon(e)
			if m, ok := c.(map[string]any); ok {
				c = []any{m}
			}
			out[k] = c
		}
		return out
	case []any:
		type item struct {
			v   any
			key string
		}
		items := make([]item, len(x))
		for i, e := range x {
			c := canon(e)
			items[i] = item{c, canonJSON(c)}
		}
		slices.SortFunc(items, func(a, b item) int { return strings.Compare(a.key, b.key) })
		out := make([]any, len(items))
		for i, it := range items {
			out[i] = it.v
		}
		return out
	default:
		return x
	}
}

// canonJSON encodes a canonical value; encoding/json sorts map keys.
func canonJSON(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprintf("<%v>", err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// canonOf decodes a JSON document and returns its canonical JSON.
func canonOf(doc []byte) (string, error) {
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		return "", err
	}
	return canonJSON(canon(v)), nil
}

// countObjects counts the objects in a canonical value: the size of an answer.
func countObjects(v any) int {
	switch x := v.(type) {
	case map[string]any:
		n := 1
		for _, e := range x {
			n += countObjects(e)
		}
		return n
	case []any:
		n := 0
		for _, e := range x {
			n += countObjects(e)
		}
		return n
	}
	return 0
}

// firstDifference returns a window of a and b around the first byte where
// they differ, for an error message.
func firstDifference(a, b string) (string, string) {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	win := func(s string) string {
		lo, hi := max(0, i-120), min(len(s), i+200)
		out := s[lo:hi]
		if lo > 0 {
			out = "…" + out
		}
		if hi < len(s) {
			out += "…"
		}
		return out
	}
	return win(a), win(b)
}
