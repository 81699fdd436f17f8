package suggest

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"guide", "guide", 0},
		{"", "faq", 3},
		{"gude", "guide", 1},     // a letter left out
		{"guidee", "guide", 1},   // one too many
		{"guido", "guide", 1},    // one replaced
		{"gudie", "guide", 1},    // two swapped
		{"asnwer", "answer", 1},  // two swapped
		{"awnser", "answer", 2},  // a letter moved two places
		{"kitten", "sitting", 3}, // the textbook case
		{"activaton", "activation", 1},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	kinds := []string{"answer", "calculator", "faq", "guide", "vertical", "workflow"}
	stages := []string{"activation", "adoption", "expansion", "advocacy", "renewal"}
	tests := []struct {
		word       string
		candidates []string
		want       string
	}{
		{"gudie", kinds, "guide"},
		{"Guide", kinds, ""}, // known, whatever the case
		{"faqs", kinds, "faq"},
		{"calcualtor", kinds, "calculator"},
		{"blog", kinds, ""}, // nothing close
		{"fa", kinds, "faq"},
		{"x", kinds, ""},
		{"expanson", stages, "expansion"},
		{"renewl", stages, "renewal"},
		{"adoptoin", stages, "adoption"},
		{"retention", stages, ""},
		{"how-to-start", []string{"how-to-star", "how-to-stop"}, "how-to-star"}, // ties: the nearer
		{"", kinds, ""},
	}
	for _, tt := range tests {
		if got := Closest(tt.word, tt.candidates); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestClosestPath(t *testing.T) {
	tests := []struct {
		p          string
		candidates []string
		want       string
	}{
		{"/guidez/", []string{"/", "/faq/", "/guides/", "/guides/a/"}, "/guides/"},
		{"/guides/grow-ltv-after-purchse/", []string{"/guides/", "/guides/grow-ltv-after-purchase/", "/guides/map/"}, "/guides/grow-ltv-after-purchase/"},
		{"/pricing/", []string{"/guides/", "/faq/"}, ""},
		{"/b/", []string{"/a/", "/"}, ""}, // one letter: a different page, not a typo
		{"/guides/b/", []string{"/guides/a/"}, ""},
		{"/", []string{"/a/"}, ""},
		{"/fa/", []string{"/faq/"}, "/faq/"},
	}
	for _, tt := range tests {
		if got := ClosestPath(tt.p, tt.candidates); got != tt.want {
			t.Errorf("ClosestPath(%q) = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestFix(t *testing.T) {
	kinds := []string{"guide", "faq"}
	if got, want := Fix("gude", kinds, "use one of: guide, faq"), `did you mean "guide"? Else use one of: guide, faq`; got != want {
		t.Errorf("Fix = %q, want %q", got, want)
	}
	if got, want := Fix("blog", kinds, "use one of: guide, faq"), "use one of: guide, faq"; got != want {
		t.Errorf("Fix with nothing close = %q, want %q", got, want)
	}
}

func FuzzDistance(f *testing.F) {
	f.Add("guide", "gudie")
	f.Add("", "faq")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 200 || len(b) > 200 {
			return
		}
		d := Distance(a, b)
		if d < abs(len(a)-len(b)) || d > max(len(a), len(b)) {
			t.Fatalf("Distance(%q, %q) = %d, outside its bounds", a, b, d)
		}
		if (d == 0) != (a == b) {
			t.Fatalf("Distance(%q, %q) = %d", a, b, d)
		}
	})
}
