//go:build !unix

package progress

// openNonblock is 0 where files are not opened Unix's way: Windows has no
// FIFOs in the file system, and its named pipes do not block an open.
const openNonblock = 0
