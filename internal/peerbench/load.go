package peerbench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// system is one of the three things measured: a GraphQL endpoint over HTTP
// (url, client) or the Cypher floor (driver).
type system struct {
	name   string
	url    string
	client *http.Client
	driver neo4j.DriverWithContext
}

var errorsKey = []byte(`"errors"`)

// do sends request i (parameter set i modulo the pool) and reads the whole
// answer; a GraphQL answer with errors is an error.
func (s *system) do(ctx context.Context, p *plan, i int) error {
	if s.driver != nil {
		_, err := s.query(ctx, p, i)
		return err
	}
	body, err := s.post(ctx, p, i)
	if err == nil && bytes.Contains(body, errorsKey) {
		err = fmt.Errorf("GraphQL errors: %s", tail(string(body), 500))
	}
	return err
}

// query runs the floor's statement for request i as newsgraph runs its
// reads: one auto-commit statement in a read session.
func (s *system) query(ctx context.Context, p *plan, i int) ([]*neo4j.Record, error) {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: "neo4j", AccessMode: neo4j.AccessModeRead})
	defer session.Close(ctx)
	res, err := session.Run(ctx, p.q.cypher, p.params[i%len(p.params)])
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

func (s *system) post(ctx context.Context, p *plan, i int) ([]byte, error) {
	bodies := p.bodies[s.name]
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url, bytes.NewReader(bodies[i%len(bodies)]))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %d: %s", resp.StatusCode, tail(string(body), 500))
	}
	return body, nil
}

// fetch returns the data of answer i as JSON: a GraphQL answer's data, or the
// Cypher statement's one row as an object keyed by column.
func (s *system) fetch(ctx context.Context, p *plan, i int) ([]byte, error) {
	if s.driver != nil {
		recs, err := s.query(ctx, p, i)
		if err != nil {
			return nil, err
		}
		if len(recs) != 1 {
			return nil, fmt.Errorf("the Cypher statement returned %d rows, want 1", len(recs))
		}
		return json.Marshal(recs[0].AsMap())
	}
	body, err := s.post(ctx, p, i)
	if err != nil {
		return nil, err
	}
	var answer struct {
		Data   json.RawMessage `json:"data"`
		Errors []any           `json:"errors"`
	}
	if err := json.Unmarshal(body, &answer); err != nil {
		return nil, fmt.Errorf("not a GraphQL answer: %v: %s", err, tail(string(body), 500))
	}
	if len(answer.Errors) > 0 || len(answer.Data) == 0 || string(answer.Data) == "null" {
		return nil, fmt.Errorf("GraphQL errors: %s", tail(string(body), 1000))
	}
	return answer.Data, nil
}

type roundResult struct {
	ok, errors int
	elapsed    time.Duration
	latencies  []time.Duration
	firstErr   error
}

// runRound runs conc workers that send requests back to back for d; request
// numbers start at offset, so that rounds walk the parameter pool differently
// but every system gets the same sequence.
func runRound(ctx context.Context, s *system, p *plan, conc int, d time.Duration, offset int64) roundResult {
	if d <= 0 {
		return roundResult{}
	}
	var next atomic.Int64
	next.Store(offset)
	var (
		mu  sync.Mutex
		out roundResult
		wg  sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(d)
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat := make([]time.Duration, 0, 4096)
			var errs int
			var firstErr error
			for time.Now().Before(deadline) && ctx.Err() == nil {
				i := next.Add(1) - 1
				rctx, cancel := context.WithTimeout(ctx, 30*time.Second)
				t0 := time.Now()
				err := s.do(rctx, p, int(i))
				el := time.Since(t0)
				cancel()
				if err != nil {
					errs++
					if firstErr == nil {
						firstErr = err
					}
					if errs > 1000 {
						break
					}
					time.Sleep(time.Millisecond) // an error answers at once: do not spin
					continue
				}
				lat = append(lat, el)
			}
			mu.Lock()
			out.latencies = append(out.latencies, lat...)
			out.ok += len(lat)
			out.errors += errs
			if out.firstErr == nil {
				out.firstErr = firstErr
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	out.elapsed = time.Since(start)
	return out
}

type result struct {
	query       string
	conc        int
	system      string
	rps         float64
	p50, p99    time.Duration
	errors      int
	roundsRPS   []float64
	firstErrMsg string
}

func summarise(q query, conc int, name string, rounds []roundResult) result {
	r := result{query: q.key + " " + q.title, conc: conc, system: name}
	var lat []time.Duration
	var elapsed time.Duration
	for _, rr := range rounds {
		lat = append(lat, rr.latencies...)
		elapsed += rr.elapsed
		r.errors += rr.errors
		rps := 0.0
		if rr.elapsed > 0 {
			rps = float64(rr.ok) / rr.elapsed.Seconds()
		}
		r.roundsRPS = append(r.roundsRPS, rps)
		if rr.firstErr != nil && r.firstErrMsg == "" {
			r.firstErrMsg = rr.firstErr.Error()
		}
	}
	if elapsed > 0 {
		r.rps = float64(len(lat)) / elapsed.Seconds()
	}
	if len(lat) > 0 {
		slices.Sort(lat)
		r.p50 = lat[len(lat)/2]
		r.p99 = lat[min(len(lat)-1, len(lat)*99/100)]
	}
	return r
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d)/float64(time.Millisecond)) }

// printTable prints one row per query, concurrency and system; the newsgraph
// row also carries newsgraph ÷ peer for throughput and for p50.
func printTable(w io.Writer, results []result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "query\tconc\tsystem\treq/s\tp50 ms\tp99 ms\terrors\treq/s per round\tng÷peer req/s\tng÷peer p50\t")
	peerOf := func(r result) (result, bool) {
		for _, o := range results {
			if o.query == r.query && o.conc == r.conc && o.system == "peer" {
				return o, true
			}
		}
		return result{}, false
	}
	prev := ""
	for _, r := range results {
		q := r.query
		if q == prev {
			q = ""
		}
		prev = r.query
		var rounds []string
		for _, x := range r.roundsRPS {
			rounds = append(rounds, fmt.Sprintf("%.0f", x))
		}
		ratioRPS, ratioP50 := "", ""
		if peer, ok := peerOf(r); ok && r.system == "newsgraph" {
			if peer.rps > 0 {
				ratioRPS = fmt.Sprintf("%.2f", r.rps/peer.rps)
			}
			if peer.p50 > 0 {
				ratioP50 = fmt.Sprintf("%.2f", float64(r.p50)/float64(peer.p50))
			}
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%.1f\t%s\t%s\t%d\t%s\t%s\t%s\t\n", q, r.conc, r.system, r.rps, ms(r.p50), ms(r.p99), r.errors,
			strings.Join(rounds, "/"), ratioRPS, ratioP50)
	}
	_ = tw.Flush()
	fmt.Fprintln(w, "ng÷peer req/s above 1: newsgraph serves more requests per second; ng÷peer p50 below 1: newsgraph answers faster.")
	var errs []string
	for _, r := range results {
		if r.firstErrMsg != "" {
			errs = append(errs, fmt.Sprintf("  %s, concurrency %d, %s: %s", r.query, r.conc, r.system, tail(r.firstErrMsg, 300)))
		}
	}
	if len(errs) > 0 {
		fmt.Fprintln(w, "first error of each row with errors:\n"+strings.Join(errs, "\n"))
	}
}
