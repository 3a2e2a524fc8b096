// Package collect reads the results of many people, for stats: result
// files, folders of them, and streams of results (NDJSON, or whole
// documents one after another), each scored again against one bank.
//
// Parsing and scoring, nearly all the work, run on several workers; the
// results are handed on in input order, so that the figures, the rows and
// the messages never depend on timing. At most a few batches per worker
// are in flight, so memory stays flat however many results there are.
package collect

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/internal/fileio"
	"github.com/careerquiz/careerquiz/internal/termsafe"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// MaxSize is the longest result read from a stream. A full result is a few
// kilobytes; a longer value is not a result, and reading it whole would
// let one value take all the memory.
const MaxSize = 1 << 20

// A Reader reads results and hands each on, in input order.
type Reader struct {
	Bank *quiz.Bank
	// AnyBank keeps results taken on another bank whose answers still fit.
	AnyBank bool
	// Stdin is read for the path "-".
	Stdin   io.Reader
	Workers int
	// Result is called for each result read, with its name (a file, or a
	// stream and the line a result starts on), the answers and their
	// verdict; an error stops the reading.
	Result func(name string, a quiz.Answers, r scoring.Result) error
	// Skipped is called for each piece of input that is not read, and why.
	Skipped func(name, why string)
	// Tally counts what was read and skipped so far.
	Tally Tally
}

// item is one result to read, in input order: its name and bytes, or why
// it could not be read at all.
type item struct {
	name string
	data []byte
	skip string
}

// outcome is an item judged: a person's answers and result, or why the
// item is skipped.
type outcome struct {
	name      string
	skip      string
	otherBank bool
	answers   quiz.Answers
	result    scoring.Result
}

// batch is a run of items, in input order, and their outcomes once done
// is closed.
type batch struct {
	items []item
	outs  []outcome
	done  chan struct{}
}

// batchSize is the number of results handed to a worker at a time: enough
// to make passing them on cheap, few enough to keep memory small.
const batchSize = 64

// errStopped ends the reading early, once handing on has failed.
var errStopped = errors.New("stopped")

// Read reads every path: a result file, a folder searched for .json files,
// a .ndjson or .jsonl file, or "-" for the Reader's Stdin.
func (r *Reader) Read(paths []string) error {
	workers := max(1, r.Workers)
	scorer := scoring.NewScorer(r.Bank)
	// Batches go to the workers through jobs and, in the same order, to
	// the loop below through ordered, which holds at most a few per
	// worker: that is what keeps memory flat.
	jobs := make(chan *batch, workers)
	ordered := make(chan *batch, 4*workers)
	stop := make(chan struct{})
	var readErr error
	go func() {
		defer close(jobs)
		defer close(ordered)
		b := &batch{done: make(chan struct{})}
		send := func() bool {
			if len(b.items) == 0 {
				return true
			}
			select {
			case ordered <- b:
			case <-stop:
				return false
			}
			jobs <- b
			b = &batch{done: make(chan struct{})}
			return true
		}
		in := input{stdin: r.Stdin, emit: func(it item) bool {
			b.items = append(b.items, it)
			return len(b.items) < batchSize || send()
		}}
		named := map[string]bool{}
		for _, p := range paths {
			// A path named twice (stats good good) is read once, so no
			// result counts twice.
			var err error
			if key := samePath(p); named[key] {
				err = in.skip(p, "named twice: read once")
			} else {
				named[key] = true
				err = in.path(p)
			}
			if err != nil {
				if !errors.Is(err, errStopped) {
					readErr = err
				}
				return
			}
		}
		send()
	}()
	for range workers {
		go func() {
			for b := range jobs {
				b.outs = make([]outcome, len(b.items))
				for i, it := range b.items {
					b.outs[i] = r.judge(scorer, it)
				}
				close(b.done)
			}
		}()
	}
	var err error
	for b := range ordered {
		<-b.done
		for _, o := range b.outs {
			if err != nil {
				break
			}
			if o.skip != "" {
				r.Tally.Skipped++
				if o.otherBank {
					r.Tally.OtherBank++
				}
				r.Skipped(o.name, o.skip)
				continue
			}
			r.Tally.Read++
			if err = r.Result(o.name, o.answers, o.result); err != nil {
				close(stop)
			}
		}
	}
	if err != nil {
		return err
	}
	return readErr
}

// Tally counts what a Reader read and skipped.
type Tally struct {
	Read, Skipped int
	// OtherBank counts results skipped for coming from another bank, so
	// that one hint can say what to do about all of them.
	OtherBank int
}

// Outcome is the error of a run that read what t counts: nil when every
// result was read.
func (t Tally) Outcome() error {
	switch {
	case t.Read == 0:
		msg := "no results to read"
		if t.Skipped > 0 {
			msg = "no results to read: everything named above was skipped"
		}
		return cli.Exit{Code: cli.ExitError, Msg: msg,
			Hint: "name result files written by careerquiz --json, a folder of them, or - to pipe them in"}
	case t.Skipped == 0:
		return nil
	}
	ec := cli.Exit{Code: cli.ExitError, Msg: fmt.Sprintf("skipped %d of %d results; the figures cover the other %d", t.Skipped, t.Skipped+t.Read, t.Read),
		Hint: "the figures above leave out what is named as skipped; fix or move those files and run stats again to count them"}
	if t.OtherBank > 0 {
		ec.Hint = "name the bank those results were taken on with --questions, or keep the ones whose answers still fit with --any-bank"
	}
	return ec
}

// judge scores one result, or says why it is skipped. It runs on several
// workers at once, so it changes nothing but its outcome.
func (r *Reader) judge(scorer *scoring.Scorer, it item) outcome {
	o := outcome{name: it.name, skip: it.skip}
	if o.skip != "" {
		return o
	}
	skip := func(format string, args ...any) outcome {
		o.skip = fmt.Sprintf(format, args...)
		return o
	}
	kept, err := result.Replay(it.data)
	bank, answers := kept.Bank, kept.Answers
	if err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return skip("not JSON: %s", se.Error())
		case errors.As(err, &te) && te.Field == "":
			return skip("not a careerquiz result: a result is a JSON object, not %s", te.Value)
		case errors.As(err, &te):
			return skip("not a careerquiz result: %s is %s, not %s", te.Field, te.Value, te.Type)
		}
		return skip("not a careerquiz result: %s", err)
	}
	if len(answers) == 0 || bytes.Equal(answers, []byte("null")) {
		return skip(`not a careerquiz result: it has no "answers"`)
	}
	if !r.AnyBank {
		o.otherBank = true
		switch {
		case bank.SHA256 == "":
			return skip("no bank.sha256, so which bank it was taken on is unknown")
		case bank.SHA256 != r.Bank.SHA256:
			return skip("taken on another bank (sha256 %s, not %s)", result.Digest(bank.SHA256), result.Digest(r.Bank.SHA256))
		}
		o.otherBank = false
	}
	parsed, err := quiz.ParseAnswers(r.Bank, it.name, answers)
	if err != nil {
		return skip("answers do not fit the bank: %s", answersProblem(err))
	}
	// A question a result that stopped early did not ask is missing, as a
	// skipped one is, and counts against nothing.
	o.answers, o.result = parsed, scorer.VerdictAsked(parsed, kept.NotAsked)
	return o
}

// answersProblem words why a result's answers do not fit: the first
// problem, and how many more there are. Lines are left out, since they
// count from the start of the answers object rather than of the file.
func answersProblem(err error) string {
	var ps quiz.Problems
	if !errors.As(err, &ps) || len(ps) == 0 {
		var se *quiz.SyntaxError
		if errors.As(err, &se) {
			return se.Message
		}
		return err.Error()
	}
	p := ps[0]
	msg := p.Message
	if p.Question != "" {
		msg = fmt.Sprintf("question %q: %s", p.Question, msg)
	}
	if len(ps) > 1 {
		msg += fmt.Sprintf(" (and %d more problems)", len(ps)-1)
	}
	return termsafe.Clean(msg)
}

// input finds the results named on the command line and emits them one by
// one, in order; emit returns false once reading should stop.
type input struct {
	stdin io.Reader
	emit  func(item) bool
}

func (in input) skip(name, format string, args ...any) error {
	if !in.emit(item{name: name, skip: fmt.Sprintf(format, args...)}) {
		return errStopped
	}
	return nil
}

// samePath is what tells two names of one file or folder apart from two
// files: the path with its links followed, or as given where that fails.
func samePath(p string) string {
	if p == fileio.Stdin {
		return p
	}
	if real, err := filepath.EvalSymlinks(p); err == nil {
		p = real
	}
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// path reads one PATH of the command line. Only regular files are read:
// a FIFO, a device or a socket, named or found in a folder, is skipped at
// once, unopened where it is found in a folder, so that none can hang the
// reading (fileio).
func (in input) path(p string) error {
	if p == fileio.Stdin {
		return in.stream(fileio.StdinName, in.stdin)
	}
	found := false
	err := fileio.Walk(p, func(name string) bool { return strings.EqualFold(filepath.Ext(name), ".json") },
		func(path string, err error) error {
			found = true
			if err != nil {
				return in.skip(path, "%s", fileio.Why(err))
			}
			return in.file(path)
		})
	if err == nil && !found {
		return in.skip(p, "holds no .json files")
	}
	return err
}

// file reads a result file, or an NDJSON file as a stream.
func (in input) file(path string) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".ndjson", ".jsonl":
		f, err := fileio.Open(path)
		if err != nil {
			return in.skip(path, "%s", fileio.Why(err))
		}
		defer f.Close()
		return in.stream(path, f)
	}
	data, err := quiz.ReadFile(path)
	if err != nil {
		return in.skip(path, "%s", fileio.Why(err))
	}
	if !in.emit(item{name: path, data: data}) {
		return errStopped
	}
	return nil
}
