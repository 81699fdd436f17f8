package watch

import "testing"

func TestClassify(t *testing.T) {
	tests := []struct {
		path string
		want ChangeKind
	}{
		{"content/guides/grow.md", Content},
		{"content/_index.md", Content},
		{"content/guides/ltv/chart.png", Content},
		{"content/guides", Content},
		{"content", Content},
		{"./content/a.md", Content},
		{"layouts/baseof.html", Layout},
		{"layouts/partials/head.html", Layout},
		{"layouts", Layout},
		{"static/css/site.css", Static},
		{"static/.well-known/security.txt", Static}, // copied by the build, so it counts
		{"static", Static},
		{"site.yaml", Config},
		{"site.yml", Config},
		{"site.toml", Config},
		// editor leftovers and hidden files
		{"content/guides/.grow.md.swp", Ignore},
		{"content/guides/grow.md~", Ignore},
		{"content/guides/#grow.md#", Ignore},
		{"content/guides/.#grow.md", Ignore},
		{"content/guides/4913", Ignore},
		{"content/guides/grow.md.tmp", Ignore},
		{"layouts/.baseof.html.swp", Ignore},
		{"static/css/site.css~", Ignore},
		{"content/.drafts/a.md", Ignore},
		{"layouts/.git/HEAD", Ignore},
		{".site.yaml.swp", Ignore},
		// outside the site's trees
		{"public/index.html", Ignore},
		{"README.md", Ignore},
		{"contents/a.md", Ignore},
		{".git/index", Ignore},
		{"", Ignore},
		{".", Ignore},
		{"../content/a.md", Ignore},
		{"/content/a.md", Ignore},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := Classify(tt.path); got != tt.want {
				t.Errorf("Classify(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}

func TestChangeKindString(t *testing.T) {
	for k, want := range map[ChangeKind]string{Ignore: "ignore", Static: "static", Content: "content", Layout: "layout", Config: "config"} {
		if got := k.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", int(k), got, want)
		}
	}
}
