package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestProgressText(t *testing.T) {
	tests := []struct {
		stage       string
		done, total int64
		elapsed     time.Duration
		want        string
	}{
		{"render", 4210, 10000, 3240 * time.Millisecond, "playbook build: render 4,210 of 10,000 pages · 3.2s"},
		{"parse", 0, 100000, 2 * time.Second, "playbook build: parse 0 of 100,000 pages · 2s"},
		{"check links", 0, 0, 61 * time.Second, "playbook build: check links · 1m1s"},
		{"", 0, 0, 2 * time.Second, "playbook build: starting · 2s"},
	}
	for _, tt := range tests {
		if got := progressText("build", tt.stage, tt.done, tt.total, tt.elapsed); got != tt.want {
			t.Errorf("progressText = %q, want %q", got, tt.want)
		}
	}
}

// TestNoProgressOffATerminal: output that is not a terminal (a pipe, a
// file, a test buffer) or --quiet never gets a progress line.
func TestNoProgressOffATerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for name, w := range map[string]interface{ Write([]byte) (int, error) }{"buffer": &bytes.Buffer{}, "file": f} {
		if p, stop := startProgress(w, "build", false); p != nil {
			stop()
			t.Errorf("%s: a progress line was started", name)
		}
	}
	if p, stop := startProgress(os.Stderr, "build", true); p != nil {
		stop()
		t.Error("--quiet: a progress line was started")
	}
}
