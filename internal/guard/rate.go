package guard

import (
	"context"
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/newsgraph/newsgraph/internal/domain"
)

// RateLimiter gives each client a budget of cost points per window, as a
// token bucket that refills continuously: an API key spends its own budget,
// an anonymous client the budget of its address (an IPv6 client, of its
// /64). An operation reserves its static cost when it is admitted, so that
// concurrent requests cannot overspend, and gets back what it did not use
// when it is settled at its actual cost, like Shopify's calculated query
// cost. (golang.org/x/time/rate cannot give tokens back, hence this bucket.)
type RateLimiter struct {
	anonymous, keyed int
	window           time.Duration
	clients          *lru.Cache[string, *bucket]
}

// bucket is one client's points.
type bucket struct {
	mu       sync.Mutex
	capacity float64
	perSec   float64
	tokens   float64
	at       time.Time
}

// refill brings the bucket to time now; the caller holds mu.
func (b *bucket) refill(now time.Time) {
	if now.After(b.at) {
		b.tokens = min(b.capacity, b.tokens+now.Sub(b.at).Seconds()*b.perSec)
		b.at = now
	}
}

// NewRateLimiter returns a limiter of anonymous points per window for each
// client address and keyed points per window for each API key; 0 turns a
// side off. It remembers the 100,000 most recent clients.
func NewRateLimiter(anonymous, keyed int, window time.Duration) *RateLimiter {
	c, _ := lru.New[string, *bucket](100_000)
	return &RateLimiter{anonymous: anonymous, keyed: keyed, window: window, clients: c}
}

// clientID is the bucket of an address: IPv4 addresses have their own, IPv6
// addresses share their /64, which one subscriber usually holds whole.
func clientID(addr string) string {
	ip := net.ParseIP(addr)
	if ip == nil || ip.To4() != nil {
		return "addr:" + addr
	}
	return "net:" + ip.Mask(net.CIDRMask(64, 128)).String()
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

// Charge is the reservation of an admitted operation.
type Charge struct {
	b      *bucket
	points int // the static cost it reserved
}

// Take admits an operation of static cost when the client's bucket holds
// that many points and reserves them, or returns ERATE with when to retry.
// A nil Charge means the client is not limited.
func (rl *RateLimiter) Take(ctx context.Context, cost int) (*Charge, *domain.Error) {
	p := domain.PrincipalFrom(ctx)
	var id string
	budget := rl.anonymous
	if p.Role >= domain.RoleReader && p.Key != domain.Anonymous.Key && p.Key != "" && p.Key != "none" {
		id, budget = "key:"+p.Key, rl.keyed
	} else if addr, _ := ctx.Value(clientKey{}).(string); addr != "" {
		id = clientID(addr)
	}
	if id == "" || budget <= 0 {
		return nil, nil
	}
	now := time.Now()
	b, ok := rl.clients.Get(id)
	if !ok {
		b = &bucket{capacity: float64(budget), perSec: float64(budget) / rl.window.Seconds(), tokens: float64(budget), at: now}
		rl.clients.Add(id, b)
	}
	cost = max(cost, 1)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.refill(now)
	info, _ := ctx.Value(infoKey{}).(*RateInfo)
	fill := func() {
		if info != nil {
			info.Limit = budget
			info.Remaining = int(max(b.tokens, 0))
			info.Reset = time.Duration((b.capacity - b.tokens) / b.perSec * float64(time.Second))
		}
	}
	if cost > budget {
		fill()
		e := domain.Errorf(domain.ERATE, "the operation's cost %d is more than this client's whole budget of %d points per %s", cost, budget, rl.window)
		e.Extensions = map[string]any{"cost": cost, "budget": budget}
		return nil, e
	}
	if b.tokens < float64(cost) {
		wait := time.Duration((float64(cost) - b.tokens) / b.perSec * float64(time.Second))
		fill()
		if info != nil {
			info.RetryAfter = wait
		}
		remaining := int(max(b.tokens, 0))
		e := domain.Errorf(domain.ERATE, "rate limit: this client has %d of %d points left for this %s window and the operation may cost %d; retry in %s",
			remaining, budget, rl.window, cost, wait.Round(time.Second))
		e.Extensions = map[string]any{"retryAfter": math.Ceil(wait.Seconds()), "cost": cost, "remaining": remaining, "budget": budget}
		return nil, e
	}
	b.tokens -= float64(cost)
	fill()
	return &Charge{b: b, points: cost}, nil
}

// Settle charges the actual cost (at least 1 point) instead of the
// reserved one: the unused points go back to the bucket.
func (c *Charge) Settle(actual int) {
	if c == nil {
		return
	}
	c.b.mu.Lock()
	defer c.b.mu.Unlock()
	c.b.refill(time.Now())
	c.b.tokens = min(c.b.capacity, c.b.tokens+float64(c.points-min(max(actual, 1), c.points)))
}
