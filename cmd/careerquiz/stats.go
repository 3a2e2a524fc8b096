package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cohort"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"

	"github.com/careerquiz/careerquiz/internal/termsafe"
)

const statsAbout = `Sums up the results of many people who took the quiz: how the group leaned
(recommendations, labels and a histogram of the split) and which questions
work (answers per option, Cronbach's alpha and each question's item-rest
correlation, with flags and what to try).

A PATH is a result file (careerquiz --json > result.json), a folder searched
for .json files, a .ndjson or .jsonl file, or - for standard input: one
result a line, or whole results one after another (cat results/*.json).
Only each result's answers and bank.sha256 are read; every result is scored
again against the bank, so the figures always agree with what the quiz
says.`

const statsMore = `A file that is not a result, a result from another bank, or answers that do
not fit the bank are named on standard error and skipped; the figures of the
rest are still printed. Nothing is ever changed.

Examples:
    careerquiz stats results/
    careerquiz stats --json results/ | jq .alpha
    careerquiz stats --csv results/ > cohort.csv

Exit status: 0 all read, 1 something was skipped, 2 wrong usage.
`

// statsMaxLine is the longest line of NDJSON read as a result. A full result is
// a few kilobytes; a longer line is not a result, and reading it whole
// would let one line take all the memory.
const statsMaxLine = 1 << 20

// statsStdin is what standard input goes by in messages and in the CSV.
const statsStdin = "standard input"

type statsOptions struct {
	questions string
	anyBank   bool
	json, csv bool
}

var statsFlags = flagTable[statsOptions]{
	fileFlag("questions", "the bank the results were taken on (default: the\nbuilt-in one, or CAREERQUIZ_QUESTIONS)",
		func(o *statsOptions) *string { return &o.questions }),
	switchFlag("any-bank", "keep results taken on another bank as long as\ntheir answers still fit this one",
		func(o *statsOptions) *bool { return &o.anyBank }),
	withSetting("format", switchFlag("json", "print the figures as one JSON document\n(schema careerquiz.stats/v1)",
		func(o *statsOptions) *bool { return &o.json })),
	withSetting("format", switchFlag("csv", "print one row per person instead: file,\nrecommendation, share per path, then one\ncolumn per question (option number, 1;3 for\nseveral, empty when skipped)",
		func(o *statsOptions) *bool { return &o.csv })),
}

// withSetting makes flags that choose the same thing exclude each other.
func withSetting[T any](setting string, d flagDef[T]) flagDef[T] {
	d.setting = setting
	return d
}

func parseStatsFlags(args []string, e env) (statsOptions, []string, error) {
	var o statsOptions
	paths, err := parseArgs("stats", args, statsFlags, &o)
	if err != nil {
		return o, nil, err
	}
	if len(paths) == 0 {
		return o, nil, usageError{"stats needs a result file, a folder of them, or - for standard input"}
	}
	stdin := 0
	for _, p := range paths {
		if p == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return o, nil, usageError{"stats: - (standard input) can be given once"}
	}
	if o.questions == "" {
		o.questions = e.getenv("CAREERQUIZ_QUESTIONS")
	}
	return o, paths, nil
}

func runStats(args []string, e env) error {
	o, paths, err := parseStatsFlags(args, e)
	if err != nil {
		return err
	}
	b, err := loadBank(o.questions)
	if err != nil {
		return err
	}
	r := &statsRun{e: e, bank: b, scorer: scoring.NewScorer(b), anyBank: o.anyBank, progress: newProgress(e)}
	var csvOut *cohort.CSV
	var group *cohort.Cohort
	if o.csv {
		if csvOut, err = cohort.NewCSV(e.stdout, b); err != nil {
			return err
		}
		r.add = func(name string, a quiz.Answers, res scoring.Result) error { return csvOut.Write(name, a, res) }
	} else {
		group = cohort.New(b)
		r.add = func(_ string, a quiz.Answers, res scoring.Result) error {
			group.Add(a, res)
			return nil
		}
	}
	err = r.readAll(paths, max(1, runtime.GOMAXPROCS(0)))
	r.progress.done()
	if err != nil {
		return err
	}
	switch {
	case csvOut != nil:
		if err := csvOut.Flush(); err != nil {
			return err
		}
	case o.json:
		out := &jsonWriter{w: e.stdout}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(group.Report()); err != nil {
			return err
		}
		if err := out.Flush(); err != nil {
			return err
		}
	default:
		color := colorOn(e.stdout, e, colorAuto)
		if err := cohort.WriteText(e.stdout, group.Report(), color); err != nil {
			return err
		}
	}
	return r.outcome()
}

// statsRun reads results and hands each, scored, to add, in input order.
type statsRun struct {
	e    env
	bank *quiz.Bank
	// scorer gives each result its verdict: the bank is prepared once and
	// only read afterwards, so the workers share it. The advice a person
	// reads (steps, reasons) is left out; nothing here shows it.
	scorer   *scoring.Scorer
	anyBank  bool
	add      func(name string, a quiz.Answers, r scoring.Result) error
	progress *statsProgress

	read, skipped int
	// otherBank counts results skipped for coming from another bank, so
	// that one hint can say what to do about all of them.
	otherBank int
}

// statsItem is one result to read, in input order: its name and bytes, or why
// it could not be read at all.
type statsItem struct {
	name string
	data []byte
	skip string
}

// statsOutcome is an item judged: a person's answers and result, or why the
// item is skipped.
type statsOutcome struct {
	name      string
	skip      string
	otherBank bool
	answers   quiz.Answers
	result    scoring.Result
}

// statsBatch is a run of items, numbered in input order, and their outcomes.
type statsBatch struct {
	seq   int
	items []statsItem
	outs  []statsOutcome
}

// statsBatchSize is the number of results handed to a worker at a time: enough
// to make passing them on cheap, few enough to keep memory small.
const statsBatchSize = 64

// errStatsStopped ends the reading early, once the output has failed.
var errStatsStopped = errors.New("stopped")

// readAll reads every path. Parsing and scoring, nearly all the work, run
// on several workers; the outcomes are taken back in input order, so that
// the figures, the rows and the messages never depend on timing. At most
// a few batches per worker are in flight, so memory stays flat however
// many results there are.
func (r *statsRun) readAll(paths []string, workers int) error {
	jobs := make(chan *statsBatch, workers)
	done := make(chan *statsBatch, workers)
	tokens := make(chan struct{}, 4*workers)
	stop := make(chan struct{})

	var readErr error
	go func() {
		defer close(jobs)
		b := &statsBatch{}
		send := func() bool {
			if len(b.items) == 0 {
				return true
			}
			select {
			case tokens <- struct{}{}:
			case <-stop:
				return false
			}
			jobs <- b
			b = &statsBatch{seq: b.seq + 1}
			return true
		}
		in := statsInput{stdin: r.e.stdin, emit: func(it statsItem) bool {
			b.items = append(b.items, it)
			return len(b.items) < statsBatchSize || send()
		}}
		for _, p := range paths {
			if err := in.path(p); err != nil {
				if !errors.Is(err, errStatsStopped) {
					readErr = err
				}
				return
			}
		}
		send()
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				b.outs = make([]statsOutcome, len(b.items))
				for i, it := range b.items {
					b.outs[i] = r.judge(it)
				}
				b.items = nil
				done <- b
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()

	pending := map[int]*statsBatch{}
	next := 0
	var err error
	for b := range done {
		pending[b.seq] = b
		for {
			b, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-tokens
			for _, o := range b.outs {
				if err == nil {
					if err = r.apply(o); err != nil {
						close(stop)
					}
				}
			}
		}
	}
	if err != nil {
		return err
	}
	return readErr
}

// apply counts one outcome, in input order.
func (r *statsRun) apply(o statsOutcome) error {
	if o.skip != "" {
		r.skipped++
		if o.otherBank {
			r.otherBank++
		}
		r.progress.clear()
		say(r.e.stderr, "careerquiz: %s: skipped: %s\n", o.name, o.skip)
		return nil
	}
	r.read++
	r.progress.tick(r.read)
	return r.add(o.name, o.answers, o.result)
}

// statsInput finds the results named on the command line and emits them
// one by one, in order; emit returns false once reading should stop.
type statsInput struct {
	stdin io.Reader
	emit  func(statsItem) bool
}

func (in statsInput) skip(name, format string, args ...any) error {
	if !in.emit(statsItem{name: name, skip: fmt.Sprintf(format, args...)}) {
		return errStatsStopped
	}
	return nil
}

// path reads one PATH of the command line.
func (in statsInput) path(p string) error {
	if p == "-" {
		return in.lines(statsStdin, in.stdin)
	}
	info, err := os.Stat(p)
	if err != nil {
		return in.skip(p, "cannot be read: %s", describeFileError(err))
	}
	if !info.IsDir() {
		return in.file(p)
	}
	found := false
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return in.skip(path, "cannot be read: %s", describeFileError(err))
		}
		if d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".json") {
			return nil
		}
		found = true
		return in.file(path)
	})
	if err == nil && !found {
		return in.skip(p, "holds no .json files")
	}
	return err
}

// file reads a result file, or an NDJSON file one line at a time.
func (in statsInput) file(path string) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".ndjson", ".jsonl":
		f, err := os.Open(path)
		if err != nil {
			return in.skip(path, "cannot be read: %s", describeFileError(err))
		}
		defer f.Close()
		return in.lines(path, f)
	}
	data, err := quiz.ReadFile(path)
	if err != nil {
		return in.skip(path, "cannot be read: %s", strings.TrimPrefix(strings.TrimPrefix(err.Error(), path), ": "))
	}
	if !in.emit(statsItem{name: path, data: data}) {
		return errStatsStopped
	}
	return nil
}

// lines reads NDJSON, one result a line, and also results written one after
// another as the quiz writes them (cat results/*.json): a line that opens
// an object and does not close it starts a result that runs on until the
// object is closed. A bad result is skipped on its own, named by its first
// line, and the stream goes on. Blank lines are ignored.
func (in statsInput) lines(name string, src io.Reader) error {
	br := bufio.NewReaderSize(src, 64<<10)
	var line, doc []byte
	docLine := 0
	emit := func(n int, data []byte) error {
		if !in.emit(statsItem{name: fmt.Sprintf("%s:%d", name, n), data: bytes.Clone(data)}) {
			return errStatsStopped
		}
		return nil
	}
	for n := 1; ; n++ {
		line = line[:0]
		long := false
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if !long && len(doc)+len(line)+len(chunk) <= statsMaxLine {
				line = append(line, chunk...)
			} else {
				long = true
			}
			if !errors.Is(err, bufio.ErrBufferFull) {
				break
			}
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("%s: %w", name, err)
		}
		t := bytes.TrimSpace(line)
		var eerr error
		if len(doc) > 0 && !long && len(t) > 1 && t[0] == '{' && t[len(t)-1] == '}' && !openObject(doc) {
			// A whole result on one line after a broken one: the broken
			// one ends here, and this line is read on its own.
			eerr, doc = emit(docLine, doc), doc[:0]
			if eerr != nil {
				return eerr
			}
		}
		switch {
		case long:
			start := n
			if len(doc) > 0 {
				start, doc = docLine, doc[:0]
			}
			eerr = in.skip(fmt.Sprintf("%s:%d", name, start), "longer than %d MiB: no result is that long", statsMaxLine>>20)
		case len(doc) > 0:
			doc = append(doc, line...)
			// Only a line that closes something can close the result.
			if len(t) > 0 && (t[0] == '}' || t[len(t)-1] == '}') && !openObject(doc) {
				eerr, doc = emit(docLine, doc), doc[:0]
			}
		case len(t) == 0:
		case t[0] == '{' && t[len(t)-1] != '}' && openObject(line):
			doc, docLine = append(doc[:0], line...), n
		default:
			eerr = emit(n, line)
		}
		if eerr != nil {
			return eerr
		}
		if err != nil {
			if len(doc) > 0 {
				return emit(docLine, doc)
			}
			return nil
		}
	}
}

// openObject reports whether data is the start of a JSON value that has
// not ended yet, rather than a whole value or a broken one.
func openObject(data []byte) bool {
	var v json.RawMessage
	return errors.Is(json.NewDecoder(bytes.NewReader(data)).Decode(&v), io.ErrUnexpectedEOF)
}

// statsResultDoc is the part of a JSON result that stats reads: the answers and
// the bank they were given to. Everything else is scored afresh.
type statsResultDoc struct {
	Bank *struct {
		SHA256 *string `json:"sha256"`
	} `json:"bank"`
	Answers json.RawMessage `json:"answers"`
}

// judge scores one result, or says why it is skipped. It runs on several
// workers at once, so it reads the run's settings and changes nothing.
func (r *statsRun) judge(it statsItem) statsOutcome {
	o := statsOutcome{name: it.name, skip: it.skip}
	if o.skip != "" {
		return o
	}
	skip := func(format string, args ...any) statsOutcome {
		o.skip = fmt.Sprintf(format, args...)
		return o
	}
	var doc statsResultDoc
	if err := json.Unmarshal(it.data, &doc); err != nil {
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
	if len(doc.Answers) == 0 || bytes.Equal(doc.Answers, []byte("null")) {
		return skip(`not a careerquiz result: it has no "answers"`)
	}
	if !r.anyBank {
		o.otherBank = true
		switch {
		case doc.Bank == nil || doc.Bank.SHA256 == nil:
			return skip("no bank.sha256, so which bank it was taken on is unknown")
		case *doc.Bank.SHA256 != r.bank.SHA256:
			return skip("taken on another bank (sha256 %s, not %s)", shortDigest(*doc.Bank.SHA256), shortDigest(r.bank.SHA256))
		}
		o.otherBank = false
	}
	answers, err := quiz.ParseAnswers(r.bank, it.name, doc.Answers)
	if err != nil {
		return skip("answers do not fit the bank: %s", answersProblem(err))
	}
	o.answers, o.result = answers, r.scorer.Verdict(answers)
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

// outcome is the run's error: nil when every result was read.
func (r *statsRun) outcome() error {
	if r.skipped == 0 {
		if r.read == 0 {
			return exitCode{code: exitError, msg: "no results to read"}
		}
		return nil
	}
	ec := exitCode{code: exitError, msg: fmt.Sprintf("skipped %d of %d results; the figures cover the other %d", r.skipped, r.skipped+r.read, r.read)}
	if r.otherBank > 0 {
		ec.hint = "name the bank those results were taken on with --questions, or keep the ones whose answers still fit with --any-bank"
	}
	return ec
}

// shortDigest is enough of a digest to tell two banks apart, marked where
// it is cut.
func shortDigest(sha string) string {
	if cut := short(sha); cut != sha {
		return cut + "…"
	}
	return sha
}

// describeFileError drops the operation and path from an *fs.PathError,
// which the message already names.
func describeFileError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// statsProgress shows how many results have been read, on stderr when it is a
// terminal and only then: a piped run's stderr holds only what was
// skipped.
type statsProgress struct {
	w     io.Writer
	on    bool
	last  time.Time
	shown bool
}

func newProgress(e env) *statsProgress {
	return &statsProgress{w: e.stderr, on: e.isTerminal(e.stderr), last: time.Now()}
}

// tick is called once a result; it looks at the clock every 256 results
// and redraws at most five times a second.
func (p *statsProgress) tick(n int) {
	if !p.on || n%256 != 0 {
		return
	}
	if now := time.Now(); now.Sub(p.last) >= 200*time.Millisecond {
		p.last = now
		fmt.Fprintf(p.w, "\rcareerquiz: read %d results…", n)
		p.shown = true
	}
}

// clear removes the progress line, before a message or at the end.
func (p *statsProgress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

func (p *statsProgress) done() { p.clear() }
