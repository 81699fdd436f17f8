package images

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"playbook/generator/config"
	"playbook/generator/diag"
	"playbook/generator/markdown"
)

// Processor finds the local images of pages, reads their sizes and makes
// their versions. One lives as long as a session (serve keeps it across
// rebuilds), so an image is probed once per content and encoded once.
type Processor struct {
	fsys  fs.FS
	cache *Cache

	mu      sync.Mutex
	infos   map[[32]byte]Info          // by content hash
	jobs    map[string]*job            // by the original's output path
	pending map[string]bool            // jobs not written since they were added
	users   map[string]map[string]bool // site path of an image -> content files showing it
	seen    map[string]seenFile        // by site path, while its size and time stay the same

	encoded, reused atomic.Int64
}

// New returns a processor reading the site folder fsys and keeping
// versions in cache (nil: none).
func New(fsys fs.FS, cache *Cache) *Processor {
	return &Processor{fsys: fsys, cache: cache, infos: map[[32]byte]Info{}, jobs: map[string]*job{}, pending: map[string]bool{},
		users: map[string]map[string]bool{}, seen: map[string]seenFile{}}
}

// Counts are how many files were encoded and how many taken from the cache.
func (p *Processor) Counts() (encoded, reused int64) { return p.encoded.Load(), p.reused.Load() }

// Page is what Attach needs of a page.
type Page struct {
	File     string // "content/guides/a.md", for problems
	URL      string // "/guides/a/", which relative images are resolved against
	BodyLine int    // lines of the file before the body
}

// Attach gives every local image of doc its Picture (size, lazy loading,
// versions) and registers the versions to write. An image that does not
// exist is an error and one without alt text a warning, both at the
// image's line.
func (p *Processor) Attach(cfg *config.Site, doc *markdown.Doc, pg Page) diag.List {
	var probs diag.List
	for i, ref := range doc.Images() {
		line := pg.BodyLine + ref.Line
		if !ref.HasAlt {
			probs.Add(diag.Warnf(pg.File, line, ref.Col, `describe the image for readers who cannot see it: ![what it shows](`+ref.Dest+`)`,
				"image %s has no alt text", ref.Dest))
		}
		loc, local := locate(cfg.BasePath(), pg.URL, ref.Dest)
		if !local {
			continue
		}
		p.used(pg.File, loc)
		f, err := p.open(loc)
		if err != nil {
			fix := missingFix(loc)
			if !errors.Is(err, errMissing) {
				fix = "save the image as PNG, JPEG, GIF, WebP or SVG, under 64 MB"
			}
			probs.Add(diag.Errorf(pg.File, line, ref.Col, fix, "image %s: %v", ref.Dest, err))
			continue
		}
		pic := markdown.Picture{Width: f.info.Width, Height: f.info.Height, Lazy: i > 0, Sizes: cfg.Images.Sizes}
		if v := plan(cfg.Images, f.info); len(v.widths) > 0 {
			pic.Srcset, pic.WebPSrcset = v.srcsets(loc.url, f.info)
			p.add(&job{src: f.src, out: loc.out, hash: f.hash, info: f.info, v: v})
		}
		doc.SetPicture(ref, pic)
	}
	return probs
}

// used records that a page shows the image at loc, wherever it is found
// (or would be, once it is added).
func (p *Processor) used(page string, loc location) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, src := range sources(loc) {
		if p.users[src] == nil {
			p.users[src] = map[string]bool{}
		}
		p.users[src][page] = true
	}
}

// Users are the content files that showed one of the files at paths (site
// paths such as static/img/a.png) when they were last attached: serve
// parses them again when an image changes, so their sizes and versions
// follow it.
func (p *Processor) Users(paths []string) []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	seen := map[string]bool{}
	var out []string
	for _, path := range paths {
		for page := range p.users[path] {
			if !seen[page] {
				seen[page] = true
				out = append(out, page)
			}
		}
	}
	slices.Sort(out)
	return out
}

func sources(loc location) []string { return []string{"content/" + loc.out, "static/" + loc.out} }

// location is where an image is: its output path and URL as written.
type location struct {
	out string // site-relative output path, "guides/a/chart.png"
	url string // the destination without query or fragment, as written
}

// locate resolves an image destination to its output path. Remote images
// (a scheme, "//host") and data: URLs are not local.
func locate(basePath, pageURL, dest string) (location, bool) {
	u, err := url.Parse(dest)
	if dest == "" || err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "//") || u.Path == "" {
		return location{}, false
	}
	raw := dest
	if i := strings.IndexAny(raw, "?#"); i >= 0 {
		raw = raw[:i]
	}
	p := u.Path
	if strings.HasPrefix(p, "/") {
		if prefix := strings.TrimSuffix(basePath, "/"); prefix != "" && strings.HasPrefix(p, prefix+"/") {
			p = p[len(prefix):]
		}
	} else {
		p = path.Join(pageURL, p)
	}
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	return location{out: p, url: raw}, true
}

// file is an image found in the site.
type file struct {
	src  string // site path: content/... or static/...
	hash [32]byte
	info Info
}

// open finds an image's file, as the static copy writes it: a content/
// (bundle) file, else a static/ file.
func (p *Processor) open(loc location) (*file, error) {
	for _, src := range sources(loc) {
		st, err := fs.Stat(p.fsys, src)
		if err != nil || !st.Mode().IsRegular() {
			continue
		}
		if st.Size() > MaxImageBytes {
			return nil, fmt.Errorf("%s is %d MB, more than the %d MB an image may be", src, st.Size()>>20, MaxImageBytes>>20)
		}
		stamp := stamp{st.Size(), st.ModTime()}
		p.mu.Lock()
		seen, ok := p.seen[src]
		p.mu.Unlock()
		if ok && seen.stamp == stamp {
			// An image on many pages (a logo) is read and hashed once.
			f := *seen.file
			return &f, nil
		}
		f, err := p.read(src)
		if err != nil {
			return nil, err
		}
		p.mu.Lock()
		p.seen[src] = seenFile{stamp, f}
		p.mu.Unlock()
		return f, nil
	}
	return nil, fmt.Errorf("%w: looked for content/%s and static/%s", errMissing, loc.out, loc.out)
}

var errMissing = errors.New("no such file")

// MaxImageBytes bounds an image file: a bigger one is a mistake (a video
// renamed .png), not something to read whole.
const MaxImageBytes = 64 << 20

// stamp is what a file's metadata says of its content.
type stamp struct {
	size int64
	mod  time.Time
}

type seenFile struct {
	stamp stamp
	file  *file
}

// read hashes a file and reads its size, probing each content once.
func (p *Processor) read(src string) (*file, error) {
	b, err := fs.ReadFile(p.fsys, src)
	if err != nil {
		return nil, err
	}
	f := &file{src: src, hash: sha256.Sum256(b)}
	p.mu.Lock()
	info, ok := p.infos[f.hash]
	p.mu.Unlock()
	if !ok {
		if info, err = Probe(src, b); err != nil {
			return nil, fmt.Errorf("%s is not an image playbook can read (PNG, JPEG, GIF, WebP or SVG): %v", src, err)
		}
		p.mu.Lock()
		p.infos[f.hash] = info
		p.mu.Unlock()
	}
	f.info = info
	return f, nil
}

func missingFix(loc location) string {
	return "put the image beside the page (a folder with index.md) or under static/" + path.Dir(loc.out) + "/, or fix the path"
}

// variants are the versions planned for one image.
type variants struct {
	widths  []int // narrower than the image, ascending
	webp    bool
	quality int
}

// plan picks an image's versions: none for an SVG, a GIF (resizing would
// stop an animation) or an image no wider than max_width.
func plan(set config.Images, info Info) variants {
	if !info.Raster() || info.Format == "gif" || set.MaxWidth <= 0 || info.Width <= set.MaxWidth {
		return variants{}
	}
	v := variants{webp: set.WebP, quality: set.Quality}
	for _, w := range set.Widths {
		if w < info.Width {
			v.widths = append(v.widths, w)
		}
	}
	return v
}

// srcsetURL escapes what would end a srcset candidate's URL early.
var srcsetURL = strings.NewReplacer(" ", "%20", ",", "%2C")

// srcsets are the srcset attributes of an image in its own format and in
// WebP (none when the image is a WebP or WebP is off).
func (v variants) srcsets(dest string, info Info) (own, webp string) {
	var o, w []string
	for _, width := range v.widths {
		o = append(o, srcsetURL.Replace(versionName(dest, width, info.Format))+" "+strconv.Itoa(width)+"w")
		w = append(w, srcsetURL.Replace(versionName(dest, width, "webp"))+" "+strconv.Itoa(width)+"w")
	}
	full := " " + strconv.Itoa(info.Width) + "w"
	o = append(o, srcsetURL.Replace(dest)+full)
	w = append(w, srcsetURL.Replace(versionName(dest, 0, "webp"))+full)
	if !v.webp || info.Format == "webp" {
		return strings.Join(o, ", "), ""
	}
	return strings.Join(o, ", "), strings.Join(w, ", ")
}

// versionName is the name of a version beside the original:
// chart.png -> chart.w480.png, chart.w480.webp, and, full size (width 0),
// chart.webp.
func versionName(name string, width int, format string) string {
	stem := strings.TrimSuffix(name, pathExt(name))
	if width > 0 {
		stem += ".w" + strconv.Itoa(width)
	}
	return stem + "." + extension(format)
}

func extension(format string) string {
	if format == "jpeg" {
		return "jpg"
	}
	return format
}

func (p *Processor) add(j *job) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if old, ok := p.jobs[j.out]; ok && old.key() == j.key() {
		return
	}
	p.jobs[j.out] = j
	p.pending[j.out] = true
}

// key names a version in the cache: the source's content, the size and
// the settings that make it.
func (j *job) cacheKey(width int, format string) string {
	return fmt.Sprintf("%s-w%d-q%d.%s", hex.EncodeToString(j.hash[:12]), width, j.v.quality, extension(format))
}

func (j *job) key() string { return fmt.Sprintf("%x%v", j.hash, j.v) }
