package cli

import (
	"fmt"
	"io"
	"time"
)

// Progress shows how many results have been read, on a terminal and only
// there: a piped run's stderr holds only what was skipped.
type Progress struct {
	w     io.Writer
	on    bool
	last  time.Time
	shown bool
}

// NewProgress shows progress on w where on is set: where w is a terminal.
func NewProgress(w io.Writer, on bool) *Progress {
	return &Progress{w: w, on: on, last: time.Now()}
}

// Tick is called once a result; it looks at the clock every 256 results
// and redraws at most five times a second.
func (p *Progress) Tick(n int) {
	if !p.on || n%256 != 0 {
		return
	}
	if now := time.Now(); now.Sub(p.last) >= 200*time.Millisecond {
		p.last = now
		fmt.Fprintf(p.w, "\rcareerquiz: read %d results…", n)
		p.shown = true
	}
}

// Clear removes the progress line, before a message or at the end.
func (p *Progress) Clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
