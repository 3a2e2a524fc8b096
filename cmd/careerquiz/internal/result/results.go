// Package result is the result document and the kept results: it keeps finished quizzes, so that a person who retakes the
// quiz as they learn can see what moved.
//
// A kept result is the JSON result document exactly as --json writes it,
// with one member added in front: "taken", the time the quiz was finished
// (RFC 3339). It is still a result document, so it can be replayed with
// --answers, read by stats and held to the result schema. Each result is a
// file of its own in one folder, written atomically and readable by its
// owner only: answers are personal.
//
// Reading is tolerant: a damaged file, or one that is not a careerquiz
// result, is named and skipped, never deleted. The person may have put it
// there, and an attempt that cannot be read today may be readable by
// another version.
package result

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/atomicfile"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/userdir"
	"github.com/careerquiz/careerquiz/quiz"
)

// maxSize bounds what is read of one file. A real result is a few
// kilobytes; a big file in the folder is something else, and is named as
// such rather than read into memory.
const maxSize = 4 << 20

// TimeFormat is how "taken" is written: RFC 3339 in UTC, to the
// millisecond, so that two attempts a moment apart still sort.
const TimeFormat = "2006-01-02T15:04:05.000Z07:00"

// Dir returns the folder results are kept in: $XDG_DATA_HOME/careerquiz/results
// where that is set to an absolute path, and otherwise the usual place for
// per-user application data on goos. getenv and goos are passed in (as
// os.Getenv and runtime.GOOS) so that every platform's rule can be tested
// anywhere.
func Dir(getenv func(string) string, goos string) (string, error) {
	return userdir.Dir(getenv, goos, userdir.Folder{XDG: "XDG_DATA_HOME", Unix: ".local/share", Purpose: "keep results", Holds: "kept results"}, "results")
}

// Save keeps one result in dir, which it creates (for its owner only) if
// need be, and returns the file's path. doc is the JSON result document as
// --json writes it; taken is when the quiz was finished. The file is named
// after taken, so that a listing of the folder reads in order, and never
// replaces another result.
func Save(dir string, doc []byte, taken time.Time) (string, error) {
	data, err := stamp(doc, taken)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	// Colons are not allowed in file names on Windows.
	base := "result-" + taken.UTC().Format("2006-01-02T15-04-05.000Z")
	path := filepath.Join(dir, base+".json")
	for n := 2; ; n++ {
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			break
		}
		path = filepath.Join(dir, fmt.Sprintf("%s-%d.json", base, n))
	}
	if err := atomicfile.Write(path, data, 0o600); err != nil {
		return "", err
	}
	return path, nil
}

// stamp puts "taken" in front of the members of the JSON object doc,
// leaving the rest of the document byte for byte as it was.
func stamp(doc []byte, taken time.Time) ([]byte, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(doc, &obj); err != nil || obj == nil {
		return nil, fmt.Errorf("keeping a result: not a JSON object: %v", err)
	}
	if _, ok := obj["taken"]; ok {
		return nil, errors.New(`keeping a result: the document already has "taken"`)
	}
	rest := bytes.TrimLeft(doc, " \t\r\n")[1:] // after the '{' Unmarshal has seen
	member := `"taken": "` + taken.UTC().Format(TimeFormat) + `"`
	if len(obj) == 0 {
		return append([]byte("{\n  "+member+"\n"), bytes.TrimLeft(rest, " \t\r\n")...), nil
	}
	return append([]byte("{\n  "+member+","), rest...), nil
}

// Attempt is one result, as history and compare use it. Numbers are as the
// document has them; shares are filled in from percents for documents
// written before results had shares.
type Attempt struct {
	// File is the path the attempt was read from.
	File string
	// Number is the attempt's place in the listing, 1 for the newest; 0 for
	// a file read on its own.
	Number int
	// Taken is zero for a result document saved without one (by --json).
	Taken          time.Time
	Bank           Bank
	Recommendation *Recommendation
	Paths          []Path
	Themes         []Theme
	// Answers holds each question's answer as the document writes it
	// (an option number, a list of them, "skip"), compacted.
	Answers map[string]json.RawMessage
}

// Bank names the question bank an attempt answered.
type Bank struct {
	Title     string `json:"title"`
	Questions int    `json:"questions"`
	SHA256    string `json:"sha256"`
}

// Recommendation is an attempt's verdict.
type Recommendation struct {
	Path     string `json:"path"`
	Name     string `json:"name"`
	Strength string `json:"strength"`
}

// Path is one path's standing in an attempt, or in one theme of it. After
// Read, Share is never nil.
type Path struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Percent float64  `json:"percent"`
	Share   *float64 `json:"share"`
}

// Theme is one theme's standing in an attempt.
type Theme struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Answered int    `json:"answered"`
	Paths    []Path `json:"paths"`
}

// shareOf returns the share of the path with the given id, and whether the
// list has it.
func shareOf(paths []Path, id string) (float64, bool) {
	for _, p := range paths {
		if p.ID == id {
			return *p.Share, true
		}
	}
	return 0, false
}

// document is what is read of a result file.
type document struct {
	Schema         *string                    `json:"schema"`
	Taken          *string                    `json:"taken"`
	Bank           *Bank                      `json:"bank"`
	Recommendation *Recommendation            `json:"recommendation"`
	Paths          []Path                     `json:"paths"`
	Themes         []Theme                    `json:"themes"`
	Answers        map[string]json.RawMessage `json:"answers"`
}

// Problem is a file that could not be read as a result.
type Problem struct {
	File string
	// Why says what is wrong, worded to follow the file name.
	Why string
}

func (p *Problem) Error() string { return p.File + " " + p.Why }

// Read reads one result file: a kept result, or a document --json wrote.
// A file that is not a readable result gives a *Problem.
func Read(path string) (Attempt, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return Attempt{}, &Problem{File: path, Why: "cannot be read: " + err.Error()}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return Attempt{}, &Problem{File: path, Why: "cannot be read: " + err.Error()}
	}
	if len(data) > maxSize {
		return Attempt{}, &Problem{File: path, Why: fmt.Sprintf("is not a careerquiz result (larger than %d MiB)", maxSize>>20)}
	}
	a, why := parse(data)
	if why != "" {
		return Attempt{}, &Problem{File: path, Why: why}
	}
	a.File = path
	return a, nil
}

// parse reads a result document, or says (after a file name) why it cannot.
func parse(data []byte) (Attempt, string) {
	var d document
	if err := json.Unmarshal(data, &d); err != nil {
		if !bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
			return Attempt{}, "is not a careerquiz result (not a JSON object)"
		}
		return Attempt{}, "is damaged: " + err.Error()
	}
	switch {
	case d.Schema == nil:
		return Attempt{}, `is not a careerquiz result (no "schema")`
	case *d.Schema != quiz.ResultSchema:
		return Attempt{}, fmt.Sprintf("has schema %q; this version of careerquiz reads %q", *d.Schema, quiz.ResultSchema)
	case d.Bank == nil || d.Bank.SHA256 == "":
		return Attempt{}, `is damaged: no "bank" with its sha256`
	case len(d.Paths) == 0:
		return Attempt{}, `is damaged: no "paths"`
	case d.Answers == nil:
		return Attempt{}, `is damaged: no "answers"`
	}
	a := Attempt{
		Bank:           *d.Bank,
		Recommendation: d.Recommendation,
		Paths:          d.Paths,
		Themes:         d.Themes,
		Answers:        make(map[string]json.RawMessage, len(d.Answers)),
	}
	if d.Taken != nil {
		t, err := time.Parse(time.RFC3339Nano, *d.Taken)
		if err != nil {
			return Attempt{}, fmt.Sprintf("is damaged: \"taken\" is not an RFC 3339 time: %q", *d.Taken)
		}
		a.Taken = t
	}
	for _, p := range a.Paths {
		if p.ID == "" {
			return Attempt{}, `is damaged: a path has no "id"`
		}
	}
	fillShares(a.Paths)
	for i := range a.Themes {
		fillShares(a.Themes[i].Paths)
	}
	for id, v := range d.Answers {
		var buf bytes.Buffer
		if err := json.Compact(&buf, v); err != nil {
			return Attempt{}, fmt.Sprintf("is damaged: answer %q: %v", id, err)
		}
		a.Answers[id] = buf.Bytes()
	}
	return a, ""
}

// fillShares gives every path without a share one: its percent's part of
// all the percents, so that the shares sum to 100 as newer results' do.
// Results written before shares existed are compared on the same scale.
func fillShares(paths []Path) {
	total := 0.0
	for _, p := range paths {
		total += max(p.Percent, 0)
	}
	for i := range paths {
		if paths[i].Share != nil {
			continue
		}
		s := 0.0
		if total > 0 {
			s = max(paths[i].Percent, 0) / total * 100
		}
		paths[i].Share = &s
	}
}

// List reads every result kept in dir, newest first, numbering them from 1.
// Files that cannot be read as results are returned as problems, in name
// order, and left where they are. A folder that does not exist holds no
// results; any other failure to read the folder is an error.
func List(dir string) ([]Attempt, []*Problem, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	var attempts []Attempt
	var problems []*Problem
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || atomicfile.IsTemp(name) {
			// A save in progress, or one a kill cut short: not a result,
			// and not something the person put here.
			continue
		}
		path := filepath.Join(dir, name)
		if !strings.HasSuffix(strings.ToLower(name), ".json") {
			problems = append(problems, &Problem{File: path, Why: "is not a careerquiz result (not a .json file)"})
			continue
		}
		a, err := Read(path)
		if err != nil {
			var p *Problem
			if errors.As(err, &p) {
				problems = append(problems, p)
				continue
			}
			return nil, nil, err
		}
		if a.Taken.IsZero() {
			problems = append(problems, &Problem{File: path, Why: `is a result but not a kept one (no "taken" time)`})
			continue
		}
		attempts = append(attempts, a)
	}
	slices.SortStableFunc(attempts, func(a, b Attempt) int {
		if c := b.Taken.Compare(a.Taken); c != 0 {
			return c
		}
		return strings.Compare(b.File, a.File)
	})
	for i := range attempts {
		attempts[i].Number = i + 1
	}
	return attempts, problems, nil
}
