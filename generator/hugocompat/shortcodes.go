package hugocompat

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"playbook/generator/diag"
)

// shortcodeRe matches one shortcode tag: `{{< name args >}}`,
// `{{% name args %}}`, a closing `{{< /name >}}`, and Hugo's escaped form
// `{{</* name */>}}`, which stands for the tag's own text. Arguments may
// span lines.
var shortcodeRe = regexp.MustCompile(`(?s)\{\{([<%])(/\*)?\s*(/?)\s*([A-Za-z0-9_./-]+)(.*?)\s*(\*/)?([>%])\}\}`)

// Shortcodes removes the Hugo shortcodes from a page body. file is the
// page's path ("content/docs/install.md"), which relative refs start
// from; toURL maps a content file to its URL. Newlines inside a tag are
// kept, so the lines of the rest of the body do not move. Each opening
// tag but ref/relref gives a warning at its line, relative to body.
func Shortcodes(body []byte, file string, toURL func(file string) string) ([]byte, []diag.Problem) {
	if !bytes.Contains(body, []byte("{{")) {
		return body, nil
	}
	locs := shortcodeRe.FindAllSubmatchIndex(body, -1)
	if len(locs) == 0 {
		return body, nil
	}
	var out bytes.Buffer
	var probs []diag.Problem
	last := 0
	for _, m := range locs {
		out.Write(body[last:m[0]])
		last = m[1]
		tag := body[m[0]:m[1]]
		if m[4] >= 0 && m[12] >= 0 { // {{</* x */>}}: the literal tag
			out.WriteString("{{" + string(body[m[2]:m[3]]) + " ")
			out.Write(bytes.TrimSpace(body[m[6]:m[11]]))
			out.WriteString(" " + string(body[m[14]:m[15]]) + "}}")
			continue
		}
		closing := m[7] > m[6]
		name := string(body[m[8]:m[9]])
		args := string(body[m[10]:m[11]])
		switch {
		case !closing && (name == "ref" || name == "relref"):
			out.WriteString(refURL(args, file, toURL))
		case !closing:
			line, col := diag.LineCol(body, m[0])
			probs = append(probs, diag.Warnf("", line, col, advice(name),
				"Hugo shortcode %q is not supported; it is left out of the page", name))
		}
		out.Write(bytes.Repeat([]byte("\n"), bytes.Count(tag, []byte("\n"))))
	}
	out.Write(body[last:])
	return out.Bytes(), probs
}

// refURL resolves the page a ref names: its first argument, quoted or
// not, a content path with or without ".md", absolute from content/ or
// relative to the page's folder, and an optional "#anchor".
func refURL(args, file string, toURL func(string) string) string {
	target := firstArg(args)
	target, anchor, _ := strings.Cut(target, "#")
	if target == "" {
		if anchor != "" {
			return "#" + anchor
		}
		return ""
	}
	var p string
	if strings.HasPrefix(target, "/") {
		p = path.Join("content", target)
	} else {
		p = path.Join(path.Dir(file), target)
	}
	if path.Ext(p) == "" {
		p += ".md"
	}
	u := toURL(p)
	if anchor != "" {
		u += "#" + anchor
	}
	return u
}

// firstArg is a shortcode's first positional argument, unquoted.
func firstArg(args string) string {
	args = strings.TrimSpace(args)
	if len(args) > 0 && (args[0] == '"' || args[0] == '`') {
		if end := strings.IndexByte(args[1:], args[0]); end >= 0 {
			return args[1 : 1+end]
		}
	}
	first, _, _ := strings.Cut(args, " ")
	return first
}

// advice says what to write in playbook instead of a Hugo shortcode.
func advice(name string) string {
	switch strings.ToLower(name) {
	case "note", "info", "tip", "hint", "warning", "caution", "danger", "important", "admonition", "alert", "callout", "notice":
		return "write a callout block instead: ::: note (or tip, warning, key), the text, then :::"
	case "figure", "img", "image":
		return `write a Markdown image instead: ![description](/images/file.png "caption")`
	case "youtube", "vimeo", "tweet", "x", "instagram", "gist", "video":
		return "link to it instead: [title](https://...)"
	case "highlight", "code":
		return "write a fenced code block instead: ```language, the code, then ```"
	case "details", "expand", "collapse", "faq", "accordion":
		return "write a ::: faq block instead: ### Question, then the answer"
	case "tabs", "tab", "tabpane":
		return "write each tab as a ## heading and its text"
	case "param", "site-param":
		return "write the value in the text"
	}
	return "write its content as Markdown, or as a ::: block (note, tip, warning, key, answer, faq, steps)"
}
