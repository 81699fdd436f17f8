package model

// knownFields are the front matter fields playbook reads, of any kind of
// page (the contract's, and the kinds' own).
var knownFields = []string{
	"title", "description", "date", "updated", "draft", "slug", "weight", "tags", "author", "stage", "type",
	"sources", "review_by", "image", "aliases", "keywords",
	"summary", "role", "use_when", "inputs", "expected_output", "qa_checklist", "follow_up", "cautions", "verticals",
	"vertical", "example", "workflow", "output", "metrics", "avoid", "calculator", "defaults", "questions",
}

// otherFields (lower case) are fields other generators (Hugo, Zola) read:
// kept for templates like any unknown field, and never taken for a typo.
var otherFields = []string{
	"categories", "series", "lastmod", "publishdate", "expirydate", "linktitle", "images", "layout", "url",
	"translationkey", "toc", "math", "menu", "cascade", "build", "markup", "outputs", "resources", "sitemap",
	"headless", "iscjklanguage", "audio", "videos", "extra", "template", "taxonomies", "authors",
}
