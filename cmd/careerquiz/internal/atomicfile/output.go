package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/careerquiz/careerquiz/internal/fileio"
	"github.com/careerquiz/careerquiz/internal/termsafe"
)

const (
	Stdout   = "-" // the name that stands for standard output, as in --output -
	maxLinks = 40  // the longest chain of symbolic links followed, as on Linux, so that a loop ends
)

// WriteOutput writes data where a command's --output names, as a careful
// tool would, and does no harm to what is there:
//
//   - "-" is stdout;
//   - a regular file is replaced atomically (Write), keeping its mode;
//   - a name that does not exist is created with mode perm;
//   - a symbolic link is followed, chains included, and its target is
//     replaced atomically in the target's folder (or created, for a link
//     to nothing), so the link stays a link;
//   - anything else that is there (a FIFO, /dev/null, a terminal), and
//     /dev/stdout or /dev/fd/N whatever it leads to, is written into as
//     it is (appended to), never replaced;
//   - a folder is refused.
//
// Every write and close is checked. On error the old file is as it was.
// Errors are *fileio.Error with a hint, worded to follow the name, which
// the caller puts first: "--output NAME: is a folder; name a file".
func WriteOutput(path string, data []byte, perm fs.FileMode, stdout io.Writer) error {
	if path == Stdout {
		if _, err := stdout.Write(data); err != nil {
			return writeError(err)
		}
		return nil
	}
	target, fi, into, err := place(path)
	switch {
	case err != nil:
		return err
	case into:
		return writeInto(path, data)
	case fi != nil:
		perm = fi.Mode().Perm()
	}
	if err := Write(target, data, perm); err != nil {
		return writeError(err)
	}
	return nil
}

// writeInto writes data into something that is not a regular file, as a
// shell's >> does, without creating or replacing anything. Appending
// matters where /dev/stdout leads to the file standard output was sent
// to: what the shell or the command wrote there before stays.
func writeInto(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return writeError(err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return writeError(err)
	}
	return nil
}

// place is what WriteOutput does with path: write into it as it is (into),
// or replace target, the regular file fi (nil where nothing is there yet)
// that path leads to. A folder is an error.
func place(path string) (target string, fi fs.FileInfo, into bool, err error) {
	target, fi, stands, err := resolve(path)
	switch {
	case err != nil:
		return "", nil, false, writeError(err)
	case stands:
		return path, nil, true, nil
	case fi == nil, fi.Mode().IsRegular():
		return target, fi, false, nil
	case fi.IsDir():
		return "", nil, false, &fileio.Error{Why: "is a folder; name a file", Err: fileio.ErrNotRegular,
			Hint: "name a file, in that folder or elsewhere"}
	}
	return path, nil, true, nil
}

// resolve follows path's symbolic links to what they end at, and returns
// that name with its information (nil when nothing is there). A relative
// link is taken from the link's folder, as the system does; names are not
// cleaned, since "link/.." is not the folder that holds "link". stands is
// set when a link on the way is in /dev or /proc (/dev/stdout, /dev/fd/3):
// it stands for an open file, to be written into as it is, never replaced,
// even where it ends at a regular file.
func resolve(path string) (target string, fi fs.FileInfo, stands bool, err error) {
	p := path
	for range maxLinks {
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			// Nothing is there; a file where a folder should be is
			// said by whoever looks at the folder.
			return p, nil, stands, nil
		}
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return p, fi, stands, err
		}
		if strings.HasPrefix(p, "/dev/") || strings.HasPrefix(p, "/proc/") {
			stands = true
		}
		to, err := os.Readlink(p)
		if err != nil {
			return p, nil, stands, err
		}
		if !filepath.IsAbs(to) {
			to = folderOf(p) + to
		}
		p = to
	}
	return p, nil, stands, errLinkLoop
}

var errLinkLoop = errors.New("too many levels of symbolic links")

// folderOf is the part of p up to and including its last separator, as
// written; "" for a name in the current folder.
func folderOf(p string) string {
	return p[:strings.LastIndexFunc(p, isSeparator)+1]
}

// writeError words a failure to write, with what to do next.
func writeError(err error) error {
	if fe := (*fileio.Error)(nil); errors.As(err, &fe) {
		return err
	}
	text := err.Error()
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		text = pe.Err.Error()
	}
	e := &fileio.Error{Err: err, Why: "cannot be written: " + text}
	switch {
	case errors.Is(err, errLinkLoop):
		e.Why, e.Hint = "cannot be written: its symbolic links go round in a loop", "point the link at a file, or name the file itself"
	case errors.Is(err, fs.ErrPermission):
		e.Hint = "name a file in a folder you can write to"
	case errors.Is(err, fs.ErrNotExist):
		e.Hint = "create the folder first, or name a file in a folder you can write to"
	case errors.Is(err, syscall.ENOSPC):
		e.Hint = "free some space, or name a file on another disk"
	default:
		e.Hint = "check that the place named can be written, or leave --output out to write to standard output"
	}
	return e
}

// CheckWritable reports, before any work is done and without changing
// anything, whether WriteOutput could write path: "-" always can; a link is
// judged by what it ends at; a FIFO or a device is judged only when written
// into, since opening a FIFO waits for a reader; a folder cannot be written;
// otherwise a file must be creatable in the folder. Errors are as
// WriteOutput's.
func CheckWritable(path string) error {
	if path == Stdout {
		return nil
	}
	target, _, into, err := place(path)
	if err != nil || into {
		return err
	}
	dir := folderOf(target)
	shown := strings.TrimRightFunc(dir, isSeparator)
	if dir == "" {
		dir, shown = ".", "."
	} else if shown == "" {
		shown = dir
	}
	const hint = "create the folder first, or name a file in a folder you can write to"
	fi, err := os.Stat(shown)
	switch {
	case errors.Is(err, syscall.ENOTDIR), err == nil && !fi.IsDir():
		return &fileio.Error{Why: fmt.Sprintf("%s is not a folder", termsafe.Name(shown)), Err: fs.ErrNotExist,
			Hint: "name a file in a folder, not under a file"}
	case errors.Is(err, fs.ErrNotExist):
		return &fileio.Error{Why: fmt.Sprintf("folder %s does not exist", termsafe.Name(shown)), Err: err, Hint: hint}
	case err != nil:
		return writeError(err)
	}
	// Permission bits do not tell the whole story (ACLs, read-only mounts,
	// running as root), so try what Write will do.
	f, err := os.CreateTemp(dir, "."+baseOf(target)+".*.tmp")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return &fileio.Error{Why: fmt.Sprintf("cannot write in folder %s: %v", termsafe.Name(shown), err), Err: err, Hint: hint}
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// baseOf is the part of p after its last separator.
func baseOf(p string) string { return p[strings.LastIndexFunc(p, isSeparator)+1:] }

// isSeparator says whether r ends a folder's name in a path: a slash
// everywhere, and the system's own separator too.
func isSeparator(r rune) bool { return r == '/' || r == filepath.Separator }
