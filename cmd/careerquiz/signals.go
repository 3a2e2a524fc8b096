package main

import (
	"fmt"
	"sync"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
)

// stopper ends a quiz run on SIGINT, SIGTERM or SIGHUP, whatever the run is
// doing: waiting for a FIFO bank's writer, reading a file, asking a
// question or writing the result. Most of the time the signal ends the
// process from here, since a blocked read or open cannot be called off.
// While the plain asker reads a line, the signal is handed to it instead,
// so that the run returns as from Ctrl-C and says so in the usual way.
type stopper struct {
	e    env
	done func()

	mu sync.Mutex
	// handoff, while set, receives the first signal, closed.
	handoff chan struct{}
	// restore gives back the terminal a raw-mode asker took; note says
	// where the run stopped.
	restore func()
	note    func() string
}

func watchSignals(e env) *stopper {
	sigs, done := e.interrupts()
	s := &stopper{e: e, done: done}
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
				fmt.Fprint(e.stderr, "\r\x1b[J\x1b[?25h")
			}
			msg := "interrupted"
			if note != nil {
				msg = note()
			}
			e.msgs().Say("careerquiz: %s\n", msg)
			e.exit(cli.ExitInterrupt)
			return
		}
	}()
	return s
}

// HandOff makes the next signal close ch instead of ending the process,
// until the handoff is taken back with HandOff(nil).
func (s *stopper) HandOff(ch chan struct{}) {
	s.mu.Lock()
	s.handoff = ch
	s.mu.Unlock()
}

// OnStop sets what a signal does before the process ends: give the terminal
// back (restore may be nil) and say what note returns (it is called from
// another goroutine).
func (s *stopper) OnStop(restore func(), note func() string) {
	s.mu.Lock()
	s.restore, s.note = restore, note
	s.mu.Unlock()
}

func (s *stopper) stop() { s.done() }
