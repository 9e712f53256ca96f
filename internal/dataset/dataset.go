// Package dataset reads newsgraph's JSON Lines data format (docs/dataset.md)
// into domain nodes and edges and checks it. The seed dataset is embedded in
// the binary. Claim statuses are not part of the format: the store derives
// them from the stored attributions.
package dataset

import (
	"bufio"
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/internal/domain"
)

//go:embed data/seed.jsonl
var seedJSONL []byte

// SeedName is the origin recorded on the seed dataset's nodes.
const SeedName = "seed/000_9ba2f6916fc546a0"

// Seed returns the parsed seed dataset.
func Seed() (*domain.Dataset, error) { return Read(bytes.NewReader(seedJSONL), SeedName) }

// partialDate is a PartialDate in JSON: "2025-03", or an object that narrows
// the bounds: {"value": "2025-03", "earliest": "2025-03-18", "latest": "2025-03-19"}.
type partialDate struct {
	Value    string `json:"value"`
	Earliest string `json:"earliest,omitempty"`
	Latest   string `json:"latest,omitempty"`
	// NotAfter and NotBefore narrow the date by another node's date, which
	// must be defined in the same file: "before the election" is notAfter
	// the election's event.
	NotAfter  string `json:"notAfter,omitempty"`
	NotBefore string `json:"notBefore,omitempty"`
}

// dateBound is a date to narrow by other nodes' dates once the whole file
// is read.
type dateBound struct {
	line                int
	field               string
	date                *domain.PartialDate
	notAfter, notBefore string
}

func (p *partialDate) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &p.Value)
	}
	type plain partialDate
	return json.Unmarshal(b, (*plain)(p))
}

// factRecord is a relationship record's line (a fact or MENTIONS); node
// records are read through their kind's description (domain.Apply).
type factRecord struct {
	Type    string       `json:"type"`
	From    string       `json:"from"`
	To      string       `json:"to"`
	Claim   string       `json:"claim"`
	Role    *string      `json:"role"`
	Side    *string      `json:"side"`
	Start   *partialDate `json:"start"`
	End     *partialDate `json:"end"`
	Count   *int         `json:"count"`
	Offsets []int        `json:"offsets"`
}

// LineError is a problem with one line of a data file.
type LineError struct {
	Line  int
	Field string
	Msg   string
}

// Error renders "line N: field: message".
func (e LineError) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("line %d: %s: %s", e.Line, e.Field, e.Msg)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// Read parses a self-contained JSON Lines data file: every reference must
// resolve within it. It returns an EINVALID *domain.Error listing every bad
// line (up to 20) when the file does not check out.
func Read(r io.Reader, origin string) (*domain.Dataset, error) {
	items, errs, err := Parse(r, origin, nil)
	if err != nil {
		return nil, err
	}
	defined := map[string]bool{}
	for _, it := range items {
		if it.Node != nil {
			defined[it.Node.NodeID()] = true
		}
	}
	for _, it := range items {
		for _, ref := range it.Refs {
			if !defined[ref.ID] {
				errs = append(errs, LineError{Line: it.Line, Field: ref.Field, Msg: ref.ID + " is not defined in this file"})
			}
		}
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b LineError) int { return a.Line - b.Line })
		msgs := make([]string, 0, len(errs))
		for i, e := range errs {
			if i == 20 {
				msgs = append(msgs, fmt.Sprintf("… and %d more", len(errs)-20))
				break
			}
			msgs = append(msgs, e.Error())
		}
		return nil, &domain.Error{Code: domain.EINVALID, Message: origin + ": " + strings.Join(msgs, "; ")}
	}
	return Build(origin, items), nil
}

// citationCycles reports each attribution whose citations lead back to it,
// as the API refuses them: an attribution cannot relay itself.
func citationCycles(items []Item) []LineError {
	cites, line := map[string][]string{}, map[string]int{}
	for _, it := range items {
		for _, e := range it.Edges {
			if e.Type == domain.RelCites {
				cites[e.From] = append(cites[e.From], e.To)
				line[e.From] = it.Line
			}
		}
	}
	const (
		visiting = 1
		done     = 2
	)
	state := map[string]int{}
	var errs []LineError
	var visit func(id string) bool
	visit = func(id string) bool { // reports whether id is on a cycle being unwound
		switch state[id] {
		case visiting:
			return true
		case done:
			return false
		}
		state[id] = visiting
		for _, to := range cites[id] {
			if visit(to) {
				state[id] = done
				errs = append(errs, LineError{Line: line[id], Field: "cites", Msg: id + " cites " + to + ", which cites it back, directly or through others: citations cannot form a cycle"})
				return false
			}
		}
		state[id] = done
		return false
	}
	ids := make([]string, 0, len(cites))
	for id := range cites {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		visit(id)
	}
	return errs
}

// Build makes a dataset of items.
func Build(origin string, items []Item) *domain.Dataset {
	ds := &domain.Dataset{Origin: origin}
	for _, it := range items {
		if it.Node != nil {
			ds.Nodes = append(ds.Nodes, it.Node)
		}
		ds.Edges = append(ds.Edges, it.Edges...)
	}
	return ds
}

// Parse reads a JSON Lines data file line by line. It returns the items of
// the lines that check out and an error for each line that does not; it does
// not check that references resolve (see Item.Refs). stop, when not nil, is
// called with each bad line and ends the parse when it returns true. The
// error is for unreadable input.
func Parse(r io.Reader, origin string, stop func(LineError) bool) ([]Item, []LineError, error) {
	p := parser{origin: origin, kinds: map[string]domain.Kind{}, lineOf: map[string]int{}}
	var items []Item
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		before := len(p.errs)
		p.line, p.cur = line, &Item{Line: line}
		p.parseLine(b)
		if len(p.errs) == before {
			items = append(items, *p.cur)
		} else if stop != nil && stop(p.errs[before]) {
			break
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, domain.Errorf(domain.EINVALID, "reading %s: %v", origin, err)
	}
	items = p.applyBounds(items)
	return p.refuseCycles(items), p.errs, nil
}

// refuseCycles reports the citation cycles among items (as the API refuses
// them) and leaves out the lines that close them.
func (p *parser) refuseCycles(items []Item) []Item {
	cycles := citationCycles(items)
	if len(cycles) == 0 {
		return items
	}
	bad := map[int]bool{}
	for _, e := range cycles {
		p.errs = append(p.errs, e)
		bad[e.Line] = true
	}
	return slices.DeleteFunc(items, func(it Item) bool { return bad[it.Line] })
}

// applyBounds narrows the dates that name another node of the file; a line
// whose bound cannot be applied is an error and is left out.
func (p *parser) applyBounds(items []Item) []Item {
	if len(p.bounds) == 0 {
		return items
	}
	dates := map[string]*domain.PartialDate{}
	nodeAt := map[int]domain.Node{}
	for _, it := range items {
		if it.Node != nil {
			dates[it.Node.NodeID()] = domain.DateOf(it.Node)
			nodeAt[it.Line] = it.Node
		}
	}
	bounded := map[string]bool{} // nodes whose own date is bounded: not a bound for others
	for _, b := range p.bounds {
		if n := nodeAt[b.line]; n != nil {
			bounded[n.NodeID()] = true
		}
	}
	bad := map[int]bool{}
	for _, b := range p.bounds {
		lookup := func(sub, id string) (*domain.PartialDate, bool) {
			if id == "" {
				return nil, true
			}
			d := dates[id]
			switch {
			case d == nil:
				p.fail(b.line, b.field+"."+sub, "%s is not defined in this file with a date", id)
			case bounded[id]:
				p.fail(b.line, b.field+"."+sub, "%s's date is itself bounded by another node: bound by a node whose date is given", id)
			default:
				return d, true
			}
			bad[b.line] = true
			return nil, false
		}
		notAfter, ok1 := lookup("notAfter", b.notAfter)
		notBefore, ok2 := lookup("notBefore", b.notBefore)
		if !ok1 || !ok2 {
			continue
		}
		narrowed, err := b.date.Bound(notAfter, notBefore)
		if err != nil {
			p.fail(b.line, b.field, "%s", domain.ErrorMessage(err))
			bad[b.line] = true
			continue
		}
		*b.date = narrowed
	}
	// A narrowed date must still satisfy its node's rules (a negotiation
	// cannot end before it starts).
	for _, b := range p.bounds {
		if v, ok := nodeAt[b.line].(interface{ Validate() error }); ok && !bad[b.line] {
			if err := v.Validate(); err != nil {
				field, msg := "", err.Error()
				var de *domain.Error
				if errors.As(err, &de) {
					field, msg = de.Field, de.Message
				}
				p.fail(b.line, field, "%s", msg)
				bad[b.line] = true
			}
		}
	}
	kept := items[:0]
	for _, it := range items {
		if !bad[it.Line] {
			kept = append(kept, it)
		}
	}
	return kept
}

func (p *parser) parseLine(b []byte) {
	var obj map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&obj); err != nil || obj == nil {
		p.fail(p.line, "", "not a valid record: %v", cmp.Or(err, errors.New("want a JSON object")))
		return
	}
	typ, _ := obj["type"].(string)
	if bad := foreignFields(b, typ, obj); bad != "" {
		p.fail(p.line, bad, "is not a field of a %s record", typ)
		return
	}
	if spec := domain.Spec(domain.Kind(typ)); spec != nil {
		p.nodeRecord(spec, obj)
		return
	}
	var rec factRecord
	if err := json.Unmarshal(b, &rec); err != nil {
		p.fail(p.line, "", "not a valid record: %v", err)
		return
	}
	p.fact(&rec)
}

type parser struct {
	origin string
	line   int
	cur    *Item
	kinds  map[string]domain.Kind
	lineOf map[string]int
	errs   []LineError
	bounds []dateBound
}

// Item is what one line of a data file holds: a node with the relationships
// its record embeds, or a relationship record.
type Item struct {
	Line  int
	Node  domain.Node // nil for relationship records
	Edges []domain.Edge
	// Refs are the ids the line refers to, which must exist in the file or
	// in the database.
	Refs []Ref
}

// Ref is a reference from a line to a node.
type Ref struct {
	Field string
	ID    string
}

func (p *parser) fail(line int, field, format string, args ...any) {
	p.errs = append(p.errs, LineError{Line: line, Field: field, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) refer(field, id string, kinds ...domain.Kind) {
	if err := domain.CheckID(field, id, kinds...); err != nil {
		p.fail(p.line, field, "%s", domain.ErrorMessage(err))
		return
	}
	p.cur.Refs = append(p.cur.Refs, Ref{Field: field, ID: id})
}

// date reads a fact's date.
func (p *parser) date(field string, d *partialDate) *domain.PartialDate {
	if d == nil {
		return nil
	}
	pd, err := p.readDate(field, domain.DateInput{Value: d.Value, Earliest: d.Earliest, Latest: d.Latest, NotAfter: d.NotAfter, NotBefore: d.NotBefore})
	if err != nil {
		p.validate(err)
		return nil
	}
	return pd
}

// readDate is the data files' domain.DateReader: bounds by other nodes
// (notAfter, notBefore) must be defined in the same file and are applied
// once it is read (applyBounds).
func (p *parser) readDate(field string, d domain.DateInput) (*domain.PartialDate, error) {
	pd, err := domain.ParseDateInput(field, d)
	if err != nil {
		return nil, err
	}
	if d.NotAfter != "" || d.NotBefore != "" {
		for _, ref := range [][2]string{{"notAfter", d.NotAfter}, {"notBefore", d.NotBefore}} {
			if ref[1] != "" {
				if err := domain.CheckID(field+"."+ref[0], ref[1]); err != nil {
					return nil, err
				}
			}
		}
		p.bounds = append(p.bounds, dateBound{line: p.line, field: field, date: &pd, notAfter: d.NotAfter, notBefore: d.NotBefore})
	}
	return &pd, nil
}

func (p *parser) node(id string, kind domain.Kind) bool {
	if err := domain.CheckID("id", id, kind); err != nil {
		p.fail(p.line, "id", "%s", domain.ErrorMessage(err))
		return false
	}
	if prev, dup := p.lineOf[id]; dup {
		p.fail(p.line, "id", "%s is already defined on line %d", id, prev)
		return false
	}
	p.kinds[id] = kind
	p.lineOf[id] = p.line
	return true
}

func (p *parser) edge(e domain.Edge) { p.cur.Edges = append(p.cur.Edges, e) }

// setNode sets the line's node and, when the parser found nothing wrong with
// the line yet, checks it with the same domain rules as the API (lengths,
// control characters, coordinates…).
func (p *parser) setNode(n domain.Node) {
	p.cur.Node = n
	if v, ok := n.(interface{ Validate() error }); ok {
		p.validate(v.Validate())
	}
}

// validate reports err, a domain validation error, unless the line already
// has one: the parser's own checks name the same fields first.
func (p *parser) validate(err error) {
	if err == nil || (len(p.errs) > 0 && p.errs[len(p.errs)-1].Line == p.line) {
		return
	}
	var de *domain.Error
	if errors.As(err, &de) {
		p.fail(p.line, de.Field, "%s", de.Message)
		return
	}
	p.fail(p.line, "", "%v", err)
}

// nodeRecord reads a node's line: its fields through the kind's
// description, the relationships it embeds through the kind's links.
func (p *parser) nodeRecord(spec *domain.KindSpec, obj map[string]any) {
	id, _ := obj["id"].(string)
	if !p.node(id, spec.Kind) {
		return
	}
	n := spec.New(id)
	n.Bookkeeping().Origin = p.origin
	bounds := len(p.bounds)
	if err := domain.Apply(n, obj, p.readDate); err != nil {
		p.validate(err)
		return
	}
	for i := bounds; i < len(p.bounds); i++ { // bound the node's own copy
		p.bounds[i].date = domain.DateAt(n, p.bounds[i].field)
	}
	links := map[string][]string{}
	for _, l := range spec.Links {
		links[l.Name] = p.links(id, l, obj[l.Name])
	}
	if a, ok := n.(*domain.Attribution); ok {
		var actor *string
		if ids := links["actor"]; len(ids) > 0 {
			actor = &ids[0]
		}
		p.validate(a.CheckLinks(actor, links["sources"], links["cites"]))
	}
	p.setNode(n)
}

// links reads a relationship a record embeds (domain.ReadLink); it
// returns the ids.
func (p *parser) links(from string, l domain.LinkField, raw any) []string {
	if raw == nil && l.Required && !l.Many {
		p.refer(l.Name, "", l.Targets...)
		return nil
	}
	items, err := domain.ReadLink(l, raw)
	if err != nil {
		p.validate(err)
		return nil
	}
	ids := make([]string, len(items))
	for i, it := range items {
		p.refer(it.Field, it.ID, l.Targets...)
		e := domain.Edge{Type: l.Type, From: from, To: it.ID}
		if l.Roles != nil {
			e.Role = &it.Role
		}
		p.edge(e)
		ids[i] = it.ID
	}
	return ids
}

func (p *parser) fact(rec *factRecord) {
	t := domain.RelType(rec.Type)
	if t == domain.RelMentions {
		p.refer("from", rec.From, domain.KindSource)
		p.refer("to", rec.To, domain.KindPerson, domain.KindOrganisation, domain.KindPlace, domain.KindNegotiation, domain.KindEvent)
		p.edge(domain.Edge{Type: t, From: rec.From, To: rec.To, Count: rec.Count, Offsets: rec.Offsets})
		return
	}
	ends, ok := domain.FactEnds[t]
	if !ok {
		p.fail(p.line, "type", "unknown record type %q", rec.Type)
		return
	}
	p.refer("from", rec.From, ends[0]...)
	p.refer("to", rec.To, ends[1]...)
	p.refer("claim", rec.Claim, domain.KindClaim)
	claim := rec.Claim
	e := domain.Edge{Type: t, From: rec.From, To: rec.To, ClaimID: &claim, Role: rec.Role, Side: rec.Side,
		Start: p.date("start", rec.Start), End: p.date("end", rec.End)}
	p.validate(e.Validate())
	p.edge(e)
}

// fieldsOf lists the fields each record type may carry: a node kind's
// described fields and embedded links, a relationship's properties.
var fieldsOf = func() map[string]string {
	m := map[string]string{
		"PARTICIPANT": "type from to claim role",
		"PART_OF":     "type from to claim",
		"HELD_IN":     "type from to claim",
		"PARTY":       "type from to claim side",
		"MEMBER_OF":   "type from to claim role start end",
		"MENTIONS":    "type from to count offsets",
	}
	for _, k := range domain.Kinds {
		names := []string{"type", "id"}
		spec := domain.Spec(k)
		for _, f := range spec.Fields {
			if !f.Derived {
				names = append(names, f.Name)
			}
		}
		for _, l := range spec.Links {
			names = append(names, l.Name)
		}
		m[string(k)] = strings.Join(names, " ")
	}
	return m
}()

// allowedFields is fieldsOf as sets.
var allowedFields = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for typ, names := range fieldsOf {
		m[typ] = map[string]bool{}
		for _, n := range strings.Fields(names) {
			m[typ][n] = true
		}
	}
	return m
}()

// foreignFields returns the first key of line, in the line's own order,
// that its type does not have (exact case), or "". It walks the object's
// keys as a token stream rather than through a map, so that the field an
// error names is the same on every run; only when obj, the line decoded,
// has such a key.
func foreignFields(line []byte, typ string, obj map[string]any) string {
	set, ok := allowedFields[typ]
	if !ok {
		return "" // reported as an unknown type
	}
	foreign := false
	for k := range obj {
		foreign = foreign || !set[k]
	}
	if !foreign {
		return "" // the common case: no need to walk the line
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return ""
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return ""
		}
		if k, _ := t.(string); !set[k] {
			return k
		}
		var value json.RawMessage
		if dec.Decode(&value) != nil {
			return ""
		}
	}
	return ""
}
