package domain

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// What a node kind is, described once. The description of a kind's fields
// is the `ng` tag on each field of its struct (model.go); the relationships
// its inputs and data records embed are KindLinks. Everything that handles
// a node field by field reads this description: validation (Validate), the
// inputs of the API and of data files (Apply), the store's codec, the data
// file writer and every export. Adding a field to a kind is adding it, with
// its tag, to the struct, and to the kind's GraphQL type and input.
//
// A tag is `ng:"<name>,<option>,…"`; <name> is the field's name everywhere
// (GraphQL, data files, stored property, export column). Options:
//
//	req            required: a string that must not be blank
//	line=<limit>   one line of at most <limit> characters (see limits)
//	para=<limit>   text of at most <limit> characters; tab and line breaks allowed
//	items=<count>  a list of at most count items (a number, or aliases or
//	               claimdates); each item as line= says
//	deg=<d>        a coordinate: a finite number within ±d degrees
//	label          the node's human name: the first label field that is set
//	sortdate       the date the node is placed in time and sorted by
//	default=<v>    the value of a new node when the input leaves it out
//	derived        derived by the store (a claim's status): read, not written
//	export=<col>   the column in exports when not <name>; "-" leaves it out
//	ftm=<prop>     the FollowTheMoney property it maps to
//
// An enum field's values are its type's entry in enumValues.

// ValueType is how a field's value is held.
type ValueType int

// The value types.
const (
	TString     ValueType = iota // string, or *string when optional
	TStrings                     // []string
	TEnum                        // a string type with a fixed set of values
	TFloat                       // *float64
	TDate                        // *PartialDate
	TClaimDates                  // []ClaimDate
	TTime                        // *time.Time
)

// FieldSpec describes one field of a node kind.
type FieldSpec struct {
	Name      string
	Type      ValueType
	Optional  bool // held by pointer: nil is "not known"
	Required  bool
	Multiline bool
	Max       int      // characters of a string (each item's, for a list)
	Items     int      // items of a list
	Degrees   float64  // a coordinate's bound
	Enum      []string // an enum's values
	Default   string
	Derived   bool
	Label     bool
	SortDate  bool
	Export    string // the export column; "" when not exported
	FtM       string
	index     []int
}

// LinkField is a relationship that a kind's input and data record embed as a
// field: a source's publisher, a claim's about, an attribution's sources.
type LinkField struct {
	Name    string
	Type    RelType
	Many    bool
	Targets []Kind
	// Required: an attribution's claim and at least one of its sources.
	Required bool
	// Roles: the items are {id, role} objects (a claim's about).
	Roles []string
}

// KindSpec describes a node kind.
type KindSpec struct {
	Kind   Kind
	Fields []FieldSpec
	Links  []LinkField
	typ    reflect.Type
	id     int // the index of the ID field
}

// limits are the names a tag's line=, para= options take.
var limits = map[string]int{
	"name": MaxName, "code": MaxCode, "url": MaxURL, "cue": MaxCue, "summary": MaxSummary,
	"description": MaxDescription, "text": MaxText, "sourcetext": MaxSourceText,
}

// counts are the names a tag's items= option takes.
var counts = map[string]int{"aliases": MaxAliases, "claimdates": MaxClaimDates}

// The values of each enum, in the order the schema lists them.
var (
	OrganisationKinds   = []OrganisationKind{OrgGovernment, OrgStateBody, OrgMedia, OrgNewsAgency, OrgDelegation, OrgOther}
	PlaceKinds          = []PlaceKind{PlaceCountry, PlaceCity, PlaceRegion, PlaceSea, PlaceVenue}
	EventKinds          = []EventKind{EventPhoneCall, EventMeeting, EventTalksRound, EventInterview, EventPublication, EventStatement}
	SourceKinds         = []SourceKind{SourceArticle, SourceBook, SourceAgencyReport, SourceInterview, SourceBroadcast, SourceOfficialStatement}
	NegotiationStatuses = []NegotiationStatus{NegotiationPlanned, NegotiationOngoing, NegotiationSuspended, NegotiationConcluded}
	Ranks               = []Rank{RankPreferred, RankNormal, RankDeprecated}
	Sourcings           = []Sourcing{SourcingNamed, SourcingAnonymous, SourcingDocument, SourcingUnspecified}
	AboutRoles          = []AboutRole{AboutSubject, AboutObject, AboutParticipant, AboutTopic}
	// ClaimStatuses are derived; they describe Claim.Status.
	ClaimStatuses = []ClaimStatus{StatusConfirmed, StatusDisputed, StatusDenied, StatusReported}
)

// Names lists enum values as strings.
func Names[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

var enumValues = map[reflect.Type][]string{
	reflect.TypeFor[OrganisationKind]():  Names(OrganisationKinds),
	reflect.TypeFor[PlaceKind]():         Names(PlaceKinds),
	reflect.TypeFor[EventKind]():         Names(EventKinds),
	reflect.TypeFor[SourceKind]():        Names(SourceKinds),
	reflect.TypeFor[NegotiationStatus](): Names(NegotiationStatuses),
	reflect.TypeFor[Rank]():              Names(Ranks),
	reflect.TypeFor[Sourcing]():          Names(Sourcings),
	reflect.TypeFor[Stance]():            Names(Stances),
	reflect.TypeFor[ClaimStatus]():       Names(ClaimStatuses),
}

// AboutKinds are the kinds a claim can be about.
var AboutKinds = []Kind{KindPerson, KindOrganisation, KindPlace, KindNegotiation, KindEvent, KindSource, KindClaim}

// ActorKinds are the kinds that make attributions.
var ActorKinds = []Kind{KindPerson, KindOrganisation, KindSource}

// KindLinks are the relationships each kind's input and data record embed.
var KindLinks = map[Kind][]LinkField{
	KindSource: {
		{Name: "publisher", Type: RelPublishedBy, Targets: []Kind{KindOrganisation}},
		{Name: "authors", Type: RelAuthoredBy, Many: true, Targets: []Kind{KindPerson}},
		{Name: "derivedFrom", Type: RelDerivedFrom, Many: true, Targets: []Kind{KindSource}},
	},
	KindClaim: {
		{Name: "about", Type: RelAbout, Many: true, Targets: AboutKinds, Roles: Names(AboutRoles)},
	},
	KindAttribution: {
		{Name: "claim", Type: RelOn, Targets: []Kind{KindClaim}, Required: true},
		{Name: "actor", Type: RelMadeBy, Targets: ActorKinds},
		{Name: "sources", Type: RelRecordedIn, Many: true, Targets: []Kind{KindSource}, Required: true},
		{Name: "madeIn", Type: RelMadeIn, Many: true, Targets: []Kind{KindSource}},
		{Name: "cites", Type: RelCites, Many: true, Targets: []Kind{KindAttribution}},
		{Name: "during", Type: RelDuring, Targets: []Kind{KindEvent}},
	},
}

// ToOne says whether a node has at most one link along r: a link a record
// embeds that is not a list (an attribution's claim, actor and event, a
// source's publisher), followed from the record. The store then reads the
// link without ordering a list of one.
func (r Relation) ToOne() bool { return r.Direction == Out && toOne[r.Type] }

// toOne holds the relationship types that only embed single links.
var toOne = func() map[RelType]bool {
	m := map[RelType]bool{}
	for _, links := range KindLinks {
		for _, l := range links {
			if single, seen := m[l.Type]; !seen || single {
				m[l.Type] = !l.Many
			}
		}
	}
	return m
}()

var specs = func() map[Kind]*KindSpec {
	m := map[Kind]*KindSpec{}
	for _, n := range []Node{&Person{}, &Organisation{}, &Place{}, &Negotiation{}, &Event{}, &Source{}, &Claim{}, &Attribution{}} {
		s := describe(reflect.TypeOf(n).Elem())
		s.Kind, s.Links = n.NodeKind(), KindLinks[n.NodeKind()]
		m[s.Kind] = s
	}
	return m
}()

// Spec describes kind k; nil for an unknown kind.
func Spec(k Kind) *KindSpec { return specs[k] }

// SpecOf describes n's kind.
func SpecOf(n Node) *KindSpec { return specs[n.NodeKind()] }

// describe reads the ng tags of a kind's struct; a malformed tag panics at
// start-up.
func describe(t reflect.Type) *KindSpec {
	idField, _ := t.FieldByName("ID")
	s := &KindSpec{typ: t, id: idField.Index[0]}
	for i := range t.NumField() {
		sf := t.Field(i)
		tag, ok := sf.Tag.Lookup("ng")
		if !ok {
			continue
		}
		parts := strings.Split(tag, ",")
		f := FieldSpec{Name: parts[0], Export: parts[0], index: sf.Index}
		switch ft := sf.Type; {
		case enumValues[ft] != nil:
			f.Type, f.Enum = TEnum, enumValues[ft]
		case ft.Kind() == reflect.String:
			f.Type = TString
		case ft == reflect.TypeFor[*string]():
			f.Type, f.Optional = TString, true
		case ft == reflect.TypeFor[[]string]():
			f.Type = TStrings
		case ft == reflect.TypeFor[*float64]():
			f.Type, f.Optional = TFloat, true
		case ft == reflect.TypeFor[*PartialDate]():
			f.Type, f.Optional = TDate, true
		case ft == reflect.TypeFor[[]ClaimDate]():
			f.Type = TClaimDates
		case ft == reflect.TypeFor[*time.Time]():
			f.Type, f.Optional = TTime, true
		default:
			panic(fmt.Sprintf("domain: %s.%s: no value type for %s", t.Name(), sf.Name, ft))
		}
		for _, opt := range parts[1:] {
			key, val, _ := strings.Cut(opt, "=")
			switch key {
			case "req":
				f.Required = true
			case "line", "para":
				max, ok := limits[val]
				if !ok {
					panic(fmt.Sprintf("domain: %s.%s: unknown limit %q", t.Name(), sf.Name, val))
				}
				f.Max, f.Multiline = max, key == "para"
			case "items":
				f.Items = counts[val]
				if f.Items == 0 {
					f.Items = atoi(val)
				}
			case "deg":
				f.Degrees = float64(atoi(val))
			case "label":
				f.Label = true
			case "sortdate":
				f.SortDate = true
			case "default":
				f.Default = val
			case "derived":
				f.Derived = true
			case "export":
				f.Export = strings.TrimPrefix(val, "-")
			case "ftm":
				f.FtM = val
			default:
				panic(fmt.Sprintf("domain: %s.%s: unknown tag option %q", t.Name(), sf.Name, opt))
			}
		}
		s.Fields = append(s.Fields, f)
	}
	return s
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic("domain: tag option wants a number: " + s)
	}
	return n
}

// New returns a node of the kind with id and the fields' defaults.
func (s *KindSpec) New(id string) Node {
	v := reflect.New(s.typ)
	v.Elem().Field(s.id).SetString(id)
	n := v.Interface().(Node)
	for _, f := range s.Fields {
		if f.Default != "" {
			v.Elem().FieldByIndex(f.index).SetString(f.Default)
		}
	}
	return n
}

// Field returns the field called name, or nil.
func (s *KindSpec) Field(name string) *FieldSpec {
	for i := range s.Fields {
		if s.Fields[i].Name == name {
			return &s.Fields[i]
		}
	}
	return nil
}

// Link returns the embedded relationship called name, or nil.
func (s *KindSpec) Link(name string) *LinkField {
	for i := range s.Links {
		if s.Links[i].Name == name {
			return &s.Links[i]
		}
	}
	return nil
}

func (f *FieldSpec) value(n Node) reflect.Value {
	return reflect.ValueOf(n).Elem().FieldByIndex(f.index)
}

// Get returns the field's value in n: a string (also for enums), *string,
// []string, *float64, *PartialDate, []ClaimDate or *time.Time.
func (f *FieldSpec) Get(n Node) any {
	v := f.value(n)
	if v.Kind() == reflect.String {
		return v.String()
	}
	return v.Interface()
}

// Set sets the field in n to v, a value of the type Get returns; nil
// clears it.
func (f *FieldSpec) Set(n Node, v any) {
	dst := f.value(n)
	if v == nil {
		dst.SetZero()
		return
	}
	if s, ok := v.(string); ok {
		dst.SetString(s)
		return
	}
	dst.Set(reflect.ValueOf(v))
}

// SetString sets a string or enum field in n, without boxing s.
func (f *FieldSpec) SetString(n Node, s string) { f.value(n).SetString(s) }

// SetStrings sets a list-of-strings field in n.
func (f *FieldSpec) SetStrings(n Node, s []string) {
	*(f.value(n).Addr().Interface().(*[]string)) = s
}

// Text returns a string field's value; "" when it is not set.
func (f *FieldSpec) Text(n Node) string {
	switch v := f.Get(n).(type) {
	case string:
		return v
	case *string:
		if v != nil {
			return *v
		}
	}
	return ""
}

// Label is n's human name: its first label field that is set, else its id.
func Label(n Node) string {
	for _, f := range SpecOf(n).Fields {
		if f.Label {
			if s := f.Text(n); s != "" {
				return s
			}
		}
	}
	return n.NodeID()
}

// DateOf is the date a node is placed in time by: an event's date, a
// source's publication, a claim's point in time, an attribution's
// statement, a negotiation's start (its sortdate field); nil for the kinds
// without one.
func DateOf(n Node) *PartialDate {
	for _, f := range SpecOf(n).Fields {
		if f.SortDate {
			return f.Get(n).(*PartialDate)
		}
	}
	return nil
}

// validateFields checks n's fields against their description, in the
// order of the struct.
func validateFields(n Node) error {
	for _, f := range SpecOf(n).Fields {
		if err := f.check(n); err != nil {
			return err
		}
	}
	return nil
}

func (f *FieldSpec) check(n Node) error {
	if f.Derived {
		return nil
	}
	switch v := f.Get(n).(type) {
	case string:
		if f.Type == TEnum {
			return oneOf(f.Name, v, f.Enum...)
		}
		if f.Required {
			if err := required(f.Name, v); err != nil {
				return err
			}
		}
		return checkText(f.Name, v, f.Max, f.Multiline)
	case *string:
		if v == nil {
			return nil
		}
		return checkText(f.Name, *v, f.Max, f.Multiline)
	case []string:
		if err := tooMany(f.Name, len(v), f.Items); err != nil {
			return err
		}
		for i, s := range v {
			if err := checkText(fmt.Sprintf("%s[%d]", f.Name, i), s, f.Max, f.Multiline); err != nil {
				return err
			}
		}
	case *float64:
		if f.Degrees > 0 {
			return Coordinate(f.Name, v, f.Degrees)
		}
	case []ClaimDate:
		if err := tooMany(f.Name, len(v), f.Items); err != nil {
			return err
		}
		for i, d := range v {
			if err := oneOf(fmt.Sprintf("%s[%d].kind", f.Name, i), string(d.Kind), DateKinds...); err != nil {
				return err
			}
		}
	}
	return nil
}

func tooMany(field string, n, max int) error {
	if max > 0 && n > max {
		return &Error{Code: EINVALID, Field: field,
			Message:    fmt.Sprintf("%d %s; at most %d are allowed", n, field, max),
			Extensions: map[string]any{"length": n, "max": max}}
	}
	return nil
}

// DateAt returns the date at path in n: a date field ("start") or a claim
// date ("dates[1].date"); nil when there is none.
func DateAt(n Node, path string) *PartialDate {
	name, rest, _ := strings.Cut(path, "[")
	f := SpecOf(n).Field(name)
	if f == nil {
		return nil
	}
	switch v := f.Get(n).(type) {
	case *PartialDate:
		return v
	case []ClaimDate:
		i, err := strconv.Atoi(strings.TrimSuffix(rest, "].date"))
		if err == nil && i >= 0 && i < len(v) {
			return &v[i].Date
		}
	}
	return nil
}

// key renders the field's value in n canonically, to compare two nodes:
// dates with their bounds, a claim's dates in any order.
func (f *FieldSpec) key(n Node) string {
	date := func(d *PartialDate) string {
		if d == nil {
			return "-"
		}
		return d.Value + " " + d.Earliest.Format(DateLayout) + " " + d.Latest.Format(DateLayout)
	}
	switch v := f.Get(n).(type) {
	case *PartialDate:
		return date(v)
	case []ClaimDate:
		keys := make([]string, len(v))
		for i, d := range v {
			keys[i] = string(d.Kind) + " " + date(&d.Date)
		}
		slices.Sort(keys)
		return strings.Join(keys, "\n")
	case *time.Time:
		if v == nil {
			return "-"
		}
		return v.UTC().Format(time.RFC3339Nano)
	case []string:
		return strings.Join(v, "\n")
	default:
		return fmt.Sprintf("%#v", deref(reflect.ValueOf(v)))
	}
}

func deref(v reflect.Value) any {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		return v.Elem().Interface()
	}
	return v.Interface()
}

// SameFields reports whether a and b, of one kind, hold the same values in
// every field that is written (not derived, not bookkeeping).
func SameFields(a, b Node) bool {
	if a.NodeKind() != b.NodeKind() {
		return false
	}
	for _, f := range SpecOf(a).Fields {
		if !f.Derived && f.key(a) != f.key(b) {
			return false
		}
	}
	return true
}
