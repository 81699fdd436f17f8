//go:build linux || darwin || freebsd || netbsd || openbsd

package fastio

import (
	"io"
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

// ReadFd reads the regular file open as fd, of at most limit bytes,
// into buf's memory when it is big enough: fstat, then reads to end of
// file. name is for errors. fd stays open.
func ReadFd(buf []byte, fd int, name string, limit int64) ([]byte, error) {
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	return ReadAll(buf, fdReader(fd), name, st.Size, limit)
}

// fdReader reads a file descriptor with bare read calls, without the
// poller an os.File registers with.
type fdReader int

func (fd fdReader) Read(p []byte) (int, error) {
	for {
		n, err := unix.Read(int(fd), p)
		switch {
		case err == unix.EINTR:
			continue
		case err != nil:
			return 0, err
		case n == 0 && len(p) > 0:
			return 0, io.EOF
		}
		return n, nil
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
