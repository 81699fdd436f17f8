package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestServeUsage(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	taken := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	site := writeSite(t, goodSite)
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"stray argument", []string{"serve", "extra"}, `serve takes no arguments, got "extra"`},
		{"port out of range", []string{"serve", "--port", "70000"}, "--port must be between 0 and 65535, got 70000"},
		{"port taken", []string{"serve", "--source", site, "--port", taken}, "port " + taken + " on 127.0.0.1 is already in use"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := run(t, tt.args...)
			if code != exitUsage || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("exit %d, want %d; stderr lacks %q:\n%s", code, exitUsage, tt.stderr, errOut)
			}
		})
	}
}

// lockedBuffer is written by the server goroutine and read by the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var servingRE = regexp.MustCompile(`Serving (http://127\.0\.0\.1:\d+/)`)

func TestServeRunsUntilInterrupted(t *testing.T) {
	site := writeSite(t, goodSite)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut lockedBuffer
	code := make(chan int, 1)
	go func() { code <- Execute(ctx, []string{"serve", "--source", site, "--port", "0"}, &out, &errOut) }()
	var url string
	for deadline := time.Now().Add(2 * time.Minute); url == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := servingRE.FindStringSubmatch(out.String()); m != nil {
			url = m[1]
		}
	}
	if url == "" {
		t.Fatalf("no Serving line within 2 minutes:\n%s\n%s", out.String(), errOut.String())
	}
	res, err := http.Get(url + "guides/a/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "Hello.") {
		t.Errorf("GET guides/a/: %d", res.StatusCode)
	}
	cancel() // what Ctrl-C does through signal.NotifyContext
	select {
	case c := <-code:
		if c != exitOK || !strings.Contains(out.String(), "playbook serve: stopped") {
			t.Errorf("exit %d after interrupt; stdout:\n%s", c, out.String())
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("serve did not stop within 2 minutes of the interrupt")
	}
}
