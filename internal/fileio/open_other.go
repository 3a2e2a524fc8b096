//go:build !unix

package fileio

import "os"

// Windows has no FIFOs in the file system, and opening its named pipes or
// devices does not wait, so no flag is needed.
const openFlags = 0

func blocking(*os.File) error { return nil }
