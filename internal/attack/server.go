// Package attack is newsgraph's attack suite and stress benchmark: the real
// binary, started under a memory cap against the real Neo4j, receives
// every class of hostile request the guard defends against, and each must
// be refused with its code while the service keeps answering.
package attack

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Caps of the server under attack: the Go heap's soft limit and the hard
// limit of its address space (a pure-Go build needs ~750 MB of it idle).
const (
	GoMemLimit   = "384MiB"
	AddressSpace = 1536 << 10 // KiB, for ulimit -v
	// MaxRSS is what the acceptance allows the service to reach.
	MaxRSS = 512 << 20
)

// Server is a newsgraph process under test.
type Server struct {
	URL  string
	cmd  *exec.Cmd
	logs *bytes.Buffer
}

// Build compiles the binary without cgo (so that ulimit -v bounds only Go's
// own memory) into dir.
func Build(tb testing.TB, root, dir string) string {
	tb.Helper()
	bin := filepath.Join(dir, "newsgraph")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/newsgraph")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// Start runs `newsgraph serve` on a free port under the memory caps, with
// the given Neo4j and extra flags, and waits until it listens.
func Start(tb testing.TB, bin, neo4jURI, password string, flags ...string) *Server {
	tb.Helper()
	args := append([]string{"serve", "--listen", "127.0.0.1:0", "--seed", "never"}, flags...)
	script := fmt.Sprintf("ulimit -v %d && exec %q \"$@\"", AddressSpace, bin)
	cmd := exec.Command("bash", append([]string{"-c", script, "newsgraph"}, args...)...)
	cmd.Env = append(os.Environ(), "NEO4J_URI="+neo4jURI, "NEO4J_PASSWORD="+password, "GOMEMLIMIT="+GoMemLimit)
	s := &Server{cmd: cmd, logs: &bytes.Buffer{}}
	cmd.Stderr = s.logs
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(s.Stop)
	up := make(chan string, 1)
	go func() {
		lines := bufio.NewScanner(stdout)
		for lines.Scan() {
			if _, rest, ok := strings.Cut(lines.Text(), "listening on http://"); ok {
				up <- "http://" + strings.Fields(rest)[0]
			}
		}
		close(up)
	}()
	select {
	case url, ok := <-up:
		if !ok {
			tb.Fatalf("the server did not start:\n%s", s.logs)
		}
		s.URL = url
	case <-time.After(60 * time.Second):
		tb.Fatalf("the server did not listen within 60 s:\n%s", s.logs)
	}
	return s
}

// Stop ends the process.
func (s *Server) Stop() {
	if s.cmd.Process != nil && s.cmd.ProcessState == nil {
		_ = s.cmd.Process.Kill()
		_ = s.cmd.Wait()
	}
}

// Alive reports whether the process still runs.
func (s *Server) Alive() bool {
	return s.cmd.Process != nil && s.cmd.Process.Signal(syscallZero) == nil
}

// PeakRSS is the process's high-water mark of resident memory (VmHWM).
func (s *Server) PeakRSS() (int64, error) { return procStatus(s.cmd.Process.Pid, "VmHWM") }

// RSS is the process's resident memory now (VmRSS).
func (s *Server) RSS() (int64, error) { return procStatus(s.cmd.Process.Pid, "VmRSS") }

func procStatus(pid int, field string) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("%s not in /proc/%d/status", field, pid)
}

// Logs returns what the server wrote to stderr.
func (s *Server) Logs() string { return s.logs.String() }

// Result is one answer.
type Result struct {
	Status  int
	Code    string // the first error's extensions.code, "" without errors
	HasData bool
	Body    []byte
	Took    time.Duration
	Err     error // a transport failure (connection refused, timeout)
}

// Client sends requests with a bounded wait.
var Client = &http.Client{Timeout: 20 * time.Second}

// Do sends one HTTP request and decodes the GraphQL answer.
func Do(ctx context.Context, req *http.Request) Result {
	start := time.Now()
	res, err := Client.Do(req.WithContext(ctx))
	if err != nil {
		return Result{Err: err, Took: time.Since(start)}
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(res.Body, 64<<20))
	r := Result{Status: res.StatusCode, Body: body, Took: time.Since(start)}
	var out struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	var keys map[string]json.RawMessage
	if json.Unmarshal(body, &keys) == nil {
		_, r.HasData = keys["data"]
	}
	if json.Unmarshal(body, &out) == nil && len(out.Errors) > 0 {
		r.Code, _ = out.Errors[0].Extensions["code"].(string)
	}
	return r
}

// PostJSON posts a raw body to /graphql.
func PostJSON(ctx context.Context, base string, body []byte) Result {
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json")
	return Do(ctx, req)
}

// Query posts a GraphQL query with variables.
func Query(ctx context.Context, base, query string, vars map[string]any) Result {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return PostJSON(ctx, base, body)
}
