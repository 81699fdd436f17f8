package images

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"image/png"
	"io/fs"
	"maps"
	"runtime"
	"slices"
	"sync"

	"github.com/gen2brain/webp"
	"golang.org/x/image/draw"

	"playbook/generator/write"
)

// job is the versions of one original image.
type job struct {
	src  string // site path of the original
	out  string // output path of the original
	hash [32]byte
	info Info
	v    variants
}

// version is one file a job writes.
type version struct {
	width  int // 0: full size
	format string
}

func (j *job) versions() []version {
	var out []version
	for _, w := range j.v.widths {
		out = append(out, version{w, j.info.Format})
		if j.v.webp && j.info.Format != "webp" {
			out = append(out, version{w, "webp"})
		}
	}
	if j.v.webp && j.info.Format != "webp" {
		out = append(out, version{0, "webp"})
	}
	return out
}

// Write writes the versions of the images attached since the last Write
// (all of them with all set) into sink, over all cores, each taken from
// the cache when it is there and encoded (and cached) when not.
func (p *Processor) Write(ctx context.Context, sink write.Sink, all bool) error {
	p.mu.Lock()
	var todo []*job
	for _, out := range slices.Sorted(maps.Keys(p.jobs)) {
		if all || p.pending[out] {
			todo = append(todo, p.jobs[out])
		}
	}
	clear(p.pending)
	p.mu.Unlock()
	work := make(chan *job)
	errs := make([]error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() {
			for j := range work {
				if err := p.writeJob(j, sink); err != nil && errs[i] == nil {
					errs[i] = err
				}
			}
		})
	}
	for _, j := range todo {
		if ctx.Err() != nil {
			break
		}
		work <- j
	}
	close(work)
	wg.Wait()
	return firstErr(append(errs, ctx.Err()))
}

func firstErr(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// writeJob writes one image's versions; the original is decoded at most
// once, and only when a version is not in the cache.
func (p *Processor) writeJob(j *job, sink write.Sink) error {
	var src image.Image
	for _, v := range j.versions() {
		key := j.cacheKey(v.width, v.format)
		b, ok := p.cache.Get(key)
		if ok {
			p.reused.Add(1)
		} else {
			if src == nil {
				var err error
				if src, err = p.decode(j); err != nil {
					return err
				}
			}
			var err error
			if b, err = encode(resize(src, v.width), v.format, j.v.quality); err != nil {
				return err
			}
			p.cache.Put(key, b)
			p.encoded.Add(1)
		}
		name := versionName(j.out, v.width, v.format)
		if err := sink.Write(name, b); err != nil {
			return err
		}
	}
	return nil
}

func (p *Processor) decode(j *job) (image.Image, error) {
	b, err := fs.ReadFile(p.fsys, j.src)
	if err != nil {
		return nil, err
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	return img, err
}

// resize scales img to width (0: as it is), keeping its proportions.
func resize(img image.Image, width int) image.Image {
	b := img.Bounds()
	if width <= 0 || width >= b.Dx() {
		return img
	}
	height := max(1, (b.Dy()*width+b.Dx()/2)/b.Dx())
	dst := image.NewRGBA(image.Rect(0, 0, width, height))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	return dst
}

func encode(img image.Image, format string, quality int) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch format {
	case "png":
		err = (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, img)
	case "jpeg":
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality})
	case "webp":
		err = webp.Encode(&buf, img, webp.Options{Quality: quality, Method: 4})
	}
	return buf.Bytes(), err
}
