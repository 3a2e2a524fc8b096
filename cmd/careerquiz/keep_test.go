package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/quiz"
)

// person is one person's computer for tests of keeping: a data folder of
// its own, shared by successive runs.
type person struct {
	t    *testing.T
	vars map[string]string
}

func newPerson(t *testing.T) *person {
	return &person{t: t, vars: map[string]string{
		"XDG_STATE_HOME": t.TempDir(),
		"XDG_DATA_HOME":  t.TempDir(),
	}}
}

func (p *person) resultsDir() string {
	return filepath.Join(p.vars["XDG_DATA_HOME"], "careerquiz", "results")
}

// run runs careerquiz with stdin given (not a terminal) and returns the
// exit code, stdout and stderr.
func (p *person) run(stdin string, args ...string) (int, string, string) {
	p.t.Helper()
	e, stdout, stderr := testEnv(p.t, stdin)
	e.getenv = func(k string) string { return p.vars[k] }
	code := run(args, e)
	return code, stdout.String(), stderr.String()
}

func (p *person) kept() []string {
	p.t.Helper()
	entries, err := os.ReadDir(p.resultsDir())
	if err != nil && !os.IsNotExist(err) {
		p.t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// leaning writes an answers file that leans as far as the bank allows
// towards path: for every question, the options that give path the most
// over the others. It is made from the bank's weights, so it stays right
// as the bank changes.
func leaning(t *testing.T, b *quiz.Bank, path string) string {
	t.Helper()
	pi := b.PathIndex(path)
	if pi < 0 {
		t.Fatalf("the bank has no path %q", path)
	}
	lean := func(o quiz.Option) float64 {
		d := 0.0
		for i, w := range o.Weights {
			if i == pi {
				d += w
			} else {
				d -= w
			}
		}
		return d
	}
	var lines []string
	for _, q := range b.Questions {
		best := 0
		for i, o := range q.Options {
			if lean(o) > lean(q.Options[best]) {
				best = i
			}
		}
		if q.Kind == quiz.PickAny {
			var picks []string
			for i, o := range q.Options {
				if lean(o) > 0 {
					picks = append(picks, fmt.Sprint(i+1))
				}
			}
			if len(picks) == 0 {
				picks = []string{fmt.Sprint(best + 1)}
			}
			lines = append(lines, fmt.Sprintf("%q = [%s]", q.ID, strings.Join(picks, ", ")))
			continue
		}
		lines = append(lines, fmt.Sprintf("%q = %d", q.ID, best+1))
	}
	file := filepath.Join(t.TempDir(), path+".toml")
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

// bankForTest is the built-in bank.
func bankForTest(t *testing.T) *quiz.Bank {
	t.Helper()
	b, err := loadBank("")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestKeptOnlyWhereItShouldBe(t *testing.T) {
	t.Parallel()
	b := bankForTest(t)
	answers := leaning(t, b, "engineer")
	piped := strings.Repeat("1\n", len(b.Questions))
	tests := []struct {
		name  string
		stdin string
		args  []string
		kept  bool
	}{
		{"an answers file", "", []string{"--answers", answers}, false},
		{"an answers file with --save", "", []string{"--answers", answers, "--save"}, true},
		{"an answers file with --save=false", "", []string{"--answers", answers, "--save=false"}, false},
		{"piped answers", piped, nil, false},
		{"piped answers with --save", piped, []string{"--save"}, true},
		{"--json with --save keeps the JSON", "", []string{"--answers", answers, "--save", "--json"}, true},
		{"--no-save", piped, []string{"--no-save"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPerson(t)
			code, _, stderr := p.run(tt.stdin, tt.args...)
			if code != cli.ExitOK {
				t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
			}
			kept := p.kept()
			if tt.kept != (len(kept) == 1) || len(kept) > 1 {
				t.Fatalf("kept %v, want kept: %v", kept, tt.kept)
			}
			if tt.kept != strings.Contains(stderr, "Result kept in "+p.resultsDir()) {
				t.Errorf("stderr does not say where the result was kept, or says so for nothing:\n%s", stderr)
			}
		})
	}
}

func TestSaveAndNoSaveConflict(t *testing.T) {
	t.Parallel()
	code, _, stderr := newPerson(t).run("", "--save", "--no-save")
	if code != cli.ExitUsage || !strings.Contains(stderr, "--save and --no-save cannot be used together") {
		t.Errorf("exit code %d, stderr:\n%s", code, stderr)
	}
}

// TestTwoSavedRunsAndTheirComparison: two runs with --save are both kept,
// readable by their owner only, listed newest first with their times; the
// comparison of an all-engineer attempt and an all-developer one shows the
// engineer share falling by more than 50 points, the themes and the answers
// that changed.
func TestTwoSavedRunsAndTheirComparison(t *testing.T) {
	t.Parallel()
	b := bankForTest(t)
	p := newPerson(t)
	before := time.Now().Add(-time.Second)
	for _, path := range []string{"engineer", "developer"} {
		if code, _, stderr := p.run("", "--answers", leaning(t, b, path), "--save"); code != cli.ExitOK {
			t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
		}
	}
	if runtime.GOOS != "windows" {
		for _, name := range p.kept() {
			fi, err := os.Stat(filepath.Join(p.resultsDir(), name))
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm()&0o077 != 0 {
				t.Errorf("%s has mode %v: others can read it", name, fi.Mode().Perm())
			}
		}
	}

	code, stdout, stderr := p.run("", "history", "--json")
	if code != cli.ExitOK || stderr != "" {
		t.Fatalf("history --json: exit code %d; stderr:\n%s", code, stderr)
	}
	var history []struct {
		Number         int
		File           string
		Taken          string
		Bank           struct{ Title, SHA256 string }
		Recommendation struct{ Path string }
		Paths          []struct {
			ID    string
			Share *float64
		}
	}
	if err := json.Unmarshal([]byte(stdout), &history); err != nil {
		t.Fatalf("history --json: %v\n%s", err, stdout)
	}
	if len(history) != 2 {
		t.Fatalf("history lists %d attempts, want 2", len(history))
	}
	var times []time.Time
	for i, h := range history {
		taken, err := time.Parse(time.RFC3339, h.Taken)
		if err != nil || taken.Before(before) || taken.After(time.Now()) {
			t.Errorf("attempt %d taken %q (%v): want an RFC 3339 time of this test", i+1, h.Taken, err)
		}
		times = append(times, taken)
		if h.Number != i+1 || h.Bank.SHA256 != b.SHA256 || h.Bank.Title == "" || !strings.HasPrefix(h.File, p.resultsDir()) {
			t.Errorf("attempt %d: %+v", i+1, h)
		}
		if len(h.Paths) != len(b.Paths) || h.Paths[0].Share == nil {
			t.Errorf("attempt %d: paths %+v, want every path with a share", i+1, h.Paths)
		}
	}
	if !sort.SliceIsSorted(times, func(i, j int) bool { return times[i].After(times[j]) }) || history[0].Recommendation.Path != "developer" {
		t.Errorf("history is not newest first: %v, newest recommends %q", times, history[0].Recommendation.Path)
	}

	code, stdout, stderr = p.run("", "history")
	if code != cli.ExitOK || !strings.Contains(stdout, "  1  "+times[0].Local().Format("2006-01-02 15:04")) {
		t.Errorf("history: exit code %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}

	code, stdout, stderr = p.run("", "compare", "--json")
	if code != cli.ExitOK || stderr != "" {
		t.Fatalf("compare --json: exit code %d; stderr:\n%s", code, stderr)
	}
	var c struct {
		SameBank bool `json:"same_bank"`
		Paths    []struct {
			ID     string
			A, B   float64
			Change float64
		}
		Themes []struct {
			ID    string
			Paths []struct {
				ID     string
				Change *float64
			}
		}
		Changed []struct {
			Question string
			A, B     json.RawMessage
		}
	}
	if err := json.Unmarshal([]byte(stdout), &c); err != nil {
		t.Fatalf("compare --json: %v\n%s", err, stdout)
	}
	if !c.SameBank || len(c.Paths) != len(b.Paths) || c.Paths[0].ID != "engineer" {
		t.Fatalf("compare --json: %s", stdout)
	}
	if eng := c.Paths[0]; eng.Change >= -50 || eng.B-eng.A != eng.Change {
		t.Errorf("engineer share went from %v to %v (change %v); want a fall of more than 50 points", eng.A, eng.B, eng.Change)
	}
	// A theme of unscored questions only is in no breakdown.
	scored := map[string]bool{}
	for _, q := range b.Questions {
		scored[q.Theme] = scored[q.Theme] || q.Scored()
	}
	n := 0
	for _, ok := range scored {
		if ok {
			n++
		}
	}
	if len(c.Themes) != n {
		t.Errorf("%d themes compared, want %d", len(c.Themes), n)
	}
	for _, th := range c.Themes {
		if th.Paths[0].Change == nil || *th.Paths[0].Change >= 0 {
			t.Errorf("theme %s: engineer change %v, want a fall", th.ID, th.Paths[0].Change)
		}
	}
	if len(c.Changed) < len(b.Questions)/2 {
		t.Errorf("%d answers changed, want most of the %d", len(c.Changed), len(b.Questions))
	}
	for _, ch := range c.Changed {
		if b.QuestionIndex(ch.Question) < 0 || bytes.Equal(ch.A, ch.B) {
			t.Errorf("changed answer %s: %s → %s", ch.Question, ch.A, ch.B)
		}
	}

	code, stdout, _ = p.run("", "compare")
	if code != cli.ExitOK || !strings.Contains(stdout, "Answers that changed") || !strings.Contains(stdout, "██") {
		t.Errorf("compare: exit code %d, stdout:\n%s", code, stdout)
	}
}

func TestCompareNeedsTwo(t *testing.T) {
	t.Parallel()
	b := bankForTest(t)
	p := newPerson(t)
	for n := range 2 {
		code, _, stderr := p.run("", "compare")
		if code != cli.ExitError || !strings.Contains(stderr, "compare needs two attempts") || !strings.Contains(stderr, "hint: take the quiz again") {
			t.Errorf("with %d kept: exit code %d, stderr:\n%s", n, code, stderr)
		}
		p.run("", "--answers", leaning(t, b, "engineer"), "--save")
	}
	if code, _, stderr := p.run("", "compare"); code != cli.ExitOK {
		t.Errorf("with 2 kept: exit code %d, stderr:\n%s", code, stderr)
	}
	if code, _, stderr := p.run("", "compare", "7"); code != cli.ExitError || !strings.Contains(stderr, "there is no attempt 7: 2 results kept") {
		t.Errorf("compare 7: exit code %d, stderr:\n%s", code, stderr)
	}
	if code, _, stderr := p.run("", "compare", "1", "2", "3"); code != cli.ExitUsage {
		t.Errorf("compare 1 2 3: exit code %d, stderr:\n%s", code, stderr)
	}
}

// TestOutputIsWhatStdoutWouldHold: --output FILE gets exactly the bytes
// stdout gets without it, in every format, and stdout stays empty.
func TestOutputIsWhatStdoutWouldHold(t *testing.T) {
	t.Parallel()
	b := bankForTest(t)
	answers := leaning(t, b, "developer")
	for _, format := range []string{"text", "json", "markdown"} {
		t.Run(format, func(t *testing.T) {
			p := newPerson(t)
			code, want, stderr := p.run("", "--answers", answers, "--format", format)
			if code != cli.ExitOK || want == "" {
				t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
			}
			out := filepath.Join(t.TempDir(), "report")
			code, stdout, stderr := p.run("", "--answers", answers, "--format", format, "--output", out)
			if code != cli.ExitOK || stdout != "" || stderr != "" {
				t.Fatalf("exit code %d, stdout %q, stderr:\n%s", code, stdout, stderr)
			}
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != want {
				t.Errorf("--output wrote:\n%s\nstdout held:\n%s", got, want)
			}
		})
	}
}

// TestBadOutputStopsBeforeTheQuiz: a person must not answer every question
// only to hear that the report cannot be written.
func TestBadOutputStopsBeforeTheQuiz(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, tt := range []struct{ name, path, want string }{
		{"a missing folder", filepath.Join(dir, "none", "r.md"), "careerquiz: --output " + filepath.Join(dir, "none", "r.md") + ": folder " + filepath.Join(dir, "none") + " does not exist\n"},
		{"a folder", dir, "is a folder"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := newPerson(t)
			code, stdout, stderr := p.run("1\n", "--output", tt.path)
			if code != cli.ExitError || stdout != "" || !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "careerquiz: hint: ") {
				t.Errorf("exit code %d, stdout %q, stderr:\n%s", code, stdout, stderr)
			}
			if strings.Contains(stderr, "Question 1") {
				t.Errorf("the quiz started:\n%s", stderr)
			}
		})
	}
}

func TestFormatFlag(t *testing.T) {
	t.Parallel()
	p := newPerson(t)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--format", "yaml"}, cli.ExitUsage, `--format wants text, html, json or markdown, got "yaml"`},
		{[]string{"--json", "--format", "text"}, cli.ExitUsage, "cannot be used together"},
		{[]string{"--format=md", "--answers", leaning(t, bankForTest(t), "engineer")}, cli.ExitOK, ""},
	} {
		code, stdout, stderr := p.run("", tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit code %d, stderr:\n%s", tt.args, code, stderr)
		}
		if code == cli.ExitOK && !strings.HasPrefix(stdout, "# ") {
			t.Errorf("%v: stdout does not start with a Markdown heading:\n%s", tt.args, stdout)
		}
	}
}

// TestKeptResultMatchesTheSchema: a kept result is a result document, its
// "taken" described by the schema that ships.
func TestKeptResultMatchesTheSchema(t *testing.T) {
	t.Parallel()
	p := newPerson(t)
	if code, _, stderr := p.run("", "--answers", leaning(t, bankForTest(t), "engineer"), "--save"); code != cli.ExitOK {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}
	kept := p.kept()
	if len(kept) != 1 {
		t.Fatalf("kept %v", kept)
	}
	data, err := os.ReadFile(filepath.Join(p.resultsDir(), kept[0]))
	if err != nil {
		t.Fatal(err)
	}
	validate(t, schemaOf(t, "result"), data)
	if !bytes.HasPrefix(data, []byte("{\n  \"taken\": \"")) {
		t.Errorf("the kept file does not open with \"taken\":\n%s", data[:min(len(data), 200)])
	}
}
