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

// Encode writes v as every JSON document careerquiz prints: indented by two
// spaces, ending in a newline, HTML characters as they are ("R&D"), and the
// characters a terminal obeys escaped. JSON allows DEL, C1 controls (CSI and
// OSC among them) and bidirectional overrides raw in a string, and a kept
// file is a file anyone may edit; encoding/json escapes only C0 controls.
// Outside strings a JSON document is ASCII, so it stays the same document.
// On error nothing is written.
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
