package write

import (
	"path"
	"path/filepath"

	"playbook/generator/diag"
)

func foreignProblem(dest string) diag.Problem {
	return diag.Errorf(dest, 0, 0, "choose another --dest or empty it",
		"output directory was not created by playbook (it is not empty and has no %s marker)", MarkerName)
}

func notDirProblem(dest string) diag.Problem {
	return diag.Errorf(dest, 0, 0, "choose another --dest or remove that file",
		"output path exists and is not a directory")
}

// collisionProblem reports a generated file p that would replace, or need
// a folder where there is, user entry u of the output directory dest.
func collisionProblem(dest, p, u string) diag.Problem {
	at := path.Join(filepath.ToSlash(dest), u)
	if u == p {
		return diag.Errorf(at, 0, 0, "move it to static/ or delete it",
			"playbook did not create this, and the build now generates a file at the same path")
	}
	return diag.Errorf(at, 0, 0, "move it to static/ or delete it",
		"playbook did not create this, and the build now generates %s, which needs this path", p)
}

func specialFileProblem(dest, p string) diag.Problem {
	return diag.Errorf(path.Join(filepath.ToSlash(dest), p), 0, 0, "move it out of the output directory",
		"playbook did not create this and cannot keep it: it is not a regular file, folder or symbolic link")
}
