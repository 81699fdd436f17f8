package load

import (
	"errors"
	"fmt"
	"io/fs"

	"playbook/generator/diag"
)

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
	case errors.Is(err, fs.ErrNotExist):
		return diag.Errorf(p, 0, 0, "the file was removed while the build read it, or is a broken symlink; run the build again", "cannot read the file: it does not exist")
	case errors.Is(err, fs.ErrPermission):
		return diag.Errorf(p, 0, 0, "make the file readable", "cannot read the file: permission denied")
	default:
		return diag.Errorf(p, 0, 0, "symlinks must point inside the site folder; copy the file into content/ instead", "cannot read the file: %v", err)
	}
}
