// Package auth turns API keys into principals. Keys are configured as
// SHA-256 hashes, never in clear: "name:role:sha256hex", comma- or
// newline-separated, where role is reader, editor or admin.
package auth

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"strings"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// Hash returns the hex SHA-256 of an API key, the form keys are configured in.
func Hash(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

type entry struct {
	name string
	role domain.Role
	hash [sha256.Size]byte
}

// Keys authenticates requests.
type Keys struct {
	entries []entry
	// AnonymousReads lets requests without a key read.
	AnonymousReads bool
}

// Parse reads a key configuration; it returns EINVALID naming the bad entry.
func Parse(config string, anonymousReads bool) (*Keys, error) {
	k := &Keys{AnonymousReads: anonymousReads}
	for _, item := range strings.FieldsFunc(config, func(r rune) bool { return r == ',' || r == '\n' }) {
		item = strings.TrimSpace(item)
		if item == "" || strings.HasPrefix(item, "#") {
			continue
		}
		parts := strings.Split(item, ":")
		if len(parts) != 3 {
			return nil, domain.Invalid("api-keys", "API key entry %q: want name:role:sha256hex", item)
		}
		role, err := domain.ParseRole(parts[1])
		if err != nil {
			return nil, domain.Invalid("api-keys", "API key %q: %s", parts[0], domain.ErrorMessage(err))
		}
		raw, err := hex.DecodeString(parts[2])
		if err != nil || len(raw) != sha256.Size {
			return nil, domain.Invalid("api-keys", "API key %q: the third part must be the key's SHA-256 in hex (newsgraph hash-key prints it)", parts[0])
		}
		e := entry{name: parts[0], role: role}
		copy(e.hash[:], raw)
		k.entries = append(k.entries, e)
	}
	return k, nil
}

// Authenticate returns the principal of a bearer token; "" is anonymous.
// An unknown key is EUNAUTHENTICATED, so a typo never passes as anonymous.
func (k *Keys) Authenticate(token string) (domain.Principal, error) {
	if token == "" {
		if k.AnonymousReads {
			return domain.Anonymous, nil
		}
		return domain.Principal{Key: domain.Anonymous.Key, Role: domain.RoleNone}, nil
	}
	sum := sha256.Sum256([]byte(token))
	for _, e := range k.entries {
		if subtle.ConstantTimeCompare(sum[:], e.hash[:]) == 1 {
			return domain.Principal{Key: e.name, Role: e.role}, nil
		}
	}
	return domain.Principal{}, domain.Errorf(domain.EUNAUTHENTICATED, "unknown API key")
}

// Middleware puts the request's principal in its context. A request with an
// unknown key gets 401 with a GraphQL-shaped error.
func (k *Keys) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := k.Authenticate(BearerToken(r.Header.Get("Authorization")))
		if err != nil {
			tr := domain.Transports[domain.EUNAUTHENTICATED]
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
			w.WriteHeader(tr.HTTP)
			_, _ = w.Write([]byte(`{"errors":[{"message":"unknown API key","extensions":{"code":"` + tr.GraphQL + `"}}],"data":null}`))
			return
		}
		next.ServeHTTP(w, r.WithContext(domain.WithPrincipal(r.Context(), p)))
	})
}

// BearerToken returns the token of an "Authorization: Bearer <token>" value
// (the scheme is case-insensitive), or "".
func BearerToken(header string) string {
	scheme, token, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}
