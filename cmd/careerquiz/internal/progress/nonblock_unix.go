//go:build unix

package progress

import "syscall"

// openNonblock opens a FIFO without waiting for a writer, so that finding
// one where progress belongs cannot hang the quiz.
const openNonblock = syscall.O_NONBLOCK
