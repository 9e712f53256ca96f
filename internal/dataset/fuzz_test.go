package dataset_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/dataset"
	"github.com/newsgraph/newsgraph/internal/domain"
)

// FuzzDataset: Parse and Read never panic on arbitrary bytes. Parse reports
// bad lines as LineErrors with a message and a line number inside the input,
// and a stop callback that always says stop ends the parse at the first bad
// line. Read fails only with an EINVALID *domain.Error, and succeeds exactly
// when Parse finds no bad line and every reference resolves. An accepted
// dataset has well-formed ids, writes without error, and reads back to as
// many nodes and edges; writing that again gives the same file.
func FuzzDataset(f *testing.F) {
	for _, s := range []string{
		`{"type":"Person","id":"person/a","name":"A","aliases":["Ą"],"wikidataId":"Q1"}`,
		strings.Join([]string{
			`{"type":"Person","id":"person/a","name":"A"}`,
			`{"type":"Organisation","id":"organisation/b","name":"B","kind":"MEDIA","country":"PL"}`,
			`{"type":"Source","id":"source/s","kind":"ARTICLE","title":"T","language":"pl","publishedAt":"2025-03-18","retrievedAt":"2025-03-18T10:00:00.5+01:00","publisher":"organisation/b","authors":["person/a"]}`,
			`{"type":"Claim","id":"claim/c","text":"t","summary":"s","language":"pl","pointInTime":{"value":"2025-03","earliest":"2025-03-10","latest":"2025-03-12"},"about":[{"id":"person/a","role":"SUBJECT"}]}`,
			`{"type":"Attribution","id":"attribution/d","claim":"claim/c","stance":"ASSERTS","sourcing":"NAMED","actor":"person/a","sources":["source/s"],"quote":"q"}`,
			`{"type":"MEMBER_OF","from":"person/a","to":"organisation/b","claim":"claim/c","role":"editor","start":"2020"}`,
			`{"type":"MENTIONS","from":"source/s","to":"person/a","count":2,"offsets":[0,10]}`,
		}, "\n"),
		"",
		"\n\n  \n",
		"not json\n{}\nnull\n[]\n\"x\"",
		`{"type":"Person","id":"person/a","name":"A"}` + "\n" + `{"type":"Person","id":"person/a","name":"B","shoe":1}`,
		`{"type":"Place","id":"place/x","name":"X","kind":"CITY","lat":1e999}`,
		`{"type":"MENTIONS","from":"source/s","to":"person/a","count":99999999999999999999999}`,
		`{"type":"Event","id":"event/e","name":"\xff\xfe","kind":"MEETING","date":{"value":"2025","earliest":"2026-01-01"}}`,
		`{"type":"PARTY","from":"person/a","to":"negotiation/n","claim":"claim/c","side":"x"}` + "\r\n",
		`{"type":"Claim","about":` + strings.Repeat("[", 200) + strings.Repeat("]", 200) + `}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			t.Skip()
		}
		lines := bytes.Count(data, []byte("\n")) + 1

		items, lineErrs, err := dataset.Parse(bytes.NewReader(data), "fuzz", nil)
		if err != nil {
			// Only unreadable input (a line over the scanner's limit) gets here.
			wantInvalid(t, "Parse", err)
			return
		}
		for _, le := range lineErrs {
			if le.Line < 1 || le.Line > lines || le.Msg == "" {
				t.Fatalf("bad LineError %+v for %d lines", le, lines)
			}
			if !strings.HasPrefix(le.Error(), "line ") {
				t.Fatalf("LineError renders as %q", le.Error())
			}
		}
		for _, it := range items {
			if it.Line < 1 || it.Line > lines {
				t.Fatalf("item on line %d of %d", it.Line, lines)
			}
			if it.Node != nil {
				if err := domain.CheckID("id", it.Node.NodeID(), it.Node.NodeKind()); err != nil {
					t.Fatalf("line %d: accepted node with bad id: %v", it.Line, err)
				}
			}
			for _, ref := range it.Refs {
				if err := domain.CheckID(ref.Field, ref.ID); err != nil {
					t.Fatalf("line %d: accepted reference with bad id: %v", it.Line, err)
				}
			}
		}

		// Stopping at the first bad line reports that line only.
		_, stopped, err := dataset.Parse(bytes.NewReader(data), "fuzz", func(dataset.LineError) bool { return true })
		if err != nil {
			t.Fatalf("Parse with stop failed where Parse did not: %v", err)
		}
		if len(lineErrs) == 0 && len(stopped) != 0 || len(lineErrs) > 0 && len(stopped) == 0 {
			t.Fatalf("Parse with stop found %d bad lines, without %d", len(stopped), len(lineErrs))
		}
		// Stopping reports exactly the errors of the first bad line.
		if len(stopped) > 0 {
			var first []dataset.LineError
			for _, le := range lineErrs {
				if le.Line == lineErrs[0].Line {
					first = append(first, le)
				}
			}
			if !slices.Equal(stopped, first) {
				t.Fatalf("Parse with stop reports %+v, without %+v", stopped, first)
			}
		}
		for _, le := range stopped {
			if le.Line != stopped[0].Line {
				t.Fatalf("Parse with stop went on past line %d to line %d", stopped[0].Line, le.Line)
			}
		}

		ds, err := dataset.Read(bytes.NewReader(data), "fuzz")
		if err != nil {
			wantInvalid(t, "Read", err)
			if ds != nil {
				t.Fatalf("Read failed but returned a dataset")
			}
			return
		}
		if ds == nil || len(lineErrs) > 0 {
			t.Fatalf("Read accepted input with %d bad lines (dataset %v)", len(lineErrs), ds)
		}

		// An accepted dataset writes and reads back.
		var first bytes.Buffer
		if err := dataset.Write(&first, ds); err != nil {
			t.Fatalf("Write: %v", err)
		}
		again, err := dataset.Read(bytes.NewReader(first.Bytes()), "fuzz")
		if err != nil {
			t.Fatalf("the written file does not read back: %v\n%s", err, first.Bytes())
		}
		if len(again.Nodes) != len(ds.Nodes) || len(again.Edges) != len(ds.Edges) {
			t.Fatalf("write → read: %d nodes %d edges, want %d and %d", len(again.Nodes), len(again.Edges), len(ds.Nodes), len(ds.Edges))
		}
		var second bytes.Buffer
		if err := dataset.Write(&second, again); err != nil {
			t.Fatalf("Write again: %v", err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("write → read → write differs:\n%s\n---\n%s", first.Bytes(), second.Bytes())
		}
	})
}

func wantInvalid(t *testing.T, what string, err error) {
	t.Helper()
	var e *domain.Error
	if !errors.As(err, &e) || domain.ErrorCode(err) != domain.EINVALID || e.Message == "" {
		t.Fatalf("%s: error %v (%T) is not an EINVALID *domain.Error", what, err, err)
	}
}
