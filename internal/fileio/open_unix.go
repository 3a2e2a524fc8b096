//go:build unix

package fileio

import (
	"os"
	"syscall"
)

// openFlags open a name without waiting: without O_NONBLOCK, a FIFO with
// no writer would block the open for ever.
const openFlags = syscall.O_NONBLOCK | syscall.O_NOCTTY

// blocking makes reads of a regular file opened with openFlags block as
// usual again.
func blocking(f *os.File) error { return syscall.SetNonblock(int(f.Fd()), false) }
