package guard

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"regexp"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// Manifest is a set of trusted documents by id. In trusted-documents mode
// only these run: a production frontend registers its operations at build
// time and the API refuses everything else.
type Manifest struct {
	byID   map[string]string
	byHash map[string]string // sha256 of the document → id
}

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

// LoadManifest reads a manifest file: either a JSON object of id → document
// (Relay, GraphQL Code Generator's client preset), or Apollo's persisted
// query manifest ({"operations": [{"id", "body"}]}). An id that is a
// SHA-256 hex digest must be the digest of its document.
func LoadManifest(path string) (*Manifest, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, domain.Invalid("trusted-documents", "cannot read the trusted documents manifest: %v", err)
	}
	return ParseManifest(b)
}

// ParseManifest parses the contents of a manifest file (see LoadManifest).
func ParseManifest(b []byte) (*Manifest, error) {
	var apollo struct {
		Operations []struct {
			ID   string `json:"id"`
			Body string `json:"body"`
		} `json:"operations"`
	}
	docs := map[string]string{}
	if err := json.Unmarshal(b, &apollo); err == nil && apollo.Operations != nil {
		for _, op := range apollo.Operations {
			docs[op.ID] = op.Body
		}
	} else {
		var flat map[string]any
		if err := json.Unmarshal(b, &flat); err != nil {
			return nil, domain.Invalid("trusted-documents", "the trusted documents manifest is not a JSON object of id to document: %v", err)
		}
		for id, v := range flat {
			doc, ok := v.(string)
			if !ok {
				return nil, domain.Invalid("trusted-documents", "manifest entry %q is not a document string", id)
			}
			docs[id] = doc
		}
	}
	m := &Manifest{byID: map[string]string{}, byHash: map[string]string{}}
	for id, doc := range docs {
		h := Hash(doc)
		if sha256Hex.MatchString(id) && id != h {
			return nil, domain.Invalid("trusted-documents", "manifest id %s is not the SHA-256 of its document (%s)", id, h)
		}
		m.byID[id] = doc
		m.byHash[h] = id
	}
	if len(m.byID) == 0 {
		return nil, domain.Invalid("trusted-documents", "the trusted documents manifest is empty")
	}
	return m, nil
}

// Hash is the SHA-256 hex digest of a document, as APQ and manifests use.
func Hash(doc string) string {
	sum := sha256.Sum256([]byte(doc))
	return hex.EncodeToString(sum[:])
}

// Len is the number of trusted documents.
func (m *Manifest) Len() int { return len(m.byID) }

// Resolve fills in the document a request names by
// extensions.persistedQuery.sha256Hash (the APQ wire format) and refuses a
// request whose document is not in the manifest.
func (m *Manifest) Resolve(raw *graphql.RawParams) *domain.Error {
	if pq, ok := raw.Extensions["persistedQuery"].(map[string]any); ok {
		id, _ := pq["sha256Hash"].(string)
		doc, found := m.byID[id]
		if !found {
			return untrusted(fmt.Sprintf("no trusted document has id %q", id))
		}
		if raw.Query != "" && raw.Query != doc {
			return untrusted("the query differs from the trusted document with this id")
		}
		raw.Query = doc
		return nil
	}
	if raw.Query == "" {
		return untrusted("send a trusted document's id in extensions.persistedQuery.sha256Hash")
	}
	if _, ok := m.byHash[Hash(raw.Query)]; !ok {
		return untrusted("this server runs trusted documents only, and this document is not one of them")
	}
	return nil
}

func untrusted(msg string) *domain.Error {
	return domain.Errorf(domain.EUNTRUSTED, "%s", msg)
}
