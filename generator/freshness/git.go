package freshness

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os/exec"
	"strconv"
	"time"
)

// GitDates maps site-relative file paths ("content/guides/a.md") to the
// time of the last commit that touched them.
type GitDates map[string]time.Time

// LoadGitDates runs git once for the whole site: the log of dir's
// content/ folder, newest first, with the files each commit touched. It
// returns nil, without an error, when git is not installed or dir is not
// in a repository: true dates are then simply not available.
func LoadGitDates(ctx context.Context, dir string) GitDates {
	bin, err := exec.LookPath("git")
	if err != nil {
		return nil
	}
	// -z: names are NUL-terminated and never quoted; --relative: names
	// are relative to dir even when the repository's root is above it.
	cmd := exec.CommandContext(ctx, bin, "-C", dir, "-c", "core.quotepath=off", "log", "-z",
		"--name-only", "--no-renames", "--format=%x1e%ct", "--relative", "--", "content")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil
	}
	if err := cmd.Start(); err != nil {
		return nil
	}
	dates := parseGitLog(out)
	if err := cmd.Wait(); err != nil {
		return nil
	}
	return dates
}

// parseGitLog reads `git log -z --name-only --format=%x1e%ct` output: a
// record per commit, "\x1e<unix time>\0\n<name>\0<name>\0...". The log is
// newest first, so a file's first mention is its last commit.
func parseGitLog(r io.Reader) GitDates {
	dates := GitDates{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	sc.Split(splitNUL)
	var current time.Time
	for sc.Scan() {
		tok := sc.Bytes()
		if len(tok) > 0 && tok[0] == 0x1e {
			current = time.Time{}
			if sec, err := strconv.ParseInt(string(bytes.TrimSpace(tok[1:])), 10, 64); err == nil {
				current = time.Unix(sec, 0).UTC()
			}
			continue
		}
		name := string(bytes.TrimLeft(tok, "\n"))
		if name == "" || current.IsZero() {
			continue
		}
		if _, seen := dates[name]; !seen {
			dates[name] = current
		}
	}
	return dates
}

func splitNUL(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}
