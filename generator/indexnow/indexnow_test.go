package indexnow

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestPendingRoundTrip(t *testing.T) {
	in := []string{"https://x.com/b/", "https://x.com/a/", "https://x.com/b/"}
	got := ReadPending(bytes.NewReader(FormatPending(in)))
	if !slices.Equal(got, []string{"https://x.com/a/", "https://x.com/b/"}) {
		t.Errorf("got %v", got)
	}
	if got := ReadPending(strings.NewReader("# c\n\nftp://x\n  https://y.com/  \n")); !slices.Equal(got, []string{"https://y.com/"}) {
		t.Errorf("got %v", got)
	}
}

func TestValidKey(t *testing.T) {
	for key, want := range map[string]bool{"0123456789abcdef": true, "abc-DEF-123": true, "short": false, "has space in it": false, strings.Repeat("a", 129): false, "ünïcode-key": false} {
		if ValidKey(key) != want {
			t.Errorf("ValidKey(%q) = %v", key, !want)
		}
	}
}

func FuzzReadPending(f *testing.F) {
	f.Add("https://x.com/a/\n")
	f.Fuzz(func(t *testing.T, src string) {
		urls := ReadPending(strings.NewReader(src))
		again := ReadPending(bytes.NewReader(FormatPending(urls)))
		if len(again) > len(urls) {
			t.Fatalf("%v became %v", urls, again)
		}
	})
}
