package load

import (
	"errors"
	"fmt"
	"io/fs"

	"playbook/generator/diag"
)

// ErrOutside is the error of a path whose symlinks would lead out of the
// site folder. An absolute symlink counts as leading out even when it
// names a place inside: the folder must build the same wherever it is
// checked out.
var ErrOutside = errors.New("a symlink leads outside the site folder or is absolute")

// ErrLoop is the error of a path whose symlinks form a loop, or of a
// symlinked folder that contains itself.
var ErrLoop = errors.New("symlink loop")

// outsideFix is what to do about a symlink that leads out of the site.
const outsideFix = "symlinks must point inside the site folder, by a relative path; copy the file into the site instead"

type errTooLarge struct{ size int64 }

func (e errTooLarge) Error() string {
	if e.size <= MaxPageBytes+1 {
		return fmt.Sprintf("the file is over the %d MB limit for one page", MaxPageBytes>>20)
	}
	return fmt.Sprintf("the file is %d MB, over the %d MB limit for one page", e.size>>20, MaxPageBytes>>20)
}

// fileProblem turns a read error into a problem that says what to do.
func fileProblem(p string, err error) diag.Problem {
	var big errTooLarge
	switch {
	case errors.As(err, &big):
		return diag.Errorf(p, 0, 0, "split it into several pages or move the data to static/", "%s", big.Error())
	case errors.Is(err, ErrOutside):
		return diag.Errorf(p, 0, 0, outsideFix, "cannot read the file: %v", ErrOutside)
	case errors.Is(err, ErrLoop):
		return diag.Errorf(p, 0, 0, "remove the link or point it elsewhere", "cannot read the file: %v", ErrLoop)
	case errors.Is(err, fs.ErrNotExist):
		return diag.Errorf(p, 0, 0, "the file was removed while the build read it, or is a broken symlink; run the build again", "cannot read the file: it does not exist")
	case errors.Is(err, fs.ErrPermission):
		return diag.Errorf(p, 0, 0, "make the file readable", "cannot read the file: permission denied")
	default:
		return diag.Errorf(p, 0, 0, "check that it is a regular file the build can read", "cannot read the file: %v", err)
	}
}
