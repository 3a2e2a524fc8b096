package ask

import (
	"bytes"
	"io"
	"time"
)

// keyReader stands between the keyboard and the prompt library, so that
// each key does one documented thing and nothing else. survey reads every
// printable key into a filter it shows after the prompt, answers a menu on
// Ctrl-D, and toggles a vim mode on Esc; here letters do nothing visible,
// Ctrl-D saves and quits like Ctrl-C (on purpose, as ErrQuit says), and b,
// s and Esc go back and skip. Those four end survey's prompt the only way
// it can be ended from outside, as if Ctrl-C had been pressed, and action
// says what was meant.
//
// While no key comes, the reader calls idle every pollInterval; when idle
// reports a change (the window was resized), the reader hands survey a key
// that changes nothing, which makes it draw the menu again at the new size.
type keyReader struct {
	in                     FileReader
	menu, multi, canGoBack bool // the prompt's, set by reset
	action                 keyAction
	pending                []byte
	idle                   func() bool
}

type keyAction int

const (
	noAction keyAction = iota
	quitAction
	// saveAction is Ctrl-D: quitting on purpose.
	saveAction
	backAction
	skipAction
)

// Bytes as survey reads them.
const (
	ctrlCByte   = 0x03
	ctrlDByte   = 0x04
	escByte     = 0x1b
	nothingByte = 0x00 // survey redraws on it and otherwise ignores it
)

// pollInterval is how often a waiting menu checks the window's size.
const pollInterval = 100 * time.Millisecond

// reset prepares the reader for a prompt: a menu (multi for pick-any) or,
// with menu false, a yes/no question, where every key but Ctrl-D reaches
// survey as typed.
func (k *keyReader) reset(menu, multi, canGoBack bool, idle func() bool) {
	k.menu, k.multi, k.canGoBack = menu, multi, canGoBack
	k.action = noAction
	k.idle = idle
}

func (k *keyReader) Fd() uintptr { return k.in.Fd() }

func (k *keyReader) Read(p []byte) (int, error) {
	buf := make([]byte, 256)
	for len(k.pending) == 0 {
		if k.idle != nil {
			ready, err := readable(k.in.Fd(), pollInterval)
			if err == nil && !ready {
				if k.idle() {
					k.pending = []byte{nothingByte}
				}
				continue
			}
		}
		n, err := k.in.Read(buf)
		if n == 0 {
			if err == nil {
				err = io.ErrNoProgress
			}
			return 0, err
		}
		k.pending = k.translate(buf[:n])
	}
	n := copy(p, k.pending)
	k.pending = k.pending[n:]
	return n, nil
}

// translate turns what one read brought into what survey is to see.
func (k *keyReader) translate(b []byte) []byte {
	var out bytes.Buffer
	for i := 0; i < len(b); i++ {
		c := b[i]
		if !k.menu {
			if c == ctrlDByte {
				k.action, c = saveAction, ctrlCByte
			}
			out.WriteByte(c)
			continue
		}
		switch {
		case c == escByte && i+1 < len(b) && (b[i+1] == '[' || b[i+1] == 'O'):
			// A key that sends a sequence, such as an arrow: pass it on
			// whole, so that its last letter is not read as a letter.
			j := i + 2
			for j < len(b) && (b[j] < 0x40 || b[j] > 0x7e) {
				j++
			}
			out.Write(b[i:min(j+1, len(b))])
			i = j
		case c == escByte, c == 'b', c == 'B':
			if k.canGoBack {
				return k.end(&out, backAction)
			}
		case c == 's', c == 'S':
			return k.end(&out, skipAction)
		case c == ctrlCByte:
			return k.end(&out, quitAction)
		case c == ctrlDByte:
			return k.end(&out, saveAction)
		case c == 'j':
			out.WriteString("\x1b[B")
		case c == 'k':
			out.WriteString("\x1b[A")
		case c == ' ' && k.multi, c == '\r', c == '\n', c == '\t':
			out.WriteByte(c)
		}
		// Everything else (letters, digits, other control keys, bytes of
		// characters beyond ASCII) is dropped: survey would type it into
		// its filter.
	}
	return out.Bytes()
}

// end ends the prompt for action; keys typed after it in the same burst are
// dropped, since the question they were meant for is gone.
func (k *keyReader) end(out *bytes.Buffer, action keyAction) []byte {
	k.action = action
	out.WriteByte(ctrlCByte)
	return out.Bytes()
}

// steadyWriter passes survey's drawing to the terminal without the cursor
// saves and restores (ESC 7, ESC 8) it wraps around each menu, nor the
// moves up to the highlighted line it makes in between for screen
// readers. A saved cursor is a position on the screen, not in the text:
// once the window grows or shrinks, restoring it lands on another line,
// and the next redraw overprints the question and leaves a stale menu
// below the live one. Without them the cursor stays at the end of the
// menu, where survey's redraw expects to start.
type steadyWriter struct {
	out       FileWriter
	afterSave bool
}

func (w *steadyWriter) Fd() uintptr { return w.out.Fd() }

func (w *steadyWriter) Write(p []byte) (int, error) {
	// survey writes each cursor sequence with a Write of its own.
	switch s := string(p); {
	case s == "\x1b7":
		w.afterSave = true
		return len(p), nil
	case s == "\x1b8":
		w.afterSave = false
		return len(p), nil
	case w.afterSave && (s == "\x1b[1A" || s == "\x1b[0G"):
		return len(p), nil
	}
	w.afterSave = false
	return w.out.Write(p)
}
