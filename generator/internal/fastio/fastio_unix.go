//go:build linux || darwin || freebsd || netbsd || openbsd

package fastio

import (
	"io/fs"

	"golang.org/x/sys/unix"
)

// WriteFile creates or truncates name and writes data: open, write, close.
func WriteFile(name string, data []byte, perm fs.FileMode) error {
	fd, err := openRetry(name, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, uint32(perm.Perm()))
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			unix.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// ReadFile reads a regular file of at most limit bytes. With noFollow, a
// symlink as the last element fails with unix.ELOOP so the caller can
// check where it leads.
func ReadFile(name string, limit int64, noFollow bool) ([]byte, error) {
	return ReadFileInto(nil, name, limit, noFollow)
}

// ReadFileInto is ReadFile reading into buf's memory when it is big
// enough (buf's contents are replaced).
func ReadFileInto(buf []byte, name string, limit int64, noFollow bool) ([]byte, error) {
	flags := unix.O_RDONLY | unix.O_CLOEXEC
	if noFollow {
		flags |= unix.O_NOFOLLOW
	}
	fd, err := openRetry(name, flags, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	if st.Size > limit {
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrTooLarge}
	}
	return readAll(buf, fd, name, st.Size, limit)
}

// readAll reads to end of file; the size from fstat is a hint, since the
// file may change while it is read.
func readAll(buf []byte, fd int, name string, size, limit int64) ([]byte, error) {
	if int64(cap(buf)) < size+1 {
		buf = make([]byte, 0, size+1)
	}
	buf = buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := unix.Read(fd, buf[len(buf):cap(buf)])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, &fs.PathError{Op: "read", Path: name, Err: ErrTooLarge}
		}
	}
}

func openRetry(name string, flags int, perm uint32) (int, error) {
	for {
		fd, err := unix.Open(name, flags, perm)
		if err != unix.EINTR {
			return fd, err
		}
	}
}

// IsSymlinkErr reports whether err is what ReadFile returns with
// noFollow for a symlink.
func IsSymlinkErr(err error) bool {
	var pe *fs.PathError
	if pe, _ = err.(*fs.PathError); pe == nil {
		return false
	}
	return pe.Err == unix.ELOOP || pe.Err == unix.EMLINK
}
