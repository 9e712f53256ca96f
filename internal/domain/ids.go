package domain

import (
	"regexp"
	"strings"
)

// Kind is the type of a node; it is also its Neo4j label and its GraphQL type.
type Kind string

// The node kinds of the model.
const (
	KindPerson       Kind = "Person"
	KindOrganisation Kind = "Organisation"
	KindPlace        Kind = "Place"
	KindNegotiation  Kind = "Negotiation"
	KindEvent        Kind = "Event"
	KindSource       Kind = "Source"
	KindClaim        Kind = "Claim"
	KindAttribution  Kind = "Attribution"
)

// Kinds lists every node kind, in a stable order.
var Kinds = []Kind{KindPerson, KindOrganisation, KindPlace, KindNegotiation, KindEvent, KindSource, KindClaim, KindAttribution}

// Prefix is the id prefix of the kind, e.g. "person".
func (k Kind) Prefix() string { return strings.ToLower(string(k)) }

// idPattern is "<prefix>/<slug>": a lowercase ASCII slug of letters, digits and
// single dashes or dots, so ids stay readable in URLs, logs and exports.
var idPattern = regexp.MustCompile(`^([a-z]+)/([a-z0-9]+(?:[-.][a-z0-9]+)*)$`)

// MaxIDLength bounds ids so that a typo cannot become a megabyte key.
const MaxIDLength = 200

// KindOfID parses a node id such as "person/dmitry-peskov" and returns its
// kind. It returns EINVALID when the id is malformed or has an unknown prefix.
func KindOfID(id string) (Kind, error) {
	if len(id) > MaxIDLength {
		return "", Invalid("id", "id is longer than %d characters", MaxIDLength)
	}
	m := idPattern.FindStringSubmatch(id)
	if m == nil {
		return "", Invalid("id", "malformed id %q: want <type>/<slug>, e.g. person/dmitry-peskov", id)
	}
	for _, k := range Kinds {
		if k.Prefix() == m[1] {
			return k, nil
		}
	}
	return "", Invalid("id", "id %q has unknown type %q", id, m[1])
}

// CheckID returns EINVALID unless id is well-formed and of one of the kinds.
func CheckID(field, id string, kinds ...Kind) error {
	k, err := KindOfID(id)
	if err != nil {
		err.(*Error).Field = field
		return err
	}
	if len(kinds) == 0 {
		return nil
	}
	for _, want := range kinds {
		if k == want {
			return nil
		}
	}
	names := make([]string, len(kinds))
	for i, want := range kinds {
		names[i] = string(want)
	}
	return Invalid(field, "id %q is a %s, want %s", id, k, strings.Join(names, " or "))
}
