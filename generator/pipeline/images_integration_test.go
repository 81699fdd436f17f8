package pipeline_test

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/image/webp"

	"playbook/generator/internal/sitetest"
	"playbook/generator/pipeline"
)

// imagesSite has a local image in each place a page can take one from: its
// leaf bundle (a titled figure, wider than max_width), static/ (a JPEG and
// an SVG) and a remote one, on a bundle page and on a plain page.
const imagesSite = `
-- site.yaml --
title: "Images"
base_url: "https://example.com/docs/"
organization: { name: "Acme", url: "https://acme.example/", logo: "https://acme.example/logo.svg" }
author: { name: "Ed", url: "https://acme.example/ed/" }
description: "A site with images."
-- content/guides/journey/index.md --
---
title: "The customer journey"
description: "Where the customer is after the first purchase, and what to do at each step of the way."
---
![The five moments after a purchase](journey.png "Five moments after the purchase")

An inline ![cohort chart](/img/cohort.jpg) image, and a diagram:

![Flow of a renewal](/img/flow.svg)

![A remote badge](https://badges.example/b.svg)
-- content/guides/plain.md --
---
title: "Plain"
description: "A plain page whose images come from static/, one of them shown at full size when it is first."
---
![Cohort chart](/img/cohort.jpg)

![The same journey](/guides/journey/journey.png)
-- static/img/flow.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 80"><rect width="240" height="80" fill="#0b4a6e"/></svg>
`

// imageCache is the image tests' cache folder, one for the process: under
// -race, wazero's compile of libwebp takes about a minute and each WebP
// encode seconds, so the versions are encoded once, by the first test
// that needs them, and taken from the cache after.
var imageCache = filepath.Join(os.TempDir(), fmt.Sprintf("playbook-image-tests-%d", os.Getpid()))

func newImagesSite(t *testing.T) (*sitetest.Site, pipeline.Options) {
	s := sitetest.New(t, imagesSite)
	for name, to := range map[string]string{"journey.png": "content/guides/journey/journey.png", "cohort.jpg": "static/img/cohort.jpg"} {
		b, err := os.ReadFile(filepath.Join("testdata", "images", name))
		if err != nil {
			t.Fatal(err)
		}
		s.WriteFile(to, string(b))
	}
	opts := s.Options()
	opts.CacheDir = imageCache
	return s, opts
}

var imageHTML = regexp.MustCompile(`(?s)<figure>.*?</figure>|<picture>.*?</picture>|<img [^>]*>`)

// TestImagesGolden compares every image element of the pages with
// testdata/images/images.html.golden.
func TestImagesGolden(t *testing.T) {
	s, opts := newImagesSite(t)
	res := s.Build(opts)
	sitetest.AssertProblems(t, res)
	var got strings.Builder
	for _, page := range []string{"guides/journey/index.html", "guides/plain/index.html"} {
		got.WriteString("== " + page + "\n")
		for _, m := range imageHTML.FindAllString(s.Read(page), -1) {
			got.WriteString(m + "\n")
		}
	}
	want := filepath.Join("testdata", "images", "images.html.golden")
	if *update {
		writeGolden(t, want, []byte(got.String()))
		return
	}
	expected, err := os.ReadFile(want)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if string(expected) != got.String() {
		t.Errorf("image HTML differs from %s:\n%s", want, firstDiff(string(expected), got.String()))
	}
}

// TestImageVersionsDecode decodes every version written and checks its
// size and format, and that a second build encodes nothing.
func TestImageVersionsDecode(t *testing.T) {
	s, opts := newImagesSite(t)
	res := s.Build(opts)
	sitetest.AssertProblems(t, res)
	want := map[string]image.Point{
		"journey.w480.png": {480, 240}, "journey.w480.webp": {480, 240},
		"journey.w960.png": {960, 480}, "journey.w960.webp": {960, 480},
		"journey.w1440.png": {1440, 720}, "journey.w1440.webp": {1440, 720},
		"journey.webp": {1600, 800}, "journey.png": {1600, 800},
	}
	for name, size := range want {
		b := []byte(s.Read("guides/journey/" + name))
		img, err := decode(name, b)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := img.Bounds().Size(); got != size {
			t.Errorf("%s is %v, want %v", name, got, size)
		}
	}
	// Another test may have filled the shared cache: together, the
	// first build encoded or reused all 7 versions and every card.
	cards := int64(len(res.Site.Pages))
	if res.Media.ImagesEncoded+res.Media.ImagesReused != 7 || res.Media.CardsEncoded+res.Media.CardsReused != cards {
		t.Errorf("first build: %v, want 7 images and %d cards", res.Media, cards)
	}
	again := s.Build(opts)
	sitetest.AssertProblems(t, again)
	if again.Media.ImagesEncoded != 0 || again.Media.CardsEncoded != 0 || again.Media.ImagesReused != 7 || again.Media.CardsReused != cards {
		t.Errorf("second build: %v, want everything reused (first: %v)", again.Media, res.Media)
	}
	if _, err := os.Stat(filepath.Join(opts.CacheDir, "images", ".gitignore")); err != nil {
		t.Errorf("the cache is not git-ignored: %v", err)
	}
}

func decode(name string, b []byte) (image.Image, error) {
	switch filepath.Ext(name) {
	case ".webp":
		return webp.Decode(bytes.NewReader(b))
	case ".jpg":
		return jpeg.Decode(bytes.NewReader(b))
	}
	return png.Decode(bytes.NewReader(b))
}

// TestSocialCards checks a page's card: a 1200x630 PNG that og:image and
// the JSON-LD name, unless the page names its own image; and no cards at
// all when the site turns them off.
func TestSocialCards(t *testing.T) {
	s, opts := newImagesSite(t)
	s.WriteFile("content/guides/own.md", "---\ntitle: \"Own image\"\ndescription: \"A page that names its own social image, which wins over the generated card.\"\nimage: /img/flow.svg\n---\nText.\n")
	res := s.Build(opts)
	sitetest.AssertProblems(t, res)
	card := "https://example.com/docs/guides/plain/social-card.png"
	s.AssertFileContent("guides/plain/index.html", `<meta property="og:image" content="`+card+`">`,
		`<meta name="twitter:card" content="summary_large_image">`, `"image":"`+card+`"`,
		`<link rel="icon" href="/docs/favicon.svg" type="image/svg+xml">`)
	img, err := png.Decode(strings.NewReader(s.Read("guides/plain/social-card.png")))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Size() != (image.Point{1200, 630}) {
		t.Errorf("card is %v", img.Bounds().Size())
	}
	s.AssertFileContent("guides/own/index.html", `<meta property="og:image" content="https://example.com/docs/img/flow.svg">`, "! social-card.png")
	s.AssertFileContent("favicon.svg", "<svg")

	s.WriteFile("site.yaml", strings.Replace(imagesSite[strings.Index(imagesSite, "title:"):strings.Index(imagesSite, "-- content")], "title:", "social_cards: false\ntitle:", 1))
	res = s.Build(opts)
	sitetest.AssertProblems(t, res)
	s.AssertFileContent("guides/plain/index.html", `<meta property="og:image" content="https://acme.example/logo.svg">`, `<meta name="twitter:card" content="summary">`)
	if _, err := os.Stat(filepath.Join(s.Dest, "guides", "plain", "social-card.png")); err == nil {
		t.Error("a card was written with social_cards: false")
	}
}

// TestImageProblems: a missing image is an error and an image without alt
// text a warning, each at its line.
func TestImageProblems(t *testing.T) {
	s, opts := newImagesSite(t)
	s.WriteFile("content/guides/broken.md", "---\ntitle: \"Broken\"\ndescription: \"A page with a missing image and an image without alt text, each reported at its line.\"\n---\nIntro.\n\n![](/img/flow.svg)\n\nText ![Gone](gone.png) here.\n\n![Fake](/img/fake.png)\n")
	s.WriteFile("static/img/fake.png", "not an image")
	res := s.Build(opts)
	sitetest.AssertProblems(t, res,
		"content/guides/broken.md:7:1: warning: image /docs/img/flow.svg has no alt text",
		"content/guides/broken.md:9:6: error: image gone.png: no such file: looked for content/guides/broken/gone.png and static/guides/broken/gone.png",
		"content/guides/broken.md:11:1: error: image /docs/img/fake.png: static/img/fake.png is not an image playbook can read")
}
