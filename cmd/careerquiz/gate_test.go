package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
)

// hostileName is a file name that clears the screen, homes the cursor and
// retitles the window when printed raw.
const hostileName = "x\033[2J\033[H\033]0;PWNED\007.toml"

// rawControls lists the characters in s that a terminal would obey: C0
// controls other than newline, DEL, C1 controls and bidirectional
// overrides, each quoted, with invalid UTF-8 bytes (which a terminal may
// read as C1 controls) among them.
func rawControls(s string) []string {
	var found []string
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			found = append(found, fmt.Sprintf("byte %#x at %d", s[i], i))
		case r == '\n':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0),
			(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c:
			found = append(found, fmt.Sprintf("%U at %d", r, i))
		}
	}
	return found
}

// TestNoControlCharactersReachTheTerminal runs the command on hostile file
// names, and on banks and answers files whose quoted keys hold C1 controls
// (which the TOML library quotes back in its errors), and holds stdout and
// stderr to not one raw control character. JSON output must still be JSON,
// with the same text, escaped.
func TestNoControlCharactersReachTheTerminal(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("Windows file names cannot hold control characters")
	}
	dir := t.TempDir()
	write := func(name, text string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	// A quoted key may hold C1 controls as escapes or as raw characters;
	// repeating it is an error the TOML library reports with the key.
	c1Keys := "\"\\u009b2J\\u009d0;PWNED\\u009c\" = 1\n\"\\u009b2J\\u009d0;PWNED\\u009c\" = 2\n" +
		"\"\u009b2J\u009d0;x\u009c\u202e\" = 1\n\"\u009b2J\u009d0;x\u009c\u202e\" = 2\n"
	bank := write("bank.toml", "title = \"t\"\n"+c1Keys)
	answers := write("answers.toml", c1Keys)
	tableTwice := write("tables.toml", "[\"\\u009bx\"]\na = 1\n[\"\\u009bx\"]\nb = 2\n")
	escapeLine := write("escape.toml", "title = \"x\"\n\033[2Jintro = 3\x07\n")
	hostile := write(hostileName, "title = \"x")
	// A bank that loads, with a warning that names its file.
	builtin, err := os.ReadFile(filepath.Join("..", "..", "questions.toml"))
	if err != nil {
		t.Fatal(err)
	}
	working := write("ok-"+hostileName, strings.Replace(string(builtin), "\ntitle = \"", "\ntitle = \"\\u001b]0;PWNED\\u0007", 1))
	unknownKeys := write("unknown.toml", "\"\\u009b2J\\u009d0;PWNED\\u009c\" = 1\n\"messaging\u009b\" = 2\n")
	missing := filepath.Join(dir, "missing-"+hostileName)

	tests := []struct {
		name string
		args []string
		json bool
	}{
		{"a hostile bank name", []string{"--questions", hostile}, false},
		{"a hostile bank name in check", []string{"check", hostile}, false},
		{"a hostile bank name in check --json", []string{"check", "--json", hostile}, true},
		{"a missing bank with a hostile name", []string{"--questions", missing}, false},
		{"a missing bank with a hostile name in check", []string{"check", missing}, false},
		{"a missing bank with a hostile name in check --json", []string{"check", "--json", missing}, true},
		{"a missing answers file with a hostile name", []string{"--answers", missing}, false},
		{"C1 keys in a bank", []string{"--questions", bank}, false},
		{"C1 keys in check", []string{"check", bank}, false},
		{"C1 keys in check --json", []string{"check", "--json", bank}, true},
		{"a table defined twice", []string{"check", tableTwice}, false},
		{"a table defined twice in check --json", []string{"check", "--json", tableTwice}, true},
		{"an escape on the line in error", []string{"check", escapeLine}, false},
		{"an escape on the line in error in check --json", []string{"check", "--json", escapeLine}, true},
		{"C1 keys in an answers file", []string{"--answers", answers}, false},
		{"C1 keys in an answers file for --json", []string{"--answers", answers, "--json"}, false},
		{"unknown C1 keys in an answers file", []string{"--answers", unknownKeys}, false},
		{"a hostile bank name with a warning, answered", []string{"--questions", working, "--answers", unknownKeys}, false},
		{"a hostile bank name with a warning, asked", []string{"--questions", working}, false},
		{"a hostile bank name with a warning, in check", []string{"check", working}, false},
		{"a hostile results file in stats", []string{"stats", missing, hostile}, false},
		{"a hostile results file in stats --json", []string{"stats", "--json", hostile}, false},
		{"a hostile flag", []string{"--\033]0;PWNED\007"}, false},
		{"a hostile argument", []string{"\u009b2J"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, stdout, stderr := testEnv(t, "")
			run(tt.args, e)
			for name, out := range map[string]*bytes.Buffer{"stdout": stdout, "stderr": stderr} {
				if found := rawControls(out.String()); len(found) > 0 {
					t.Errorf("%s holds raw control characters %v:\n%q", name, found, out.String())
				}
			}
			if stderr.Len() == 0 && stdout.Len() == 0 {
				t.Error("nothing was said")
			}
			if tt.json {
				var doc struct {
					File string `json:"file"`
				}
				if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
					t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
				}
				if doc.File != tt.args[len(tt.args)-1] {
					t.Errorf("file %q, want the name as given, escaped", doc.File)
				}
			}
		})
	}
}

func TestEncodeEscapesWhatTerminalsObey(t *testing.T) {
	t.Parallel()
	doc := map[string]string{"text": "a\u009b2Jb\u009d0;x\u009c\u202eevil\u202c\u007fz é ✓ R&D"}
	var out bytes.Buffer
	if err := result.Encode(&out, doc); err != nil {
		t.Fatal(err)
	}
	if found := rawControls(out.String()); len(found) > 0 {
		t.Errorf("raw control characters %v in %s", found, out.String())
	}
	want := "{\n  \"text\": \"a\\u009b2Jb\\u009d0;x\\u009c\\u202eevil\\u202c\\u007fz é ✓ R&D\"\n}\n"
	if out.String() != want {
		t.Errorf("got  %s\nwant %s", out.String(), want)
	}
	var back map[string]string
	if err := json.Unmarshal(out.Bytes(), &back); err != nil || back["text"] != doc["text"] {
		t.Errorf("the escaped document reads back as %q, %v; want %q", back["text"], err, doc["text"])
	}
}

// FuzzGate: whatever a message holds, what say prints is free of control
// characters, and what result.Encode writes is the same JSON, escaped.
func FuzzGate(f *testing.F) {
	f.Add(hostileName)
	f.Add("\u009b2J\u009d0;PWNED\u009c")
	f.Add("line one\nline two\t\u202eevil")
	f.Add("\xff\xfe\x9b")
	f.Fuzz(func(t *testing.T, s string) {
		var out bytes.Buffer
		cli.Messages{W: &out}.Say("careerquiz: %s: open: no such file\n", s)
		if found := rawControls(out.String()); len(found) > 0 {
			t.Errorf("say printed %v for %q: %q", found, s, out.String())
		}
		data, err := json.Marshal(map[string]string{"file": s})
		if err != nil {
			t.Fatal(err)
		}
		out.Reset()
		if err := result.Encode(&out, map[string]string{"file": s}); err != nil {
			t.Fatal(err)
		}
		if found := rawControls(out.String()); len(found) > 0 {
			t.Errorf("result.Encode passed %v for %q: %s", found, s, out.String())
		}
		var back, orig map[string]string
		json.Unmarshal(data, &orig)
		if err := json.Unmarshal(out.Bytes(), &back); err != nil || back["file"] != orig["file"] {
			t.Errorf("escaped JSON reads back as %q, %v; want %q", back["file"], err, orig["file"])
		}
	})
}
