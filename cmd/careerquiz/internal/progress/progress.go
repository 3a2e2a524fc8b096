// Package progress keeps a person's place in an unfinished quiz, so that
// Ctrl-C, a closed terminal or a kill loses at most the answer being given.
//
// Progress is saved after every answer, one file per question bank, named by
// the bank's SHA-256: a changed bank is a different quiz and starts afresh,
// while two banks can each be resumed. Every save replaces the file
// atomically, so a crash mid-save leaves the previous state, never half of
// one.
//
// The package stores answers as the plain values of an answers file (see
// quiz.Bank.AnswerValues) and leaves converting them to the caller, so that
// a saved file is readable and checked by the same rules as --answers.
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
	"runtime"
	"strings"
)

// Version is the version of the saved progress format. A file of another
// version is refused rather than guessed at.
const Version = 1

// State is the saved progress of one quiz.
type State struct {
	// Version and Bank are set by Save: the format version and the SHA-256
	// (hex) of the bank the answers belong to.
	Version int    `json:"version"`
	Bank    string `json:"bank_sha256"`
	// Answers holds a value for every question, as quiz.Bank.AnswerValues
	// gives them. After Load, numbers are json.Number, so that
	// json.Marshal(Answers) reproduces the saved text exactly.
	Answers map[string]any `json:"answers"`
	// Next is the 0-based position, in the order the questions are asked,
	// of the question to ask next.
	Next int `json:"next"`
	// Shuffled and Seed reproduce the order of a shuffled quiz on resume.
	Shuffled bool  `json:"shuffled"`
	Seed     int64 `json:"seed"`
	// Answered is the number of questions answered (not skipped), for the
	// offer to resume.
	Answered int `json:"answered"`
}

// Dir returns the folder saved progress goes in: $XDG_STATE_HOME/careerquiz
// where that is set to an absolute path, and otherwise the usual place for
// per-user application state on goos. getenv and goos are passed in (as
// os.Getenv and runtime.GOOS) so that every platform's rule can be tested
// anywhere.
func Dir(getenv func(string) string, goos string) (string, error) {
	// The XDG base directory spec says relative paths are invalid and must
	// be ignored.
	if xdg := getenv("XDG_STATE_HOME"); xdg != "" && filepath.IsAbs(xdg) {
		return filepath.Join(xdg, "careerquiz"), nil
	}
	var base, from string
	switch goos {
	case "windows":
		base, from = getenv("LocalAppData"), "%LocalAppData%"
	case "darwin", "ios":
		if home := getenv("HOME"); home != "" {
			base = filepath.Join(home, "Library", "Application Support")
		}
		from = "$HOME"
	default:
		if home := getenv("HOME"); home != "" {
			base = filepath.Join(home, ".local", "state")
		}
		from = "$HOME"
	}
	if base == "" {
		return "", fmt.Errorf("cannot tell where to save progress: %s is not set; set XDG_STATE_HOME to a folder for saved progress", from)
	}
	return filepath.Join(base, "careerquiz"), nil
}

// Store saves and loads the progress of one bank.
type Store struct {
	dir  string
	bank string
	path string
}

// NewStore returns the store for the bank with the given SHA-256 (hex),
// keeping its file in dir. Nothing is touched on disk until Save.
func NewStore(dir, bankSHA256 string) *Store {
	return &Store{dir: dir, bank: bankSHA256, path: filepath.Join(dir, "progress-"+fileKey(bankSHA256)+".json")}
}

// fileKey is the part of the file name that names the bank: the first 16
// hex digits of its digest, which tell banks apart while keeping names
// short. Anything that is not such a digest is hashed, so that no bank can
// put a path separator in a file name.
func fileKey(digest string) string {
	if len(digest) >= 16 {
		if _, err := hex.DecodeString(digest[:16]); err == nil {
			return strings.ToLower(digest[:16])
		}
	}
	sum := sha256.Sum256([]byte(digest))
	return hex.EncodeToString(sum[:8])
}

// Path is the file the progress is saved in, for messages.
func (s *Store) Path() string { return s.path }

// tempPattern names the temporary files of a save, so that Clear can find
// ones a kill left behind.
func (s *Store) tempPattern() string { return filepath.Base(s.path) + ".*.tmp" }

// Save writes st, stamped with the format version and the store's bank. The
// state goes to a temporary file in the same folder, is synced to disk and
// then renamed over the old file, so that a reader (or a crash) sees either
// the old state or the new one, whole. The file is readable by its owner
// only: answers are personal.
func (s *Store) Save(st State) (err error) {
	st.Version = Version
	st.Bank = s.bank
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("saving progress: %w", err)
	}
	data = append(data, '\n')
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return fmt.Errorf("saving progress: %w", err)
	}
	// CreateTemp makes the file with mode 0600.
	f, err := os.CreateTemp(s.dir, s.tempPattern())
	if err != nil {
		return fmt.Errorf("saving progress: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("saving progress to %s: %w", f.Name(), err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("saving progress to %s: %w", f.Name(), err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("saving progress to %s: %w", f.Name(), err)
	}
	if err := os.Rename(f.Name(), s.path); err != nil {
		return fmt.Errorf("saving progress: %w", err)
	}
	syncDir(s.dir)
	return nil
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

// Load reads the saved progress. ok is false when there is none. A file that
// cannot be read as this bank's progress is an error naming the file; the
// caller decides whether to go on without it.
func (s *Store) Load() (st State, ok bool, err error) {
	data, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return State{}, false, nil
	}
	if err != nil {
		return State{}, false, fmt.Errorf("reading saved progress: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&st); err != nil {
		return State{}, false, s.unusable("is damaged", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return State{}, false, s.unusable("is damaged", errors.New("text after the end of the progress"))
	}
	switch {
	case st.Version == 0:
		return State{}, false, s.unusable("is not careerquiz progress", nil)
	case st.Version != Version:
		return State{}, false, s.unusable(fmt.Sprintf("has format version %d, not %d", st.Version, Version), nil)
	case st.Bank != s.bank:
		return State{}, false, s.unusable("belongs to another question bank", nil)
	case st.Next < 0 || st.Answered < 0 || st.Answers == nil:
		return State{}, false, s.unusable("is damaged", errors.New("missing or negative fields"))
	}
	return st, true, nil
}

func (s *Store) unusable(what string, cause error) error {
	if cause != nil {
		return fmt.Errorf("saved progress %s %s (%w); --restart discards it", s.path, what, cause)
	}
	return fmt.Errorf("saved progress %s %s; --restart discards it", s.path, what)
}

// Clear deletes the saved progress, along with any temporary file a killed
// save left behind. Progress that is not there is not an error.
func (s *Store) Clear() error {
	if err := os.Remove(s.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("clearing saved progress: %w", err)
	}
	// Matching names rather than globbing the path keeps a folder name
	// with glob characters in it from hiding the leftovers.
	entries, _ := os.ReadDir(s.dir)
	for _, e := range entries {
		if ok, _ := filepath.Match(s.tempPattern(), e.Name()); ok {
			os.Remove(filepath.Join(s.dir, e.Name()))
		}
	}
	return nil
}
