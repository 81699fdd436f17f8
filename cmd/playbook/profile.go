package main

import (
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles writes CPU and heap profiles when PLAYBOOK_CPUPROFILE or
// PLAYBOOK_MEMPROFILE name a file, for `go tool pprof`; the returned func
// stops them. Performance work on big sites starts here.
func startProfiles() func() {
	var stops []func()
	if path := os.Getenv("PLAYBOOK_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil && pprof.StartCPUProfile(f) == nil {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if path := os.Getenv("PLAYBOOK_MEMPROFILE"); path != "" {
		stops = append(stops, func() {
			if f, err := os.Create(path); err == nil {
				runtime.GC()
				_ = pprof.WriteHeapProfile(f)
				f.Close()
			}
		})
	}
	return func() {
		for _, stop := range stops {
			stop()
		}
	}
}
