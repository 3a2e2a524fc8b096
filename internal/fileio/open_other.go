//go:build !unix

package fileio

import (
	"os"
	"syscall"
)

// Errors that only Unix has are never matched here.
const (
	errENXIO   = syscall.Errno(0)
	errELOOP   = syscall.Errno(0)
	errENOTDIR = syscall.Errno(0)
	errEISDIR  = syscall.Errno(0)
)

// openRegular opens path and refuses what is not a regular file. Windows
// has no FIFOs in the file system, and opening its named pipes or devices
// does not wait, so no non-blocking open is needed.
func openRegular(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, notRegular{fi.Mode()}
	}
	return f, nil
}
