package ask

// This is the only file that knows survey. survey is no longer maintained
// upstream, so everything it does for us is kept here, behind Asker, where a
// move to another prompt library touches nothing else.

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
	"golang.org/x/term"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
)

// FileReader is a terminal to read keys from, such as os.Stdin.
type FileReader interface {
	io.Reader
	Fd() uintptr
}

// FileWriter is a terminal to draw on, such as os.Stderr.
type FileWriter interface {
	io.Writer
	Fd() uintptr
}

// Terminal asks questions in an interactive terminal: the options are a
// list to move through with the arrow keys; b (or Esc) goes back and s
// skips, as a line of key hints under every list says.
//
// survey redraws its list by moving the cursor up one line per line it
// printed. Terminal prints the question itself, wrapped at the width, and
// gives survey options wrapped to fit under its markers, so every line
// survey counts is a line on the screen; when the window is resized, the
// list is wrapped again and redrawn.
type Terminal struct {
	out    FileWriter
	keys   *keyReader
	screen *steadyWriter
	opts   Options
}

// The widths of the markers the templates put in front of an entry: "> "
// for the highlight, and "[x] " for a tick. The answer left on the screen
// ("→ " for a choice, "    → " for each ticked option) takes as much room,
// so that a long answer's continuation lines stand as they did in the list.
const (
	selectMarkWidth = 2
	tickMarkWidth   = 4
)

// Templates for survey's lists. They draw the question (Message), the
// entries, then the key hint (Help) as the last line, and once the question
// is done with, the question again and the answer in place of the rest.
// Drawn by survey, the question is wrapped again with the list when the
// window is resized. survey's own templates add a prompt line ("? Your
// answer") that says nothing the question does not, and its icons.
const (
	selectTemplate = `
{{- define "option"}}
	{{- if eq .SelectedIndex .CurrentIndex }}{{color "cyan+b"}}> {{else}}  {{end}}
	{{- .CurrentOpt.Value}}{{color "reset"}}{{"\n"}}
{{- end}}
{{- .Message}}
{{- if .ShowAnswer}}{{color "cyan"}}→ {{.Answer}}{{color "reset"}}{{"\n"}}
{{- else}}
	{{- range $ix, $option := .PageEntries}}{{template "option" $.IterateOption $ix $option}}{{end}}
	{{- .Help}}
{{- end}}`

	multiSelectTemplate = `
{{- define "option"}}
	{{- if eq .SelectedIndex .CurrentIndex }}{{color "cyan+b"}}> {{else}}  {{end}}
	{{- if index .Checked .CurrentOpt.Index }}[x] {{else}}[ ] {{end}}
	{{- .CurrentOpt.Value}}{{color "reset"}}{{"\n"}}
{{- end}}
{{- .Message}}
{{- if .ShowAnswer}}
	{{- $ticked := false}}
	{{- range $i, $o := .Options}}{{if index $.Checked $i}}{{$ticked = true}}{{color "cyan"}}    → {{$o}}{{color "reset"}}{{"\n"}}{{end}}{{end}}
	{{- if not $ticked}}{{color "cyan"}}→ {{or .Answer "(none ticked: skipped)"}}{{color "reset"}}{{"\n"}}{{end}}
{{- else}}
	{{- range $ix, $option := .PageEntries}}{{template "option" $.IterateOption $ix $option}}{{end}}
	{{- .Help}}
{{- end}}`
)

// NewTerminal returns an asker that reads keys from in and draws on out.
// Both must be the terminal the person is at; out is normally stderr, so
// that stdout stays free for the result.
//
// survey's colour switch and templates are package-wide settings, so they
// are set here: make one Terminal, before asking anything.
func NewTerminal(in FileReader, out FileWriter, opts Options) *Terminal {
	core.DisableColor = !opts.Color
	survey.SelectQuestionTemplate = selectTemplate
	survey.MultiSelectQuestionTemplate = multiSelectTemplate
	return &Terminal{out: out, opts: opts, keys: &keyReader{in: in}, screen: &steadyWriter{out: out}}
}

// Ask shows one question and waits for the person to choose. Enter takes
// the highlighted entry of a choice, scale or graded question, which starts
// on the previous answer if there is one, and otherwise on p.Default; on a
// pick-any question it takes the ticked entries, starting from the
// previous answer, and with nothing ticked it skips.
func (t *Terminal) Ask(p Prompt) (Reply, error) {
	if len(p.Options) == 0 {
		return Reply{}, fmt.Errorf("question %d has no options", p.Number)
	}
	width, height := t.size()
	l := layOut(p, width, height, true)
	if !l.fits {
		// survey erases what it drew by moving up line by line, which
		// stops at the top of the screen: a question that does not fit
		// over its list is printed above it, where nothing redraws it.
		l = layOut(p, width, height, false)
	}
	top := heading(p, width, t.opts.Color)
	if !l.withBody {
		top += questionBody(p, width)
	}
	if _, err := io.WriteString(t.out, top); err != nil {
		return Reply{}, fmt.Errorf("writing question %d: %w", p.Number, err)
	}
	prev := previousPicks(p)
	// Each kind of list has a survey prompt of its own: set hands it a
	// layout, echo replaces the list with a note of what was done, where
	// survey did not draw the answer itself.
	var (
		prompt survey.Prompt
		set    func(layout)
		echo   func(note string) error
		pick   int
		picks  []int
		answer any = &pick
	)
	if p.Kind.Multiple() {
		ms := &survey.MultiSelect{}
		if prev != nil {
			ms.Default = prev
		}
		prompt, answer = ms, &picks
		set = func(l layout) { ms.Message, ms.Help, ms.Options, ms.PageSize = l.body, l.hint, l.labels, l.pageSize }
		echo = func(note string) error {
			return ms.Render(survey.MultiSelectQuestionTemplate,
				survey.MultiSelectTemplateData{MultiSelect: *ms, ShowAnswer: true, Answer: note})
		}
	} else {
		sel := &survey.Select{}
		switch {
		case prev != nil:
			sel.Default = prev[0]
		case p.Default > 0 && p.Default < len(p.Options):
			sel.Default = p.Default
		}
		prompt = sel
		set = func(l layout) {
			sel.Message, sel.Help, sel.Options, sel.PageSize = l.body, l.hint, l.labels, l.pageSize
		}
		echo = func(note string) error {
			return sel.Render(survey.SelectQuestionTemplate,
				survey.SelectTemplateData{Select: *sel, ShowAnswer: true, Answer: note})
		}
	}
	set(l)
	t.keys.reset(true, p.Kind.Multiple(), p.CanGoBack, t.follow(width, height, p, l.withBody, set))
	// Selecting all or none with the side arrows is more surprise than help
	// on lists of two to seven options.
	err := survey.AskOne(prompt, answer, survey.WithStdio(t.keys, t.screen, t.out),
		survey.WithRemoveSelectAll(), survey.WithRemoveSelectNone())
	action := t.keys.action
	t.keys.reset(false, false, false, nil)
	if err == nil {
		if !p.Kind.Multiple() {
			picks = []int{pick}
		}
		if len(picks) == 0 {
			return Reply{Action: Skip}, nil
		}
		return Reply{Action: Answered, Picks: picks}, nil
	}
	if !errors.Is(err, terminal.InterruptErr) {
		return Reply{}, failed(fmt.Sprintf("asking question %d", p.Number), err)
	}
	// A key of ours ended survey's prompt, which leaves its list on the
	// screen: replace it with what was done, as survey does for an answer.
	reply, note, err := Reply{}, "(stopped)", ErrInterrupted
	switch action {
	case backAction:
		reply, note, err = Reply{Action: Back}, "(back to the previous question)", nil
	case skipAction:
		reply, note, err = Reply{Action: Skip}, "(skipped)", nil
	case saveAction:
		err = ErrQuit
	}
	if rerr := echo(note); rerr != nil {
		return Reply{}, fmt.Errorf("writing question %d: %w", p.Number, rerr)
	}
	return reply, err
}

// follow returns the key reader's idle check for a question laid out at
// width and height: when the window's size changes, it lays the list out
// again, hands it to set and reports true, so that survey redraws it.
func (t *Terminal) follow(width, height int, p Prompt, withBody bool, set func(layout)) func() bool {
	return func() bool {
		w, h := t.size()
		if w == width && h == height {
			return false
		}
		width, height = w, h
		set(layOut(p, w, h, withBody))
		return true
	}
}

// layout is a question's list as survey is given it: body is the
// question's text as survey draws it above the list, or "" where it is
// printed before survey starts (withBody says which); labels are the
// options, each wrapped to fit after its markers; survey shows pageSize of
// them at once, above hint, the line of keys. fits says whether the whole
// layout, every entry shown, fits the terminal (one of unknown height does).
type layout struct {
	body, hint     string
	withBody, fits bool
	labels         []string
	pageSize       int
}

// layOut fits p's options and key hint, and its text where withBody says,
// to a terminal of width×height (height 0 when unknown).
func layOut(p Prompt, width, height int, withBody bool) layout {
	// A choice's continuation lines hang two columns further in, so that
	// they cannot be mistaken for the next entry; a pick-any entry starts
	// with its box, and its text stands in one column.
	indent := selectMarkWidth + 2
	if p.Kind.Multiple() {
		indent = selectMarkWidth + tickMarkWidth
	}
	// One column is kept free: some terminals wrap a line that reaches
	// the last column early.
	avail := width - indent - 1
	l := layout{labels: make([]string, len(p.Options)), hint: keyHint(p, width-1), withBody: withBody}
	if withBody {
		l.body = questionBody(p, width)
	}
	// The rows of the question, where survey draws it, and the key hint,
	// then those of every entry.
	fixed := strings.Count(l.body, "\n") + strings.Count(l.hint, "\n") + 1
	rows, total := make([]int, len(p.Options)), fixed
	for i, opt := range p.Options {
		lines := textwrap.Wrap(opt, avail, "")
		l.labels[i] = strings.Join(lines, "\n"+strings.Repeat(" ", indent))
		rows[i] = len(lines)
		total += rows[i]
	}
	l.pageSize, l.fits = len(rows), height == 0 || total <= height
	if height > 0 {
		l.pageSize = pageSize(rows, height-fixed)
	}
	return l
}

// pageSize is the most entries survey can show at once so that any run of
// them, of the given heights in rows, fits in room rows: survey scrolls the
// list in whole entries and erases what it drew by counting lines, so the
// list must never be taller than the screen.
func pageSize(rows []int, room int) int {
	sorted := slices.Clone(rows)
	slices.SortFunc(sorted, func(a, b int) int { return b - a })
	n, used := 0, 0
	for _, r := range sorted {
		if used+r > room {
			break
		}
		used += r
		n++
	}
	return max(n, 1)
}

// keyHint is the line of keys under every list, in as many words as width
// allows: in full, then shortened, then without the arrows (the highlight
// shows them); at the narrowest it wraps between keys, never inside one.
func keyHint(p Prompt, width int) string {
	var long, short []string
	key := func(l, s string) { long, short = append(long, l), append(short, s) }
	key("↑/↓ move", "↑↓ move")
	if p.Kind.Multiple() {
		key("Space tick", "Space tick")
		key("Enter done", "Enter ok")
	} else {
		key("Enter answer", "Enter ok")
	}
	if p.CanGoBack {
		key("b back", "b back")
	}
	key("s skip", "s skip")
	if p.Unsaved {
		key("Ctrl-D quit", "^D quit")
	} else {
		key("Ctrl-D save and quit", "^D quit")
	}
	for _, parts := range [][]string{long, short, short[1:]} {
		if line := strings.Join(parts, " · "); textwrap.Width(line) <= width {
			return line
		}
	}
	var lines []string
	line := ""
	for _, k := range short {
		switch {
		case line == "":
			line = k
		case textwrap.Width(line+" · "+k) <= width:
			line += " · " + k
		default:
			lines = append(lines, line)
			line = k
		}
	}
	return strings.Join(append(lines, line), "\n")
}

// Confirm asks a yes/no question; Enter gives def. Ctrl-D quits, as it
// does on a question.
func (t *Terminal) Confirm(question string, def bool) (bool, error) {
	message, err := t.above(question, 16)
	if err != nil {
		return false, err
	}
	var yes bool
	err = t.askLine(&survey.Confirm{Message: message, Default: def}, &yes, "asking to confirm")
	return yes, err
}

// Offer asks whether to take what question offers: Enter (or y) takes it,
// c (or n) goes on. Ctrl-D quits, as it does on a question.
func (t *Terminal) Offer(question string) (bool, error) {
	// A blank line sets the offer apart from the answer above it, as
	// one question is set apart from the last.
	if _, err := io.WriteString(t.out, "\n"); err != nil {
		return false, fmt.Errorf("writing question: %w", err)
	}
	message, err := t.above(question, 20)
	if err != nil {
		return false, err
	}
	for {
		var line string
		if err := t.askLine(&survey.Input{Message: message}, &line, "asking to finish"); err != nil {
			return false, err
		}
		if take, ok := offerReply(line); ok {
			return take, nil
		}
		message = "Please press Enter, or type c and Enter"
	}
}

// above writes a question too long for survey's one line above the line
// survey draws, which then says only "Your answer"; room is what survey
// adds to the line around the message.
func (t *Terminal) above(question string, room int) (string, error) {
	width, _ := t.size()
	if textwrap.Width(question)+room <= width {
		return question, nil
	}
	text := textwrap.String(question, width, "") + "\n"
	if _, err := io.WriteString(t.out, text); err != nil {
		return "", fmt.Errorf("writing question: %w", err)
	}
	return "Your answer", nil
}

// askLine has survey ask a prompt read as a line, where Ctrl-D reaches
// survey as Ctrl-C; what names the asking in an error.
func (t *Terminal) askLine(prompt survey.Prompt, answer any, what string) error {
	t.keys.reset(false, false, false, nil)
	switch err := survey.AskOne(prompt, answer, survey.WithStdio(t.keys, t.out, t.out)); {
	case err == nil:
		return nil
	case errors.Is(err, terminal.InterruptErr) && t.keys.action == saveAction:
		return ErrQuit
	default:
		return failed(what, err)
	}
}

// size returns the width to draw within and the terminal's height, 0 when
// unknown. It is measured for every question, and while a question waits,
// so a resized window is followed.
func (t *Terminal) size() (width, height int) {
	width = t.opts.width()
	cols, rows, err := term.GetSize(int(t.out.Fd()))
	if err != nil || cols <= 0 {
		return width, 0
	}
	return min(width, max(cols, minWidth)), rows
}

// heading is what Terminal prints before survey draws: a blank line to
// set the question apart from the last, and the progress line.
func heading(p Prompt, width int, color bool) string {
	var b strings.Builder
	b.WriteString("\n")
	for _, line := range textwrap.Wrap(progress(p), width, "") {
		if color {
			line = "\x1b[1;36m" + line + "\x1b[0m"
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// questionBody is the question's text, sides and help wrapped to width,
// and on a pick-any question how to answer it.
func questionBody(p Prompt, width int) string {
	s := body(p, width)
	if p.Kind.Multiple() {
		s += textwrap.String("Tick all that apply, then press Enter; Enter with none ticked skips.", width, "") + "\n"
	}
	return s
}

// failed maps survey's errors to the package's.
func failed(what string, err error) error {
	switch {
	case errors.Is(err, terminal.InterruptErr):
		return ErrInterrupted
	case errors.Is(err, io.EOF):
		return ErrInputEnded
	}
	return fmt.Errorf("%s: %w", what, err)
}
