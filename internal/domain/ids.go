package domain

import "strings"

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

// kindOfPrefix maps each id prefix to its kind.
var kindOfPrefix = func() map[string]Kind {
	m := make(map[string]Kind, len(Kinds))
	for _, k := range Kinds {
		m[k.Prefix()] = k
	}
	return m
}()

// splitID splits an id of the form "<prefix>/<slug>" — a lowercase ASCII
// prefix, then a slug of lowercase ASCII letters and digits in runs joined
// by single dashes or dots, so ids stay readable in URLs, logs and exports —
// and says whether it has that form. (The form as a regular expression:
// ^([a-z]+)/([a-z0-9]+(?:[-.][a-z0-9]+)*)$; the store decodes an id per node
// it reads, so this is written out.)
func splitID(id string) (prefix string, ok bool) {
	slash := strings.IndexByte(id, '/')
	if slash <= 0 || slash == len(id)-1 {
		return "", false
	}
	for i := range slash {
		if c := id[i]; c < 'a' || c > 'z' {
			return "", false
		}
	}
	joined := true // at the slug's start, as after a dash or dot
	for i := slash + 1; i < len(id); i++ {
		switch c := id[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			joined = false
		case c == '-' || c == '.':
			if joined {
				return "", false
			}
			joined = true
		default:
			return "", false
		}
	}
	return id[:slash], !joined
}

// MaxIDLength bounds ids so that a typo cannot become a megabyte key.
const MaxIDLength = 200

// KindOfID parses a node id such as "person/dmitry-peskov" and returns its
// kind. It returns EINVALID when the id is malformed or has an unknown prefix.
func KindOfID(id string) (Kind, error) {
	if len(id) > MaxIDLength {
		return "", Invalid("id", "id is longer than %d characters", MaxIDLength)
	}
	prefix, ok := splitID(id)
	if !ok {
		return "", Invalid("id", "malformed id %q: want <type>/<slug>, e.g. person/dmitry-peskov", id)
	}
	if k, ok := kindOfPrefix[prefix]; ok {
		return k, nil
	}
	return "", Invalid("id", "id %q has unknown type %q", id, prefix)
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
