package textwrap

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWrap(t *testing.T) {
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Wrap(tt.in, tt.width, tt.indent)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Wrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
			for _, l := range got {
				if utf8.RuneCountInString(l) > tt.width {
					t.Errorf("line %q is wider than %d", l, tt.width)
				}
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"a bit too long", 10, "a bit too…"},
		{"ééééééé", 4, "ééé…"},
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
			if n := utf8.RuneCountInString(l); n > width {
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
