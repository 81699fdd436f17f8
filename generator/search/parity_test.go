package search_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"playbook/generator/pipeline"
	"playbook/generator/search"
)

// nodePath is where the Debian nodejs package installs Node.
const nodePath = "/usr/bin/node"

// siteRoot is the repository, whose content/ is the example site.
const siteRoot = "../.."

var scriptPath = filepath.Join(siteRoot, "layouts", "static", "js", "search.js")

// parityTexts are texts whose words both sides must split alike: the
// example site's Markdown, and the corners of the normaliser.
func parityTexts(t *testing.T) []string {
	texts := []string{
		"How do I calculate LTV?", "Cross-sell vs. up-sell", "Don't churn; customers’ café", "B2B SaaS 2026: 40–60 words",
		"Ünïcödé ÀÉÎ straße ÇA ÑO", "naïve résumé façade", "日本語のテキスト and Ελληνικά", "x" + strings.Repeat("y", 40) + " z",
		"emoji 🚀 rocket", "tab\tnew\nline", "under_score hy-phen dot.ted", "Ⅻ ½ ² ٣", "",
	}
	err := filepath.WalkDir(filepath.Join(siteRoot, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			texts = append(texts, string(b))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// parityStems are the example site's words and Porter's corner cases.
func parityStems(texts []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range texts {
		for _, w := range search.Words(t) {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	for _, w := range []string{"caresses", "ponies", "ties", "agreed", "hopping", "filing", "happy", "sky", "relational",
		"vietnamization", "hopefulness", "electriciti", "adoption", "controll", "generalizations", "oscillators",
		"feed", "bled", "sized", "tanned", "falling", "fizzed", "probate", "cease", "yy", "y", "ayy", "syzygy"} {
		out = append(out, w)
	}
	return out
}

type parityQuery struct {
	Q     string `json:"q"`
	Kind  string `json:"kind"`
	Stage string `json:"stage"`
}

type jsQuery struct {
	Words  [][3]any `json:"words"`
	Refs   []uint32 `json:"refs"`
	Scores []int    `json:"scores"`
	Plan   []string `json:"plan"`
	Files  []int    `json:"files"`
}

type jsOutput struct {
	Stop    []string   `json:"stop"`
	Kinds   []string   `json:"kinds"`
	Stages  []string   `json:"stages"`
	Limits  [2]int     `json:"limits"`
	Plans   [][2]any   `json:"plans"`
	Fold    [2]string  `json:"fold"`
	Words   [][]string `json:"words"`
	Stems   []string   `json:"stems"`
	Shards  []int      `json:"shards"`
	Edits   []bool     `json:"edits"`
	Queries []jsQuery  `json:"queries"`
}

var parityQueries = []parityQuery{
	{Q: "how do I calculate ltv"}, {Q: "cross sell vs upsell"}, {Q: "calcualte"}, {Q: "calculatr ltv"},
	{Q: "retension"}, {Q: "upsel"}, {Q: "cros sell"}, {Q: "ltv", Kind: "answer"}, {Q: "referral", Stage: "advocacy"},
	{Q: "churn", Kind: "question", Stage: "renewal"}, {Q: "what is a cohort"}, {Q: "the"}, {Q: ""}, {Q: "net revenue retention"},
	{Q: "onboarding first win"}, {Q: "payback months cac"}, {Q: "a"}, {Q: "rev"}, {Q: "hvac"}, {Q: "Ünïcödé café"},
}

// TestParityWithJavaScript runs search.js under Node over the example
// site's words, Porter's corner cases and a list of queries against the
// example site's built index, and compares every word split, stem, shard,
// edit test and ranking (results and scores) with the Go side.
func TestParityWithJavaScript(t *testing.T) {
	dest := exampleSite(t)
	idx, err := search.Open(os.DirFS(dest))
	if err != nil {
		t.Fatal(err)
	}
	texts := parityTexts(t)
	stems := parityStems(texts)
	edits := [][2]string{{"calcul", "calcl"}, {"calcul", "calcul"}, {"abc", "acb"}, {"abc", "abcd"}, {"abcd", "abc"},
		{"abc", "xbc"}, {"abc", "cba"}, {"ab", "abcd"}, {"café", "cafe"}, {"", "a"}, {"a", ""}, {"ab", "ba"}}
	out := runNode(t, map[string]any{"texts": texts, "stems": stems, "edits": edits, "queries": parityQueries,
		"index": dest, "shards": idx.Shards(), "plans": planQueries, "planShards": planShards})

	if want := [2]int{search.MaxShardRequests, search.PagesPerChunk}; out.Limits != want {
		t.Errorf("shards per query, pages per chunk: JS %v, Go %v", out.Limits, want)
	}
	comparePlans(t, out.Plans)
	if want := strings.Fields(search.StopWordList); !reflect.DeepEqual(out.Stop, sorted(want)) {
		t.Errorf("stop words: JS %q, Go %q", out.Stop, want)
	}
	if !reflect.DeepEqual(out.Kinds, search.Kinds) || !reflect.DeepEqual(out.Stages, search.Stages) {
		t.Errorf("kinds/stages: JS %q %q, Go %q %q", out.Kinds, out.Stages, search.Kinds, search.Stages)
	}
	for i, text := range texts {
		if got, want := out.Words[i], search.Words(text); !slices.Equal(got, want) {
			t.Errorf("words of text %d (%.40q):\n JS %q\n Go %q", i, text, got, want)
		}
	}
	for i, w := range stems {
		if out.Stems[i] != search.Stem(w) {
			t.Errorf("stem(%q): JS %q, Go %q", w, out.Stems[i], search.Stem(w))
		}
		if out.Shards[i] != search.ShardOf(w, 97) {
			t.Errorf("shard(%q): JS %d, Go %d", w, out.Shards[i], search.ShardOf(w, 97))
		}
	}
	for i, e := range edits {
		if out.Edits[i] != search.OneEdit(e[0], e[1]) {
			t.Errorf("oneEdit(%q, %q): JS %v, Go %v", e[0], e[1], out.Edits[i], !out.Edits[i])
		}
	}
	compareQueries(t, idx, out.Queries)
}

// planQueries are long questions whose words need more shards than a
// query reads, at planShards shards.
var (
	planQueries = []string{"how can we measure net revenue retention", "referral program for b2b teams",
		"what is the best way to improve customer activation", "cross sell vs upsell", "ltv", "", "a b c d e f g",
		"onboarding onboarding checklist onb"}
	planShards = 128
)

func comparePlans(t *testing.T, js [][2]any) {
	t.Helper()
	if len(js) != len(planQueries) {
		t.Fatalf("node planned %d queries, want %d", len(js), len(planQueries))
	}
	for i, q := range planQueries {
		words, files := search.QueryPlan(search.QueryWords(q), planShards)
		if len(files) > search.MaxShardRequests {
			t.Errorf("%q: plan reads %d shards, more than %d", q, len(files), search.MaxShardRequests)
		}
		raw := []any{}
		for _, w := range words {
			raw = append(raw, w.Raw)
		}
		nums := []any{}
		for _, n := range files {
			nums = append(nums, float64(n))
		}
		if got := js[i]; !reflect.DeepEqual(orEmpty(got[0]), raw) || !reflect.DeepEqual(orEmpty(got[1]), nums) {
			t.Errorf("plan %q: JS %v, Go %v %v", q, got, raw, nums)
		}
	}
}

func orEmpty(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	return []any{}
}

func compareQueries(t *testing.T, idx *search.Index, js []jsQuery) {
	t.Helper()
	if len(js) != len(parityQueries) {
		t.Fatalf("node answered %d queries, want %d", len(js), len(parityQueries))
	}
	for i, q := range parityQueries {
		results, err := idx.Query(q.Q, search.Filter{Kind: q.Kind, Stage: q.Stage}, 10)
		if err != nil {
			t.Fatal(err)
		}
		var refs []uint32
		var scores []int
		for _, r := range results {
			refs, scores = append(refs, r.Ref), append(scores, r.Score)
		}
		var plan []string
		var files []int
		if words, f := search.QueryPlan(search.QueryWords(q.Q), idx.Shards()); len(words) > 0 {
			for _, w := range words {
				plan = append(plan, w.Raw)
			}
			files = f
		}
		if !slices.Equal(plan, js[i].Plan) || !slices.Equal(files, js[i].Files) {
			t.Errorf("query %+v plan: JS %v %v, Go %v %v", q, js[i].Plan, js[i].Files, plan, files)
		}
		if !slices.Equal(refs, js[i].Refs) || !slices.Equal(scores, js[i].Scores) {
			t.Errorf("query %+v:\n JS %v %v\n Go %v %v", q, js[i].Refs, js[i].Scores, refs, scores)
		}
		var words [][3]any
		for _, w := range search.QueryWords(q.Q) {
			words = append(words, [3]any{w.Raw, w.Stem, w.Prefix})
		}
		if len(words) != len(js[i].Words) || len(words) > 0 && !reflect.DeepEqual(words, js[i].Words) {
			t.Errorf("query %q words: JS %v, Go %v", q.Q, js[i].Words, words)
		}
	}
}

var example struct {
	once sync.Once
	dest string
	err  error
}

// exampleSite builds the example site once for the package's tests and
// returns its output folder.
func exampleSite(t *testing.T) string {
	t.Helper()
	example.once.Do(func() {
		example.dest, example.err = os.MkdirTemp("", "playbook-search-")
		if example.err != nil {
			return
		}
		var res *pipeline.Result
		res, example.err = pipeline.Build(context.Background(), pipeline.Options{Source: siteRoot, Dest: example.dest, Minify: true})
		if example.err == nil && res.Failed(false) {
			example.err = fmt.Errorf("%v", res.Problems)
		}
	})
	if example.err != nil {
		t.Fatalf("build the example site: %v", example.err)
	}
	return example.dest
}

func TestMain(m *testing.M) {
	code := m.Run()
	if example.dest != "" {
		os.RemoveAll(example.dest)
	}
	os.Exit(code)
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func runNode(t *testing.T, table any) jsOutput {
	t.Helper()
	if _, err := os.Stat(nodePath); err != nil {
		t.Fatalf("the JS parity test needs Node.js at %s (Debian package nodejs): %v", nodePath, err)
	}
	b, err := json.Marshal(table)
	if err != nil {
		t.Fatal(err)
	}
	tablePath := filepath.Join(t.TempDir(), "table.json")
	if err := os.WriteFile(tablePath, b, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(nodePath, filepath.Join("testdata", "parity.js"), tablePath, scriptPath)
	cmd.Stderr = new(strings.Builder)
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("node parity.js: %v\n%s", err, cmd.Stderr)
	}
	var out jsOutput
	if err := json.Unmarshal(stdout, &out); err != nil {
		t.Fatalf("decode node output: %v\n%.500s", err, stdout)
	}
	return out
}
