package attack_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/attack"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

var readmeQuery = regexp.MustCompile("(?s)```graphql\n(.*?)```")

// BenchmarkStress runs the attack classes concurrently with a normal read
// workload (the README's journalist queries, 4 clients) against the real
// binary under its memory cap, in alternating windows without and with the
// attack (A, B, A, B… after a warm-up), and prints the service's peak RSS,
// the normal workload's p50/p99 and error rate in both kinds of window, and
// each attack's rejection time. STRESS_WINDOW sets the window (default 3s),
// STRESS_ROUNDS the number of pairs (default 4).
//
//	scripts/bench Stress
func BenchmarkStress(b *testing.B) {
	window := 3 * time.Second
	if d, err := time.ParseDuration(os.Getenv("STRESS_WINDOW")); err == nil {
		window = d
	}
	rounds := 4
	if n, err := strconv.Atoi(os.Getenv("STRESS_ROUNDS")); err == nil && n > 0 {
		rounds = n
	}
	neo4jtest.MustOpenSeeded(b)
	root := neo4jtest.RepoRoot(b)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		b.Fatal(err)
	}
	var normal []string
	for _, m := range readmeQuery.FindAllStringSubmatch(string(readme), -1) {
		normal = append(normal, m[1])
	}
	cfg := neo4jtest.Config()
	// One machine plays every client from one address: the per-client rate
	// budget (tested in TestAttackSuite) would refuse the normal workload
	// too, so it is off here; every other defence is at its default.
	srv := attack.Start(b, attack.Build(b, root, b.TempDir()), cfg.URI, cfg.Password, "--rate-anonymous", "0")
	ctx := context.Background()
	attacks := attack.Attacks()
	attacks = append(attacks, attack.Attack{Name: "heaviest accepted query", Class: "accepted",
		Send: func(ctx context.Context, base string) attack.Result { return attack.Query(ctx, base, heavy, nil) }})

	type sample struct {
		took time.Duration
		ok   bool
	}
	var (
		mu       sync.Mutex
		quiet    []sample
		attacked []sample
		rejected = map[string][]time.Duration{}
		codes    = map[string]string{}
	)
	var underAttack atomic.Bool
	runNormal := func(stop <-chan struct{}, record bool) {
		var wg sync.WaitGroup
		for c := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := c; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					r := attack.Query(ctx, srv.URL, normal[i%len(normal)], nil)
					ok := r.Err == nil && r.Status == 200 && r.Code == ""
					if record {
						mu.Lock()
						if underAttack.Load() {
							attacked = append(attacked, sample{r.Took, ok})
						} else {
							quiet = append(quiet, sample{r.Took, ok})
						}
						mu.Unlock()
					}
				}
			}()
		}
		wg.Wait()
	}
	runAttack := func(stop <-chan struct{}) {
		var wg sync.WaitGroup
		for c := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := c * 7; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					a := attacks[i%len(attacks)]
					r := a.Send(ctx, srv.URL)
					mu.Lock()
					rejected[a.Name] = append(rejected[a.Name], r.Took)
					codes[a.Name] = fmt.Sprintf("%d %s", r.Status, r.Code)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
	}
	phase := func(d time.Duration, withAttack, record bool) {
		stop := make(chan struct{})
		var wg sync.WaitGroup
		underAttack.Store(withAttack)
		wg.Add(1)
		go func() { defer wg.Done(); runNormal(stop, record) }()
		if withAttack {
			wg.Add(1)
			go func() { defer wg.Done(); runAttack(stop) }()
		}
		time.Sleep(d)
		close(stop)
		wg.Wait()
	}

	load := func() string {
		b, _ := os.ReadFile("/proc/loadavg")
		return strings.Join(strings.Fields(string(b))[:3], " ")
	}
	loadBefore := load()
	b.ResetTimer()
	phase(window, true, false) // warm-up, both workloads
	for range rounds {
		phase(window, false, true)
		phase(window, true, true)
	}
	b.StopTimer()
	peak, err := srv.PeakRSS()
	if err != nil {
		b.Fatal(err)
	}
	if ok, r := attack.TypenameOK(ctx, srv.URL); !ok {
		b.Fatalf("the service stopped answering: %v %.200s", r.Err, r.Body)
	}

	pct := func(s []sample) (p50, p99 time.Duration, errRate float64, n int) {
		ds := make([]time.Duration, 0, len(s))
		bad := 0
		for _, x := range s {
			ds = append(ds, x.took)
			if !x.ok {
				bad++
			}
		}
		if len(ds) == 0 {
			return 0, 0, 0, 0
		}
		slices.Sort(ds)
		return ds[len(ds)/2], ds[len(ds)*99/100], float64(bad) / float64(len(ds)), len(ds)
	}
	q50, q99, qErr, qn := pct(quiet)
	a50, a99, aErr, an := pct(attacked)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	fmt.Printf("\nstress: %d rounds of %s quiet + %s under attack (4 normal clients, 4 attackers), load average %s before, %s after\n", rounds, window, window, loadBefore, load())
	fmt.Printf("  peak RSS of the service: %d MB (limit %d MB; GOMEMLIMIT %s)\n", peak>>20, attack.MaxRSS>>20, attack.GoMemLimit)
	fmt.Printf("  normal workload, quiet:        %6d requests, p50 %7.2f ms, p99 %7.2f ms, errors %.2f%%\n", qn, ms(q50), ms(q99), 100*qErr)
	fmt.Printf("  normal workload, under attack: %6d requests, p50 %7.2f ms, p99 %7.2f ms, errors %.2f%%\n", an, ms(a50), ms(a99), 100*aErr)
	if q99 > 0 {
		fmt.Printf("  p99 under attack ÷ quiet: %.2f\n", float64(a99)/float64(q99))
	}
	fmt.Printf("  %-26s %-44s %6s %10s %10s  %s\n", "class", "attack", "n", "p50 ms", "p99 ms", "answer")
	for _, a := range attacks {
		ds := rejected[a.Name]
		if len(ds) == 0 {
			continue
		}
		slices.Sort(ds)
		fmt.Printf("  %-26s %-44s %6d %10.3f %10.3f  %s\n", a.Class, a.Name, len(ds), ms(ds[len(ds)/2]), ms(ds[len(ds)*99/100]), codes[a.Name])
	}
	b.ReportMetric(float64(peak>>20), "peakRSS-MB")
	b.ReportMetric(ms(a99), "attack-p99-ms")
	b.ReportMetric(ms(q99), "quiet-p99-ms")
	if peak > attack.MaxRSS {
		b.Errorf("peak RSS %d MB exceeds %d MB", peak>>20, attack.MaxRSS>>20)
	}
}
