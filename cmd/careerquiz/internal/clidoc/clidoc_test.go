package clidoc_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/clidoc"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what was made; run go test -update and read the diff", path)
	}
}

func render(t *testing.T, write func(*bytes.Buffer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestBashGolden(t *testing.T) {
	out := render(t, func(b *bytes.Buffer) error { return clidoc.Bash(b, careerquiz) })
	golden(t, "careerquiz.bash", out)
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	cmd := exec.Command("bash", "-n")
	cmd.Stdin = bytes.NewReader(out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("bash -n: %v\n%s", err, msg)
	}
}

// What bash offers at each point of a command line: the script is run
// in bash as completion would run it.
func TestBashCompletes(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	dir := t.TempDir()
	for _, name := range []string{"my.toml", "mine.json", "other.txt"} {
		os.WriteFile(filepath.Join(dir, name), nil, 0o600)
	}
	os.Mkdir(filepath.Join(dir, "results"), 0o700)
	script := filepath.Join(dir, "completion.bash")
	os.WriteFile(script, render(t, func(b *bytes.Buffer) error { return clidoc.Bash(b, careerquiz) }), 0o600)
	for _, tc := range []struct {
		line string // what is typed; the cursor is at its end
		want string // the replies, space-separated
	}{
		{"careerquiz ", "check bank schema history compare stats completion help"},
		{"careerquiz c", "check compare completion"},
		{"careerquiz --f", "--format"},
		{"careerquiz --no-", "--no-color --no-save"},
		{"careerquiz --format ", "text json markdown"},
		{"careerquiz --format j", "json"},
		{"careerquiz --format=m", "markdown"},
		{"careerquiz --color a", "auto always"},
		{"careerquiz --colour n", "never"},
		{"careerquiz -color=n", "never"},
		{"careerquiz --questions m", "mine.json my.toml"},
		{"careerquiz --output=r", "results"},
		{"careerquiz --seed ", ""},
		{"careerquiz --json ", ""},
		{"careerquiz check --", "--json --help"},
		{"careerquiz check m", "mine.json my.toml"},
		{"careerquiz check --json m", "mine.json my.toml"},
		{"careerquiz check my.toml ", ""},
		{"careerquiz schema ", "bank result check"},
		{"careerquiz schema bank ", ""},
		{"careerquiz compare --questions my.toml m", "mine.json my.toml"},
		{"careerquiz compare --questions=my.toml mine.json m", "mine.json my.toml"},
		{"careerquiz compare a b ", ""},
		{"careerquiz stats --json a b r", "results"},
		{"careerquiz completion ", "bash zsh fish"},
		{"careerquiz help co", "compare completion"},
		{"careerquiz bank ", ""},
	} {
		t.Run(tc.line, func(t *testing.T) {
			// Split as bash does with its default COMP_WORDBREAKS: = is a
			// word of its own.
			words := strings.Fields(strings.ReplaceAll(tc.line, "=", " = "))
			if strings.HasSuffix(tc.line, " ") || strings.HasSuffix(tc.line, "=") {
				words = append(words, "")
			}
			if strings.HasSuffix(tc.line, "=") {
				words = words[:len(words)-1]
			}
			var q []string
			for _, w := range words {
				q = append(q, "'"+w+"'")
			}
			prog := "source " + script + "\nCOMP_WORDS=(" + strings.Join(q, " ") + ")\nCOMP_CWORD=" +
				strconv.Itoa(len(words)-1) + "\n_careerquiz\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
			cmd := exec.Command("bash", "--norc", "--noprofile", "-c", prog)
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			got := strings.Join(strings.Fields(string(out)), " ")
			if got != tc.want {
				t.Errorf("offered %q, want %q", got, tc.want)
			}
		})
	}
}

func TestZshGolden(t *testing.T) {
	out := render(t, func(b *bytes.Buffer) error { return clidoc.Zsh(b, careerquiz) })
	golden(t, "_careerquiz", out)
	if _, err := exec.LookPath("zsh"); err != nil {
		t.Skip("no zsh")
	}
	dir := t.TempDir()
	script := filepath.Join(dir, "_careerquiz")
	os.WriteFile(script, out, 0o600)
	if msg, err := exec.Command("zsh", "-n", script).CombinedOutput(); err != nil {
		t.Fatalf("zsh -n: %v\n%s", err, msg)
	}
	// Sourced, it registers itself with the completion system.
	prog := "autoload -U compinit && compinit -u -d " + dir + "/zcompdump && source " + script + " && print -r -- $_comps[careerquiz]"
	msg, err := exec.Command("zsh", "-f", "-c", prog).CombinedOutput()
	if err != nil || strings.TrimSpace(string(msg)) != "_careerquiz" {
		t.Fatalf("sourcing in zsh: %v\n%s", err, msg)
	}
}

func TestFishGolden(t *testing.T) {
	out := render(t, func(b *bytes.Buffer) error { return clidoc.Fish(b, careerquiz) })
	golden(t, "careerquiz.fish", out)
	if _, err := exec.LookPath("fish"); err != nil {
		t.Skip("no fish")
	}
	dir := t.TempDir()
	script := filepath.Join(dir, "careerquiz.fish")
	os.WriteFile(script, out, 0o600)
	if msg, err := exec.Command("fish", "--no-config", "-n", script).CombinedOutput(); err != nil {
		t.Fatalf("fish -n: %v\n%s", err, msg)
	}
	for _, name := range []string{"my.toml", "mine.json"} {
		os.WriteFile(filepath.Join(dir, name), nil, 0o600)
	}
	for _, tc := range []struct{ line, want string }{
		{"careerquiz c", "check compare completion"},
		{"careerquiz --format ", "json markdown text"},
		{"careerquiz --format=", "--format=json --format=markdown --format=text"},
		{"careerquiz --colour n", "never"},
		{"careerquiz --questions m", "mine.json my.toml"},
		{"careerquiz --seed ", ""},
		{"careerquiz check --j", "--json"},
		{"careerquiz check m", "mine.json my.toml"},
		{"careerquiz schema ", "bank check result"},
		{"careerquiz history ", ""},
		{"careerquiz completion ", "bash fish zsh"},
	} {
		t.Run(tc.line, func(t *testing.T) {
			cmd := exec.Command("fish", "--no-config", "-c", "source "+script+"; complete -C '"+tc.line+"'")
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			var got []string
			for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				if w, _, _ := strings.Cut(l, "\t"); w != "" {
					got = append(got, w)
				}
			}
			slices.Sort(got)
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("offered %q, want %q", g, tc.want)
			}
			// A flag's values stand alone: fish would repeat the flag's
			// whole help beside each of them.
			if strings.HasSuffix(tc.line, " ") && strings.HasPrefix(tc.line, "careerquiz --") && strings.Contains(string(out), "\t") {
				t.Errorf("values offered with a description:\n%s", out)
			}
		})
	}
}

func TestManGolden(t *testing.T) {
	out := render(t, func(b *bytes.Buffer) error { return clidoc.Man(b, careerquiz, "2026-12-07", "v1.2.0") })
	golden(t, "careerquiz.1", out)
	if _, err := exec.LookPath("groff"); err != nil {
		t.Skip("no groff")
	}
	// -ww turns on every warning; -z makes no output but the warnings.
	cmd := exec.Command("groff", "-man", "-Tutf8", "-ww", "-z")
	cmd.Stdin = bytes.NewReader(out)
	if msg, err := cmd.CombinedOutput(); err != nil || len(msg) > 0 {
		t.Fatalf("groff warns: %v\n%s", err, msg)
	}
	cmd = exec.Command("groff", "-man", "-Tutf8", "-P-cbou")
	cmd.Stdin = bytes.NewReader(out)
	page, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"careerquiz - see whether you lean towards back-end engineering",
		"careerquiz check [--json] [FILE|-]",
		"--format FORMAT",
		"--color, --colour WHEN",
		"EXIT STATUS", "130", "ENVIRONMENT", "NO_COLOR", "FILES", "EXAMPLES",
		"careerquiz --format markdown --output result.md",
		"↑ ↓ (or j k)",
		"print one row per person instead",
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page as shown lacks %q", want)
		}
	}
}

// Text that roff would read as requests or escapes is shown as written.
func TestManEscapes(t *testing.T) {
	p := clidoc.Program{Name: "x", Summary: `a \back slash`, Description: ".TH not a request\n\n'also not\n\nsay \"hi\" -- to all",
		Examples: []clidoc.Example{{Command: `x --a "b" 'c'`, Text: ".start"}}}
	out := render(t, func(b *bytes.Buffer) error { return clidoc.Man(b, p, "d", "v") })
	if _, err := exec.LookPath("groff"); err != nil {
		t.Skip("no groff")
	}
	cmd := exec.Command("groff", "-man", "-Tutf8", "-ww", "-P-cbou")
	cmd.Stdin = bytes.NewReader(out)
	page, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`a \back slash`, ".TH not a request", "'also not", `say "hi" -- to all`, `x --a "b" 'c'`, ".start"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page lacks %q:\n%s", want, page)
		}
	}
}
