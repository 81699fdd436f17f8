package load

import (
	"io/fs"
	"os"

	"golang.org/x/sys/unix"

	"playbook/generator/internal/fastio"
)

// beneath is how paths are resolved: never above the folder's own fd,
// nor through /proc's magic links. The kernel checks every element,
// symlinks included, in the one openat2 call that opens the file.
const beneath = unix.RESOLVE_BENEATH | unix.RESOLVE_NO_MAGICLINKS

// openConfined opens dir with openat2 when the kernel has it (Linux 5.6)
// and with os.Root when it does not or a sandbox forbids it.
func openConfined(dir string) (opener, error) {
	fd, err := unix.Open(dir, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	d := os.NewFile(uintptr(fd), dir)
	b := &beneathOpener{dir: d, fd: fd}
	if fd, err := b.openFd(".", unix.O_PATH); err == nil {
		unix.Close(fd)
		return b, nil
	}
	d.Close()
	return openRoot(dir)
}

// beneathOpener confines paths with openat2 and RESOLVE_BENEATH.
type beneathOpener struct {
	dir *os.File // holds fd open; its Close is safe to call twice
	fd  int
}

// openFd is the one call that opens a path of the site folder.
func (b *beneathOpener) openFd(name string, flags int) (int, error) {
	how := unix.OpenHow{Flags: uint64(flags | unix.O_CLOEXEC), Resolve: beneath}
	for tries := 0; ; tries++ {
		fd, err := unix.Openat2(b.fd, name, &how)
		// EAGAIN: a rename raced a ".." in a symlink; the kernel asks
		// for another try rather than risk an escape.
		if err == unix.EINTR || (err == unix.EAGAIN && tries < 8) {
			continue
		}
		if err != nil {
			return -1, &fs.PathError{Op: "open", Path: name, Err: confinedErrno(err)}
		}
		return fd, nil
	}
}

// confinedErrno names a refusal of openat2 the way every opener does.
func confinedErrno(err error) error {
	switch err {
	case unix.EXDEV:
		return ErrOutside
	case unix.ELOOP:
		return ErrLoop
	}
	return err
}

func (b *beneathOpener) open(name string) (*os.File, error) {
	fd, err := b.openFd(name, unix.O_RDONLY)
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), name), nil
}

// stat opens the path itself (O_PATH), not its content, so a file the
// build may not read or a FIFO can still be described.
func (b *beneathOpener) stat(name string, follow bool) (fs.FileInfo, error) {
	flags := unix.O_PATH
	if !follow {
		flags |= unix.O_NOFOLLOW
	}
	fd, err := b.openFd(name, flags)
	if err != nil {
		return nil, err
	}
	f := os.NewFile(uintptr(fd), name)
	defer f.Close()
	return f.Stat()
}

// readFile takes four calls: openat2, fstat, read until end, close.
// O_NONBLOCK opens a FIFO at once, to be refused as not a regular file
// rather than hang the build; it changes nothing for a regular file.
func (b *beneathOpener) readFile(buf []byte, name string, limit int64) ([]byte, error) {
	fd, err := b.openFd(name, unix.O_RDONLY|unix.O_NONBLOCK)
	if err != nil {
		return nil, err
	}
	defer unix.Close(fd)
	return fastio.ReadFd(buf, fd, name, limit)
}

// readLink opens the link itself and reads it through the descriptor.
func (b *beneathOpener) readLink(name string) (string, error) {
	fd, err := b.openFd(name, unix.O_PATH|unix.O_NOFOLLOW)
	if err != nil {
		return "", err
	}
	defer unix.Close(fd)
	buf := make([]byte, unix.PathMax)
	n, err := unix.Readlinkat(fd, "", buf)
	if err == unix.ENOENT { // the descriptor is not of a symlink
		err = unix.EINVAL
	}
	if err != nil {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: err}
	}
	return string(buf[:n]), nil
}

func (b *beneathOpener) close() error { return b.dir.Close() }
