package collect

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
)

// errTooLong ends the decoding of a value longer than MaxSize.
var errTooLong = errors.New("too long")

// stream reads results one after another as json.Decoder finds them: one a
// line (NDJSON), or whole documents as the quiz writes them (cat
// results/*.json). Each is named by the line it starts on. A piece that is
// not JSON is skipped on its own, named by the lines it spans, and the
// reading goes on at the next line that starts with "{". Memory stays flat
// whatever the input: a skipped line is read in pieces, up to maxJunkLine.
func (in input) stream(name string, src io.Reader) error {
	br := bufio.NewReader(src)
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		br.Discard(3) // a byte order mark, as some editors write
	}
	c := &counter{r: br, from: -1}
	pb := &pushback{r: c}
	dec := json.NewDecoder(pb)
	base := int64(0) // the offset in src of the decoder's first byte
	tooLong := fmt.Sprintf("longer than %d MiB: no result is that long", MaxSize>>20)
	for {
		c.from = base + dec.InputOffset()
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err == nil {
			it := item{name: fmt.Sprintf("%s:%d", name, c.lineAt(base+dec.InputOffset()-int64(len(raw)))), data: raw}
			if len(raw) > MaxSize {
				it.data, it.skip = nil, tooLong
			}
			if !in.emit(it) {
				return errStopped
			}
			continue
		}
		var se *json.SyntaxError
		var why string
		switch {
		case errors.As(err, &se):
			why = "not JSON: " + se.Error()
		case errors.Is(err, io.ErrUnexpectedEOF):
			why = "not JSON: unexpected end of JSON input"
		case errors.Is(err, errTooLong):
			why = tooLong
		default:
			return fmt.Errorf("%s: %w", name, err)
		}
		// What the decoder has not taken is whitespace, then the piece
		// that failed: it is read again from here, and reading goes on
		// after the piece.
		held, _ := io.ReadAll(dec.Buffered())
		pb.unread(held)
		c.from = -1
		r := bufio.NewReader(pb)
		pos := base + dec.InputOffset()
		for {
			b, err := r.ReadByte()
			if err != nil {
				return nil
			}
			if b != ' ' && b != '\t' && b != '\r' && b != '\n' {
				r.UnreadByte()
				break
			}
			pos++
		}
		first := c.lineAt(pos)
		more := true
		for skipped := true; more; skipped = false {
			if b, err := r.Peek(1); err != nil {
				more = false
				break
			} else if b[0] == '{' && !skipped {
				break
			}
			n, err := skipLine(r)
			pos += n
			if errors.Is(err, errTooLong) {
				// No line ends (a stream of zeros, say): there is no
				// next line to go on at.
				why += fmt.Sprintf(", and no line ends within %d MiB: the rest is not read", maxJunkLine>>20)
				more = false
			} else if err != nil {
				more = false
			}
			c.lineAt(pos - 1) // forgets the newlines passed, however many
		}
		span := fmt.Sprintf("%s:%d", name, first)
		if last := c.lineAt(pos - 1); last > first {
			span += fmt.Sprintf("-%d", last)
		}
		if err := in.skip(span, "%s", why); err != nil || !more {
			return err
		}
		// What the line reader holds is where the decoder starts.
		held, _ = r.Peek(r.Buffered())
		pb.unread(held)
		dec, base = json.NewDecoder(pb), pos
	}
}

// pushback reads r, after bytes handed back to it: those a decoder or a
// line reader took in but did not use.
type pushback struct {
	r       io.Reader
	pending []byte
}

func (p *pushback) Read(b []byte) (int, error) {
	if len(p.pending) > 0 {
		n := copy(b, p.pending)
		p.pending = p.pending[n:]
		return n, nil
	}
	return p.r.Read(b)
}

// unread hands back b, to be read before anything else.
func (p *pushback) unread(b []byte) { p.pending = append(slices.Clone(b), p.pending...) }

// maxJunkLine is the longest line skipped. Skipping costs no memory, so the
// limit only ends input that never ends a line, such as /dev/zero piped in.
const maxJunkLine = 16 << 20

// skipLine reads r up to and including the next newline, holding no more
// than a buffer of it, and returns how many bytes that was; past
// maxJunkLine with no newline it gives up with errTooLong.
func skipLine(r *bufio.Reader) (int64, error) {
	var n int64
	for {
		chunk, err := r.ReadSlice('\n')
		n += int64(len(chunk))
		if !errors.Is(err, bufio.ErrBufferFull) {
			return n, err
		}
		if n > maxJunkLine {
			return n, errTooLong
		}
	}
}

// counter passes a stream through, counting its lines, and fails a value
// that grows past MaxSize (with room for one read of slack) before the
// decoder has it all in memory.
type counter struct {
	r io.Reader
	// read is the number of bytes passed on; from is the offset the
	// value being decoded starts at, or -1 while no limit applies.
	read, from int64
	// line is the number of newlines before the offsets in newlines,
	// which are those of the newlines passed on and not yet asked about.
	line     int
	newlines []int64
}

const chunk = 32 << 10

func (c *counter) Read(p []byte) (int, error) {
	if c.from >= 0 && c.read-c.from > MaxSize+chunk {
		return 0, errTooLong
	}
	n, err := c.r.Read(p[:min(len(p), chunk)])
	for i, b := range p[:n] {
		if b == '\n' {
			c.newlines = append(c.newlines, c.read+int64(i))
		}
	}
	c.read += int64(n)
	return n, err
}

// lineAt is the 1-based line of the byte at offset off. Offsets must be
// asked about in order.
func (c *counter) lineAt(off int64) int {
	k := 0
	for k < len(c.newlines) && c.newlines[k] < off {
		k++
	}
	c.line += k
	c.newlines = c.newlines[k:]
	return c.line + 1
}
