// Package result is the one result document (Document): written by --json
// (Encode), kept after a quiz (Save), read back by history, compare, stats
// and --answers (Read, List), with the rules every view of it shares: the
// shares shown (Shown), the verdict in words (Verdict), the digest (Digest).
//
// A kept result is the document with "taken" in front, so it still replays
// with --answers. Each is a file of its own in one folder, written
// atomically and readable by its owner only: answers are personal.
//
// Reading is tolerant: a damaged file, or one that is not a careerquiz
// result, is named and skipped, never deleted. The person may have put it
// there, and another version may read it.
package result

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/atomicfile"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/userdir"
	"github.com/careerquiz/careerquiz/internal/fileio"
	"github.com/careerquiz/careerquiz/internal/termsafe"
	"github.com/careerquiz/careerquiz/quiz"
)

// maxSize bounds what is read of one file. A real result is a few
// kilobytes; a big file in the folder is something else, and is named as
// such rather than read into memory.
const maxSize = 4 << 20

// TimeFormat is how "taken" is written: RFC 3339 in UTC, to the
// millisecond, so that two attempts a moment apart still sort.
const TimeFormat = "2006-01-02T15:04:05.000Z07:00"

// Dir returns the folder results are kept in: $XDG_DATA_HOME/careerquiz/results,
// or the usual place for per-user application data on goos (userdir.Dir).
func Dir(getenv func(string) string, goos string) (string, error) {
	return userdir.Dir(getenv, goos, userdir.Folder{XDG: "XDG_DATA_HOME", Unix: ".local/share", Purpose: "keep results", Holds: "kept results"}, "results")
}

// Save keeps one result in dir, which it creates (for its owner only) if
// need be, and returns the file's path. taken is when the quiz was
// finished: the kept document carries it, and the file is named after it,
// so that a listing of the folder reads in order, and never replaces
// another result.
func Save(dir string, d Document, taken time.Time) (string, error) {
	d.Taken = taken.UTC().Format(TimeFormat)
	var data bytes.Buffer
	if err := Encode(&data, d); err != nil {
		return "", fmt.Errorf("keeping a result: %w", err)
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
	if err := atomicfile.Write(path, data.Bytes(), 0o600); err != nil {
		return "", err
	}
	return path, nil
}

// Attempt is one result, as history and compare use it. Numbers are as the
// document has them; shares are filled in from percents for documents
// written before results had shares.
type Attempt struct {
	File   string    // the path the attempt was read from
	Number int       // the attempt's place in the listing, 1 for the newest; 0 for a file read on its own
	Taken  time.Time // zero for a result document saved without one (by --json)
	Document
}

// Problem is a file that could not be read as a result.
type Problem struct {
	File string
	Why  string // what is wrong, worded to follow the file name
}

func (p *Problem) Error() string { return termsafe.Name(p.File) + " " + p.Why }

// Read reads one result file: a kept result, or a document --json wrote.
// Only a regular file is read (fileio): a FIFO or a device is refused at
// once. A file that is not a readable result gives a *Problem; one that
// cannot be read at all, a *fileio.Error with its hint.
func Read(path string) (Attempt, error) { return read(path, true) }

// read is Read of the whole document, or, for a listing, of only what a
// listing shows: the rest of a large file is scanned but never kept.
func read(path string, whole bool) (Attempt, error) {
	data, err := fileio.ReadFile(path, maxSize)
	if errors.Is(err, fileio.ErrTooLarge) {
		return Attempt{}, &Problem{File: path, Why: fmt.Sprintf("is not a careerquiz result (larger than %d MiB)", maxSize>>20)}
	}
	if err != nil {
		return Attempt{}, err
	}
	a, why := parse(data, whole)
	if why != "" {
		return Attempt{}, &Problem{File: path, Why: why}
	}
	a.File = path
	return a, nil
}

// parse reads a result document, or says (after a file name) why it
// cannot: the whole of it, or only the fields a listing shows (summary).
func parse(data []byte, whole bool) (Attempt, string) {
	var a Attempt
	if !bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
		return Attempt{}, "is not a careerquiz result (not a JSON object)"
	}
	var err error
	if whole {
		err = json.Unmarshal(data, &a.Document)
	} else {
		var s struct {
			Taken, Schema  string
			Bank           Bank
			Recommendation *Recommendation
			Paths          []Path
			Themes         []Theme
			Answers        objectMark
		}
		err = json.Unmarshal(data, &s)
		a.Document = Document{Taken: s.Taken, Schema: s.Schema, Bank: s.Bank, Recommendation: s.Recommendation, Paths: s.Paths, Themes: s.Themes}
		if s.Answers {
			a.Document.Answers = json.RawMessage("{}")
		}
	}
	if err != nil {
		return Attempt{}, "is damaged: " + err.Error()
	}
	d := &a.Document
	switch {
	case d.Schema == "":
		return Attempt{}, `is not a careerquiz result (no "schema")`
	case d.Schema != quiz.ResultSchema:
		return Attempt{}, fmt.Sprintf("has schema %q; this version of careerquiz reads %q", d.Schema, quiz.ResultSchema)
	case d.Bank.SHA256 == "":
		return Attempt{}, `is damaged: no "bank" with its sha256`
	case len(d.Paths) == 0:
		return Attempt{}, `is damaged: no "paths"`
	case !bytes.HasPrefix(d.Answers, []byte("{")):
		return Attempt{}, `is damaged: no "answers"`
	}
	if d.Taken != "" {
		t, err := time.Parse(time.RFC3339Nano, d.Taken)
		if err != nil {
			return Attempt{}, fmt.Sprintf("is damaged: \"taken\" is not an RFC 3339 time: %q", d.Taken)
		}
		a.Taken = t
	}
	for _, p := range d.Paths {
		if p.ID == "" {
			return Attempt{}, `is damaged: a path has no "id"`
		}
		if !plausible(p.Share, p.Percent) {
			return Attempt{}, fmt.Sprintf("is damaged: path %q has a share or percent outside 0 to 100", p.ID)
		}
	}
	fillShares(len(d.Paths), func(i int) (*float64, float64) { return &d.Paths[i].Share, d.Paths[i].Percent })
	for _, th := range d.Themes {
		for _, p := range th.Paths {
			if !plausible(p.Share, p.Percent) {
				return Attempt{}, fmt.Sprintf("is damaged: theme %q has a share or percent outside 0 to 100", th.ID)
			}
		}
		ps := th.Paths
		fillShares(len(ps), func(i int) (*float64, float64) { return &ps[i].Share, ps[i].Percent })
	}
	return a, ""
}

// objectMark notes whether a value is a JSON object without copying it: a
// listing needs to know that a result has answers, not what they are.
type objectMark bool

func (m *objectMark) UnmarshalJSON(b []byte) error {
	*m = len(b) > 0 && b[0] == '{'
	return nil
}

// plausible reports whether a share and a percent can have been written by
// careerquiz: a share is a part of 100, and a percent is points over the
// most a path could score. A file edited to share 1e308 is damaged, not a
// figure to show.
func plausible(share, percent float64) bool {
	return share >= 0 && share <= 100 && percent <= 100
}

// answerMap is each question's answer as the document writes it (an
// option number, a list of them, "skip"), compacted, by question id.
func (a *Attempt) answerMap() map[string]json.RawMessage {
	var m map[string]json.RawMessage
	json.Unmarshal(a.Answers, &m) // parse has seen an object
	for id, v := range m {
		var buf bytes.Buffer
		json.Compact(&buf, v)
		m[id] = buf.Bytes()
	}
	return m
}

// fillShares gives paths without shares (a result written before shares
// existed has none, and a result with them has them sum to 100) each its
// percent's part of all the percents, so that old and new results are
// compared on the same scale.
func fillShares(n int, path func(i int) (share *float64, percent float64)) {
	total, shares := 0.0, 0.0
	for i := range n {
		s, p := path(i)
		total += max(p, 0)
		shares += *s
	}
	if shares != 0 {
		return
	}
	for i := range n {
		s, p := path(i)
		*s = 0
		if total > 0 {
			*s = max(p, 0) / total * 100
		}
	}
}

// List reads every result kept in dir, newest first, numbering them from 1;
// each attempt holds only its verdict, shares and bank (Read reads one
// whole). Files that cannot be read as results are returned as problems, in
// name order, and left where they are. A folder that does not exist holds
// no results; any other failure to read the folder is an error.
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
		// A FIFO or a device among the files would hang or flood the
		// listing: it is judged by the folder's listing, unopened.
		if err := fileio.CheckEntry(path, e); err != nil {
			problems = append(problems, &Problem{File: path, Why: fileio.Why(err)})
			continue
		}
		a, err := read(path, false)
		if err != nil {
			p := &Problem{File: path, Why: fileio.Why(err)}
			errors.As(err, &p)
			problems = append(problems, p)
			continue
		}
		if a.Taken.IsZero() {
			problems = append(problems, &Problem{File: path, Why: `is a result but not a kept one (no "taken" time)`})
			continue
		}
		// A kept result can be megabytes (long answers, long texts): a
		// listing holds only its verdict, shares and bank.
		a.Themes, a.Answers = nil, nil
		attempts = append(attempts, a)
	}
	slices.SortStableFunc(attempts, func(a, b Attempt) int {
		return cmp.Or(b.Taken.Compare(a.Taken), strings.Compare(b.File, a.File))
	})
	for i := range attempts {
		attempts[i].Number = i + 1
	}
	return attempts, problems, nil
}

// Replayed is the part of a result document that replays it: when it was
// kept, the bank it was taken on, its answers, and how it stopped if it
// stopped early. The rest is scored afresh (stats, --answers), so it is
// not read at all, and a "taken" or "stopped_early" that cannot be read is
// as none.
type Replayed struct {
	Bank         Bank            `json:"bank"`
	Answers      json.RawMessage `json:"answers"`
	NotAsked     []string        `json:"not_asked"`
	Taken        json.RawMessage `json:"taken"`
	StoppedEarly json.RawMessage `json:"stopped_early"`
}

// Replay reads the part of a result document that replays it.
func Replay(data []byte) (Replayed, error) {
	var r Replayed
	err := json.Unmarshal(data, &r)
	return r, err
}

// Stopped is how a result that stopped early stopped: its not_asked and
// stopped_early; nil, nil for one that asked every question.
func (r Replayed) Stopped() ([]string, *StoppedEarly) {
	var s *StoppedEarly
	if json.Unmarshal(r.StoppedEarly, &s) != nil || s == nil || len(r.NotAsked) == 0 {
		return nil, nil
	}
	return r.NotAsked, s
}

// When is when a kept result was taken, or zero for a result that was not
// kept: a replayed result is dated as it was kept.
func (r Replayed) When() time.Time {
	var s string
	json.Unmarshal(r.Taken, &s)
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
