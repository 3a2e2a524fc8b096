package ask

// Options tune how an asker draws its questions. The zero value is ready to
// use: text wrapped at 80 columns, no colour, no interrupt channel.
type Options struct {
	// Width is the column at which question text is wrapped; 0 means 80.
	// Terminal also keeps within the terminal's own width when it is
	// narrower, and never goes past 80 unless Width asks for it, because
	// longer lines are harder to read.
	Width int
	// Color lets Terminal draw the progress line in bold colour and survey
	// draw its prompt in colour. Plain never colours anything: its output
	// is meant for pipes and screen readers.
	Color bool
	// Interrupt, when it receives or is closed, makes a waiting Plain.Ask or
	// Plain.Confirm return ErrInterrupted at once. The caller turns Ctrl-C
	// (SIGINT) into this signal; Terminal reads Ctrl-C as a key instead and
	// ignores Interrupt.
	Interrupt <-chan struct{}
	// EndIsQuit makes the end of input a Plain.Ask or Plain.Confirm meets
	// ErrInterrupted rather than ErrInputEnded. Input typed at a terminal
	// ends only when the person presses Ctrl-D, which is quitting, as it is
	// in Terminal; input from a pipe or a file just runs out.
	EndIsQuit bool
}

// minWidth keeps wrapping sensible on absurdly narrow terminals: below it,
// lines are allowed to wrap rather than be cut into one word per line.
const minWidth = 20

// width returns the wrapping column asked for, or 80.
func (o Options) width() int {
	if o.Width > 0 {
		return max(o.Width, minWidth)
	}
	return 80
}
