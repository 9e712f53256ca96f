package graph

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// cursorOrders are the orders a list can be asked for; "" is the default.
var cursorOrders = []domain.OrderField{"", domain.OrderByName, domain.OrderByDate, domain.OrderByID}

// cursorList picks the list (kind, order, direction) a fuzz case runs against.
func cursorList(sel uint8) (domain.Kind, domain.Page) {
	kind := domain.Kinds[int(sel)%len(domain.Kinds)]
	by := cursorOrders[int(sel)/len(domain.Kinds)%len(cursorOrders)]
	desc := int(sel)/(len(domain.Kinds)*len(cursorOrders))%2 == 1
	return kind, domain.Page{OrderBy: by, Descending: desc}
}

func wantBadCursor(t *testing.T, what string, err error) {
	t.Helper()
	var e *domain.Error
	if !errors.As(err, &e) || domain.ErrorCode(err) != domain.EINVALID || e.Field != "after" || e.Message == "" {
		t.Fatalf("%s: error %v (%T) is not an EINVALID *domain.Error on field after", what, err, err)
	}
}

// FuzzCursor: decodeCursor never panics on any string; it returns either a
// cursor with an id or an EINVALID error on "after", and a cursor it accepts
// encodes and decodes to itself. encodeCursor yields URL-safe text that
// decodes, for the same list, to the cursor encoded (keys and ids that are
// valid UTF-8, as every Neo4j string is, come back byte for byte), is refused
// for another list, and is refused when it carries no id.
func FuzzCursor(f *testing.F) {
	f.Add(encodeCursor(cursor{Cursor: domain.Cursor{Key: "dmitry peskov", ID: "person/dmitry-peskov"}, Kind: domain.KindPerson}), "dmitry peskov", "person/dmitry-peskov", uint8(0))
	f.Add(encodeCursor(cursor{Cursor: domain.Cursor{Key: "2025-03-18", ID: "claim/call"}, Kind: domain.KindClaim, By: domain.OrderByDate, Desc: true}), "2025-03-18", "claim/call", uint8(118))
	f.Add("", "", "", uint8(3))
	f.Add("not a cursor", "władimir putin", "person/vladimir-putin", uint8(17))
	f.Add("YzE6e30", "\xff\xfe", "\xc3", uint8(255))     // "c1:{}"
	f.Add("YzE6bnVsbA", "", "x", uint8(40))              // "c1:null"
	f.Add("YzE6eyJpIjoxfQ==", "k", "source/a", uint8(9)) // padded, "c1:{"i":1}"
	f.Fuzz(func(t *testing.T, s, key, id string, sel uint8) {
		if len(s)+len(key)+len(id) > 64<<10 {
			t.Skip()
		}
		kind, page := cursorList(sel)

		// Decoding arbitrary text.
		c, err := decodeCursor(s, kind, page)
		if err != nil {
			wantBadCursor(t, "decodeCursor", err)
			if c != nil {
				t.Fatalf("decodeCursor(%q) failed but returned %+v", s, c)
			}
		} else {
			if c == nil || c.ID == "" {
				t.Fatalf("decodeCursor(%q) = %+v without an id", s, c)
			}
			again, err := decodeCursor(encodeCursor(cursor{Cursor: *c, Kind: kind, By: page.OrderBy, Desc: page.Descending}), kind, page)
			if err != nil || *again != *c {
				t.Fatalf("decodeCursor(%q) = %+v, which re-encodes to %+v, %v", s, *c, again, err)
			}
		}

		// Encoding, then decoding.
		enc := encodeCursor(cursor{Cursor: domain.Cursor{Key: key, ID: id}, Kind: kind, By: page.OrderBy, Desc: page.Descending})
		for i := 0; i < len(enc); i++ {
			if ch := enc[i]; !(ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_') {
				t.Fatalf("encoded cursor %q is not URL-safe", enc)
			}
		}
		got, err := decodeCursor(enc, kind, page)
		if id == "" {
			if err == nil {
				t.Fatalf("a cursor without an id decodes to %+v", got)
			}
			wantBadCursor(t, "decodeCursor(id-less)", err)
			return
		}
		if err != nil {
			t.Fatalf("decodeCursor(encodeCursor(%q, %q)) = %v", key, id, err)
		}
		if utf8.ValidString(key) && utf8.ValidString(id) {
			if got.Key != key || got.ID != id {
				t.Fatalf("round trip of (%q, %q) gave (%q, %q)", key, id, got.Key, got.ID)
			}
		} else if !utf8.ValidString(got.Key) || !utf8.ValidString(got.ID) || got.ID == "" {
			t.Fatalf("round trip of invalid UTF-8 (%q, %q) gave (%q, %q)", key, id, got.Key, got.ID)
		}

		// The cursor is refused on another list.
		otherKind := domain.Kinds[(int(sel)+1)%len(domain.Kinds)]
		if _, err := decodeCursor(enc, otherKind, page); err == nil {
			t.Fatalf("a %s cursor decodes for a %s list", kind, otherKind)
		} else {
			wantBadCursor(t, "decodeCursor(other kind)", err)
		}
		flipped := page
		flipped.Descending = !flipped.Descending
		if _, err := decodeCursor(enc, kind, flipped); err == nil {
			t.Fatalf("a cursor decodes with the direction flipped")
		} else {
			wantBadCursor(t, "decodeCursor(other direction)", err)
		}
		other := page
		other.OrderBy = cursorOrders[(int(sel)/len(domain.Kinds)+1)%len(cursorOrders)]
		if _, err := decodeCursor(enc, kind, other); err == nil {
			t.Fatalf("a cursor ordered by %q decodes for order %q", page.OrderBy, other.OrderBy)
		} else {
			wantBadCursor(t, "decodeCursor(other order)", err)
		}
	})
}
