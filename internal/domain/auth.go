package domain

import "context"

// Role is what an API key may do; each role includes the ones before it.
type Role int

// The roles.
const (
	RoleNone   Role = iota // no access
	RoleReader             // read
	RoleEditor             // read and write
	RoleAdmin              // also force deletes and merges
)

// String names the role as configured ("reader", "editor", "admin").
func (r Role) String() string {
	switch r {
	case RoleReader:
		return "reader"
	case RoleEditor:
		return "editor"
	case RoleAdmin:
		return "admin"
	}
	return "none"
}

// ParseRole reads a configured role name.
func ParseRole(s string) (Role, error) {
	for _, r := range []Role{RoleReader, RoleEditor, RoleAdmin} {
		if r.String() == s {
			return r, nil
		}
	}
	return RoleNone, Invalid("role", "unknown role %q: want reader, editor or admin", s)
}

// Principal is who makes a request: an API key's name and role, or the
// anonymous reader.
type Principal struct {
	Key  string // the key's configured name, "anonymous", or a command such as "cli:import"
	Role Role
}

// Anonymous is the principal of requests without a key.
var Anonymous = Principal{Key: "anonymous", Role: RoleReader}

type principalKey struct{}

// WithPrincipal returns ctx carrying p.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the principal of ctx; without one, nobody.
func PrincipalFrom(ctx context.Context) Principal {
	p, ok := ctx.Value(principalKey{}).(Principal)
	if !ok {
		return Principal{Key: "none", Role: RoleNone}
	}
	return p
}

// Require returns EUNAUTHENTICATED or EFORBIDDEN unless ctx's principal has
// at least role; what names the action for the message.
func Require(ctx context.Context, role Role, what string) (Principal, error) {
	p := PrincipalFrom(ctx)
	if p.Role >= role {
		return p, nil
	}
	if p.Role <= RoleReader && (p.Key == Anonymous.Key || p.Role == RoleNone) {
		return p, Errorf(EUNAUTHENTICATED, "%s needs an API key with role %s: send Authorization: Bearer <key>", what, role)
	}
	return p, Errorf(EFORBIDDEN, "%s needs role %s; key %q has role %s", what, role, p.Key, p.Role)
}
