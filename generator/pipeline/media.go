package pipeline

import (
	"fmt"
	"strings"

	"playbook/generator/cards"
	"playbook/generator/config"
	"playbook/generator/diag"
	"playbook/generator/images"
	"playbook/generator/render"
	"playbook/generator/write"
)

// Media counts the image versions and social cards a run encoded and
// those it took from the cache.
type Media struct {
	ImagesEncoded, ImagesReused int64
	CardsEncoded, CardsReused   int64
}

// String renders "images 3 encoded, 0 reused · cards 12 encoded, 0 reused".
func (m Media) String() string {
	return fmt.Sprintf("images %d encoded, %d reused · cards %d encoded, %d reused",
		m.ImagesEncoded, m.ImagesReused, m.CardsEncoded, m.CardsReused)
}

// mediaRun is a run's card maker and where the image counters stood when
// it started.
type mediaRun struct {
	cards               *cards.Maker // nil: no cards this run
	imgEncoded, imgUsed int64
}

func (s *Session) startMedia(cfg *config.Site) mediaRun {
	var m mediaRun
	if !s.opts.NoEncode && cfg.SocialCards {
		m.cards = cards.NewMaker(render.CardStyle(cfg.Colors), s.cards)
	}
	m.imgEncoded, m.imgUsed = s.images.Counts()
	return m
}

func (m mediaRun) counts(p *images.Processor) Media {
	enc, used := p.Counts()
	out := Media{ImagesEncoded: enc - m.imgEncoded, ImagesReused: used - m.imgUsed}
	if m.cards != nil {
		out.CardsEncoded, out.CardsReused = m.cards.Counts()
	}
	return out
}

// themeFavicon reports whether the run writes the theme's favicon: the
// site names none and has no static/favicon.svg of its own.
func (s *Session) themeFavicon(cfg *config.Site) bool {
	return cfg.Favicon == "" && !s.exists("static/"+render.FaviconFile)
}

func (s *Session) writeFavicon(cfg *config.Site, sink write.Sink) error {
	if !s.themeFavicon(cfg) {
		return nil
	}
	return sink.Write(render.FaviconFile, render.FaviconSVG(cfg.Colors))
}

// withoutMissingImages drops the link check's report of an image that the
// parse already reported missing, with where it looked: one problem for
// one cause.
func withoutMissingImages(check diag.List, parse ParseProblems) diag.List {
	out := check[:0:0]
	for _, p := range check {
		if !strings.HasPrefix(p.Msg, "broken link ") || !reportedImage(parse[p.File], p.Line) {
			out = append(out, p)
		}
	}
	return out
}

func reportedImage(probs diag.List, line int) bool {
	for _, p := range probs {
		if p.Line == line && p.Severity == diag.Error && strings.HasPrefix(p.Msg, "image ") {
			return true
		}
	}
	return false
}

// ImageUsers are the content files showing one of the images at paths
// (site-relative): an edit of the image changes what they say of it.
func (s *Session) ImageUsers(paths []string) []string { return s.images.Users(paths) }
