// Package guard bounds the work of every GraphQL request, in one gqlgen
// extension with one mechanism per stage:
//
//   - before validation: trusted documents, then the token, depth, alias,
//     directive and field limits on the parsed document (Precheck);
//   - before execution: the static cost of the operation and its variables
//     (Cost), the client's rate budget, and a slot among MaxInFlight;
//   - during execution: a budget of resolved objects and response bytes, and
//     the request's deadline, checked at every field; past either the work
//     stops, the context that reaches every loader and Neo4j call is
//     cancelled and the partial data is discarded;
//   - in every response: extensions.cost (requested, limit, actual) and at
//     most Limits.Errors errors.
//
// All limits come from one domain.Limits.
package guard

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// Guard is the gqlgen extension; install it with srv.Use after the
// persisted-query extension, so that it checks the document a hash names.
type Guard struct {
	limits    domain.Limits
	schema    *ast.Schema
	rate      *RateLimiter
	trusted   *Manifest
	presenter graphql.ErrorPresenterFunc
	slots     chan struct{}
	// prechecked remembers the SHA-256 of documents that passed, so a
	// repeated query costs a hash and a map lookup.
	prechecked sync.Map
	nPrechecks atomic.Int64
}

// Options are the optional parts of a Guard.
type Options struct {
	// Trusted, when set, lets only its documents run.
	Trusted *Manifest
	// Presenter gives the errors the guard writes itself their codes.
	Presenter graphql.ErrorPresenterFunc
}

// New returns a guard enforcing l over schema.
func New(schema *ast.Schema, l domain.Limits, opts Options) *Guard {
	g := &Guard{limits: l, schema: schema, trusted: opts.Trusted, presenter: opts.Presenter, slots: make(chan struct{}, l.MaxInFlight)}
	if g.presenter == nil {
		g.presenter = graphql.DefaultErrorPresenter
	}
	if l.Rate > 0 || l.RateKey > 0 {
		g.rate = NewRateLimiter(l.Rate, l.RateKey, l.RateWindow)
	}
	return g
}

var (
	_ graphql.HandlerExtension          = (*Guard)(nil)
	_ graphql.OperationParameterMutator = (*Guard)(nil)
	_ graphql.OperationContextMutator   = (*Guard)(nil)
	_ graphql.OperationInterceptor      = (*Guard)(nil)
	_ graphql.FieldInterceptor          = (*Guard)(nil)
	_ graphql.ResponseInterceptor       = (*Guard)(nil)
)

// ExtensionName implements graphql.HandlerExtension.
func (g *Guard) ExtensionName() string { return "newsgraph-guard" }

// Validate implements graphql.HandlerExtension: every list of objects in
// the schema must say how long it can be.
func (g *Guard) Validate(graphql.ExecutableSchema) error {
	if u := Unsized(g.schema); len(u) > 0 {
		return fmt.Errorf("lists without @listSize: %v", u)
	}
	return nil
}

// Usage is the cost of one operation, reported in extensions.cost.
type Usage struct {
	Requested int `json:"requested"`
	Limit     int `json:"limit"`
	// Actual is the number of objects resolved; absent before execution.
	Actual *int `json:"actual,omitempty"`
}

const statsKey = "newsgraph.cost"

func gqlErr(e *domain.Error) *gqlerror.Error {
	return &gqlerror.Error{Message: e.Message, Err: e}
}

// MutateOperationParameters implements graphql.OperationParameterMutator:
// trusted documents, then the precheck of the document's shape.
func (g *Guard) MutateOperationParameters(ctx context.Context, raw *graphql.RawParams) *gqlerror.Error {
	if g.trusted != nil {
		if err := g.trusted.Resolve(raw); err != nil {
			return gqlErr(err)
		}
	}
	sum := sha256.Sum256([]byte(raw.Query))
	if _, ok := g.prechecked.Load(sum); ok {
		return nil
	}
	if err := Precheck(raw.Query, g.limits); err != nil {
		if err.Code == domain.EINVALID {
			// A fragment cycle: what the validator would have said.
			return &gqlerror.Error{Message: err.Message, Extensions: map[string]any{"code": errcode.ValidationFailed}}
		}
		return gqlErr(err)
	}
	// The cache is bounded: past 10,000 entries it starts over.
	if g.nPrechecks.Add(1) > 10_000 {
		g.prechecked.Clear()
		g.nPrechecks.Store(0)
	}
	g.prechecked.Store(sum, struct{}{})
	return nil
}

// MutateOperationContext implements graphql.OperationContextMutator: the
// static cost, refused past Limits.Cost.
func (g *Guard) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	u := &Usage{Requested: Cost(g.schema, oc.Operation, oc.Variables), Limit: g.limits.Cost}
	oc.Stats.SetExtension(statsKey, u)
	if u.Requested > u.Limit {
		e := domain.Errorf(domain.ECOST, "the operation's cost is %d, more than the limit of %d: ask for fewer items (first) or fewer nested lists", u.Requested, u.Limit)
		e.Extensions = map[string]any{"cost": map[string]any{"requested": u.Requested, "limit": u.Limit}}
		return gqlErr(e)
	}
	return nil
}

// run is the state of one executing operation.
type run struct {
	limits domain.Limits
	schema *ast.Schema
	cancel context.CancelFunc
	// ctx is the operation's: every field's context derives from it, so
	// checking it is checking theirs, without walking each field's chain.
	ctx   context.Context
	nodes atomic.Int64
	bytes atomic.Int64
	// over is the error that stopped the work, nil while within budget.
	over atomic.Pointer[domain.Error]
}

type runKey struct{}

func (r *run) stop(e *domain.Error) {
	if r.over.CompareAndSwap(nil, e) {
		r.cancel()
	}
}

// InterceptOperation implements graphql.OperationInterceptor: a place on
// the client's socket, the rate budget, a slot, and the execution budget of
// the operation.
func (g *Guard) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	refuse := func(e *domain.Error) graphql.ResponseHandler {
		return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{g.present(ctx, e)}})
	}
	leave, e := g.enterSocket(ctx)
	if e != nil {
		return refuse(e)
	}
	if oc.Operation != nil && oc.Operation.Operation == ast.Subscription {
		return g.subscription(ctx, next, leave)
	}
	var cancel context.CancelFunc
	if _, ok := ctx.Deadline(); ok {
		ctx, cancel = context.WithCancel(ctx)
	} else {
		// A query or mutation over a WebSocket has no HTTP deadline.
		ctx, cancel = context.WithTimeout(ctx, g.limits.RequestTimeout)
	}
	if err := ctx.Err(); err != nil {
		cancel()
		leave()
		return refuse(stopped(err))
	}
	u, _ := oc.Stats.GetExtension(statsKey).(*Usage)
	if u == nil {
		u = &Usage{Limit: g.limits.Cost}
	}
	var charge *Charge
	if g.rate != nil {
		var err *domain.Error
		if charge, err = g.rate.Take(ctx, u.Requested); err != nil {
			cancel()
			leave()
			return refuse(err)
		}
	}
	select {
	case g.slots <- struct{}{}:
	case <-ctx.Done():
		charge.Settle(0)
		cancel()
		leave()
		return refuse(stopped(ctx.Err()))
	}
	r := &run{limits: g.limits, schema: g.schema, cancel: cancel, ctx: ctx}
	var once sync.Once
	finish := func() {
		once.Do(func() {
			cancel()
			<-g.slots
			charge.Settle(int(r.nodes.Load()))
			leave()
		})
	}
	// However the operation ends (answered, over budget, past its deadline,
	// abandoned by its client), its slot is released once.
	stopWatch := context.AfterFunc(ctx, finish)
	h := next(context.WithValue(ctx, runKey{}, r))
	var answered atomic.Bool
	return func(ctx context.Context) *graphql.Response {
		if answered.Swap(true) {
			return nil // a query or mutation answers once
		}
		resp := h(ctx)
		if resp == nil {
			// gqlgen answers nothing once the context is done; the client,
			// if it is still there, learns why.
			e := r.over.Load()
			if e == nil {
				e = stopped(over(ctx))
			}
			resp = &graphql.Response{Errors: gqlerror.List{g.present(ctx, e)}}
		}
		stopWatch()
		finish()
		return resp
	}
}

type socketKey struct{}

// WithSocket returns the context of a WebSocket connection, which counts
// the operations it holds.
func WithSocket(ctx context.Context) context.Context {
	return context.WithValue(ctx, socketKey{}, new(atomic.Int32))
}

// enterSocket takes a place among the Limits.WSOperations one socket may
// hold at once (subscriptions and running queries alike); outside a socket
// it admits everything.
func (g *Guard) enterSocket(ctx context.Context) (leave func(), err *domain.Error) {
	held, _ := ctx.Value(socketKey{}).(*atomic.Int32)
	if held == nil {
		return func() {}, nil
	}
	if held.Add(1) > int32(g.limits.WSOperations) {
		held.Add(-1)
		e := domain.Errorf(domain.ELIMIT, "this connection already holds %d operations (--ws-operations); complete one first", g.limits.WSOperations)
		e.Extensions = map[string]any{"limit": "ws-operations", "allowed": g.limits.WSOperations}
		return nil, e
	}
	var once sync.Once
	return func() { once.Do(func() { held.Add(-1) }) }, nil
}

// subscription runs a subscription, which needs no slot as it waits for
// events; it leaves its socket when it ends.
func (g *Guard) subscription(ctx context.Context, next graphql.OperationHandler, leave func()) graphql.ResponseHandler {
	stopWatch := context.AfterFunc(ctx, leave)
	h := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := h(ctx)
		if resp == nil {
			stopWatch()
			leave()
		}
		return resp
	}
}

// over is ctx.Err(), or DeadlineExceeded as soon as the deadline has
// passed: a socket deadline set from the context can fire a moment before
// the context's own timer, and the driver's error then does not say why.
func over(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d, ok := ctx.Deadline(); ok && !time.Now().Before(d) {
		return context.DeadlineExceeded
	}
	return nil
}

// stopped turns a done context into the error the client sees.
func stopped(err error) *domain.Error {
	if errors.Is(err, context.DeadlineExceeded) {
		e := domain.Errorf(domain.ELIMIT, "the request ran past its deadline (--request-timeout) and was stopped")
		e.Extensions = map[string]any{"limit": "request-timeout"}
		return e
	}
	return domain.Errorf(domain.ELIMIT, "the request was cancelled")
}

// InterceptField implements graphql.FieldInterceptor: no field starts once
// the operation is over budget or past its deadline, and every result is
// counted against the budget.
func (g *Guard) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	r, _ := ctx.Value(runKey{}).(*run)
	if r == nil {
		return next(ctx)
	}
	if e := r.over.Load(); e != nil {
		return nil, e
	}
	if err := over(r.ctx); err != nil {
		e := stopped(err)
		r.stop(e)
		return nil, e
	}
	res, err := next(ctx)
	if err != nil && over(ctx) != nil {
		// The field failed because the request is over (its deadline passed
		// or its client left): that, not the field, is what went wrong.
		e := r.over.Load()
		if e == nil {
			e = stopped(over(ctx))
			r.stop(e)
		}
		return nil, e
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Definition == nil || res == nil {
		return res, err
	}
	nodes, size := measure(r.schema, fc.Field.Definition.Type, res)
	size += len(fc.Field.Alias) + 4
	if n := r.nodes.Add(int64(nodes)); n > int64(r.limits.BudgetNodes) {
		e := domain.Errorf(domain.ELIMIT, "the operation resolved more than %d objects (--budget-nodes) and was stopped", r.limits.BudgetNodes)
		e.Extensions = map[string]any{"limit": "budget-nodes", "allowed": r.limits.BudgetNodes}
		r.stop(e)
		return nil, e
	}
	if b := r.bytes.Add(int64(size)); b > int64(r.limits.BudgetBytes) {
		e := domain.Errorf(domain.ELIMIT, "the response grew past %d bytes (--budget-bytes) and was stopped", r.limits.BudgetBytes)
		e.Extensions = map[string]any{"limit": "budget-bytes", "allowed": r.limits.BudgetBytes}
		r.stop(e)
		return nil, e
	}
	return res, err
}

// measure returns the objects a field's result holds and an estimate of
// its scalar bytes.
func measure(schema *ast.Schema, t *ast.Type, res any) (nodes, size int) {
	def := schema.Types[t.Name()]
	leaf := def == nil || def.IsLeafType()
	v := reflect.ValueOf(res)
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return 0, 4
		}
		v = v.Elem()
	}
	if t.Elem != nil && (v.Kind() == reflect.Slice || v.Kind() == reflect.Array) {
		n := v.Len()
		if !leaf {
			return n, 2 * n
		}
		for i := range n {
			size += scalarSize(v.Index(i)) + 1
		}
		return 0, size
	}
	if !leaf {
		return 1, 2
	}
	return 0, scalarSize(v)
}

func scalarSize(v reflect.Value) int {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return 4
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.String {
		return v.Len() + 2
	}
	return 8
}

// InterceptResponse implements graphql.ResponseInterceptor: a stopped
// operation answers its one error and no data; every response carries
// extensions.cost and at most Limits.Errors errors.
func (g *Guard) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if resp == nil {
		return nil
	}
	r, _ := ctx.Value(runKey{}).(*run)
	if r != nil {
		if r.over.Load() == nil && ctx.Err() != nil {
			r.stop(stopped(ctx.Err()))
		}
		if e := r.over.Load(); e != nil {
			resp.Data = nil
			resp.Errors = gqlerror.List{g.present(ctx, e)}
		}
	}
	if len(resp.Errors) > g.limits.Errors {
		n := len(resp.Errors)
		resp.Errors = append(resp.Errors[:g.limits.Errors:g.limits.Errors], g.present(ctx, func() *domain.Error {
			e := domain.Errorf(domain.ELIMIT, "%d more errors not shown (--max-errors)", n-g.limits.Errors)
			e.Extensions = map[string]any{"limit": "max-errors", "allowed": g.limits.Errors}
			return e
		}()))
	}
	if graphql.HasOperationContext(ctx) {
		if u, ok := graphql.GetOperationContext(ctx).Stats.GetExtension(statsKey).(*Usage); ok {
			out := *u
			if r != nil && r.over.Load() == nil {
				actual := int(r.nodes.Load())
				out.Actual = &actual
			}
			if resp.Extensions == nil {
				resp.Extensions = map[string]any{}
			}
			resp.Extensions["cost"] = out
		}
	}
	return resp
}

// present runs err through the server's error presenter, for errors the
// guard puts into a response itself.
func (g *Guard) present(ctx context.Context, err *domain.Error) *gqlerror.Error {
	return g.presenter(ctx, gqlErr(err))
}
