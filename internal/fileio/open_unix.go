//go:build unix

package fileio

import (
	"errors"
	"os"
	"syscall"
)

// openRegular opens path without waiting (O_NONBLOCK: a FIFO with no
// writer would otherwise block the open for ever), judges what was opened
// with fstat, and only then, for a regular file, makes reads block as
// usual again.
func openRegular(path string) (*os.File, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC|syscall.O_NOCTTY, 0)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		syscall.Close(fd)
		return nil, &os.PathError{Op: "stat", Path: path, Err: err}
	}
	f := os.NewFile(uintptr(fd), path)
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		fi, err := f.Stat()
		f.Close()
		if err != nil {
			return nil, err
		}
		return nil, notRegular{fi.Mode()}
	}
	if err := syscall.SetNonblock(fd, false); err != nil {
		f.Close()
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return f, nil
}
