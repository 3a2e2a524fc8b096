package collect

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// errTooLong ends the decoding of a value longer than MaxSize.
var errTooLong = errors.New("too long")

// stream reads results one after another as json.Decoder finds them: one a
// line (NDJSON), or whole documents as the quiz writes them (cat
// results/*.json). Each is named by the line it starts on. A piece that is
// not JSON is skipped on its own, named by the line it starts on, and the
// reading goes on at the next line that starts with "{".
func (in input) stream(name string, src io.Reader) error {
	c := &counter{r: src, from: -1}
	dec := json.NewDecoder(c)
	base := int64(0) // the offset in src of the decoder's first byte
	at := func(off int64) string { return fmt.Sprintf("%s:%d", name, c.lineAt(off)) }
	tooLong := fmt.Sprintf("longer than %d MiB: no result is that long", MaxSize>>20)
	for {
		c.from = base + dec.InputOffset()
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err == nil {
			it := item{name: at(base + dec.InputOffset() - int64(len(raw))), data: raw}
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
		// that failed; reading goes on after it.
		c.from = -1
		r := bufio.NewReader(io.MultiReader(dec.Buffered(), c))
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
		if err := in.skip(at(pos), "%s", why); err != nil {
			return err
		}
		for first := true; ; first = false {
			if b, err := r.Peek(1); err != nil {
				return nil
			} else if b[0] == '{' && !first {
				break
			}
			n, err := skipLine(r)
			pos += n
			if errors.Is(err, errTooLong) {
				// No line ends within a result's length (a stream of
				// zeros, say): there is no next line to go on at.
				return in.skip(at(pos), "no line ends within %d MiB: the rest is not read", MaxSize>>20)
			}
			if err != nil {
				return nil
			}
		}
		dec, base = json.NewDecoder(r), pos
	}
}

// skipLine reads r up to and including the next newline, holding no more
// than a buffer of it, and returns how many bytes that was; past MaxSize
// with no newline it gives up with errTooLong.
func skipLine(r *bufio.Reader) (int64, error) {
	var n int64
	for {
		chunk, err := r.ReadSlice('\n')
		n += int64(len(chunk))
		if !errors.Is(err, bufio.ErrBufferFull) {
			return n, err
		}
		if n > MaxSize {
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
