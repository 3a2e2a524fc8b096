package result

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/careerquiz/careerquiz/internal/termsafe"
)

// Encode writes v as every JSON document careerquiz prints is written:
// indented by two spaces, ending in a newline, HTML characters as they are
// (a bank titled "R&D" is "R&D" in every document), and the characters a
// terminal obeys escaped. JSON allows C1 controls (U+0080 to U+009F, which
// include CSI and OSC), DEL and the bidirectional overrides raw in a
// string; a kept file is a file anyone may edit, so they are escaped here.
// encoding/json already escapes C0 controls, and outside strings a JSON
// document holds only ASCII, so the document stays the same document. On
// error nothing is written.
func Encode(w io.Writer, v any) error {
	data, err := Marshal(v)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, data, "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err = io.WriteString(w, escapeControls(out.String()))
	return err
}

// Marshal is json.Marshal without HTML escaping, as Encode writes.
func Marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func escapeControls(s string) string {
	if strings.IndexFunc(s, needsEscape) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		if needsEscape(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// needsEscape reports whether r is a character at or beyond DEL that the
// one cleaning rule, termsafe.Clean, would remove. Characters below DEL
// are encoding/json's to escape.
func needsEscape(r rune) bool {
	if r < 0x7f {
		return false
	}
	s := string(r)
	return termsafe.Clean(s) != s
}
