package main

import (
	"io"
	"os"
	"syscall"
	"testing"
	"time"
)

func TestStopOnSignal(t *testing.T) {
	tests := []struct {
		name     string
		signals  int
		endsSelf bool // the run ends on its own after the cancel
		exit     int  // -1: no exit
	}{
		{"the run winds down in time", 1, true, -1},
		{"the run is stuck: exit after the grace", 1, false, 130},
		{"a second signal: exit at once", 2, false, 130},
		{"no signal", 0, true, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sigs, done := make(chan os.Signal, 2), make(chan struct{})
			cancelled := make(chan struct{})
			exited := make(chan int, 1)
			grace := time.Hour // the stuck case is ended by the timer below instead
			if tt.signals == 1 && !tt.endsSelf {
				grace = time.Millisecond
			}
			finished := make(chan struct{})
			go func() {
				stopOnSignal(sigs, func() { close(cancelled) }, done, grace, io.Discard, func(c int) { exited <- c })
				close(finished)
			}()
			for range tt.signals {
				sigs <- syscall.SIGTERM
			}
			if tt.signals > 0 {
				<-cancelled
			}
			if tt.endsSelf {
				close(done)
			}
			<-finished
			select {
			case c := <-exited:
				if c != tt.exit {
					t.Errorf("exit(%d), want %d", c, tt.exit)
				}
			default:
				if tt.exit != -1 {
					t.Errorf("no exit, want exit(%d)", tt.exit)
				}
			}
		})
	}
}
