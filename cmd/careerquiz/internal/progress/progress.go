// Package progress keeps a person's place in an unfinished quiz, so that
// Ctrl-C, a closed terminal or a kill loses at most the answer being given.
//
// Progress is saved after every move, one file per question bank. A bank is
// known by where it comes from: the built-in bank, or the file it was read
// from. Editing a bank (adding a comment, fixing a word) therefore keeps its
// progress, and Restore keeps the answers that still fit the edited bank.
// Every save replaces the file atomically, so a crash mid-save leaves the
// previous state, never half of one.
//
// The file is read like any file a stranger could have put there: regular
// files only, no larger than a bank, every field checked against the bank.
// A file that fails is set aside under another name, never deleted.
//
// One run at a time may hold a bank's progress: Lock takes a lock beside it
// that a second run sees, so two runs never share or clear each other's
// answers.
package progress

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/atomicfile"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/userdir"
	"github.com/careerquiz/careerquiz/quiz"
)

// Version is the version of the saved progress format. A file of another
// version is refused rather than guessed at.
const Version = 2

// BuiltIn is the key of the built-in bank.
const BuiltIn = "built-in"

// State is the saved progress of one quiz.
type State struct {
	// Version and Bank are set by Save: the format version and the key of
	// the bank (BuiltIn, or the bank file's absolute path).
	Version int    `json:"version"`
	Bank    string `json:"bank"`
	// SHA256 is the digest (hex) of the bank's bytes when the answers were
	// given; another digest on resume means the bank was edited since.
	SHA256 string `json:"bank_sha256"`
	// Answers holds a value for every question the person has been shown,
	// as in an answers file: option numbers, or "skip". After Load,
	// numbers are json.Number.
	Answers map[string]any `json:"answers"`
	// Picked holds the text of the options picked for each answered
	// question, so that answers survive options being reordered or added.
	Picked map[string][]string `json:"picked"`
	// Next is the 0-based position, in the order the questions are asked,
	// of the question on the screen; Question is its id ("" once every
	// question is done).
	Next     int    `json:"next"`
	Question string `json:"question,omitempty"`
	// Shuffled and Seed reproduce the order of a shuffled quiz on resume.
	Shuffled bool  `json:"shuffled"`
	Seed     int64 `json:"seed"`
	// Answered is the number of questions answered (not skipped), for the
	// offer to resume.
	Answered int `json:"answered"`
	// A quiz that may stop early (see scoring.Stopper) saves its stop
	// ("settled" or "quick"), the order it asks in by id (the stop
	// chooses it, so Shuffled and Seed cannot repeat it), whether the
	// person declined the offer to finish once the path was settled, and,
	// once it has stopped, End: the number of questions it asks in all,
	// the rest never being asked, with Chance, the quick stop's figure.
	Stop     string   `json:"stop,omitempty"`
	Order    []string `json:"order,omitempty"`
	Declined bool     `json:"declined,omitempty"`
	End      int      `json:"end,omitempty"`
	Chance   *float64 `json:"chance,omitempty"`
}

// Dir returns the folder saved progress goes in: $XDG_STATE_HOME/careerquiz
// where that is set to an absolute path, and otherwise the usual place for
// per-user application state on goos. getenv and goos are passed in (as
// os.Getenv and runtime.GOOS) so that every platform's rule can be tested
// anywhere.
func Dir(getenv func(string) string, goos string) (string, error) {
	return userdir.Dir(getenv, goos, userdir.Folder{XDG: "XDG_STATE_HOME", Unix: ".local/state", Purpose: "save progress", Holds: "saved progress"})
}

// Key names a bank for its progress: BuiltIn for the built-in bank, and the
// absolute path, links resolved, of a bank file, so that one file reached
// two ways is one quiz. A bank that is not a regular file (a pipe, as from
// `--questions <(…)`) has no lasting name, and is known by its digest
// instead.
func Key(path, sha256Hex string) string {
	if path == "" {
		return BuiltIn
	}
	fi, err := os.Stat(path)
	abs, aerr := filepath.Abs(path)
	if err != nil || aerr != nil || !fi.Mode().IsRegular() {
		return "sha256:" + sha256Hex
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return abs
}

// Store saves and loads the progress of one bank.
type Store struct {
	dir, key, path string
	lock           *flock.Flock
}

// NewStore returns the store for the bank with the given key (see Key),
// keeping its file in dir. Nothing is touched on disk until Lock or Save.
func NewStore(dir, key string) *Store {
	path := filepath.Join(dir, fileName(key))
	return &Store{dir: dir, key: key, path: path,
		lock: flock.New(strings.TrimSuffix(path, ".json")+".lock",
			flock.SetFlag(os.O_CREATE|os.O_RDWR|openNonblock), flock.SetPermissions(0o600))}
}

// fileName is the name of a bank's progress file: a fixed one for the
// built-in bank, and otherwise the first 16 hex digits of the key's digest,
// which tell banks apart while keeping names short and free of anything a
// path could hold.
func fileName(key string) string {
	if key == BuiltIn {
		return "progress-built-in.json"
	}
	sum := sha256.Sum256([]byte(key))
	return "progress-bank-" + hex.EncodeToString(sum[:8]) + ".json"
}

// Path is the file the progress is saved in, for messages.
func (s *Store) Path() string { return s.path }

// Lock takes the bank's lock for this run, without waiting. It reports
// false, with no error, when another run holds it: that run's progress is
// then not this run's to read, save or clear.
func (s *Store) Lock() (bool, error) {
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return false, err
	}
	return s.lock.TryLock()
}

// Unlock lets another run take the bank. The lock file stays: removing it
// would let two runs lock two different files of the same name.
func (s *Store) Unlock() { _ = s.lock.Unlock() }

// Save writes st, stamped with the format version and the store's bank,
// atomically; the file is readable by its owner only: answers are personal.
func (s *Store) Save(st State) error {
	st.Version = Version
	st.Bank = s.key
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return err
	}
	if err := atomicfile.Write(s.path, data, 0o600); err != nil {
		var le *os.LinkError
		if errors.As(err, &le) {
			if fi, serr := os.Lstat(s.path); serr == nil && fi.IsDir() {
				return fmt.Errorf("cannot replace %s: a folder is in its place", s.path)
			}
			return fmt.Errorf("cannot replace %s: %w", s.path, le.Err)
		}
		return err
	}
	return nil
}

// DamagedError is saved progress that cannot be used. Reason says why, in
// words for the person.
type DamagedError struct{ Path, Reason string }

func (e *DamagedError) Error() string {
	return fmt.Sprintf("saved progress %s is damaged: %s", e.Path, e.Reason)
}

// Load reads the saved progress. ok is false when there is none. A file
// that is not this bank's progress in this format is a *DamagedError; see
// SetAside. Only the file's own fields are checked here: Restore checks
// them against the bank.
func (s *Store) Load() (st State, ok bool, err error) {
	data, err := readRegular(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return State{}, false, nil
	}
	if err != nil {
		return State{}, false, s.damaged("%v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&st); err != nil {
		return State{}, false, s.damaged("%v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return State{}, false, s.damaged("text after the end of the progress")
	}
	switch {
	case st.Version == 0:
		return State{}, false, s.damaged("not careerquiz progress")
	case st.Version != Version:
		return State{}, false, s.damaged("format version %d, not %d", st.Version, Version)
	case st.Bank != s.key:
		return State{}, false, s.damaged("it belongs to another question bank")
	case st.Next < 0 || st.Answered < 0 || st.Answers == nil:
		return State{}, false, s.damaged("missing or negative fields")
	}
	return st, true, nil
}

func (s *Store) damaged(format string, args ...any) error {
	return &DamagedError{Path: s.path, Reason: fmt.Sprintf(format, args...)}
}

// errNotRegular is a progress path that holds something other than a
// regular file; its message is the whole reason.
type errNotRegular struct{ what string }

func (e errNotRegular) Error() string { return e.what }

// readRegular reads a file that must be a regular file of at most
// quiz.MaxSize bytes. Anything else (a FIFO, which would block; a device
// such as /dev/zero, which never ends; a folder; a link to any of these)
// is refused before a byte is read. The file is opened without waiting and
// checked again once open, so that nothing swapped in between can block.
func readRegular(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		if _, lerr := os.Lstat(path); lerr == nil && errors.Is(err, fs.ErrNotExist) {
			return nil, errNotRegular{"a link to nothing"}
		}
		return nil, err
	}
	if err := checkRegular(fi); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := checkRegular(fi); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, quiz.MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > quiz.MaxSize {
		return nil, errNotRegular{"larger than 16 MiB"}
	}
	return data, nil
}

func checkRegular(fi fs.FileInfo) error {
	m := fi.Mode()
	switch {
	case m.IsRegular() && fi.Size() > quiz.MaxSize:
		return errNotRegular{fmt.Sprintf("larger than 16 MiB (%d bytes)", fi.Size())}
	case m.IsRegular():
		return nil
	case m.IsDir():
		return errNotRegular{"a folder, not a file"}
	case m&fs.ModeNamedPipe != 0:
		return errNotRegular{"a named pipe, not a file"}
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return errNotRegular{"a device, not a file"}
	}
	return errNotRegular{"not a regular file"}
}

// SetAside moves damaged progress out of the way under a name of its own,
// so that nothing is lost and the next save does not replace it. It
// returns the new name.
func (s *Store) SetAside(now time.Time) (string, error) {
	aside := strings.TrimSuffix(s.path, ".json") + ".damaged-" + now.UTC().Format("20060102T150405Z")
	if _, err := os.Lstat(aside); err == nil {
		aside += fmt.Sprintf("-%d", now.UnixNano())
	}
	if err := os.Rename(s.path, aside); err != nil {
		return "", err
	}
	return aside, nil
}

// Clear deletes the saved progress, along with any temporary file a killed
// save left behind. Progress that is not there is not an error.
func (s *Store) Clear() error {
	if err := os.Remove(s.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	// Matching names rather than globbing the path keeps a folder name
	// with glob characters in it from hiding the leftovers.
	base := filepath.Base(s.path)
	entries, _ := os.ReadDir(s.dir)
	for _, e := range entries {
		if name := e.Name(); atomicfile.IsTemp(name) && strings.HasPrefix(name, "."+base+".") {
			os.Remove(filepath.Join(s.dir, name))
		}
	}
	return nil
}

// RemoveOrphans deletes, from dir, the progress of bank files that no
// longer exist, and progress in an earlier format, which named banks by
// their bytes and so belongs to no bank now. Progress another run holds,
// and anything that is not plainly careerquiz progress, is left alone. It
// returns the files removed.
func RemoveOrphans(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "progress-") || !strings.HasSuffix(name, ".json") || name == fileName(BuiltIn) {
			continue
		}
		path := filepath.Join(dir, name)
		data, err := readRegular(path)
		if err != nil {
			continue
		}
		var head struct {
			Version int    `json:"version"`
			Bank    string `json:"bank"`
			SHA256  string `json:"bank_sha256"`
		}
		if json.Unmarshal(data, &head) != nil {
			continue
		}
		switch {
		case head.Version == 1 && head.SHA256 != "":
			// The earlier format took no lock.
			if os.Remove(path) == nil {
				removed = append(removed, path)
			}
			continue
		case head.Version != Version || !filepath.IsAbs(head.Bank) || fileName(head.Bank) != name:
			continue
		}
		if _, err := os.Stat(head.Bank); !errors.Is(err, fs.ErrNotExist) {
			continue
		}
		s := NewStore(dir, head.Bank)
		if ok, err := s.lock.TryLock(); err != nil || !ok {
			continue
		}
		if os.Remove(path) == nil {
			removed = append(removed, path)
		}
		s.lock.Unlock()
		os.Remove(s.lock.Path())
	}
	return removed
}
