// Package dataset reads newsgraph's JSON Lines data format (docs/dataset.md)
// into domain nodes and edges and checks it. The seed dataset is embedded in
// the binary. Claim statuses are not part of the format: the store derives
// them from the stored attributions.
package dataset

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

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

// claimDate is one of a claim's other dates: {"kind": "DEADLINE", "date": "2025-04-20"}.
type claimDate struct {
	Kind string       `json:"kind"`
	Date *partialDate `json:"date"`
}

type aboutRef struct {
	ID   string `json:"id"`
	Role string `json:"role"`
}

// record is one line: the union of every record type's fields.
type record struct {
	Type        string       `json:"type"`
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	Aliases     []string     `json:"aliases"`
	Description string       `json:"description"`
	WikidataID  *string      `json:"wikidataId"`
	Kind        string       `json:"kind"`
	Country     *string      `json:"country"`
	CountryCode *string      `json:"countryCode"`
	Lat         *float64     `json:"lat"`
	Lon         *float64     `json:"lon"`
	Topic       string       `json:"topic"`
	Start       *partialDate `json:"start"`
	End         *partialDate `json:"end"`
	Status      string       `json:"status"`
	Date        *partialDate `json:"date"`
	Title       string       `json:"title"`
	URL         *string      `json:"url"`
	Language    string       `json:"language"`
	PublishedAt *partialDate `json:"publishedAt"`
	RetrievedAt *string      `json:"retrievedAt"`
	Text        string       `json:"text"`
	Publisher   *string      `json:"publisher"`
	Authors     []string     `json:"authors"`
	DerivedFrom []string     `json:"derivedFrom"`
	Summary     string       `json:"summary"`
	PointInTime *partialDate `json:"pointInTime"`
	Dates       []claimDate  `json:"dates"`
	Rank        string       `json:"rank"`
	About       []aboutRef   `json:"about"`
	Claim       string       `json:"claim"`
	Actor       *string      `json:"actor"`
	Stance      string       `json:"stance"`
	Quote       *string      `json:"quote"`
	Cue         *string      `json:"cue"`
	Sourcing    string       `json:"sourcing"`
	StatedAt    *partialDate `json:"statedAt"`
	Sources     []string     `json:"sources"`
	Cites       []string     `json:"cites"`
	MadeIn      []string     `json:"madeIn"`
	During      *string      `json:"during"`
	From        string       `json:"from"`
	To          string       `json:"to"`
	Role        *string      `json:"role"`
	Side        *string      `json:"side"`
	Count       *int         `json:"count"`
	Offsets     []int        `json:"offsets"`
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
	var rec record
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rec); err != nil {
		p.fail(p.line, "", "not a valid record: %v", err)
		return
	}
	if bad := foreignFields(b, rec.Type); bad != "" {
		p.fail(p.line, bad, "is not a field of a %s record", rec.Type)
		return
	}
	p.add(&rec)
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

func (p *parser) date(field string, d *partialDate) *domain.PartialDate {
	if d == nil {
		return nil
	}
	pd, err := domain.ParsePartialDate(d.Value)
	if err != nil {
		p.fail(p.line, field, "%s", domain.ErrorMessage(err))
		return nil
	}
	if d.Earliest != "" || d.Latest != "" {
		lo, hi := pd.Earliest, pd.Latest
		var e1, e2 error
		if d.Earliest != "" {
			lo, e1 = domain.ParseDate(field+".earliest", d.Earliest)
		}
		if d.Latest != "" {
			hi, e2 = domain.ParseDate(field+".latest", d.Latest)
		}
		if e1 != nil || e2 != nil {
			p.fail(p.line, field, "bounds must be YYYY-MM-DD")
			return nil
		}
		if pd, err = pd.Narrow(lo, hi); err != nil {
			p.fail(p.line, field, "%s", domain.ErrorMessage(err))
			return nil
		}
	}
	if d.NotAfter != "" || d.NotBefore != "" {
		for _, ref := range [][2]string{{"notAfter", d.NotAfter}, {"notBefore", d.NotBefore}} {
			if ref[1] != "" {
				if err := domain.CheckID(field+"."+ref[0], ref[1]); err != nil {
					p.fail(p.line, field+"."+ref[0], "%s", domain.ErrorMessage(err))
					return nil
				}
			}
		}
		p.bounds = append(p.bounds, dateBound{line: p.line, field: field, date: &pd, notAfter: d.NotAfter, notBefore: d.NotBefore})
	}
	return &pd
}

// names lists enum values as strings.
func names[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

func (p *parser) enum(field, value string, allowed ...string) {
	if !slices.Contains(allowed, value) {
		p.fail(p.line, field, "%q is not one of %s", value, strings.Join(allowed, ", "))
	}
}

func (p *parser) required(field, value string) {
	if strings.TrimSpace(value) == "" {
		p.fail(p.line, field, "is required")
	}
}

func (p *parser) node(rec *record, kind domain.Kind) bool {
	if err := domain.CheckID("id", rec.ID, kind); err != nil {
		p.fail(p.line, "id", "%s", domain.ErrorMessage(err))
		return false
	}
	if prev, dup := p.lineOf[rec.ID]; dup {
		p.fail(p.line, "id", "%s is already defined on line %d", rec.ID, prev)
		return false
	}
	p.kinds[rec.ID] = kind
	p.lineOf[rec.ID] = p.line
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

func (p *parser) add(rec *record) {
	meta := domain.Meta{Origin: p.origin}
	switch domain.Kind(rec.Type) {
	case domain.KindPerson:
		if !p.node(rec, domain.KindPerson) {
			return
		}
		p.required("name", rec.Name)
		p.setNode(&domain.Person{ID: rec.ID, Name: rec.Name, Aliases: rec.Aliases, Description: rec.Description, WikidataID: rec.WikidataID, Meta: meta})
	case domain.KindOrganisation:
		if !p.node(rec, domain.KindOrganisation) {
			return
		}
		p.required("name", rec.Name)
		p.enum("kind", rec.Kind, "GOVERNMENT", "STATE_BODY", "MEDIA", "NEWS_AGENCY", "DELEGATION", "OTHER")
		p.setNode(&domain.Organisation{ID: rec.ID, Name: rec.Name, Aliases: rec.Aliases, Kind: domain.OrganisationKind(rec.Kind), Country: rec.Country, Description: rec.Description, Meta: meta})
	case domain.KindPlace:
		if !p.node(rec, domain.KindPlace) {
			return
		}
		p.required("name", rec.Name)
		p.enum("kind", rec.Kind, "COUNTRY", "CITY", "REGION", "SEA", "VENUE")
		p.setNode(&domain.Place{ID: rec.ID, Name: rec.Name, Aliases: rec.Aliases, Kind: domain.PlaceKind(rec.Kind), CountryCode: rec.CountryCode, Lat: rec.Lat, Lon: rec.Lon, Meta: meta})
	case domain.KindNegotiation:
		if !p.node(rec, domain.KindNegotiation) {
			return
		}
		p.required("name", rec.Name)
		p.enum("status", rec.Status, "PLANNED", "ONGOING", "SUSPENDED", "CONCLUDED")
		p.setNode(&domain.Negotiation{ID: rec.ID, Name: rec.Name, Aliases: rec.Aliases, Topic: rec.Topic, Start: p.date("start", rec.Start), End: p.date("end", rec.End), Status: domain.NegotiationStatus(rec.Status), Meta: meta})
	case domain.KindEvent:
		if !p.node(rec, domain.KindEvent) {
			return
		}
		p.required("name", rec.Name)
		p.enum("kind", rec.Kind, "PHONE_CALL", "MEETING", "TALKS_ROUND", "INTERVIEW", "PUBLICATION", "STATEMENT")
		p.setNode(&domain.Event{ID: rec.ID, Kind: domain.EventKind(rec.Kind), Name: rec.Name, Aliases: rec.Aliases, Description: rec.Description, Date: p.date("date", rec.Date), Meta: meta})
	case domain.KindSource:
		if !p.node(rec, domain.KindSource) {
			return
		}
		p.required("title", rec.Title)
		p.required("language", rec.Language)
		p.enum("kind", rec.Kind, "ARTICLE", "BOOK", "AGENCY_REPORT", "INTERVIEW", "BROADCAST", "OFFICIAL_STATEMENT")
		s := &domain.Source{ID: rec.ID, Kind: domain.SourceKind(rec.Kind), Title: rec.Title, URL: rec.URL, Language: rec.Language, PublishedAt: p.date("publishedAt", rec.PublishedAt), Meta: meta}
		if rec.Text != "" {
			s.Text = &rec.Text
		}
		if rec.RetrievedAt != nil {
			t, err := time.Parse(time.RFC3339, *rec.RetrievedAt)
			if err != nil {
				p.fail(p.line, "retrievedAt", "want an RFC 3339 time")
			}
			s.RetrievedAt = &t
		}
		p.setNode(s)
		if rec.Publisher != nil {
			p.refer("publisher", *rec.Publisher, domain.KindOrganisation)
			p.edge(domain.Edge{Type: domain.RelPublishedBy, From: rec.ID, To: *rec.Publisher})
		}
		for _, a := range rec.Authors {
			p.refer("authors", a, domain.KindPerson)
			p.edge(domain.Edge{Type: domain.RelAuthoredBy, From: rec.ID, To: a})
		}
		for _, d := range rec.DerivedFrom {
			p.refer("derivedFrom", d, domain.KindSource)
			p.edge(domain.Edge{Type: domain.RelDerivedFrom, From: rec.ID, To: d})
		}
	case domain.KindClaim:
		if !p.node(rec, domain.KindClaim) {
			return
		}
		p.required("text", rec.Text)
		p.required("summary", rec.Summary)
		p.required("language", rec.Language)
		if rec.Rank == "" {
			rec.Rank = string(domain.RankNormal)
		}
		p.enum("rank", rec.Rank, "PREFERRED", "NORMAL", "DEPRECATED")
		dates := make([]domain.ClaimDate, 0, len(rec.Dates)) // no reallocation: bounds point into it
		for i, d := range rec.Dates {
			field := fmt.Sprintf("dates[%d]", i)
			p.enum(field+".kind", d.Kind, names(domain.DateKinds)...)
			if d.Date == nil {
				p.fail(p.line, field+".date", "is required")
			} else if date := p.date(field+".date", d.Date); date != nil {
				dates = append(dates, domain.ClaimDate{Kind: domain.DateKind(d.Kind), Date: *date})
				if n := len(p.bounds); n > 0 && p.bounds[n-1].date == date {
					p.bounds[n-1].date = &dates[len(dates)-1].Date // the copy the claim keeps
				}
			}
		}
		p.setNode(&domain.Claim{ID: rec.ID, Text: rec.Text, Language: rec.Language, Summary: rec.Summary, PointInTime: p.date("pointInTime", rec.PointInTime), Dates: dates, Rank: domain.Rank(rec.Rank), Meta: meta})
		for i, a := range rec.About {
			field := fmt.Sprintf("about[%d]", i)
			p.enum(field+".role", a.Role, "SUBJECT", "OBJECT", "PARTICIPANT", "TOPIC")
			p.refer(field+".id", a.ID, domain.KindPerson, domain.KindOrganisation, domain.KindPlace, domain.KindNegotiation, domain.KindEvent, domain.KindSource, domain.KindClaim)
			role := a.Role
			p.edge(domain.Edge{Type: domain.RelAbout, From: rec.ID, To: a.ID, Role: &role})
		}
	case domain.KindAttribution:
		if !p.node(rec, domain.KindAttribution) {
			return
		}
		p.enum("stance", rec.Stance, names(domain.Stances)...)
		if rec.Stance == string(domain.StanceReports) && len(rec.Cites) == 0 {
			p.fail(p.line, "cites", "a REPORTS attribution cites the attribution it relays")
		}
		p.enum("sourcing", rec.Sourcing, "NAMED", "ANONYMOUS", "DOCUMENT", "UNSPECIFIED")
		a := &domain.Attribution{ID: rec.ID, Stance: domain.Stance(rec.Stance), Quote: rec.Quote, Cue: rec.Cue, Sourcing: domain.Sourcing(rec.Sourcing), StatedAt: p.date("statedAt", rec.StatedAt), Meta: meta}
		if rec.Summary != "" {
			a.Summary = &rec.Summary
		}
		p.setNode(a)
		p.refer("claim", rec.Claim, domain.KindClaim)
		p.edge(domain.Edge{Type: domain.RelOn, From: rec.ID, To: rec.Claim})
		if rec.Actor != nil {
			p.refer("actor", *rec.Actor, domain.KindPerson, domain.KindOrganisation, domain.KindSource)
			p.edge(domain.Edge{Type: domain.RelMadeBy, From: rec.ID, To: *rec.Actor})
		} else if rec.Sourcing != string(domain.SourcingUnspecified) && rec.Sourcing != string(domain.SourcingAnonymous) {
			p.fail(p.line, "actor", "is required unless sourcing is UNSPECIFIED or ANONYMOUS")
		}
		if len(rec.Sources) == 0 {
			p.fail(p.line, "sources", "an attribution is recorded in at least one source")
		}
		for _, s := range rec.Sources {
			p.refer("sources", s, domain.KindSource)
			p.edge(domain.Edge{Type: domain.RelRecordedIn, From: rec.ID, To: s})
		}
		for _, m := range rec.MadeIn {
			p.refer("madeIn", m, domain.KindSource)
			p.edge(domain.Edge{Type: domain.RelMadeIn, From: rec.ID, To: m})
		}
		for _, c := range rec.Cites {
			p.refer("cites", c, domain.KindAttribution)
			p.edge(domain.Edge{Type: domain.RelCites, From: rec.ID, To: c})
		}
		if rec.During != nil {
			p.refer("during", *rec.During, domain.KindEvent)
			p.edge(domain.Edge{Type: domain.RelDuring, From: rec.ID, To: *rec.During})
		}
	default:
		p.fact(rec)
	}
}

func (p *parser) fact(rec *record) {
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

// fieldsOf lists the fields each record type may carry; the record struct is
// the union of them all, so this keeps one type's field off another's line.
var fieldsOf = map[string]string{
	"Person":       "type id name aliases description wikidataId",
	"Organisation": "type id name aliases kind country description",
	"Place":        "type id name aliases kind countryCode lat lon",
	"Negotiation":  "type id name aliases topic start end status",
	"Event":        "type id kind name aliases description date",
	"Source":       "type id kind title url language publishedAt retrievedAt text publisher authors derivedFrom",
	"Claim":        "type id text language summary pointInTime dates rank about",
	"Attribution":  "type id claim actor stance quote summary cue sourcing statedAt sources madeIn cites during",
	"PARTICIPANT":  "type from to claim role",
	"PART_OF":      "type from to claim",
	"HELD_IN":      "type from to claim",
	"PARTY":        "type from to claim side",
	"MEMBER_OF":    "type from to claim role start end",
	"MENTIONS":     "type from to count offsets",
}

// foreignFields returns the first key of line, in the line's own order,
// that its type does not have (exact case), or "". It walks the object's
// keys as a token stream rather than through a map, so that the field an
// error names is the same on every run.
func foreignFields(line []byte, typ string) string {
	allowed, ok := fieldsOf[typ]
	if !ok {
		return "" // reported as an unknown type
	}
	set := strings.Fields(allowed)
	dec := json.NewDecoder(bytes.NewReader(line))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return ""
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return ""
		}
		if k, _ := t.(string); !slices.Contains(set, k) {
			return k
		}
		var value json.RawMessage
		if dec.Decode(&value) != nil {
			return ""
		}
	}
	return ""
}
