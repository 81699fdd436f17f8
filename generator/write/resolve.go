package write

import (
	"io/fs"
	"path"
	"strings"

	"playbook/generator/diag"
)

// resolve follows every symbolic link in name, a path under c.root, and
// returns a path free of links. It fails when a link leads outside root,
// which would publish files the site does not hold (a private key, say).
func (c *copier) resolve(name string) (string, error) {
	cur, rest := c.root, splitUnder(c.root, name)
	for hops := 0; len(rest) > 0; {
		next := path.Join(cur, rest[0])
		rest = rest[1:]
		fi, err := fs.Lstat(c.src, next)
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			cur = next
			continue
		}
		if hops++; hops > maxLinkHops {
			return "", loopProblem(name)
		}
		target, err := fs.ReadLink(c.src, next)
		if err != nil {
			return "", err
		}
		joined := path.Join(cur, target) // a relative target starts at the link's folder
		if path.IsAbs(target) || !within(c.root, joined) {
			return "", diag.Errorf(name, 0, 0, "copy the file into "+c.root+"/ instead of linking to it, or remove the link",
				"symbolic link points outside %s/ (to %s), so it is not copied", c.root, target)
		}
		cur, rest = c.root, append(splitUnder(c.root, joined), rest...)
	}
	return cur, nil
}

// splitUnder returns the elements of p below root; p is within root.
func splitUnder(root, p string) []string {
	if p == root {
		return nil
	}
	if root != "." {
		p = strings.TrimPrefix(p, root+"/")
	}
	return strings.Split(p, "/")
}

// within reports whether the clean path p is root or below it.
func within(root, p string) bool {
	if root == "." {
		return p != ".." && !strings.HasPrefix(p, "../")
	}
	return p == root || strings.HasPrefix(p, root+"/")
}

func loopProblem(name string) diag.Problem {
	return diag.Errorf(name, 0, 0, "remove the link or point it elsewhere",
		"symbolic link loop, so it is not copied")
}
