// Package atomicfile writes files so that a reader, or a crash, sees either
// the old contents or the new ones, whole: never half of a file.
package atomicfile

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// Write replaces the file at path with data. The data goes to a temporary
// file in the same folder (a rename is atomic only within one file system),
// is synced to disk, given mode perm and then renamed over path. On error
// the temporary file is removed and path is left as it was.
func Write(path string, data []byte, perm fs.FileMode) (err error) {
	// The folder is path's as written, not cleaned: when a folder in it is
	// a link, "link/../x" is not in the folder that holds "link".
	dir := folderOf(path)
	if dir == "" {
		dir = "."
	}
	// CreateTemp makes the file with mode 0600, so nobody else can read
	// it even for the moment before Chmod.
	f, err := os.CreateTemp(dir, "."+baseOf(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if perm != 0o600 {
		if err := f.Chmod(perm); err != nil {
			return err
		}
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// IsTemp reports whether name (a base name) is one of Write's temporary
// files, which a killed process can leave behind.
func IsTemp(name string) bool {
	ok, _ := filepath.Match(".*.*.tmp", name)
	return ok
}

// syncDir makes a rename in dir durable. It is best effort: some systems
// (Windows among them) cannot sync a folder, and the rename has happened
// either way.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
