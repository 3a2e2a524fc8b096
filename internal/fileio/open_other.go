//go:build !unix

package fileio

import "os"

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
