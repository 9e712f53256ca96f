// Package domain holds newsgraph's model of "who reported what about whom":
// the types of docs/domain.md, the rules that derive from them (claim status,
// partial dates, name folding), the service interfaces and the error codes.
// It imports no database driver and no transport.
package domain

import (
	"errors"
	"fmt"
)

// Error codes. Transports name them through one table, Transports; the CLI
// turns any of them into its failure exit status.
const (
	EINVALID         = "invalid"         // the caller sent something malformed
	ENOTFOUND        = "not_found"       // the thing asked for does not exist
	ECONFLICT        = "conflict"        // the request clashes with the stored state
	EUNAVAILABLE     = "unavailable"     // a dependency (Neo4j) cannot be reached
	ELIMIT           = "limit"           // a query hit a size or time bound
	EUNAUTHENTICATED = "unauthenticated" // no valid API key where one is needed
	EFORBIDDEN       = "forbidden"       // the key's role may not do this
	EINTERNAL        = "internal"        // a bug or an unexpected failure
	ECOST            = "cost"            // an operation's static cost is over the limit
	ERATE            = "rate"            // a client spent its cost budget for the window
	EUNTRUSTED       = "untrusted"       // trusted documents only, and this one is not registered
	ETOOLARGE        = "too_large"       // a request body over the limit
	EGONE            = "gone"            // a change-log position older than the retention
)

// Transport is how a code shows on the wire.
type Transport struct {
	// GraphQL is the value of a GraphQL error's extensions.code.
	GraphQL string
	// HTTP is the status of an HTTP answer that is only this error (an
	// export, a refused key, a rate limit, an oversized body). A GraphQL
	// response with data is 200 whatever its errors say.
	HTTP int
}

// Transports gives every code its GraphQL extensions.code and HTTP status:
// the one place where codes meet transports. The HTTP statuses are numbers
// because this package imports no transport.
var Transports = map[string]Transport{
	EINVALID:         {GraphQL: "BAD_USER_INPUT", HTTP: 400},
	ENOTFOUND:        {GraphQL: "NOT_FOUND", HTTP: 404},
	ECONFLICT:        {GraphQL: "CONFLICT", HTTP: 409},
	EUNAVAILABLE:     {GraphQL: "UNAVAILABLE", HTTP: 503},
	ELIMIT:           {GraphQL: "LIMIT_EXCEEDED", HTTP: 422},
	EUNAUTHENTICATED: {GraphQL: "UNAUTHENTICATED", HTTP: 401},
	EFORBIDDEN:       {GraphQL: "FORBIDDEN", HTTP: 403},
	EINTERNAL:        {GraphQL: "INTERNAL_SERVER_ERROR", HTTP: 500},
	ECOST:            {GraphQL: "COST_LIMIT_EXCEEDED", HTTP: 400},
	ERATE:            {GraphQL: "RATE_LIMITED", HTTP: 429},
	EUNTRUSTED:       {GraphQL: "PERSISTED_QUERY_NOT_IN_LIST", HTTP: 400},
	ETOOLARGE:        {GraphQL: "REQUEST_TOO_LARGE", HTTP: 413},
	EGONE:            {GraphQL: "POSITION_PAST_RETENTION", HTTP: 410},
}

// TransportOf returns how code shows on the wire; an unknown code shows as
// EINTERNAL.
func TransportOf(code string) Transport {
	if t, ok := Transports[code]; ok {
		return t
	}
	return Transports[EINTERNAL]
}

// Error is an error with a code and a message meant for the user.
type Error struct {
	Code    string
	Message string
	// Field is the input path the error is about, e.g. "filter.date.from"; may be empty.
	Field string
	// Err is the underlying cause, logged but never shown to clients.
	Err error
	// Extensions are details a client can act on (the limit hit, the cost
	// computed, when to retry); transports show them beside the code.
	Extensions map[string]any
}

// Error renders the code, the message and the cause, for logs.
func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("newsgraph %s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("newsgraph %s: %s", e.Code, e.Message)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid returns an EINVALID error about one input field.
func Invalid(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err, EINTERNAL for errors without one and ""
// for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the user-facing message of err; errors without a code
// get a generic message so that internals never leak to clients.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
