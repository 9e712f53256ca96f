package main_test

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// TestServeSeedsAnEmptyDatabaseAndStopsOnSIGTERM runs the real binary the way
// `make run` does: on an empty database it applies the schema, loads the
// seed, serves GraphQL, and drains and exits 0 on SIGTERM.
func TestServeSeedsAnEmptyDatabaseAndStopsOnSIGTERM(t *testing.T) {
	neo4jtest.MustOpen(t) // wipes the test database
	bin := filepath.Join(t.TempDir(), "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cfg := neo4jtest.Config()
	cmd := exec.Command(bin, "serve", "--listen", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "NEO4J_URI="+cfg.URI, "NEO4J_PASSWORD="+cfg.Password)
	stdout, _ := cmd.StdoutPipe()
	stderrPipe, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	// Both pipes are read to the end before Wait, as os/exec requires.
	stderrDone := make(chan string, 1)
	go func() { b, _ := io.ReadAll(stderrPipe); stderrDone <- string(b) }()
	type started struct{ addr, seeded string }
	up := make(chan started, 1)
	stdoutDone := make(chan struct{})
	go func() {
		defer close(stdoutDone)
		lines := bufio.NewScanner(stdout)
		var st started
		for lines.Scan() {
			line := lines.Text()
			if strings.HasPrefix(line, "seed ") {
				st.seeded = line
			}
			if _, rest, ok := strings.Cut(line, "listening on http://"); ok {
				st.addr = strings.Fields(rest)[0]
				up <- st
			}
		}
		close(up)
	}()
	st, ok := <-up
	if !ok {
		<-stdoutDone
		t.Fatalf("the service did not start; stderr:\n%s", <-stderrDone)
	}
	addr := st.addr
	if !strings.Contains(st.seeded, "created") {
		t.Errorf("serve on an empty database did not load the seed; stdout said %q", st.seeded)
	}

	res, err := http.Post("http://"+addr+"/graphql", "application/json",
		strings.NewReader(`{"query":"{ claims(first: 100, filter: {statuses: [DISPUTED]}) { totalCount } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		Data struct{ Claims struct{ TotalCount int } }
	}
	_ = json.NewDecoder(res.Body).Decode(&body)
	res.Body.Close()
	if body.Data.Claims.TotalCount != 2 {
		t.Errorf("disputed claims = %d, want 2", body.Data.Claims.TotalCount)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	var stderr string
	select {
	case stderr = <-stderrDone:
	case <-time.After(30 * time.Second):
		t.Fatal("the service did not stop within 30s of SIGTERM")
	}
	<-stdoutDone
	if err := cmd.Wait(); err != nil {
		t.Errorf("exit after SIGTERM: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "stopped") {
		t.Errorf("no graceful-shutdown log line:\n%s", stderr)
	}
}
