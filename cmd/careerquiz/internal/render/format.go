package render

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// The report's formats, by the name --format gives them.
const (
	Text     = "text"
	JSON     = "json"
	Markdown = "markdown"
)

// Options say how a report is laid out where its format lays out lines.
type Options struct {
	// Color turns on ANSI colours. The caller decides, from the stream and
	// NO_COLOR and --no-color; this package never looks at the environment.
	Color bool
	// Width is the number of cells to fit; 0 means 80. Widths below 40
	// are taken as 40, the least the bars need.
	Width int
}

// writers are the formats of the report. A format is one file of this
// package that adds its writer here.
var writers = map[string]func(w io.Writer, r Run, o Options) error{}

// Formats are the names of the report's formats: text, the default,
// first, then the others sorted.
func Formats() []string {
	fs := slices.DeleteFunc(slices.Sorted(maps.Keys(writers)), func(f string) bool { return f == Text })
	return append([]string{Text}, fs...)
}

// FormatList is Formats as a person reads them: "text, json or markdown".
func FormatList() string {
	fs := Formats()
	return strings.Join(fs[:len(fs)-1], ", ") + " or " + fs[len(fs)-1]
}

// Write writes r in format to w; on error nothing is written.
func Write(w io.Writer, format string, r Run, o Options) error {
	write, ok := writers[format]
	if !ok {
		return fmt.Errorf("no report format %q: the formats are %s", format, FormatList())
	}
	return write(w, r, o)
}
