package textwrap

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

func TestWrap(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     string
		width  int
		indent string
		want   []string
	}{
		{"fits", "one two", 20, "", []string{"one two"}},
		{"breaks at spaces", "one two three four five", 12, "", []string{"one two", "three four", "five"}},
		{"indent counts", "one two three", 10, "  ", []string{"  one two", "  three"}},
		{"long word is cut", "abcdefghijklmnop", 10, "", []string{"abcdefghij", "klmnop"}},
		{"newlines kept", "one\n\ntwo", 20, "", []string{"one", "", "two"}},
		{"trailing newline dropped", "one\n", 20, "", []string{"one"}},
		{"runes not bytes", "ééééé ééééé", 5, "", []string{"ééééé", "ééééé"}},
		// A Chinese character and an emoji each take two cells of a
		// terminal, a combining accent none: lines are measured in cells.
		{"Chinese in cells", "后端工程师设计整个系统 后端开发者写代码", 10, "", []string{"后端工程师", "设计整个系", "统", "后端开发者", "写代码"}},
		{"emoji in cells", "🚀🚀 go 🚀🚀🚀", 6, "", []string{"🚀🚀", "go", "🚀🚀🚀"}},
		{"a combining accent takes no cell", "cafe\u0301 cafe\u0301", 4, "", []string{"cafe\u0301", "cafe\u0301"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Wrap(tt.in, tt.width, tt.indent)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Wrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
			for _, l := range got {
				if Width(l) > tt.width {
					t.Errorf("line %q is wider than %d", l, tt.width)
				}
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"a bit too long", 10, "a bit too…"},
		{"ééééééé", 4, "ééé…"},
		{"后端工程师", 5, "后端…"},
		{"🚀🚀🚀", 4, "🚀…"},
	}
	for _, tt := range tests {
		if got := Truncate(tt.in, tt.width); got != tt.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("When an API is attacked, what do you reach for first?", 20)
	f.Add("a\nbb  ccc\n\ndddddddddddddddd", 3)
	f.Fuzz(func(t *testing.T, text string, width int) {
		if !utf8.ValidString(text) {
			return
		}
		width = 1 + (width%100+100)%100
		lines := Wrap(text, width, "")
		for _, l := range lines {
			// Only a character wider than the line stands alone in it.
			if n := Width(l); n > width && uniseg.GraphemeClusterCount(l) > 1 {
				t.Fatalf("line %q is %d wide, more than %d", l, n, width)
			}
		}
		// No word is lost: the text without white space is unchanged.
		squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if got, want := squash(strings.Join(lines, " ")), squash(text); got != want {
			t.Fatalf("wrapping lost text: %q became %q", want, got)
		}
	})
}
