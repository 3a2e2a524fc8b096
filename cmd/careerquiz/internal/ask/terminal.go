package ask

// This is the only file that knows survey. survey is no longer maintained
// upstream, so everything it does for us is kept here, behind Asker, where a
// move to another prompt library touches nothing else.

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
	"golang.org/x/term"

	"github.com/careerquiz/careerquiz/quiz"
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
// list to move through with the arrow keys, with "go back" and "skip" as
// two more entries at its end.
//
// survey redraws its prompt by moving the cursor up one line per line it
// printed, so a line of its own that wraps leaves stale lines behind.
// Terminal therefore prints the question text itself, wrapped, and gives
// survey only lines that fit: a short message and truncated labels.
type Terminal struct {
	in   FileReader
	out  FileWriter
	opts Options
}

// The entries added after a question's options. They stand out from the
// options without depending on symbols that some terminal fonts lack.
const (
	backLabel = "« Go back"
	skipLabel = "» Skip this question"
)

// labelMargin is the room survey takes around an option label: a
// pick-any line is drawn as "> [x]  label". One more column keeps every
// line off the last column, where some terminals wrap early.
const labelMargin = 8

// NewTerminal returns an asker that reads keys from in and draws on out.
// Both must be the terminal the person is at; out is normally stderr, so
// that stdout stays free for the result.
//
// survey's colour switch is a package-wide setting, read the first time
// each kind of prompt is drawn, so it is set here: make one Terminal, before
// asking anything.
func NewTerminal(in FileReader, out FileWriter, opts Options) *Terminal {
	core.DisableColor = !opts.Color
	survey.SelectQuestionTemplate = strings.Replace(survey.SelectQuestionTemplate, "type to filter", "Enter to answer", 1)
	survey.MultiSelectQuestionTemplate = strings.Replace(survey.MultiSelectQuestionTemplate, "type to filter", "Enter to answer", 1)
	// With nothing ticked, Enter skips: say so on the answered line, which
	// survey would otherwise leave blank.
	survey.MultiSelectQuestionTemplate = strings.Replace(survey.MultiSelectQuestionTemplate,
		`{{color "cyan"}} {{.Answer}}{{color "reset"}}`,
		`{{color "cyan"}} {{if .Answer}}{{.Answer}}{{else}}(none ticked: skipped){{end}}{{color "reset"}}`, 1)
	return &Terminal{in: in, out: out, opts: opts}
}

// everything is a filter that keeps every option. survey filters a list as
// the person types, which helps with long lists but with two to seven
// options only surprises: a stray space would empty the list.
func everything(string, string, int) bool { return true }

// Ask shows one question and waits for the person to choose. Enter takes
// the highlighted entry of a choice or scale question, which starts on the
// previous answer if there is one; on a pick-any question it takes the
// ticked entries, starting from the previous answer, and with nothing ticked
// it skips. Ticking "go back" or "skip" among other entries goes back or
// skips, in that order of precedence.
func (t *Terminal) Ask(p Prompt) (Reply, error) {
	if len(p.Options) == 0 {
		return Reply{}, fmt.Errorf("question %d has no options", p.Number)
	}
	width, height := t.size()
	if _, err := io.WriteString(terminal.NewAnsiStdout(t.out), heading(p, width, t.opts.Color)); err != nil {
		return Reply{}, fmt.Errorf("writing question %d: %w", p.Number, err)
	}

	labels := make([]string, 0, len(p.Options)+2)
	for _, opt := range p.Options {
		labels = append(labels, truncate(opt, width-labelMargin))
	}
	back := -1
	if p.CanGoBack {
		back = len(labels)
		labels = append(labels, backLabel)
	}
	skip := len(labels)
	labels = append(labels, skipLabel)

	// Every entry is shown at once unless the terminal is too short for
	// them and survey's own prompt line; then survey scrolls the list.
	pageSize := len(labels)
	if height > 0 {
		pageSize = min(pageSize, max(height-2, 1))
	}
	prev := previousPicks(p)
	askOpts := []survey.AskOpt{
		survey.WithStdio(t.in, t.out, t.out),
		// Selecting all would tick "go back" and "skip" as well.
		survey.WithRemoveSelectAll(),
		survey.WithRemoveSelectNone(),
		survey.WithFilter(everything),
	}

	if p.Kind == quiz.PickAny {
		prompt := &survey.MultiSelect{Message: "Your answers", Options: labels, PageSize: pageSize}
		if prev != nil {
			prompt.Default = prev
		}
		var picks []int
		if err := survey.AskOne(prompt, &picks, askOpts...); err != nil {
			return Reply{}, failed(fmt.Sprintf("asking question %d", p.Number), err)
		}
		return pickAnyReply(picks, back, skip), nil
	}

	prompt := &survey.Select{Message: "Your answer", Options: labels, PageSize: pageSize}
	if prev != nil {
		prompt.Default = prev[0]
	}
	var pick int
	if err := survey.AskOne(prompt, &pick, askOpts...); err != nil {
		return Reply{}, failed(fmt.Sprintf("asking question %d", p.Number), err)
	}
	switch pick {
	case back:
		return Reply{Action: Back}, nil
	case skip:
		return Reply{Action: Skip}, nil
	}
	return Reply{Action: Answered, Picks: []int{pick}}, nil
}

// pickAnyReply turns the entries ticked on a pick-any question (ascending,
// as survey returns them) into a reply.
func pickAnyReply(picks []int, back, skip int) Reply {
	for _, pick := range picks {
		if pick == back {
			return Reply{Action: Back}
		}
	}
	if len(picks) == 0 || picks[len(picks)-1] == skip {
		return Reply{Action: Skip}
	}
	return Reply{Action: Answered, Picks: picks}
}

// Confirm asks a yes/no question; Enter gives def.
func (t *Terminal) Confirm(question string, def bool) (bool, error) {
	width, _ := t.size()
	message := question
	// survey puts "? " before the message and " (Y/n) " and the typed
	// answer after it, all on one line.
	if utf8.RuneCountInString(question)+16 > width {
		text := strings.Join(wrap(question, width), "\n") + "\n"
		if _, err := io.WriteString(t.out, text); err != nil {
			return false, fmt.Errorf("writing question: %w", err)
		}
		message = "Your answer"
	}
	var yes bool
	prompt := &survey.Confirm{Message: message, Default: def}
	if err := survey.AskOne(prompt, &yes, survey.WithStdio(t.in, t.out, t.out)); err != nil {
		return false, failed("asking to confirm", err)
	}
	return yes, nil
}

// size returns the width to draw within and the terminal's height, 0 when
// unknown. It is measured for every question, so a resized window is
// followed.
func (t *Terminal) size() (width, height int) {
	width = t.opts.width()
	cols, rows, err := term.GetSize(int(t.out.Fd()))
	if err != nil || cols <= 0 {
		return width, 0
	}
	return min(width, max(cols, minWidth)), rows
}

// heading is what Terminal prints above survey's prompt: a blank line to
// set the question apart from the last, the progress line, and the
// question's text and help wrapped to width.
func heading(p Prompt, width int, color bool) string {
	var b strings.Builder
	b.WriteString("\n")
	line := truncate(progress(p), width)
	if color {
		line = "\x1b[1;36m" + line + "\x1b[0m"
	}
	b.WriteString(line + "\n")
	texts := []string{p.Text, p.Help}
	if p.Kind == quiz.PickAny {
		texts = append(texts, "Tick all that apply with Space, then press Enter.")
	}
	for _, text := range texts {
		if text == "" {
			continue
		}
		for _, l := range wrap(text, width) {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
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
