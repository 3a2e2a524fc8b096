package quiz_test

import (
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/careerquiz/careerquiz/quiz"

	"github.com/careerquiz/careerquiz/internal/termsafe"
)

// FuzzParse holds the loader to its promises for any input: it never
// panics, it fails with a message that says where, and a bank it accepts
// is one every other package can use without checking again.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("../questions.toml"); err == nil {
		f.Add(data)
	} else if !errors.Is(err, fs.ErrNotExist) {
		f.Fatal(err)
	}
	files, err := filepath.Glob("testdata/*.toml")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"",
		"title = \"x\"\n[[questions]]\nid = \"a\"\nkind = \"scale\"\nkeyed = \"engineer\"\nweight = nan",
		"[[questions]]\n[[questions.options]]\nweights = { engineer = inf }",
		"[[questions.options]]\ntext = 1",
		"questions = [{ id = \"a\", options = [{ weights = { a = 1e308 } }] }]",
		"title = \"\\u001b]0;x\\u0007\"\nintro = \"\"\"\n\\u202e\"\"\"",
		"[scoring]\nmin_answered = -0.0\nslight = 1e-320",
		"weights = 2\n[[paths]]\nid = \"A\"\n[[paths]]\nid = \"A\"",
		"a = [[[[[[[[[[]]]]]]]]]]",
		"[a.b.c]\n[[a.b.c]]",
		"\ufeff\r\ntitle = 'x'\r\n",
		"x = \"\xff\"",
		// The library's own messages quote keys: duplicate keys holding
		// C1 controls, escapes and bidi overrides must come out clean.
		"\"\\u009b31m\" = 1\n\"\\u009b31m\" = 2",
		"\"\u009d0;x\u009c\" = 1\n\"\u009d0;x\u009c\" = 2",
		"[\"\\u001b[2J\"]\n[\"\\u001b[2J\"]",
		"'\u202ex' = 1\n'\u202ex' = 2",
		"[[questions]]\nid = \"\\u001b]0;t\\u0007\"\n\"\\u001b\" = 1",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := quiz.Parse("fuzz.toml", data)
		if err != nil {
			if b != nil {
				t.Fatalf("Parse returned a bank with the error %v", err)
			}
			if !strings.HasPrefix(err.Error(), "fuzz.toml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			if !utf8.ValidString(err.Error()) {
				t.Fatalf("error is not valid UTF-8: %q", err)
			}
			if msg := err.Error(); termsafe.Clean(msg) != msg {
				t.Fatalf("error holds control characters: %q", msg)
			}
			return
		}
		checkBank(t, b)
		for _, w := range b.Warnings {
			if msg := w.Error(); termsafe.Clean(msg) != msg {
				t.Fatalf("warning holds control characters: %q", msg)
			}
		}
	})
}

// checkBank checks what a loaded bank promises its users.
func checkBank(t *testing.T, b *quiz.Bank) {
	t.Helper()
	if len(b.Paths) < 2 {
		t.Fatalf("bank with %d paths", len(b.Paths))
	}
	if len(b.Questions) == 0 {
		t.Fatal("bank without questions")
	}
	clean := func(what, s string) {
		if termsafe.Clean(s) != s {
			t.Fatalf("%s is not clean: %q", what, s)
		}
	}
	clean("title", b.Title)
	clean("intro", b.Intro)
	paths := map[string]bool{}
	for _, p := range b.Paths {
		if paths[p.ID] {
			t.Fatalf("path id %q twice", p.ID)
		}
		paths[p.ID] = true
		clean("path id", p.ID)
		clean("path name", p.Name)
		clean("path summary", p.Summary)
		for _, s := range p.Salary {
			clean("salary", s)
		}
		for _, s := range p.Steps {
			if b.ThemeIndex(s.Theme) < 0 {
				t.Fatalf("step of path %q names unknown theme %q", p.ID, s.Theme)
			}
			if s.ID == "" || s.Stage < 1 {
				t.Fatalf("step of path %q with id %q and stage %d", p.ID, s.ID, s.Stage)
			}
			clean("step", s.ID+s.Text+s.Basis)
			for qid, oids := range s.SkipWhen {
				q := b.Question(qid)
				if q == nil || q.Scored() {
					t.Fatalf("step %q skips for %q, not an unscored question", s.ID, qid)
				}
				for _, oid := range oids {
					if q.OptionIndex(oid) < 0 {
						t.Fatalf("step %q skips for unknown option %q of %q", s.ID, oid, qid)
					}
				}
			}
		}
	}
	for _, s := range b.TryBoth {
		if b.ThemeIndex(s.Theme) < 0 || s.ID == "" || s.Stage != 0 || s.SkipWhen != nil {
			t.Fatalf("try-both step %+v", s)
		}
		clean("try-both step", s.ID+s.Text+s.Basis)
	}
	for _, th := range b.Themes {
		clean("theme", th.ID+th.Name+th.About)
	}
	ids := map[string]bool{}
	for _, q := range b.Questions {
		if ids[q.ID] || q.ID == "" {
			t.Fatalf("question id %q empty or twice", q.ID)
		}
		ids[q.ID] = true
		if b.ThemeIndex(q.Theme) < 0 {
			t.Fatalf("question %q names unknown theme %q", q.ID, q.Theme)
		}
		clean("question id", q.ID)
		clean("question text", q.Text)
		clean("help", q.Help)
		clean("basis", q.Basis)
		if strings.TrimSpace(q.Text) == "" {
			t.Fatalf("question %q without text", q.ID)
		}
		if !q.Scored() && q.Kind != quiz.Choice {
			t.Fatalf("unscored question %q of kind %q", q.ID, q.Kind)
		}
		switch q.Kind {
		case quiz.Choice, quiz.PickAny:
		case quiz.Scale:
			if len(q.Options) != 5 || b.PathIndex(q.Keyed) < 0 {
				t.Fatalf("scale %q with %d options keyed to %q", q.ID, len(q.Options), q.Keyed)
			}
		case quiz.Graded:
			if len(q.Options) != 5 || len(q.Sides) != 2 || b.PathIndex(q.Sides[0].Path) < 0 ||
				b.PathIndex(q.Sides[1].Path) < 0 || q.Sides[0].Path == q.Sides[1].Path {
				t.Fatalf("graded %q with %d options and sides %+v", q.ID, len(q.Options), q.Sides)
			}
		default:
			t.Fatalf("question %q of kind %q", q.ID, q.Kind)
		}
		if len(q.Options) < 2 {
			t.Fatalf("question %q with %d options", q.ID, len(q.Options))
		}
		moves := false
		for i, o := range q.Options {
			clean("option", o.ID+o.Text)
			if len(o.Weights) != len(b.Paths) {
				t.Fatalf("question %q option %d has %d weights for %d paths", q.ID, i+1, len(o.Weights), len(b.Paths))
			}
			for _, w := range o.Weights {
				if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 || math.Abs(w*1000-math.Round(w*1000)) > 1e-6 {
					t.Fatalf("question %q option %d has weight %v", q.ID, i+1, w)
				}
			}
			for pi, w := range o.Weights {
				if w != q.Options[0].Weights[pi] {
					moves = true
				}
				if w != 0 && !q.Scored() {
					t.Fatalf("unscored question %q option %d has weight %v", q.ID, i+1, w)
				}
			}
			if !q.Scored() && o.ID == "" {
				t.Fatalf("unscored question %q option %d without id", q.ID, i+1)
			}
		}
		if !moves && q.Scored() {
			t.Fatalf("question %q cannot move the result", q.ID)
		}
	}
	for _, w := range b.Warnings {
		if !w.Warning {
			t.Fatalf("warning not marked as one: %v", w)
		}
	}
}
