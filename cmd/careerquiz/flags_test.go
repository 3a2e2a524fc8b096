package main

import (
	"errors"
	"reflect"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/internal/suggest"
)

func TestSuggest(t *testing.T) {
	t.Parallel()
	flags := quizFlags.Names()
	tests := []struct {
		typed string
		from  []string
		want  string
	}{
		{"jsno", flags, "json"},
		{"jsn", flags, "json"},
		{"answer", flags, "answers"},
		{"questons", flags, "questions"},
		{"no-colr", flags, "no-color"},
		{"versoin", flags, "version"},
		{"shuf", flags, "shuffle"},
		{"frobnicate", flags, ""},
		{"x", flags, ""},
		{"chek", commandNames(), "check"},
		{"hlep", commandNames(), "help"},
		{"shema", commandNames(), "schema"},
		{"banks", commandNames(), "bank"},
		{"take", commandNames(), ""},
	}
	for _, tt := range tests {
		if got := suggest.Closest(tt.typed, tt.from); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}

// TestParseArgs holds the rules every command's flags follow, whatever its
// table: flags before or after arguments, "--" ends them, one dash or two.
func TestParseArgs(t *testing.T) {
	t.Parallel()
	type opts struct {
		json bool
		file string
	}
	table := cli.Flags[opts]{
		cli.Switch("json", "", func(o *opts) *bool { return &o.json }),
		cli.File("file", "", func(o *opts) *string { return &o.file }),
	}
	tests := []struct {
		args []string
		want opts
		rest []string
	}{
		{nil, opts{}, nil},
		{[]string{"a", "--json"}, opts{json: true}, []string{"a"}},
		{[]string{"-json", "a", "-file=f", "b"}, opts{json: true, file: "f"}, []string{"a", "b"}},
		{[]string{"--file", "f", "-"}, opts{file: "f"}, []string{"-"}},
		{[]string{"--json", "--", "--file", "x"}, opts{json: true}, []string{"--file", "x"}},
		{[]string{"--json=false"}, opts{}, nil},
	}
	for _, tt := range tests {
		var o opts
		rest, err := cli.Parse("test", tt.args, table, &o)
		if err != nil {
			t.Errorf("%q: %v", tt.args, err)
			continue
		}
		if o != tt.want || !reflect.DeepEqual(rest, tt.rest) {
			t.Errorf("%q: got %+v %q, want %+v %q", tt.args, o, rest, tt.want, tt.rest)
		}
	}

	mistakes := []struct {
		args []string
		msg  string
	}{
		{[]string{"--jsno"}, "test: unknown flag --jsno"},
		{[]string{"--file"}, "test: --file needs a file name"},
		{[]string{"--file="}, "test: --file needs a file name"},
		{[]string{"--file", "a", "--file", "b"}, "test: --file given twice (--file=a, then --file=b): give it once"},
		{[]string{"--json=perhaps"}, `test: --json takes no value (or =true, =false), got "perhaps"`},
	}
	for _, tt := range mistakes {
		var o opts
		_, err := cli.Parse("test", tt.args, table, &o)
		var ue cli.UsageError
		if !errors.As(err, &ue) || ue.Msg != tt.msg {
			t.Errorf("%q: got %v, want the usage error %q", tt.args, err, tt.msg)
		}
	}
	for _, help := range []string{"-h", "--help", "-help"} {
		var o opts
		_, err := cli.Parse("test", []string{"a", help}, table, &o)
		if !errors.As(err, new(cli.HelpRequested)) {
			t.Errorf("%s: got %v, want a request for help", help, err)
		}
	}
}

// TestColorPrecedence holds the order the usage documents: --color or
// --no-color; NO_COLOR; CLICOLOR_FORCE or FORCE_COLOR; TERM=dumb; a
// terminal.
func TestColorPrecedence(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		mode     cli.Color
		vars     map[string]string
		terminal bool
		want     bool
	}{
		{"a terminal", cli.ColorAuto, nil, true, true},
		{"a pipe", cli.ColorAuto, nil, false, false},
		{"always into a pipe", cli.ColorAlways, nil, false, true},
		{"never on a terminal", cli.ColorNever, nil, true, false},
		{"NO_COLOR on a terminal", cli.ColorAuto, map[string]string{"NO_COLOR": "1"}, true, false},
		{"NO_COLOR empty", cli.ColorAuto, map[string]string{"NO_COLOR": ""}, true, true},
		{"always over NO_COLOR", cli.ColorAlways, map[string]string{"NO_COLOR": "1"}, false, true},
		{"CLICOLOR_FORCE into a pipe", cli.ColorAuto, map[string]string{"CLICOLOR_FORCE": "1"}, false, true},
		{"CLICOLOR_FORCE=0", cli.ColorAuto, map[string]string{"CLICOLOR_FORCE": "0"}, false, false},
		{"FORCE_COLOR into a pipe", cli.ColorAuto, map[string]string{"FORCE_COLOR": "true"}, false, true},
		{"FORCE_COLOR=false", cli.ColorAuto, map[string]string{"FORCE_COLOR": "false"}, false, false},
		{"NO_COLOR over forcing", cli.ColorAuto, map[string]string{"NO_COLOR": "1", "CLICOLOR_FORCE": "1"}, true, false},
		{"never over forcing", cli.ColorNever, map[string]string{"FORCE_COLOR": "1"}, true, false},
		{"forcing over TERM=dumb", cli.ColorAuto, map[string]string{"FORCE_COLOR": "1", "TERM": "dumb"}, false, true},
		{"TERM=dumb on a terminal", cli.ColorAuto, map[string]string{"TERM": "dumb"}, true, false},
		// A terminal that does not say what it is gets no escape sequences.
		{"no TERM on a terminal", cli.ColorAuto, map[string]string{"TERM": ""}, true, false},
		{"forcing with no TERM", cli.ColorAuto, map[string]string{"TERM": "", "CLICOLOR_FORCE": "1"}, false, true},
	}
	for _, tt := range tests {
		e, _, _ := testEnv(t, "")
		e.getenv = func(k string) string {
			if v, ok := tt.vars[k]; ok || k != "TERM" {
				return v
			}
			return "xterm"
		}
		e.isTerminal = func(any) bool { return tt.terminal }
		if got := colorOn(nil, e, tt.mode); got != tt.want {
			t.Errorf("%s: colour %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestVersionFromTheLinker: a release build sets main.version with
// -ldflags "-X main.version=…", and --version prints it.
func TestVersionFromTheLinker(t *testing.T) {
	t.Parallel()
	defer func(v string) { version = v }(version)
	version = "v1.2.3"
	e, stdout, _ := testEnv(t, "")
	if code := run([]string{"--version"}, e); code != cli.ExitOK || stdout.String() != "careerquiz v1.2.3\n" {
		t.Errorf("--version: exit %d, %q", code, stdout)
	}
}
