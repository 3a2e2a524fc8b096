// Package fileio reads the files named on careerquiz's command line (banks,
// answers files, results) so that no name can hang it or eat its memory:
// only regular files are read, a FIFO or a device is refused at once
// without waiting for a writer, and what is read is bounded. Its errors say
// what the name is and what to do about it, and show the name with
// termsafe.Name, so that a file name cannot forge a line of a message.
package fileio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/careerquiz/careerquiz/internal/termsafe"
)

// Error is a file that could not be read or written, or any other error
// given a hint (cli.WithHint), and what the person can do about it.
type Error struct {
	Path string // the name as given; empty where the caller puts it first ("--output NAME: …")
	Why  string // what is wrong, worded to follow the name: "is a folder, not a file"
	Hint string // what to do next, for a `careerquiz: hint:` line; may be empty
	// Err is the cause, for errors.Is: ErrNotRegular, ErrTooLarge,
	// fs.ErrNotExist, fs.ErrPermission or the system's own error.
	Err error
}

func (e *Error) Error() string {
	if e.Path == "" {
		return e.Why
	}
	return termsafe.Name(e.Path) + ": " + e.Why
}
func (e *Error) Unwrap() error { return e.Err }

// Hint returns the hint of the first *Error in err's chain, or "".
func Hint(err error) string {
	if fe := (*Error)(nil); errors.As(err, &fe) {
		return fe.Hint
	}
	return ""
}

// Why is what err says of a file, worded to follow its name: an *Error's
// Why, or "cannot be read: " and the error's own words.
func Why(err error) string {
	if fe := (*Error)(nil); errors.As(err, &fe) {
		return fe.Why
	}
	return "cannot be read: " + errText(err)
}

var (
	// ErrNotRegular is wrapped by the error for a name that is not a
	// regular file: a folder, a FIFO, a device, a socket.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge is wrapped by the error for a file over the size limit.
	ErrTooLarge = errors.New("file too large")
)

// Hints shared by several errors; HintNotExist is the hint of any error
// for a name that does not exist.
const (
	hintPipe     = "pass - and pipe it in instead"
	HintNotExist = "check the file's name and folder: a name without a folder is looked for in the current one"
)

// Open opens path for reading if it is a regular file, or a link to one,
// and refuses anything else without waiting (openFlags). What is judged is
// the file once open, so nothing swapped in after a look can slip through;
// only then are a regular file's reads made to block.
func Open(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, describe(path, err)
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = notRegularError(path, fi.Mode())
	} else if err == nil {
		err = blocking(f)
	}
	if err != nil {
		f.Close()
		return nil, describe(path, err)
	}
	return f, nil
}

// ReadFile reads the regular file at path, refusing it, before reading it
// when its size is known and while reading otherwise, if it holds more than
// limit bytes.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > limit {
		return nil, tooLarge(path, limit, fi.Size())
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, describe(path, err)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(path, limit, -1)
	}
	return data, nil
}

const (
	Stdin     = "-"              // the name that stands for standard input on the command line
	StdinName = "standard input" // what messages call it
)

// ReadInput reads the file at path as ReadFile does, or stdin for "-",
// bounded by limit either way. name is what messages call it: the path
// (termsafe.Name), or "standard input".
func ReadInput(path string, stdin io.Reader, limit int64) (name string, data []byte, err error) {
	if path != Stdin {
		data, err = ReadFile(path, limit)
		return termsafe.Name(path), data, err
	}
	data, err = io.ReadAll(io.LimitReader(stdin, limit+1))
	switch {
	case err != nil:
		return StdinName, nil, &Error{Path: StdinName, Why: "cannot be read: " + errText(err), Err: err}
	case int64(len(data)) > limit:
		e := tooLarge(StdinName, limit, -1)
		e.Hint = "check what is piped in: careerquiz reads text files of a few kilobytes"
		return StdinName, nil, e
	}
	return StdinName, data, nil
}

// tooLarge is the error for a file over limit bytes; size is -1 when only
// reading found it out.
func tooLarge(path string, limit, size int64) *Error {
	why := "file is larger than " + sizeText(limit)
	if size >= 0 {
		why += fmt.Sprintf(" (%d bytes)", size)
	}
	return &Error{Path: path, Why: why, Err: ErrTooLarge,
		Hint: "check the name: careerquiz reads text files of a few kilobytes, and this is not one"}
}

// sizeText says a limit in MiB where it is a whole number of them, as
// every limit of careerquiz is: 16 MiB; otherwise in bytes.
func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// describe turns an error from opening or reading path into an *Error
// that says what the name is and what to do.
func describe(path string, err error) error {
	if fe := (*Error)(nil); errors.As(err, &fe) {
		return err
	}
	e := &Error{Path: path, Err: err}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		e.Why, e.Hint = "does not exist", HintNotExist
		if fi, lerr := os.Lstat(path); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			e.Why = "is a symbolic link to nothing: what it points to does not exist"
			e.Hint = "point the link at a file, or name the file itself"
		}
	case errors.Is(err, fs.ErrPermission):
		e.Why = "cannot be read: permission denied"
		e.Hint = "make the file readable to you (chmod u+r), or copy it somewhere you can read it"
	case errors.Is(err, syscall.ENXIO):
		// Opening a socket fails this way; say what it is if it is one.
		if fi, serr := os.Stat(path); serr == nil && !fi.Mode().IsRegular() {
			return notRegularError(path, fi.Mode())
		}
		e.Why = "cannot be read: " + errText(err)
	case errors.Is(err, syscall.ELOOP):
		e.Why = "cannot be read: its symbolic links go round in a loop"
		e.Hint = "point the link at a file, or name the file itself"
	case errors.Is(err, syscall.ENOTDIR):
		e.Why = "does not exist: a part of it before the last is a file, not a folder"
		e.Hint = HintNotExist
	case errors.Is(err, syscall.EISDIR):
		return notRegularError(path, fs.ModeDir)
	default:
		e.Why = "cannot be read: " + errText(err)
	}
	return e
}

// errText is an error's own words, without the operation and path an
// *fs.PathError repeats.
func errText(err error) string {
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// notRegularError says what a name that is not a regular file is, and
// what to do instead of naming it.
func notRegularError(path string, m fs.FileMode) *Error {
	const here = ": careerquiz reads only regular files here"
	e := &Error{Path: path, Err: ErrNotRegular, Hint: "name a regular file, or " + hintPipe}
	switch {
	case m.IsDir():
		e.Why, e.Hint = "is a folder, not a file", "name a file in it"
	case m&fs.ModeNamedPipe != 0:
		e.Why, e.Hint = "is a FIFO (named pipe)"+here, hintPipe
	case m&fs.ModeCharDevice != 0:
		e.Why = "is a device (character device)" + here
	case m&fs.ModeDevice != 0:
		e.Why = "is a device (block device)" + here
	case m&fs.ModeSocket != 0:
		e.Why = "is a socket" + here
	default:
		e.Why = "is not a regular file" + here
	}
	return e
}

// Walk calls fn for root when root is not a folder, and otherwise for every
// entry under root, in lexical order, whose name match accepts. A regular
// file, or a link to one, comes with a nil error; anything else with an
// *Error from CheckEntry, found without opening it, so that a FIFO or a
// device cannot hang the walk. Folders are walked into, links to them are
// not; a folder that cannot be read comes with its error, unwalked. The walk
// stops at the first error fn returns.
func Walk(root string, match func(name string) bool, fn func(path string, err error) error) error {
	fi, err := os.Stat(root)
	if err != nil {
		return fn(root, describe(root, err))
	}
	if !fi.IsDir() {
		return fn(root, CheckEntry(root, fs.FileInfoToDirEntry(fi)))
	}
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return fn(path, describe(path, err))
		case d.IsDir(), !match(d.Name()):
			return nil
		}
		return fn(path, CheckEntry(path, d))
	})
}

// CheckEntry says, without opening it, whether d, found at path in a
// folder's listing, is a regular file or a link to one: nil if so, and
// otherwise an *Error saying what it is. A link to a folder is not
// followed: inside a folder, it could lead round in a loop.
func CheckEntry(path string, d fs.DirEntry) error {
	m := d.Type()
	if m&fs.ModeSymlink != 0 {
		fi, err := os.Stat(path)
		if err != nil {
			return describe(path, err)
		}
		if fi.IsDir() {
			return &Error{Path: path, Err: ErrNotRegular,
				Why:  "is a link to a folder, which is not followed inside a folder",
				Hint: "name the folder it points to on its own"}
		}
		m = fi.Mode()
	}
	if m.IsRegular() {
		return nil
	}
	return notRegularError(path, m)
}
