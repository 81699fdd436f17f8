package config

import (
	"errors"
	"io/fs"
	"net/url"
	"strconv"
	"strings"

	"playbook/generator/diag"
	"playbook/generator/load"
	"playbook/generator/meta"
)

// Files are the config file names looked up at the site root, in order.
var Files = []string{"site.yaml", "site.yml", "site.toml"}

// Organization publishes the site (schema.org Organization).
type Organization struct {
	Name, URL, Logo string
}

// Person is a page author.
type Person struct {
	Name, URL string
}

// MenuItem is one entry of the top navigation.
type MenuItem struct {
	Name, URL string
	// Line and Col are where the config file writes URL, so that a broken
	// menu link is reported there rather than on every page showing it.
	Line, Col int
}

// Site is the decoded site configuration.
type Site struct {
	File         string // the config file's name, "" when the site has none
	Title        string
	Description  string
	BaseURL      string // absolute, always ending in "/"
	Language     string
	Currency     string
	Organization Organization
	Author       Person
	Menu         []MenuItem
	// UnsafeHTML lets raw HTML in Markdown through (`unsafe_html: true`;
	// off by default, as in goldmark and Hugo).
	UnsafeHTML bool
	// Markdown switches the Markdown extensions (`markdown:`).
	Markdown Markdown
	Evidence Evidence // sources, dates, reviews, authors, IndexNow
	// Images, Colors, SocialCards (`social_cards`, on by default) and
	// Favicon (a site path; "" is the theme's, in Colors) are media.go's.
	Images      Images
	Colors      Colors
	SocialCards bool
	Favicon     string
	// Params holds every key of the file, known or not, for templates.
	Params map[string]any
}

// Load reads the site config from the root of fsys. A site without a config
// file gets defaults and a problem asking for one, since base_url is needed
// for canonical URLs and structured data.
func Load(fsys fs.FS) (*Site, diag.List) {
	for _, name := range Files {
		src, err := fs.ReadFile(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if errors.Is(err, load.ErrOutside) {
			return defaults(), diag.List{diag.Errorf(name, 0, 0,
				"copy the file into the site folder; of the site's top level, only content/, layouts/ and static/ may link elsewhere",
				"the site config is a symlink that leads outside the site folder, which playbook does not follow")}
		}
		if err != nil {
			return defaults(), diag.List{diag.Errorf(name, 0, 0, "check the file's permissions", "cannot read the site config: %v", err)}
		}
		s, probs := Parse(name, src)
		return s, append(probs, checkFavicon(fsys, s, src)...)
	}
	return defaults(), diag.List{diag.Errorf("site.yaml", 0, 0,
		`create site.yaml with at least: title: "My site" and base_url: "https://example.com/"`,
		"the site has no site.yaml or site.toml")}
}

// Parse decodes a config file's bytes; name decides the format.
func Parse(name string, src []byte) (*Site, diag.List) {
	var m *meta.Map
	var probs []diag.Problem
	if strings.HasSuffix(name, ".toml") {
		m, probs = meta.DecodeTOML(name, src, 0)
	} else {
		m, probs = meta.DecodeYAML(name, src, 0)
	}
	s := defaults()
	s.File = name
	if len(probs) > 0 {
		return s, probs
	}
	r := meta.NewReader(m)
	s.Params = m.Values
	readFields(r, s)
	r.Problems.Add(m.NearMisses(knownKeys, nil)...)
	s.readMedia(r, m.Values)
	return s, r.Problems
}

// knownKeys are the settings readFields reads.
var knownKeys = []string{
	"title", "description", "base_url", "language", "currency", "organization", "author", "menu", "unsafe_html",
	"markdown", "images", "colors", "social_cards", "favicon", "git_dates", "review_every", "authors", "indexnow",
}

// defaults is the config of a site whose file is missing or broken. Its
// organization is named, so that the one problem reported is the config
// file's, not one "Organization has no name" per page.
func defaults() *Site {
	const title, base = "playbook site", "http://localhost:1313/"
	return &Site{Title: title, BaseURL: base, Language: "en", Currency: "$", Markdown: defaultMarkdown(), Params: map[string]any{},
		Organization: Organization{Name: title, URL: base},
		Images:       defaultImages(), Colors: defaultColors(), SocialCards: true}
}

func readFields(r *meta.Reader, s *Site) {
	if t := r.String("title"); t != "" {
		s.Title = t
	} else {
		r.Errorf("title", `add title: "Your site name"`, "the site config has no title")
	}
	s.Description = r.String("description")
	if l := r.String("language"); l != "" {
		s.Language = l
	}
	if c := r.String("currency"); c != "" {
		s.Currency = c
	}
	s.BaseURL = readBaseURL(r)
	s.UnsafeHTML = r.Bool("unsafe_html")
	s.Markdown = readMarkdown(r)
	readEvidence(r, s)
	s.Organization = readOrganization(r, s)
	if a := r.Mapping("author"); a != nil {
		s.Author = Person{Name: str(a["name"]), URL: str(a["url"])}
	}
	for i, item := range r.Mappings("menu") {
		at := r.Pos(indexPath("menu", i)+".url", indexPath("menu", i), "menu")
		mi := MenuItem{Name: str(item["name"]), URL: str(item["url"]), Line: at.Line, Col: at.Col}
		if mi.Name == "" || mi.URL == "" {
			r.Errorf(indexPath("menu", i), `write - { name: "Guides", url: "/guides/" }`, "menu item %d needs a name and a url", i+1)
			continue
		}
		s.Menu = append(s.Menu, mi)
	}
}

func readBaseURL(r *meta.Reader) string {
	raw := r.String("base_url")
	if raw == "" {
		r.Errorf("base_url", `add base_url: "https://example.com/"`, "the site config has no base_url (needed for canonical URLs, the sitemap and structured data)")
		return "http://localhost:1313/"
	}
	u, err := url.Parse(raw)
	// A query, fragment, user or a character that needs escaping would
	// end up in the middle of every URL built by appending a path.
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil || strings.ContainsAny(raw, "?# \"<>\\`") {
		r.Errorf("base_url", `write an absolute URL such as "https://example.com/"`, "base_url %q is not an absolute http(s) URL", raw)
		return "http://localhost:1313/"
	}
	return WithSlash(raw)
}

func readOrganization(r *meta.Reader, s *Site) Organization {
	o := Organization{Name: s.Title, URL: s.BaseURL}
	if m := r.Mapping("organization"); m != nil {
		if n := str(m["name"]); n != "" {
			o.Name = n
		}
		if u := str(m["url"]); u != "" {
			o.URL = u
		}
		o.Logo = str(m["logo"])
	}
	return o
}

// BasePath is the path part of the base URL, where the site's root is
// served: "https://x.com/docs/" -> "/docs/". Root-relative links in content
// and templates are prefixed with it.
func (s *Site) BasePath() string {
	u, err := url.Parse(s.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return WithSlash(u.EscapedPath())
}

// WithSlash returns u ending in exactly one "/".
func WithSlash(u string) string {
	return strings.TrimRight(u, "/") + "/"
}

func str(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

func indexPath(key string, i int) string {
	return key + "[" + strconv.Itoa(i) + "]"
}
