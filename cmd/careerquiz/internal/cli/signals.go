package cli

import (
	"fmt"
	"io"
	"os"
	"sync"
)

// Stopper ends a quiz run on SIGINT, SIGTERM or SIGHUP, whatever the run is
// doing: waiting for a FIFO bank's writer, reading a file, asking a
// question or writing the result. Most of the time the signal ends the
// process from here, since a blocked read or open cannot be called off.
// While the plain asker reads a line, the signal is handed to it instead,
// so that the run returns as from Ctrl-C and says so in the usual way.
type Stopper struct {
	// Stop stops watching.
	Stop func()

	mu sync.Mutex
	// handoff, while set, receives the first signal, closed.
	handoff chan struct{}
	// restore gives back the terminal a raw-mode asker took; note says
	// where the run stopped.
	restore func()
	note    func() string
}

// WatchSignals ends the process with exit on each of sigs, after a line on
// stderr said by msgs, unless a handoff takes the signal; stop stops sigs.
func WatchSignals(sigs <-chan os.Signal, stop func(), stderr io.Writer, msgs func() Messages, exit func(int)) *Stopper {
	s := &Stopper{Stop: stop}
	go func() {
		for range sigs {
			s.mu.Lock()
			if h := s.handoff; h != nil {
				s.handoff = nil
				close(h)
				s.mu.Unlock()
				// A second signal, should the run not return, ends it
				// from here.
				continue
			}
			restore, note := s.restore, s.note
			s.mu.Unlock()
			if restore != nil {
				restore()
				// survey hides the cursor while a menu is up and
				// leaves it within the menu: show it again and clear
				// from there down.
				fmt.Fprint(stderr, "\r\x1b[J\x1b[?25h")
			}
			msg := "interrupted"
			if note != nil {
				msg = note()
			}
			msgs().Say("careerquiz: %s\n", msg)
			exit(ExitInterrupt)
			return
		}
	}()
	return s
}

// HandOff makes the next signal close ch instead of ending the process,
// until the handoff is taken back with HandOff(nil).
func (s *Stopper) HandOff(ch chan struct{}) {
	s.mu.Lock()
	s.handoff = ch
	s.mu.Unlock()
}

// OnStop sets what a signal does before the process ends: give the terminal
// back (restore may be nil) and say what note returns (it is called from
// another goroutine).
func (s *Stopper) OnStop(restore func(), note func() string) {
	s.mu.Lock()
	s.restore, s.note = restore, note
	s.mu.Unlock()
}
