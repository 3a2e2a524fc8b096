package result

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

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
	data, err := encode(v, "  ")
	if err == nil {
		_, err = io.WriteString(w, escapeControls(string(data)))
	}
	return err
}

// Marshal is json.Marshal without HTML escaping, as Encode writes.
func Marshal(v any) ([]byte, error) {
	data, err := encode(v, "")
	return bytes.TrimSuffix(data, []byte("\n")), err
}

// encode is v as encoding/json writes it, indented by indent, without HTML
// escaping, ending in a newline.
func encode(v any, indent string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	err := enc.Encode(v)
	return buf.Bytes(), err
}

func escapeControls(s string) string {
	if strings.IndexFunc(s, needsEscape) < 0 {
		return s
	}
	var b []byte
	for _, r := range s {
		if needsEscape(r) {
			b = fmt.Appendf(b, `\u%04x`, r)
		} else {
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
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
