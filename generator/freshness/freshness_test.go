package freshness

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParseGitLog(t *testing.T) {
	log := "\x1e1767261600\x00\ncontent/a.md\x00content/b.md\x00\x1e1767000000\x00\ncontent/a.md\x00content/c d.md\x00\x1ebad\x00\ncontent/e.md\x00"
	got := parseGitLog(strings.NewReader(log))
	want := map[string]int64{"content/a.md": 1767261600, "content/b.md": 1767261600, "content/c d.md": 1767000000}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for name, sec := range want {
		if got[name].Unix() != sec {
			t.Errorf("%s: %v, want %d", name, got[name], sec)
		}
	}
}

func TestUpdated(t *testing.T) {
	jan, feb, mar, nov := day("2026-01-01T00:00:00Z"), day("2026-02-01T00:00:00Z"), day("2026-03-01T00:00:00Z"), day("2026-11-01T00:00:00Z")
	tests := []struct {
		name string
		f    Facts
		want time.Time
	}{
		{"front matter wins", Facts{Front: jan, Git: mar, HadPrev: true, Prev: Entry{1, feb}, Hash: 2, Now: nov}, jan},
		{"new page takes its commit", Facts{Git: feb, Now: nov}, feb},
		{"new page, no git", Facts{Date: jan, Now: nov}, time.Time{}},
		{"commit before publication is ignored", Facts{Git: jan, Date: feb, Now: nov}, time.Time{}},
		{"unchanged keeps the previous date", Facts{Git: mar, HadPrev: true, Prev: Entry{7, feb}, Hash: 7, Now: nov}, feb},
		{"changed, newer commit", Facts{Git: mar, HadPrev: true, Prev: Entry{7, feb}, Hash: 8, Now: nov}, mar},
		{"changed, not committed", Facts{Git: jan, HadPrev: true, Prev: Entry{7, feb}, Hash: 8, Now: nov}, nov},
	}
	for _, tt := range tests {
		if got := Updated(tt.f); !got.Equal(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestManifestRoundTrip(t *testing.T) {
	m := Manifest{"/a/": {0xdeadbeef, day("2026-02-01T10:00:00Z")}, "/": {1, time.Time{}}}
	back := ReadManifest(bytes.NewReader(m.Format()))
	if len(back) != 2 || back["/a/"] != m["/a/"] || back["/"] != m["/"] {
		t.Fatalf("round trip: %v", back)
	}
	if !bytes.Equal(m.Format(), back.Format()) {
		t.Error("format is not stable")
	}
	damaged := ReadManifest(strings.NewReader("/x/\tzz\t\n/y/\t1\tyesterday\nnot a line\n/z/\t2\t\n"))
	if len(damaged) != 1 || damaged["/z/"].Hash != 2 {
		t.Errorf("damaged lines: %v", damaged)
	}
	next := Manifest{"/a/": {Hash: 0xdeadbeef}, "/b/": {Hash: 3}, "/": {Hash: 2}}
	if got := strings.Join(m.Changed(next), " "); got != "/ /b/" {
		t.Errorf("Changed = %q", got)
	}
}

func TestHasherIgnoresDates(t *testing.T) {
	sum := func(params map[string]any, body string) uint64 {
		h := NewHasher()
		h.String(body)
		h.Params(params)
		return h.Sum64()
	}
	base := sum(map[string]any{"title": "A", "tags": []any{"x"}, "date": "2026-01-01"}, "body")
	if sum(map[string]any{"title": "A", "tags": []any{"x"}, "date": "2027-01-01", "updated": "2027-02-02", "weight": int64(3)}, "body") != base {
		t.Error("a date or weight change changed the content hash")
	}
	for _, changed := range []uint64{
		sum(map[string]any{"title": "B", "tags": []any{"x"}}, "body"),
		sum(map[string]any{"title": "A", "tags": []any{"y"}}, "body"),
		sum(map[string]any{"title": "A", "tags": []any{"x"}}, "body!"),
		sum(map[string]any{"title": "A", "tags": []any{"x"}, "m": map[string]any{"date": "x"}}, "body"),
	} {
		if changed == base {
			t.Error("a content change kept the hash")
		}
	}
}

func FuzzReadManifest(f *testing.F) {
	f.Add(string(Manifest{"/a/": {1, day("2026-02-01T10:00:00Z")}}.Format()))
	f.Add("/x/\tzz\t\n\t\t\t\n")
	f.Fuzz(func(t *testing.T, src string) {
		m := ReadManifest(strings.NewReader(src))
		again := ReadManifest(bytes.NewReader(m.Format()))
		if len(again) != len(m) {
			t.Fatalf("%d entries, %d after a round trip", len(m), len(again))
		}
	})
}

func FuzzParseGitLog(f *testing.F) {
	f.Add("\x1e1767261600\x00\ncontent/a.md\x00")
	f.Add("\x1e\x00\x00\x1e-5\x00x")
	f.Fuzz(func(t *testing.T, src string) {
		for name := range parseGitLog(strings.NewReader(src)) {
			if name == "" {
				t.Fatal("empty name")
			}
		}
	})
}

func TestParsePeriod(t *testing.T) {
	good := map[string]string{"6 months": "6 months", "1 year": "1 year", "2 Weeks": "2 weeks", " 90  days ": "90 days", "1 months": "1 month"}
	for in, want := range good {
		p, err := ParsePeriod(in)
		if err != nil || p.String() != want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %s", in, p, err, want)
		}
	}
	for _, bad := range []string{"", "6", "months", "0 months", "-1 year", "6 fortnights", "1.5 years", "6 months ago"} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) accepted", bad)
		}
	}
}

func TestReviewDue(t *testing.T) {
	six := Period{6, "month"}
	jan, mar := day("2026-01-31T00:00:00Z"), day("2026-03-01T00:00:00Z")
	if got := ReviewDue(time.Time{}, jan, six); !got.Equal(day("2026-07-31T00:00:00Z")) {
		t.Errorf("due = %v", got)
	}
	if got := ReviewDue(mar, jan, six); !got.Equal(mar) {
		t.Errorf("review_by must win, got %v", got)
	}
	if !ReviewDue(time.Time{}, time.Time{}, six).IsZero() || !ReviewDue(time.Time{}, jan, Period{}).IsZero() {
		t.Error("no date or no period gives no due date")
	}
	now := day("2026-03-01T15:00:00Z")
	if Overdue(mar, now) || !Overdue(day("2026-02-28T00:00:00Z"), now) || Overdue(time.Time{}, now) {
		t.Error("Overdue")
	}
	if !DueThisMonth(day("2026-03-31T23:00:00Z"), now) || DueThisMonth(day("2026-04-01T00:00:00Z"), now) || !DueThisMonth(jan, now) {
		t.Error("DueThisMonth")
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"6 months", "1 year", "x y", "99999999999999999999 days"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err == nil && (p.N <= 0 || p.After(day("2026-01-01T00:00:00Z")).IsZero()) {
			t.Fatalf("%q gave %+v", s, p)
		}
	})
}
