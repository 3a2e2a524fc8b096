package ask

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"unicode"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
)

// Plain asks questions as numbered lists and reads one typed line per
// answer. It suits pipes, files and screen readers: nothing is redrawn or
// coloured, and everything it writes reads well aloud, top to bottom.
//
// Plain reads exactly one line per answer and nothing ahead, from a buffer
// kept across calls, so Ask and Confirm can share one input stream. A Plain
// must be used from one goroutine at a time.
type Plain struct {
	in   *bufio.Reader
	out  io.Writer
	opts Options
	// pending holds the result of a line read still under way. A read
	// abandoned because of an interrupt is picked up by the next call
	// rather than raced by a second read.
	pending chan lineRead
}

type lineRead struct {
	line string
	err  error
}

// NewPlain returns an asker that writes questions to out and reads answers
// from in.
func NewPlain(in io.Reader, out io.Writer, opts Options) *Plain {
	return &Plain{in: bufio.NewReader(in), out: out, opts: opts}
}

// Ask writes the question with its numbered options and reads answers until
// one is valid. An empty line keeps the previous answer where there is one;
// "s" skips and "b" goes back (refused on the first question). Input that
// makes no sense is explained and asked for again.
func (a *Plain) Ask(p Prompt) (Reply, error) {
	if len(p.Options) == 0 {
		return Reply{}, fmt.Errorf("question %d has no options", p.Number)
	}
	prev := previousPicks(p)
	return until(a, a.question(p), instructions(p, prev), fmt.Sprintf("writing question %d", p.Number), func(line string) (Reply, string) {
		return parseReply(p, prev, line)
	})
}

// Confirm asks a yes/no question; an empty line gives def.
func (a *Plain) Confirm(question string, def bool) (bool, error) {
	hint := "[y/N]"
	if def {
		hint = "[Y/n]"
	}
	return until(a, "", question+" "+hint, "writing question", func(line string) (bool, string) {
		if yes, ok := yesNo(line, def, "n", "no"); ok {
			return yes, ""
		}
		return false, "Please type y or n."
	})
}

// Offer asks whether to take what question offers: an empty line (or y)
// takes it, c (or n) goes on.
func (a *Plain) Offer(question string) (bool, error) {
	return until(a, "", question+" [Enter/c]", "writing question", func(line string) (bool, string) {
		if take, ok := offerReply(line); ok {
			return take, ""
		}
		return false, "Please press Enter, or type c."
	})
}

// until writes head, then prompt, and reads lines until read takes one,
// writing after each line it does not take why it does not; what names
// the writing in an error. Once the interrupt has fired, nothing is shown.
func until[T any](a *Plain, head, prompt, what string, read func(line string) (T, string)) (T, error) {
	var zero T
	if a.interrupted() {
		return zero, ErrInterrupted
	}
	// The cursor stays after the prompt, with room to type a reply such as
	// "1 3 5" before the terminal wraps it.
	prompt = textwrap.String(prompt+":", max(a.opts.width()-12, 28), "") + " "
	for text := head + prompt; ; text = prompt {
		if _, err := io.WriteString(a.out, text); err != nil {
			return zero, fmt.Errorf("%s: %w", what, err)
		}
		line, err := a.readLine()
		if err != nil {
			return zero, err
		}
		v, why := read(line)
		if why == "" {
			return v, nil
		}
		if _, err := fmt.Fprintln(a.out, why); err != nil {
			return zero, fmt.Errorf("%s: %w", what, err)
		}
	}
}

// question renders everything shown before the prompt line. The leading
// blank line separates questions even where the answers typed are not
// echoed, as when input comes from a pipe.
func (a *Plain) question(p Prompt) string {
	w := a.opts.width()
	var b strings.Builder
	b.WriteString("\n" + progress(p) + "\n" + body(p, w))
	digits := len(strconv.Itoa(len(p.Options)))
	indent := strings.Repeat(" ", digits+4)
	for i, opt := range p.Options {
		for _, line := range textwrap.Hanging(fmt.Sprintf("  %*d) ", digits, i+1), indent, opt, w) {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// instructions says what may be typed in answer to p.
func instructions(p Prompt, prev []int) string {
	n := len(p.Options)
	parts := []string{fmt.Sprintf("Type a number from 1 to %d", n)}
	if p.Kind.Multiple() {
		parts[0] = fmt.Sprintf("Type numbers from 1 to %d (like 1 3)", n)
	}
	parts = append(parts, "s to skip")
	if p.CanGoBack {
		parts = append(parts, "b to go back")
	}
	if prev != nil {
		parts = append(parts, "Enter to keep your answer ("+numbers(prev)+")")
	}
	last := len(parts) - 1
	return strings.Join(parts[:last], ", ") + ", or " + parts[last]
}

// parseReply reads one typed line as a reply to p. When the line is not a
// valid reply, why says so in a sentence for the person, and the reply is
// to be ignored.
func parseReply(p Prompt, prev []int, line string) (reply Reply, why string) {
	s := strings.ToLower(strings.TrimSpace(line))
	switch s {
	case "":
		if prev != nil {
			return Reply{Action: Answered, Picks: append([]int(nil), prev...)}, ""
		}
		if p.Kind.Multiple() {
			return Reply{}, "Nothing was typed: type the numbers of your answers, or s to skip."
		}
		return Reply{}, "Nothing was typed: type the number of your answer, or s to skip."
	case "s", "skip":
		return Reply{Action: Skip}, ""
	case "b", "back":
		if !p.CanGoBack {
			return Reply{}, "This is the first question, so there is no question to go back to."
		}
		return Reply{Action: Back}, ""
	}
	n := len(p.Options)
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
	if len(fields) == 0 {
		return Reply{}, fmt.Sprintf("Type a number from 1 to %d, or s to skip.", n)
	}
	if !p.Kind.Multiple() && len(fields) > 1 {
		return Reply{}, "This question takes one answer: type just one number."
	}
	var picks []int
	for _, f := range fields {
		v, err := strconv.Atoi(f)
		if err != nil {
			return Reply{}, fmt.Sprintf("%q is not a number from 1 to %d.", f, n)
		}
		if v < 1 || v > n {
			return Reply{}, fmt.Sprintf("There is no option %d: the options go from 1 to %d.", v, n)
		}
		picks = append(picks, v-1)
	}
	slices.Sort(picks)
	return Reply{Action: Answered, Picks: slices.Compact(picks)}, ""
}

// readLine returns the next line of input without its line ending. The read
// runs in its own goroutine so that an interrupt can end the wait; a read so
// abandoned is finished by the next call.
func (a *Plain) readLine() (string, error) {
	if a.pending == nil {
		ch := make(chan lineRead, 1)
		a.pending = ch
		in := a.in
		go func() {
			line, err := in.ReadString('\n')
			ch <- lineRead{line, err}
		}()
	}
	select {
	case r := <-a.pending:
		a.pending = nil
		switch {
		case r.err == nil, errors.Is(r.err, io.EOF) && r.line != "":
			// A last line without a line ending still counts; the
			// next read reports the end of input.
			return strings.TrimRight(r.line, "\r\n"), nil
		case errors.Is(r.err, io.EOF) && a.opts.EndIsQuit:
			return "", ErrQuit
		case errors.Is(r.err, syscall.EIO) && a.opts.EndIsQuit:
			// A terminal that is closed (its window, an ssh session)
			// reads as an I/O error before or instead of SIGHUP: the
			// person has gone, as with Ctrl-C.
			return "", ErrInterrupted
		case errors.Is(r.err, io.EOF):
			return "", ErrInputEnded
		default:
			return "", fmt.Errorf("reading answer: %w", r.err)
		}
	case <-a.opts.Interrupt:
		return "", ErrInterrupted
	}
}

// interrupted reports whether the interrupt has already fired, so that no
// question is shown after it.
func (a *Plain) interrupted() bool {
	select {
	case <-a.opts.Interrupt:
		return true
	default:
		return false
	}
}
