package render

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Host configuration, so that a production host does what serve does:
// twins announced with Link headers and served as text/markdown, kept out
// of search indexes, and (on nginx) chosen by the Accept header.
const (
	// HeadersFile is read by Netlify and Cloudflare Pages, never served.
	HeadersFile = "_headers"
	// NginxHTTPFile holds the map directives, included at http level.
	NginxHTTPFile = "_nginx/http.conf"
	// NginxServerFile holds the locations, included in the server block
	// whose root is the output folder.
	NginxServerFile = "_nginx/server.conf"
)

// cacheRevalidate is for files that change with every build under the
// same URL: a cache may keep them but must ask again before using them.
const cacheRevalidate = "public, max-age=0, must-revalidate"

// cacheAssets is for the theme's CSS and JS, whose URLs carry no version.
const cacheAssets = "public, max-age=3600"

// hostFiles are the host configuration files, made whole in memory; the
// per-page _headers is streamed.
func (r *Renderer) hostFiles() []siteFile {
	return []siteFile{
		{NginxHTTPFile, func() ([]byte, error) { return []byte(nginxHTTP), nil }},
		{NginxServerFile, func() ([]byte, error) { return r.nginxServer(), nil }},
	}
}

// headers writes _headers: rules for every path (a Link to llms.txt,
// nosniff), content types, noindex and cache rules for twins and llms
// files, then one rule per page with the Link to its twin (the format has
// no way to build a header value from the path that works on both hosts).
func (r *Renderer) headers(w io.Writer) error {
	llms := RelURL(r.basePath, "/llms.txt")
	fmt.Fprintf(w, `# Headers for Netlify and Cloudflare Pages, written by playbook build.
# Static hosts cannot choose a response by the Accept header: agents find
# each page's Markdown twin through its Link header and the .md URLs.

/*
  X-Content-Type-Options: nosniff
  Link: <%s>; rel="describedby"; type="text/markdown"

/*.md
  Content-Type: text/markdown; charset=utf-8
  X-Robots-Tag: noindex
  Cache-Control: %s

`, llms, cacheRevalidate)
	for _, f := range []string{"/llms.txt", "/*/llms.txt", "/" + LLMSFullFile} {
		fmt.Fprintf(w, "%s\n  Content-Type: text/plain; charset=utf-8\n  Cache-Control: %s\n\n", RelURL(r.basePath, f), cacheRevalidate)
	}
	for _, f := range []string{"/" + AnswersFile, "/*/" + AnswersFile} {
		fmt.Fprintf(w, "%s\n  Access-Control-Allow-Origin: *\n  Cache-Control: %s\n\n", RelURL(r.basePath, f), cacheRevalidate)
	}
	for _, f := range []string{"/css/*", "/js/*"} {
		fmt.Fprintf(w, "%s\n  Cache-Control: %s\n\n", RelURL(r.basePath, f), cacheAssets)
	}
	for _, p := range r.site.Pages {
		u := RelURL(r.basePath, p.URL)
		if _, err := fmt.Fprintf(w, "%s\n  Link: <%s>; rel=\"alternate\"; type=\"text/markdown\"\n\n", u, u+"index.html.md"); err != nil {
			return err
		}
	}
	return nil
}

// nginxHTTP decides, once per request, what the server snippet needs.
// nginx cannot weigh q-values, so the map reads the Accept header's order:
// Markdown when it names text/markdown (not at q=0) before any text/html
// and not below a catch-all at full weight, or text/plain first with
// everything else at q<1. Browsers never name either, so they get HTML.
const nginxHTTP = `# Content negotiation for playbook's Markdown twins, written by playbook build.
# Include it at http level, next to the server block that includes
# server.conf from this folder:
#   http { include /srv/site/public/_nginx/http.conf; server { root /srv/site/public; include /srv/site/public/_nginx/server.conf; } }

map $http_accept $playbook_accept_md {
    default 0;
    "~*text/markdown\s*;\s*q\s*=\s*0(\.0*)?\s*(,|$)" 0;
    "~*text/html.*text/markdown" 0;
    "~*text/markdown\s*;\s*q\s*=\s*0\.\d*\s*,.*(text/html|text/\*|\*/\*)\s*(,|$)" 0;
    "~*text/markdown" 1;
    "~*^\s*text/plain\s*(;\s*q\s*=\s*1(\.0*)?\s*)?(,\s*[^,;]+;\s*q\s*=\s*0(\.\d*)?\s*)*$" 1;
}

# A twin asked for by its own URL is kept out of search indexes; a twin
# given for a page's URL names that page as canonical.
map $request_uri $playbook_twin_robots {
    default "";
    "~^[^?]*\.md(\?.*)?$" "noindex";
}
map $request_uri $playbook_twin_vary {
    default "Accept";
    "~^[^?]*\.md(\?.*)?$" "";
}
map $request_uri $playbook_twin_canonical {
    default "";
    "~^(?<playbook_page>[^?]*/)(\?.*)?$" "<$playbook_page>; rel=\"canonical\"; type=\"text/html\"";
}
`

// nginxServer is the server block's part: negotiation at page URLs, the
// Link, Vary, content type, noindex and cache headers, and the host files
// kept private.
func (r *Renderer) nginxServer() []byte {
	llms := RelURL(r.basePath, "/llms.txt")
	base := regexp.QuoteMeta(RelURL(r.basePath, "/"))
	return []byte(strings.NewReplacer("LLMS", llms, "BASE", base, "REVALIDATE", cacheRevalidate, "ASSETS", cacheAssets).Replace(
		`# playbook's Markdown twins and llms files, written by playbook build.
# Include it inside the server block whose root is this folder, with
# http.conf from this folder included at http level.

index index.html;

location = /_headers { return 404; }
location ^~ /_nginx/ { return 404; }

# A page (its URL ends in a slash): its twin when the request prefers
# Markdown, else the HTML with a Link to the twin. (An if block that
# matches handles the request itself, so each one only sets variables or
# rewrites.)
location ~ /$ {
    set $playbook_twin $playbook_accept_md;
    set $playbook_link "<${uri}index.html.md>; rel=\"alternate\"; type=\"text/markdown\", <LLMS>; rel=\"describedby\"; type=\"text/markdown\"";
    set $playbook_vary "Accept";
    if (!-f $document_root${uri}index.html.md) {
        set $playbook_twin 0;
        set $playbook_link "";
        set $playbook_vary "";
    }
    if ($playbook_twin = 1) {
        rewrite ^ ${uri}index.html.md last;
    }
    add_header Link $playbook_link;
    add_header Vary $playbook_vary;
    add_header X-Content-Type-Options nosniff always;
    try_files ${uri}index.html =404;
}

location ~ \.md$ {
    types { }
    default_type "text/markdown; charset=utf-8";
    add_header Vary $playbook_twin_vary;
    add_header Link $playbook_twin_canonical;
    add_header X-Robots-Tag $playbook_twin_robots;
    add_header Cache-Control "REVALIDATE";
    add_header X-Content-Type-Options nosniff always;
    try_files $uri =404;
}

location ~ (^|/)llms(-full)?\.txt$ {
    types { }
    default_type "text/plain; charset=utf-8";
    add_header Link "<LLMS>; rel=\"describedby\"; type=\"text/markdown\"";
    add_header Cache-Control "REVALIDATE";
    add_header X-Content-Type-Options nosniff always;
    try_files $uri =404;
}

# The answers API: a help widget on another site may load it.
location ~ (^|/)answers\.json$ {
    add_header Access-Control-Allow-Origin "*";
    add_header Cache-Control "REVALIDATE";
    add_header X-Content-Type-Options nosniff always;
    try_files $uri =404;
}

location ~ ^BASE(css|js)/ {
    add_header Cache-Control "ASSETS";
    add_header X-Content-Type-Options nosniff always;
    try_files $uri =404;
}
`))
}
