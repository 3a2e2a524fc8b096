//go:build unix

package ask

import (
	"errors"
	"time"

	"golang.org/x/sys/unix"
)

// readable waits up to d for fd to have input.
func readable(fd uintptr, d time.Duration) (bool, error) {
	fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
	n, err := unix.Poll(fds, int(d.Milliseconds()))
	if errors.Is(err, unix.EINTR) {
		return false, nil
	}
	return n > 0, err
}
