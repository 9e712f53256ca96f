package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/internal/domain"
	"github.com/newsgraph/newsgraph/internal/guard"
	"github.com/newsgraph/newsgraph/internal/metrics"
)

// The media types of GraphQL over HTTP.
const (
	mediaGraphQLResponse = "application/graphql-response+json"
	mediaJSON            = "application/json"
)

// overHTTP is newsgraph's GraphQL-over-HTTP transport (GET and POST, as the
// GraphQL over HTTP specification says): a request error — a body that is
// not a GraphQL request, a document that does not parse or validate, a
// limit — answers no data entry; with application/graphql-response+json its
// status is 4xx, with application/json 200. A body over the limit is 413
// and a spent rate budget 429 with Retry-After, whatever the media type.
type overHTTP struct {
	maxBody int
	metrics *metrics.Metrics // counts the operations refused before execution
}

var _ graphql.Transport = overHTTP{}

// Supports implements graphql.Transport.
func (overHTTP) Supports(r *http.Request) bool {
	return r.Header.Get("Upgrade") == "" && (r.Method == http.MethodGet || r.Method == http.MethodPost)
}

// requestError is a response to a request that did not execute.
type requestError struct {
	Errors     gqlerror.List  `json:"errors"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Do implements graphql.Transport.
func (t overHTTP) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	media, ok := responseMedia(r.Header.Get("Accept"))
	if !ok {
		w.Header().Set("Content-Type", mediaJSON)
		t.fail(w, r, exec, mediaJSON, http.StatusNotAcceptable, domain.Errorf(domain.EINVALID, "accept %s or %s", mediaGraphQLResponse, mediaJSON))
		return
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	info := &guard.RateInfo{}
	ctx = guard.WithRateInfo(ctx, info)
	after, err := bookmarksSent(r.Header)
	if err != nil {
		t.fail(w, r, exec, media, http.StatusBadRequest, err)
		return
	}
	ctx, bookmarks := domain.WithBookmarks(ctx, after)
	start := graphql.Now()
	params, err := t.params(w, r)
	if err != nil {
		status := http.StatusBadRequest
		var de *domain.Error
		switch {
		case domain.ErrorCode(err) == domain.ETOOLARGE && r.Method == http.MethodGet:
			status = http.StatusRequestURITooLong
		case domain.ErrorCode(err) == domain.ETOOLARGE:
			status = http.StatusRequestEntityTooLarge
		case errors.As(err, &de) && de.Field == "content-type":
			status = http.StatusUnsupportedMediaType
		}
		t.fail(w, r, exec, media, status, err)
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	oc, errs := exec.CreateOperationContext(ctx, params)
	ctx = graphql.WithOperationContext(ctx, oc)
	if errs != nil {
		resp := exec.DispatchError(ctx, errs)
		t.metrics.Refused(params.OperationName, resp.Errors)
		t.write(w, media, requestStatus(media, resp.Errors), &requestError{Errors: resp.Errors, Extensions: resp.Extensions}, info)
		return
	}
	if r.Method == http.MethodGet && oc.Operation.Operation != ast.Query {
		w.Header().Set("Allow", "POST")
		t.fail(w, r, exec, media, http.StatusMethodNotAllowed, domain.Errorf(domain.EINVALID, "only queries can be sent with GET; send %ss with POST", oc.Operation.Operation))
		return
	}
	if oc.Operation.Operation == ast.Subscription {
		t.fail(w, r, exec, media, http.StatusBadRequest, domain.Errorf(domain.EINVALID, "subscriptions run over a WebSocket (graphql-transport-ws) at this URL"))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, oc)
	resp := responses(ctx)
	if resp == nil {
		return // the client went away
	}
	if written := bookmarks.Written(); len(written) > 0 {
		// Sent back even when a later field failed: the writes that
		// committed are what the client's next request must see.
		bookmark := strings.Join(written, ",")
		w.Header().Set(BookmarkHeader, bookmark)
		if resp.Extensions == nil {
			resp.Extensions = map[string]any{}
		}
		resp.Extensions["bookmark"] = bookmark
	}
	if resp.Data == nil && stoppedBeforeData(resp.Errors) {
		t.write(w, media, requestStatus(media, resp.Errors), &requestError{Errors: resp.Errors, Extensions: resp.Extensions}, info)
		return
	}
	t.write(w, media, http.StatusOK, resp, info)
}

// BookmarkHeader carries Neo4j bookmarks, comma-separated: a response to a
// request that wrote names the bookmark of its write (also in
// extensions.bookmark); a request that sends it back reads that write, on
// any replica and any cluster member.
const BookmarkHeader = "Neo4j-Bookmark"

// maxBookmarks bounds the bookmarks one request may wait for.
const maxBookmarks = 16

// bookmarksSent reads the bookmarks of the request's BookmarkHeader.
func bookmarksSent(h http.Header) ([]string, error) {
	var out []string
	for _, v := range h.Values(BookmarkHeader) {
		for _, b := range strings.Split(v, ",") {
			if b = strings.TrimSpace(b); b != "" {
				out = append(out, b)
			}
		}
	}
	if len(out) > maxBookmarks {
		return nil, domain.Invalid(BookmarkHeader, "send at most %d bookmarks in %s, got %d", maxBookmarks, BookmarkHeader, len(out))
	}
	return out, nil
}

// fail answers a request error that the executor never saw: a body that is
// not a GraphQL request is a 4xx whatever the media type.
func (t overHTTP) fail(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor, media string, status int, err error) {
	var de *domain.Error
	if !errors.As(err, &de) {
		de = &domain.Error{Code: domain.EINVALID, Message: err.Error()}
	}
	resp := exec.DispatchError(r.Context(), gqlerror.List{{Message: de.Message, Err: de}})
	t.write(w, media, status, &requestError{Errors: resp.Errors, Extensions: resp.Extensions}, nil)
}

func (overHTTP) write(w http.ResponseWriter, media string, status int, body any, info *guard.RateInfo) {
	info.Header(w.Header())
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
	}
	b, err := encode(body)
	if err != nil {
		internal := domain.Transports[domain.EINTERNAL]
		status = internal.HTTP
		b = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"` + internal.GraphQL + `"}}]}`)
	}
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// encode writes a response as JSON. An executed operation's data is JSON
// already, written by gqlgen's marshallers: it is copied as it is, where
// json.Marshal would scan and re-compact it (a tenth of the server's CPU on
// a page of a few hundred objects). The incremental-delivery fields of
// graphql.Response (label, path, hasNext) are not used over this transport.
func encode(body any) ([]byte, error) {
	resp, ok := body.(*graphql.Response)
	if !ok {
		return json.Marshal(body)
	}
	b := make([]byte, 0, len(resp.Data)+64)
	b = append(b, '{')
	if len(resp.Errors) > 0 {
		errs, err := json.Marshal(resp.Errors)
		if err != nil {
			return nil, err
		}
		b = append(append(append(b, `"errors":`...), errs...), ',')
	}
	b = append(b, `"data":`...)
	if len(resp.Data) == 0 {
		b = append(b, "null"...)
	} else {
		b = append(b, resp.Data...)
	}
	if len(resp.Extensions) > 0 {
		ext, err := json.Marshal(resp.Extensions)
		if err != nil {
			return nil, err
		}
		b = append(append(b, `,"extensions":`...), ext...)
	}
	return append(b, '}'), nil
}

// requestStatus is the status of a request error: 429 for a spent rate
// budget, 401 without a key where one is needed, else 400 for
// application/graphql-response+json and 200 for application/json.
func requestStatus(media string, errs gqlerror.List) int {
	rate, unauthenticated := domain.Transports[domain.ERATE], domain.Transports[domain.EUNAUTHENTICATED]
	for _, e := range errs {
		switch e.Extensions["code"] {
		case rate.GraphQL:
			return rate.HTTP
		case unauthenticated.GraphQL:
			if media == mediaGraphQLResponse {
				return unauthenticated.HTTP
			}
		}
	}
	if media == mediaGraphQLResponse {
		return http.StatusBadRequest
	}
	return http.StatusOK
}

// stoppedBeforeData says whether an operation was refused or stopped as a
// whole (rate, budget, deadline, key): those are request errors.
func stoppedBeforeData(errs gqlerror.List) bool {
	if len(errs) == 0 {
		return false
	}
	switch errs[0].Extensions["code"] {
	case domain.Transports[domain.ERATE].GraphQL, domain.Transports[domain.ELIMIT].GraphQL, domain.Transports[domain.EUNAUTHENTICATED].GraphQL:
		return true
	}
	return false
}

// responseMedia picks the response's media type from Accept: the GraphQL
// response type when the client lists it before application/json, else
// application/json (also without Accept, as the specification asks for
// legacy clients).
func responseMedia(accept string) (string, bool) {
	if strings.TrimSpace(accept) == "" {
		return mediaJSON, true
	}
	for _, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if q, qerr := strconv.ParseFloat(params["q"], 64); err != nil || params["q"] != "" && (qerr != nil || q <= 0) {
			continue
		}
		switch mt {
		case mediaGraphQLResponse:
			return mediaGraphQLResponse, true
		case mediaJSON, "application/*", "*/*":
			return mediaJSON, true
		}
	}
	return "", false
}

// wireParams is a GraphQL request as sent; its fields are checked by type.
type wireParams struct {
	Query         any `json:"query"`
	OperationName any `json:"operationName"`
	Variables     any `json:"variables"`
	Extensions    any `json:"extensions"`
}

// params reads the GraphQL request of a GET (URL parameters) or a POST
// (a JSON body of at most maxBody bytes).
func (t overHTTP) params(w http.ResponseWriter, r *http.Request) (*graphql.RawParams, error) {
	var wp wireParams
	if r.Method == http.MethodGet {
		if len(r.URL.RawQuery) > t.maxBody {
			return nil, tooLarge(t.maxBody)
		}
		q := r.URL.Query()
		if q.Has("query") {
			wp.Query = q.Get("query")
		}
		if q.Has("operationName") {
			wp.OperationName = q.Get("operationName")
		}
		for name, dst := range map[string]*any{"variables": &wp.Variables, "extensions": &wp.Extensions} {
			if s := q.Get(name); s != "" {
				if err := json.Unmarshal([]byte(s), dst); err != nil {
					return nil, domain.Invalid(name, "the %s parameter is not JSON: %v", name, err)
				}
			}
		}
	} else {
		mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || mt != mediaJSON {
			return nil, domain.Invalid("content-type", "send the request as Content-Type: application/json")
		}
		if r.ContentLength > int64(t.maxBody) {
			return nil, tooLarge(t.maxBody)
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, int64(t.maxBody)))
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return nil, tooLarge(t.maxBody)
			}
			return nil, domain.Invalid("body", "could not read the request body")
		}
		body = bytes.TrimSpace(body)
		if len(body) > 0 && body[0] == '[' {
			return nil, domain.Invalid("body", "batched operations are not supported: send one operation per request")
		}
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		if err := dec.Decode(&wp); err != nil {
			return nil, domain.Invalid("body", "the body is not a JSON object: %s", jsonProblem(err))
		}
		if _, err := dec.Token(); err != io.EOF {
			return nil, domain.Invalid("body", "the body has more than one JSON value")
		}
	}
	p := &graphql.RawParams{}
	var ok bool
	if wp.Query != nil {
		if p.Query, ok = wp.Query.(string); !ok {
			return nil, domain.Invalid("query", "query must be a string")
		}
	}
	if wp.OperationName != nil {
		if p.OperationName, ok = wp.OperationName.(string); !ok {
			return nil, domain.Invalid("operationName", "operationName must be a string")
		}
	}
	if wp.Variables != nil {
		if p.Variables, ok = wp.Variables.(map[string]any); !ok {
			return nil, domain.Invalid("variables", "variables must be an object")
		}
	}
	if wp.Extensions != nil {
		if p.Extensions, ok = wp.Extensions.(map[string]any); !ok {
			return nil, domain.Invalid("extensions", "extensions must be an object")
		}
	}
	if p.Query == "" && p.Extensions["persistedQuery"] == nil {
		return nil, domain.Invalid("query", "the request has no query")
	}
	return p, nil
}

func tooLarge(limit int) error {
	e := domain.Errorf(domain.ETOOLARGE, "the request is larger than %d bytes (--max-body-bytes)", limit)
	e.Extensions = map[string]any{"limit": "max-body-bytes", "allowed": limit}
	return e
}

// jsonProblem describes a JSON syntax error without echoing the body.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return "syntax error at byte " + strconv.FormatInt(se.Offset, 10)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return "expected an object"
	}
	return "cannot decode"
}
