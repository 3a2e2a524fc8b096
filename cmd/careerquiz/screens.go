package main

// The screens a person sees around the questions: the opening screen, the
// choice between the terminal asker and the plain one, the width everything
// is laid out at, and the line that ends a quiz.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/session"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
	"github.com/careerquiz/careerquiz/internal/termsafe"
)

// layoutWidth is the width to lay out what is written to stream: the
// terminal's, up to session.Widest, or render.ScreenWidth where it is no
// terminal (a file, a pipe).
func (e env) layoutWidth(stream any) int {
	if e.columns != nil {
		if cols := e.columns(stream); cols > 0 {
			return min(cols, session.Widest)
		}
	}
	return render.ScreenWidth
}

// msgs writes messages to stderr, wrapped at the terminal's width, up to
// session.Widest, or not at all where stderr is no terminal, since a script
// reading a pipe or a log wants a message whole on one line.
func (e env) msgs() cli.Messages {
	m := cli.Messages{W: e.stderr}
	if e.isTerminal(e.stderr) {
		m.Width = e.layoutWidth(e.stderr)
	}
	return m
}

// cursorMoves reports whether the terminal named by TERM can move the
// cursor, which the terminal asker needs to redraw its lists. TERM=dumb is
// the convention for a terminal that cannot (an editor's shell buffer, a
// logging console); with no TERM at all, only Windows consoles are known to.
func cursorMoves(e env) bool {
	t := e.getenv("TERM")
	return t != "dumb" && (t != "" || e.goos == "windows")
}

// endLine is the last thing a quiz taken at a terminal prints, so that it
// never ends in silence or with its verdict scrolled away: after a text
// report on the terminal, the verdict again in one line; when the result
// went elsewhere, where it went.
func endLine(r render.Run, o options, interactive bool, e env) {
	verdict := render.Verdict(r.Result)
	toScreen := !o.toFile() && e.isTerminal(e.stdout)
	switch {
	case toScreen && o.format == render.Text:
		fmt.Fprintf(e.stdout, "\n%s\n", textwrap.String("Verdict: "+verdict+". The breakdown, the reasons and the next steps are above.", e.layoutWidth(e.stdout), ""))
	case toScreen || !interactive:
	default:
		e.msgs().Say("Done: %s. Result written to %s.\n", verdict, resultPlace(o, e))
		// The warnings are in the file, out of sight: the one thing a
		// person must not miss about the result goes with it here.
		for _, note := range render.WarningNotes(r.Result) {
			e.msgs().Say("  ! %s\n", note)
		}
	}
}

// resultPlace names where the result went: the --output file, or the file
// standard output was sent to where the system can say, or standard
// output.
func resultPlace(o options, e env) string {
	if o.toFile() {
		return termsafe.Name(o.output)
	}
	if name := stdoutFile(e); name != "" {
		return termsafe.Name(name)
	}
	return "standard output"
}

// stdoutFile is the name of the regular file stdout writes to, relative to
// the working folder where it lies within it, or "" where that is not
// known. Only Linux says, through /proc.
func stdoutFile(e env) string {
	stdout := e.stdout
	if c, ok := stdout.(*checkedStdout); ok {
		stdout = c.w
	}
	f, ok := stdout.(*os.File)
	if !ok || e.goos != "linux" {
		return ""
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	name, err := os.Readlink(fmt.Sprintf("/proc/self/fd/%d", f.Fd()))
	if err != nil || !filepath.IsAbs(name) {
		return ""
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return name
}
