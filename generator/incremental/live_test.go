package incremental_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"playbook/generator/incremental"
	"playbook/generator/internal/sitetest"
	"playbook/generator/pipeline"
	"playbook/generator/watch"
)

// liveSite is a copy of the example site with a static folder and a page
// bundle, for serve builds.
func liveSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	sitetest.CopyTree(t, filepath.Join("..", "..", "content"), filepath.Join(dir, "content"))
	site, err := os.ReadFile(filepath.Join("..", "..", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "site.yaml", string(site))
	writeFile(t, dir, "static/files/checklist.txt", "1. Measure LTV\n")
	writeFile(t, dir, "content/guides/bundle/index.md", "---\ntitle: \"A bundle\"\ndescription: \"A page bundle with a chart beside it, to check resources are copied.\"\ndate: 2026-09-01\n---\n\n![Chart](chart.svg)\n")
	writeFile(t, dir, "content/guides/bundle/chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
	return dir
}

func writeFile(t *testing.T, dir, rel, content string) {
	t.Helper()
	if err := sitetest.WriteTreeFile(dir, rel, []byte(content)); err != nil {
		t.Fatal(err)
	}
}

func liveOptions(dir string) pipeline.Options {
	return pipeline.Options{Source: dir, BaseURL: "http://127.0.0.1:1313/", Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
}

// editFile rewrites a file with fn and returns the change a watcher sends.
func editFile(t *testing.T, dir, rel string, fn func(string) string) watch.Change {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	out := fn(string(b))
	if out == string(b) {
		t.Fatalf("edit of %s changed nothing", rel)
	}
	writeFile(t, dir, rel, out)
	return change(rel, fsnotify.Write)
}

func change(rel string, op fsnotify.Op) watch.Change { return sitetest.Change(rel, op) }

func replace(old, new string) func(string) string {
	return func(s string) string { return strings.Replace(s, old, new, 1) }
}

func setFront(field, value string) func(string) string {
	re := regexp.MustCompile(`(?m)^` + field + `:.*$`)
	return func(s string) string {
		if re.MatchString(s) {
			return re.ReplaceAllString(s, field+": "+value)
		}
		return strings.Replace(s, "---\n", "---\n"+field+": "+value+"\n", 1)
	}
}

// liveStep is one edit of the site and what the rebuild must be like.
type liveStep struct {
	name    string
	edit    func(t *testing.T, dir string) watch.Batch
	full    bool // every page rendered again
	maxPage int  // at most this many pages rendered (when not full)
}

// stepProblems are problems some steps must report, by step.
var stepProblems = map[string]string{
	"heading an anchor points to renamed": `content/answers/customer-health-score.md:15:`,
	"broken edit":                         `content/guides/new-page.md:11:1: error: block "note" opened here is never closed`,
	"page deleted breaks links":           `content/guides/grow-ltv-after-purchase.md:60:59: error: broken link "/guides/map-the-customer-journey/"`,
	"layout fails on every page":          "layouts/partials/footer.html:1:*: error: template error: ",
	"layout does not parse":               "layouts/partials/footer.html:1: error: template error: ",
	"own best answer edited":              "content/guides/derived-own.md:*: warning: the best answer has 63 words",
	"body edit adds a broken link":        `content/guides/map-the-customer-journey.md:*: error: broken link "/guides/no-such-map/"`,
	"body edit includes a missing answer": `content/guides/map-the-customer-journey.md:*: error: the included answer "no-such-answer" does not exist`,
}

// swapSteps are the steps that must (true) or must not (false) take the
// fast path of an edit that changed page bodies only.
var swapSteps = map[string]bool{
	"body edit": true, "heading an anchor points to renamed": true, "heading restored": true, "title edit": false,
	"date edit moves the page": false, "included answer edited": true, "vertical edited": false, "page added": false,
	"broken edit": true, "broken edit fixed": true, "pages deriving their descriptions added": false,
	"included answer's direct answer edited": true, "own best answer edited": true, "body edit adds a broken link": true,
	"broken link fixed": true, "body edit includes a missing answer": true, "missing answer removed": true,
	"two bodies edited at once": true, "body and title edited at once": false, "page deleted breaks links": false,
	"bundle resource edited": true, "bundle image resized": true,
	"body edit with own layouts": true, "page edited while the layout fails": false, "body edit after the fix": true,
}

// matchProblem reports whether a problem starts with want, where a * in
// want stands for any text (a line that earlier steps moved).
func matchProblem(problem, want string) bool {
	parts := strings.Split(want, "*")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile("^" + strings.Join(parts, ".*")).MatchString(problem)
}

func liveSteps() []liveStep {
	one := func(rel string, fn func(string) string) func(*testing.T, string) watch.Batch {
		return func(t *testing.T, dir string) watch.Batch { return watch.Batch{editFile(t, dir, rel, fn)} }
	}
	const journey = "content/guides/map-the-customer-journey.md"
	const derivedInclude, derivedOwn = "content/guides/derived-include.md", "content/guides/derived-own.md"
	return []liveStep{
		{"body edit", one(journey, func(s string) string { return s + "\nOne more paragraph about journeys.\n" }), false, 1},
		{"heading an anchor points to renamed", one(journey, replace("## How do you build a health score?", "## How is a health score built?")), false, 1},
		{"heading restored", one(journey, replace("## How is a health score built?", "## How do you build a health score?")), false, 1},
		{"title edit", one(journey, setFront("title", `"Map the Whole Customer Journey"`)), false, 12},
		{"date edit moves the page", one("content/playbooks/seven-day-ltv-quick-start.md", setFront("date", "2020-01-01")), false, 12},
		{"new tag adds a term page", one(journey, setFront("tags", "[ltv, brand-new-tag]")), true, 0},
		{"tag removed again", one(journey, setFront("tags", "[ltv, retention]")), true, 0},
		{"included answer edited", one("content/answers/what-is-ltv.md", replace("is worth $600 in revenue", "is worth $600 in revenue, before costs")), false, 8},
		{"vertical edited", one("content/verticals/medspa.md", replace("after: 720", "after: 750")), false, 16},
		{"page added", func(t *testing.T, dir string) watch.Batch {
			writeFile(t, dir, "content/guides/new-page.md", "---\ntitle: \"A new page\"\ndescription: \"A page added while serving, to check new pages appear in their lists.\"\ndate: 2026-10-05\ntags: [ltv]\n---\n\nSee [the journey](/guides/map-the-customer-journey/).\n")
			return watch.Batch{change("content/guides/new-page.md", fsnotify.Create)}
		}, false, 12},
		{"slug changes the URL", one("content/guides/new-page.md", setFront("slug", "renamed-page")), false, 12},
		{"broken edit", one("content/guides/new-page.md", func(s string) string { return s + "\n::: note\nnever closed\n" }), false, 12},
		{"broken edit fixed", one("content/guides/new-page.md", func(s string) string { return s + ":::\n" }), false, 12},
		{"pages deriving their descriptions added", func(t *testing.T, dir string) watch.Batch {
			writeFile(t, dir, derivedInclude, "---\ntitle: \"Derived from an included answer\"\ndate: 2026-10-06\ntags: [ltv]\n---\n\n::: answer what-is-ltv\n:::\n\nMore text.\n")
			writeFile(t, dir, derivedOwn, "---\ntitle: \"Derived from its own answer\"\ndate: 2026-10-07\ntags: [retention]\n---\n\n## What is the fastest lever?\n\n::: answer\n"+
				strings.Repeat("Retention lifts lifetime value. ", 11)+"END.\n:::\n")
			return watch.Batch{change(derivedInclude, fsnotify.Create), change(derivedOwn, fsnotify.Create)}
		}, false, 16},
		{"included answer's direct answer edited", one("content/answers/what-is-ltv.md", replace("(LTV, sometimes called CLV)", "(LTV, also called CLV)")), false, 16},
		{"own best answer edited", one(derivedOwn, replace("END.", strings.Repeat("More words here. ", 6)+"END.")), false, 12},
		{"body edit adds a broken link", one(journey, func(s string) string { return s + "\nSee [the old map](/guides/no-such-map/).\n" }), false, 1},
		{"broken link fixed", one(journey, replace("/guides/no-such-map/", "/guides/grow-ltv-after-purchase/")), false, 1},
		{"body edit includes a missing answer", one(journey, func(s string) string { return s + "\n::: answer no-such-answer\n:::\n" }), false, 1},
		{"missing answer removed", one(journey, replace("\n::: answer no-such-answer\n:::\n", "\n")), false, 1},
		{"two bodies edited at once", func(t *testing.T, dir string) watch.Batch {
			return watch.Batch{editFile(t, dir, "content/guides/grow-ltv-after-purchase.md", func(s string) string { return s + "\nA closing line.\n" }),
				editFile(t, dir, journey, func(s string) string { return s + "\nAnother closing line.\n" })}
		}, false, 2},
		{"body and title edited at once", func(t *testing.T, dir string) watch.Batch {
			return watch.Batch{editFile(t, dir, "content/guides/grow-ltv-after-purchase.md", func(s string) string { return s + "\nOne more closing line.\n" }),
				editFile(t, dir, journey, setFront("title", `"Map the Journey Again"`))}
		}, false, 14},
		{"page deleted breaks links", func(t *testing.T, dir string) watch.Batch {
			if err := os.Remove(filepath.Join(dir, "content/guides/map-the-customer-journey.md")); err != nil {
				t.Fatal(err)
			}
			return watch.Batch{change("content/guides/map-the-customer-journey.md", fsnotify.Remove)}
		}, false, 12},
		{"page draft", one("content/playbooks/seven-day-ltv-quick-start.md", setFront("draft", "true")), false, 12},
		{"static file added", func(t *testing.T, dir string) watch.Batch {
			writeFile(t, dir, "static/files/new.txt", "new")
			return watch.Batch{change("static/files/new.txt", fsnotify.Create)}
		}, false, 0},
		{"static file edited", one("static/files/checklist.txt", replace("Measure", "Track")), false, 0},
		{"bundle resource edited", one("content/guides/bundle/chart.svg", replace("/>", "><title>x</title></svg>")), false, 1},
		{"bundle image resized", one("content/guides/bundle/chart.svg", replace("<svg ", `<svg width="300" height="100" `)), false, 1},
		{"folder renamed", func(t *testing.T, dir string) watch.Batch {
			if err := os.Rename(filepath.Join(dir, "content/faq"), filepath.Join(dir, "content/faqs")); err != nil {
				t.Fatal(err)
			}
			return watch.Batch{change("content/faq", fsnotify.Rename), change("content/faqs", fsnotify.Create)}
		}, true, 0},
		{"section list edited", one("content/guides/_index.md", setFront("title", `"All guides"`)), true, 0},
		{"layout added", func(t *testing.T, dir string) watch.Batch {
			writeFile(t, dir, "layouts/partials/footer.html", `<footer class="site-footer"><p>Custom footer</p></footer>`)
			return watch.Batch{change("layouts/partials/footer.html", fsnotify.Create)}
		}, true, 0},
		{"body edit with own layouts", one("content/answers/attach-rate.md", func(s string) string { return s + "\nAnother line.\n" }), false, 4},
		{"title edit with own layouts", one("content/answers/attach-rate.md", setFront("title", `"What is an attach rate, exactly?"`)), true, 0},
		{"config edited", one("site.yaml", setFront("title", `"Growth Playbook (edited)"`)), true, 0},
		{"layout fails on every page", one("layouts/partials/footer.html", replace("Custom footer", "{{ .Page.NoSuchField }}")), true, 0},
		{"page edited while the layout fails", one("content/answers/attach-rate.md", func(s string) string { return s + "\nYet another line.\n" }), true, 0},
		{"layout does not parse", one("layouts/partials/footer.html", replace("{{ .Page.NoSuchField }}", "{{ if }}")), true, 0},
		{"layout fixed", one("layouts/partials/footer.html", replace("{{ if }}", "Fixed footer")), true, 0},
		{"body edit after the fix", one("content/answers/attach-rate.md", func(s string) string { return s + "\nLast line.\n" }), false, 2},
	}
}

// TestLiveRebuildMatchesFullBuild edits a site step by step and checks
// after each step that the incremental rebuild gives exactly what a fresh
// build of the same files gives: every file, byte for byte, and every
// problem.
func TestLiveRebuildMatchesFullBuild(t *testing.T) {
	dir := liveSite(t)
	ctx := context.Background()
	live, err := incremental.NewLive(liveOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	up, err := live.Build(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sameBuild(t, "first build", up, fresh(t, dir))
	for _, step := range liveSteps() {
		batch := step.edit(t, dir)
		up, err := live.Rebuild(ctx, batch)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		t.Logf("%s: %d pages rendered, full %v, swapped %v", step.name, up.Rendered, up.Full, up.Swapped)
		if up.Full != step.full {
			t.Errorf("%s: full = %v, want %v", step.name, up.Full, step.full)
		}
		if !step.full && up.Rendered > step.maxPage {
			t.Errorf("%s: rendered %d pages, want at most %d", step.name, up.Rendered, step.maxPage)
		}
		if want := stepProblems[step.name]; want != "" && !slices.ContainsFunc(problemStrings(up), func(p string) bool { return matchProblem(p, want) }) {
			t.Errorf("%s: no problem %q in %v", step.name, want, problemStrings(up))
		}
		if swap, ok := swapSteps[step.name]; ok && up.Swapped != swap {
			t.Errorf("%s: swapped = %v, want %v", step.name, up.Swapped, swap)
		}
		sameBuild(t, step.name, up, fresh(t, dir))
	}
	if up, _ := live.Rebuild(ctx, watch.Batch{change("layouts/partials/footer.html", fsnotify.Write)}); up == nil || up.Output == nil {
		t.Error("no output after the layout was fixed")
	}
}

// fresh builds the site from scratch.
func fresh(t *testing.T, dir string) *incremental.Update {
	t.Helper()
	return sitetest.FreshBuild(t, liveOptions(dir))
}

func sameBuild(t *testing.T, step string, got, want *incremental.Update) {
	t.Helper()
	sitetest.CompareBuilds(t, step, got, want)
}

func problemStrings(up *incremental.Update) []string { return sitetest.ProblemStrings(up) }
