package model

import (
	"path"
	"strings"

	"playbook/generator/diag"
)

// taxonomyURLs are where the tag and stage pages are published. No content
// page or folder may take them: two files would be written to one path.
var taxonomyURLs = []string{"/tags/", "/stages/"}

// folderClaims maps the list page URL of every content folder (in lower
// case, as URLs are compared) to the folder, so that no page and no other
// folder is published over it.
type folderClaims map[string]string

// claimFolders records the folders of the pages and drops the pages of a
// folder whose URL another folder already has (content/Guides/ and
// content/guides/ both list at /guides/) or that lies where the taxonomy
// pages go.
func claimFolders(pages []*Page, probs *diag.List) ([]*Page, folderClaims) {
	f := folderClaims{}
	// A folder claimed once passes again for the next page in it, with
	// nothing to report: thousands of pages share a few folders.
	claimed := map[string]bool{}
	kept := pages[:0]
	for _, p := range pages {
		dir, _, _, _ := pageDir(p.File)
		if claimed[dir] || f.claimDirs(p, dir, probs) {
			claimed[dir] = true
			kept = append(kept, p)
		}
	}
	return kept, f
}

// claimDirs claims the page's folder dir and its parents, or reports why
// one cannot be published.
func (f folderClaims) claimDirs(p *Page, dir string, probs *diag.List) bool {
	var dirs []string
	for d := dir; d != "" && d != "."; d = path.Dir(d) {
		url := sectionURL(d)
		key := strings.ToLower(url)
		if other, ok := f[key]; ok && other != d {
			probs.Add(diag.Errorf(p.File, 1, 1, "rename one of the folders so their names differ in more than case or punctuation",
				"the folder content/%s/ has the URL %s of the folder content/%s/", d, url, other))
			return false
		}
		if isTaxonomyURL(key) {
			probs.Add(diag.Errorf(p.File, 1, 1, "move the page to a folder with another name",
				"the folder content/%s/ would be published at %s, where playbook publishes its tag and stage pages", d, url))
			return false
		}
		if strings.Contains(url, "//") {
			probs.Add(diag.Errorf(p.File, 1, 1, "rename the folder with letters or digits in its name",
				"the folder content/%s/ gives an empty URL segment", d))
			return false
		}
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		f[strings.ToLower(sectionURL(d))] = d
	}
	return true
}

// free reports whether a content page may take its URL: not the list page
// of a folder (which _index.md describes) nor a taxonomy page.
func (f folderClaims) free(p *Page, probs *diag.List) bool {
	if _, _, _, list := pageDir(p.File); list {
		return true
	}
	key := strings.ToLower(p.URL)
	if d, ok := f[key]; ok {
		probs.Add(diag.Errorf(p.File, 1, 1, "rename the page, or make it the folder's list page content/"+d+"/_index.md",
			"the page's URL %s is the list page of the folder content/%s/", p.URL, d))
		return false
	}
	if isTaxonomyURL(key) {
		probs.Add(diag.Errorf(p.File, 1, 1, "rename the page or change its slug",
			"the page's URL %s is where playbook publishes its tag and stage pages", p.URL))
		return false
	}
	return true
}

func isTaxonomyURL(url string) bool {
	for _, t := range taxonomyURLs {
		if strings.HasPrefix(url, t) {
			return true
		}
	}
	return false
}
