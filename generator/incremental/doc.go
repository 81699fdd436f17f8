// Package incremental is serve's rebuild engine. It keeps what the last
// build found (the inputs, every output file in memory, a signature of what
// other pages show of each page) and, for a batch of edits, plans the
// smallest run that brings the site up to date: which sources to read
// again and which outputs to render. The run itself is the pipeline's
// (pipeline.Session.Run), the same one `playbook build` uses, so an
// incremental rebuild and a full build cannot disagree on how a page is
// made.
//
// Files: live.go is the engine's API (Build, Rebuild), plan.go decides what
// an edit reaches, sig.go is what a page shows of itself to others,
// swap.go is the fast path for body-only edits, state.go and files.go keep
// the previous build, output.go is what serve reads.
package incremental
