package guard

import (
	"context"
	"math"
	"net/http"
	"strconv"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/time/rate"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// RateLimiter gives each client a budget of cost points per window, as a
// token bucket (golang.org/x/time/rate) that refills continuously: an API
// key spends its own budget, an anonymous client the budget of its address.
// An operation is admitted when the bucket holds its static cost and is
// charged its actual cost after it ran, like Shopify's calculated query cost.
type RateLimiter struct {
	anonymous, keyed int
	window           time.Duration
	clients          *lru.Cache[string, *rate.Limiter]
}

// NewRateLimiter returns a limiter of anonymous points per window for each
// client address and keyed points per window for each API key; 0 turns a
// side off. It remembers the 100,000 most recent clients.
func NewRateLimiter(anonymous, keyed int, window time.Duration) *RateLimiter {
	c, _ := lru.New[string, *rate.Limiter](100_000)
	return &RateLimiter{anonymous: anonymous, keyed: keyed, window: window, clients: c}
}

type clientKey struct{}

// WithClient returns ctx carrying the client's address, for the anonymous
// rate budget; the HTTP layer sets it.
func WithClient(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, clientKey{}, addr)
}

// RateInfo is what the HTTP layer reports in RateLimit headers.
type RateInfo struct {
	Limit      int
	Remaining  int
	Reset      time.Duration // until the bucket is full again
	RetryAfter time.Duration // set when the request was refused
}

type infoKey struct{}

// WithRateInfo returns ctx with a RateInfo the limiter fills in.
func WithRateInfo(ctx context.Context, info *RateInfo) context.Context {
	return context.WithValue(ctx, infoKey{}, info)
}

// Header writes info as the IETF RateLimit headers and, for a refusal,
// Retry-After.
func (info *RateInfo) Header(h http.Header) {
	if info == nil || info.Limit == 0 {
		return
	}
	secs := func(d time.Duration) string { return strconv.Itoa(int(math.Ceil(d.Seconds()))) }
	h.Set("RateLimit-Limit", strconv.Itoa(info.Limit))
	h.Set("RateLimit-Remaining", strconv.Itoa(max(info.Remaining, 0)))
	h.Set("RateLimit-Reset", secs(info.Reset))
	if info.RetryAfter > 0 {
		h.Set("Retry-After", secs(info.RetryAfter))
	}
}

// Charge is an admitted operation, settled at its actual cost.
type Charge struct {
	limiter *rate.Limiter
	points  int // the static cost it was admitted with
}

// Take admits an operation of static cost when the client's bucket holds
// that many points, or returns ERATE with when to retry. A nil Charge means the client is not limited.
func (rl *RateLimiter) Take(ctx context.Context, cost int) (*Charge, *domain.Error) {
	p := domain.PrincipalFrom(ctx)
	var id string
	budget := rl.anonymous
	if p.Role >= domain.RoleReader && p.Key != domain.Anonymous.Key && p.Key != "" && p.Key != "none" {
		id, budget = "key:"+p.Key, rl.keyed
	} else if addr, _ := ctx.Value(clientKey{}).(string); addr != "" {
		id = "addr:" + addr
	}
	if id == "" || budget <= 0 {
		return nil, nil
	}
	l, ok := rl.clients.Get(id)
	if !ok {
		l = rate.NewLimiter(rate.Limit(float64(budget)/rl.window.Seconds()), budget)
		rl.clients.Add(id, l)
	}
	cost = max(cost, 1)
	now := time.Now()
	info, _ := ctx.Value(infoKey{}).(*RateInfo)
	fill := func(remaining float64) {
		if info != nil {
			info.Limit = budget
			info.Remaining = int(remaining)
			info.Reset = time.Duration((float64(budget) - remaining) / float64(l.Limit()) * float64(time.Second))
		}
	}
	if cost > budget {
		e := domain.Errorf(domain.ERATE, "the operation's cost %d is more than this client's whole budget of %d points per %s", cost, budget, rl.window)
		e.Extensions = map[string]any{"cost": cost, "budget": budget}
		fill(l.TokensAt(now))
		return nil, e
	}
	if remaining := l.TokensAt(now); remaining < float64(cost) {
		wait := time.Duration((float64(cost) - remaining) / float64(l.Limit()) * float64(time.Second))
		fill(remaining)
		if info != nil {
			info.RetryAfter = wait
		}
		e := domain.Errorf(domain.ERATE, "rate limit: this client has %d of %d points left for this %s window and the operation may cost %d; retry in %s",
			int(max(remaining, 0)), budget, rl.window, cost, wait.Round(time.Second))
		e.Extensions = map[string]any{"retryAfter": math.Ceil(wait.Seconds()), "cost": cost, "remaining": int(max(remaining, 0)), "budget": budget}
		return nil, e
	}
	fill(l.TokensAt(now) - float64(cost))
	return &Charge{limiter: l, points: cost}, nil
}

// Settle charges the actual cost (at least 1 point). The bucket may go
// below zero: the next operation then waits until it has refilled.
func (c *Charge) Settle(actual int) {
	if c == nil {
		return
	}
	c.limiter.ReserveN(time.Now(), min(max(actual, 1), c.limiter.Burst()))
}
